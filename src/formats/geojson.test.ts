import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { describeLocation } from '../model/dataset';
import { importGeojson, readWhen } from './geojson';
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

describe('GeoJSON: dates as feeds write them', () => {
  it('reads epoch milliseconds in `time`, as the USGS feeds write them', () => {
    const r = imp(
      collection(
        point(-117.5, 35.7, { title: 'M 4.2', time: 1700000000000 }),
        point(-117.6, 35.8, { title: 'M 3.1', time: 1700000100000 }),
      ),
    );
    expect(r.dataset.events.map((e) => e.time.start)).toEqual([
      '2023-11-14T22:13:20Z',
      '2023-11-14T22:15:00Z',
    ]);
    expect(where(r)).toEqual([
      'warning events · properties.time: “time” holds numbers: read as epoch time (seconds, or milliseconds from 1e11)',
    ]);
  });

  it('decides the day order of a date property from all features', () => {
    const r = imp(
      collection(
        point(1, 2, { title: 'A', date: '03/01/1946' }),
        point(1, 2, { title: 'B', date: '25/01/1946' }),
      ),
    );
    expect(r.dataset.events.map((e) => e.time.start)).toEqual(['1946-01-03', '1946-01-25']);
  });
});
