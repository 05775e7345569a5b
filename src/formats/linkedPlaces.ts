// Linked Places Format (LPF, GeoJSON-T): the `when` of a feature, of its properties, of its
// geometry, or of each member of a GeometryCollection, read as one event time. A timespan's `in`
// is exact; `earliest`/`latest`, and LPF's `certainty` ("less-certain", "uncertain"), make the
// time approximate.
import { readDate } from './dates';
import type { ReadOptions } from './fields';
import type { Field } from './record';
import { safeJson } from '../model/nesting';

type FallbackTime = NonNullable<ReadOptions['fallbackTime']>;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const given = (v: unknown) => v !== undefined && v !== null && v !== '';

const UNCERTAIN = new Set(['less-certain', 'uncertain']);

/** Whether an LPF `certainty` says the time or place is not certain. */
export function isUncertain(certainty: unknown): boolean {
  return typeof certainty === 'string' && UNCERTAIN.has(certainty.trim().toLowerCase());
}

/** One end of a timespan: `{ in | earliest | latest }`, or a bare string as older LPF writes. */
function spanEnd(
  span: Record<string, unknown>,
  key: 'start' | 'end',
  order: readonly string[],
  path: string,
): { field?: Field; approximate: boolean } {
  const point = span[key];
  if (typeof point === 'string' || typeof point === 'number') {
    return {
      field: { value: point, key: 'when', where: { field: `${path}.${key}` } },
      approximate: false,
    };
  }
  if (!isRecord(point)) return { approximate: false };
  for (const k of order) {
    if (!given(point[k])) continue;
    const field: Field = { value: point[k], key: 'when', where: { field: `${path}.${key}.${k}` } };
    return { field, approximate: k !== 'in' };
  }
  return { approximate: false };
}

/** The first timespan of a Linked Places `when`: `in`, else `earliest`/`latest` (approximate). */
export function readWhen(when: unknown, path: string): { time?: FallbackTime; more: boolean } {
  if (!isRecord(when) || !Array.isArray(when.timespans) || !isRecord(when.timespans[0])) {
    return { more: false };
  }
  const span = when.timespans[0];
  const spanPath = `${path}.timespans[0]`;
  const start = spanEnd(span, 'start', ['in', 'earliest', 'latest'], spanPath);
  const finish = spanEnd(span, 'end', ['in', 'latest', 'earliest'], spanPath);
  const more =
    when.timespans.length > 1 ||
    Object.keys(when).some((k) => k !== 'timespans' && k !== 'certainty');
  if (!start.field) return { more };
  return {
    time: {
      start: start.field,
      ...(finish.field && { end: finish.field }),
      approximate: start.approximate || finish.approximate || isUncertain(when.certainty),
    },
    more,
  };
}

/** A sortable key for a date as LPF writes it ("1600", "-0499", "1832-08-01"); null if none. */
function sortKey(field: Field | undefined): number | null {
  if (!field) return null;
  const read = readDate(String(field.value));
  if (typeof read === 'string') return null;
  const m = /^([+-]?\d+)(?:-(\d\d))?(?:-(\d\d))?/.exec(read.iso);
  if (!m) return null;
  return Number(m[1]) * 10_000 + Number(m[2] ?? 0) * 100 + Number(m[3] ?? 0);
}

export interface FeatureWhen {
  time?: FallbackTime;
  /** The `when` values Dateline could not fold into one time, for `extra`. */
  kept?: string;
}

/**
 * The time of a feature from LPF `when`s, wherever the file puts them: the feature's own (or its
 * properties'), else its geometry's, else its GeometryCollection members' (from the earliest
 * start to the latest end; approximate if any member is not certain).
 */
export function featureWhen(
  feature: Record<string, unknown>,
  propsWhen: Field | undefined,
): FeatureWhen {
  const own = propsWhen?.value ?? feature.when;
  if (given(own)) {
    const read = readWhen(own, propsWhen ? 'properties.when' : 'when');
    return {
      ...(read.time && { time: read.time }),
      ...(read.more && { kept: safeJson(own) }),
    };
  }
  const geometry = feature.geometry;
  if (!isRecord(geometry)) return {};
  if (given(geometry.when)) {
    const read = readWhen(geometry.when, 'geometry.when');
    if (read.time && isUncertain(geometry.certainty)) read.time.approximate = true;
    return {
      ...(read.time && { time: read.time }),
      ...(read.more && { kept: safeJson(geometry.when) }),
    };
  }
  if (!Array.isArray(geometry.geometries)) return {};
  let start: Field | undefined;
  let end: Field | undefined;
  let approximate = false;
  const whens: unknown[] = [];
  geometry.geometries.forEach((member: unknown, i) => {
    if (!isRecord(member) || !given(member.when)) return;
    whens.push(member.when);
    const read = readWhen(member.when, `geometry.geometries[${i}].when`);
    if (!read.time) return;
    approximate ||= read.time.approximate || isUncertain(member.certainty);
    const memberEnd = read.time.end ?? read.time.start;
    if (!start || (sortKey(read.time.start) ?? Infinity) < (sortKey(start) ?? Infinity)) {
      start = read.time.start;
    }
    if (!end || (sortKey(memberEnd) ?? -Infinity) > (sortKey(end) ?? -Infinity)) end = memberEnd;
  });
  if (!start) return {};
  return {
    time: { start, ...(end && end !== start && { end }), approximate },
    ...(whens.length > 1 && { kept: safeJson(whens) }),
  };
}
