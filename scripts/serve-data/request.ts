// A request's query string, checked at the door: every parameter named, typed and bounded, or a
// `BadRequest` saying which parameter is wrong and why. The filter parameters are the link's own
// (README, "Links"): a view's link and its query to the service read alike. Pure, no DuckDB.
import { isSlug } from '../../src/model/ids';
import { CLAIM_STATUSES, EVENT_STATUSES, EVENT_TYPES, ROLES } from '../../src/model/schema';
import { isInvertedRange, NO_FILTERS, type Filters } from '../../src/model/filter/types';
import { isValidArea, roundArea, type GeoArea } from '../../src/model/filter/area';
import { isDay } from '../../src/url/fields';
import { MAX_Q_LENGTH } from '../../src/url/limits';
import { DRAW_MAX, DRAW_MIN } from '../../src/views/timeline/deepTime';

export class BadRequest extends Error {
  readonly status = 400;
}

/** The most events one answer lists; above it, the answer is bins and cells. */
export const MAX_ROWS = 5000;
export const DEFAULT_ROWS = 2000;
export const MAX_SLICES = 1000;
export const MAX_CELLS = 5000;
/** The most events one page of the list holds. */
export const MAX_PAGE = 500;
export const DEFAULT_PAGE = 100;
/** The most events an export holds unless the service is started with another cap. */
export const DEFAULT_EXPORT_CAP = 1_000_000;
/** Far beyond any table served here; an offset past the events answers an empty page. */
const MAX_OFFSET = 1_000_000_000;
const MAX_ACTORS = 100;
const MAX_WORDS = 16;

const FILTER_PARAMS = [
  'actors',
  'match',
  'members',
  'role',
  'types',
  'status',
  'claims',
  'from',
  'to',
  'within',
  'q',
  'area',
  'unplaced',
] as const;

export interface Window {
  start: number;
  end: number;
}

export interface Bbox {
  west: number;
  south: number;
  east: number;
  north: number;
}

export interface EventsQuery {
  filters: Filters;
  window: Window | null;
  bbox: Bbox | null;
  limit: number;
  slices: number;
  /** Grid cell size in degrees for the map's clusters. */
  cell: number;
}

/** Reads the query string: each parameter at most once, and only those `allowed`. */
function readParams(search: URLSearchParams, allowed: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of search) {
    if (!allowed.includes(key))
      throw new BadRequest(
        `unknown parameter "${key.slice(0, 40)}"; this path takes ${allowed.join(', ') || 'none'}`,
      );
    if (out.has(key)) throw new BadRequest(`parameter "${key}" is given more than once`);
    if (value.length > 2000)
      throw new BadRequest(`parameter "${key}" is longer than 2,000 characters`);
    out.set(key, value);
  }
  return out;
}

const shown = (v: string) => JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);

function list(name: string, value: string | undefined, ok: (v: string) => boolean, rule: string) {
  if (value === undefined) return [];
  const items = value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
  const bad = items.find((v) => !ok(v));
  if (bad !== undefined) throw new BadRequest(`${name}: ${shown(bad)} is not ${rule}`);
  return [...new Set(items)];
}

function oneOf<T extends string>(all: readonly T[]) {
  return (v: string): v is T => (all as readonly string[]).includes(v);
}

function flag(name: string, value: string | undefined): boolean {
  if (value === undefined || value === '0') return false;
  if (value === '1') return true;
  throw new BadRequest(`${name}: expected 1 or 0, not ${shown(value)}`);
}

function integer(
  name: string,
  value: string | undefined,
  min: number,
  max: number,
  fallback: number,
) {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < min || n > max)
    throw new BadRequest(
      `${name}: expected a whole number from ${min} to ${max}, not ${shown(value)}`,
    );
  return n;
}

function number(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max)
    throw new BadRequest(`${name}: expected a number from ${min} to ${max}, not ${shown(value)}`);
  return n;
}

/**
 * The map area filter as the link writes it (`area=SOUTH,WEST,NORTH,EAST`, degrees, west greater
 * than east across the antimeridian), rounded to the link's four decimals; null without one.
 */
function readArea(value: string | undefined): GeoArea | null {
  if (value === undefined) return null;
  const parts = value.split(',');
  if (parts.length !== 4)
    throw new BadRequest(`area: expected south,west,north,east in degrees, not ${shown(value)}`);
  const [south, west, north, east] = [
    number('area south', parts[0]!, -90, 90),
    number('area west', parts[1]!, -180, 180),
    number('area north', parts[2]!, -90, 90),
    number('area east', parts[3]!, -180, 180),
  ];
  if (south >= north) throw new BadRequest(`area: south ${south} is not south of north ${north}`);
  const area = roundArea({ south, west, north, east });
  if (!isValidArea(area)) throw new BadRequest(`area: ${shown(value)} has no width`);
  return area;
}

/** The filters of a request, as the link writes them. */
export function readFilters(p: Map<string, string>): Filters {
  const actors = list('actors', p.get('actors'), isSlug, 'an actor id');
  if (actors.length > MAX_ACTORS) throw new BadRequest(`actors: more than ${MAX_ACTORS} ids`);
  const match = p.get('match');
  if (match !== undefined && match !== 'all' && match !== 'any')
    throw new BadRequest(`match: expected all or any, not ${shown(match)}`);
  const role = p.get('role');
  if (role !== undefined && !oneOf(ROLES)(role))
    throw new BadRequest(`role: expected one of ${ROLES.join(', ')}, not ${shown(role)}`);
  const day = (name: 'from' | 'to') => {
    const v = p.get(name);
    if (v === undefined) return null;
    if (!isDay(v))
      throw new BadRequest(`${name}: expected a day such as 2025-02-27, not ${shown(v)}`);
    return v;
  };
  const from = day('from');
  const to = day('to');
  if (isInvertedRange(from, to)) throw new BadRequest(`from: ${from} is after to: ${to}`);
  const q = p.get('q') ?? '';
  if (q.length > MAX_Q_LENGTH) throw new BadRequest(`q: longer than ${MAX_Q_LENGTH} characters`);
  return {
    ...NO_FILTERS,
    actors,
    actorMode: match === 'all' ? 'all' : 'any',
    includeMembers: flag('members', p.get('members')),
    role: role ?? null,
    types: list('types', p.get('types'), oneOf(EVENT_TYPES), `one of ${EVENT_TYPES.join(', ')}`),
    statuses: list(
      'status',
      p.get('status'),
      oneOf(EVENT_STATUSES),
      `one of ${EVENT_STATUSES.join(', ')}`,
    ),
    claims: list(
      'claims',
      p.get('claims'),
      oneOf(CLAIM_STATUSES),
      `one of ${CLAIM_STATUSES.join(', ')}`,
    ),
    from,
    to,
    dateWithin: flag('within', p.get('within')),
    q,
    area: readArea(p.get('area')),
    // Alone (with no area) it means nothing, as in a link.
    areaUnplaced: flag('unplaced', p.get('unplaced')),
  } as Filters;
}

/** The query's words, folded as the browser folds them; each must start a word of the event. */
export function queryWords(q: string): string[] {
  const words = q
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[\n\r\p{Z}\p{P}]+/u)
    .filter((w) => w !== '');
  if (words.length > MAX_WORDS) throw new BadRequest(`q: more than ${MAX_WORDS} words`);
  return [...new Set(words)];
}

function readWindow(p: Map<string, string>): Window | null {
  const s = p.get('start');
  const e = p.get('end');
  if (s === undefined && e === undefined) return null;
  if (s === undefined || e === undefined)
    throw new BadRequest('start and end: give both (epoch milliseconds), or neither');
  const start = number('start', s, DRAW_MIN, DRAW_MAX);
  const end = number('end', e, DRAW_MIN, DRAW_MAX);
  if (end <= start) throw new BadRequest(`end: ${e} is not after start: ${s}`);
  return { start, end };
}

function readBbox(value: string | undefined): Bbox | null {
  if (value === undefined) return null;
  const parts = value.split(',');
  if (parts.length !== 4)
    throw new BadRequest(`bbox: expected west,south,east,north in degrees, not ${shown(value)}`);
  const [west, south, east, north] = [
    number('bbox west', parts[0]!, -180, 180),
    number('bbox south', parts[1]!, -90, 90),
    number('bbox east', parts[2]!, -180, 180),
    number('bbox north', parts[3]!, -90, 90),
  ];
  if (south > north) throw new BadRequest(`bbox: south ${south} is north of north ${north}`);
  if (west > east) throw new BadRequest(`bbox: west ${west} is east of east ${east}`);
  return { west, south, east, north };
}

export function readEventsQuery(search: URLSearchParams): EventsQuery {
  const p = readParams(search, [
    ...FILTER_PARAMS,
    'start',
    'end',
    'bbox',
    'limit',
    'slices',
    'cell',
  ]);
  const cell = p.get('cell');
  return {
    filters: readFilters(p),
    window: readWindow(p),
    bbox: readBbox(p.get('bbox')),
    limit: integer('limit', p.get('limit'), 1, MAX_ROWS, DEFAULT_ROWS),
    slices: integer('slices', p.get('slices'), 1, MAX_SLICES, 60),
    cell: cell === undefined ? 1 : number('cell', cell, 0.0001, 90),
  };
}

export interface ListQuery {
  filters: Filters;
  /** Rows skipped (the list's scroll position), or null when the page follows `after`. */
  offset: number | null;
  /** Keyset paging: the page starts after the event at this place in time order (`pos`). */
  after: number | null;
  /** The page holding this event (by id), as the list asks to show a selection made elsewhere. */
  at: string | null;
  limit: number;
}

/** `/list`: one page of the events under the filters, in time order. */
export function readListQuery(search: URLSearchParams): ListQuery {
  const p = readParams(search, [...FILTER_PARAMS, 'offset', 'after', 'at', 'limit']);
  if (['offset', 'after', 'at'].filter((k) => p.has(k)).length > 1)
    throw new BadRequest(
      'offset, after and at: give one (a row number, the pos of the last row, or an event id)',
    );
  const after = p.get('after');
  const at = p.get('at');
  if (at !== undefined && !isSlug(at)) throw new BadRequest(`at: ${shown(at)} is not an event id`);
  return {
    filters: readFilters(p),
    offset:
      after === undefined && at === undefined
        ? integer('offset', p.get('offset'), 0, MAX_OFFSET, 0)
        : null,
    after: after === undefined ? null : integer('after', after, -1, MAX_OFFSET, -1),
    at: at ?? null,
    limit: integer('limit', p.get('limit'), 1, MAX_PAGE, DEFAULT_PAGE),
  };
}

/** `/export`: the events under the filters as Dateline CSV (only CSV is written). */
export function readExportQuery(search: URLSearchParams): Filters {
  const p = readParams(search, [...FILTER_PARAMS, 'format']);
  const format = p.get('format');
  if (format !== undefined && format !== 'csv')
    throw new BadRequest(`format: only csv is written, not ${shown(format)}`);
  return readFilters(p);
}

export function readFiltersQuery(search: URLSearchParams): Filters {
  return readFilters(readParams(search, FILTER_PARAMS));
}

export function readTextQuery(search: URLSearchParams): { q: string; limit: number } {
  const p = readParams(search, ['q', 'limit']);
  const q = p.get('q');
  if (q === undefined || q.trim() === '')
    throw new BadRequest('q: missing (the text to search for)');
  if (q.length > MAX_Q_LENGTH) throw new BadRequest(`q: longer than ${MAX_Q_LENGTH} characters`);
  return { q, limit: integer('limit', p.get('limit'), 1, MAX_ROWS, 100) };
}

export function readNoParams(search: URLSearchParams): void {
  readParams(search, []);
}
