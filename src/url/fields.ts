// The rules of a link's values, shared by parsing and building so that a built link only holds
// what a parse accepts: days, the search text, the timeline window, the map view, lists.
import { dayStart, parsePartialDate } from '../model/time';
import { MAX_Q_LENGTH, MAX_WINDOW_MS, MAX_ZOOM, MIN_WINDOW_MS } from './limits';
import type { MapViewState, TimeWindow } from './types';

/** A day of any era, in ISO 8601's canonical form: 2025-02-27, -0499-03-15, +12025-01-01. */
const DAY_RE = /^(?:\d{4}|-\d{4,6}|\+\d{5,6})-\d{2}-\d{2}$/;
/** Years beyond 0000-9999, as Date#toISOString writes them: "+010000-01-01T00:00Z". */
const EXPANDED_INSTANT_RE = /^[+-]\d{6}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?Z$/;
const LONE_SURROGATE_RE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** "2025-02-27" (or a day BCE, "-0499-03-15"), a day that exists. */
export function isDay(s: string): boolean {
  return DAY_RE.test(s) && !Number.isNaN(dayStart(s));
}

/** Whether day `a` comes after day `b` (both valid days; BCE years compare as years, not text). */
export function isDayAfter(a: string, b: string): boolean {
  const x = dayStart(a);
  const y = dayStart(b);
  return x === y ? a > b && !a.startsWith('-') : x > y;
}

export function toWellFormed(s: string): string {
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
export function canonical<T extends string>(all: readonly T[], picked: readonly string[]): T[] {
  const set = new Set(picked);
  return all.filter((v) => set.has(v));
}

export function dedupe(values: readonly string[]): string[] {
  return [...new Set(values)];
}
