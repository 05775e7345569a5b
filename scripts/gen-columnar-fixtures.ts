// Writes the Parquet and Arrow IPC fixtures of src/formats/fixtures/ (committed: they are small),
// with the same writer libraries Dateline exports with (hyparquet-writer) and apache-arrow:
//
//   npx tsx scripts/gen-columnar-fixtures.ts
//
// - dateline.parquet, dateline-bad-row.parquet: the rows of dateline.csv / dateline-bad-row.csv,
//   typed as a data tool writes them: `lat`/`lon` doubles, `approximate` a boolean, `actors` and
//   `tags` list columns, empty cells null.
// - dateline.arrow (Arrow IPC file) and dateline.arrows (Arrow IPC stream): the same rows, with
//   `actors` as `;`-joined `name:role` text, as a CSV-minded writer leaves it.
// - events.geoparquet: a GeoParquet file (`geo` metadata, WKB points) without lat/lon columns,
//   with a DATE column `date`, an INT64 column `fatalities` and a TIMESTAMP column `updated`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  Bool,
  Field,
  Float64,
  List,
  Table,
  tableToIPC,
  Utf8,
  vectorFromArray,
  type Vector,
} from 'apache-arrow';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { parseCsv } from '../src/formats/csv';

const DIR = 'src/formats/fixtures';
type SchemaElement = NonNullable<Parameters<typeof parquetWriteBuffer>[0]['schema']>[number];
type ColumnData = Parameters<typeof parquetWriteBuffer>[0]['columnData'];

function rowsOf(file: string): Array<Record<string, string>> {
  const { header, rows } = parseCsv(readFileSync(join(DIR, file), 'utf8'));
  return rows
    .filter((r) => r.some((c) => c.trim()))
    .map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

const nullIfEmpty = (s: string) => (s.trim() === '' ? null : s);
const numberOrNull = (s: string) => (s.trim() === '' ? null : Number(s));
const listOf = (s: string) =>
  s
    .split(';')
    .map((x) => x.trim())
    .filter(Boolean);

function writeDatelineParquet(csv: string, out: string): void {
  const rows = rowsOf(csv);
  const header = Object.keys(rows[0]!);
  const schema: SchemaElement[] = [{ name: 'root', num_children: header.length }];
  const columnData: Array<{ name: string; data: unknown[] }> = [];
  for (const name of header) {
    const values = rows.map((r) => r[name]!);
    if (name === 'lat' || name === 'lon') {
      schema.push({ name, type: 'DOUBLE', repetition_type: 'OPTIONAL' });
      columnData.push({ name, data: values.map(numberOrNull) });
    } else if (name === 'approximate') {
      schema.push({ name, type: 'BOOLEAN', repetition_type: 'REQUIRED' });
      columnData.push({ name, data: values.map((v) => v === 'yes') });
    } else if (name === 'actors' || name === 'tags') {
      schema.push(
        { name, repetition_type: 'OPTIONAL', converted_type: 'LIST', num_children: 1 },
        { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
        {
          name: 'element',
          type: 'BYTE_ARRAY',
          converted_type: 'UTF8',
          repetition_type: 'OPTIONAL',
        },
      );
      columnData.push({ name, data: values.map(listOf) });
    } else {
      schema.push({
        name,
        type: 'BYTE_ARRAY',
        converted_type: 'UTF8',
        repetition_type: 'OPTIONAL',
      });
      columnData.push({ name, data: values.map(nullIfEmpty) });
    }
  }
  const buffer = parquetWriteBuffer({ columnData: columnData as ColumnData, schema });
  writeFileSync(join(DIR, out), new Uint8Array(buffer));
}

function datelineArrow(): Table {
  const rows = rowsOf('dateline.csv');
  const header = Object.keys(rows[0]!);
  const columns: Record<string, Vector> = {};
  for (const name of header) {
    const values = rows.map((r) => r[name]!);
    if (name === 'lat' || name === 'lon')
      columns[name] = vectorFromArray(values.map(numberOrNull), new Float64());
    else if (name === 'approximate')
      columns[name] = vectorFromArray(
        values.map((v) => v === 'yes'),
        new Bool(),
      );
    else if (name === 'tags')
      columns[name] = vectorFromArray(
        values.map(listOf),
        new List(new Field('item', new Utf8(), true)),
      );
    else columns[name] = vectorFromArray(values.map(nullIfEmpty), new Utf8());
  }
  return new Table(columns);
}

/** A WKB point, little-endian: byte order, type 1, x (lon), y (lat). */
function wkbPoint(lon: number, lat: number): Uint8Array {
  const bytes = new Uint8Array(21);
  const view = new DataView(bytes.buffer);
  bytes[0] = 1;
  view.setUint32(1, 1, true);
  view.setFloat64(5, lon, true);
  view.setFloat64(13, lat, true);
  return bytes;
}

function writeGeoParquet(): void {
  const rows = [
    { id: 'geo-1', title: 'Talks open in Cairo', date: '2025-02-27', lon: 31.2357, lat: 30.0444 },
    { id: 'geo-2', title: 'Convoy enters at Rafah', date: '2025-02-28', lon: 34.25, lat: 31.28 },
    { id: 'geo-3', title: 'Envoy arrives in Doha', date: '2025-03-02', lon: 51.531, lat: 25.2854 },
  ];
  const geo = {
    version: '1.1.0',
    primary_column: 'geometry',
    columns: { geometry: { encoding: 'WKB', geometry_types: ['Point'] } },
  };
  const buffer = parquetWriteBuffer({
    columnData: [
      { name: 'id', data: rows.map((r) => r.id) },
      { name: 'title', data: rows.map((r) => r.title) },
      { name: 'date', data: rows.map((r) => new Date(`${r.date}T00:00:00Z`)) },
      { name: 'fatalities', data: BigInt64Array.from([0n, 2n, 0n]) },
      {
        name: 'updated',
        data: rows.map((_, i) => new Date(Date.UTC(2025, 2, 3, 10, 30 + i))),
      },
      { name: 'geometry', data: rows.map((r) => wkbPoint(r.lon, r.lat)) },
    ],
    schema: [
      { name: 'root', num_children: 6 },
      { name: 'id', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' },
      { name: 'title', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' },
      { name: 'date', type: 'INT32', converted_type: 'DATE', repetition_type: 'REQUIRED' },
      { name: 'fatalities', type: 'INT64', repetition_type: 'REQUIRED' },
      {
        name: 'updated',
        type: 'INT64',
        converted_type: 'TIMESTAMP_MILLIS',
        repetition_type: 'REQUIRED',
      },
      { name: 'geometry', type: 'BYTE_ARRAY', repetition_type: 'REQUIRED' },
    ],
    kvMetadata: [{ key: 'geo', value: JSON.stringify(geo) }],
  });
  writeFileSync(join(DIR, 'events.geoparquet'), new Uint8Array(buffer));
}

writeDatelineParquet('dateline.csv', 'dateline.parquet');
writeDatelineParquet('dateline-bad-row.csv', 'dateline-bad-row.parquet');
const arrow = datelineArrow();
writeFileSync(join(DIR, 'dateline.arrow'), tableToIPC(arrow, 'file'));
writeFileSync(join(DIR, 'dateline.arrows'), tableToIPC(arrow, 'stream'));
writeGeoParquet();
console.log(`wrote the Parquet and Arrow fixtures into ${DIR}`);
