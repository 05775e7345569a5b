import { describe, it, expect } from 'vitest';
import {
  endOfUnit,
  formatYear,
  isoDay,
  isoYear,
  yearAt,
  yearStart,
  parsePartialDate,
  resolutionFits,
  type PartialDate,
} from './time';

const ms = (iso: string) => Date.parse(iso);

/** Parses or fails the test with the parser's own reason. */
function parse(text: string): PartialDate {
  const p = parsePartialDate(text);
  if (typeof p === 'string') throw new Error(`expected "${text}" to parse, got: ${p}`);
  return p;
}

/** Expects a rejection and returns its reason. */
function reject(text: string): string {
  const p = parsePartialDate(text);
  if (typeof p !== 'string') throw new Error(`expected "${text}" to be rejected`);
  return p;
}

describe('parsePartialDate: resolutions and bounds', () => {
  it('reads a year as the whole year', () => {
    const p = parse('2025');
    expect(p).toMatchObject({ year: 2025, resolution: 'year' });
    expect(p.month).toBeUndefined();
    expect(p.earliest).toBe(ms('2025-01-01T00:00:00.000Z'));
    expect(p.latest).toBe(ms('2025-12-31T23:59:59.999Z'));
  });

  it('reads a month as the whole month', () => {
    const p = parse('2025-02');
    expect(p).toMatchObject({ year: 2025, month: 2, resolution: 'month' });
    expect(p.day).toBeUndefined();
    expect(p.earliest).toBe(ms('2025-02-01T00:00:00.000Z'));
    expect(p.latest).toBe(ms('2025-02-28T23:59:59.999Z'));
  });

  it('knows February of a leap year has 29 days', () => {
    expect(parse('2024-02').latest).toBe(ms('2024-02-29T23:59:59.999Z'));
    expect(parse('2024-02-29').earliest).toBe(ms('2024-02-29T00:00:00.000Z'));
    expect(parse('2000-02-29').resolution).toBe('day'); // divisible by 400: leap
    expect(reject('1900-02-29')).toContain('no day 29'); // divisible by 100 only: not leap
  });

  it('ends December at the end of the year', () => {
    expect(parse('2025-12').latest).toBe(ms('2025-12-31T23:59:59.999Z'));
  });

  it('reads a day as the whole UTC day', () => {
    const p = parse('2025-02-27');
    expect(p).toMatchObject({ year: 2025, month: 2, day: 27, resolution: 'day' });
    expect(p.offsetMinutes).toBeUndefined();
    expect(p.earliest).toBe(ms('2025-02-27T00:00:00.000Z'));
    expect(p.latest).toBe(ms('2025-02-27T23:59:59.999Z'));
  });

  it('reads a time with minutes as one minute, shifted by its offset', () => {
    const p = parse('2025-02-27T23:00+02:00');
    expect(p).toMatchObject({ day: 27, hour: 23, minute: 0, offsetMinutes: 120 });
    expect(p.resolution).toBe('minute');
    expect(p.earliest).toBe(ms('2025-02-27T21:00:00.000Z'));
    expect(p.latest).toBe(ms('2025-02-27T21:00:59.999Z'));
  });

  it('gives an hour-precision time its whole hour through endOfUnit', () => {
    const p = parse('2025-02-27T23:00+02:00');
    expect(endOfUnit(p.earliest, p.offsetMinutes, 'hour')).toBe(ms('2025-02-27T21:59:59.999Z'));
  });

  it('counts a day in the offset it was written in', () => {
    // The local day of 27 Feb at +02:00 runs 26 Feb 22:00Z .. 27 Feb 21:59:59.999Z.
    const start = ms('2025-02-26T22:00:00.000Z');
    expect(endOfUnit(start, 120, 'day')).toBe(ms('2025-02-27T21:59:59.999Z'));
    expect(endOfUnit(ms('2025-02-01T00:00:00.000Z'), undefined, 'month')).toBe(
      ms('2025-02-28T23:59:59.999Z'),
    );
  });

  it('reads seconds as one second at minute resolution', () => {
    const p = parse('2025-02-27T23:00:30Z');
    expect(p).toMatchObject({ hour: 23, minute: 0, second: 30, resolution: 'minute' });
    expect(p.earliest).toBe(ms('2025-02-27T23:00:30.000Z'));
    expect(p.latest).toBe(ms('2025-02-27T23:00:30.999Z'));
  });

  it('accepts fractional seconds and surrounding whitespace', () => {
    expect(parse('2025-02-27T23:00:30.250Z').second).toBe(30);
    expect(parse('  2025-02-27 ').earliest).toBe(ms('2025-02-27T00:00:00.000Z'));
  });

  it('keeps years below 100 as written instead of mapping them to the 1900s', () => {
    const p = parse('0044-03-15');
    expect(new Date(p.earliest).getUTCFullYear()).toBe(44);
    expect(new Date(p.earliest).toISOString()).toBe('0044-03-15T00:00:00.000Z');
  });

  it('knows year 0 (1 BC) is a leap year', () => {
    const p = parse('0000-02-29');
    expect(new Date(p.earliest).toISOString()).toBe('0000-02-29T00:00:00.000Z');
    expect(parse('0000-02').latest).toBe(p.latest);
  });
});

describe('parsePartialDate: offsets', () => {
  it('reads +02:00 as two hours east of UTC', () => {
    const p = parse('2025-02-27T10:00+02:00');
    expect(p.offsetMinutes).toBe(120);
    expect(p.earliest).toBe(ms('2025-02-27T08:00:00.000Z'));
  });

  it('reads -05:30 as five and a half hours west of UTC', () => {
    const p = parse('2025-02-27T10:00-05:30');
    expect(p.offsetMinutes).toBe(-330);
    expect(p.earliest).toBe(ms('2025-02-27T15:30:00.000Z'));
    expect(p.latest).toBe(ms('2025-02-27T15:30:59.999Z'));
  });

  it('reads Z as UTC with an explicit offset of 0', () => {
    const p = parse('2025-02-27T10:00Z');
    expect(p.offsetMinutes).toBe(0);
    expect(p.earliest).toBe(ms('2025-02-27T10:00:00.000Z'));
  });

  it('reads a time without an offset as UTC, leaving the offset unset', () => {
    const p = parse('2025-02-27T10:00');
    expect(p.offsetMinutes).toBeUndefined();
    expect(p.earliest).toBe(ms('2025-02-27T10:00:00.000Z'));
  });

  it('crosses into the previous day, month and year when the offset says so', () => {
    const p = parse('2025-01-01T01:00+03:00');
    expect(p.earliest).toBe(ms('2024-12-31T22:00:00.000Z'));
  });
});

describe('parsePartialDate: rejections', () => {
  it('rejects text that is not a date, naming the accepted forms', () => {
    const reason = reject('last Tuesday');
    expect(reason).toContain('"last Tuesday"');
    expect(reason).toContain('is not an ISO 8601 date');
    expect(reason).toContain('2025-02-27T23:00+02:00');
  });

  it('rejects other date notations and partial forms ISO 8601 does not have', () => {
    for (const junk of [
      '',
      '27/02/2025',
      '2025-2-27',
      '25-02-27',
      '2025-02-27T23',
      '2025-02-27 23:00',
      '2025-02+02:00',
    ]) {
      expect(reject(junk)).toContain('is not an ISO 8601 date');
    }
  });

  it('truncates very long junk in its message', () => {
    const reason = reject('x'.repeat(500));
    expect(reason.length).toBeLessThan(200);
    expect(reason).toContain('…');
  });

  it('rejects month 13 and month 0', () => {
    expect(reject('2025-13')).toBe('"2025-13" has no month 13');
    expect(reject('2025-00-10')).toBe('"2025-00-10" has no month 0');
  });

  it('rejects 30 February and day 0', () => {
    expect(reject('2025-02-30')).toBe('"2025-02-30" has no day 30 in that month');
    expect(reject('2025-02-29')).toBe('"2025-02-29" has no day 29 in that month');
    expect(reject('2025-04-31')).toContain('no day 31');
    expect(reject('2025-04-00')).toContain('no day 0');
  });

  it('rejects hour 24, minute 60 and second 60', () => {
    expect(reject('2025-02-27T24:00Z')).toBe('"2025-02-27T24:00Z" has no hour 24');
    expect(reject('2025-02-27T23:60Z')).toBe('"2025-02-27T23:60Z" has no minute 60');
    expect(reject('2025-02-27T23:59:60Z')).toBe('"2025-02-27T23:59:60Z" has no second 60');
  });

  it('rejects offsets out of range or malformed', () => {
    expect(reject('2025-02-27T10:00+15:00')).toBe(
      '"2025-02-27T10:00+15:00" has an offset out of range',
    );
    expect(reject('2025-02-27T10:00+02:60')).toContain('offset out of range');
    expect(reject('2025-02-27T10:00+0200')).toContain('is not an ISO 8601 date');
    expect(reject('2025-02-27T10:00+2:00')).toContain('is not an ISO 8601 date');
    // The widest real offsets are still accepted.
    expect(parse('2025-02-27T10:00+14:00').offsetMinutes).toBe(840);
    expect(parse('2025-02-27T10:00-12:00').offsetMinutes).toBe(-720);
  });
});

describe('resolutionFits', () => {
  it('needs the written resolution to equal the stated precision', () => {
    expect(resolutionFits('year', 'year')).toBe(true);
    expect(resolutionFits('month', 'month')).toBe(true);
    expect(resolutionFits('day', 'day')).toBe(true);
    expect(resolutionFits('minute', 'minute')).toBe(true);
    expect(resolutionFits('day', 'month')).toBe(false);
    expect(resolutionFits('month', 'day')).toBe(false);
    expect(resolutionFits('minute', 'day')).toBe(false);
  });

  it('needs an hour to be written with minutes, since ISO 8601 has no hour-only form', () => {
    expect(resolutionFits('minute', 'hour')).toBe(true);
    expect(resolutionFits('day', 'hour')).toBe(false);
    expect(resolutionFits('hour', 'hour')).toBe(false);
  });
});

describe('isoDay', () => {
  it('prints the UTC day of an instant', () => {
    expect(isoDay(ms('2025-02-27T00:00:00.000Z'))).toBe('2025-02-27');
    expect(isoDay(ms('2025-02-27T23:59:59.999Z'))).toBe('2025-02-27');
    expect(isoDay(parse('2025-02-27T01:00+02:00').earliest)).toBe('2025-02-26');
  });
});

describe('years before 1 CE and far from today', () => {
  it('reads ISO 8601 expanded years with astronomical numbering', () => {
    const p = parse('-0499');
    expect(p).toMatchObject({ year: -499, resolution: 'year' });
    expect(p.earliest).toBe(yearStart(-499));
    expect(p.latest).toBe(yearStart(-498) - 1);
    expect(parse('-0043-03-15')).toMatchObject({ year: -43, month: 3, day: 15 });
    expect(parse('+12025').year).toBe(12025);
    expect(parse('0000').year).toBe(0);
  });

  it('reads a year beyond what a Date holds, to the year only', () => {
    const p = parse('-13799999999');
    expect(p.resolution).toBe('year');
    expect(p.earliest).toBeLessThan(-4e20);
    expect(p.latest).toBeGreaterThan(p.earliest);
    expect(yearAt(p.earliest)).toBe(-13799999999);
    expect(reject('-300000-01')).toMatch(/too far from today/);
  });

  it('says BCE years the way a reader does', () => {
    expect(formatYear(2025)).toBe('2025');
    expect(formatYear(0)).toBe('1 BCE');
    expect(formatYear(-499)).toBe('500 BCE');
    expect(formatYear(-11999)).toBe('12,000 BCE');
    expect(formatYear(-13799999999)).toBe('13.8 billion BCE');
  });

  it('writes days and years of any era in ISO form', () => {
    expect(isoDay(yearStart(-499))).toBe('-0499-01-01');
    expect(isoDay(-1e21)).toBe('-271821-04-20');
    expect(isoYear(-499)).toBe('-0499');
    expect(isoYear(12025)).toBe('+12025');
    expect(isoYear(812)).toBe('0812');
  });
});
