import { describe, it, expect } from 'vitest';
import { EventSchema } from '../model/schema';
import { idForName, isSlug, slugify } from './slug';

describe('slugify', () => {
  it.each([
    ['Talks begin in Cairo!', 'talks-begin-in-cairo'],
    ['  Ürgüp — Kayseri  ', 'urgup-kayseri'],
    ['Military Forces of Israel (2022-)', 'military-forces-of-israel-2022'],
    ['PSE12345', 'pse12345'],
    ['حماس', ''],
  ])('%s → %s', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });

  it('cuts long text at a word boundary', () => {
    expect(slugify('one two three four', 12)).toBe('one-two');
    expect(slugify('abcdefghijklmnop', 5)).toBe('abcde');
  });

  it('makes ids the schema accepts', () => {
    const slug = slugify('A — very, very odd: title?');
    expect(isSlug(slug)).toBe(true);
    expect(EventSchema.shape.id.safeParse(slug).success).toBe(true);
  });
});

describe('idForName', () => {
  it('uses the slug when there is one, else a stable hash with the prefix', () => {
    expect(idForName('Hamas', 'actor')).toBe('hamas');
    const id = idForName('حماس', 'actor');
    expect(id).toMatch(/^actor-[a-z0-9]+$/);
    expect(idForName('حماس', 'actor')).toBe(id);
    expect(idForName('فتح', 'actor')).not.toBe(id);
  });
});

describe('isSlug', () => {
  it.each([
    ['talks-begin', true],
    ['a.b_c', true],
    ['Talks', false],
    ['-x', false],
    ['', false],
  ])('%s → %s', (text, expected) => {
    expect(isSlug(text)).toBe(expected);
  });
});
