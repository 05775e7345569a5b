// Parquet (and GeoParquet) files into columns, with hyparquet (pure JavaScript, no WebAssembly):
// every top-level column read whole, a row group at a time. Snappy is hyparquet's own; gzip is
// fflate's, already in the bundle for KMZ. This module is loaded by the import worker only when a
// file is Parquet, so hyparquet is not in the page's bundle.
import { gunzipSync } from 'fflate';
import { parquetMetadata, parquetRead, parquetSchema } from 'hyparquet';
import type { Columnar } from './columnTable';
import { readTextColumns, stringFromBytes, TextList } from './parquetText';

/** The geometry column a GeoParquet file names as its primary one. */
function primaryGeometry(metadata: ReturnType<typeof parquetMetadata>): string | undefined {
  const geo = metadata.key_value_metadata?.find(({ key }) => key === 'geo')?.value;
  if (!geo) return undefined;
  try {
    const parsed = JSON.parse(geo) as { primary_column?: unknown };
    return typeof parsed.primary_column === 'string' ? parsed.primary_column : undefined;
  } catch {
    return undefined;
  }
}

const GEOMETRY_NAMES = ['geometry', 'geom', 'wkb_geometry'];

export { stringFromBytes };

export async function readParquet(bytes: ArrayBuffer): Promise<Columnar> {
  const metadata = parquetMetadata(bytes);
  const header = parquetSchema(metadata).children.map((c) => c.element.name);
  const rows = Number(metadata.num_rows);
  const columns = header.map(() => new Array<unknown>(rows));
  const at = new Map(header.map((h, i) => [h, i]));
  await parquetRead({
    file: bytes,
    metadata,
    compressors: { GZIP: (input: Uint8Array) => gunzipSync(input) },
    parsers: { stringFromBytes },
    onChunk: ({ columnName, columnData, rowStart, rowEnd }) => {
      const column = columns[at.get(columnName) ?? -1];
      if (!column) return;
      const end = Math.min(rowEnd, rows);
      for (let r = rowStart; r < end; r++) column[r] = columnData[r - rowStart];
    },
  });
  const geometry =
    primaryGeometry(metadata) ?? header.find((h) => GEOMETRY_NAMES.includes(h.toLowerCase()));
  return { header, columns, rows, ...(geometry !== undefined && { geometry }) };
}

/**
 * A Parquet file's columns for the column path (./columnImport.ts): the text columns read by
 * ./parquetText.ts (a string per cell, sliced from one decode per page; lists of texts as a
 * `TextList`), the others by hyparquet as `readParquet` reads them.
 */
export async function readParquetColumns(bytes: ArrayBuffer): Promise<Columnar> {
  const metadata = parquetMetadata(bytes);
  const header = parquetSchema(metadata).children.map((c) => c.element.name);
  const rows = Number(metadata.num_rows);
  const compressors = { GZIP: (input: Uint8Array) => gunzipSync(input) };
  const texts = readTextColumns(new Uint8Array(bytes), metadata, header, compressors);
  const rest = header.filter((h) => !texts.has(h));
  const lists = new Map<number, TextList>();
  const columns = header.map((h, i): ArrayLike<unknown> => {
    const text = texts.get(h);
    if (text instanceof TextList) {
      lists.set(i, text);
      return [];
    }
    return text ?? new Array<unknown>(rows);
  });
  const at = new Map(header.map((h, i) => [h, i]));
  if (rest.length > 0)
    await parquetRead({
      file: bytes,
      metadata,
      columns: rest,
      compressors,
      parsers: { stringFromBytes },
      onChunk: ({ columnName, columnData, rowStart, rowEnd }) => {
        const column = columns[at.get(columnName) ?? -1] as unknown[] | undefined;
        if (!column || texts.has(columnName)) return;
        const end = Math.min(rowEnd, rows);
        for (let r = rowStart; r < end; r++) column[r] = columnData[r - rowStart];
      },
    });
  const geometry =
    primaryGeometry(metadata) ?? header.find((h) => GEOMETRY_NAMES.includes(h.toLowerCase()));
  return { header, columns, rows, lists, ...(geometry !== undefined && { geometry }) };
}
