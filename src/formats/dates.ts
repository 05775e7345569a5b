// Dates as imported files write them, turned into `dateline/1` ISO strings at the precision the
// file gives: ISO 8601 (partial), "15 March 2024", "March 15, 2024", "Mar 2024", and the separate
// year/month/day/time parts of TimelineJS.
import { parsePartialDate, PRECISIONS, type Precision } from '../model/time';

export interface DateValue {
  /** ISO 8601 at `resolution`; an hour is written as T14:00. */
  iso: string;
  resolution: Precision;
}

const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** 1–12 for a month's name or its first three letters ("Sept" too); undefined otherwise. */
export function monthNumber(name: string): number | undefined {
  const key = name.toLowerCase().replace(/\.$/, '');
  if (key.length < 3) return undefined;
  const i = MONTH_NAMES.findIndex((m) => m === key || (key.length <= 4 && m.startsWith(key)));
  return i < 0 ? undefined : i + 1;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

const HINT = 'write it as 2025, 2025-02, 2025-02-27 or 2025-02-27T14:30';

/** Reads one date as a file writes it; returns a reason when it cannot. */
export function readDate(text: string): DateValue | string {
  const raw = text.trim();
  if (!raw) return 'the date is empty';
  let iso = raw.replace(/^(\d{4}-\d{1,2}-\d{1,2}) (\d{1,2}:\d{2})/, '$1T$2');
  // Unpadded ISO: 2025-2-7 → 2025-02-07.
  iso = iso.replace(
    /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?=$|T)/,
    (_all, y: string, m: string, d: string | undefined) =>
      `${y}-${pad(Number(m))}${d === undefined ? '' : `-${pad(Number(d))}`}`,
  );
  iso = iso.replace(/T(\d):/, 'T0$1:');
  const named = fromMonthName(raw);
  if (named) iso = named;
  const parsed = parsePartialDate(iso);
  if (typeof parsed === 'string') {
    return /^\d{4}/.test(iso) ? parsed : `“${raw}” is not a date; ${HINT}`;
  }
  return { iso, resolution: parsed.resolution };
}

/** "15 March 2024", "15-Mar-2024", "15th March 2024", "March 15, 2024", "March 2024". */
function fromMonthName(text: string): string | undefined {
  let m = /^(\d{1,2})(?:st|nd|rd|th)?[\s.\-/]+([a-z]+\.?)[\s.\-/,]+(\d{4})$/i.exec(text);
  if (m) return dayIso(m[3]!, m[2]!, m[1]!);
  m = /^([a-z]+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i.exec(text);
  if (m) return dayIso(m[3]!, m[1]!, m[2]!);
  m = /^([a-z]+\.?)[\s\-,]+(\d{4})$/i.exec(text);
  if (m) {
    const month = monthNumber(m[1]!);
    return month === undefined ? undefined : `${m[2]}-${pad(month)}`;
  }
  return undefined;
}

function dayIso(year: string, monthName: string, day: string): string | undefined {
  const month = monthNumber(monthName);
  return month === undefined ? undefined : `${year}-${pad(month)}-${pad(Number(day))}`;
}

export interface DateParts {
  year?: unknown;
  month?: unknown;
  day?: unknown;
  hour?: unknown;
  minute?: unknown;
  second?: unknown;
}

/** A part as written ('', null and undefined are "not given"). */
function part(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const s = String(value).trim();
  return s === '' ? undefined : s;
}

function integer(
  label: string,
  value: string | undefined,
  min: number,
  max: number,
): number | string | undefined {
  if (value === undefined) return undefined;
  if (!/^[-+]?\d+$/.test(value)) return `${label} “${value}” is not a whole number`;
  const n = Number(value);
  if (n < min || n > max) return `${label} ${n} is out of range (${min}–${max})`;
  return n;
}

/** A date from separate parts, as TimelineJS writes it; returns a reason when it cannot. */
export function dateFromParts(parts: DateParts): DateValue | string {
  const yearText = part(parts.year);
  if (yearText === undefined) return 'there is no year';
  if (/^-\d+$/.test(yearText) || yearText === '0') {
    return `year ${yearText} is before 1 CE, which Dateline cannot show`;
  }
  const year = integer('year', yearText, 1, 9999);
  const monthText = part(parts.month);
  const month =
    monthText !== undefined && !/^\d+$/.test(monthText)
      ? (monthNumber(monthText) ?? `month “${monthText}” is not a month`)
      : integer('month', monthText, 1, 12);
  const day = integer('day', part(parts.day), 1, 31);
  const hour = integer('hour', part(parts.hour), 0, 23);
  const minute = integer('minute', part(parts.minute), 0, 59);
  const second = integer('second', part(parts.second), 0, 59);
  for (const v of [year, month, day, hour, minute, second]) if (typeof v === 'string') return v;
  const n = (v: number | string | undefined) => v as number | undefined;
  if (n(day) !== undefined && n(month) === undefined) return 'a day needs a month';
  if (n(hour) !== undefined && n(day) === undefined) return 'a time needs a day';
  if (n(minute) !== undefined && n(hour) === undefined) return 'minutes need an hour';

  let iso = pad(n(year)!, 4);
  let resolution: Precision = 'year';
  if (n(month) !== undefined) [iso, resolution] = [`${iso}-${pad(n(month)!)}`, 'month'];
  if (n(day) !== undefined) [iso, resolution] = [`${iso}-${pad(n(day)!)}`, 'day'];
  if (n(hour) !== undefined) {
    iso += `T${pad(n(hour)!)}:${pad(n(minute) ?? 0)}`;
    resolution = n(minute) === undefined ? 'hour' : 'minute';
    if (n(second) !== undefined) iso += `:${pad(n(second)!)}`;
  }
  const check = parsePartialDate(iso);
  return typeof check === 'string' ? check : { iso, resolution };
}

/** Which part a reason from `dateFromParts` is about, so a problem can name its column. */
export function partOfReason(reason: string): keyof DateParts {
  if (/needs a month|no month|^month/.test(reason)) return 'month';
  if (/needs a day|no day|^day/.test(reason)) return 'day';
  if (/need an hour|no hour|^hour/.test(reason)) return 'hour';
  if (/no minute|^minute/.test(reason)) return 'minute';
  if (/no second|^second/.test(reason)) return 'second';
  return 'year';
}

/** "14:30", "14:30:05", "2:30 PM", "14" → its parts; a reason when it is not a time. */
export function readClock(
  text: string,
): { hour: number; minute?: number; second?: number } | string {
  const m = /^(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?(?:\.\d+)?\s*([ap])?\.?(?:m\.?)?$/i.exec(
    text.trim(),
  );
  if (!m) return `“${text}” is not a time such as 14:30 or 2:30 PM`;
  let hour = Number(m[1]);
  const meridiem = m[4]?.toLowerCase();
  if (meridiem) {
    if (hour < 1 || hour > 12) return `“${text}” has no hour ${hour}`;
    hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  }
  if (hour > 23) return `“${text}” has no hour ${hour}`;
  const out: { hour: number; minute?: number; second?: number } = { hour };
  if (m[2] !== undefined) out.minute = Number(m[2]);
  if (m[3] !== undefined) out.second = Number(m[3]);
  if ((out.minute ?? 0) > 59 || (out.second ?? 0) > 59) return `“${text}” is not a time`;
  return out;
}

const rank = (p: Precision) => PRECISIONS.indexOf(p);

/** An ISO string cut down to a coarser resolution, keeping its offset. */
export function truncateIso(iso: string, resolution: Precision): string {
  switch (resolution) {
    case 'year':
      return iso.slice(0, 4);
    case 'month':
      return iso.slice(0, 7);
    case 'day':
      return iso.slice(0, 10);
    case 'hour':
      return iso.replace(/^(\d{4}-\d{2}-\d{2}T\d{2}):\d{2}(?::\d{2}(?:\.\d+)?)?/, '$1:00');
    case 'minute':
      return iso;
  }
}

export interface AlignedTime {
  start: string;
  end?: string;
  precision: Precision;
  /** Which end was cut to the other's precision, when they differed. */
  coarsened?: 'start' | 'end';
}

/**
 * One precision for both ends, as `dateline/1` has: when they are written to different
 * precisions, the finer one is cut to the coarser, so nothing claims more than the file says.
 */
export function alignTime(start: DateValue, end?: DateValue): AlignedTime {
  if (!end) return { start: start.iso, precision: start.resolution };
  if (start.resolution === end.resolution) {
    return { start: start.iso, end: end.iso, precision: start.resolution };
  }
  const startIsCoarser = rank(start.resolution) < rank(end.resolution);
  const precision = startIsCoarser ? start.resolution : end.resolution;
  return {
    start: truncateIso(start.iso, precision),
    end: truncateIso(end.iso, precision),
    precision,
    coarsened: startIsCoarser ? 'end' : 'start',
  };
}

/** A YYYY-MM-DD day moved by `days`. */
export function shiftDay(isoDay: string, days: number): string {
  const d = new Date(0);
  d.setUTCFullYear(
    Number(isoDay.slice(0, 4)),
    Number(isoDay.slice(5, 7)) - 1,
    Number(isoDay.slice(8, 10)) + days,
  );
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}
