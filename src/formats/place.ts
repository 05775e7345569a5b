// A place from what a row gives: a name, coordinates (checked), a precision, or, for a name with
// no coordinates, the geocoder's answer. Bad coordinates reject the row; a name nobody can place
// leaves the event without a place, with a warning and the name kept in `extra`.
import { GEOCODERS, PLACE_PRECISIONS, type InlinePlace } from '../model/schema';
import type { Draft, Origin, Where } from './draft';
import { text as fieldText, type Field } from './record';
import type { RawPlace } from './types';
import { quote } from '../model/quote';

export type PlacePrecision = InlinePlace['precision'];

/** The precision given to coordinates a file does not qualify: a town, not a doorstep. */
export const DEFAULT_PLACE_PRECISION: PlacePrecision = 'city';

const NUMBER = /^[-+]?\d+(?:[.,]\d+)?$/;

/** A latitude or longitude as written ('' → undefined); a reason when it is not one. */
export function readCoordinate(value: unknown, axis: 'lat' | 'lon'): number | undefined | string {
  if (value === undefined || value === null) return undefined;
  let n: number;
  if (typeof value === 'number') n = value;
  else {
    const text = String(value).trim();
    if (text === '') return undefined;
    if (!NUMBER.test(text)) return `${quote(text)} is not a number`;
    n = Number(text.replace(',', '.'));
  }
  const [name, limit] = axis === 'lat' ? ['latitude', 90] : ['longitude', 180];
  if (!Number.isFinite(n) || Math.abs(n) > limit) {
    return `${name} ${n} is not between -${limit} and ${limit}`;
  }
  return n;
}

export function isPlacePrecision(value: string): value is PlacePrecision {
  return (PLACE_PRECISIONS as readonly string[]).includes(value);
}

export interface PlaceInput {
  name: string;
  /** What to ask the geocoder, when not the name ("Rafah" for the place "Rafah, Palestine"). */
  query?: string;
  lat: unknown;
  lon: unknown;
  precision?: PlacePrecision;
  /** A country to narrow the geocoder's search. */
  countryHint?: string;
  where: { name: Where; lat: Where; lon: Where };
  id?: string;
  /** How an earlier import found the coordinates by name (a Dateline export says it). */
  geocoded?: RawPlace['geocoded'];
}

type Geocoded = NonNullable<RawPlace['geocoded']>;

/**
 * The geocoding a Dateline CSV or GeoJSON export writes beside a place's coordinates
 * (`geocoded_from`, `geocoded_match`, `geocoded_by`), so that a place found by name still says
 * so after a round trip. The fields are taken (kept out of `extra`) only when they make one;
 * anything else stays in `extra` as the file wrote it.
 */
export function takeGeocoding(item: {
  peek(key: string): Field | undefined;
  take(key: string): unknown;
}): Geocoded | undefined {
  const query = fieldText(item.peek('geocoded_from'));
  const matched = fieldText(item.peek('geocoded_match'));
  const by = fieldText(item.peek('geocoded_by'));
  const known = GEOCODERS.find((g) => g === by);
  if (!query || !known) return undefined;
  for (const key of ['geocoded_from', 'geocoded_match', 'geocoded_by']) item.take(key);
  return { query, matched: matched || query, by: known };
}

export type PlaceResult = { ok: true; place: RawPlace | null; unplaced?: string } | { ok: false };

/** Reads a row's place; `{ ok: false }` when the row was rejected for its coordinates. */
export function readPlace(input: PlaceInput, draft: Draft, origin: Origin): PlaceResult {
  const lat = readCoordinate(input.lat, 'lat');
  const lon = readCoordinate(input.lon, 'lon');
  const idWhere = input.id === undefined ? {} : { id: input.id };
  for (const [value, where] of [
    [lat, input.where.lat],
    [lon, input.where.lon],
  ] as const) {
    if (typeof value === 'string') {
      draft.reject(origin, value, { ...where, ...idWhere });
      return { ok: false };
    }
  }
  if (typeof lat === 'number' && typeof lon === 'number') {
    const name = input.name || `${lat}, ${lon}`;
    const precision = input.precision ?? DEFAULT_PLACE_PRECISION;
    return {
      ok: true,
      place: { name, lat, lon, precision, ...(input.geocoded && { geocoded: input.geocoded }) },
    };
  }
  if (lat !== undefined || lon !== undefined) {
    const missing = lat === undefined ? input.where.lat : input.where.lon;
    draft.reject(origin, 'a place needs both latitude and longitude', { ...missing, ...idWhere });
    return { ok: false };
  }
  if (!input.name) return { ok: true, place: null };

  const query = input.query ?? input.name;
  const hit = draft.geocode(query, input.countryHint);
  if (hit) {
    return {
      ok: true,
      place: {
        name: input.name,
        lat: hit.lat,
        lon: hit.lon,
        precision: hit.precision,
        geocoded: { query, matched: hit.matched, by: hit.by },
      },
    };
  }
  const why =
    hit === null
      ? `the geocoder does not know ${quote(query)}`
      : `${quote(input.name)} has no coordinates and no geocoder was given`;
  draft.warn(origin, `${why}; the event has no place (the name is kept in extra)`, {
    ...input.where.name,
    ...idWhere,
  });
  return { ok: true, place: null, unplaced: input.name };
}
