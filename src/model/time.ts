// Partial ISO 8601 dates ("2025", "2025-02", "2025-02-27", "2025-02-27T23:00+02:00"):
// parsing them into the span of time they cover, and printing them the way a reader says them.
// Times without an offset are read as UTC, so a dataset means the same thing in every browser.

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
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

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
  const year = Number(m[1]);
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

const MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function formatOffset(offsetMinutes: number | undefined): string {
  if (offsetMinutes === undefined || offsetMinutes === 0) return 'UTC';
  const sign = offsetMinutes < 0 ? '−' : '+';
  const abs = Math.abs(offsetMinutes);
  const m = abs % 60;
  return `UTC${sign}${Math.floor(abs / 60)}${m ? `:${pad(m)}` : ''}`;
}

/** "2025", "Feb 2025", "27 Feb 2025", "27 Feb 2025, 23:00 UTC+2" — at the precision given. */
export function formatPartialDate(d: PartialDate, precision: Precision = d.resolution): string {
  const monthName = d.month === undefined ? '' : MONTHS[d.month - 1];
  switch (precision) {
    case 'year':
      return String(d.year);
    case 'month':
      return `${monthName} ${d.year}`;
    case 'day':
      return `${d.day} ${monthName} ${d.year}`;
    case 'hour':
    case 'minute':
      return `${d.day} ${monthName} ${d.year}, ${pad(d.hour ?? 0)}:${pad(d.minute ?? 0)} ${formatOffset(d.offsetMinutes)}`;
  }
}

/** A span such as "26–27 Feb 2025" or "27 Feb – 1 Mar 2025", sharing what both ends share. */
export function formatSpan(
  start: PartialDate,
  end: PartialDate | undefined,
  precision: Precision,
): string {
  const a = formatPartialDate(start, precision);
  if (!end) return a;
  const b = formatPartialDate(end, precision);
  if (a === b) return a;
  if (precision === 'day' && start.year === end.year) {
    if (start.month === end.month) return `${start.day}–${b}`;
    return `${start.day} ${MONTHS[(start.month ?? 1) - 1]} – ${b}`;
  }
  return `${a} – ${b}`;
}

/** A span of time in epoch ms, `start` before `end`: a timeline window, a slice of the band. */
export interface TimeWindow {
  start: number;
  end: number;
}

const DAY_MS = 86_400_000;

/**
 * Whole UTC days `from` to `to`, both included ("2025-02-20"), as epoch ms from the first one's
 * start to the next day's start (end excluded); an open end (null) is infinite.
 */
export function daysToMs(from: string | null, to: string | null): TimeWindow {
  return {
    start: from === null ? -Infinity : Date.parse(`${from}T00:00:00Z`),
    end: to === null ? Infinity : Date.parse(`${to}T00:00:00Z`) + DAY_MS,
  };
}

/** Formats epoch ms as a plain UTC day, "2025-02-27": the form date inputs and URLs use. */
export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function truncate(s: string, n = 40): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}
