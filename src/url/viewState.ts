// The view as a link: `parseViewState` reads a query string (and a TimelineJS-style hash) into a
// ViewState, `buildViewState` writes one back. Kept side by side so the two stay each other's
// inverse: parse(build(s)) gives s back, and build(parse(url)) is a stable, canonical link.
//
//   ?event=talks-begin-cairo&actors=hamas,israel&from=2025-02-20&to=2025-03-05&q=prisoners
//
// Parsing never throws: a malformed parameter is dropped with one notice saying which and why,
// and the rest of the link still applies. Whether ids exist in the dataset is checked elsewhere.
import { isLocalDataRef, LOCAL_PREFIX } from '../data/localRef';
import { formatMapping, parseMapping } from '../formats/columns';
import type { Filters } from '../model/filter/types';
import { NO_FILTERS } from '../model/filter/types';
import type { ClaimStatus, EventStatus, EventType, Role } from '../model/schema';
import { CLAIM_STATUSES, EVENT_STATUSES, EVENT_TYPES, ROLES } from '../model/schema';
import { dayStart, parsePartialDate } from '../model/time';
import type { MapViewState, TimeWindow, ViewState } from './types';

export interface ParsedView {
  state: ViewState;
  notices: string[];
}

export const DEFAULT_VIEW_STATE: ViewState = {
  event: null,
  filters: NO_FILTERS,
  window: null,
  map: null,
  data: null,
};

/** Longest value read at all; anything longer is dropped whole. */
export const MAX_VALUE_LENGTH = 2000;
/** Longest search text kept; longer text is cut. */
export const MAX_Q_LENGTH = 200;
export const MAX_SLUG_LENGTH = 200;
export const MIN_WINDOW_MS = 60_000;
/** 500,000 Gregorian years: all the timeline can draw (views/timeline/deepTime.ts). */
export const MAX_WINDOW_MS = 500_000 * 365.2425 * 86_400_000;
export const MAX_ZOOM = 20;

const SLUG_RE = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/;
/** A day of any era, in ISO 8601's canonical form: 2025-02-27, -0499-03-15, +12025-01-01. */
const DAY_RE = /^(?:\d{4}|-\d{4,6}|\+\d{5,6})-\d{2}-\d{2}$/;
const DECIMAL_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
/** Years beyond 0000-9999, as Date#toISOString writes them: "+010000-01-01T00:00Z". */
const EXPANDED_INSTANT_RE = /^[+-]\d{6}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?Z$/;
const LONE_SURROGATE_RE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Control characters are never part of a dataset address.
// oxlint-disable-next-line no-control-regex
const CONTROL_RE = /[\u0000-\u001f\u007f]/;
const MAX_LISTED_BAD = 3;
const HASH_PREFIX = 'event-';

/** The parameters in the order a built link writes them. */
const PARAM_ORDER = [
  'event',
  'data',
  'cols',
  'q',
  'actors',
  'match',
  'members',
  'role',
  'types',
  'status',
  'claims',
  'from',
  'to',
  't',
  'map',
] as const;
type Param = (typeof PARAM_ORDER)[number];

// ---------------------------------------------------------------------------------------------
// Field rules, shared by parse and build so that build only writes what parse accepts.

export function isSlug(s: string): boolean {
  return s.length <= MAX_SLUG_LENGTH && SLUG_RE.test(s);
}

/** "2025-02-27" (or a day BCE, "-0499-03-15"), a day that exists. */
export function isDay(s: string): boolean {
  return DAY_RE.test(s) && !Number.isNaN(dayStart(s));
}

function toWellFormed(s: string): string {
  return s.replace(LONE_SURROGATE_RE, '\uFFFD');
}

/** Trimmed, at most MAX_Q_LENGTH UTF-16 units, without splitting a surrogate pair. */
export function normaliseQuery(q: string): string {
  let t = toWellFormed(q).trim();
  if (t.length > MAX_Q_LENGTH) {
    let cut = MAX_Q_LENGTH;
    const last = t.charCodeAt(cut - 1);
    if (last >= 0xd800 && last <= 0xdbff) cut -= 1;
    t = t.slice(0, cut).trimEnd();
  }
  return t;
}

/**
 * An http(s) URL, a same-origin path starting with "/" or "./", or `local:<id>` for a dataset
 * kept in this browser.
 */
export function isDataUrl(s: string): boolean {
  if (s === '' || s.length > MAX_VALUE_LENGTH || s !== s.trim() || CONTROL_RE.test(s)) {
    return false;
  }
  if (s.startsWith(LOCAL_PREFIX)) return isLocalDataRef(s);
  if (s.startsWith('/') || s.startsWith('./')) {
    // "//host/x" and "/\host/x" are other origins in disguise.
    const base = 'https://same-origin.invalid/app/';
    try {
      return new URL(s, base).origin === new URL(base).origin;
    } catch {
      return false;
    }
  }
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.host !== '';
  } catch {
    return false;
  }
}

function isInstant(ms: number): boolean {
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15;
}

export function isValidWindow(w: TimeWindow): boolean {
  return (
    isInstant(w.start) &&
    isInstant(w.end) &&
    w.end - w.start >= MIN_WINDOW_MS &&
    w.end - w.start <= MAX_WINDOW_MS
  );
}

/** Rounds to whole minutes, as a link carries it. */
export function roundWindow(w: TimeWindow): TimeWindow {
  const start = Math.round(w.start / 60_000) * 60_000 || 0;
  let end = Math.round(w.end / 60_000) * 60_000 || 0;
  // Rounding both ends can stretch the span by under a minute; keep it within the limit.
  if (end - start > MAX_WINDOW_MS) end -= 60_000;
  return { start, end };
}

/** "2025-02-01T00:00Z": UTC, to the minute ("+010000-01-01T00:00Z" beyond year 9999). */
export function formatInstant(ms: number): string {
  return new Date(ms).toISOString().slice(0, -8) + 'Z';
}

/** Epoch ms of an ISO date or instant (no offset: UTC); NaN when it is not one. */
export function parseInstant(s: string): number {
  const p = parsePartialDate(s);
  if (typeof p !== 'string') return p.earliest;
  if (EXPANDED_INSTANT_RE.test(s)) {
    const ms = Date.parse(s);
    // Date.parse rolls "Feb 30" over into March; a real date formats back to what was written.
    if (isInstant(ms) && new Date(ms).toISOString().slice(0, 19) === s.slice(0, 19)) return ms;
  }
  return NaN;
}

function round(x: number, decimals: number): number {
  return Number(x.toFixed(decimals)) || 0; // `|| 0`: no negative zero
}

/** Lat and lon to 4 decimals (about 11 m), zoom to 2: what a link carries. */
export function roundMapView(m: MapViewState): MapViewState {
  return { lat: round(m.lat, 4), lon: round(m.lon, 4), zoom: round(m.zoom, 2) };
}

export function isValidMapView(m: MapViewState): boolean {
  return (
    Number.isFinite(m.lat) &&
    Number.isFinite(m.lon) &&
    Number.isFinite(m.zoom) &&
    Math.abs(m.lat) <= 90 &&
    Math.abs(m.lon) <= 180 &&
    m.zoom >= 0 &&
    m.zoom <= MAX_ZOOM
  );
}

/** The values of `all` that `picked` holds, once each, in `all`'s order. */
function canonical<T extends string>(all: readonly T[], picked: readonly string[]): T[] {
  const set = new Set(picked);
  return all.filter((v) => set.has(v));
}

function dedupe(values: readonly string[]): string[] {
  return [...new Set(values)];
}

// ---------------------------------------------------------------------------------------------
// Parse

function clip(s: string, n = 40): string {
  const t = toWellFormed(s);
  return t.length > n ? `${t.slice(0, n)}…` : t;
}

function listValues(values: readonly string[]): string {
  const shown = values.slice(0, MAX_LISTED_BAD).map((v) => `"${clip(v)}"`);
  const more = values.length - shown.length;
  if (more > 0) return `${shown.join(', ')} and ${more} more`;
  if (shown.length === 1) return shown[0] ?? '';
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

const ID_RULE = 'ids are lowercase letters and digits, joined by - _ or .';

/** Reads a comma-separated list; blank items are skipped, bad ones reported together. */
function parseList(
  name: Param,
  value: string,
  accept: (item: string) => boolean,
  rule: string,
  notices: string[],
): string[] {
  const good: string[] = [];
  const bad: string[] = [];
  for (const raw of value.split(',')) {
    const item = raw.trim();
    if (item === '') continue;
    (accept(item) ? good : bad).push(item);
  }
  if (bad.length > 0) notices.push(`Ignored ${name} ${listValues(bad)}: ${rule}.`);
  return good;
}

function enumRule(all: readonly string[]): string {
  return `expected one or more of ${all.join(', ')}`;
}

/**
 * Reads a view from a query string ("?a=b&c=d" or "a=b&c=d") and, optionally, a location hash
 * ("#event-<id>", as TimelineJS links are written). Never throws.
 */
export function parseViewState(search: string, hash?: string): ParsedView {
  const notices: string[] = [];
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(typeof search === 'string' ? search : '');
  } catch {
    params = new URLSearchParams();
  }

  /** The first value of a parameter, trimmed; null when absent, blank or too long. */
  const get = (name: Param): string | null => {
    const all = params.getAll(name);
    if (all.length === 0) return null;
    if (all.length > 1) {
      notices.push(`The link gives ${name} ${all.length} times; only the first is used.`);
    }
    const value = (all[0] ?? '').trim();
    if (value === '') return null;
    if (value.length > MAX_VALUE_LENGTH) {
      notices.push(
        `Ignored ${name} "${clip(value)}": too long (${value.length} characters; at most ${MAX_VALUE_LENGTH}).`,
      );
      return null;
    }
    return value;
  };
  const reject = (name: Param, value: string, why: string) => {
    notices.push(`Ignored ${name} "${clip(value)}": ${why}.`);
  };

  // event, or a TimelineJS-style #event-<id>
  let event: string | null = null;
  const eventValue = get('event');
  if (eventValue !== null) {
    if (isSlug(eventValue)) event = eventValue;
    else reject('event', eventValue, `not an event id (${ID_RULE})`);
  } else if (typeof hash === 'string') {
    let h = hash.startsWith('#') ? hash.slice(1) : hash;
    try {
      h = decodeURIComponent(h);
    } catch {
      // keep it as written
    }
    if (h.startsWith(HASH_PREFIX)) {
      const id = h.slice(HASH_PREFIX.length).trim();
      if (isSlug(id)) event = id;
      else notices.push(`Ignored the link's #${clip(h)}: not an event id (${ID_RULE}).`);
    }
  }

  // data
  let data: string | null = null;
  const dataValue = get('data');
  if (dataValue !== null) {
    if (isDataUrl(dataValue)) data = dataValue;
    else {
      reject(
        'data',
        dataValue,
        'a dataset must be an http(s) address, a path starting with /, or local:<id>',
      );
    }
  }

  // cols: the column mapping of a table, meaningful only with data
  let cols: string | undefined;
  const colsValue = get('cols');
  if (colsValue !== null) {
    const mapping = parseMapping(colsValue);
    if (typeof mapping === 'string') reject('cols', colsValue, mapping);
    else if (data === null) reject('cols', colsValue, 'a column mapping needs a dataset (data=)');
    else cols = formatMapping(mapping) || undefined;
  }

  // q
  let q = '';
  const qValue = get('q');
  if (qValue !== null) {
    q = normaliseQuery(qValue);
    if (q.length < toWellFormed(qValue).length) {
      notices.push(
        `Shortened q "${clip(qValue)}" to its first ${MAX_Q_LENGTH} characters (it had ${qValue.length}).`,
      );
    }
  }

  // actors, match, members, role
  const actorsValue = get('actors');
  const actors =
    actorsValue === null
      ? []
      : dedupe(parseList('actors', actorsValue, isSlug, `not actor ids (${ID_RULE})`, notices));

  let actorMode: Filters['actorMode'] = 'any';
  const matchValue = get('match');
  if (matchValue === 'all' || matchValue === 'any') actorMode = matchValue;
  else if (matchValue !== null) reject('match', matchValue, 'expected all or any');

  let includeMembers = false;
  const membersValue = get('members');
  if (membersValue === '1' || membersValue === 'true') includeMembers = true;
  else if (membersValue !== null && membersValue !== '0' && membersValue !== 'false') {
    reject('members', membersValue, 'expected 1 or 0');
  }

  let role: Role | null = null;
  const roleValue = get('role');
  if (roleValue !== null) {
    const found = ROLES.find((r) => r === roleValue);
    if (found) role = found;
    else reject('role', roleValue, `expected one of ${ROLES.join(', ')}`);
  }

  // types, status, claims
  const enumParam = <T extends string>(name: Param, all: readonly T[]): T[] => {
    const value = get(name);
    if (value === null) return [];
    const known = new Set<string>(all);
    const picked = parseList(name, value, (v) => known.has(v), enumRule(all), notices);
    return canonical(all, picked);
  };
  const types: EventType[] = enumParam('types', EVENT_TYPES);
  const statuses: EventStatus[] = enumParam('status', EVENT_STATUSES);
  const claims: ClaimStatus[] = enumParam('claims', CLAIM_STATUSES);

  // from, to
  const dayParam = (name: 'from' | 'to'): string | null => {
    const value = get(name);
    if (value === null) return null;
    if (isDay(value)) return value;
    reject(name, value, 'not a real day in the form YYYY-MM-DD (or -0499-03-15 before 1 CE)');
    return null;
  };
  let from = dayParam('from');
  let to = dayParam('to');
  if (from !== null && to !== null && from > to) {
    notices.push(`Ignored from "${from}" and to "${to}": the start is after the end.`);
    from = null;
    to = null;
  }

  // t
  let window: TimeWindow | null = null;
  const tValue = get('t');
  if (tValue !== null) {
    const ends = tValue.split('..');
    const start = ends.length === 2 ? parseInstant((ends[0] ?? '').trim()) : NaN;
    const end = ends.length === 2 ? parseInstant((ends[1] ?? '').trim()) : NaN;
    if (Number.isNaN(start) || Number.isNaN(end)) {
      reject('t', tValue, 'expected START..END, such as 2025-02-01T00:00Z..2025-03-01T00:00Z');
    } else if (end - start < MIN_WINDOW_MS) {
      reject('t', tValue, 'the end must be at least a minute after the start');
    } else if (end - start > MAX_WINDOW_MS) {
      reject('t', tValue, 'the window spans more than 10,000 years');
    } else {
      window = { start, end };
    }
  }

  // map
  let map: MapViewState | null = null;
  const mapValue = get('map');
  if (mapValue !== null) {
    const parts = mapValue.split(',').map((p) => p.trim());
    if (parts.length !== 3 || !parts.every((p) => DECIMAL_RE.test(p))) {
      reject('map', mapValue, 'expected LAT,LON,ZOOM, such as 31.4200,34.3800,7');
    } else {
      const [lat, lon, zoom] = parts.map(Number) as [number, number, number];
      if (Math.abs(lat) > 90) reject('map', mapValue, 'latitude must be between -90 and 90');
      else if (Math.abs(lon) > 180) {
        reject('map', mapValue, 'longitude must be between -180 and 180');
      } else if (!(zoom >= 0 && zoom <= MAX_ZOOM)) {
        reject('map', mapValue, `zoom must be between 0 and ${MAX_ZOOM}`);
      } else {
        map = roundMapView({ lat, lon, zoom });
      }
    }
  }

  const filters: Filters = {
    actors,
    actorMode,
    includeMembers,
    role,
    types,
    statuses,
    claims,
    from,
    to,
    q,
  };
  return { state: { event, filters, window, map, data, ...(cols && { cols }) }, notices };
}

// ---------------------------------------------------------------------------------------------
// Build

/** Percent-encodes like encodeURIComponent, but leaves , : / readable and escapes ' ( ) ! *. */
function encode(value: string): string {
  return encodeURIComponent(toWellFormed(value))
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%2C/g, ',')
    .replace(/%3A/g, ':')
    .replace(/%2F/g, '/');
}

/**
 * Writes a view as a query string with a leading "?", or "" when everything is the default.
 * Only what parseViewState accepts is written: invalid ids, unknown values, a start day after the
 * end day, a bad window or map view are left out, so the link never earns a notice.
 */
export function buildViewState(state: ViewState): string {
  const f = state.filters;
  const out: [Param, string][] = [];
  const put = (name: Param, value: string | null) => {
    if (value !== null && value !== '') out.push([name, value]);
  };

  put('event', state.event !== null && isSlug(state.event) ? state.event : null);
  const data = state.data !== null && isDataUrl(state.data) ? state.data : null;
  put('data', data);
  const cols = data !== null && state.cols ? parseMapping(state.cols) : '';
  put('cols', typeof cols === 'string' ? null : formatMapping(cols));
  put('q', normaliseQuery(f.q));
  put('actors', dedupe(f.actors.filter(isSlug)).join(','));
  put('match', f.actorMode === 'all' ? 'all' : null);
  put('members', f.includeMembers ? '1' : null);
  put('role', f.role !== null && ROLES.includes(f.role) ? f.role : null);
  put('types', canonical(EVENT_TYPES, f.types).join(','));
  put('status', canonical(EVENT_STATUSES, f.statuses).join(','));
  put('claims', canonical(CLAIM_STATUSES, f.claims).join(','));
  const from = f.from !== null && isDay(f.from) ? f.from : null;
  const to = f.to !== null && isDay(f.to) ? f.to : null;
  if (from === null || to === null || from <= to) {
    put('from', from);
    put('to', to);
  }
  if (state.window) {
    const w = roundWindow(state.window);
    if (isValidWindow(w)) put('t', `${formatInstant(w.start)}..${formatInstant(w.end)}`);
  }
  if (state.map && isValidMapView(state.map)) {
    const m = roundMapView(state.map);
    put('map', `${m.lat.toFixed(4)},${m.lon.toFixed(4)},${m.zoom}`);
  }

  if (out.length === 0) return '';
  return `?${out.map(([k, v]) => `${k}=${encode(v)}`).join('&')}`;
}
