// A table held as columns (a Parquet or Arrow IPC file read by its library): the same `Table`
// the CSV importers read, so the file is mapped and validated with Dateline CSV's rules and its
// problems are told by row and column. Cells are read lazily, one row at a time, and turned into
// what the field readers know: text, numbers, booleans, lists, objects; 64-bit integers become
// numbers (or text, past 2^53), dates and timestamps ISO 8601 text, binary cells base64. A
// geometry column (GeoParquet, or WKB points) gives `lat` and `lon` when the file has neither.
import { Columns, headerKey } from '../csv';
import type { Draft, Origin } from '../draft';
import type { Field, FieldRecord } from '../record';
import { text } from '../record';
import type { Table } from '../table';
import { setOwn } from '../../model/own';
import type { TextList } from './parquetText';

/** A file's columns, each an array (or array-like) of one value per row. */
export interface Columnar {
  header: string[];
  columns: ArrayLike<unknown>[];
  rows: number;
  /**
   * Lists of texts kept flat (./parquetText.ts), by column: that column's `columns` entry is
   * empty. Only the column path (./columnImport.ts) reads a file so; the row path's files have
   * none.
   */
  lists?: ReadonlyMap<number, TextList>;
  /** The geometry column (GeoParquet's primary column, or one named `geometry`), if any. */
  geometry?: string;
}

/** The names of the two columns made from a geometry column. */
export const GEOMETRY_LAT = 'geometry.lat';
export const GEOMETRY_LON = 'geometry.lon';

/** "2024-03-05" for midnight UTC, else "2024-03-05T10:30:00Z" (milliseconds only when set). */
export function isoOf(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  if (iso.endsWith('T00:00:00.000Z')) return iso.slice(0, 10);
  return iso.endsWith('.000Z') ? `${iso.slice(0, 19)}Z` : iso;
}

function base64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** A WKB point (2D, either byte order, ISO or EWKB flags) as [lon, lat], else null. */
export function wkbPoint(bytes: Uint8Array): [number, number] | null {
  if (bytes.length < 21) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const little = bytes[0] === 1;
  const type = view.getUint32(1, little);
  const hasSrid = (type & 0x20000000) !== 0;
  if ((type & 0xffff) % 1000 !== 1) return null;
  const at = hasSrid ? 9 : 5;
  if (bytes.length < at + 16) return null;
  return [view.getFloat64(at, little), view.getFloat64(at + 8, little)];
}

/** A point geometry's [lon, lat]: GeoJSON (as hyparquet decodes GeoParquet) or WKB bytes. */
export function pointOf(value: unknown): [number, number] | null {
  if (value instanceof Uint8Array) return wkbPoint(value);
  if (typeof value !== 'object' || value === null) return null;
  const g = value as { type?: unknown; coordinates?: unknown };
  const c =
    g.type === 'Point'
      ? g.coordinates
      : g.type === 'MultiPoint' && Array.isArray(g.coordinates) && g.coordinates.length === 1
        ? g.coordinates[0]
        : null;
  if (!Array.isArray(c) || typeof c[0] !== 'number' || typeof c[1] !== 'number') return null;
  if (Number.isNaN(c[0]) || Number.isNaN(c[1])) return null;
  return [c[0], c[1]];
}

/** A cell as the field readers take it (see the header). */
export function plain(value: unknown, depth = 0): unknown {
  if (value === null || value === undefined) return undefined;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isNaN(value) ? undefined : value;
    case 'bigint':
      return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(-Number.MAX_SAFE_INTEGER)
        ? Number(value)
        : value.toString();
    case 'object':
      break;
    default:
      return String(value);
  }
  if (depth > 32) return '…';
  if (value instanceof Date) return isoOf(value);
  if (value instanceof Uint8Array) return base64(value);
  if (ArrayBuffer.isView(value) || Array.isArray(value))
    return Array.from(value as ArrayLike<unknown>, (v) => plain(v, depth + 1));
  // Arrow's vectors (lists) and rows (structs) say what they hold through toJSON.
  const toJSON = (value as { toJSON?: () => unknown }).toJSON;
  if (typeof toJSON === 'function') return plain(toJSON.call(value), depth + 1);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) setOwn(out, k, plain(v, depth + 1));
  return out;
}

/** One row of the columns, read as `FieldRecord`: problems name the column. */
class ColumnRecord implements FieldRecord {
  private readonly used = new Set<number>();

  constructor(
    private readonly table: ColumnTable,
    private readonly row: number,
  ) {}

  take(...keys: string[]): Field | undefined {
    const i = this.table.columns.find(...keys);
    if (i === undefined) return undefined;
    this.used.add(i);
    // The geometry is read whole as the place: it is not kept in extra too.
    if (i >= this.table.data.header.length) this.used.add(this.table.geometryIndex!);
    return this.field(i);
  }

  peek(...keys: string[]): Field | undefined {
    const i = this.table.columns.find(...keys);
    return i === undefined ? undefined : this.field(i);
  }

  private field(i: number): Field {
    const key = this.table.columns.name(i);
    return { value: this.table.cell(i, this.row), key, where: { column: key } };
  }

  rest(): Record<string, string> | undefined {
    let out: Record<string, string> | undefined;
    const { header } = this.table.data;
    for (let i = 0; i < header.length; i++) {
      if (this.used.has(i)) continue;
      // A point geometry read as lat/lon is the place; any other geometry stays as GeoJSON.
      if (i === this.table.geometryIndex && this.table.point(this.row)) continue;
      const value = text({ value: this.table.cell(i, this.row), key: header[i]!, where: {} });
      if (!value) continue;
      out ??= {};
      // Exports write an `extra` key named like a field as `extra.<key>`.
      const name = header[i]!;
      setOwn(out, name.startsWith('extra.') ? name.slice('extra.'.length) : name, value);
    }
    return out;
  }
}

export class ColumnTable implements Table {
  readonly header: string[];
  readonly rows: number;
  readonly columns: Columns;
  /** The geometry column's position, when it gives lat and lon. */
  readonly geometryIndex: number | undefined;

  constructor(readonly data: Columnar) {
    const keys = new Set(data.header.map(headerKey));
    const geometryIndex =
      data.geometry !== undefined &&
      !keys.has('lat') &&
      !keys.has('latitude') &&
      !keys.has('lon') &&
      !keys.has('lng') &&
      !keys.has('longitude')
        ? data.header.indexOf(data.geometry)
        : -1;
    this.geometryIndex = geometryIndex >= 0 ? geometryIndex : undefined;
    this.header =
      this.geometryIndex === undefined ? data.header : [...data.header, GEOMETRY_LAT, GEOMETRY_LON];
    this.columns = new Columns(this.header);
    this.rows = data.rows;
  }

  /** The point of a row's geometry, [lon, lat], or null. */
  point(row: number): [number, number] | null {
    if (this.geometryIndex === undefined) return null;
    return pointOf(this.data.columns[this.geometryIndex]![row]);
  }

  /** A cell, as the field readers take it; the two geometry columns give the point's parts. */
  cell(column: number, row: number): unknown {
    const own = this.data.header.length;
    if (column < own) return plain(this.data.columns[column]![row]);
    return this.point(row)?.[column === own ? 1 : 0];
  }

  each(draft: Draft, read: (rec: FieldRecord, origin: Origin, position: number) => void): void {
    for (let row = 0; row < this.rows; row++) {
      draft.progress(row, this.rows);
      // Rows are numbered from 1: the file has no header row.
      read(new ColumnRecord(this, row), { collection: 'events', row: row + 1 }, row + 1);
    }
  }

  sample(column: string, n = 200): string[] {
    const i = this.header.indexOf(column);
    const out: string[] = [];
    if (i < 0) return out;
    for (let row = 0; row < this.rows && out.length < n; row++) {
      const value = text({ value: this.cell(i, row), key: column, where: {} });
      if (value) out.push(value);
    }
    return out;
  }

  preview(n: number): string[][] {
    const out: string[][] = [];
    for (let row = 0; row < Math.min(n, this.rows); row++)
      out.push(this.header.map((h, i) => text({ value: this.cell(i, row), key: h, where: {} })));
    return out;
  }
}
