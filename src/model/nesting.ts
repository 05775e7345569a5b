// How deep a value from a file may nest. JSON.parse reads any depth, but JSON.stringify, structured
// clone and every recursive walk have a stack: an `extra` value nested 100,000 deep loaded, and
// then made every export throw. The loader cuts such a value at MAX_DEPTH levels, with a warning
// naming the event and field, so whatever loads can also be written out again.
import { setOwn } from './own';

/** Levels of arrays and objects a value from a file keeps; far beyond any real file's. */
export const MAX_DEPTH = 64;

/** What stands where a value was cut. */
export const CUT = `(cut: nested more than ${MAX_DEPTH} levels deep)`;

/** Whether `value` nests more than `max` levels of arrays and objects (stops looking at `max`). */
export function nestsDeeper(value: unknown, max = MAX_DEPTH): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (max <= 0) return true;
  for (const child of Array.isArray(value) ? value : Object.values(value)) {
    if (nestsDeeper(child, max - 1)) return true;
  }
  return false;
}

/** A copy of `value` with what lies deeper than `max` levels replaced by CUT; keys all kept. */
export function capDepth(value: unknown, max = MAX_DEPTH): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (max <= 0) return CUT;
  if (Array.isArray(value)) return value.map((v: unknown) => capDepth(v, max - 1));
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) setOwn(out, key, capDepth(child, max - 1));
  return out;
}

/**
 * The fields of a record (an event's or a dataset's `extra`) that nest too deeply, and the record
 * with those fields cut; the same record when none does, so the ordinary case copies nothing.
 */
export function capFields(record: Record<string, unknown>): {
  value: Record<string, unknown>;
  cut: string[];
} {
  let out: Record<string, unknown> | undefined;
  const cut: string[] = [];
  for (const [key, child] of Object.entries(record)) {
    if (!nestsDeeper(child, MAX_DEPTH - 1)) continue;
    out ??= { ...record };
    setOwn(out, key, capDepth(child, MAX_DEPTH - 1));
    cut.push(key);
  }
  return { value: out ?? record, cut };
}

/** JSON text of a value from a file, whatever its depth (cut as the loader would cut it). */
export function safeJson(value: unknown): string {
  return JSON.stringify(nestsDeeper(value) ? capDepth(value) : value) ?? '';
}
