// A large Parquet file of events with Dateline CSV's columns, for the benchmark (100,000 and
// 1,000,000 events) and the e2e test that opens 100,000 from `?data=`. Never committed:
//
//   npx tsx scripts/gen-parquet.ts --events 1000000 --out bench-results/data/events-1m.parquet
//
// Rows as scripts/largeCsv.ts makes them (dates over five years, sixteen cities, a few hundred
// actors); `actors` and `tags` are list columns, `lat`/`lon` doubles, Snappy-compressed.
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { LARGE_COLUMNS, largeRow } from './largeCsv';

type SchemaElement = NonNullable<Parameters<typeof parquetWriteBuffer>[0]['schema']>[number];
type ColumnData = Parameters<typeof parquetWriteBuffer>[0]['columnData'];

/** The file's bytes, for `events` rows. */
export function largeParquet(events: number): Uint8Array {
  const columns = LARGE_COLUMNS.map(() => new Array<unknown>(events));
  for (let i = 0; i < events; i++) {
    const row = largeRow(i);
    LARGE_COLUMNS.forEach((c, k) => (columns[k]![i] = row[c]));
  }
  const schema: SchemaElement[] = [{ name: 'root', num_children: LARGE_COLUMNS.length }];
  for (const name of LARGE_COLUMNS) {
    if (name === 'lat' || name === 'lon')
      schema.push({ name, type: 'DOUBLE', repetition_type: 'REQUIRED' });
    else if (name === 'actors' || name === 'tags')
      schema.push(
        { name, repetition_type: 'OPTIONAL', converted_type: 'LIST', num_children: 1 },
        { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
        {
          name: 'element',
          type: 'BYTE_ARRAY',
          converted_type: 'UTF8',
          repetition_type: 'REQUIRED',
        },
      );
    else
      schema.push({
        name,
        type: 'BYTE_ARRAY',
        converted_type: 'UTF8',
        repetition_type: 'REQUIRED',
      });
  }
  const columnData = LARGE_COLUMNS.map((name, k) => ({ name, data: columns[k]! }));
  return new Uint8Array(parquetWriteBuffer({ columnData: columnData as ColumnData, schema }));
}

/**
 * The file of `events` rows in `dir` (`events-<n>.parquet`), written unless one newer than the
 * rows' generator is there.
 */
export function parquetFile(
  dir: string,
  events: number,
): { path: string; name: string; fresh: boolean } {
  mkdirSync(dir, { recursive: true });
  const name = `events-${events}.parquet`;
  const path = join(dir, name);
  const fresh =
    !existsSync(path) || statSync(path).mtimeMs < statSync('scripts/largeCsv.ts').mtimeMs;
  if (fresh) writeFileSync(path, largeParquet(events));
  return { path, name, fresh };
}

function main() {
  const { values } = parseArgs({
    options: {
      events: { type: 'string', default: '1000000' },
      out: { type: 'string', default: 'bench-results/data/events-1m.parquet' },
    },
  });
  const events = Number(values.events);
  const bytes = largeParquet(events);
  writeFileSync(values.out, bytes);
  console.log(`wrote ${values.out}: ${events} events, ${(bytes.length / 2 ** 20).toFixed(1)} MB`);
}

if (process.argv[1]?.endsWith('gen-parquet.ts')) main();
