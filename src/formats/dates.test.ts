import { describe, it, expect } from 'vitest';
import { PRECISIONS } from '../model/time';
import {
  alignTime,
  dateFromParts,
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
    ['27/02/2025', /is not a date/],
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
    [{ year: '2025', month: '', day: null }, '2025', 'year'],
  ])('%j → %s (%s)', (parts, iso, resolution) => {
    expect(dateFromParts(parts)).toEqual({ iso, resolution });
  });

  it.each([
    [{}, 'there is no year'],
    [{ year: '-500' }, 'year -500 is before 1 CE, which Dateline cannot show'],
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
