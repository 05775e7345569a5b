// What one cell, or one distinct value, of a column reads as on the column path
// (./columnImport.ts): text as the row path's readers give it, a row's time as `readTime`
// (fields.ts) and the loader read it, the lookups that make each distinct value read once; and
// `Declined`, thrown wherever the row path would have a word to say about a row.
import { cellText, hasMarkup } from '../html';
import { readDate, toEventTime, type ReadDateOptions } from '../dates';
import { text } from '../record';
import type { EventTime } from '../../model/schema';
import { endOfUnit, parsePartialDate, PRECISIONS, resolutionFits } from '../../model/time';
import type { PartialDate } from '../../model/time';
import { plain } from './columnTable';

/** Why the column path left a file to the row path (for tests and the bench). */
export class Declined extends Error {}

export const decline = (why: string): never => {
  throw new Declined(why);
};

/** A cell as the row path's `text` gives it: trimmed text, '' for nothing, JSON for lists. */
export function textOf(raw: unknown): string {
  if (typeof raw === 'string') return raw.trim();
  if (raw === undefined || raw === null) return '';
  return text({ value: plain(raw), key: '', where: {} });
}

/** A text cell (title, summary) as `cellText` reads it; undefined when it holds markup. */
export function plainText(cell: string): string | undefined {
  if (!cell.includes('<') && !cell.includes('&')) return cell;
  if (hasMarkup(cell)) return undefined;
  return cellText(cell);
}

export type Level = Map<unknown, unknown>;

/**
 * The map under `key`, made on first use: values are looked up by several keys, a Map a key,
 * so no key string (nor array, nor closure) is made per row.
 */
export function child(level: Level, key: unknown): Level {
  let next = level.get(key) as Level | undefined;
  if (next === undefined) level.set(key, (next = new Map()));
  return next;
}

/** Values looked up by several keys (for what is made once per distinct value). */
export class Memo<V> {
  private readonly root = new Map<unknown, unknown>();

  get(keys: readonly unknown[], make: () => V): V {
    let level = this.root;
    for (let k = 0; k < keys.length - 1; k++) {
      let next = level.get(keys[k]) as Map<unknown, unknown> | undefined;
      if (!next) level.set(keys[k], (next = new Map()));
      level = next;
    }
    const last = keys[keys.length - 1];
    if (level.has(last)) return level.get(last) as V;
    const value = make();
    level.set(last, value);
    return value;
  }
}

/** One of `allowed` (any case), '' for an empty cell; anything else is a warning: declined. */
export function choiceOf<T extends string>(name: string, allowed: readonly T[]) {
  const memo = new Map<string, number>();
  return (cell: string): number => {
    let code = memo.get(cell);
    if (code === undefined) {
      code = cell === '' ? -1 : (allowed as readonly string[]).indexOf(cell.toLowerCase());
      if (code < 0 && cell !== '') decline(`${name} ${JSON.stringify(cell)} is not a value`);
      memo.set(cell, code);
    }
    return code;
  };
}

export interface TimeRead {
  time: EventTime;
  startDate: PartialDate;
  endDate: PartialDate | undefined;
  earliest: number;
  latest: number;
}

const TRUE = new Set(['true', 'yes', 'y', '1', 'x']);
const FALSE = new Set(['false', 'no', 'n', '0']);

/**
 * A row's time from its cells, as `readTime` (fields.ts) and then the loader read it, for cells
 * the row path takes without a word; any other declines.
 */
export function readTimeCells(
  start: string,
  end: string,
  precisionCell: string,
  approximateCell: string,
  timeText: string,
  startOptions: ReadDateOptions | undefined,
  endOptions: ReadDateOptions | undefined,
): TimeRead {
  if (!start) return decline('a row has no start');
  const startValue = readDate(start, startOptions);
  if (typeof startValue === 'string') return decline(`start ${JSON.stringify(start)}`);
  let endValue;
  if (end) {
    endValue = readDate(end, endOptions);
    if (typeof endValue === 'string') return decline(`end ${JSON.stringify(end)}`);
  }
  const aligned = toEventTime(startValue, endValue);
  if (aligned.coarsened) return decline('start and end at different precisions');
  let precision = aligned.precision;
  const stated = precisionCell.toLowerCase();
  if ((PRECISIONS as readonly string[]).includes(stated)) precision = stated as typeof precision;
  else if (stated) return decline(`precision ${JSON.stringify(precisionCell)}`);
  let approximate = aligned.approximate;
  if (approximateCell) {
    const lower = approximateCell.toLowerCase();
    const said = TRUE.has(lower) ? true : FALSE.has(lower) ? false : undefined;
    if (said === undefined) return decline(`approximate ${JSON.stringify(approximateCell)}`);
    approximate = said || aligned.approximate;
  }
  const words = timeText || aligned.text;
  const time: EventTime = {
    start: aligned.start,
    ...(aligned.end !== undefined && { end: aligned.end }),
    precision,
    approximate,
    ...(words && { text: words }),
  };
  // The loader's checks (load.ts, checkEvent): each end parsed at the precision, in order.
  const startDate = parsePartialDate(time.start);
  if (typeof startDate === 'string' || !resolutionFits(startDate.resolution, precision))
    return decline(`start ${JSON.stringify(time.start)} at ${precision}`);
  let endDate: PartialDate | undefined;
  if (time.end !== undefined) {
    const parsed = parsePartialDate(time.end);
    if (typeof parsed === 'string' || !resolutionFits(parsed.resolution, precision))
      return decline(`end ${JSON.stringify(time.end)} at ${precision}`);
    if (parsed.latest < startDate.earliest) return decline('an end before its start');
    endDate = parsed;
  }
  const last = endDate ?? startDate;
  const latest =
    precision === 'hour' ? endOfUnit(last.earliest, last.offsetMinutes, 'hour') : last.latest;
  return { time, startDate, endDate, earliest: startDate.earliest, latest };
}

/** Numbers for distinct values, first met first. */
export class Numbered<T> {
  readonly values: T[] = [];
  private readonly byKey = new Memo<number>();

  numberOf(keys: readonly unknown[], make: () => T): number {
    return this.byKey.get(keys, () => this.values.push(make()) - 1);
  }
}

/** A list cell as a plain value: Arrow's list vectors become arrays (strings stay as they are). */
export function plainList(raw: unknown): unknown {
  return typeof raw === 'string' || Array.isArray(raw) ? raw : plain(raw);
}

export function grow<T extends Uint32Array | Uint8Array>(a: T): T {
  const out = new (a.constructor as new (n: number) => T)(a.length * 2 + 16);
  out.set(a);
  return out;
}
