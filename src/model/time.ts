// Partial ISO 8601 dates ("2025", "2025-02", "2025-02-27", "2025-02-27T23:00+02:00"):
// parsing them into the span of time they cover, and the words for a year ("500 BCE"). Dates
// on screen are formatted in the reader's locale by ./dateFormat.ts.
// Times without an offset are read as UTC, so a dataset means the same thing in every browser.
//
// Years before 1 CE and beyond 9999 use ISO 8601's expanded form, with astronomical numbering
// (year 0 is 1 BCE): "-0499" is 500 BCE, "-0044-03-15" the Ides of March, "+12025" a far
// future. A JS Date holds about ±271,800 years around 1970; a year beyond that (cosmology's
// "-13800000000") can only be given to the year, and its bounds are counted in average
// Gregorian years, which is exact enough at that scale (a double's ms are then ~65 s apart).

import { once } from './once';

export const PRECISIONS = ['year', 'month', 'day', 'hour', 'minute'] as const;
export type Precision = (typeof PRECISIONS)[number];

export interface PartialDate {
  year: number;
  month?: number; // 1-12
  day?: number;
  hour?: number;
  minute?: number;
  second?: number;
  /** Minutes east of UTC as written ("+02:00" → 120); undefined when the string has none. */
  offsetMinutes?: number;
  /** How much of the date the string gives: seconds count as minute precision. */
  resolution: Precision;
  /** First millisecond of the span (UTC epoch ms). */
  earliest: number;
  /** Last millisecond of the span (UTC epoch ms). */
  latest: number;
}

const ISO_RE =
  /^([+-]\d{4,}|\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/** Average Gregorian year, used only beyond the years a JS Date can hold. */
export const MS_PER_YEAR = 365.2425 * 86_400_000;
/** The years a JS Date can hold whole (its limit is ±8.64e15 ms around 1970). */
export const DATE_MIN_YEAR = -271_820;
export const DATE_MAX_YEAR = 275_759;

/** Whether every day of `year` can be a JS Date. */
export function yearFitsDate(year: number): boolean {
  return year >= DATE_MIN_YEAR && year <= DATE_MAX_YEAR;
}

/** First ms of a year (astronomical numbering), exact where a Date can hold it. */
export function yearStart(year: number): number {
  if (!yearFitsDate(year)) return (year - 1970) * MS_PER_YEAR;
  const d = new Date(0);
  d.setUTCFullYear(year, 0, 1);
  return d.getTime();
}

/** The (astronomical) year an instant falls in, for any ms `yearStart` can give. */
export function yearAt(ms: number): number {
  const d = new Date(ms);
  if (!Number.isNaN(d.getTime())) return d.getUTCFullYear();
  return Math.floor(ms / MS_PER_YEAR) + 1970;
}

function daysInMonth(year: number, month: number): number {
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0-99 to 1900+, and 1900 is no leap year.
  const d = new Date(0);
  d.setUTCFullYear(year, month, 0);
  return d.getUTCDate();
}

/** Parses a partial ISO 8601 date; returns a reason string when it is not one. */
export function parsePartialDate(text: string): PartialDate | string {
  const m = ISO_RE.exec(text.trim());
  if (!m) {
    return `"${truncate(text)}" is not an ISO 8601 date such as 2025, 2025-02, 2025-02-27 or 2025-02-27T23:00+02:00`;
  }
  const year = Number(m[1]) || 0; // "-0000" is year 0
  const month = m[2] === undefined ? undefined : Number(m[2]);
  const day = m[3] === undefined ? undefined : Number(m[3]);
  const hour = m[4] === undefined ? undefined : Number(m[4]);
  const minute = m[5] === undefined ? undefined : Number(m[5]);
  const second = m[6] === undefined ? undefined : Number(m[6]);
  const zone = m[7];

  if (month !== undefined && (month < 1 || month > 12)) return `"${text}" has no month ${month}`;
  if (day !== undefined && month !== undefined && (day < 1 || day > daysInMonth(year, month))) {
    return `"${text}" has no day ${day} in that month`;
  }
  if (hour !== undefined && hour > 23) return `"${text}" has no hour ${hour}`;
  if (minute !== undefined && minute > 59) return `"${text}" has no minute ${minute}`;
  if (second !== undefined && second > 59) return `"${text}" has no second ${second}`;

  let offsetMinutes: number | undefined;
  if (zone === 'Z') offsetMinutes = 0;
  else if (zone) {
    const sign = zone.startsWith('-') ? -1 : 1;
    const oh = Number(zone.slice(1, 3));
    const om = Number(zone.slice(4, 6));
    if (oh > 14 || om > 59) return `"${text}" has an offset out of range`;
    offsetMinutes = sign * (oh * 60 + om);
  }

  if (!yearFitsDate(year)) {
    if (month !== undefined) {
      return `"${truncate(text)}" is too far from today to give more than its year`;
    }
    const earliest = yearStart(year);
    return { year, resolution: 'year', earliest, latest: yearStart(year + 1) - 1 };
  }

  const resolution: Precision =
    minute !== undefined
      ? 'minute'
      : day !== undefined
        ? 'day'
        : month !== undefined
          ? 'month'
          : 'year';
  const shift = (offsetMinutes ?? 0) * 60_000;
  // Date.UTC maps years 0-99 to 1900+; set the date explicitly so ancient dates stay right.
  const startDate = new Date(0);
  startDate.setUTCFullYear(year, (month ?? 1) - 1, day ?? 1);
  startDate.setUTCHours(hour ?? 0, minute ?? 0, second ?? 0, 0);
  const earliest = startDate.getTime() - shift;
  const latest = endOfUnit(earliest, offsetMinutes, second !== undefined ? 'second' : resolution);
  const parsed: PartialDate = { year, resolution, earliest, latest };
  if (month !== undefined) parsed.month = month;
  if (day !== undefined) parsed.day = day;
  if (hour !== undefined) parsed.hour = hour;
  if (minute !== undefined) parsed.minute = minute;
  if (second !== undefined) parsed.second = second;
  if (offsetMinutes !== undefined) parsed.offsetMinutes = offsetMinutes;
  return parsed;
}

/** Last millisecond of the `unit` that begins at `earliest`, counted in the date's own offset. */
export function endOfUnit(
  earliest: number,
  offsetMinutes: number | undefined,
  unit: Precision | 'second',
): number {
  const shift = (offsetMinutes ?? 0) * 60_000;
  const next = new Date(earliest + shift);
  switch (unit) {
    case 'year':
      next.setUTCFullYear(next.getUTCFullYear() + 1);
      break;
    case 'month':
      next.setUTCMonth(next.getUTCMonth() + 1);
      break;
    case 'day':
      next.setUTCDate(next.getUTCDate() + 1);
      break;
    case 'hour':
      next.setUTCHours(next.getUTCHours() + 1);
      break;
    case 'minute':
      next.setUTCMinutes(next.getUTCMinutes() + 1);
      break;
    case 'second':
      next.setUTCSeconds(next.getUTCSeconds() + 1);
      break;
  }
  return next.getTime() - shift - 1;
}

/**
 * Whether a string written to `resolution` can carry a stated `precision`.
 * "hour" precision is written with minutes ("T23:00"), because ISO 8601 has no hour-only form.
 */
export function resolutionFits(resolution: Precision, precision: Precision): boolean {
  if (precision === 'hour') return resolution === 'minute';
  return resolution === precision;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

// Made on first use: a formatter costs a few ms in a fresh page or worker, and the import worker
// loads this module for its dates without ever writing a year.
const compact = once(
  () =>
    new Intl.NumberFormat('en', {
      notation: 'compact',
      compactDisplay: 'long',
      maximumSignificantDigits: 4,
    }),
);
const grouped = once(() => new Intl.NumberFormat('en'));

/**
 * An astronomical year as a reader says it: "2025", "500 BCE" (for -499), "12,000 BCE",
 * "13.8 billion BCE"; from a million years on, rounded to four significant digits.
 */
export function formatYear(year: number): string {
  if (year > 0) return year >= 10_000 ? grouped().format(year) : String(year);
  const bce = 1 - year;
  if (bce >= 1_000_000) return `${compact().format(bce)} BCE`;
  return `${bce >= 10_000 ? grouped().format(bce) : bce} BCE`;
}

/** A span of time in epoch ms, `start` before `end`: a timeline window, a slice of the band. */
export interface TimeWindow {
  start: number;
  end: number;
}

const DAY_MS = 86_400_000;

/**
 * Whole UTC days `from` to `to`, both included ("2025-02-20", "-0499-03-15"), as epoch ms from
 * the first one's start to the next day's start (end excluded); an open end (null), or a day in
 * a year no Date holds, is infinite.
 */
export function daysToMs(from: string | null, to: string | null): TimeWindow {
  return {
    start: from === null ? -Infinity : dayStart(from),
    end: to === null ? Infinity : dayStart(to) + DAY_MS,
  };
}

/**
 * Formats epoch ms as a plain UTC day, "2025-02-27": the form date inputs and URLs use. A day
 * outside 0000–9999 is written in ISO 8601's expanded form ("-0499-03-15"); an instant beyond
 * what a Date holds is clamped to the first or last day a Date holds.
 */
export function isoDay(ms: number): string {
  const d = new Date(Math.min(Math.max(ms, -8.64e15), 8.64e15));
  return `${isoYear(d.getUTCFullYear())}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

const DAY_RE = /^([+-]?\d{4,})-(\d{2})-(\d{2})$/;

/**
 * The first ms of a filter's day ("2025-02-27", "-0499-03-15"), NaN when it is not one. A day
 * in a year no Date can hold whole is open-ended: before every event, or after.
 */
export function dayStart(day: string): number {
  const m = DAY_RE.exec(day);
  if (!m) return NaN;
  const year = Number(m[1]);
  if (year < DATE_MIN_YEAR) return -Infinity;
  if (year > DATE_MAX_YEAR) return Infinity;
  const p = parsePartialDate(day);
  return typeof p === 'string' ? NaN : p.earliest;
}

/** An astronomical year in ISO 8601: "2025", "0812", "-0499", "+12025". */
export function isoYear(year: number): string {
  if (year >= 0 && year <= 9999) return String(year).padStart(4, '0');
  return `${year < 0 ? '-' : '+'}${String(Math.abs(year)).padStart(4, '0')}`;
}

function truncate(s: string, n = 40): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}
