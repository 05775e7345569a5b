// Every fixture through the public API, as the UI and the end-to-end tests use them: detected by
// content, imported, the clean file with no error and the bad-row file with exactly one row
// rejected, named by row (or index) and column (or field).
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { describeLocation } from '../model/dataset';
import { detectFormat, importDataset } from './index';
import type { FormatId } from './types';

const read = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');

const FIXTURES: Array<{
  format: FormatId;
  clean: string;
  bad: string;
  events: number;
  badAt: string;
}> = [
  {
    format: 'dateline-json',
    clean: 'dateline.json',
    bad: 'dateline-bad-row.json',
    events: 5,
    badAt: 'events[5] “exchange-overnight” · time.end',
  },
  {
    format: 'dateline-csv',
    clean: 'dateline.csv',
    bad: 'dateline-bad-row.csv',
    events: 5,
    badAt: 'row 7 “overnight-exchange” · column start',
  },
  {
    format: 'timelinejs-csv',
    clean: 'timelinejs.csv',
    bad: 'timelinejs-bad-row.csv',
    events: 3,
    badAt: 'row 7 “u-s-envoy-steve-witkoff-expected-in-the-region-7” · column Year',
  },
  {
    format: 'timelinejs-json',
    clean: 'timelinejs.json',
    bad: 'timelinejs-bad-row.json',
    events: 4,
    badAt: 'events[4] “witkoff-expected” · start_date.month',
  },
  {
    format: 'acled-csv',
    clean: 'acled.csv',
    bad: 'acled-bad-row.csv',
    events: 5,
    badAt: 'row 7 “xmp2004” · column latitude',
  },
  {
    format: 'geojson',
    clean: 'events.geojson',
    bad: 'events-bad-row.geojson',
    events: 4,
    badAt: 'features[4] “protest-with-an-impossible-position-5” · geometry.coordinates',
  },
  {
    format: 'timemap-json',
    clean: 'timemap.json',
    bad: 'timemap-bad-row.json',
    events: 6,
    badAt: 'events[4] “civ0008” · latitude',
  },
  {
    format: 'timelinejs2-json',
    clean: 'timelinejs2.json',
    bad: 'timelinejs2-bad-row.json',
    events: 4,
    badAt: 'events[2] “sh-t-cats-say-3” · startDate',
  },
  {
    format: 'storymap-json',
    clean: 'storymap.json',
    bad: 'storymap-bad-row.json',
    events: 4,
    badAt: 'events[3] · date',
  },
  {
    format: 'kml',
    clean: 'placemarks.kml',
    bad: 'placemarks-bad-row.kml',
    events: 5,
    badAt: 'events[3] “when-2009-03-14t21-06-45-4” · Point.coordinates',
  },
  {
    format: 'ical',
    clean: 'calendar.ics',
    bad: 'calendar-bad-row.ics',
    events: 4,
    badAt: 'events[2] “19970901t130000z-123403-example-com” · DTSTART',
  },
  {
    format: 'gdelt',
    clean: 'gdelt.export.CSV',
    bad: 'gdelt-bad-row.export.CSV',
    events: 6,
    badAt: 'row 4',
  },
];

describe.each(FIXTURES)('fixtures: $format', ({ format, clean, bad, events, badAt }) => {
  it(`${clean} is detected and imports with no problem`, () => {
    const text = read(clean);
    expect(detectFormat(text, clean)).toBe(format);
    const r = importDataset(text, { fileName: clean });
    expect(r.format).toBe(format);
    expect(r.report.problems).toEqual([]);
    expect(r.report.eventsAccepted).toBe(events);
    expect(r.report.eventsRejected).toBe(0);
  });

  it(`${bad} loads the same events and rejects one, saying where`, () => {
    const r = importDataset(read(bad), { fileName: bad });
    expect(r.format).toBe(format);
    expect(r.report.eventsAccepted).toBe(events);
    expect(r.report.eventsRejected).toBe(1);
    expect(r.report.problems.map((p) => `${p.severity} ${describeLocation(p)}`)).toEqual([
      `error ${badAt}`,
    ]);
  });
});
