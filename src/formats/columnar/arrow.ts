// Arrow IPC files (the file format, `ARROW1`, and the stream format) into columns, with
// apache-arrow. Each column becomes a plain array: lists become arrays, structs objects, dates
// and timestamps `Date`s (Arrow gives them as numbers). This module is loaded by the import worker
// only when a file is Arrow, so apache-arrow is not in the page's bundle.
import { DataType, tableFromIPC, type Vector } from 'apache-arrow';
import type { Columnar } from './columnTable';

const GEOMETRY_NAMES = ['geometry', 'geom', 'wkb_geometry'];

function columnOf(vector: Vector, rows: number): unknown[] {
  const type = vector.type as DataType;
  if (DataType.isDictionary(type)) return dictionaryColumn(vector);
  const asDate = DataType.isDate(type) || DataType.isTimestamp(type);
  const out = new Array<unknown>(rows);
  for (let r = 0; r < rows; r++) {
    const v: unknown = vector.get(r);
    if (v === null || v === undefined) out[r] = undefined;
    else if (asDate) out[r] = new Date(typeof v === 'bigint' ? Number(v) : (v as number));
    else out[r] = v;
  }
  return out;
}

/**
 * A dictionary-encoded column: each dictionary read once, and every row given its value (one
 * string per distinct value, so the column importer looks each up by a string whose hash is
 * known), where `vector.get` would decode the value again for every row.
 */
function dictionaryColumn(vector: Vector): unknown[] {
  const out: unknown[] = [];
  const read = new Map<Vector, unknown[]>();
  for (const data of vector.data) {
    const dictionary = data.dictionary;
    let values = dictionary ? read.get(dictionary) : [];
    if (values === undefined && dictionary) {
      values = columnOf(dictionary, dictionary.length);
      read.set(dictionary, values);
    }
    const keys = data.values as ArrayLike<number | bigint>;
    for (let i = 0; i < data.length; i++)
      out.push(data.getValid(i) ? values![Number(keys[i])] : undefined);
  }
  return out;
}

export function readArrow(bytes: Uint8Array): Columnar {
  const table = tableFromIPC(bytes);
  const header = table.schema.fields.map((f) => f.name);
  const rows = table.numRows;
  const columns = header.map((_, i) => columnOf(table.getChildAt(i)!, rows));
  const geoField = table.schema.fields.find(
    (f) =>
      f.metadata.get('ARROW:extension:name')?.startsWith('geoarrow.') ||
      GEOMETRY_NAMES.includes(f.name.toLowerCase()),
  );
  return { header, columns, rows, ...(geoField && { geometry: geoField.name }) };
}
