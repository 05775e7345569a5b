// Writes a synthetic events table as Parquet, in the Dateline CSV columns, for the DuckDB query
// service (scripts/serve-data/), its e2e test and its benchmark:
//   npx tsx scripts/gen-events-parquet.ts --events 1000000 --seed 1 --out bench-results/data/events-1m.parquet
//   npx tsx scripts/gen-events-parquet.ts --events 10000 --out x.parquet --csv x.csv   (the same rows as Dateline CSV too)
// DuckDB writes it (`COPY … TO`), so 10 million rows take seconds, not the minutes a JS loop and a
// Parquet writer would. Every value comes from `hash(row, seed, k)`, never from `random()`, so the
// same seed gives the same rows whatever the thread count. Same seed, same file.
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { CLAIM_STATUSES, EVENT_TYPES, ROLES } from '../src/model/schema';
import { CITIES, WORDS } from './generate';

/** Names people would see; the first ones are picked far more often (u² below). */
export const GEN_ACTORS = [
  'Hamas',
  'Israel',
  'Qatar',
  'Egypt',
  'United States',
  'United Nations',
  'UNRWA',
  'Red Cross',
  'Jordan',
  'Turkey',
  'Saudi Arabia',
  'European Union',
  'Lebanon',
  'Hezbollah',
  'Iran',
  'Palestinian Authority',
  'WHO',
  'UNICEF',
  'Norway',
  'France',
  'Germany',
  'United Kingdom',
  'Russia',
  'China',
  'Oman',
  'Kuwait',
  'Morocco',
  'Algeria',
  'Syria',
  'Iraq',
];

const SOURCES = ['Reuters', 'Associated Press', 'Al Jazeera', 'Caliber.Az'];

/** A SQL list literal of fixed strings (ours, never a user's), for `list_element`. */
const list = (xs: readonly string[]) =>
  `[${xs.map((x) => `'${x.replaceAll("'", "''")}'`).join(', ')}]`;

/**
 * The SELECT that makes `n` rows for `seed` (both bound as $n and $seed). `u(k)` is the k-th
 * uniform number of a row, in [0, 1).
 */
function rowsSql(): string {
  const u = (k: number) => `((hash(i, $seed, ${k}) % 1000003)::DOUBLE / 1000003)`;
  const pick = (xs: readonly string[], k: number, skew = false) =>
    `list_element(${list(xs)}, 1 + floor(${skew ? `pow(${u(k)}, 2)` : u(k)} * ${xs.length})::INTEGER)`;
  const actor = (k: number) =>
    `${pick(GEN_ACTORS, k, true)} || ':' || ${pick(ROLES.slice(0, 6), k + 1)}`;
  const word = (k: number) => pick(WORDS, k);
  const cityIndex = `1 + floor(${u(20)} * ${CITIES.length})::INTEGER`;
  return `
    WITH base AS (
      SELECT i,
        TIMESTAMP '2015-01-01' + to_seconds(floor(${u(1)} * 315532800)::BIGINT) AS t0,
        CASE WHEN ${u(2)} < 0.7 THEN 'day' WHEN ${u(2)} < 0.85 THEN 'minute'
             WHEN ${u(2)} < 0.95 THEN 'month' ELSE 'year' END AS precision,
        ${u(3)} < 0.15 AS approximate,
        ${u(4)} < 0.85 AS placed,
        ${cityIndex} AS city,
        1 + floor(${u(5)} * 3)::INTEGER AS actor_count
      FROM range($n) t(i)
    )
    SELECT
      'ev-' || i AS id,
      ${pick(GEN_ACTORS, 30, true)} || ' ' || ${word(6)} || ' ' || ${word(7)} AS title,
      'The ' || ${word(8)} || ' and the ' || ${word(9)} || ' after the ' || ${word(10)}
        || ', as the ' || ${word(11)} || ' went on.' AS summary,
      ${pick(EVENT_TYPES, 12)} AS type,
      CASE WHEN ${u(13)} < 0.85 THEN 'occurred' WHEN ${u(13)} < 0.95 THEN 'scheduled'
           ELSE 'expected' END AS status,
      CASE precision WHEN 'day' THEN strftime(t0, '%Y-%m-%d')
        WHEN 'minute' THEN strftime(t0, '%Y-%m-%dT%H:%M')
        WHEN 'month' THEN strftime(t0, '%Y-%m') ELSE strftime(t0, '%Y') END AS start,
      CASE WHEN precision = 'day' AND ${u(14)} < 0.2
        THEN strftime(t0 + to_days(1 + floor(${u(15)} * 9)::INTEGER), '%Y-%m-%d') END AS "end",
      precision,
      approximate,
      CASE WHEN approximate THEN 'around ' || strftime(t0, '%B %Y') END AS time_text,
      CASE WHEN placed THEN list_element(${list(CITIES.map((c) => c[0]))}, city) END AS place,
      CASE WHEN placed THEN round(list_element([${CITIES.map((c) => c[1]).join(', ')}], city)
        + (${u(16)} - 0.5) * 1.2, 4) END AS lat,
      CASE WHEN placed THEN round(list_element([${CITIES.map((c) => c[2]).join(', ')}], city)
        + (${u(17)} - 0.5) * 1.2, 4) END AS lon,
      CASE WHEN placed THEN (CASE WHEN ${u(18)} < 0.6 THEN 'city' ELSE 'area' END) END
        AS place_precision,
      array_to_string(list_distinct([${actor(40)}, ${actor(42)}, ${actor(44)}][1:actor_count]), '; ')
        AS actors,
      CASE WHEN ${u(19)} < 0.5 THEN ${pick(GEN_ACTORS, 30, true)}
           WHEN ${u(19)} < 0.8 THEN ${pick(SOURCES, 21)} END AS claim_by,
      ${pick(CLAIM_STATUSES, 22)} AS claim_status,
      ${word(23)} || CASE WHEN ${u(24)} < 0.5 THEN '; ' || ${word(25)} ELSE '' END AS tags
    FROM base`;
}

export interface GenerateParquetOptions {
  events: number;
  seed: number;
  /** Where to write the Parquet file (written beside it first, then renamed: never half a file). */
  out: string;
  /** Also the same rows as Dateline CSV, for loading them in the browser. */
  csv?: string;
  /** DuckDB's memory limit while generating (default 2GB; the rest spills to disk). */
  memoryLimit?: string;
  threads?: number;
}

export async function generateEventsParquet(opts: GenerateParquetOptions): Promise<void> {
  // Rows come out in range()'s order (DuckDB keeps insertion order), so no sort of every column;
  // past the memory limit the table spills beside the output, so ten million rows fit a small
  // machine.
  // (A folder per process: two DuckDB instances must not share one.)
  const spill = resolve(dirname(resolve(opts.out)), `.duckdb-gen-tmp-${process.pid}`);
  const db = await DuckDBInstance.create(':memory:', {
    memory_limit: opts.memoryLimit ?? '2GB',
    temp_directory: spill,
    ...(opts.threads ? { threads: String(opts.threads) } : {}),
  });
  const c = await db.connect();
  try {
    // COPY's target cannot be a parameter: the rows go to a view first, and the paths, which are
    // ours (this script's arguments), are written as quoted literals.
    const literal = (path: string) => `'${resolve(path).replaceAll("'", "''")}'`;
    const rows = await c.prepare(`CREATE TEMP TABLE gen AS ${rowsSql()}`);
    rows.bind({ n: opts.events, seed: opts.seed });
    await rows.run();
    for (const [path, format] of [
      [opts.out, 'FORMAT parquet, COMPRESSION zstd'],
      ...(opts.csv ? [[opts.csv, 'FORMAT csv, HEADER true'] as const] : []),
    ] as const) {
      mkdirSync(dirname(resolve(path)), { recursive: true });
      const partial = `${path}.partial`;
      await c.run(`COPY gen TO ${literal(partial)} (${format})`);
      renameSync(partial, path);
    }
  } finally {
    c.closeSync();
    db.closeSync();
    rmSync(spill, { recursive: true, force: true });
  }
}

const isMain = process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename);
if (isMain) {
  const { values } = parseArgs({
    options: {
      events: { type: 'string', default: '10000' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
      csv: { type: 'string' },
    },
  });
  const events = Number(values.events);
  const seed = Number(values.seed);
  if (!Number.isInteger(events) || events < 1 || events > 100_000_000)
    throw new Error(`--events must be a whole number from 1 to 100,000,000, not ${values.events}`);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number, not ${values.seed}`);
  const out = values.out ?? `bench-results/data/events-${events}.parquet`;
  const started = performance.now();
  await generateEventsParquet({ events, seed, out, csv: values.csv });
  console.log(`${out}: ${events} events in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
