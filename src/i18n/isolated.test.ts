import { describe, expect, it } from 'vitest';
import { isolatedParts } from './isolated';

const fake =
  (messages: Record<string, string>) => (key: string, v: Record<string, string | number>) =>
    (messages[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => String(v[name]));

describe('isolatedParts', () => {
  it('splits the data out of the sentence, wherever the language puts it', () => {
    const en = fake({ k: 'Reported by {name}' });
    expect(isolatedParts('k', { name: 'حركة حماس 2' }, ['name'], en)).toEqual([
      'Reported by ',
      { data: 'حركة حماس 2' },
    ]);
    const ar = fake({ k: '{name} :أفاد به' });
    expect(isolatedParts('k', { name: 'Steve Witkoff' }, ['name'], ar)).toEqual([
      { data: 'Steve Witkoff' },
      ' :أفاد به',
    ]);
  });

  it('keeps values that are not isolated in the text, and data that looks like a marker whole', () => {
    const m = fake({ k: '{place}: {n} events' });
    expect(isolatedParts('k', { place: 'Cairo', n: 3 }, ['place'], m)).toEqual([
      { data: 'Cairo' },
      ': 3 events',
    ]);
    expect(isolatedParts('k', { place: 'a\uE000b', n: 1 }, ['place'], m)).toEqual([
      { data: 'a\uE000b' },
      ': 1 events',
    ]);
  });
});
