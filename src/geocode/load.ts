// Loads the geocoder's data from our own origin (public/geo/, written by
// scripts/build-geocoder-data.ts) and returns the synchronous lookup. Nothing is fetched until this
// is called, and nothing from anywhere else: the import worker calls it only when a row needs it.
import { createGeocoder } from './geocoder';
import { parseCities, parseCountries } from './format';
import type { GeocodeFn } from './types';

/** The data files, relative to the app's base URL. */
export const GEO_FILES = { cities: 'geo/cities.tsv', countries: 'geo/countries.json' } as const;

/**
 * The app's base URL as an absolute URL. In a page that is Vite's BASE_URL resolved against the
 * document. A worker cannot see the page: with the relative base of a built app ("./") its own
 * location is inside assets/, so a worker must be handed the page's base (as the import client
 * does) and pass it as `baseUrl`.
 */
export function defaultBaseUrl(): string {
  const base = import.meta.env.BASE_URL;
  const doc = (globalThis as { document?: { baseURI: string } }).document;
  const here = doc?.baseURI ?? (globalThis as { location?: { href: string } }).location?.href;
  return here ? new URL(base, here).href : base;
}

async function fetchOk(fetchImpl: typeof fetch, url: string): Promise<Response> {
  let res: Response;
  try {
    res = await fetchImpl(url);
  } catch (err) {
    throw new Error(
      `geocoder data ${url}: could not be fetched (${err instanceof Error ? err.message : String(err)})`,
      { cause: err },
    );
  }
  if (!res.ok) throw new Error(`geocoder data ${url}: the server answered ${res.status}`);
  return res;
}

/**
 * Fetches the cities and countries files and returns the lookup.
 * @param fetchImpl the fetch to use (tests pass their own).
 * @param baseUrl the app's base URL, absolute ("https://example.org/dateline/"); the files are at
 *   `${baseUrl}geo/...`. Defaults to defaultBaseUrl(), which is right in a page, not in a worker.
 */
export async function loadGeocoder(
  fetchImpl: typeof fetch = (input, init) => fetch(input, init),
  baseUrl: string = defaultBaseUrl(),
): Promise<GeocodeFn> {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const [citiesRes, countriesRes] = await Promise.all([
    fetchOk(fetchImpl, `${base}${GEO_FILES.cities}`),
    fetchOk(fetchImpl, `${base}${GEO_FILES.countries}`),
  ]);
  const [citiesText, countriesJson] = await Promise.all([
    citiesRes.text(),
    countriesRes.json() as Promise<unknown>,
  ]);
  return createGeocoder({
    cities: parseCities(citiesText),
    countries: parseCountries(countriesJson),
  });
}
