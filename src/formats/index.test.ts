import { describe, it, expect } from 'vitest';
import {
  FORMAT_NAMES,
  ImportError,
  UnsupportedFormatError,
  importDataset,
  type FormatId,
} from './index';

function bigCsv(rows: number): string {
  const lines = ['title,start,lat,lon'];
  for (let i = 0; i < rows; i++) lines.push(`Event ${i},2025-01-01,${i % 80},${i % 170}`);
  return lines.join('\n');
}

describe('importDataset', () => {
  it('throws UnsupportedFormatError naming the file, the reason and every supported format', () => {
    let error: unknown;
    try {
      importDataset('hello, world\n1,2\n', { fileName: 'notes.txt' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UnsupportedFormatError);
    const message = (error as Error).message;
    expect(message).toMatch(
      /^notes\.txt: its first line \(hello, world\) names no column Dateline recognises/,
    );
    for (const name of Object.values(FORMAT_NAMES)) expect(message).toContain(name);
    expect((error as UnsupportedFormatError).reason).toMatch(/^its first line/);
  });

  it('throws ImportError with the loader’s report for a dateline file that cannot load', () => {
    let error: unknown;
    try {
      importDataset('{"format":"dateline/2","events":[]}', { fileName: 'old.json' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).report.problems[0]!.message).toBe(
      '“format” must be “dateline/1”; found “dateline/2”',
    );
    expect((error as Error).message).toBe(
      'old.json: “format” must be “dateline/1”; found “dateline/2”',
    );
  });

  it('reports progress every 2000 rows and once at the end', () => {
    const calls: Array<[number, number]> = [];
    const r = importDataset(bigCsv(5000), {
      fileName: 'big.csv',
      onProgress: (done, total) => calls.push([done, total]),
    });
    expect(r.report.eventsAccepted).toBe(5000);
    expect(calls).toEqual([
      [0, 5000],
      [2000, 5000],
      [4000, 5000],
      [5000, 5000],
    ]);
  });

  it('stops with an AbortError when the signal is set mid-import', () => {
    const signal = { aborted: false };
    let error: unknown;
    try {
      importDataset(bigCsv(5000), {
        fileName: 'big.csv',
        signal,
        onProgress: (done) => {
          if (done >= 2000) signal.aborted = true;
        },
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe('AbortError');
    expect((error as Error).message).toBe('The import of big.csv was cancelled');
  });

  it('does not start when already aborted', () => {
    expect(() =>
      importDataset('title,start\nA,2025\n', { fileName: 'a.csv', signal: { aborted: true } }),
    ).toThrow(expect.objectContaining({ name: 'AbortError' }));
  });

  it('imports 100,000 rows', () => {
    const r = importDataset(bigCsv(100_000), { fileName: 'huge.csv' });
    expect(r.report.eventsAccepted).toBe(100_000);
  });

  it('names every format for people', () => {
    const ids: FormatId[] = [
      'dateline-json',
      'dateline-csv',
      'timelinejs-csv',
      'timelinejs-json',
      'acled-csv',
      'ucdp-ged-csv',
      'geojson',
      'timemap-json',
      'timelinejs2-json',
      'storymap-json',
      'kml',
      'ical',
      'gdelt',
      'columns-csv',
      'columns-json',
      'parquet',
      'arrow-ipc',
    ];
    expect(Object.keys(FORMAT_NAMES).sort()).toEqual([...ids].sort());
  });
});
