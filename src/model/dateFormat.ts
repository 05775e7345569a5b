// Every date the app shows, in one format: the reader's locale's, through Intl.DateTimeFormat
// ("27 Feb 2025" in en-GB, "Feb 27, 2025" in en-US, "27. Feb. 2025" in German), so a list row,
// the details panel, the filter's words and the live region all agree. A date is shown as the
// data wrote it: at its precision, in UTC or in the offset it was written with ("UTC+2"), never
// moved into the reader's time zone (an event "on 27 February" stays on the 27th everywhere).
// The Gregorian calendar is used whatever the locale's own, as the data is written in it, unless
// the reader asked for another in the locale itself (`ar-u-ca-islamic-umalqura`, the Hijri
// setting of the Arabic page). Without a locale, the reader's (model/readerLocale.ts). Years
// the locale cannot write (before 1 CE, after 9999, beyond what a Date holds) are written as
// `formatYear` says them ("500 BCE", "13.8 billion BCE"), inside the locale's pattern.
import {
  formatYear,
  parsePartialDate,
  yearFitsDate,
  type PartialDate,
  type Precision,
} from './time';
import { readerLocale } from './readerLocale';

/** A BCP 47 locale ("en-GB"); undefined is the reader's own (the browser's language). */
export type Locale = string | undefined;

type Shape = 'year' | 'month' | 'day' | 'minute';

const SHAPES: Record<Shape, Intl.DateTimeFormatOptions> = {
  year: { year: 'numeric' },
  month: { year: 'numeric', month: 'short' },
  day: { year: 'numeric', month: 'short', day: 'numeric' },
  minute: { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' },
};

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Whether a locale names its calendar (`-u-…-ca-islamic-umalqura`): then that one is used. */
const asksCalendar = (locale: Locale) => locale !== undefined && /-u-(?:.+-)?ca-/.test(locale);

/** One formatter per locale and shape, made on first use (making one costs far more than using it). */
function formatter(shape: Shape | 'moment', locale: Locale): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${shape}`;
  let f = formatters.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      shape === 'moment'
        ? { dateStyle: 'medium', timeStyle: 'short' }
        : {
            ...SHAPES[shape],
            timeZone: 'UTC',
            ...(!asksCalendar(locale) && { calendar: 'gregory' }),
          };
    f = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, f);
  }
  return f;
}

function shapeOf(precision: Precision): Shape {
  return precision === 'hour' || precision === 'minute' ? 'minute' : precision;
}

/** The date as its own clock reads it, as a UTC Date (null where a Date cannot hold it). */
function wallClock(d: PartialDate): Date | null {
  if (!yearFitsDate(d.year)) return null;
  const date = new Date(0);
  date.setUTCFullYear(d.year, (d.month ?? 1) - 1, d.day ?? 1);
  date.setUTCHours(d.hour ?? 0, d.minute ?? 0, 0, 0);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Years 1–9999 are the locale's to write; others are written as `formatYear` says them. */
const localeWritesYear = (year: number) => year >= 1 && year <= 9999;

/**
 * Joins formatted parts. When a year of the date (or of either end of a span) is one the locale
 * cannot write, every year is written as `formatYear` says it and the locale's era words are
 * dropped ("100 BCE – 50", not "100 – 50 AD"). ICU's thin spaces around a span's dash become
 * plain ones, so every span reads alike, whoever wrote it.
 */
function joinParts(
  parts: ReadonlyArray<Intl.DateTimeFormatPart & { source?: string }>,
  years: readonly number[],
  yearOf: (source: string | undefined) => number,
): string {
  const ours = years.some((y) => !localeWritesYear(y));
  let out = '';
  for (const p of parts) {
    if (!ours) out += p.value;
    else if (p.type === 'year') out += formatYear(yearOf(p.source));
    else if (p.type !== 'era') out += p.value;
  }
  out = out.replace(/\u2009/g, ' ');
  return ours ? out.replace(/\s+/g, ' ').trim() : out;
}

function formatOffset(offsetMinutes: number | undefined): string {
  if (offsetMinutes === undefined || offsetMinutes === 0) return 'UTC';
  const sign = offsetMinutes < 0 ? '−' : '+';
  const abs = Math.abs(offsetMinutes);
  const m = abs % 60;
  return `UTC${sign}${Math.floor(abs / 60)}${m ? `:${String(m).padStart(2, '0')}` : ''}`;
}

/**
 * A date at a precision ("2025", "Feb 2025", "27 Feb 2025", "27 Feb 2025, 23:00 UTC+2" in
 * en-GB), by default its own resolution.
 */
export function formatPartialDate(
  d: PartialDate,
  precision: Precision = d.resolution,
  locale: Locale = readerLocale(),
): string {
  const shape = shapeOf(precision);
  const wall = wallClock(d);
  if (!wall) return formatYear(d.year);
  const text = joinParts(formatter(shape, locale).formatToParts(wall), [d.year], () => d.year);
  return shape === 'minute' ? `${text} ${formatOffset(d.offsetMinutes)}` : text;
}

/**
 * A span as the locale writes one, sharing what both ends share: "26–27 Feb 2025",
 * "27 Feb – 1 Mar 2025" (en-GB), "Feb 26 – 27, 2025" (en-US).
 */
export function formatSpan(
  start: PartialDate,
  end: PartialDate | undefined,
  precision: Precision,
  locale: Locale = readerLocale(),
): string {
  const a = formatPartialDate(start, precision, locale);
  if (!end) return a;
  const b = formatPartialDate(end, precision, locale);
  if (a === b) return a;
  const shape = shapeOf(precision);
  const from = wallClock(start);
  const to = wallClock(end);
  // Two offsets cannot share a time zone label: each end says its own.
  if (!from || !to || (shape === 'minute' && start.offsetMinutes !== end.offsetMinutes))
    return `${a} – ${b}`;
  let text: string;
  try {
    const parts = formatter(shape, locale).formatRangeToParts(from, to);
    text = joinParts(parts, [start.year, end.year], (source) =>
      source === 'endRange' ? end.year : start.year,
    );
  } catch {
    return `${a} – ${b}`;
  }
  return shape === 'minute' ? `${text} ${formatOffset(start.offsetMinutes)}` : text;
}

/**
 * A date written in ISO 8601 at any precision ("2025-02-27", "-0043-03-15"), as the locale says
 * it; text that is not such a date is returned as it is.
 */
export function formatIsoDate(text: string, locale: Locale = readerLocale()): string {
  const p = parsePartialDate(text);
  return typeof p === 'string' ? text : formatPartialDate(p, p.resolution, locale);
}

/** A moment in the reader's own time zone, to the minute: when a file was saved here, say. */
export function formatMoment(ms: number, locale: Locale = readerLocale()): string {
  return formatter('moment', locale).format(ms);
}
