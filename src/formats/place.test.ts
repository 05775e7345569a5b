import { describe, it, expect } from 'vitest';
import { Draft } from './draft';
import { readCoordinate, readPlace, type PlaceInput } from './place';

describe('readCoordinate', () => {
  it.each([
    ['31.5', 'lat', 31.5],
    ['-33,9', 'lat', -33.9],
    ['+12', 'lon', 12],
    [-179.9, 'lon', -179.9],
    ['', 'lat', undefined],
    [null, 'lat', undefined],
  ] as const)('%j (%s) → %j', (value, axis, expected) => {
    expect(readCoordinate(value, axis)).toBe(expected);
  });

  it.each([
    ['31°N', 'lat', '“31°N” is not a number'],
    ['90.5', 'lat', 'latitude 90.5 is not between -90 and 90'],
    [-181, 'lon', 'longitude -181 is not between -180 and 180'],
    [Number.NaN, 'lon', 'longitude NaN is not between -180 and 180'],
  ] as const)('rejects %j (%s)', (value, axis, reason) => {
    expect(readCoordinate(value, axis)).toBe(reason);
  });
});

describe('readPlace', () => {
  const origin = { collection: 'events' as const, row: 2 };
  const input = (over: Partial<PlaceInput>): PlaceInput => ({
    name: '',
    lat: undefined,
    lon: undefined,
    where: { name: { column: 'place' }, lat: { column: 'lat' }, lon: { column: 'lon' } },
    ...over,
  });

  it('names a place by its coordinates when the row gives no name', () => {
    const draft = new Draft('dateline-csv', { fileName: 'f.csv' });
    expect(readPlace(input({ lat: '30', lon: '31' }), draft, origin)).toEqual({
      ok: true,
      place: { name: '30, 31', lat: 30, lon: 31, precision: 'city' },
    });
  });

  it('is no place, silently, when the row gives neither name nor coordinates', () => {
    const draft = new Draft('dateline-csv', { fileName: 'f.csv' });
    expect(readPlace(input({}), draft, origin)).toEqual({ ok: true, place: null });
    expect(draft.problems).toEqual([]);
  });

  it('rejects the row, counting it, when a coordinate is bad', () => {
    const draft = new Draft('dateline-csv', { fileName: 'f.csv' });
    expect(readPlace(input({ lat: 'x', lon: '1', id: 'e' }), draft, origin)).toEqual({ ok: false });
    expect(draft.rejected).toBe(1);
    expect(draft.problems).toEqual([
      {
        severity: 'error',
        collection: 'events',
        row: 2,
        column: 'lat',
        id: 'e',
        message: '“x” is not a number',
      },
    ]);
  });
});
