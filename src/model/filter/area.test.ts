import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import { loadDataset } from '../load';
import { applyFilters } from './apply';
import { areaFromBounds, describeArea, inArea, isValidArea, wrapLon, type GeoArea } from './area';
import { buildEventIndex } from './eventIndex';
import { NO_FILTERS, isFiltering, type Filters } from './types';

describe('areaFromBounds', () => {
  it('keeps an ordinary view as it is, rounded to four decimals', () => {
    expect(areaFromBounds(31.123456, 34.2, 31.6, 34.654321)).toEqual({
      south: 31.1235,
      west: 34.2,
      north: 31.6,
      east: 34.6543,
    });
  });

  it('wraps a view that crossed the antimeridian: west greater than east', () => {
    // Leaflet gives a view from 170° E to 170° W as 170 … 190.
    expect(areaFromBounds(-20, 170, -10, 190)).toEqual({
      south: -20,
      west: 170,
      north: -10,
      east: -170,
    });
    // And a view of the far copy of the world to the west as -190 … -170.
    expect(areaFromBounds(-20, -190, -10, -170)).toEqual({
      south: -20,
      west: 170,
      north: -10,
      east: -170,
    });
  });

  it('takes a view 360° wide or more as the whole width of the world, and clamps the poles', () => {
    expect(areaFromBounds(-120, -300, 120, 400)).toEqual({
      south: -90,
      west: -180,
      north: 90,
      east: 180,
    });
  });

  it('keeps an edge on the antimeridian at the world’s end', () => {
    expect(areaFromBounds(0, 170, 10, 180)).toEqual({ south: 0, west: 170, north: 10, east: 180 });
  });

  it('gives nothing for an area with no height or width, or not a number', () => {
    expect(areaFromBounds(10, 0, 10, 5)).toBeNull();
    expect(areaFromBounds(0, 5, 10, 5)).toBeNull();
    expect(areaFromBounds(NaN, 0, 10, 5)).toBeNull();
  });

  it('gives a valid area for any two corners with height and width', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -90, max: 90, noNaN: true }),
        fc.double({ min: -90, max: 90, noNaN: true }),
        fc.double({ min: -720, max: 720, noNaN: true }),
        fc.double({ min: -720, max: 720, noNaN: true }),
        (a, b, w, e) => {
          const area = areaFromBounds(a, w, b, e);
          expect(area === null || isValidArea(area)).toBe(true);
        },
      ),
    );
  });
});

describe('inArea', () => {
  const gaza: GeoArea = { south: 31.2, west: 34.2, north: 31.6, east: 34.6 };
  const pacific: GeoArea = { south: -20, west: 170, north: -10, east: -170 };

  it('holds the edges and what is between them', () => {
    expect(inArea(gaza, 31.5, 34.46)).toBe(true);
    expect(inArea(gaza, 31.2, 34.2)).toBe(true);
    expect(inArea(gaza, 31.7, 34.46)).toBe(false);
    expect(inArea(gaza, 31.5, 35)).toBe(false);
  });

  it('holds both sides of the antimeridian in an area that crosses it, and nothing between', () => {
    expect(inArea(pacific, -18, 178.4)).toBe(true); // Suva
    expect(inArea(pacific, -13.8, -171.8)).toBe(true); // Apia
    expect(inArea(pacific, -15, 180)).toBe(true);
    expect(inArea(pacific, -15, -180)).toBe(true);
    expect(inArea(pacific, -15, 0)).toBe(false);
    expect(inArea(pacific, -15, 169)).toBe(false);
  });

  it('agrees with a point moved by whole turns', () => {
    fc.assert(
      fc.property(fc.double({ min: -179, max: 179, noNaN: true }), (lon) => {
        expect(inArea(pacific, -15, wrapLon(lon + 360))).toBe(inArea(pacific, -15, lon));
      }),
    );
  });
});

describe('describeArea', () => {
  it('says where the area is in degrees', () => {
    expect(describeArea({ south: -20, west: 170, north: -10, east: -170 })).toBe(
      '20.0°S–10.0°S, 170.0°E–170.0°W',
    );
  });
});

// Five events: two in Gaza, one in Suva (Fiji), one in Apia (Samoa), one with no place.
const { dataset } = loadDataset(
  {
    format: 'dateline/1',
    title: 'Area fixture',
    actors: [{ id: 'un', name: 'United Nations', kind: 'organisation' }],
    places: [
      { id: 'gaza', name: 'Gaza City', lat: 31.5017, lon: 34.4668, precision: 'city' },
      { id: 'rafah', name: 'Rafah', lat: 31.2969, lon: 34.2455, precision: 'city' },
      { id: 'suva', name: 'Suva', lat: -18.1416, lon: 178.4419, precision: 'city' },
      { id: 'apia', name: 'Apia', lat: -13.8333, lon: -171.7667, precision: 'city' },
    ],
    sources: [{ id: 'wire', title: 'Wire', publisher: 'Wire' }],
    events: [
      ev('gaza-1', '2025-02-01', 'gaza', 'statement'),
      ev('rafah-1', '2025-02-02', 'rafah', 'visit'),
      ev('suva-1', '2025-02-03', 'suva', 'statement'),
      ev('apia-1', '2025-02-04', 'apia', 'visit'),
      ev('nowhere', '2025-02-05', null, 'statement'),
    ],
  },
  'area.json',
);

function ev(id: string, day: string, place: string | null, type: string) {
  return {
    id,
    title: `Event ${id}`,
    type,
    status: 'occurred',
    time: { start: day, precision: 'day' },
    actors: [{ actor: 'un', role: 'party' }],
    claim: { by: 'wire', status: 'reported' },
    ...(place && { place }),
  };
}

const index = buildEventIndex(dataset!);
const run = (f: Partial<Filters>) => applyFilters(index, { ...NO_FILTERS, ...f }, null);
const ids = (f: Partial<Filters>) => run(f).visible.map((e) => e.id);

describe('applyFilters with a map area', () => {
  const gaza: GeoArea = { south: 31, west: 34, north: 32, east: 35 };
  const pacific: GeoArea = { south: -20, west: 170, north: -10, east: -170 };

  it('keeps the events placed in the area and, by default, leaves out those with no place', () => {
    expect(ids({ area: gaza })).toEqual(['gaza-1', 'rafah-1']);
    expect(isFiltering({ ...NO_FILTERS, area: gaza })).toBe(true);
  });

  it('keeps the events with no place when asked to', () => {
    expect(ids({ area: gaza, areaUnplaced: true })).toEqual(['gaza-1', 'rafah-1', 'nowhere']);
  });

  it('ignores the choice about unplaced events without an area', () => {
    expect(ids({ areaUnplaced: true })).toHaveLength(5);
    expect(isFiltering({ ...NO_FILTERS, areaUnplaced: true })).toBe(false);
  });

  it('takes both sides of the antimeridian in an area that crosses it', () => {
    expect(ids({ area: pacific })).toEqual(['suva-1', 'apia-1']);
    // The complement, from 170° W east to 170° E, holds neither.
    expect(ids({ area: { south: -20, west: -170, north: -10, east: 170 } })).toEqual([]);
  });

  it('counts the other facets under the area, and the area under them', () => {
    const r = run({ area: gaza, types: ['statement'] });
    expect(r.visible.map((e) => e.id)).toEqual(['gaza-1']);
    // Types are counted inside the area: Gaza holds one statement and one visit.
    expect(r.counts.types.get('statement')).toBe(1);
    expect(r.counts.types.get('visit')).toBe(1);
  });
});
