// Columnar files: Parquet (GeoParquet included) and Arrow IPC, told by their magic bytes (`PAR1`,
// `ARROW1`, an Arrow stream's first message) or, failing that, their extension, read by their
// library (loaded only when such a file comes) into columns, and imported as a Dateline CSV is:
// the same columns, the same validation, problems by row and column.
import { datelineMapping, fitMapping } from '../columns';
import type { Imported } from '../draft';
import { importTable, recogniseTable } from '../table';
import type { FormatId, ImportOptions } from '../types';
import { ColumnTable, GEOMETRY_LAT, GEOMETRY_LON, type Columnar } from './columnTable';
import { Declined, importColumns, type ColumnImported } from './columnImport';

export type ColumnarFormat = 'parquet' | 'arrow';

const ascii = (bytes: Uint8Array, from: number, n: number) =>
  String.fromCharCode(...bytes.subarray(from, from + n));

/** An Arrow IPC stream starts with a message: 0xFFFFFFFF, then its length (older: the length). */
function isArrowStream(bytes: Uint8Array): boolean {
  if (bytes.length < 8) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, 8);
  const first = view.getUint32(0, true);
  const length = first === 0xffffffff ? view.getUint32(4, true) : first;
  // A Schema message: a flatbuffer of a few hundred bytes; text files do not start this way.
  return first === 0xffffffff && length > 0 && length < 1 << 24;
}

/** Which columnar format a file is, by its bytes, else by its name; null for neither. */
export function columnarFormatOf(bytes: Uint8Array, name: string): ColumnarFormat | null {
  if (ascii(bytes, 0, 4) === 'PAR1') return 'parquet';
  if (ascii(bytes, 0, 6) === 'ARROW1' || isArrowStream(bytes)) return 'arrow';
  const extension = name.toLowerCase().split('.').pop() ?? '';
  if (extension === 'parquet' || extension === 'geoparquet') return 'parquet';
  if (['arrow', 'arrows', 'feather', 'ipc'].includes(extension)) return 'arrow';
  return null;
}

const FORMAT_IDS: Record<ColumnarFormat, FormatId> = { parquet: 'parquet', arrow: 'arrow-ipc' };
const LABELS: Record<ColumnarFormat, string> = { parquet: 'Parquet', arrow: 'Arrow IPC' };

/** The bytes as an ArrayBuffer of their own (hyparquet reads an ArrayBuffer). */
function wholeBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    ? (bytes.buffer as ArrayBuffer)
    : (bytes.slice().buffer as ArrayBuffer);
}

async function readColumns(bytes: Uint8Array, format: ColumnarFormat): Promise<Columnar> {
  if (format === 'parquet') {
    const { readParquet } = await import('./parquet');
    return readParquet(wholeBuffer(bytes));
  }
  const { readArrow } = await import('./arrow');
  return readArrow(bytes);
}

/** A file's columns, read by its library; an unreadable file is named, with why. */
async function readNamed(
  bytes: Uint8Array,
  format: ColumnarFormat,
  opts: ImportOptions,
): Promise<Columnar> {
  try {
    return await readColumns(bytes, format);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new Error(`${opts.fileName}: not a readable ${LABELS[format]} file (${why})`, {
      cause: err,
    });
  }
}

/** The row path: each row mapped and validated as a Dateline CSV row is. */
function importRows(
  data: Columnar,
  format: ColumnarFormat,
  opts: ImportOptions,
): { format: FormatId } & Imported {
  const table = new ColumnTable(data);
  let mapping = datelineMapping(table.header);
  let missing: readonly string[] = [];
  if (opts.columns) ({ mapping, missing } = fitMapping(opts.columns, table.header));
  else if (!mapping.start) mapping = recogniseTable(table).mapping;
  if (table.geometryIndex !== undefined && !mapping.lat && !mapping.lon)
    mapping = { ...mapping, lat: [GEOMETRY_LAT], lon: [GEOMETRY_LON] };
  const id = FORMAT_IDS[format];
  return { format: id, ...importTable(table, id, opts, mapping, missing) };
}

/**
 * Imports a Parquet or Arrow IPC file row by row, as a Dateline CSV is (the reference the column
 * path is held to). Its columns are Dateline CSV's (`start` or `date`, `lat` or a geometry
 * column…); a file with no date column under those names is read through the column guess, as a
 * CSV with named columns is. Throws, naming the file, when the library cannot read it.
 */
export async function importColumnar(
  bytes: Uint8Array,
  format: ColumnarFormat,
  opts: ImportOptions,
): Promise<{ format: FormatId } & Imported> {
  return importRows(await readNamed(bytes, format, opts), format, opts);
}

/**
 * Imports a Parquet or Arrow file column-wise when it can (./columnImport.ts: the events as
 * columns, no event objects), else row by row; `declined` says why it could not.
 */
export async function importColumnarAsColumns(
  bytes: Uint8Array,
  format: ColumnarFormat,
  opts: ImportOptions,
): Promise<
  { format: FormatId } & ({ columns: ColumnImported } | (Imported & { declined: string }))
> {
  const id = FORMAT_IDS[format];
  if (format === 'parquet') {
    // Text columns read for the column path (./parquetText.ts); a file it declines, or that
    // this read cannot take, is read again as the row path reads it, so its result (problems,
    // errors) is the row path's.
    let why = '';
    let data: Columnar | undefined;
    try {
      const { readParquetColumns } = await import('./parquet');
      data = await readParquetColumns(wholeBuffer(bytes));
    } catch (err) {
      // Not readable so: the row path's read names the file and says why.
      why = `unread: ${err instanceof Error ? err.message : String(err)}`;
    }
    if (data) {
      try {
        return { format: id, columns: importColumns(data, id, opts) };
      } catch (err) {
        if (!(err instanceof Declined)) throw err;
        why = err.message;
      }
    }
    return { ...(await importColumnar(bytes, format, opts)), declined: why };
  }
  const data = await readNamed(bytes, format, opts);
  try {
    return { format: id, columns: importColumns(data, id, opts) };
  } catch (err) {
    if (!(err instanceof Declined)) throw err;
    return { ...importRows(data, format, opts), declined: err.message };
  }
}
