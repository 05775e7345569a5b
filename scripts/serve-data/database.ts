// The service's database: the Parquet files read once into a DuckDB file of the service's own
// (in the OS temp folder), with what every query needs worked out ahead (each event's earliest
// and latest instant, its folded search text, one row per actor link), then opened READ-ONLY with
// external access off. Requests run only the fixed statements of ./queries.ts against it; the
// Parquet files are never written, and no request can reach a file or the network.
//
// The rows are read as Dateline CSV reads them (README, "Dateline CSV"): the same columns, the
// same defaults for type, status and claim status, actor ids made from names by the same code
// (src/formats/slug.ts), so a file gives the same ids, counts and filters here and in the browser.
// What this reader cannot read is left out and counted, with examples, in the summary (`rejected`).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { DuckDBInstance, listValue, type DuckDBConnection } from '@duckdb/node-api';
import { readActorToken } from '../../src/formats/fields';
import { NameIds } from '../../src/formats/slug';
import { CLAIM_STATUSES, EVENT_STATUSES, EVENT_TYPES } from '../../src/model/schema';

/** Bumped whenever the prepared tables change shape: an older prepared file is then rebuilt. */
const PREPARED_VERSION = 6;

/** The Parquet files a path names: the file itself, or every `*.parquet` under a folder. */
export function parquetFiles(path: string): string[] {
  const full = resolve(path);
  if (!existsSync(full)) throw new Error(`${path}: no such file or folder`);
  if (statSync(full).isFile()) return [full];
  const files = (readdirSync(full, { recursive: true }) as string[])
    .filter((f) => f.toLowerCase().endsWith('.parquet'))
    .map((f) => join(full, f))
    .sort();
  if (files.length === 0) throw new Error(`${path}: a folder with no .parquet file in it`);
  return files;
}

/** A fixed SQL list of fixed words (ours, never a request's). */
const sqlList = (xs: readonly string[]) => `[${xs.map((x) => `'${x}'`).join(', ')}]`;

// ISO 8601 as Dateline writes dates: 2025, 2025-02, 2025-02-27, 2025-02-27T14:30[:05][Z|±hh:mm].
const ISO = String.raw`^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$`;
const PARTS = `['y', 'mo', 'd', 'h', 'mi', 's', 'z']`;

/** The local timestamp a parsed date's parts name (NULL when they name no real day). */
const stamp = (p: string) =>
  `try(make_timestamp(${p}.y::BIGINT, coalesce(nullif(${p}.mo, '')::BIGINT, 1),
     coalesce(nullif(${p}.d, '')::BIGINT, 1), coalesce(nullif(${p}.h, '')::BIGINT, 0),
     coalesce(nullif(${p}.mi, '')::BIGINT, 0), coalesce(nullif(${p}.s, '')::DOUBLE, 0)))`;
/** The date's offset from UTC in minutes (none: UTC). */
const offset = (p: string) =>
  `CASE WHEN ${p}.z IN ('', 'Z') THEN 0 ELSE (CASE WHEN ${p}.z[1] = '-' THEN -1 ELSE 1 END)
     * (${p}.z[2:3]::INTEGER * 60 + right(${p}.z, 2)::INTEGER) END`;
/** The unit a date is written to (seconds count as written; `hour` precision covers the hour). */
const unit = (p: string) =>
  `CASE WHEN ${p}.s <> '' THEN 'second' WHEN precision = 'hour' AND ${p}.mi <> '' THEN 'hour'
     WHEN ${p}.mi <> '' THEN 'minute' WHEN ${p}.d <> '' THEN 'day' WHEN ${p}.mo <> '' THEN 'month'
     ELSE 'year' END`;
const unitInterval = (u: string) =>
  `CASE ${u} WHEN 'second' THEN INTERVAL 1 SECOND WHEN 'hour' THEN INTERVAL 1 HOUR
     WHEN 'minute' THEN INTERVAL 1 MINUTE WHEN 'day' THEN INTERVAL 1 DAY
     WHEN 'month' THEN INTERVAL 1 MONTH ELSE INTERVAL 1 YEAR END`;

const choice = (column: string, values: readonly string[], fallback: string) =>
  `CASE WHEN lower(trim(${column})) IN (SELECT unnest(${sqlList(values)}))
     THEN lower(trim(${column})) ELSE '${fallback}' END`;

/** Folded as the browser's text index folds: accents and case off, split at spaces and punctuation. */
const searchText = (fields: string) =>
  `' ' || regexp_replace(lower(strip_accents(concat_ws(' ', ${fields}))), '[\\n\\r\\p{Z}\\p{P}]+', ' ', 'g') || ' '`;

/** Events written to the prepared table per statement: each slice is sorted and linked alone. */
const SLICE_ROWS = 1_000_000;

async function build(files: string[], target: string, limits: Record<string, string>) {
  const db = await DuckDBInstance.create(target, {
    // Past its memory limit a step spills beside the database, and nothing in the steps below
    // needs every row in memory at once (ten million rows prepare in a few GB).
    temp_directory: `${target}.tmp`,
    ...limits,
  });
  const c = await db.connect();
  try {
    // The intermediate tables need no order (each row carries its `row`); only `events` and
    // `links` are written in order, with insertion order kept for them (below).
    await c.run(`SET preserve_insertion_order = false`);
    // The files' columns (no row is read).
    const probe = await c.prepare(
      `CREATE TEMP TABLE raw AS SELECT * FROM read_parquet($files, union_by_name = true) LIMIT 0`,
    );
    probe.bind({ files: listValue(files) });
    await probe.run();
    const columns = new Set(
      (await c.runAndReadAll(`SELECT column_name FROM (DESCRIBE raw)`))
        .getRowObjectsJS()
        .map((r) => String(r.column_name)),
    );
    for (const need of ['title', 'start'])
      if (!columns.has(need))
        throw new Error(`the Parquet files have no "${need}" column (Dateline CSV columns needed)`);
    const col = (name: string, type = 'VARCHAR') =>
      columns.has(name) ? `TRY_CAST("${name}" AS ${type})` : `NULL::${type}`;
    const actorsType = (
      await c.runAndReadAll(
        `SELECT data_type FROM information_schema.columns WHERE table_name = 'raw' AND column_name = 'actors'`,
      )
    ).getRowObjectsJS()[0]?.data_type;
    await c.run(`DROP TABLE raw`);
    const actorTokens =
      actorsType === undefined
        ? `[]::VARCHAR[]`
        : String(actorsType).endsWith('[]')
          ? `list_transform(actors, x -> x::VARCHAR)`
          : `string_split(actors::VARCHAR, ';')`;

    // `row`: the file's place in the list, then the row's place in the file (file order, as the
    // browser reads the files one after the other), with no window over every row.
    const read = await c.prepare(`
      CREATE TEMP TABLE src AS
      SELECT (list_position($files, filename)::BIGINT << 40) + file_row_number AS row, filename,
        file_row_number + 2 AS file_row,
        trim(${col('id')}) AS id, coalesce(${col('title')}, '') AS title,
        coalesce(${col('summary')}, '') AS summary,
        ${choice(col('type'), EVENT_TYPES, 'other')} AS type,
        ${choice(col('status'), EVENT_STATUSES, 'occurred')} AS status,
        ${choice(col('claim_status'), CLAIM_STATUSES, 'reported')} AS claim_status,
        trim(${col('start')}) AS start, nullif(trim(${col('end')}), '') AS "end",
        nullif(lower(trim(${col('precision')})), '') AS precision,
        coalesce(lower(trim(${col('approximate')})) IN ('yes', 'true', '1', 'x', 'y'), false) AS approximate,
        nullif(${col('time_text')}, '') AS time_text,
        nullif(trim(${col('place')}), '') AS place,
        ${col('lat', 'DOUBLE')} AS lat, ${col('lon', 'DOUBLE')} AS lon,
        ${choice(col('place_precision'), ['exact', 'city', 'area', 'region', 'country'], 'city')}
          AS place_precision,
        list_filter(list_transform(${actorTokens}, x -> trim(x)), x -> x <> '') AS actor_tokens,
        nullif(trim(${col('claim_by')}), '') AS claim_by,
        list_filter(list_transform(string_split(coalesce(${col('tags')}, ''), ';'), x -> trim(x)), x -> x <> '')
          AS tags
      FROM read_parquet($files, filename = true, file_row_number = true, union_by_name = true)`);
    read.bind({ files: listValue(files) });
    await read.run();

    // Actor tokens → (name, role) by the browser's own reader, and names → ids by its own rule,
    // in the order the rows first name them (so `-2` suffixes fall as they do in the browser).
    const tokens = (
      await c.runAndReadAll(
        `SELECT token, min(row) AS first FROM (SELECT row, unnest(actor_tokens) AS token FROM src)
         GROUP BY token ORDER BY first, token`,
      )
    ).getRowObjectsJS();
    const ids = new NameIds('actor');
    await c.run(
      `CREATE TEMP TABLE tokens (token VARCHAR, actor VARCHAR, name VARCHAR, role VARCHAR)`,
    );
    const appender = await c.createAppender('tokens');
    for (const { token } of tokens) {
      const { name, role } = readActorToken(String(token));
      if (!name) continue;
      appender.appendVarchar(String(token));
      appender.appendVarchar(ids.id(name).id);
      appender.appendVarchar(name);
      appender.appendVarchar(role);
      appender.endRow();
    }
    appender.closeSync();
    await c.run(`
      CREATE TABLE actors AS SELECT actor AS id, min(name) AS name FROM tokens GROUP BY actor`);

    await c.run(`
      CREATE TEMP TABLE parsed AS
      SELECT * EXCLUDE (s_ts, s_off, e_ts, e_off, e_unit),
        epoch_ms(s_ts) - s_off * 60000 AS earliest,
        epoch_ms(e_ts + ${unitInterval('e_unit')}) - e_off * 60000 - 1 AS latest,
        s_ts IS NULL AS s_bad, e_ts IS NULL AS e_bad
      FROM (
        SELECT *, ${stamp('s')} AS s_ts, ${offset('s')} AS s_off,
          ${stamp('coalesce(e, s)')} AS e_ts, ${offset('coalesce(e, s)')} AS e_off,
          ${unit('coalesce(e, s)')} AS e_unit
        FROM (
          SELECT *, regexp_extract(start, '${ISO}', ${PARTS}) AS s,
            CASE WHEN "end" IS NOT NULL THEN regexp_extract("end", '${ISO}', ${PARTS}) END AS e
          FROM src))`);
    await c.run(`DROP TABLE src`);

    // Why a row is left out, first reason only; NULL for a row that loads.
    await c.run(`
      CREATE TEMP TABLE checked AS
      SELECT * EXCLUDE (s, e, s_bad, e_bad, first_row), CASE
        WHEN id IS NULL OR id = '' THEN 'id: missing'
        WHEN NOT regexp_full_match(id, '[a-z0-9]+(?:[-_.][a-z0-9]+)*') OR length(id) > 200
          THEN 'id: ids are lowercase letters and digits, joined by - _ or .'
        WHEN start IS NULL OR start = '' THEN 'start: missing'
        WHEN s.y = '' OR s_bad
          THEN 'start: not a date this service reads (years 1000 to 9999 in ISO 8601, such as 2025-02-27)'
        WHEN "end" IS NOT NULL AND (e.y = '' OR e_bad)
          THEN 'end: not a date this service reads (years 1000 to 9999 in ISO 8601, such as 2025-02-27)'
        WHEN lat IS NOT NULL AND NOT (lat BETWEEN -90 AND 90) THEN 'lat: out of range'
        WHEN lon IS NOT NULL AND NOT (lon BETWEEN -180 AND 180) THEN 'lon: out of range'
        WHEN row > d.first_row THEN 'id: an earlier row has this id'
        END AS problem
      FROM parsed LEFT JOIN (
        SELECT id, min(row) AS first_row FROM parsed GROUP BY id HAVING count(*) > 1) d USING (id)`);
    await c.run(`DROP TABLE parsed`);
    await c.run(`
      CREATE TABLE rejected AS
      SELECT row, filename, file_row, id, problem FROM checked WHERE problem IS NOT NULL`);

    // Events in time order (earliest, then file order), as the browser keeps them: `pos`,
    // numbered over two narrow columns alone, then the rows written in slices of `pos`.
    await c.run(`
      CREATE TEMP TABLE ord AS
      SELECT row, earliest, row_number() OVER (ORDER BY earliest, row) - 1 AS pos
      FROM checked WHERE problem IS NULL AND latest >= earliest`);
    const [{ n }] = (
      await c.runAndReadAll(`SELECT count(*)::DOUBLE AS n FROM ord`)
    ).getRowObjectsJS() as [{ n: number }];
    // Each event's links and actor names, looked up in one map of the (few) tokens.
    const linkOf = `{'actor': m[x].actor, 'role': m[x].role}`;
    const fill = `
      WITH tm AS (
        SELECT map_from_entries(coalesce(
          list((token, {'actor': actor, 'role': role, 'name': name})), [])) AS m FROM tokens),
      part AS (
        SELECT o.pos, c.* EXCLUDE (problem, actor_tokens),
          list_filter(c.actor_tokens, x -> m[x] IS NOT NULL) AS toks, tm.m AS m
        FROM ord o JOIN checked c USING (row) CROSS JOIN tm
        WHERE o.pos >= $a AND o.pos < $b AND c.earliest BETWEEN $ea AND $eb)
      SELECT * EXCLUDE (toks, m),
        CASE WHEN lat IS NOT NULL AND lon IS NOT NULL THEN lat END AS plat,
        CASE WHEN lat IS NOT NULL AND lon IS NOT NULL THEN lon END AS plon,
        list_transform(toks, x -> ${linkOf}) AS links,
        ${searchText(`title, summary, array_to_string(list_distinct(list_transform(toks, x -> m[x].name)), ' '), place`)} AS search
      FROM part
      ORDER BY pos`;
    await c.run(`SET preserve_insertion_order = true`);
    for (let a = 0; a < n || a === 0; a += SLICE_ROWS) {
      const b = a + SLICE_ROWS;
      const [range] = (
        await c.runAndReadAll(
          `SELECT coalesce(min(earliest), 0)::DOUBLE AS ea, coalesce(max(earliest), 0)::DOUBLE AS eb
           FROM ord WHERE pos >= $a AND pos < $b`,
          { a, b },
        )
      ).getRowObjectsJS() as Array<{ ea: number; eb: number }>;
      const bind = { a, b, ea: range!.ea, eb: range!.eb };
      if (a === 0) await c.run(`CREATE TABLE events AS ${fill}`, bind);
      else await c.run(`INSERT INTO events ${fill}`, bind);
      // One row per (event, actor, role), each once, as the browser keeps an event's links.
      const links = `SELECT DISTINCT pos, l.actor AS actor, l.role AS role
         FROM (SELECT pos, unnest(links) AS l FROM events WHERE pos >= $a AND pos < $b)
         ORDER BY pos`;
      if (a === 0) await c.run(`CREATE TABLE links AS ${links}`, { a, b });
      else await c.run(`INSERT INTO links ${links}`, { a, b });
    }
    await c.run(`SET preserve_insertion_order = false`);
    await c.run(`DROP TABLE checked`);
    await c.run(`DROP TABLE ord`);
    // Every distinct word of the search text, for the near misses a text query also finds
    // (one edit per five letters, as the page's text index finds them): a query looks its words
    // up here, then looks for the words it found in the events.
    await c.run(`
      CREATE TABLE vocab AS
      SELECT DISTINCT word, length(word) AS len
      FROM (SELECT unnest(string_split(trim(search), ' ')) AS word FROM events)
      WHERE word <> ''
      ORDER BY len, word`);
    // The facet counts with no filter (the state a page opens in and comes back to, and the
    // counts of every facet whose other filters are all off): read, not counted, per request.
    // `role` NULL: any role; else the actors' counts under that role alone.
    await c.run(`
      CREATE TABLE facet_base AS
      SELECT 'type' AS facet, type AS value, NULL::VARCHAR AS role, count(*)::DOUBLE AS n
        FROM events GROUP BY type
      UNION ALL SELECT 'status', status, NULL, count(*) FROM events GROUP BY status
      UNION ALL SELECT 'claim', claim_status, NULL, count(*) FROM events GROUP BY claim_status
      UNION ALL SELECT 'actor', actor, NULL, count(DISTINCT pos) FROM links GROUP BY actor
      UNION ALL SELECT 'actor', actor, role, count(DISTINCT pos) FROM links GROUP BY actor, role
      UNION ALL SELECT 'role', NULL, role, count(DISTINCT pos) FROM links GROUP BY role
      UNION ALL SELECT 'all', NULL, NULL, count(*) FROM events`);
    // Claims resolved as Dateline CSV resolves them: an actor of that name, else a source.
    await c.run(`
      CREATE TABLE claimants AS
      SELECT DISTINCT e.claim_by AS name, t.actor AS actor
      FROM events e LEFT JOIN (SELECT DISTINCT name, actor FROM tokens) t
        ON lower(t.name) = lower(e.claim_by)
      WHERE e.claim_by IS NOT NULL`);
    const sources = (
      await c.runAndReadAll(`SELECT name FROM claimants WHERE actor IS NULL ORDER BY name`)
    ).getRowObjectsJS();
    await c.run(`CREATE TABLE sources (name VARCHAR, id VARCHAR)`);
    const sourceIds = new NameIds('source');
    const sa = await c.createAppender('sources');
    for (const { name } of sources) {
      sa.appendVarchar(String(name));
      sa.appendVarchar(sourceIds.id(String(name)).id);
      sa.endRow();
    }
    sa.closeSync();
    await c.run(`CREATE TABLE meta AS SELECT $title AS title, $files AS files`, {
      title: files.map((f) => basename(f)).join(', '),
      files: files.join('\n'),
    });
    await c.run(`CHECKPOINT`);
  } finally {
    c.closeSync();
    db.closeSync();
  }
}

/** Where a set of files is prepared: named by their paths, sizes and times, so a change rebuilds. */
function preparedPath(files: string[], cacheDir: string): string {
  const h = createHash('sha256').update(String(PREPARED_VERSION));
  for (const f of files) {
    const st = statSync(f);
    h.update(`${f}\0${st.size}\0${st.mtimeMs}\0`);
  }
  return join(cacheDir, `dateline-serve-${h.digest('hex').slice(0, 16)}.duckdb`);
}

export interface OpenOptions {
  /** Where prepared files are kept (default: the OS temp folder). */
  cacheDir?: string;
  /** DuckDB threads per instance (default: DuckDB's, one per core). */
  threads?: number;
  /** DuckDB's memory limit, as DuckDB writes it ("1GB"). */
  memoryLimit?: string;
  onProgress?: (message: string) => void;
}

export interface EventsDatabase {
  instance: DuckDBInstance;
  /** A fresh connection (one per request, so a request's interrupt stops only that request). */
  connect(): Promise<DuckDBConnection>;
  files: string[];
  close(): void;
}

/** Prepares (once per set of files) and opens the events of these Parquet files, read-only. */
export async function openEventsDatabase(
  path: string,
  opts: OpenOptions = {},
): Promise<EventsDatabase> {
  const files = parquetFiles(path);
  const target = preparedPath(files, opts.cacheDir ?? tmpdir());
  // Both the preparation and the service keep to these (a preparation beyond its memory spills
  // to disk beside the database).
  const limits: Record<string, string> = {};
  if (opts.threads) limits.threads = String(opts.threads);
  if (opts.memoryLimit) limits.memory_limit = opts.memoryLimit;
  if (!existsSync(target)) {
    opts.onProgress?.(`Reading ${files.length} Parquet file(s) into ${target} …`);
    const partial = `${target}.${process.pid}.partial`;
    rmSync(partial, { force: true });
    try {
      await build(files, partial, limits);
      renameSync(partial, target);
    } finally {
      rmSync(partial, { force: true });
      rmSync(`${partial}.wal`, { force: true });
      rmSync(`${partial}.tmp`, { recursive: true, force: true });
    }
  }
  const config: Record<string, string> = {
    access_mode: 'READ_ONLY',
    enable_external_access: 'false',
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    ...limits,
  };
  const instance = await DuckDBInstance.create(target, config);
  const probe = await instance.connect();
  // Settings a request could otherwise change are frozen (none of the statements would try).
  await probe.run(`SET lock_configuration = true`);
  probe.closeSync();
  return {
    instance,
    connect: () => instance.connect(),
    files,
    close: () => instance.closeSync(),
  };
}
