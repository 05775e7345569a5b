import { describe, expect, it } from 'vitest';
import { datasetSlug, exportFileName } from './exportName';
import type { ExportFormat } from './types';

const now = new Date(2026, 11, 3, 15, 30); // 3 December 2026, the reader's own day
const name = (format: ExportFormat, filters = '') =>
  exportFileName({ slug: 'gaza-ceasefire-2025-02', format, filters, now });

describe('exportFileName', () => {
  it('is the dataset’s slug, what the file holds and the day', () => {
    expect(name('csv')).toBe('gaza-ceasefire-2025-02-events-2026-12-03.csv');
    expect(name('geojson')).toBe('gaza-ceasefire-2025-02-events-2026-12-03.geojson');
    expect(name('dateline-json')).toBe('gaza-ceasefire-2025-02-dateline-2026-12-03.json');
    expect(name('timelinejs-json')).toBe('gaza-ceasefire-2025-02-timelinejs-2026-12-03.json');
  });

  it('never gives two formats, or two filters, the same name on one day', () => {
    const formats: ExportFormat[] = ['dateline-json', 'csv', 'geojson', 'timelinejs-json'];
    const filters = [
      '',
      '?q=cairo',
      '?q=cairo&from=2025-02-20',
      '?types=visit',
      '?types=statement',
    ];
    const names = formats.flatMap((f) => filters.map((q) => name(f, q)));
    expect(new Set(names).size).toBe(names.length);
    expect(name('csv', '?q=cairo')).toMatch(
      /^gaza-ceasefire-2025-02-events-filtered-[0-9a-z]{6}-2026-12-03\.csv$/,
    );
  });

  it('gives the same filters the same name, so a second copy is the same file', () => {
    expect(name('csv', '?q=cairo')).toBe(name('csv', '?q=cairo'));
  });

  it('writes the reader’s own day, with a leading zero', () => {
    const jan = exportFileName({
      slug: 's',
      format: 'csv',
      filters: '',
      now: new Date(2027, 0, 5),
    });
    expect(jan).toBe('s-events-2027-01-05.csv');
  });
});

describe('datasetSlug', () => {
  it('takes the file’s name without its extension', () => {
    expect(datasetSlug('gaza-ceasefire-2025-02.json', 'Gaza ceasefire')).toBe(
      'gaza-ceasefire-2025-02',
    );
    expect(datasetSlug('https://example.org/data/ACLED Export (2024).csv', 'x')).toBe(
      'acled-export-2024',
    );
  });

  it('takes the title when the file’s name says nothing', () => {
    expect(datasetSlug('events.csv', 'Talks in Cairo: February')).toBe('talks-in-cairo-february');
    expect(datasetSlug('pasted text', 'Notes')).toBe('notes');
    expect(datasetSlug(null, 'Élections 2025')).toBe('elections-2025');
    expect(datasetSlug('حماس.json', 'حماس')).toBe('dateline');
  });
});
