// Property tests of every importer with hostile input (issue 12): whatever a file holds, the
// importer does not throw, every row is loaded or reported, no key of the file is lost (the ones
// an object would swallow included), and no text field becomes markup. `npm run fuzz` runs
// 10,000 cases per importer (DATELINE_FUZZ_RUNS), `npm test` a few hundred.
import * as fc from 'fast-check';
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../model/load';
import { importAcled } from './acled';
import { parseCsv } from './csv';
import { importDatelineCsv } from './datelineCsv';
import { importGdelt, GDELT_LAYOUTS } from './gdelt';
import { importGeojson } from './geojson';
import { importIcal } from './ical';
import { importDataset, UnsupportedFormatError } from './index';
import { importKml } from './kml';
import { importStoryMap } from './storyMap';
import { importTimelineCsv } from './timelineCsv';
import { importTimelineJson } from './timelineJson';
import { importTimemap } from './timemap';
import { importUcdp } from './ucdp';
import {
  dateCell,
  dayParts,
  expectAccounted,
  expectKept,
  hostileKey,
  hostileText,
  isoDay,
  RUNS,
} from './fuzz/arbitraries';

const opts = (fileName: string) => ({ fileName });
const csv = (rows: string[][]) => Papa.unparse(rows, { newline: '\n' });

/** 1–6 rows of hostile text fields, a date, and one extra field under a hostile key. */
const rowsOf = <T>(row: fc.Arbitrary<T>) => fc.array(row, { minLength: 1, maxLength: 6 });
const textRow = fc.record({ title: hostileText, summary: hostileText, date: dateCell });
const extraField = fc.record({ key: hostileKey, value: hostileText });

/** A day cell for a sheet of parts: the day of `d`, or the junk `date` holds when it is junk. */
const dayOf = (date: string, d: { day: number }) => (/^\d{4}-/.test(date) ? String(d.day) : date);

/** A value a spreadsheet cell keeps as written (Dateline's CSV import undoes a leading `'`). */
const cellValue = hostileText.filter((v) => !v.trim().startsWith("'"));

describe('every importer, fed hostile input', () => {
  it('Dateline JSON', () => {
    fc.assert(
      fc.property(rowsOf(fc.tuple(textRow, extraField)), (rows) => {
        const doc = {
          format: 'dateline/1',
          title: 'Fuzz',
          events: rows.map(([r, x], i) => ({
            id: `e${i}`,
            title: r.title.trim() === '' ? 'untitled' : r.title,
            summary: r.summary,
            type: 'other',
            status: 'occurred',
            time: { start: r.date.trim(), precision: 'day' },
            media: [{ url: 'https://example.org/a.jpg', caption: r.summary, credit: r.title }],
            // Parsed, as a file is: JSON.parse keeps `__proto__` as an own key.
            extra: JSON.parse(`{${JSON.stringify(x.key)}: ${JSON.stringify(x.value)}}`) as object,
          })),
        };
        const { dataset, report } = loadDataset(doc, 'fuzz.json');
        expect(dataset).not.toBeNull();
        expectAccounted({ dataset: dataset!, report }, rows.length);
        for (const e of dataset!.events) {
          const [, x] = rows[Number(e.id.slice(1))]!;
          expect(Object.hasOwn(e.extra!, x.key)).toBe(true);
          expect(e.extra![x.key]).toBe(x.value);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('Dateline CSV', () => {
    fc.assert(
      fc.property(
        rowsOf(textRow),
        hostileKey.filter((k) => k.trim() !== ''),
        fc.array(cellValue, { minLength: 6, maxLength: 6 }),
        (rows, key, values) => {
          const text = csv([
            ['id', 'title', 'summary', 'start', key],
            ...rows.map((r, i) => [`e${i}`, r.title, r.summary, r.date, values[i]!]),
          ]);
          const table = parseCsv(text);
          const result = importDatelineCsv(table, opts('fuzz.csv'));
          expectAccounted(result, table.rows.filter((r) => r.some((c) => c.trim())).length);
          for (const e of result.dataset.events) {
            expectKept(e.extra, key, values[Number(e.id.slice(1))]!);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('a CSV with named columns (through detection)', () => {
    fc.assert(
      fc.property(rowsOf(textRow), (rows) => {
        const text = csv([
          ['event', 'date', 'notes'],
          ...rows.map((r) => [r.title, r.date, r.summary]),
        ]);
        let outcome: ReturnType<typeof importDataset> | unknown;
        try {
          outcome = importDataset(text, opts('fuzz.csv'));
        } catch (err) {
          outcome = err;
        }
        // A table whose first line reads as data may be refused, with a reason; nothing else.
        if (outcome instanceof UnsupportedFormatError) return;
        const result = outcome as ReturnType<typeof importDataset>;
        expect(result.dataset.events.length).toBe(result.report.eventsAccepted);
        expect(result.dataset.events.filter((e) => e.summaryHtml !== undefined)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('GeoJSON', () => {
    fc.assert(
      fc.property(rowsOf(fc.tuple(textRow, extraField, extraField)), (rows) => {
        const doc = {
          type: 'FeatureCollection',
          features: rows.map(([r, prop, member], i) => ({
            type: 'Feature',
            id: `e${i}`,
            geometry: { type: 'Point', coordinates: [31, 30] },
            properties: JSON.parse(
              `{"title": ${JSON.stringify(r.title)}, "summary": ${JSON.stringify(r.summary)},` +
                ` "start": ${JSON.stringify(r.date)}, ${JSON.stringify(`p-${prop.key}`)}: ${JSON.stringify(prop.value)}}`,
            ) as object,
            ...(JSON.parse(
              `{${JSON.stringify(member.key)}: ${JSON.stringify(member.value)}}`,
            ) as object),
          })),
        };
        const result = importGeojson(doc, opts('fuzz.geojson'));
        expectAccounted(result, rows.length);
        for (const e of result.dataset.events) {
          const [, prop, member] = rows[Number(e.id.slice(1))]!;
          expectKept(e.extra, `p-${prop.key}`, prop.value);
          expectKept(e.extra, member.key, member.value);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('TimelineJS JSON', () => {
    fc.assert(
      fc.property(rowsOf(fc.tuple(textRow, dayParts, extraField)), (rows) => {
        const doc = {
          events: rows.map(([r, d, x], i) => ({
            unique_id: `e${i}`,
            start_date: { year: String(d.year), month: String(d.month), day: dayOf(r.date, d) },
            text: { headline: r.title, text: r.summary },
            media: { url: 'https://example.org/a.jpg', caption: r.summary, credit: r.title },
            ...(JSON.parse(`{${JSON.stringify(x.key)}: ${JSON.stringify(x.value)}}`) as object),
          })),
        };
        const result = importTimelineJson(doc, opts('fuzz.json'));
        expectAccounted(result, rows.length, { htmlFields: true });
        for (const e of result.dataset.events) {
          const [r, , x] = rows[Number(e.id.slice(1))]!;
          expectKept(e.extra, x.key, x.value);
          // HTML written escaped is text: it is never kept as HTML to render.
          for (const key of e.extraHtml ?? []) expect(String(e.extra![key])).toMatch(/</);
          expect(e.summaryHtml === undefined || r.summary.includes('<')).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('TimelineJS CSV', () => {
    fc.assert(
      fc.property(
        rowsOf(fc.tuple(textRow, dayParts)),
        hostileKey,
        fc.array(hostileText, { minLength: 6, maxLength: 6 }),
        (rows, key, values) => {
          const header = ['Year', 'Month', 'Day', 'Headline', 'Text', 'Media', 'Media Caption'];
          // A column named like one TimelineJS reads is that column, not an extra one.
          fc.pre(!header.some((h) => h.toLowerCase() === key.trim().toLowerCase()));
          const text = csv([
            [...header, 'Unique ID', key],
            ...rows.map(([r, d], i) => [
              String(d.year),
              String(d.month),
              dayOf(r.date, d),
              r.title,
              r.summary,
              'https://example.org/a.jpg',
              r.summary,
              `e${i}`,
              values[i]!,
            ]),
          ]);
          const result = importTimelineCsv(parseCsv(text), opts('fuzz.csv'));
          expectAccounted(result, rows.length, { htmlFields: true });
          for (const e of result.dataset.events) {
            expectKept(e.extra, key.trim(), values[Number(e.id.slice(1))]!);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('StoryMapJS', () => {
    fc.assert(
      fc.property(rowsOf(fc.tuple(textRow, extraField)), (rows) => {
        const doc = {
          storymap: {
            slides: rows.map(([r, x]) => ({
              date: r.date,
              text: { headline: r.title, text: r.summary },
              location: { lat: 30, lon: 31, name: r.title },
              media: { url: 'https://example.org/a.jpg', caption: r.summary },
              ...(JSON.parse(`{${JSON.stringify(x.key)}: ${JSON.stringify(x.value)}}`) as object),
            })),
          },
        };
        const result = importStoryMap(doc, opts('fuzz.json'));
        expectAccounted(result, rows.length, { htmlFields: true });
      }),
      { numRuns: RUNS },
    );
  });

  it('timemap', () => {
    fc.assert(
      fc.property(rowsOf(fc.tuple(textRow, dayParts, extraField)), (rows) => {
        const items = rows.map(([r, d, x], i) => ({
          id: `e${i}`,
          description: r.summary,
          date: `${String(d.month).padStart(2, '0')}/${String(d.day).padStart(2, '0')}/${d.year}`,
          location: r.title,
          latitude: '30',
          longitude: '31',
          associations: [],
          sources: [],
          ...(JSON.parse(
            `{${JSON.stringify(`x-${x.key}`)}: ${JSON.stringify(x.value)}}`,
          ) as object),
        }));
        const result = importTimemap(items, opts('fuzz.json'));
        expectAccounted(result, rows.length);
        for (const e of result.dataset.events) {
          const [, , x] = rows[Number(e.id.slice(1))]!;
          expectKept(e.extra, `x-${x.key}`, x.value);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('KML', () => {
    // XML 1.0 holds no control characters but tab and line breaks.
    const xmlText = hostileText.map((s) => s.replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd]/g, ''));
    const esc = (s: string) =>
      s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    fc.assert(
      fc.property(
        rowsOf(fc.record({ name: xmlText, description: xmlText, day: dayParts })),
        hostileKey.map((k) => k.replace(/[^\u0020-\ud7ff]/g, '_')),
        xmlText,
        (rows, key, value) => {
          const placemarks = rows.map(
            (r, i) =>
              `<Placemark id="e${i}"><name>${esc(r.name)}</name>` +
              `<description>${esc(r.description)}</description>` +
              `<TimeStamp><when>${isoDay(r.day)}</when></TimeStamp>` +
              `<ExtendedData><Data name="${esc(key)}"><value>${esc(value)}</value></Data></ExtendedData>` +
              `<Point><coordinates>31,30</coordinates></Point></Placemark>`,
          );
          const text = `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>${placemarks.join('')}</Document></kml>`;
          const result = importKml(text, opts('fuzz.kml'));
          expectAccounted(result, rows.length, { htmlFields: true });
          for (const e of result.dataset.events) expectKept(e.extra, key.trim(), value);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('iCalendar', () => {
    const icsText = (s: string) =>
      s
        // oxlint-disable-next-line no-control-regex
        .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
        .replace(/\\/g, '\\\\')
        .replace(/;/g, '\\;')
        .replace(/,/g, '\\,')
        .replace(/\r?\n|\r/g, '\\n');
    fc.assert(
      fc.property(rowsOf(fc.tuple(textRow, dayParts)), (rows) => {
        const events = rows.flatMap(([r, d], i) => [
          'BEGIN:VEVENT',
          `UID:e${i}`,
          `SUMMARY:${icsText(r.title)}`,
          `DESCRIPTION:${icsText(r.summary)}`,
          `DTSTART;VALUE=DATE:${isoDay(d).replace(/-/g, '')}`,
          `X-FUZZ:${icsText(r.summary)}`,
          'END:VEVENT',
        ]);
        const text = [
          'BEGIN:VCALENDAR',
          'VERSION:2.0',
          'PRODID:-//fuzz//EN',
          ...events,
          'END:VCALENDAR',
        ].join('\r\n');
        const result = importIcal(text, opts('fuzz.ics'));
        expectAccounted(result, rows.length);
        // Every property is kept, an empty one too.
        for (const e of result.dataset.events)
          expect(Object.hasOwn(e.extra ?? {}, 'X-FUZZ')).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('ACLED', () => {
    const header =
      'event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,inter1,actor2,inter2,location,country,latitude,longitude,geo_precision,source,notes';
    fc.assert(
      fc.property(
        rowsOf(fc.tuple(textRow, fc.string({ maxLength: 10 }), hostileText)),
        hostileKey.filter((k) => !header.split(',').includes(k.trim().toLowerCase())),
        (rows, key) => {
          const text = csv([
            [...header.split(','), key],
            ...rows.map(([r, actor, value], i) => [
              `FUZ${i}`,
              r.date,
              '1',
              'Battles',
              'Armed clash',
              actor.trim() || 'Actor',
              '1',
              r.title,
              '2',
              r.title || 'Town',
              'Sampleland',
              '30',
              '31',
              '1',
              r.summary,
              r.summary,
              value,
            ]),
          ]);
          const table = parseCsv(text);
          const result = importAcled(table, opts('fuzz.csv'));
          expectAccounted(result, rows.length);
          for (const e of result.dataset.events) {
            const [, , value] = rows[Number(e.id.replace(/^fuz/, ''))]!;
            expectKept(e.extra, key.trim(), value);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('UCDP GED', () => {
    const header =
      'id,type_of_violence,dyad_name,side_a,side_b,source_office,where_prec,where_coordinates,country,latitude,longitude,date_prec,date_start,date_end,best,low,high';
    fc.assert(
      fc.property(
        rowsOf(fc.tuple(textRow, hostileText)),
        hostileKey.filter((k) => !header.split(',').includes(k.trim().toLowerCase())),
        (rows, key) => {
          const text = csv([
            [...header.split(','), key],
            ...rows.map(([r, value], i) => [
              String(i + 1),
              '1',
              r.title,
              r.title || 'Side A',
              r.summary || 'Side B',
              r.summary,
              '1',
              r.title || 'Town',
              'Sampleland',
              '30',
              '31',
              '1',
              r.date,
              r.date,
              '1',
              '1',
              '1',
              value,
            ]),
          ]);
          const result = importUcdp(parseCsv(text), opts('fuzz.csv'));
          expectAccounted(result, rows.length);
          for (const e of result.dataset.events) {
            const [, value] = rows[Number(e.id) - 1]!;
            expectKept(e.extra, key.trim(), value);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('GDELT', () => {
    const fixture = readFileSync(new URL('fixtures/gdelt.export.CSV', import.meta.url), 'utf8');
    const base = fixture.trim().split('\n')[0]!.split('\t');
    const at = (name: string) => GDELT_LAYOUTS[61]!.indexOf(name);
    const tsvText = hostileText.map((s) => s.replace(/[\t\r\n]/g, ' '));
    fc.assert(
      fc.property(rowsOf(fc.record({ date: dateCell, actor: tsvText, place: tsvText })), (rows) => {
        const text = rows
          .map((r, i) => {
            const cells = [...base];
            cells[at('GLOBALEVENTID')] = String(1000 + i);
            cells[at('SQLDATE')] = r.date.replace(/[\t\r\n-]/g, '');
            cells[at('Actor1Name')] = r.actor;
            cells[at('ActionGeo_FullName')] = r.place;
            return cells.join('\t');
          })
          .join('\n');
        const result = importGdelt(text, opts('20250807220000.export.CSV'));
        expectAccounted(result, rows.length);
      }),
      { numRuns: RUNS },
    );
  });
});
