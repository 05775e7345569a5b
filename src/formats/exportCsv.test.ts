// Export as CSV, then import. What CSV holds: id, title, summary, type, time (start, end,
// precision, approximate, text), status, place (name, lat, lon, precision), actors (name and
// role), claim (who, by name, and status), tags and every `extra` key.
// and where a geocoded place came from (geocoded_from, geocoded_match, geocoded_by).
// What it cannot hold: evidence; summaryHtml and media; actor ids, kinds, aliases and memberOf
// (ids are made again from names, kinds are `organisation`); a claim by an actor who takes part
// in no exported event (it comes back as a source of that name); sources beyond their title;
// place ids, radius and note; the dataset's title, description and extra.
import { describe, it, expect } from 'vitest';
import type { Dataset } from '../model/dataset';
import { parseCsv } from './csv';
import { exportEvents, importDataset } from './index';
import { richDataset } from './richDataset';
import { whatCsvHolds } from './whatCsvHolds';

const holds = (d: Dataset) => d.events.map((e) => whatCsvHolds(e, d));

describe('CSV export', () => {
  it('round-trips every field CSV can hold', () => {
    const dataset = richDataset();
    const file = exportEvents('csv', dataset, dataset.events);
    const back = importDataset(file.text, { fileName: 'export.csv' });
    expect(back.format).toBe('dateline-csv');
    expect(back.report.problems).toEqual([]);
    expect(holds(back.dataset)).toEqual(holds(dataset));
  });

  it('is UTF-8 CSV with a BOM and CRLF, the Dateline columns then one per extra key', () => {
    const dataset = richDataset();
    const file = exportEvents('csv', dataset, dataset.events);
    expect(file.mime).toBe('text/csv;charset=utf-8');
    expect(file.extension).toBe('csv');
    expect(file.text.startsWith('\ufeffid,title,summary,type,start,end,precision,')).toBe(true);
    const { header } = parseCsv(file.text);
    expect(header.slice(-3)).toEqual(['fatalities', 'extra.title', 'Notes']);
    expect(file.text).toContain('\r\n');
  });

  it('guards cells against formula injection but keeps negative coordinates as numbers', () => {
    const dataset = richDataset();
    const { text } = exportEvents('csv', dataset, dataset.events);
    const { header, rows } = parseCsv(text);
    const row = rows.find((r) => r[0] === 'night-strike')!;
    const cell = (name: string) => row[header.indexOf(name)];
    expect(cell('title')).toBe(`'=HYPERLINK("http://evil","click") strike`);
    expect(cell('summary')!.startsWith("'-1 line")).toBe(true);
    expect(cell('lat')).toBe('-33.9249');
    expect(cell('lon')).toBe('-18.4241');
    const talks = rows.find((r) => r[0] === 'talks-resume')!;
    expect(talks[header.indexOf('Notes')]).toBe("'=2+2");
  });

  it('says which places Dateline found by name, as Dateline JSON does, and leaves the others blank', () => {
    const dataset = richDataset();
    const { header, rows } = parseCsv(exportEvents('csv', dataset, dataset.events).text);
    expect(header.slice(header.indexOf('tags') + 1, header.indexOf('tags') + 4)).toEqual([
      'geocoded_from',
      'geocoded_match',
      'geocoded_by',
    ]);
    const cells = (id: string) => {
      const row = rows.find((r) => r[0] === id)!;
      return ['geocoded_from', 'geocoded_match', 'geocoded_by'].map((c) => row[header.indexOf(c)]);
    };
    expect(cells('night-strike')).toEqual(['South', 'South (area)', 'alias']);
    expect(cells('talks-resume')).toEqual(['', '', '']);
    const json = JSON.parse(exportEvents('dateline-json', dataset, dataset.events).text);
    const place = json.events.find((e: { id: string }) => e.id === 'night-strike').place;
    expect(place.geocoded).toEqual({ query: 'South', matched: 'South (area)', by: 'alias' });
  });

  it('keeps geocoding it cannot read back in extra, as the file wrote it', () => {
    const csv =
      'title,start,lat,lon,geocoded_from,geocoded_by\nA,2025-02-27,1,2,Somewhere,a guess\n';
    const back = importDataset(csv, { fileName: 'x.csv' });
    const [e] = back.dataset.events;
    expect(back.dataset.places.get(e!.placeKey!)?.geocoded).toBeUndefined();
    expect(e!.extra).toEqual({ geocoded_from: 'Somewhere', geocoded_by: 'a guess' });
  });

  it('writes only the header for no events', () => {
    const { text } = exportEvents('csv', richDataset(), []);
    expect(parseCsv(text).rows.filter((r) => r.some(Boolean))).toEqual([]);
  });
});
