import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { describeLocation } from '../model/dataset';
import { importGeojson } from './geojson';
import { readWhen } from './linkedPlaces';
import { locate } from './geometry';
import type { GeocodeFn } from './types';

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;

function imp(doc: Record<string, unknown>, geocode?: GeocodeFn) {
  return importGeojson(doc, { fileName: 'events.geojson', ...(geocode && { geocode }) });
}

const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });
const point = (lon: number, lat: number, properties: Record<string, unknown>) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [lon, lat] },
  properties,
});

const where = (r: ReturnType<typeof imp>) =>
  r.report.problems.map((p) => `${p.severity} ${describeLocation(p)}: ${p.message}`);

describe('GeoJSON: the fixture', () => {
  it('loads every feature with no problems', () => {
    const r = imp(fixture('events.geojson'));
    expect(where(r)).toEqual([]);
    expect(r.report.eventsAccepted).toBe(4);
    expect(r.dataset.title).toBe('Sampleland events (invented sample)');
  });

  it('maps Dateline properties, the feature id and the Point', () => {
    const { dataset } = imp(fixture('events.geojson'));
    const e = dataset.eventById.get('ridgeford-truce')!;
    expect(e).toMatchObject({
      title: 'Local truce agreed in Ridgeford',
      type: 'agreement',
      time: { start: '2024-05-20', precision: 'day', approximate: false },
      place: { name: 'Ridgeford, Sampleland', lat: 13.6279, lon: 25.3494, precision: 'city' },
      actors: [
        { actor: 'sampleland-army', role: 'party' },
        { actor: 'sample-rebel-front', role: 'party' },
        { actor: 'sample-relief-agency', role: 'mediator' },
      ],
      claim: { by: 'sample-tribune', status: 'reported' },
      tags: ['truce', 'aid'],
      extra: { source_url: 'https://example.org/sample-tribune/truce' },
    });
  });

  it('reads name, description and date; other properties go to extra', () => {
    const { dataset } = imp(fixture('events.geojson'));
    const e = dataset.events.find((x) => x.title === 'Fuel-price march in Port Sample')!;
    expect(e.id).toBe('fuel-price-march-in-port-sample-2');
    expect(e.summary).toBe(
      'Invented sample feature: students and workers marched in the old quarter.',
    );
    expect(e.time.start).toBe('2024-06-25');
    expect(e.extra).toEqual({ crowd: 'hundreds' });
  });

  it('reads a Linked Places `when` timespan; earliest/latest make it approximate', () => {
    const { dataset } = imp(fixture('events.geojson'));
    const e = dataset.events.find((x) => x.title.startsWith('Market stall'))!;
    expect(e.time).toEqual({
      start: '2024-06-29',
      end: '2024-07-05',
      precision: 'day',
      approximate: true,
    });
  });

  it('loads a feature with null geometry as an event without a place', () => {
    const { dataset } = imp(fixture('events.geojson'));
    const e = dataset.events.find((x) => x.title.startsWith('Aid convoy'))!;
    expect(e.place).toBeNull();
    expect(e.time).toMatchObject({ start: '2024-06', precision: 'month', approximate: true });
  });

  it('rejects the bad feature by its index', () => {
    const r = imp(fixture('events-bad-row.geojson'));
    expect(r.report.eventsAccepted).toBe(4);
    expect(r.report.eventsRejected).toBe(1);
    expect(where(r)).toEqual([
      'error features[4] “protest-with-an-impossible-position-5” · geometry.coordinates: longitude 200 is not between -180 and 180',
    ]);
  });
});

describe('GeoJSON: time', () => {
  it.each([
    [{ start: '2024-01-02', end: '2024-01-05' }, '2024-01-02', '2024-01-05'],
    [{ time: '2024-01-02/2024-01-05' }, '2024-01-02', '2024-01-05'],
    [{ date: 2024 }, '2024', undefined],
    [{ time: '2024-01-02T10:00Z' }, '2024-01-02T10:00Z', undefined],
  ])('%j', (props, start, end) => {
    const e = imp(collection(point(0, 0, { title: 'A', ...props }))).dataset.events[0]!;
    expect(e.time.start).toBe(start);
    expect(e.time.end).toBe(end);
  });

  it('rejects a feature with no time, naming the feature', () => {
    expect(where(imp(collection(point(0, 0, { title: 'A' }))))).toEqual([
      'error features[0] “a-1” · start: no date: the event needs a start',
    ]);
  });

  it('reads a Linked Places `in`, keeping `when` in extra when it has more than one span', () => {
    const when = {
      timespans: [{ start: { in: '1914' }, end: { in: '1918' } }, { start: { in: '1939' } }],
    };
    expect(readWhen(when, 'when')).toMatchObject({
      time: { approximate: false, start: { value: '1914' }, end: { value: '1918' } },
      more: true,
    });
    const e = imp(collection({ ...point(0, 0, { title: 'War' }), when })).dataset.events[0]!;
    expect(e.time).toMatchObject({ start: '1914', end: '1918', precision: 'year' });
    expect(e.extra).toEqual({ when: JSON.stringify(when) });
  });
});

describe('GeoJSON: geometry', () => {
  it('places other geometries at the centre of their bounding box, with a radius and a warning', () => {
    const polygon = {
      type: 'Feature',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [34.2, 31.2],
            [34.6, 31.2],
            [34.6, 31.6],
            [34.2, 31.6],
            [34.2, 31.2],
          ],
        ],
      },
      properties: { title: 'Area', start: '2025', place: 'The area' },
    };
    const r = imp(collection(polygon));
    expect(r.dataset.events[0]!.place).toEqual({
      name: 'The area',
      lat: 31.4,
      lon: 34.4,
      precision: 'area',
      radiusKm: 29,
    });
    expect(where(r)).toEqual([
      'warning features[0] “area-1” · geometry: a Polygon, placed at the centre of its bounding box (within 29 km)',
    ]);
  });

  it.each([
    [{ type: 'Point', coordinates: [1] }, 'a Point needs coordinates [longitude, latitude]'],
    [{ type: 'Circle', coordinates: [1, 2] }, '“Circle” is not a GeoJSON geometry type'],
    [{ type: 'LineString', coordinates: [[1, 'x']] }, 'the LineString has no valid coordinates'],
    [
      {
        type: 'MultiPoint',
        coordinates: [
          [1, 2],
          [0, 95],
        ],
      },
      'the MultiPoint has a position out of range (0, 95)',
    ],
    ['POINT(1 2)', 'geometry must be an object or null'],
  ])('rejects %j', (geometry, reason) => {
    expect(locate(geometry)).toEqual({ kind: 'invalid', reason });
    const r = imp(
      collection({ type: 'Feature', geometry, properties: { title: 'A', start: '2025' } }),
    );
    expect(where(r)).toEqual([`error features[0] “a-1” · geometry: ${reason}`]);
  });

  it('rejects what is not a Feature', () => {
    expect(where(imp(collection({ type: 'Point', coordinates: [0, 0] })))).toEqual([
      'error features[0]: not a GeoJSON Feature',
    ]);
  });

  it('geocodes a null-geometry feature that names its place', () => {
    const r = imp(
      collection({
        type: 'Feature',
        geometry: null,
        properties: { title: 'A', start: '2025', location: 'Ridgeford' },
      }),
      () => ({
        lat: 13.6,
        lon: 25.3,
        precision: 'city',
        matched: 'Ridgeford',
        by: 'alias',
      }),
    );
    expect(r.dataset.events[0]!.place).toMatchObject({
      name: 'Ridgeford',
      geocoded: { query: 'Ridgeford', matched: 'Ridgeford', by: 'alias' },
    });
  });
});

describe('GeoJSON: what else the file holds', () => {
  it('keeps foreign members of the collection and of features in extra', () => {
    const r = imp({
      ...collection({ ...point(0, 0, { title: 'A', start: '2025' }), links: [{ type: 'x' }] }),
      crs: { type: 'name' },
    });
    expect(r.dataset.extra).toEqual({ crs: { type: 'name' } });
    expect(r.dataset.events[0]!.extra).toEqual({ links: '[{"type":"x"}]' });
  });

  it('reads summary_html and media, keeping bad media in extra', () => {
    const media = [{ url: 'https://example.org/a.jpg', caption: 'A' }];
    const r = imp(
      collection(
        point(0, 0, { title: 'A', start: '2025', summary_html: '<p>Hi <b>there</b></p>', media }),
        point(0, 0, { title: 'B', start: '2025', media: [{ url: 'file:///etc/passwd' }] }),
      ),
    );
    const [a, b] = r.dataset.events;
    expect(a).toMatchObject({ summary: 'Hi there', summaryHtml: '<p>Hi <b>there</b></p>', media });
    expect(b!.media).toBeUndefined();
    expect(b!.extra).toEqual({ media: '[{"url":"file:///etc/passwd"}]' });
    expect(where(r)).toEqual([
      'warning features[1] “b-2” · properties.media: media must be a list of { url, caption, credit, thumbnail } with http(s) URLs; it is kept in extra',
    ]);
  });
});

describe('GeoJSON as it really comes: a USGS earthquake feed', () => {
  const r = () => imp(fixture('usgs-significant-week.geojson'));

  it('loads every feature, its epoch-ms time read as a time, its own type kept quietly', () => {
    const { dataset, report } = r();
    expect(report.eventsAccepted).toBe(2);
    expect(where({ dataset, report })).toEqual([
      'warning dataset · properties.time: “time” holds numbers: read as epoch time (seconds, or milliseconds from 1e11)',
      'warning dataset · properties.type: type: 2 values kept as they are (“earthquake”), in each event’s extra: not one of statement, negotiation, agreement, exchange, deadline, visit, military, humanitarian, other, so those events are “other”',
      'warning dataset · properties.status: status: 2 values kept as they are (“reviewed”), in each event’s extra: not one of occurred, scheduled, expected, so those events are “occurred”',
    ]);
  });

  it('maps a feature: id, title, time, place named by the feed, extra', () => {
    const e = r().dataset.eventById.get('us700061e9')!;
    expect(e).toMatchObject({
      title: 'M 6.5 - 1km S of Kisante, Philippines',
      type: 'other',
      status: 'occurred',
      time: { start: '2019-10-31T01:11:19Z', precision: 'minute' },
      place: { name: '1km S of Kisante, Philippines', lat: 6.908, lon: 125.1534 },
    });
    expect(e.extra).toMatchObject({
      type: 'earthquake',
      status: 'reviewed',
      mag: '6.5',
      updated: '1572580694301',
      url: 'https://earthquake.usgs.gov/earthquakes/eventpage/us700061e9',
    });
  });

  it('keeps one line per file however many features carry their own type', () => {
    const quake = (n: number) =>
      point(0, 0, { title: `Q${n}`, time: 1572484279125 + n, type: 'earthquake' });
    const many = imp(collection(...Array.from({ length: 1707 }, (_, n) => quake(n))));
    expect(many.report.eventsAccepted).toBe(1707);
    expect(where(many).filter((p) => p.includes('kept as they are'))).toEqual([
      expect.stringContaining('type: 1,707 values kept as they are (“earthquake”)'),
    ]);
  });
});

describe('GeoJSON: time under the names people use', () => {
  it.each([
    [{ start_date: '2024-03-01' }, '2024-03-01'],
    [{ date_ad: '1066' }, '1066'],
    [{ date: '14 October 1066' }, '1066-10-14'],
    [{ when: '2024-03-01' }, '2024-03-01'],
    [{ event_date: '2024-03-01' }, '2024-03-01'],
    [{ timestamp: 1709251200 }, '2024-03-01T00:00:00Z'],
    [{ publish_date: '2024-03-01' }, '2024-03-01'],
  ])('%j', (props, start) => {
    const r = imp(collection(point(0, 0, { title: 'A', ...props })));
    expect(r.dataset.events[0]!.time.start).toBe(start);
  });

  it('takes the first that reads, and an end under its names', () => {
    const r = imp(
      collection(
        point(0, 0, {
          title: 'A',
          date: 'unknown',
          start_date: '2024-03-01',
          end_date: '2024-03-04',
        }),
      ),
    );
    expect(r.dataset.events[0]!.time).toMatchObject({ start: '2024-03-01', end: '2024-03-04' });
    expect(r.dataset.events[0]!.extra).toEqual({ date: 'unknown' });
  });

  it('decides day or month first from the whole property', () => {
    const r = imp(
      collection(
        point(0, 0, { title: 'A', date: '03/04/2024' }),
        point(0, 0, { title: 'B', date: '25/04/2024' }),
      ),
    );
    expect(r.dataset.events.map((e) => e.time.start)).toEqual(['2024-04-03', '2024-04-25']);
  });

  it('rejects a feature whose only date does not read, naming the property', () => {
    expect(where(imp(collection(point(0, 0, { title: 'A', date_ad: 'long ago' }))))).toEqual([
      expect.stringMatching(
        /^error features\[0\] “a-1” · properties\.date_ad: “long ago” is not a date/,
      ),
    ]);
  });
});

describe('GeoJSON: Linked Places', () => {
  it('reads the published sample: when on geometry members, certainty, the title as the place', () => {
    const r = imp(fixture('linked-places-sample.geojson'));
    expect(r.report.eventsAccepted).toBe(1);
    const e = r.dataset.events[0]!;
    expect(e).toMatchObject({
      title: 'Abingdon (UK)',
      time: { start: '1600', end: '1700', precision: 'year', approximate: true },
      place: { name: 'Abingdon (UK)', precision: 'area' },
    });
    expect(e.extra).toMatchObject({ ccodes: '["GB"]', '@id': 'http://mygaz.org/places/p_12345' });
  });

  it('reads when on the geometry, and certainty there', () => {
    const feature = {
      type: 'Feature',
      properties: { title: 'Fort' },
      geometry: {
        type: 'Point',
        coordinates: [1, 2],
        when: { timespans: [{ start: { in: '1750' } }] },
        certainty: 'less-certain',
      },
    };
    const e = imp(collection(feature)).dataset.events[0]!;
    expect(e.time).toMatchObject({ start: '1750', approximate: true });
    expect(e.place).toMatchObject({ name: 'Fort', lat: 2, lon: 1 });
  });

  it('reads a bare-string timespan and a when’s own certainty', () => {
    const when = { timespans: [{ start: '1600', end: '1699' }], certainty: 'uncertain' };
    expect(readWhen(when, 'when')).toMatchObject({
      time: { approximate: true, start: { value: '1600' }, end: { value: '1699' } },
      more: false,
    });
  });

  it('never names a place by its coordinates when the feature has a title', () => {
    const lpf = {
      ...point(3, 4, { title: 'Old Mill' }),
      when: { timespans: [{ start: { in: '1800' } }] },
    };
    expect(imp(collection(lpf)).dataset.events[0]!.place).toMatchObject({ name: 'Old Mill' });
  });
});

describe('GeoJSON: media addresses', () => {
  const withMedia = (media: unknown, fileUrl?: string) =>
    importGeojson(collection(point(0, 0, { title: 'A', start: '2025', media })), {
      fileName: 'events.geojson',
      ...(fileUrl && { fileUrl }),
    }).dataset.events[0]!;

  it('reads protocol-relative addresses as https', () => {
    expect(
      withMedia([{ url: '//example.org/a.jpg', thumbnail: '//example.org/t.jpg' }]).media,
    ).toEqual([{ url: 'https://example.org/a.jpg', thumbnail: 'https://example.org/t.jpg' }]);
  });

  it('resolves site-relative addresses against the file’s address', () => {
    const at = 'https://news.example.org/data/events.geojson';
    expect(withMedia([{ url: '/img/a.jpg' }, { url: 'b.jpg' }], at).media).toEqual([
      { url: 'https://news.example.org/img/a.jpg' },
      { url: 'https://news.example.org/data/b.jpg' },
    ]);
  });

  it('keeps a relative address in extra, with a warning, when the file has no address', () => {
    const e = withMedia([{ url: '/img/a.jpg' }]);
    expect(e.media).toBeUndefined();
    expect(e.extra).toEqual({ media: '[{"url":"/img/a.jpg"}]' });
  });
});
