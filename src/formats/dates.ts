// The one date reader of every importer: dates as files write them, turned into `dateline/1`
// ISO strings at the precision the file gives.
//
// API
// - `readDate(text, opts?)` reads one cell: a `DateValue` (ISO string, resolution, and for a span
//   written in one cell its `end`; `approximate` and the original `text` when the cell says the
//   date is uncertain), or a reason a user can act on. `opts.order` settles numeric day/month
//   dates ('dmy' | 'mdy', default 'mdy'; a part > 12 settles a value by itself), `opts.pivot`
//   two-digit years, `opts.numbers` what a bare number is (year, Excel serial day, epoch time).
// - `decideDateColumn(values, { column, convention })` decides those options once for a whole
//   column, from all its values, with the warnings a user should see (naming the column);
//   `readDateColumn` decides and reads. Row-by-row importers decide first, then call
//   `readDate(cell, decided.options)` per row.
// - `toEventTime(start, end?)` turns one or two read dates into a `dateline/1` time.
// - `dateFromParts` reads TimelineJS's separate year/month/day/time parts.
//
// Forms read (README, "Dates"): ISO 8601 at any precision, with or without offset, and its
// expanded years ("-0499", "+12025"); "500 BC", "500 BCE", "AD 79"; a bare "-500" as 500 BCE, as
// TimelineJS and most sheets mean it (a zero-padded "-0499" or "-0499-03" is ISO 8601's
// astronomical year, where 0 is 1 BCE); numeric dates with "/", "-" or "." in either order;
// two-digit years (below the pivot, 50, in the 2000s; from it in the 1900s); month names and
// abbreviations (English; full names in French, Spanish and German); "c. 1850"; EDTF ("1832~",
// "1832?", "1832%", "18XX", "1917/1952", "1985/.."); spans in one cell ("1917-1952", "April-May
// 1945", "12-15 March 2024", "1 March 2024 – 5 April 2024"); epoch seconds or milliseconds, told
// apart by magnitude, and Excel's serial day numbers (1900 date system).
import {
  DATE_MAX_YEAR,
  DATE_MIN_YEAR,
  isoYear,
  parsePartialDate,
  PRECISIONS,
  type Precision,
} from '../model/time';
import { quote } from '../model/quote';

export interface DateValue {
  /** ISO 8601 at `resolution`; an hour is written as T14:00. */
  iso: string;
  resolution: Precision;
  /** The end of a span written in one cell ("1917-1952"). */
  end?: { iso: string; resolution: Precision };
  /** The cell says the date is uncertain or approximate ("1832~", "c. 1850", "18XX"). */
  approximate?: true;
  /** The cell as written, kept when the reading is not the plain date it gives. */
  text?: string;
}

export type DayOrder = 'dmy' | 'mdy';
/** What a bare number in a date column is: a year, an Excel serial day, or epoch s/ms. */
export type NumberReading = 'year' | 'excel' | 'epoch';

export interface ReadDateOptions {
  /** Order of numeric day/month dates when neither part is above 12; default 'mdy'. */
  order?: DayOrder;
  /** Two-digit years below it are 20xx, the others 19xx; default `TWO_DIGIT_PIVOT`. */
  pivot?: number;
  /** Default: 1–4 digit integers are years, other numbers are refused with a reason. */
  numbers?: NumberReading;
  /**
   * The row's own full year, from a year column beside the date: a two-digit year with the same
   * last two digits takes its century (“9/24/06” beside 1906 is 1906, not 2006).
   */
  yearHint?: number;
}

/** "24" is 2024 and "50" is 1950: news and history files rarely reach 2050. */
export const TWO_DIGIT_PIVOT = 50;

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

/** Full month names in other languages (no abbreviations: "mar" and "mai" would collide). */
const OTHER_MONTHS: Record<string, number> = Object.fromEntries(
  [
    'janvier février mars avril mai juin juillet août septembre octobre novembre décembre',
    'enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre',
    'januar februar märz april mai juni juli august september oktober november dezember',
  ].flatMap((names) => names.split(' ').map((n, i) => [n, i + 1])),
);

/** 1–12 for a month's name or its first three letters ("Sept" too); undefined otherwise. */
export function monthNumber(name: string): number | undefined {
  const key = name.toLowerCase().replace(/\.$/, '');
  if (key.length < 3) return undefined;
  const i = MONTH_NAMES.findIndex((m) => m === key || (key.length <= 4 && m.startsWith(key)));
  return i < 0 ? OTHER_MONTHS[key] : i + 1;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

const HINT = 'write it as 2025, 2025-02, 2025-02-27 or 2025-02-27T14:30';

interface Parts {
  year: number;
  month?: number;
  day?: number;
  hour?: number;
  minute?: number;
  second?: number;
  /** "Z" or "+02:00". */
  zone?: string;
}

/** Parts → ISO at the finest part given ("2025-02-27T14:30:05+02:00"). */
function partsIso(p: Parts): { iso: string; resolution: Precision } {
  let iso = isoYear(p.year);
  let resolution: Precision = 'year';
  if (p.month !== undefined) [iso, resolution] = [`${iso}-${pad(p.month)}`, 'month'];
  if (p.month !== undefined && p.day !== undefined) {
    [iso, resolution] = [`${iso}-${pad(p.day)}`, 'day'];
    if (p.hour !== undefined) {
      iso += `T${pad(p.hour)}:${pad(p.minute ?? 0)}`;
      if (p.second !== undefined) iso += `:${pad(p.second)}`;
      iso += p.zone ?? '';
      resolution = 'minute';
    }
  }
  return { iso, resolution };
}

/** Checks the parts make a real date (no 31 February); the value or a reason. */
function checked(p: Parts, raw: string): DateValue | string {
  const value = partsIso(p);
  const parsed = parsePartialDate(value.iso);
  if (typeof parsed === 'string') return parsed.replace(`"${value.iso}"`, quote(raw));
  return value;
}

const TIME_RE =
  /(?:[T\s,]+|(?<=\d)T)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(?:\s*([ap])\.?m\.?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Splits a trailing clock time off; a reason when the clock is impossible. */
function splitTime(s: string): { rest: string; time?: Omit<Parts, 'year'> } | string {
  const m = TIME_RE.exec(s);
  if (!m) return { rest: s };
  let hour = Number(m[1]);
  const meridiem = m[4]?.toLowerCase();
  if (meridiem) {
    if (hour < 1 || hour > 12) return `${quote(s)} has no hour ${hour}`;
    hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  }
  const time: Omit<Parts, 'year'> = { hour, minute: Number(m[2]) };
  if (m[3] !== undefined) time.second = Number(m[3]);
  const zone = m[5]?.toUpperCase();
  if (zone === 'Z' || zone === 'UTC' || zone === 'GMT') time.zone = 'Z';
  else if (zone) {
    const digits = zone.replace(':', '');
    time.zone = `${digits.slice(0, 3)}:${digits.slice(3, 5) || '00'}`;
  }
  return { rest: s.slice(0, m.index).trim(), time };
}

/** A two-digit year by the row's year if it agrees, else by the pivot; longer ones as written. */
function fullYear(text: string, pivot: number, hint?: number): number {
  const n = Number(text);
  if (text.length !== 2) return n;
  if (hint !== undefined && Number.isInteger(hint) && ((hint % 100) + 100) % 100 === n) return hint;
  return n < pivot ? 2000 + n : 1900 + n;
}

const ERA_RE = /^(.*?)\s*\b(B\.?\s?C\.?(?:\s?E\.?)?|A\.?\s?D\.?|C\.?\s?E\.?)$/i;
const ERA_PREFIX_RE = /^(?:A\.?\s?D\.?)\s+(.*)$/i;

/** The year of a date with an era ("44 BC": any length) or without (four digits, or two). */
const Y_ERA = '(\\d{1,12})';
const Y_PLAIN = '(\\d{4}|\\d{2})';
const MONTH_WORD = '([a-zà-ü]+\\.?)';

/** The patterns that depend on how a year may be written, built once for each way. */
function yearPatterns(Y: string) {
  return {
    numeric: new RegExp(`^(\\d{1,2})([-/.])(\\d{1,2})\\2${Y}$`),
    dayMonthYear: new RegExp(
      `^(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+of)?[\\s./-]+${MONTH_WORD}[\\s./,-]+${Y}$`,
      'i',
    ),
    monthDayYear: new RegExp(`^${MONTH_WORD}[\\s-]+(\\d{1,2})(?:st|nd|rd|th)?,?[\\s-]+${Y}$`, 'i'),
    monthYear: new RegExp(`^${MONTH_WORD}[\\s,-]+${Y}$`, 'i'),
  };
}
const PLAIN = yearPatterns(Y_PLAIN);
const ERA = yearPatterns(Y_ERA);
type YearPatterns = typeof PLAIN;

const DAY_RANGE_MONTH_FIRST = new RegExp(
  `^${MONTH_WORD}\\s+(\\d{1,2})\\s*[-–]\\s*(\\d{1,2}),?\\s+(\\d{4})$`,
  'i',
);
const DAY_RANGE_DAY_FIRST = new RegExp(
  `^(\\d{1,2})\\s*[-–]\\s*(\\d{1,2})\\s+${MONTH_WORD}\\s+(\\d{4})$`,
  'i',
);
const MONTH_RANGE = new RegExp(`^${MONTH_WORD}\\s*[-–]\\s*${MONTH_WORD},?\\s+(\\d{4})$`, 'i');

/** Reads a date with no era, no span and no qualifier: the core forms. */
function readCore(s: string, opts: ReadDateOptions, era?: 'bce' | 'ce'): Parts | string {
  const pivot = opts.pivot ?? TWO_DIGIT_PIVOT;
  const split = splitTime(s);
  if (typeof split === 'string') return split;
  const { rest, time } = split;
  const withTime = (p: Parts): Parts => (time && p.day !== undefined ? { ...p, ...time } : p);
  // An era allows short years ("44 BC") and forbids two-digit pivoting.
  const yearOf = (text: string) => (era ? Number(text) : fullYear(text, pivot, opts.yearHint));
  const patterns = era ? ERA : PLAIN;
  let m: RegExpExecArray | null;

  // ISO 8601, expanded years too; "2024/03/15" and "2024.03.15" (year first is never ambiguous).
  m = /^([+-]?\d{4,}|\d{1,3})(?:([-/.])(\d{1,2})(?:\2(\d{1,2}))?)?$/.exec(rest);
  if (m && (m[1]!.length >= 4 || era) && !(time && m[4] === undefined)) {
    return withTime({
      year: Number(m[1]),
      ...(m[3] !== undefined && { month: Number(m[3]) }),
      ...(m[4] !== undefined && { day: Number(m[4]) }),
    });
  }
  // Numeric day and month: 03/01/1946, 17.02.2022, 31-12-19.
  m = patterns.numeric.exec(rest);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const dayFirst = a > 12 ? true : b > 12 ? false : (opts.order ?? 'mdy') === 'dmy';
    const [day, month] = dayFirst ? [a, b] : [b, a];
    return withTime({ year: yearOf(m[4]!), month, day });
  }
  // Month and year: 3/1946, 03-2024.
  m = /^(\d{1,2})[-/.](\d{4})$/.exec(rest);
  if (m) return { year: Number(m[2]), month: Number(m[1]) };

  const named = readNamed(rest.replace(/^[a-z]+day,?\s+/i, ''), patterns, yearOf);
  if (named) return typeof named === 'string' ? named : withTime(named);
  return `${quote(s)} is not a date; ${HINT}`;
}

/** "15 March 2024", "15-Mar-24", "15th of March 2024", "March 15, 2024", "Mar 2024". */
function readNamed(
  s: string,
  patterns: YearPatterns,
  yearOf: (text: string) => number,
): Parts | string | undefined {
  const month = (name: string) => monthNumber(name);
  let m = patterns.dayMonthYear.exec(s);
  if (m) {
    const mo = month(m[2]!);
    return mo === undefined ? undefined : { year: yearOf(m[3]!), month: mo, day: Number(m[1]) };
  }
  m = patterns.monthDayYear.exec(s);
  if (m) {
    const mo = month(m[1]!);
    return mo === undefined ? undefined : { year: yearOf(m[3]!), month: mo, day: Number(m[2]) };
  }
  m = patterns.monthYear.exec(s);
  if (m) {
    const mo = month(m[1]!);
    return mo === undefined ? undefined : { year: yearOf(m[2]!), month: mo };
  }
  m = /^(\d{4})[\s-]+([a-zà-ü]+\.?)(?:[\s-]+(\d{1,2}))?$/i.exec(s);
  if (m) {
    const mo = month(m[2]!);
    return mo === undefined
      ? undefined
      : { year: Number(m[1]), month: mo, ...(m[3] !== undefined && { day: Number(m[3]) }) };
  }
  return undefined;
}

/** One date, no span: qualifiers and era handled here, the rest by `readCore`. */
function readOne(s: string, opts: ReadDateOptions): (DateValue & { approx: boolean }) | string {
  let text = s.trim();
  let approx = false;
  const circa = /^(?:c\.|ca\.?|circa|about|around|approx\.?|approximately|~)\s*(.+)$/i.exec(text);
  if (circa) [text, approx] = [circa[1]!, true];
  // EDTF qualifiers: ~ approximate, ? uncertain, % both, on the whole date or on a part.
  if (/\d[~?%]/.test(text) || /^[~?%]\d/.test(text)) {
    text = text.replace(/(?<=\d)[~?%]|^[~?%](?=\d)/g, '');
    approx = true;
  }
  const unspecified = readUnspecified(text);
  if (unspecified) return { ...unspecified, approx: approx || unspecified.end !== undefined };

  let era: 'bce' | 'ce' | undefined;
  const suffix = ERA_RE.exec(text);
  if (suffix?.[1]) {
    era = /^b/i.test(suffix[2]!) ? 'bce' : 'ce';
    text = suffix[1];
  } else {
    const prefix = ERA_PREFIX_RE.exec(text);
    if (prefix) [text, era] = [prefix[1]!, 'ce'];
  }
  // A bare negative year ("-500") counts years before 1 CE, as TimelineJS and sheets mean it;
  // "-0499" or "-0499-03" is ISO 8601's astronomical year.
  const bare = /^-([1-9]\d*)$/.exec(text);
  if (bare && !era) [text, era] = [bare[1]!, 'bce'];

  const parts = readCore(text, opts, era);
  if (typeof parts === 'string') return parts;
  if (era === 'bce') {
    if (parts.year < 1)
      return `${quote(s)}: a year before 1 CE is counted from 1 (1 BC is the first)`;
    parts.year = 1 - parts.year;
  } else if (era === 'ce' && parts.year < 1) {
    return `${quote(s)}: there is no year ${parts.year} CE`;
  }
  if ((parts.year < DATE_MIN_YEAR || parts.year > DATE_MAX_YEAR) && parts.month !== undefined) {
    return `${quote(s)} is too far from today to give more than its year`;
  }
  const value = checked(parts, s);
  return typeof value === 'string' ? value : { ...value, approx };
}

/** EDTF unspecified digits: "18XX" (1800–1899), "199X", "2004-XX", "2004-06-XX". */
function readUnspecified(s: string): DateValue | undefined {
  const m = /^(-?)(\d{2,3}[Xx]{1,2}|\d{4})(?:-([Xx]{2}|\d{2})(?:-([Xx]{2}|\d{2}))?)?$/.exec(s);
  if (!m || !/x/i.test(s)) return undefined;
  const [, sign, year, month, day] = m;
  if (/x/i.test(year!)) {
    const lo = Number(sign + year!.replace(/x/gi, '0'));
    const hi = Number(sign + year!.replace(/x/gi, '9'));
    return {
      iso: isoYear(Math.min(lo, hi)),
      resolution: 'year',
      end: { iso: isoYear(Math.max(lo, hi)), resolution: 'year' },
    };
  }
  const y = isoYear(Number(sign + year!));
  if (month === undefined || /x/i.test(month)) return { iso: y, resolution: 'year' };
  if (day === undefined || /x/i.test(day)) return { iso: `${y}-${month}`, resolution: 'month' };
  return undefined;
}

const RANGE_RE = /^(.+?)\s*(?:\s[-–—]\s|–|—|\sto\s|\suntil\s)\s*(.+)$/i;

/** A span in one cell: two dates, the first one sometimes sharing the second's month or year. */
function readSpan(s: string, opts: ReadDateOptions): [DateValue, DateValue, boolean] | undefined {
  let left: string | undefined;
  let right: string | undefined;
  // EDTF/ISO interval; an open end ("..", "") is no end.
  const slash = /^([+-]?\d{4,}[^/]*|\.\.|)\/([+-]?\d{4,}[^/]*|\.\.|)$/.exec(s);
  if (slash) [left, right] = [slash[1]!, slash[2]!];
  const years = /^(\d{3,4})\s*[-–—]\s*(\d{3,4})(\s*(?:BCE?|CE|AD|B\.C\.(?:E\.)?))?$/i.exec(s);
  if (!left && years) {
    const era = years[3] ?? '';
    [left, right] = [years[1]! + era, years[2]! + era];
  }
  const range = !left && RANGE_RE.exec(s);
  if (range) [left, right] = [range[1]!, range[2]!];
  if (left === undefined || right === undefined) return undefined;
  if (left === '..' || left === '') left = undefined;
  if (right === '..' || right === '') right = undefined;
  if (left === undefined && right === undefined) return undefined;
  if (left === undefined || right === undefined) {
    const one = readOne((left ?? right)!, opts);
    if (typeof one === 'string') return undefined;
    return [one, one, one.approx];
  }
  const b = readOne(right, opts);
  if (typeof b === 'string') return undefined;
  const a = readOne(left, opts);
  if (typeof a === 'string') return undefined;
  return [a, b, a.approx || b.approx];
}

const CANONICAL_ISO_RE =
  /^\d{4}(?:-\d{2}(?:-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/** Spans whose first end borrows from the second, written out whole: "April 1945 – May 1945". */
function spanOf(raw: string): string {
  let m = DAY_RANGE_MONTH_FIRST.exec(raw);
  if (m) return `${m[2]} ${m[1]} ${m[4]} – ${m[3]} ${m[1]} ${m[4]}`;
  m = DAY_RANGE_DAY_FIRST.exec(raw);
  if (m) return `${m[1]} ${m[3]} ${m[4]} – ${m[2]} ${m[3]} ${m[4]}`;
  m = MONTH_RANGE.exec(raw);
  if (m && monthNumber(m[1]!) && monthNumber(m[2]!)) return `${m[1]} ${m[3]} – ${m[2]} ${m[3]}`;
  return raw;
}

/** Reads one date as a file writes it; returns a reason when it cannot. */
export function readDate(text: string, opts: ReadDateOptions = {}): DateValue | string {
  const raw = text.trim().replace(/\s+/g, ' ');
  if (!raw) return 'the date is empty';
  // Most cells of most files are ISO 8601 as Dateline writes it: read those directly.
  if (CANONICAL_ISO_RE.test(raw)) {
    const parsed = parsePartialDate(raw);
    if (typeof parsed !== 'string') return { iso: raw, resolution: parsed.resolution };
  }
  const number = readNumber(raw, opts);
  if (number !== undefined) return number;
  const span = readSpan(spanOf(raw), opts);
  if (span) {
    const [a, b, approx] = span;
    if (a === b) return { ...finish(a, approx, raw), text: raw }; // an open interval
    return finish(spanValue(a, b), approx, raw);
  }
  const one = readOne(raw, opts);
  if (typeof one === 'string') return one;
  const { approx, ...value } = one;
  return finish(value, approx, raw);
}

function spanValue(a: DateValue, b: DateValue): DateValue {
  const endOf = (v: DateValue) => v.end ?? { iso: v.iso, resolution: v.resolution };
  return { iso: a.iso, resolution: a.resolution, end: endOf(b) };
}

/** Marks approximate values and keeps the original words of anything but a plain date. */
function finish(value: DateValue, approx: boolean, raw: string): DateValue {
  // `value` may carry readOne's working flag: copy only the DateValue fields.
  const out: DateValue = { iso: value.iso, resolution: value.resolution };
  if (value.end) out.end = value.end;
  if (approx) out.approximate = true;
  if (approx || /x/i.test(raw)) out.text = raw;
  return out;
}

/** Bare numbers: years, Excel serial days, epoch seconds or ms, as the column decided. */
function readNumber(raw: string, opts: ReadDateOptions): DateValue | string | undefined {
  if (!/^[+-]?\d+(?:\.\d+)?$/.test(raw)) return undefined;
  const n = Number(raw);
  switch (opts.numbers) {
    case 'excel':
      return excelDay(n, raw);
    case 'epoch':
      return epoch(n, raw);
    default:
      if (/^\d{1,4}$/.test(raw)) return { iso: isoYear(n), resolution: 'year' };
      if (/^[+-]\d+$/.test(raw)) return undefined; // "-500", "-0499", "+12025": read as a year
      return `${quote(raw)} is a number, not a date: a year has at most four digits (write -13800000000 for 13.8 billion years ago), and epoch times are read only in a column named like a time (time, timestamp, …_ms)`;
  }
}

const DAY_MS = 86_400_000;
/** 1899-12-30: Excel's day 0 once its phantom 29 February 1900 (day 60) is counted. */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function excelDay(n: number, raw: string): DateValue | string {
  if (n < 1 || n >= 2_958_466) return `${quote(raw)} is not an Excel day number (1 to 2958465)`;
  if (Math.floor(n) === 60)
    return `${quote(raw)} is Excel’s 29 February 1900, a day that never was`;
  const days = n < 60 ? n + 1 : n; // before the phantom day, Excel counts one day less
  const ms = EXCEL_EPOCH + Math.round((days * DAY_MS) / 60_000) * 60_000;
  const iso = new Date(ms).toISOString();
  if (Number.isInteger(n)) return { iso: iso.slice(0, 10), resolution: 'day' };
  return { iso: iso.slice(0, 16), resolution: 'minute' };
}

/** Seconds below 1e11 (until the year 5138), milliseconds from it (from March 1973). */
function epoch(n: number, raw: string): DateValue | string {
  const ms = Math.abs(n) < 1e11 ? n * 1000 : n;
  const d = new Date(Math.round(ms));
  if (Number.isNaN(d.getTime())) return `${quote(raw)} is too large for an epoch time`;
  const iso = d.toISOString();
  if (!/^\d{4}-/.test(iso)) return `${quote(raw)} as an epoch time falls outside 0000–9999`;
  return { iso: `${iso.slice(0, 19)}Z`, resolution: 'minute' };
}

export interface DateColumnOptions {
  /** The column's name as the file writes it: warnings name it. */
  column: string;
  /** The order the format's convention implies when the values do not settle it. */
  convention: DayOrder;
  pivot?: number;
  /** Force epoch reading; by default a column named like a time (time, timestamp, *_ms). */
  timeLike?: boolean;
  /** A year column beside this one, which settles two-digit years row by row (`yearHint`). */
  yearColumn?: string;
}

export interface DateColumn {
  /** What `readDate` needs to read each value of the column. */
  options: ReadDateOptions;
  /** For the user, naming the column: the order chosen by convention, mixed orders, … */
  warnings: string[];
}

const TIME_LIKE_RE =
  /^(time|timestamp|epoch|ts|datetime|unix_?time|updated|created)$|(_|\b)(ms|millis|time|timestamp|epoch|ts)$|^(time|timestamp|epoch)_/i;

/** Whether a column or property is named like a time (`time`, `timestamp`, `updated_ms`). */
export function isTimeLike(name: string): boolean {
  return TIME_LIKE_RE.test(name.trim());
}

const NUMERIC_DMY_RE = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{2}|\d{4})(?:\b|T|$)/;

/** Decides, from all of a column's values, how its dates are written. */
export function decideDateColumn(values: Iterable<string>, opts: DateColumnOptions): DateColumn {
  const warnings: string[] = [];
  const options: ReadDateOptions = {};
  if (opts.pivot !== undefined) options.pivot = opts.pivot;
  const pivot = opts.pivot ?? TWO_DIGIT_PIVOT;
  let dayFirst = 0;
  let monthFirst = 0;
  let ambiguous: string | undefined;
  let twoDigit: string | undefined;
  let numbers = 0;
  let texts = 0;
  let allShortYears = true;
  let allExcel = true;
  for (const value of values) {
    const v = value.trim();
    if (!v) continue;
    if (/^[+-]?\d+(?:\.\d+)?$/.test(v)) {
      numbers++;
      const n = Number(v);
      if (!/^-?\d{1,4}$/.test(v)) allShortYears = false;
      if (!(n >= 1 && n < 2_958_466)) allExcel = false;
      continue;
    }
    texts++;
    const m = NUMERIC_DMY_RE.exec(v);
    if (!m) {
      if (!twoDigit && /^\d{1,2}[-\s][a-z]+\.?[-\s]\d{2}$/i.test(v)) twoDigit = v;
      continue;
    }
    const [a, b] = [Number(m[1]), Number(m[3])];
    if (a > 12 && b <= 12) dayFirst++;
    else if (b > 12 && a <= 12) monthFirst++;
    else if (a !== b && !ambiguous) ambiguous = v;
    if (m[4]!.length === 2 && !twoDigit) twoDigit = v;
  }
  const name = quote(opts.column);
  const orderName = (o: DayOrder) => (o === 'dmy' ? 'day first' : 'month first');
  if (dayFirst && monthFirst) {
    options.order = dayFirst >= monthFirst ? 'dmy' : 'mdy';
    warnings.push(
      `${name} mixes day-first (${dayFirst}) and month-first (${monthFirst}) dates; a value with a part above 12 is read the way it must be, the others ${orderName(options.order)}`,
    );
  } else if (dayFirst) options.order = 'dmy';
  else if (monthFirst) options.order = 'mdy';
  else {
    options.order = opts.convention;
    if (ambiguous) {
      warnings.push(
        `${name}: no date has a day above 12, so dates such as ${quote(ambiguous)} could be day or month first; read ${orderName(opts.convention)}, as this format usually writes them`,
      );
    }
  }
  if (twoDigit) {
    const range = `${1900 + pivot}–${2000 + pivot - 1}`;
    warnings.push(
      opts.yearColumn
        ? `${name}: two-digit years (${quote(twoDigit)}) take their century from the column ${opts.yearColumn} where its year ends in the same two digits, else are read as ${range}`
        : `${name}: two-digit years (${quote(twoDigit)}) are read as ${range}`,
    );
  }
  if (numbers > 0 && texts === 0) {
    if (opts.timeLike ?? isTimeLike(opts.column)) {
      options.numbers = 'epoch';
      warnings.push(
        `${name} holds numbers: read as epoch time (seconds, or milliseconds from 1e11)`,
      );
    } else if (!allShortYears && allExcel) {
      options.numbers = 'excel';
      warnings.push(`${name} holds only numbers: read as Excel day numbers (45000 is 15 Mar 2023)`);
    }
  }
  return { options, warnings };
}

/** Decides how a column's dates are written, then reads each of them. */
export function readDateColumn(
  values: readonly string[],
  opts: DateColumnOptions,
): DateColumn & { values: Array<DateValue | string> } {
  const decided = decideDateColumn(values, opts);
  return { ...decided, values: values.map((v) => readDate(v, decided.options)) };
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
  if (!/^[-+]?\d+$/.test(value)) return `${label} ${quote(value)} is not a whole number`;
  const n = Number(value);
  if (n < min || n > max) return `${label} ${n} is out of range (${min}–${max})`;
  return n;
}

/**
 * A date from separate parts, as TimelineJS writes it; returns a reason when it cannot. A
 * negative year counts years before 1 CE, as TimelineJS shows it: -500 is "500 BCE".
 */
export function dateFromParts(parts: DateParts): DateValue | string {
  const yearText = part(parts.year);
  if (yearText === undefined) return 'there is no year';
  // A sheet's Year cell may hold "500 BC", "c. 1850" or "1832~" when nothing else is given.
  const rest = [parts.month, parts.day, parts.hour, parts.minute, parts.second];
  if (!/^[-+]?\d+$/.test(yearText) && rest.every((p) => part(p) === undefined)) {
    const read = readDate(yearText);
    if (typeof read !== 'string') return read;
  }
  const year = integer('year', yearText, -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  const monthText = part(parts.month);
  const month =
    monthText !== undefined && !/^\d+$/.test(monthText)
      ? (monthNumber(monthText) ?? `month ${quote(monthText)} is not a month`)
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

  const astronomical = n(year)! < 0 ? n(year)! + 1 : n(year)!;
  if (n(month) !== undefined && (astronomical < DATE_MIN_YEAR || astronomical > DATE_MAX_YEAR)) {
    return `year ${yearText} is too far from today to give a month`;
  }
  let iso = isoYear(astronomical);
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
  if (!m) return `${quote(text)} is not a time such as 14:30 or 2:30 PM`;
  let hour = Number(m[1]);
  const meridiem = m[4]?.toLowerCase();
  if (meridiem) {
    if (hour < 1 || hour > 12) return `${quote(text)} has no hour ${hour}`;
    hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  }
  if (hour > 23) return `${quote(text)} has no hour ${hour}`;
  const out: { hour: number; minute?: number; second?: number } = { hour };
  if (m[2] !== undefined) out.minute = Number(m[2]);
  if (m[3] !== undefined) out.second = Number(m[3]);
  if ((out.minute ?? 0) > 59 || (out.second ?? 0) > 59) return `${quote(text)} is not a time`;
  return out;
}

const rank = (p: Precision) => PRECISIONS.indexOf(p);

/** An ISO string cut down to a coarser resolution, keeping its offset. */
export function truncateIso(iso: string, resolution: Precision): string {
  const m = /^([+-]?\d{4,})(-\d{2})?(-\d{2})?/.exec(iso);
  switch (resolution) {
    case 'year':
      return m ? m[1]! : iso;
    case 'month':
      return m ? m[1]! + (m[2] ?? '') : iso;
    case 'day':
      return m ? m[0] : iso;
    case 'hour':
      return iso.replace(/^([+-]?\d{4,}-\d{2}-\d{2}T\d{2}):\d{2}(?::\d{2}(?:\.\d+)?)?/, '$1:00');
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

/** A YYYY-MM-DD day (expanded years too) moved by `days`. */
export function shiftDay(isoDay: string, days: number): string {
  const m = /^([+-]?\d{4,})-(\d{2})-(\d{2})$/.exec(isoDay);
  if (!m) return isoDay;
  const d = new Date(0);
  d.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days);
  return `${isoYear(d.getUTCFullYear())}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export interface ReadTime extends AlignedTime {
  approximate: boolean;
  /** The cells' own words, when a date was uncertain or unspecified. */
  text?: string;
}

/**
 * A `dateline/1` time from a start cell and an optional end cell. A start that is itself a
 * span ("1917-1952") gives the end when no end cell does.
 */
export function toEventTime(start: DateValue, end?: DateValue): ReadTime {
  const last = end ? (end.end ?? end) : start.end;
  const time = alignTime(start, last) as ReadTime;
  time.approximate = !!(start.approximate || end?.approximate);
  const text = start.text && end?.text ? `${start.text} – ${end.text}` : (start.text ?? end?.text);
  if (text !== undefined) time.text = text;
  return time;
}
