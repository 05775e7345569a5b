// Against the real generated files (npm runs scripts/build-geocoder-data.ts before `unit`, `dev`
// and `build`). Skipped when they have not been generated, e.g. by a bare `npx vitest`.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALIASES } from './aliases';
import { parseCities, parseCountries } from './format';
import { createGeocoder } from './geocoder';
import { normalise } from './normalise';

const citiesUrl = new URL('../../public/geo/cities.tsv', import.meta.url);
const countriesUrl = new URL('../../public/geo/countries.json', import.meta.url);
const generated = existsSync(citiesUrl) && existsSync(countriesUrl);

describe.skipIf(!generated)('the generated geocoder data', () => {
  const cities = generated ? parseCities(readFileSync(citiesUrl, 'utf8')) : [];
  const countries = generated ? parseCountries(JSON.parse(readFileSync(countriesUrl, 'utf8'))) : [];
  const geocode = createGeocoder({ cities, countries });

  it('loads: GeoNames places of 1,000 people or more, and every ISO country but one', () => {
    expect(cities.length).toBeGreaterThan(100_000);
    expect(countries.length).toBeGreaterThanOrEqual(245);
    for (const c of countries) {
      expect(c.code).toMatch(/^[A-Z]{2}$/);
      expect(Math.abs(c.lat)).toBeLessThanOrEqual(90);
      expect(Math.abs(c.lon)).toBeLessThanOrEqual(180);
    }
  });

  it('answers the usual questions', () => {
    expect(geocode('Paris')?.matched).toBe('Paris, FR');
    expect(geocode('Paris, Texas')?.matched).toBe('Paris, US');
    expect(geocode('Cairo')?.matched).toBe('Cairo, EG');
    expect(geocode('Rafah')?.matched).toBe('Rafaḩ, PS');
    expect(geocode('Nablus, West Bank')?.matched).toBe('Nablus, PS');
    for (const name of ['Egypt', 'EG', 'EGY']) expect(geocode(name)?.matched).toBe('Egypt, EG');
    expect(geocode('Lebanon')?.precision).toBe('country');
    expect(geocode('the region')).toBeNull();
  });

  it('puts country centroids inside the country', () => {
    const near = (code: string, lat: [number, number], lon: [number, number]) => {
      const c = countries.find((x) => x.code === code);
      expect(c?.code).toBe(code);
      expect(c?.lat).toBeGreaterThan(lat[0]);
      expect(c?.lat).toBeLessThan(lat[1]);
      expect(c?.lon).toBeGreaterThan(lon[0]);
      expect(c?.lon).toBeLessThan(lon[1]);
    };
    near('EG', [22, 31.7], [25, 35]);
    near('US', [30, 48], [-110, -85]); // contiguous states, not Alaska
    near('FR', [43, 50], [-1, 7]); // mainland France, not French Guiana
    near('VN', [9, 23], [103, 109.5]); // inside the S, not in Laos (the plain centroid is)
    near('IL', [29.5, 33.3], [34.2, 35.9]);
  });

  it('gives spelling aliases the coordinates of the GeoNames place they cite', () => {
    let checked = 0;
    for (const a of ALIASES) {
      const m = /^GeoNames \d+ \((.+)\)$/.exec(a.source);
      if (!m?.[1]) continue;
      const key = normalise(m[1]);
      const namesakes = cities.filter((c) => c.country === a.country && normalise(c.name) === key);
      if (!namesakes.length) continue; // below the population threshold
      const off = Math.min(
        ...namesakes.map((c) => Math.max(Math.abs(c.lat - a.lat), Math.abs(c.lon - a.lon))),
      );
      expect({ alias: a.names[0], off: off < 0.001 }).toEqual({ alias: a.names[0], off: true });
      checked++;
    }
    expect(checked).toBeGreaterThan(40);
  });
});
