// The column path against the row path: on the fixtures, generated files of the bench's rows,
// and random files whose cells are drawn from good and bad values (dates, types, places,
// actors as lists, as `;`-joined text and as structs, missing and extra columns), both give the
// same events, the same index, the same actors, places and sources, and the same report; the
// column path declines every file on which the row path has anything to say about a row.
import { readFileSync } from 'node:fs';
import {
  Bool,
  Dictionary,
  Field,
  Float64,
  Int32,
  List,
  Struct,
  Table,
  tableToIPC,
  Utf8,
  vectorFromArray,
  type Vector,
} from 'apache-arrow';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { EventMaker } from '../../model/eventTable';
import { buildEventIndex, indexColumnsOf } from '../../model/filter/eventIndex';
import { largeParquet } from '../../../scripts/gen-parquet';
import type { Imported } from '../draft';
import { repeatedId, type ColumnImported } from './columnImport';
import { columnarFormatOf, importColumnar, importColumnarAsColumns } from './index';

type SchemaElement = NonNullable<Parameters<typeof parquetWriteBuffer>[0]['schema']>[number];
type ColumnData = Parameters<typeof parquetWriteBuffer>[0]['columnData'];

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../fixtures/${name}`, import.meta.url)));

/** Both paths on one file: the row path's result, and the column path's (or why it declined). */
async function bothPaths(bytes: Uint8Array, name: string) {
  const format = columnarFormatOf(bytes, name)!;
  const rows = await importColumnar(bytes, format, { fileName: name });
  const columns = await importColumnarAsColumns(bytes, format, { fileName: name });
  return { rows, columns };
}

/** The column path's result; throws, saying why, when it declined. */
function columnsOf(result: Awaited<ReturnType<typeof importColumnarAsColumns>>): ColumnImported {
  if ('declined' in result) throw new Error(`declined: ${result.declined}`);
  return result.columns;
}

/** A file the column path declined: the result is the row path's, word for word. */
function expectRowPath(
  rows: Imported,
  result: Awaited<ReturnType<typeof importColumnarAsColumns>>,
) {
  expect(result).toStrictEqual({ ...rows, declined: expect.any(String) as string });
}

/** The column path's dataset is the row path's: events (made from the columns), index, head, report. */
function expectSame(rows: Imported, columns: ColumnImported): void {
  const maker = new EventMaker(columns.table, columns.index);
  const events = Array.from({ length: maker.n }, (_, i) => maker.event(i));
  // Deep equal: the loader's events carry some fields as `undefined` (fastEvent's one shape)
  // where the columns' events leave them out.
  expect(events).toEqual(rows.dataset.events);
  expect(columns.index).toEqual(indexColumnsOf(buildEventIndex(rows.dataset)));
  const { events: _events, eventById: _byId, ...head } = rows.dataset;
  expect(columns.head).toEqual(head);
  expect(columns.report).toStrictEqual(rows.report);
}

describe('the column path gives what the row path gives', () => {
  it.each(['dateline.parquet', 'dateline.arrow', 'dateline.arrows', 'events.geoparquet'])(
    '%s (list and `;`-joined actors, a GeoParquet point, DATE and INT64 columns)',
    async (name) => {
      const { rows, columns } = await bothPaths(fixture(name), name);
      expect(rows.report.eventsAccepted).toBeGreaterThan(0);
      expectSame(rows, columnsOf(columns));
    },
  );

  it('a bad row: declined, and the row path tells it by row and column', async () => {
    const name = 'dateline-bad-row.parquet';
    const { rows, columns } = await bothPaths(fixture(name), name);
    expect('declined' in columns && columns.declined).toMatch(/overnight/);
    expectRowPath(rows, columns);
  });

  it('the bench’s generated rows (2,000, list columns, sixteen places, hundreds of actors)', async () => {
    const { rows, columns } = await bothPaths(largeParquet(2000), 'events-2000.parquet');
    expect(rows.report.eventsAccepted).toBe(2000);
    expectSame(rows, columnsOf(columns));
  });
});

/** A small seeded generator (mulberry32), so a failing file can be made again. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Cell = string | number | boolean | null | string[] | Array<{ name: string; role: string }>;

/** Cells a column may hold: good ones first, then ones the row path has something to say of. */
const POOLS: Record<string, { good: Cell[]; bad: Cell[] }> = {
  title: {
    good: ['Talks open', 'Convoy enters Rafah', 'Tom &amp; Jerry meet', 'Envoy arrives'],
    bad: ['', null, '<b>Bold</b> move', '&nbsp;'],
  },
  summary: {
    good: [null, '', 'Officials met.', 'Line one\nline two', 'A &lt; B'],
    bad: ['<p>Marked up</p>'],
  },
  type: { good: [null, 'statement', 'Military', 'negotiation'], bad: ['riot'] },
  status: { good: [null, 'occurred', 'Scheduled'], bad: ['maybe'] },
  start: {
    good: ['2024-03-05', '2024-03-05', '2024-03', '2025', '2024-03-05T10:00Z', '1999-12-31'],
    bad: ['overnight', '', '05/03/2024', '2024-03-05/2024-03-09'],
  },
  end: { good: [null, null, null, '2026-03-07'], bad: ['2020-01-01', '2024', 'soon'] },
  precision: { good: [null, ''], bad: ['month', 'daily', 'year'] },
  approximate: { good: [null, false, true], bad: [] },
  time_text: { good: [null, 'early March'], bad: [] },
  place: { good: ['Cairo', 'Doha', null], bad: ['Nowhere town'] },
  place_precision: { good: [null, 'city', 'Exact'], bad: ['town'] },
  actors: {
    good: [
      [],
      ['Qatar:mediator'],
      ['Qatar:mediator', 'Egypt', 'qatar:host'],
      ['Hamas:party', 'Hamas:party'],
    ],
    bad: [['Israel:aggressor']],
  },
  claim_by: { good: [null, 'Qatar', 'Reuters', 'AP News'], bad: [] },
  claim_status: { good: [null, 'claimed', 'Confirmed'], bad: ['rumour'] },
  tags: { good: [[], ['talks'], ['talks', 'aid', 'talks'], [' spaced ']], bad: [] },
  notes: { good: [null, 'kept in extra', '  padded  '], bad: [] },
  'extra.type': { good: [null, 'original type'], bad: [] },
};
const PLACES: Record<string, [number, number]> = {
  Cairo: [30.0444, 31.2357],
  Doha: [25.2854, 51.531],
};

interface Generated {
  header: string[];
  rows: Array<Record<string, Cell>>;
  actorsAs: 'list' | 'text' | 'struct';
  approximateAs: 'bool' | 'text';
  /** Arrow: some text columns dictionary-encoded, as a data tool writes repeated values. */
  dictionary: boolean;
}

/** A file of 40 rows; `bad` is the chance that a cell is one the row path reports. */
function generate(next: () => number, bad: number): Generated {
  const pick = <T>(a: readonly T[]) => a[Math.floor(next() * a.length)]!;
  const optional = Object.keys(POOLS).filter((c) => !['title', 'start'].includes(c));
  const header = ['id', 'title', 'start', ...optional.filter(() => next() < 0.7), 'lat', 'lon'];
  const withId = next() < 0.8;
  const rows: Generated['rows'] = [];
  for (let i = 0; i < 40; i++) {
    const row: Record<string, Cell> = {};
    for (const column of header) {
      const pool = POOLS[column];
      if (!pool) continue;
      row[column] = pool.bad.length > 0 && next() < bad ? pick(pool.bad) : pick(pool.good);
    }
    // An end at another precision than the start is reported (both read to the coarser).
    if (row.end === '2026-03-07' && !/^\d{4}-\d\d-\d\d$/.test(String(row.start))) row.end = null;
    row.id = withId ? (next() < bad ? pick(['E 5', 'e1', '']) : `e${i}`) : null;
    const place = typeof row.place === 'string' ? PLACES[row.place] : undefined;
    row.lat = place ? place[0] : next() < bad ? 95 : null;
    row.lon = place ? place[1] : null;
    if (row.place === null && next() < 0.3) [row.lat, row.lon] = [31.5, 34.45];
    rows.push(row);
  }
  return {
    header: withId ? header : header.filter((h) => h !== 'id'),
    rows,
    actorsAs: pick(['list', 'text', 'struct'] as const),
    approximateAs: pick(['bool', 'text'] as const),
    dictionary: next() < 0.5,
  };
}

const asText = (v: Cell): string | null =>
  v === null ? null : Array.isArray(v) ? v.map(String).join('; ') : String(v);
const actorStructs = (v: Cell) =>
  (Array.isArray(v) ? v : []).map((a) => {
    const [name, role] = String(a).split(':');
    return role === undefined ? { name: name! } : { name: name!, role };
  });

function writeParquet(g: Generated): Uint8Array {
  const schema: SchemaElement[] = [{ name: 'root', num_children: g.header.length }];
  const columnData: Array<{ name: string; data: unknown[] }> = [];
  for (const name of g.header) {
    const values = g.rows.map((r) => r[name] ?? null);
    const list = name === 'tags' || (name === 'actors' && g.actorsAs !== 'text');
    if (name === 'lat' || name === 'lon') {
      schema.push({ name, type: 'DOUBLE', repetition_type: 'OPTIONAL' });
      columnData.push({ name, data: values });
    } else if (name === 'approximate' && g.approximateAs === 'bool') {
      schema.push({ name, type: 'BOOLEAN', repetition_type: 'OPTIONAL' });
      columnData.push({ name, data: values });
    } else if (list) {
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
      columnData.push({ name, data: values });
    } else {
      schema.push({
        name,
        type: 'BYTE_ARRAY',
        converted_type: 'UTF8',
        repetition_type: 'OPTIONAL',
      });
      columnData.push({ name, data: values.map(asText) });
    }
  }
  return new Uint8Array(parquetWriteBuffer({ columnData: columnData as ColumnData, schema }));
}

function writeArrow(g: Generated): Uint8Array {
  const columns: Record<string, Vector> = {};
  for (const name of g.header) {
    const values = g.rows.map((r) => r[name] ?? null);
    if (name === 'lat' || name === 'lon')
      columns[name] = vectorFromArray(values as Array<number | null>, new Float64());
    else if (name === 'approximate' && g.approximateAs === 'bool')
      columns[name] = vectorFromArray(values as Array<boolean | null>, new Bool());
    else if (name === 'actors' && g.actorsAs === 'struct')
      columns[name] = vectorFromArray(
        values.map(actorStructs),
        new List(
          new Field(
            'item',
            new Struct([new Field('name', new Utf8()), new Field('role', new Utf8(), true)]),
          ),
        ),
      );
    else if (name === 'tags' || (name === 'actors' && g.actorsAs === 'list'))
      columns[name] = vectorFromArray(
        values.map((v) => (Array.isArray(v) ? v.map(String) : [])),
        new List(new Field('item', new Utf8(), true)),
      );
    else if (g.dictionary && ['type', 'status', 'start', 'place', 'notes'].includes(name))
      columns[name] = vectorFromArray(values.map(asText), new Dictionary(new Utf8(), new Int32()));
    else columns[name] = vectorFromArray(values.map(asText), new Utf8());
  }
  return tableToIPC(new Table(columns), 'file');
}

describe('random files: the same events and problems by either path', () => {
  it('200 files, Parquet and Arrow, clean and with bad cells', async () => {
    const next = random(15);
    const taken = { columns: 0, declined: 0 };
    const silent: string[] = [];
    for (let trial = 0; trial < 200; trial++) {
      const g = generate(next, trial % 2 === 0 ? 0 : 0.04);
      const arrow = trial % 3 === 0;
      const name = `random-${trial}.${arrow ? 'arrow' : 'parquet'}`;
      const bytes = arrow ? writeArrow(g) : writeParquet(g);
      const { rows, columns } = await bothPaths(bytes, name);
      if ('columns' in columns) {
        taken.columns++;
        expectSame(rows, columns.columns);
      } else {
        taken.declined++;
        expectRowPath(rows, columns);
        // The column path declines only where the row path has a word about the rows.
        if (rows.report.problems.length === 0) silent.push(`${name}: ${columns.declined}`);
      }
    }
    expect(silent).toEqual([]);
    expect(taken.columns).toBeGreaterThan(60);
    expect(taken.declined).toBeGreaterThan(60);
  });
});

describe('repeatedId: an id given twice, by hashes', () => {
  // "x4ht3tw" and "x10ea2ji" have the same 32-bit hash: they are told apart by their text.
  it('finds a repeat, and is not fooled by two ids of one hash', () => {
    expect(repeatedId(['a', 'b', 'c'])).toBeUndefined();
    expect(repeatedId(['a', 'b', 'a'])).toBe('a');
    expect(repeatedId(['x4ht3tw', 'x10ea2ji', 'y'])).toBeUndefined();
    expect(repeatedId(['x4ht3tw', 'x10ea2ji', 'x10ea2ji'])).toBe('x10ea2ji');
    expect(repeatedId(Array.from({ length: 50_000 }, (_, i) => `e${i}`))).toBeUndefined();
  });
});
