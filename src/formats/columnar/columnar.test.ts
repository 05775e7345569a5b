import { readFileSync } from 'node:fs';
import { Dictionary, Int32, Table, tableToIPC, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { describeLocation, type Dataset } from '../../model/dataset';
import { importDataset } from '../index';
import { exportParquet } from '../exportParquet';
import { columnarFormatOf, importColumnar } from './index';
import { pointOf, plain, wkbPoint } from './columnTable';
import { stringFromBytes } from './parquet';
import { readArrow } from './arrow';
import { richDataset } from '../richDataset';
import { whatCsvHolds } from '../whatCsvHolds';

const bytes = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../fixtures/${name}`, import.meta.url)));
const open = (name: string) =>
  importColumnar(bytes(name), columnarFormatOf(bytes(name), name)!, { fileName: name });

const shape = (d: Dataset) => d.events.map((e) => whatCsvHolds(e, d));

describe('columnar formats are told by their bytes, then their name', () => {
  it.each([
    ['dateline.parquet', 'parquet'],
    ['events.geoparquet', 'parquet'],
    ['dateline.arrow', 'arrow'],
    ['dateline.arrows', 'arrow'],
  ])('%s is %s', (name, format) => {
    expect(columnarFormatOf(bytes(name), 'no-extension')).toBe(format);
  });

  it('by the extension when the bytes say nothing, and never for text', () => {
    const text = new TextEncoder().encode('id,title\n1,x\n');
    expect(columnarFormatOf(text, 'events.parquet')).toBe('parquet');
    expect(columnarFormatOf(text, 'events.feather')).toBe('arrow');
    expect(columnarFormatOf(text, 'events.csv')).toBeNull();
    expect(columnarFormatOf(new TextEncoder().encode('{"format":"dateline/1"}'), 'x.json')).toBe(
      null,
    );
  });
});

describe('Parquet and Arrow IPC load as Dateline CSV does', () => {
  const csv = importDataset(
    readFileSync(new URL('../fixtures/dateline.csv', import.meta.url), 'utf8'),
    {
      fileName: 'dateline.csv',
    },
  );

  it.each(['dateline.parquet', 'dateline.arrow', 'dateline.arrows'])(
    '%s gives the same events as dateline.csv',
    async (name) => {
      const { format, dataset, report } = await open(name);
      expect(format).toBe(name.endsWith('.parquet') ? 'parquet' : 'arrow-ipc');
      expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(report.eventsAccepted).toBe(5);
      expect(shape(dataset)).toEqual(shape(csv.dataset));
    },
  );

  it('a bad row is rejected by row and column; the rest load', async () => {
    const { report } = await open('dateline-bad-row.parquet');
    expect(report.eventsAccepted).toBe(5);
    expect(report.eventsRejected).toBe(1);
    const errors = report.problems.filter((p) => p.severity === 'error');
    expect(errors.map(describeLocation)).toEqual(['row 6 “overnight-exchange” · column start']);
    expect(errors[0]!.message).toMatch(/overnight/);
  });

  it('GeoParquet: WKB points give the place; a DATE column the date; other columns go to extra', async () => {
    const { dataset, report } = await open('events.geoparquet');
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const e = dataset.eventById.get('geo-2')!;
    expect(e.time.start).toBe('2025-02-28');
    const place = dataset.places.get(e.placeKey!)!;
    expect([place.lat, place.lon]).toEqual([31.28, 34.25]);
    // INT64 as a number, a timestamp as ISO 8601 text; the geometry, read as the place, is not.
    expect(e.extra).toEqual({ fatalities: '2', updated: '2025-03-03T10:31:00Z' });
  });

  it('a file its library cannot read is named, with why', async () => {
    const junk = new Uint8Array([80, 65, 82, 49, 1, 2, 3, 4, 5, 6, 7, 8]);
    await expect(importColumnar(junk, 'parquet', { fileName: 'broken.parquet' })).rejects.toThrow(
      /^broken\.parquet: not a readable Parquet file \(/,
    );
  });
});

describe('Parquet export', () => {
  it('holds what a CSV export holds: every field, extra keys, geocoded places', async () => {
    const d = richDataset();
    const back = await importColumnar(exportParquet(d, d.events), 'parquet', {
      fileName: 'rich.parquet',
    });
    expect(back.report.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(shape(back.dataset)).toEqual(shape(d));
  });

  it('writes the shown events that import back the same, lists and types kept', async () => {
    const csv = importDataset(
      readFileSync(new URL('../fixtures/dateline.csv', import.meta.url), 'utf8'),
      { fileName: 'dateline.csv' },
    );
    const out = exportParquet(csv.dataset, csv.dataset.events);
    expect(String.fromCharCode(...out.subarray(0, 4))).toBe('PAR1');
    const back = await importColumnar(out, 'parquet', { fileName: 'export.parquet' });
    expect(back.report.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(shape(back.dataset)).toEqual(shape(csv.dataset));
  });
});

describe('cells', () => {
  it('WKB points in either byte order, EWKB with an SRID; GeoJSON points', () => {
    const big = new Uint8Array(21);
    const view = new DataView(big.buffer);
    view.setUint32(1, 1, false);
    view.setFloat64(5, 34.5, false);
    view.setFloat64(13, 31.5, false);
    expect(wkbPoint(big)).toEqual([34.5, 31.5]);
    const ewkb = new Uint8Array(25);
    const v2 = new DataView(ewkb.buffer);
    ewkb[0] = 1;
    v2.setUint32(1, 0x20000001, true);
    v2.setUint32(5, 4326, true);
    v2.setFloat64(9, 1, true);
    v2.setFloat64(17, 2, true);
    expect(wkbPoint(ewkb)).toEqual([1, 2]);
    expect(pointOf({ type: 'Point', coordinates: [3, 4] })).toEqual([3, 4]);
    expect(pointOf({ type: 'LineString', coordinates: [[3, 4]] })).toBeNull();
  });

  it('64-bit integers, dates, binary and nested values become what the readers take', () => {
    expect(plain(12n)).toBe(12);
    expect(plain(2n ** 60n)).toBe('1152921504606846976');
    expect(plain(new Date('2025-02-27T00:00:00Z'))).toBe('2025-02-27');
    expect(plain(new Date('2025-02-27T10:05:00Z'))).toBe('2025-02-27T10:05:00Z');
    expect(plain(new Uint8Array([104, 105]))).toBe('aGk=');
    expect(plain({ name: 'Qatar', n: 3n })).toEqual({ name: 'Qatar', n: 3 });
    expect(plain(NaN)).toBeUndefined();
    const withProto = JSON.parse('{"__proto__": 1}') as object;
    expect(Object.hasOwn(plain(withProto) as object, '__proto__')).toBe(true);
  });

  it('UTF-8 cells become the text the decoder gives, ASCII or not, short or long', () => {
    const utf8 = new TextEncoder();
    for (const text of ['', 'e1', 'غزة', 'Tel Aviv–Yafo ✓', 'x'.repeat(600), `${'a'.repeat(300)}é`])
      expect(stringFromBytes(utf8.encode(text))).toBe(text);
    // Malformed bytes become U+FFFD, as TextDecoder makes them.
    expect(stringFromBytes(new Uint8Array([0x61, 0xff]))).toBe('a\ufffd');
    expect(stringFromBytes(undefined)).toBeUndefined();
  });
});

describe('Arrow dictionaries', () => {
  it('a dictionary-encoded column reads as the same values as a plain one, nulls kept, across batches', () => {
    const values = ['statement', null, 'military', 'statement', 'other', null, 'military'];
    const plainTable = new Table({ type: vectorFromArray(values, new Utf8()) });
    const dictTable = new Table({
      type: vectorFromArray(values, new Dictionary(new Utf8(), new Int32())),
    });
    const twice = (t: Table) => tableToIPC(t.concat(t), 'stream');
    const plainColumns = readArrow(twice(plainTable));
    const dictColumns = readArrow(twice(dictTable));
    expect(dictColumns.columns[0]).toEqual([...values, ...values].map((v) => v ?? undefined));
    expect(dictColumns).toEqual(plainColumns);
  });
});
