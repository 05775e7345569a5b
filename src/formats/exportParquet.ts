// Export as Parquet (hyparquet-writer): Dateline CSV's columns with their own types — `lat` and
// `lon` doubles, `approximate` a boolean, `actors` and `tags` lists of text (`name:role` items) —
// then the geocoding columns and one text column per `extra` key, as the CSV export writes them.
// Empty text is null. Snappy-compressed, as Parquet readers expect by default. Loaded by the page
// only when a Parquet export is asked for.
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { Dataset, DatelineEvent } from '../model/dataset';
import { eventFields, extraKeys, extraName, extraText, GEOCODING_COLUMNS } from './eventFields';
import { DATELINE_COLUMNS } from './fields';

type SchemaElement = NonNullable<Parameters<typeof parquetWriteBuffer>[0]['schema']>[number];

const DOUBLES = new Set(['lat', 'lon']);
const LISTS = new Set(['actors', 'tags']);

const text = (name: string): SchemaElement => ({
  name,
  type: 'BYTE_ARRAY',
  converted_type: 'UTF8',
  repetition_type: 'OPTIONAL',
});

/** A LIST of UTF8 in the standard three-level form every Parquet reader knows. */
const list = (name: string): SchemaElement[] => [
  { name, repetition_type: 'OPTIONAL', converted_type: 'LIST', num_children: 1 },
  { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
  { name: 'element', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
];

const orNull = (s: string) => (s === '' ? null : s);

export function exportParquet(
  dataset: Dataset,
  events: readonly DatelineEvent[],
): Uint8Array<ArrayBuffer> {
  const extras = extraKeys(events);
  const fields = events.map((e) => eventFields(e, dataset));
  const schema: SchemaElement[] = [];
  const columnData: Array<{ name: string; data: unknown[] }> = [];
  for (const name of DATELINE_COLUMNS) {
    if (DOUBLES.has(name)) {
      schema.push({ name, type: 'DOUBLE', repetition_type: 'OPTIONAL' });
      columnData.push({ name, data: fields.map((f) => f[name as 'lat' | 'lon'] ?? null) });
    } else if (name === 'approximate') {
      schema.push({ name, type: 'BOOLEAN', repetition_type: 'REQUIRED' });
      columnData.push({ name, data: fields.map((f) => f.approximate) });
    } else if (LISTS.has(name)) {
      schema.push(...list(name));
      columnData.push({ name, data: fields.map((f) => f[name as 'actors' | 'tags']) });
    } else {
      schema.push(text(name));
      columnData.push({ name, data: fields.map((f) => orNull(String(f[name]))) });
    }
  }
  for (const name of GEOCODING_COLUMNS) {
    schema.push(text(name));
    columnData.push({ name, data: fields.map((f) => orNull(f[name])) });
  }
  for (const key of extras) {
    const name = extraName(key);
    schema.push(text(name));
    columnData.push({ name, data: events.map((e) => orNull(extraText(e.extra?.[key]))) });
  }
  const root: SchemaElement = { name: 'root', num_children: columnData.length };
  const buffer = parquetWriteBuffer({
    columnData: columnData as Parameters<typeof parquetWriteBuffer>[0]['columnData'],
    schema: [root, ...schema],
    kvMetadata: [{ key: 'dateline', value: 'dateline/1 events, Dateline CSV columns' }],
    createdBy: 'Dateline',
  });
  return new Uint8Array(buffer);
}
