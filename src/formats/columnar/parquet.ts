// Parquet (and GeoParquet) files into columns, with hyparquet (pure JavaScript, no WebAssembly):
// every top-level column read whole, a row group at a time. Snappy is hyparquet's own; gzip is
// fflate's, already in the bundle for KMZ. This module is loaded by the import worker only when a
// file is Parquet, so hyparquet is not in the page's bundle.
import { gunzipSync } from 'fflate';
import { parquetMetadata, parquetRead, parquetSchema } from 'hyparquet';
import type { Columnar } from './columnTable';

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

const decoder = new TextDecoder();

/**
 * A UTF-8 cell as text. Most cells are short ASCII (ids, codes, dates), for which a call of the
 * browser's TextDecoder costs more than the decoding: those are made from their bytes at once;
 * any other goes to the decoder, as hyparquet's own parser does (malformed bytes become U+FFFD).
 */
export function stringFromBytes(bytes: Uint8Array | undefined): string | undefined {
  if (!bytes) return undefined;
  const n = bytes.length;
  if (n > 512) return decoder.decode(bytes);
  for (let i = 0; i < n; i++) if (bytes[i]! > 0x7f) return decoder.decode(bytes);
  return String.fromCharCode.apply(null, bytes as unknown as number[]);
}

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
