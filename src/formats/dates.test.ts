import * as fc from 'fast-check';
import { describe, it, expect } from 'vitest';
import { isoYear, PRECISIONS } from '../model/time';
import {
  alignTime,
  dateFromParts,
  isTimeLike,
  readDateColumn,
  toEventTime,
  type DateValue,
  monthNumber,
  partOfReason,
  readClock,
  readDate,
  shiftDay,
  truncateIso,
} from './dates';

describe('readDate', () => {
  it.each([
    ['2025', '2025', 'year'],
    ['2025-02', '2025-02', 'month'],
    ['2025-02-27', '2025-02-27', 'day'],
    ['2025-2-7', '2025-02-07', 'day'],
    ['2025-02-27T23:00', '2025-02-27T23:00', 'minute'],
    ['2025-02-27 9:05', '2025-02-27T09:05', 'minute'],
    ['2025-02-27T23:00:15+02:00', '2025-02-27T23:00:15+02:00', 'minute'],
    ['15 March 2024', '2024-03-15', 'day'],
    ['15-Mar-2024', '2024-03-15', 'day'],
    ['1st Sept 2024', '2024-09-01', 'day'],
    ['March 15, 2024', '2024-03-15', 'day'],
    ['Feb 2025', '2025-02', 'month'],
    [' 2025-02-27 ', '2025-02-27', 'day'],
  ])('%s → %s (%s)', (text, iso, resolution) => {
    expect(readDate(text)).toEqual({ iso, resolution });
  });

  it.each([
    ['', /empty/],
    ['yesterday', /“yesterday” is not a date; write it as 2025/],
    ['2025-13-01', /no month 13/],
    ['31 February 2025', /no day 31/],
    ['15 Smarch 2024', /is not a date/],
  ])('rejects %j with a reason', (text, reason) => {
    expect(readDate(text)).toMatch(reason);
  });
});

describe('dateFromParts', () => {
  it.each([
    [{ year: 2025 }, '2025', 'year'],
    [{ year: '2025', month: '2' }, '2025-02', 'month'],
    [{ year: '2025', month: 'February', day: '27' }, '2025-02-27', 'day'],
    [{ year: 2025, month: 2, day: 27, hour: 23 }, '2025-02-27T23:00', 'hour'],
    [{ year: 2025, month: 2, day: 27, hour: 0, minute: 5 }, '2025-02-27T00:05', 'minute'],
    [
      { year: 2025, month: 2, day: 27, hour: 9, minute: 5, second: 7 },
      '2025-02-27T09:05:07',
      'minute',
    ],
    [{ year: 812 }, '0812', 'year'],
    [{ year: -500 }, '-0499', 'year'],
    [{ year: '-44', month: 3, day: 15 }, '-0043-03-15', 'day'],
    [{ year: -13800000000 }, '-13799999999', 'year'],
    [{ year: '2025', month: '', day: null }, '2025', 'year'],
  ])('%j → %s (%s)', (parts, iso, resolution) => {
    expect(dateFromParts(parts)).toEqual({ iso, resolution });
  });

  it('reads a Year cell written as words or with EDTF marks', () => {
    expect(dateFromParts({ year: '500 BC' })).toEqual({ iso: '-0499', resolution: 'year' });
    expect(dateFromParts({ year: '1832~' })).toMatchObject({ iso: '1832', approximate: true });
  });

  it.each([
    [{}, 'there is no year'],
    [{ year: 'MMXXV' }, 'year “MMXXV” is not a whole number'],
    [{ year: 2025, month: 13 }, 'month 13 is out of range (1–12)'],
    [{ year: 2025, month: 'Brumaire' }, 'month “Brumaire” is not a month'],
    [{ year: 2025, day: 3 }, 'a day needs a month'],
    [{ year: 2025, month: 2, hour: 3 }, 'a time needs a day'],
    [{ year: 2025, month: 2, day: 30 }, '"2025-02-30" has no day 30 in that month'],
  ])('rejects %j: %s', (parts, reason) => {
    expect(dateFromParts(parts)).toBe(reason);
  });
});

describe('partOfReason', () => {
  it.each([
    [{}, 'year'],
    [{ year: 'x' }, 'year'],
    [{ year: 2025, month: 13 }, 'month'],
    [{ year: 2025, day: 3 }, 'month'],
    [{ year: 2025, month: 2, day: 30 }, 'day'],
    [{ year: 2025, month: 2, hour: 3 }, 'day'],
    [{ year: 2025, month: 2, day: 1, hour: 24 }, 'hour'],
    [{ year: 2025, month: 2, day: 1, minute: 3 }, 'hour'],
    [{ year: 2025, month: 2, day: 1, hour: 1, minute: 60 }, 'minute'],
  ])('names the part a reason is about: %j → %s', (parts, part) => {
    expect(partOfReason(dateFromParts(parts) as string)).toBe(part);
  });
});

describe('readClock', () => {
  it.each([
    ['14:30', { hour: 14, minute: 30 }],
    ['14:30:05', { hour: 14, minute: 30, second: 5 }],
    ['2:30 PM', { hour: 14, minute: 30 }],
    ['12:15 am', { hour: 0, minute: 15 }],
    ['12 p.m.', { hour: 12 }],
    ['9', { hour: 9 }],
  ])('%s', (text, parts) => {
    expect(readClock(text)).toEqual(parts);
  });

  it.each(['noon', '25:00', '13:00 PM', '10:75'])('rejects %s', (text) => {
    expect(typeof readClock(text)).toBe('string');
  });
});

describe('alignTime', () => {
  it('keeps one precision when both ends share it', () => {
    expect(
      alignTime({ iso: '2025-02-27', resolution: 'day' }, { iso: '2025-03-01', resolution: 'day' }),
    ).toEqual({ start: '2025-02-27', end: '2025-03-01', precision: 'day' });
    expect(alignTime({ iso: '2025', resolution: 'year' })).toEqual({
      start: '2025',
      precision: 'year',
    });
  });

  it('cuts the finer end to the coarser precision and says which', () => {
    expect(
      alignTime({ iso: '2025-02-27', resolution: 'day' }, { iso: '2025-03', resolution: 'month' }),
    ).toEqual({ start: '2025-02', end: '2025-03', precision: 'month', coarsened: 'start' });
    expect(
      alignTime(
        { iso: '2025-02-27T10:00', resolution: 'hour' },
        { iso: '2025-02-27T12:45+02:00', resolution: 'minute' },
      ),
    ).toEqual({
      start: '2025-02-27T10:00',
      end: '2025-02-27T12:00+02:00',
      precision: 'hour',
      coarsened: 'end',
    });
  });
});

describe('small helpers', () => {
  it('monthNumber reads names and abbreviations', () => {
    expect(monthNumber('March')).toBe(3);
    expect(monthNumber('sept')).toBe(9);
    expect(monthNumber('Dec.')).toBe(12);
    expect(monthNumber('ma')).toBeUndefined();
  });

  it('truncateIso cuts to each precision', () => {
    const iso = '2025-02-27T23:45:10Z';
    expect(PRECISIONS.map((p) => truncateIso(iso, p))).toEqual([
      '2025',
      '2025-02',
      '2025-02-27',
      '2025-02-27T23:00Z',
      iso,
    ]);
  });

  it('shiftDay crosses months and years', () => {
    expect(shiftDay('2024-02-27', 3)).toBe('2024-03-01');
    expect(shiftDay('2025-01-02', -3)).toBe('2024-12-30');
  });
});

describe('readDate: a year column beside the date (yearHint)', () => {
  it('gives a two-digit year the century of the row’s year when their last digits agree', () => {
    expect(readDate('9/24/06', { yearHint: 1906 })).toEqual({
      iso: '1906-09-24',
      resolution: 'day',
    });
    expect(readDate('5-Aug-24', { yearHint: 1824 })).toEqual({
      iso: '1824-08-05',
      resolution: 'day',
    });
  });

  it('falls back to the pivot when the row’s year disagrees, and leaves four-digit years alone', () => {
    expect(readDate('9/24/06', { yearHint: 1975 })).toEqual({
      iso: '2006-09-24',
      resolution: 'day',
    });
    expect(readDate('9/24/1906', { yearHint: 2006 })).toEqual({
      iso: '1906-09-24',
      resolution: 'day',
    });
  });
});

describe('readDate: the forms people write', () => {
  const plain = (iso: string, resolution: string) => ({ iso, resolution });
  it.each([
    // ISO 8601 at any precision, with or without offset
    ['2025-02-27T23:00:15Z', plain('2025-02-27T23:00:15Z', 'minute')],
    ['2024-03-05 14:30:00+0200', plain('2024-03-05T14:30:00+02:00', 'minute')],
    ['2024-03-05T14:30:00.250-05:00', plain('2024-03-05T14:30:00.250-05:00', 'minute')],
    ['2024-03-05 14:30:00.250 -0500', plain('2024-03-05T14:30:00-05:00', 'minute')],
    ['2024/03/15', plain('2024-03-15', 'day')],
    // before 1 CE and far from today
    ['-0499', plain('-0499', 'year')],
    ['-0043-03-15', plain('-0043-03-15', 'day')],
    ['-500', plain('-0499', 'year')],
    ['500 BC', plain('-0499', 'year')],
    ['500 BCE', plain('-0499', 'year')],
    ['500 B.C.', plain('-0499', 'year')],
    ['1 BC', plain('0000', 'year')],
    ['15 March 44 BC', plain('-0043-03-15', 'day')],
    ['AD 79', plain('0079', 'year')],
    ['79 CE', plain('0079', 'year')],
    ['-13800000000', plain('-13799999999', 'year')],
    ['+12025', plain('+12025', 'year')],
    // numeric day and month, month first unless told or settled by a value above 12
    ['03/01/1946', plain('1946-03-01', 'day')],
    ['13/01/1946', plain('1946-01-13', 'day')],
    ['01/13/1946', plain('1946-01-13', 'day')],
    ['17.02.2022', plain('2022-02-17', 'day')],
    ['31-12-19', plain('2019-12-31', 'day')],
    ['03/01/1946 14:30', plain('1946-03-01T14:30', 'minute')],
    ['3/1946', plain('1946-03', 'month')],
    // two-digit years and month names
    ['5-Aug-24', plain('2024-08-05', 'day')],
    ['5-Aug-50', plain('1950-08-05', 'day')],
    ['5-Aug-49', plain('2049-08-05', 'day')],
    ['Monday, 5 August 2024', plain('2024-08-05', 'day')],
    ['15th of March 2024', plain('2024-03-15', 'day')],
    ['Aug. 2024', plain('2024-08', 'month')],
    ['5 mai 2024', plain('2024-05-05', 'day')],
    // spans in one cell
    ['1917-1952', { ...plain('1917', 'year'), end: plain('1952', 'year') }],
    ['1917/1952', { ...plain('1917', 'year'), end: plain('1952', 'year') }],
    ['April-May 1945', { ...plain('1945-04', 'month'), end: plain('1945-05', 'month') }],
    ['12-15 March 2024', { ...plain('2024-03-12', 'day'), end: plain('2024-03-15', 'day') }],
    ['March 12-15, 2024', { ...plain('2024-03-12', 'day'), end: plain('2024-03-15', 'day') }],
    ['2025-01-01/2025-01-05', { ...plain('2025-01-01', 'day'), end: plain('2025-01-05', 'day') }],
    [
      '1 March 2024 – 5 April 2024',
      { ...plain('2024-03-01', 'day'), end: plain('2024-04-05', 'day') },
    ],
    ['500–400 BCE', { ...plain('-0499', 'year'), end: plain('-0399', 'year') }],
    // EDTF uncertainty: approximate, with the original words
    ['1832~', { ...plain('1832', 'year'), approximate: true, text: '1832~' }],
    ['1832?', { ...plain('1832', 'year'), approximate: true, text: '1832?' }],
    ['1832%', { ...plain('1832', 'year'), approximate: true, text: '1832%' }],
    ['2004-06~', { ...plain('2004-06', 'month'), approximate: true, text: '2004-06~' }],
    ['c. 1850', { ...plain('1850', 'year'), approximate: true, text: 'c. 1850' }],
    [
      '18XX',
      { ...plain('1800', 'year'), end: plain('1899', 'year'), approximate: true, text: '18XX' },
    ],
    ['2004-XX', { ...plain('2004', 'year'), text: '2004-XX' }],
    ['1985-04-XX', { ...plain('1985-04', 'month'), text: '1985-04-XX' }],
    ['1985/..', { ...plain('1985', 'year'), text: '1985/..' }],
  ])('%s', (text, expected) => {
    expect(readDate(text)).toEqual(expected);
  });

  it('reads numeric dates in the order it is given, unless a part above 12 settles it', () => {
    expect(readDate('03/01/1946', { order: 'dmy' })).toEqual(plain('1946-01-03', 'day'));
    expect(readDate('03/01/1946', { order: 'mdy' })).toEqual(plain('1946-03-01', 'day'));
    expect(readDate('03/13/1946', { order: 'dmy' })).toEqual(plain('1946-03-13', 'day'));
    expect(readDate('13/03/1946', { order: 'mdy' })).toEqual(plain('1946-03-13', 'day'));
  });

  it('moves the two-digit pivot when asked', () => {
    expect(readDate('31-12-19', { pivot: 10 })).toEqual(plain('1919-12-31', 'day'));
  });

  it.each([
    ['45000', /is a number, not a date/],
    ['13/13/2020', /not a date|no month 13/],
    ['31/02/2020', /no day 31/],
    ['0 BC', /counted from 1/],
    ['15 March 300000 BC', /too far from today/],
    ['1917-1952 ABC', /is not a date/],
  ])('%s is refused with a reason', (text, reason) => {
    expect(readDate(text)).toMatch(reason);
  });

  it('reads times of day BCE', () => {
    expect(readDate('-0499-03-15T10:00Z')).toEqual(plain('-0499-03-15T10:00Z', 'minute'));
  });
});

describe('numbers: Excel serial days and epoch times', () => {
  it('reads Excel day numbers (1900 system, with its phantom 29 Feb 1900)', () => {
    const excel = { numbers: 'excel' } as const;
    expect(readDate('45000', excel)).toEqual(plain('2023-03-15', 'day'));
    expect(readDate('45000.75', excel)).toEqual(plain('2023-03-15T18:00', 'minute'));
    expect(readDate('1', excel)).toEqual(plain('1900-01-01', 'day'));
    expect(readDate('59', excel)).toEqual(plain('1900-02-28', 'day'));
    expect(readDate('61', excel)).toEqual(plain('1900-03-01', 'day'));
    expect(readDate('60', excel)).toMatch(/never was/);
  });

  it('tells epoch seconds from milliseconds by magnitude', () => {
    const epoch = { numbers: 'epoch' } as const;
    expect(readDate('1700000000', epoch)).toEqual(plain('2023-11-14T22:13:20Z', 'minute'));
    expect(readDate('1700000000000', epoch)).toEqual(plain('2023-11-14T22:13:20Z', 'minute'));
    expect(readDate('1700000000123.5', epoch)).toEqual(plain('2023-11-14T22:13:20Z', 'minute'));
  });

  function plain(iso: string, resolution: string) {
    return { iso, resolution };
  }
});

describe('readDateColumn: one decision per column', () => {
  const column = (values: string[], convention: 'dmy' | 'mdy' = 'mdy', name = 'date') =>
    readDateColumn(values, { column: name, convention });

  it('a value above 12 settles the order of the whole column', () => {
    const read = column(['03/01/1946', '13/01/1946', '04/02/1946']);
    expect(read.options.order).toBe('dmy');
    expect(read.values.map((v) => (v as { iso: string }).iso)).toEqual([
      '1946-01-03',
      '1946-01-13',
      '1946-02-04',
    ]);
    expect(read.warnings).toEqual([]);
    expect(column(['03/01/1946', '01/13/1946'], 'dmy').options.order).toBe('mdy');
  });

  it('an ambiguous column takes the convention, with a warning naming the column', () => {
    const read = column(['03/01/1946', '04/02/1946'], 'dmy', 'event_date');
    expect(read.options.order).toBe('dmy');
    expect(read.warnings).toEqual([expect.stringMatching(/“event_date”.*day first/)]);
    expect(column(['03/03/1946', '2024-01-05'], 'dmy').warnings).toEqual([]);
  });

  it('a mixed column reads each settled value as it must be, the others by the majority', () => {
    const read = column(['13/01/2020', '14/01/2020', '01/15/2020', '02/03/2020']);
    expect(read.options.order).toBe('dmy');
    expect(read.warnings[0]).toMatch(/mixes day-first \(2\) and month-first \(1\)/);
    expect(read.values.map((v) => (v as { iso: string }).iso)).toEqual([
      '2020-01-13',
      '2020-01-14',
      '2020-01-15',
      '2020-03-02',
    ]);
  });

  it('says how two-digit years were read', () => {
    expect(column(['31-12-19']).warnings).toEqual([
      expect.stringMatching(/two-digit years .* 1950–2049/),
    ]);
    expect(column(['5-Aug-24']).warnings[0]).toMatch(/two-digit/);
  });

  it('a column of only Excel-sized numbers is read as Excel days; years stay years', () => {
    const excel = column(['45000', '45001.5', '']);
    expect(excel.options.numbers).toBe('excel');
    expect(excel.warnings[0]).toMatch(/Excel/);
    expect(excel.values[0]).toEqual({ iso: '2023-03-15', resolution: 'day' });
    expect(excel.values[2]).toBe('the date is empty');
    const years = column(['1945', '-500', '2025']);
    expect(years.options.numbers).toBeUndefined();
    expect(years.values[1]).toEqual({ iso: '-0499', resolution: 'year' });
    expect(column(['45000', 'yesterday']).options.numbers).toBeUndefined();
  });

  it('reads numbers as epoch time only in a column named like a time', () => {
    expect(column(['1700000000000'], 'mdy', 'time').options.numbers).toBe('epoch');
    expect(column(['1700000000'], 'mdy', 'updated_ms').options.numbers).toBe('epoch');
    expect(column(['1700000000000'], 'mdy', 'date').options.numbers).toBeUndefined();
    expect(isTimeLike('timestamp')).toBe(true);
    expect(isTimeLike('start_date')).toBe(false);
  });
});

describe('toEventTime', () => {
  it('takes the end of a span written in the start cell', () => {
    const start = readDate('18XX') as DateValue;
    expect(toEventTime(start)).toEqual({
      start: '1800',
      end: '1899',
      precision: 'year',
      approximate: true,
      text: '18XX',
    });
  });

  it('keeps both cells’ words and aligns precisions', () => {
    const t = toEventTime(readDate('1832~') as DateValue, readDate('1840-05') as DateValue);
    expect(t).toEqual({
      start: '1832',
      end: '1840',
      precision: 'year',
      approximate: true,
      text: '1832~',
      coarsened: 'end',
    });
  });
});

describe('properties', () => {
  const isoDay = fc
    .record({
      year: fc.integer({ min: -9999, max: 9999 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
    })
    .map(({ year, month, day }) => `${isoYear(year)}-${pad(month)}-${pad(day)}`);
  const pad = (n: number) => String(n).padStart(2, '0');

  it('an ISO date reads back as itself, at its precision', () => {
    fc.assert(
      fc.property(isoDay, fc.constantFrom(4, 7, 10), (iso, cut) => {
        const signed = iso.startsWith('-') || iso.startsWith('+');
        const text = iso.slice(0, signed ? cut + 1 : cut);
        // A bare "-1000" counts years BCE (1000 BCE is ISO -0999); "-0999" is ISO's own.
        const bce = /^-[1-9]\d*$/.test(text);
        expect(readDate(text)).toMatchObject({ iso: bce ? isoYear(Number(text) + 1) : text });
      }),
    );
  });

  it('the order chosen for a column never contradicts a part above 12', () => {
    const cell = fc
      .record({
        a: fc.integer({ min: 1, max: 28 }),
        b: fc.integer({ min: 1, max: 28 }),
        y: fc.integer({ min: 1900, max: 2099 }),
        sep: fc.constantFrom('/', '-', '.'),
      })
      .filter(({ a, b }) => a <= 12 || b <= 12)
      .map(({ a, b, y, sep }) => ({ text: `${a}${sep}${b}${sep}${y}`, a, b, y }));
    fc.assert(
      fc.property(
        fc.array(cell, { minLength: 1, maxLength: 20 }),
        fc.constantFrom('dmy', 'mdy'),
        (cells, convention) => {
          const read = readDateColumn(
            cells.map((c) => c.text),
            { column: 'date', convention: convention as 'dmy' | 'mdy' },
          );
          const settled = cells.flatMap((c, i) => {
            const [, month, dayOfMonth] = (read.values[i] as DateValue).iso.split('-').map(Number);
            const written = c.a > 12 ? [c.a, c.b] : c.b > 12 ? [c.b, c.a] : undefined;
            return written ? [{ read: [dayOfMonth, month], written }] : [];
          });
          expect(settled.map((s) => s.read)).toEqual(settled.map((s) => s.written));
        },
      ),
    );
  });

  it('every epoch second reads back to the same instant', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_999 }), (s) => {
        const v = readDate(String(s), { numbers: 'epoch' }) as DateValue;
        expect(Date.parse(v.iso)).toBe(s * 1000);
      }),
    );
  });
});
