import { describe, expect, it } from 'vitest';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { readParquet, readParquetColumns } from './parquet';
import { TextList } from './parquetText';

type Options = Parameters<typeof parquetWriteBuffer>[0];
type SchemaElement = NonNullable<Options['schema']>[number];

const text = (name: string, repetition: 'REQUIRED' | 'OPTIONAL'): SchemaElement => ({
  name,
  type: 'BYTE_ARRAY',
  converted_type: 'UTF8',
  repetition_type: repetition,
});
const list = (name: string, repetition: 'REQUIRED' | 'OPTIONAL'): SchemaElement[] => [
  { name, repetition_type: repetition, converted_type: 'LIST', num_children: 1 },
  { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
  { name: 'element', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' },
];

/** A list column as hyparquet gives it: an array per row, undefined for a null list. */
const rowsOf = (l: TextList) =>
  Array.from({ length: l.length }, (_, r) =>
    l.nulls[r] ? undefined : l.values.slice(l.start[r], l.start[r + 1]),
  );

/** Both reads of one file: every column the same, lists as hyparquet's arrays. */
async function same(options: Options) {
  const buffer = parquetWriteBuffer(options);
  const old = await readParquet(buffer);
  const fast = await readParquetColumns(buffer);
  expect(fast.header).toEqual(old.header);
  expect(fast.rows).toBe(old.rows);
  const lists = fast.lists ?? new Map<number, TextList>();
  old.header.forEach((_, i) => {
    const got = lists.has(i) ? rowsOf(lists.get(i)!) : Array.from(fast.columns[i]!);
    const want = Array.from(old.columns[i]!, (v) => v ?? undefined);
    expect(got.map((v) => v ?? undefined)).toEqual(want);
  });
  return fast;
}

// Cells from a pool with repeats (dictionary pages) and many distinct ones (plain pages): ASCII,
// accents, Arabic, Hebrew, emoji (surrogate pairs), a byte-order mark at the start, empty.
const POOL = ['', 'a', 'abc def', 'é', 'مرحبا', 'שלום', '😀 x', '\ufeffbom', 'x\ufeffy', ' sp '];
function cell(i: number, distinct: boolean): string {
  const base = POOL[(i * 7) % POOL.length]!;
  return distinct ? `${base}${i}` : base;
}

describe('Parquet text columns read for the column path (parquetText.ts)', () => {
  it('read as hyparquet reads them: plain and dictionary pages, nulls, lists, several pages', async () => {
    const n = 5000;
    const fast = await same({
      columnData: [
        { name: 'plain', data: Array.from({ length: n }, (_, i) => cell(i, true)) },
        { name: 'dict', data: Array.from({ length: n }, (_, i) => cell(i, false)) },
        {
          name: 'nullable',
          data: Array.from({ length: n }, (_, i) => (i % 3 === 0 ? null : cell(i, i % 2 === 0))),
        },
        {
          name: 'tags',
          data: Array.from({ length: n }, (_, i) =>
            i % 5 === 0 ? null : i % 5 === 1 ? [] : [cell(i, false), cell(i + 1, i % 2 === 0)],
          ),
        },
        {
          name: 'actors',
          data: Array.from({ length: n }, (_, i) =>
            i % 4 === 0 ? [] : Array.from({ length: i % 4 }, (_k, k) => cell(i + k, true)),
          ),
        },
        { name: 'n', data: Array.from({ length: n }, (_, i) => i * 0.5) },
      ],
      schema: [
        { name: 'root', num_children: 6 },
        text('plain', 'REQUIRED'),
        text('dict', 'REQUIRED'),
        text('nullable', 'OPTIONAL'),
        ...list('tags', 'OPTIONAL'),
        ...list('actors', 'REQUIRED'),
        { name: 'n', type: 'DOUBLE', repetition_type: 'REQUIRED' },
      ],
      rowGroupSize: [700, 3000],
      pageSize: 4096,
    } as Options);
    // The texts and the lists were read here, the numbers by hyparquet.
    expect(fast.lists?.size).toBe(2);
    expect(fast.columns[0]).toBeInstanceOf(Array);
  });

  it('a cell that is not UTF-8 reads as hyparquet reads it (U+FFFD), its page cell by cell', async () => {
    const bad = new Uint8Array([0x61, 0xff, 0x62]);
    const good = new TextEncoder().encode('ok é');
    const fast = await same({
      columnData: [
        {
          name: 'raw',
          data: Array.from({ length: 300 }, (_, i) => (i === 7 ? bad : good)),
        },
        { name: 'other', data: Array.from({ length: 300 }, (_, i) => `row ${i} ü`) },
      ],
      schema: [
        { name: 'root', num_children: 2 },
        { name: 'raw', type: 'BYTE_ARRAY', repetition_type: 'REQUIRED' },
        text('other', 'REQUIRED'),
      ],
    } as Options);
    expect(fast.columns[0]![7]).toBe('a\ufffdb');
  });
});
