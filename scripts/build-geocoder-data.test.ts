import { describe, expect, it } from 'vitest';
import { geoContains } from 'd3-geo';
import type { Polygon } from 'geojson';
import { buildCities, pointInside } from './build-geocoder-data';
import { formatCities, parseCities } from '../src/geocode/format';

const raw = (
  cityId: number,
  name: string,
  country: string,
  population: number,
  featureCode = 'PPL',
  extra: { adminCode?: string; altName?: string } = {},
) => ({
  cityId,
  name,
  country,
  population,
  featureCode,
  adminCode: extra.adminCode ?? '01',
  altName: extra.altName ?? '',
  loc: { coordinates: [34.466721, 31.501612] as [number, number] },
});

describe('buildCities', () => {
  const cities = buildCities(
    [
      raw(3, 'Zeta', 'EG', 5000),
      raw(1, 'Alpha', 'EG', 999),
      raw(2, 'Capital', 'EG', 0, 'PPLC'),
      raw(4, 'Old Town', 'EG', 50_000, 'PPLH'),
      raw(5, 'Paris', 'US', 24782, 'PPLA2', { adminCode: 'TX' }),
      raw(6, 'Laayoune', 'EH', 196331, 'PPLA', { altName: 'MA' }),
      raw(7, 'Beta', 'AD', 2000),
    ],
    1000,
  );

  it('keeps places above the threshold and capitals, drops historical ones, sorts', () => {
    expect(cities.map((c) => `${c.country} ${c.name}`)).toEqual([
      'AD Beta',
      'EG Capital',
      'EG Zeta',
      'EH Laayoune',
      'US Paris',
    ]);
  });

  it('rounds coordinates, keeps US states and other country codes', () => {
    expect(cities[1]).toEqual({
      name: 'Capital',
      country: 'EG',
      lat: 31.5016,
      lon: 34.4667,
      population: 0,
    });
    expect(cities.find((c) => c.name === 'Paris')?.admin).toBe('TX');
    expect(cities.find((c) => c.name === 'Zeta')?.admin).toBeUndefined();
    expect(cities.find((c) => c.name === 'Laayoune')?.altCountries).toEqual(['MA']);
  });

  it('writes what the app reads', () => {
    expect(parseCities(formatCities(cities, 'x'))).toEqual(cities);
  });
});

describe('pointInside', () => {
  it('keeps the centroid of a convex polygon', () => {
    const square: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [0, 2],
          [2, 2],
          [2, 0],
          [0, 0],
        ],
      ],
    };
    const [lon, lat] = pointInside(square);
    expect(lon).toBeCloseTo(1, 2);
    expect(lat).toBeCloseTo(1, 2);
  });

  it('moves the centroid of a C-shaped polygon inside it', () => {
    // A "C" open to the east: its centroid falls in the opening.
    const c: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [0, 3],
          [3, 3],
          [3, 2],
          [1, 2],
          [1, 1],
          [3, 1],
          [3, 0],
          [0, 0],
        ],
      ],
    };
    expect(geoContains(c, pointInside(c))).toBe(true);
  });
});
