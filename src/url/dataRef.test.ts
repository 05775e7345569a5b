import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dataDownloadUrl } from './dataRef';
import { parseViewState } from './viewState';

const BASE = 'https://news.example/dateline/';

/** What the app downloads for a link's ?data= value: what it parses, unless kept locally. */
function appDownloads(value: string): string | null {
  const { data } = parseViewState(`?data=${encodeURIComponent(value)}`).state;
  return data === null || data.startsWith('local:') ? null : new URL(data, BASE).href;
}

describe('dataDownloadUrl (the early download of index.html)', () => {
  it.each([
    ['/imports/events.csv', 'https://news.example/imports/events.csv'],
    ['./data/x.json', 'https://news.example/dateline/data/x.json'],
    [' https://other.example/d.json ', 'https://other.example/d.json'],
    ['//127.0.0.2/imports/x.csv', null],
    ['/\\evil.example/x.json', null],
    ['javascript:alert(1)', null],
    ['data/x.json', null],
    ['local:abcdef123', null],
    ['', null],
  ])('%j → %s', (value, expected) => {
    expect(dataDownloadUrl(value, BASE)).toBe(expected);
  });

  it('downloads exactly what the app would, for any value', () => {
    const value = fc.oneof(
      fc.string(),
      fc.webUrl(),
      fc.webPath(),
      fc.constantFrom('/', './', '//', 'local:', 'http:', 'https://', ' ', '\\', '\u0000', '%'),
      fc
        .array(fc.constantFrom('/', './', '//', 'local:', 'http:', 'a', '.', ' ', '\\', '\n', '?'))
        .map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(value, (v) => {
        expect(dataDownloadUrl(v, BASE)).toBe(appDownloads(v));
      }),
      { numRuns: 1000 },
    );
  });
});
