// A Parquet file's text columns read for the column path (./columnImport.ts) without hyparquet's
// cost per cell: hyparquet makes a `Uint8Array` view and then a string for every text cell, and
// an array for every row of a list column. Here a page's text cells are copied end to end and
// decoded by one `TextDecoder` call, each cell a slice of that string; a dictionary's values are
// decoded so, and its rows share them (as hyparquet's do); a list of texts is kept flat, where
// each row's items start and end (`TextList`), with no array per row.
//
// Read here: flat text columns (BYTE_ARRAY, UTF8/STRING or plain), and lists of texts in the
// standard three-level layout with required items, PLAIN or dictionary-encoded, data pages v1 or
// v2. Any other column (numbers, dates, geometry, structs…) is read by hyparquet as before
// (./parquet.ts). The texts are hyparquet's own, as `stringFromBytes` makes them (a cell that
// starts with a byte-order mark or a page that is not valid UTF-8 is decoded cell by cell).
import { parquetHeader } from 'hyparquet/src/column.js';
import { decompressPage } from 'hyparquet/src/datapage.js';
import { readRleBitPackedHybrid } from 'hyparquet/src/encoding.js';
import {
  getMaxDefinitionLevel,
  getMaxRepetitionLevel,
  getSchemaPath,
} from 'hyparquet/src/schema.js';
import type { ColumnChunk, Compressors, FileMetaData, SchemaElement } from 'hyparquet';

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

/** A list column of texts: row r's items are `values[start[r] .. start[r + 1]]`. */
export class TextList {
  constructor(
    readonly start: Uint32Array,
    readonly values: readonly string[],
    /** 1 where the row's list is null (hyparquet: undefined), not empty. */
    readonly nulls: Uint8Array,
  ) {}

  get length(): number {
    return this.start.length - 1;
  }
}

/** Not a column this reader reads: hyparquet reads it. */
class Unsupported extends Error {}

const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function isText(element: SchemaElement): boolean {
  const { type, converted_type: ctype, logical_type: ltype } = element;
  if (type !== 'BYTE_ARRAY' || element.name === 'inline') return false;
  if (ctype !== undefined && ctype !== 'UTF8' && ctype !== 'ENUM') return false;
  return ltype === undefined || ltype.type === 'STRING' || ltype.type === 'ENUM';
}

/** How a column is read here: flat text, or a list of required texts; null for hyparquet. */
function shapeOf(
  schema: SchemaElement[],
  name: string,
): { list: boolean; path: string[]; maxDef: number; listDef: number } | null {
  const top = getSchemaPath(schema, [name]);
  const node = top.at(-1)!;
  if (node.children.length === 0) {
    if (!isText(node.element) || node.element.repetition_type === 'REPEATED') return null;
    return { list: false, path: [name], maxDef: getMaxDefinitionLevel(top), listDef: 0 };
  }
  const { element } = node;
  const isList = element.converted_type === 'LIST' || element.logical_type?.type === 'LIST';
  if (!isList || element.repetition_type === 'REPEATED' || node.children.length !== 1) return null;
  const middle = node.children[0]!;
  if (middle.element.repetition_type !== 'REPEATED' || middle.children.length !== 1) return null;
  const leaf = middle.children[0]!;
  if (leaf.children.length > 0 || !isText(leaf.element)) return null;
  if (leaf.element.repetition_type !== 'REQUIRED') return null;
  const path = [name, middle.element.name, leaf.element.name];
  const full = getSchemaPath(schema, path);
  if (getMaxRepetitionLevel(full) !== 1) return null;
  const listDef = element.repetition_type === 'OPTIONAL' ? 1 : 0;
  return { list: true, path, maxDef: getMaxDefinitionLevel(full), listDef };
}

const bitWidth = (max: number) => 32 - Math.clz32(max);

/** Scratch space for a page's cells end to end. */
let scratch = new Uint8Array(1 << 16);

/**
 * `count` PLAIN byte arrays from `at` in `page` as texts, pushed to `out`: one decode for the
 * page, the cells slices of it.
 */
function readPlainTexts(page: Uint8Array, at: number, count: number, out: string[]): number {
  const view = new DataView(page.buffer, page.byteOffset, page.byteLength);
  const size = page.length - at;
  if (scratch.length < size) scratch = new Uint8Array(size * 2);
  const buf = scratch;
  const ends = new Uint32Array(count);
  let w = 0;
  let high = 0;
  let bom = false;
  let p = at;
  for (let i = 0; i < count; i++) {
    const length = view.getUint32(p, true);
    p += 4;
    if (p + length > page.length) throw new Error('parquet byte array past the page');
    if (length >= 3 && page[p] === 0xef && page[p + 1] === 0xbb && page[p + 2] === 0xbf) bom = true;
    if (length > 24) {
      const cell = page.subarray(p, p + length);
      buf.set(cell, w);
    } else for (let k = 0; k < length; k++) buf[w + k] = page[p + k]!;
    p += length;
    w += length;
    ends[i] = w;
  }
  const cells = (from: number) => {
    // Cell by cell, as hyparquet does (stringFromBytes).
    let start = 0;
    for (let i = 0; i < count; i++) {
      if (i >= from) out.push(stringFromBytes(buf.subarray(start, ends[i]))!);
      start = ends[i]!;
    }
  };
  for (let k = 0; k < w; k++) high |= buf[k]!;
  if (high < 0x80) {
    const text = fatal.decode(buf.subarray(0, w));
    let start = 0;
    for (let i = 0; i < count; i++) {
      out.push(text.slice(start, ends[i]));
      start = ends[i]!;
    }
    return p;
  }
  if (bom) {
    cells(0);
    return p;
  }
  let text: string;
  try {
    text = fatal.decode(buf.subarray(0, w));
  } catch {
    cells(0);
    return p;
  }
  // Valid UTF-8: a cell's UTF-16 length is its bytes that start a character, and one more for
  // each of four bytes (a surrogate pair).
  let start = 0;
  let u = 0;
  let b = 0;
  for (let i = 0; i < count; i++) {
    const end = ends[i]!;
    for (; b < end; b++) {
      const c = buf[b]!;
      if ((c & 0xc0) !== 0x80) u += c >= 0xf0 ? 2 : 1;
    }
    out.push(text.slice(start, u));
    start = u;
  }
  return p;
}

interface Levels {
  rep: number[] | null;
  def: number[] | null;
}

/** One column chunk's rows, pushed to `out` (and, for a list, its levels to `levels`). */
function readChunk(
  bytes: Uint8Array,
  chunk: ColumnChunk,
  shape: NonNullable<ReturnType<typeof shapeOf>>,
  compressors: Compressors,
  emit: (values: string[], levels: Levels) => void,
) {
  const meta = chunk.meta_data;
  if (!meta) throw new Unsupported();
  const from = Number(meta.dictionary_page_offset ?? meta.data_page_offset);
  const end = from + Number(meta.total_compressed_size);
  const reader = {
    view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    offset: from,
  };
  let dictionary: string[] | undefined;
  let seen = 0;
  const total = Number(meta.num_values);
  const maxRep = shape.list ? 1 : 0;
  while (seen < total && reader.offset < end) {
    const header = parquetHeader(reader);
    const compressed = bytes.subarray(reader.offset, reader.offset + header.compressed_page_size);
    reader.offset += header.compressed_page_size;
    if (header.type === 'DICTIONARY_PAGE') {
      const n = header.dictionary_page_header!.num_values;
      const page = decompressPage(
        compressed,
        header.uncompressed_page_size,
        meta.codec,
        compressors,
      );
      dictionary = [];
      readPlainTexts(page, 0, n, dictionary);
      continue;
    }
    let page: Uint8Array;
    let at = 0;
    let n: number;
    let encoding: string;
    const levels: Levels = { rep: null, def: null };
    const pageView = (p: Uint8Array) => ({
      view: new DataView(p.buffer, p.byteOffset, p.byteLength),
      offset: 0,
    });
    if (header.type === 'DATA_PAGE') {
      const h = header.data_page_header!;
      n = h.num_values;
      encoding = h.encoding;
      page = decompressPage(compressed, header.uncompressed_page_size, meta.codec, compressors);
      const r = pageView(page);
      if (maxRep) readRleBitPackedHybrid(r, 1, (levels.rep = new Array<number>(n)));
      if (shape.maxDef)
        readRleBitPackedHybrid(r, bitWidth(shape.maxDef), (levels.def = new Array<number>(n)));
      at = r.offset;
    } else if (header.type === 'DATA_PAGE_V2') {
      const h = header.data_page_header_v2!;
      n = h.num_values;
      encoding = h.encoding;
      const r = pageView(compressed);
      if (maxRep)
        readRleBitPackedHybrid(
          r,
          1,
          (levels.rep = new Array<number>(n)),
          h.repetition_levels_byte_length,
        );
      r.offset = h.repetition_levels_byte_length;
      if (shape.maxDef)
        readRleBitPackedHybrid(
          r,
          bitWidth(shape.maxDef),
          (levels.def = new Array<number>(n)),
          h.definition_levels_byte_length,
        );
      const levelBytes = h.repetition_levels_byte_length + h.definition_levels_byte_length;
      const rest = compressed.subarray(levelBytes);
      const size = header.uncompressed_page_size - levelBytes;
      page =
        h.is_compressed !== false && size
          ? decompressPage(rest, size, meta.codec, compressors)
          : rest;
    } else {
      continue;
    }
    let present = n;
    if (levels.def) {
      present = 0;
      for (let i = 0; i < n; i++) if (levels.def[i] === shape.maxDef) present++;
    }
    const values: string[] = [];
    if (encoding === 'PLAIN') readPlainTexts(page, at, present, values);
    else if (encoding === 'PLAIN_DICTIONARY' || encoding === 'RLE_DICTIONARY') {
      if (!dictionary) throw new Error('parquet dictionary page missing');
      const r = { view: new DataView(page.buffer, page.byteOffset, page.byteLength), offset: at };
      const width = page[at]!;
      r.offset++;
      const codes = new Array<number>(present);
      if (width) readRleBitPackedHybrid(r, width, codes, page.length - r.offset);
      else codes.fill(0);
      for (let i = 0; i < present; i++) {
        const v = dictionary[codes[i]!];
        if (v === undefined) throw new Error('parquet dictionary index out of range');
        values.push(v);
      }
    } else throw new Unsupported();
    seen += n;
    emit(values, levels);
  }
}

/**
 * The text columns of a Parquet file this reader reads, by name (a string array, or a
 * `TextList`); the others are left to hyparquet.
 */
export function readTextColumns(
  bytes: Uint8Array,
  metadata: FileMetaData,
  names: readonly string[],
  compressors: Compressors,
): Map<string, string[] | TextList> {
  const out = new Map<string, string[] | TextList>();
  const rows = Number(metadata.num_rows);
  for (const name of names) {
    const shape = shapeOf(metadata.schema, name);
    if (!shape) continue;
    const key = shape.path.join('.');
    try {
      if (!shape.list) {
        // Made at its full length and filled by position: grown a page at a time, a million
        // rows' array was copied ~20 times and its old copies left as garbage.
        const column = new Array<string | undefined>(rows);
        let filled = 0;
        for (const group of metadata.row_groups) {
          const chunk = group.columns.find((c) => c.meta_data?.path_in_schema.join('.') === key);
          if (!chunk) throw new Unsupported();
          readChunk(bytes, chunk, shape, compressors, (values, { def }) => {
            const n = def ? def.length : values.length;
            if (filled + n > rows) throw new Unsupported();
            if (!def) for (let k = 0; k < n; k++) column[filled++] = values[k];
            else {
              let k = 0;
              for (const d of def) column[filled++] = d === shape.maxDef ? values[k++] : undefined;
            }
          });
        }
        if (filled !== rows) throw new Unsupported();
        out.set(name, column as string[]);
      } else {
        const start = new Uint32Array(rows + 1);
        const nulls = new Uint8Array(rows);
        const values: string[] = [];
        let row = -1;
        for (const group of metadata.row_groups) {
          const chunk = group.columns.find((c) => c.meta_data?.path_in_schema.join('.') === key);
          if (!chunk) throw new Unsupported();
          readChunk(bytes, chunk, shape, compressors, (page, { rep, def }) => {
            let k = 0;
            for (let i = 0; i < rep!.length; i++) {
              const d = def ? def[i]! : shape.maxDef;
              if (rep![i] === 0) {
                row++;
                if (row >= rows) throw new Unsupported();
                start[row] = values.length;
                if (d < shape.listDef) nulls[row] = 1;
              }
              if (d === shape.maxDef) values.push(page[k++]!);
              else if (d > shape.listDef) throw new Unsupported();
            }
          });
        }
        if (row !== rows - 1) throw new Unsupported();
        start[rows] = values.length;
        out.set(name, new TextList(start, values, nulls));
      }
    } catch (err) {
      if (!(err instanceof Unsupported)) throw err;
    }
  }
  return out;
}
