// A quick way through the event schema for the ordinary event. `eventSchema()` (zod) stays the
// definition and the only source of error messages: this reads an event the way zod would and
// gives up (undefined) on anything it is not sure of, which then goes through zod. It exists for
// speed: zod's parses are slow at scale and leave objects in V8's slow dictionary mode, while
// these are built field by field in one fixed shape (README, Performance). fastEvent.test.ts checks, over thousands of
// mutated events, that whatever this accepts zod accepts too, with an equal result.
import {
  CLAIM_STATUSES,
  EVENT_STATUSES,
  EVENT_TYPES,
  PLACE_PRECISIONS,
  ROLES,
  type EventInput,
  type InlinePlace,
} from './schema';
import { isSlug } from './ids';
import { PRECISIONS } from './time';

type Raw = Record<string, unknown>;

const sets = {
  type: new Set<string>(EVENT_TYPES),
  status: new Set<string>(EVENT_STATUSES),
  claim: new Set<string>(CLAIM_STATUSES),
  role: new Set<string>(ROLES),
  precision: new Set<string>(PRECISIONS),
  placePrecision: new Set<string>(PLACE_PRECISIONS),
};

/** Thrown inside to give up; caught once at the top. */
const GIVE_UP = Symbol('give up');

function record(v: unknown): Raw {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw GIVE_UP;
  return v as Raw;
}

function slug(v: unknown): string {
  if (typeof v !== 'string' || !isSlug(v)) throw GIVE_UP;
  return v;
}

/** A trimmed, non-empty string (zod's `z.string().trim().min(1)`). */
function text(v: unknown): string {
  if (typeof v !== 'string') throw GIVE_UP;
  const t = v.trim();
  if (t.length === 0) throw GIVE_UP;
  return t;
}

function string(v: unknown): string {
  if (typeof v !== 'string') throw GIVE_UP;
  return v;
}

function optionalString(v: unknown): string | undefined {
  return v === undefined ? undefined : string(v);
}

function oneOf<T extends string>(set: Set<string>, v: unknown): T {
  if (typeof v !== 'string' || !set.has(v)) throw GIVE_UP;
  return v as T;
}

function array(v: unknown): unknown[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw GIVE_UP;
  return v;
}

function number(v: unknown, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) throw GIVE_UP;
  return v;
}

function inlinePlace(v: Raw): InlinePlace {
  // Geocoded places are rare and nested: zod reads them.
  if (v.geocoded !== undefined) throw GIVE_UP;
  const radiusKm = v.radiusKm;
  if (
    radiusKm !== undefined &&
    !(typeof radiusKm === 'number' && radiusKm > 0 && radiusKm < Infinity)
  )
    throw GIVE_UP;
  return {
    id: v.id === undefined ? undefined : slug(v.id),
    name: text(v.name),
    lat: number(v.lat, -90, 90),
    lon: number(v.lon, -180, 180),
    precision: oneOf(sets.placePrecision, v.precision),
    radiusKm: radiusKm as number | undefined,
    note: optionalString(v.note),
  };
}

function place(v: unknown): EventInput['place'] {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return slug(v);
  return inlinePlace(record(v));
}

function extra(v: unknown): Record<string, unknown> | undefined {
  if (v === undefined) return undefined;
  const r = record(v);
  if (Object.getPrototypeOf(r) !== Object.prototype) throw GIVE_UP;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(r)) {
    // zod copies by assignment, where "__proto__" would set the prototype: leave that to zod.
    if (key === '__proto__') throw GIVE_UP;
    out[key] = r[key];
  }
  return out;
}

function read(raw: unknown): EventInput {
  const e = record(raw);
  // Media come with URLs whose checks are zod's own: let zod read them.
  if (e.media !== undefined) throw GIVE_UP;
  const time = record(e.time);
  // `?? false` would let null through, which zod rejects: only a missing value defaults.
  const approximate = time.approximate === undefined ? false : time.approximate;
  if (typeof approximate !== 'boolean') throw GIVE_UP;
  const claim = e.claim === undefined ? undefined : record(e.claim);
  return {
    id: slug(e.id),
    title: text(e.title),
    summary: e.summary === undefined ? '' : string(e.summary),
    summaryHtml: optionalString(e.summaryHtml),
    media: undefined,
    type: oneOf(sets.type, e.type),
    time: {
      start: string(time.start),
      end: optionalString(time.end),
      precision: oneOf(sets.precision, time.precision),
      approximate,
      text: optionalString(time.text),
    },
    status: oneOf(sets.status, e.status),
    place: place(e.place),
    actors: array(e.actors).map((item) => {
      const link = record(item);
      return { actor: slug(link.actor), role: oneOf(sets.role, link.role) };
    }),
    claim: claim && { by: slug(claim.by), status: oneOf(sets.claim, claim.status) },
    evidence: array(e.evidence).map((item) => {
      const ev = record(item);
      const quote = ev.quote;
      if (typeof quote !== 'string' || quote.trim().length === 0) throw GIVE_UP;
      return {
        source: slug(ev.source),
        quote,
        start: safeInt(ev.start, 0),
        end: safeInt(ev.end, 1),
      };
    }),
    tags: array(e.tags).map(text),
    extra: extra(e.extra),
    extraHtml: e.extraHtml === undefined ? undefined : array(e.extraHtml).map(string),
  };
}

function safeInt(v: unknown, min: number): number {
  if (!Number.isSafeInteger(v) || (v as number) < min) throw GIVE_UP;
  return v as number;
}

/** The event as `eventSchema()` would output it, or undefined when zod must read it. */
export function fastEvent(raw: unknown): EventInput | undefined {
  try {
    return read(raw);
  } catch (err) {
    if (err === GIVE_UP) return undefined;
    throw err;
  }
}
