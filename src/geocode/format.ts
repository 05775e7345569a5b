// The compact text format of the cities file (written by scripts/build-geocoder-data.ts, read by
// loadGeocoder in the browser). One line a city, tab-separated, trailing empty fields left off:
//
//   name  country  lat  lon  population  [admin]  [altCountries, comma-separated]
//
// after one header line that starts with CITIES_MAGIC. Coordinates have at most 4 decimals (11 m).
import type { City, Country } from './types';

export const CITIES_MAGIC = '#dateline-cities 1';
export const COUNTRIES_VERSION = 1;

export interface CountriesFile {
  version: number;
  source: string;
  countries: Country[];
}

/** Rounds to 4 decimals and prints without trailing zeros ("31.5", "-0.1234"). */
export function formatCoord(x: number): string {
  const r = Math.round(x * 1e4) / 1e4;
  return String(Object.is(r, -0) ? 0 : r);
}

function clean(s: string): string {
  return s.replace(/[\t\r\n]+/g, ' ').trim();
}

export function formatCities(cities: readonly City[], source: string): string {
  const lines = [`${CITIES_MAGIC}\t${clean(source)}`];
  for (const c of cities) {
    const fields = [
      clean(c.name),
      c.country,
      formatCoord(c.lat),
      formatCoord(c.lon),
      String(c.population),
      c.admin ?? '',
      (c.altCountries ?? []).join(','),
    ];
    while (fields.length > 5 && fields[fields.length - 1] === '') fields.pop();
    lines.push(fields.join('\t'));
  }
  return `${lines.join('\n')}\n`;
}

export function parseCities(text: string): City[] {
  const lines = text.split('\n');
  if (!lines[0]?.startsWith(CITIES_MAGIC))
    throw new Error(`cities file: expected a first line starting with "${CITIES_MAGIC}"`);
  const cities: City[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const [name, country, lat, lon, population, admin, alt] = line.split('\t');
    if (!name || !country || lat === undefined || lon === undefined)
      throw new Error(`cities file, line ${i + 1}: too few fields`);
    const city: City = {
      name,
      country,
      lat: Number(lat),
      lon: Number(lon),
      population: Number(population) || 0,
    };
    if (admin) city.admin = admin;
    if (alt) city.altCountries = alt.split(',');
    if (!Number.isFinite(city.lat) || !Number.isFinite(city.lon))
      throw new Error(`cities file, line ${i + 1}: bad coordinates`);
    cities.push(city);
  }
  return cities;
}

export function parseCountries(json: unknown): Country[] {
  const file = json as Partial<CountriesFile> | null;
  if (!file || file.version !== COUNTRIES_VERSION || !Array.isArray(file.countries))
    throw new Error(`countries file: expected version ${COUNTRIES_VERSION} with a countries array`);
  return file.countries;
}
