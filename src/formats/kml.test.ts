import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describeLocation } from '../model/dataset';
import { importDataset } from './index';
import { importKml } from './kml';
import { isZip, kmlFromKmz } from './kmz';

const FIXTURE = readFileSync(new URL('fixtures/placemarks.kml', import.meta.url), 'utf8');

const imp = (text: string) => importKml(text, { fileName: 'map.kml' });
const where = (r: ReturnType<typeof imp>) =>
  r.report.problems.map((p) => `${p.severity} ${describeLocation(p)}: ${p.message}`);

const kml = (body: string, name = 'Events') =>
  `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2" xmlns:gx="http://www.google.com/kml/ext/2.2">
<Document><name>${name}</name>${body}</Document></kml>`;

describe('KML: the fixture (every KML time form)', () => {
  it('loads every placemark with no problem', () => {
    const r = imp(FIXTURE);
    expect(where(r)).toEqual([]);
    expect(r.dataset.title).toBe("TimeStamp'ed Points");
  });

  it('reads gYear, gYearMonth, date and dateTime at their precision, with their offset', () => {
    const { dataset } = imp(FIXTURE);
    expect(dataset.events.map((e) => [e.time.start, e.time.end, e.time.precision])).toEqual([
      ['2009', undefined, 'year'],
      ['2009-03', undefined, 'month'],
      ['2009-03-14', undefined, 'day'],
      ['2009-03-14T21:10:46+03:00', undefined, 'minute'],
      ['2009-03-14T21:06:00Z', '2009-03-14T21:06:59Z', 'minute'],
    ]);
  });

  it('reads Point coordinates longitude first', () => {
    const e = imp(FIXTURE).dataset.events[0]!;
    expect(e.place).toMatchObject({ lat: 37.86047, lon: -122.536226, precision: 'exact' });
  });
});

describe('KML: placemarks as people write them', () => {
  it('keeps the description’s text and its HTML, and ExtendedData in extra', () => {
    const r = imp(
      kml(`<Placemark id="p1"><name>Checkpoint &amp; crossing</name>
        <description><![CDATA[<p>Crossing <b>reopened</b>&nbsp;at dawn.</p><script>x()</script>]]></description>
        <TimeStamp><when>2024-02-01T06:00:00+02:00</when></TimeStamp>
        <styleUrl>#red</styleUrl>
        <ExtendedData><Data name="casualties"><value>0</value></Data><Data name="__proto__"><value>kept</value></Data>
          <SchemaData schemaUrl="#s"><SimpleData name="source">UN OCHA</SimpleData></SchemaData></ExtendedData>
        <Point><coordinates>34.25,31.24,0</coordinates></Point></Placemark>`),
    );
    expect(where(r)).toEqual([]);
    const e = r.dataset.eventById.get('p1')!;
    expect(e).toMatchObject({
      title: 'Checkpoint & crossing',
      summary: 'Crossing reopened at dawn.',
      summaryHtml: '<p>Crossing <b>reopened</b>&nbsp;at dawn.</p><script>x()</script>',
      time: { start: '2024-02-01T06:00:00+02:00', precision: 'minute' },
      place: { lat: 31.24, lon: 34.25 },
    });
    expect(e.extra).toMatchObject({ casualties: '0', source: 'UN OCHA', styleUrl: '#red' });
    expect(Object.getOwnPropertyDescriptor(e.extra, '__proto__')?.value).toBe('kept');
  });

  it('takes a folder’s time for placemarks without one, and the folder’s name as a tag', () => {
    const r = imp(
      kml(`<Folder><name>Phase one</name><TimeSpan><begin>2025-01-19</begin><end>2025-03-01</end></TimeSpan>
        <Placemark><name>Exchange</name><Point><coordinates>34.3,31.4</coordinates></Point></Placemark>
        <Placemark><name>Talks</name><TimeStamp><when>2025-02-27</when></TimeStamp></Placemark></Folder>`),
    );
    const [first, second] = r.dataset.events;
    expect(first).toMatchObject({
      title: 'Exchange',
      time: {
        start: '2025-01-19',
        end: '2025-03-01',
        text: 'from the time of the Folder “Phase one”',
      },
      tags: ['Phase one'],
    });
    expect(second).toMatchObject({ title: 'Talks', time: { start: '2025-02-27' }, place: null });
  });

  it('places a line or polygon at the centre of its bounding box, with a warning', () => {
    const r = imp(
      kml(`<Placemark><name>Convoy route</name><gx:TimeSpan><begin>2024-03</begin></gx:TimeSpan>
        <LineString><coordinates>34.0,31.0,0 35.0,32.0,0</coordinates></LineString></Placemark>`),
    );
    const e = r.dataset.events[0]!;
    expect(e.place).toMatchObject({ lat: 31.5, lon: 34.5, precision: 'area' });
    expect(where(r)).toEqual([
      'warning events[0] “convoy-route-1” · TimeSpan.end: the TimeSpan has no end; the event is placed at its begin',
      expect.stringMatching(
        /^warning events\[0\] “convoy-route-1” · coordinates: a LineString, placed at the centre of its bounding box \(within \d+ km\)$/,
      ),
    ]);
  });

  it('rejects a placemark with no time, or latitude first, and loads the rest', () => {
    const r = imp(
      kml(`<Placemark><name>Undated</name><Point><coordinates>34,31</coordinates></Point></Placemark>
        <Placemark><name>Swapped</name><TimeStamp><when>2024</when></TimeStamp><Point><coordinates>31.5,134.4</coordinates></Point></Placemark>
        <Placemark><name>Bad when</name><TimeStamp><when>sometime</when></TimeStamp></Placemark>
        <Placemark><name>Good</name><TimeStamp><when>2024</when></TimeStamp></Placemark>`),
    );
    expect(r.report.eventsAccepted).toBe(1);
    expect(where(r)).toEqual([
      'error events[0] “undated-1” · TimeStamp: no TimeStamp or TimeSpan: a placemark needs a time to be an event',
      'error events[1] “swapped-2” · Point.coordinates: latitude 134.4 is not between -90 and 90',
      expect.stringMatching(
        /^error events\[2\] “bad-when-3” · TimeStamp\.when: TimeStamp: .*sometime/,
      ),
    ]);
  });

  it('says when the XML is not well-formed and still reads what it can', () => {
    const r = imp(
      kml(
        `<Placemark><name>Kept</name><TimeStamp><when>2024</when></TimeStamp></Placemark><Placemark>`,
      ),
    );
    expect(r.report.eventsAccepted).toBe(1);
    expect(where(r)[0]).toMatch(/^warning dataset: the file is not well-formed XML \(line \d+: /);
  });
});

describe('KMZ', () => {
  const zip = (files: Record<string, string>) =>
    zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));

  it('opens doc.kml from the zip, as Google Earth does', () => {
    const bytes = zip({
      'files/other.kml': kml('', 'Not this one'),
      'doc.kml': FIXTURE,
      'files/photo.jpg': 'jpeg',
    });
    expect(isZip(bytes)).toBe(true);
    const text = kmlFromKmz(bytes, 'map.kmz');
    const r = importDataset(text, { fileName: 'map.kmz' });
    expect(r.format).toBe('kml');
    expect(r.report.eventsAccepted).toBe(5);
  });

  it('takes the first .kml when there is no doc.kml, and says so when there is none', () => {
    expect(kmlFromKmz(zip({ 'a/b.kml': kml('', 'Only') }), 'x.kmz')).toMatch(/<name>Only</);
    expect(() => kmlFromKmz(zip({ 'readme.txt': 'hi' }), 'x.kmz')).toThrow(
      'x.kmz: a zip file with no .kml inside; Dateline opens a zip only as KMZ',
    );
    expect(() => kmlFromKmz(new Uint8Array([0x50, 0x4b, 3, 4, 9, 9]), 'x.kmz')).toThrow(
      /^x\.kmz: the zip cannot be opened/,
    );
    expect(isZip(strToU8('<kml/>'))).toBe(false);
  });
});

describe('KML: an address without coordinates', () => {
  it('is geocoded; a placemark with neither stays unplaced without a warning', () => {
    const r = importKml(
      kml(`<Placemark><name>Talks</name><address>Cairo</address><TimeStamp><when>2025-02-27</when></TimeStamp></Placemark>
        <Placemark><name>Statement</name><TimeStamp><when>2025-02-27</when></TimeStamp></Placemark>`),
      {
        fileName: 'map.kml',
        geocode: (name) =>
          name === 'Cairo'
            ? {
                lat: 30.0444,
                lon: 31.2357,
                precision: 'city',
                matched: 'Cairo, Egypt',
                by: 'geonames',
              }
            : null,
      },
    );
    expect(r.report.problems).toEqual([]);
    expect(r.dataset.events.map((e) => e.place)).toEqual([
      {
        name: 'Cairo',
        lat: 30.0444,
        lon: 31.2357,
        precision: 'city',
        geocoded: { query: 'Cairo', matched: 'Cairo, Egypt', by: 'geonames' },
      },
      null,
    ]);
  });
});
