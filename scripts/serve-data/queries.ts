// The service's SQL: fixed statements over the prepared tables (./database.ts), every value a
// bound parameter. A filter adds one fixed predicate per dimension, each with its own named
// parameters; nothing a request sends is ever written into the SQL text. The filters mean what
// the browser's `applyFilters` means (src/model/filter/apply.ts): facet counts under every
// *other* filter, an uncertain date in the range when its span overlaps it (or, `within`, when
// all of it is inside).
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { listValue } from '@duckdb/node-api';
import { daysToMs } from '../../src/model/time';
import { niceWidth } from '../../src/views/timeline/windowing';
import { NO_FILTERS, type Filters } from '../../src/model/filter/types';
import type { RemoteEventRow } from '../../src/data/remote/protocol';
import { SEARCH_OPTIONS } from '../../src/model/filter/textIndex';
import { toCsv } from '../../src/formats/csv';
import { DATELINE_COLUMNS } from '../../src/formats/fields';
import { MAX_CELLS, queryWords, type EventsQuery, type ListQuery } from './request';

/** MiniSearch's cap on a near miss's edits, as textIndex.ts keeps it. */
const MAX_FUZZY = 6;

type Params = Record<string, DuckDBValue>;

/**
 * How many edits a query word may be from a word it matches whole: one per five letters from
 * five letters (at most six), 0 below; the page's rule (`SEARCH_OPTIONS.fuzzy` in textIndex.ts).
 */
export function nearMissEdits(word: string): number {
  const fuzzy = SEARCH_OPTIONS.fuzzy(word);
  return fuzzy ? Math.min(MAX_FUZZY, Math.round(word.length * fuzzy)) : 0;
}

/** The filter dimensions as the browser counts them: a facet ignores its own dimension. */
type Dim = 'actor' | 'type' | 'status' | 'claim' | 'date' | 'text' | 'area';
type Predicates = Record<Dim, string>;

/** Near misses kept per query word, at most (the closest in spelling order, all in practice). */
const MAX_NEAR = 500;

/** The words of the table (`vocab`) that `word` matches whole as a near miss, not as a start. */
async function nearMisses(c: DuckDBConnection, word: string, edits: number): Promise<string[]> {
  const [r] = await rows(
    c,
    `SELECT coalesce(list(word ORDER BY word), []) AS words FROM (
       SELECT word FROM vocab WHERE len BETWEEN length($t) - $d AND length($t) + $d
         AND NOT starts_with(word, $t) AND levenshtein(word, $t) <= $d
       ORDER BY word LIMIT ${MAX_NEAR})`,
    { t: word, d: edits },
  );
  return (r?.words as string[] | undefined) ?? [];
}

/** A regular expression (RE2) matching any of `words` whole in the folded text, as a value. */
const wholeWords = (words: readonly string[]) =>
  ` (${words.map((w) => w.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&')).join('|')}) `;

/**
 * One predicate per dimension over `events e` (TRUE when the dimension is off), and its params.
 * A text query's near misses are looked up first (`vocab`, a few thousand words), so each event
 * is then matched by two string searches per word, never by an edit distance.
 */
export async function filterPredicates(
  c: DuckDBConnection,
  f: Filters,
): Promise<{ where: Predicates; params: Params }> {
  const params: Params = {};
  const where: Predicates = {
    actor: 'TRUE',
    type: 'TRUE',
    status: 'TRUE',
    claim: 'TRUE',
    date: 'TRUE',
    text: 'TRUE',
    area: 'TRUE',
  };
  const roleClause = f.role === null ? '' : ' AND role = $role';
  if (f.role !== null) params.role = f.role;
  if (f.actors.length) {
    params.actors = listValue([...f.actors]);
    // Actor hierarchies (memberOf) are not in the Dateline CSV columns: with or without
    // `members`, an actor stands for itself, as in the browser for such a file.
    where.actor =
      f.actorMode === 'all' && f.actors.length > 1
        ? `e.pos IN (SELECT pos FROM links WHERE list_contains($actors, actor)${roleClause}
             GROUP BY pos HAVING count(DISTINCT actor) = len($actors))`
        : `e.pos IN (SELECT pos FROM links WHERE list_contains($actors, actor)${roleClause})`;
  } else if (f.role !== null) where.actor = `e.pos IN (SELECT pos FROM links WHERE role = $role)`;
  if (f.types.length) {
    params.types = listValue([...f.types]);
    where.type = 'list_contains($types, e.type)';
  }
  if (f.statuses.length) {
    params.statuses = listValue([...f.statuses]);
    where.status = 'list_contains($statuses, e.status)';
  }
  if (f.claims.length) {
    params.claims = listValue([...f.claims]);
    where.claim = 'list_contains($claims, e.claim_status)';
  }
  if (f.from !== null || f.to !== null) {
    const { start, end } = daysToMs(f.from, f.to);
    const parts: string[] = [];
    if (Number.isFinite(start)) {
      params.lo = start;
      parts.push(f.dateWithin ? 'e.earliest >= $lo' : 'e.latest >= $lo');
    }
    if (Number.isFinite(end)) {
      params.hi = end - 1;
      parts.push(f.dateWithin ? 'e.latest <= $hi' : 'e.earliest <= $hi');
    }
    if (parts.length) where.date = parts.join(' AND ');
  }
  if (f.area) {
    // As the browser's `inArea` (src/model/filter/area.ts): edges included; west east of east
    // crosses the antimeridian. An event with no place is in only with `unplaced`.
    const { south, west, north, east } = f.area;
    Object.assign(params, { areaS: south, areaN: north, areaW: west, areaE: east });
    const lon =
      west <= east ? 'e.plon BETWEEN $areaW AND $areaE' : '(e.plon >= $areaW OR e.plon <= $areaE)';
    const placed = `(e.plat BETWEEN $areaS AND $areaN AND ${lon})`;
    where.area = f.areaUnplaced ? `(e.plat IS NULL OR ${placed})` : placed;
  }
  const words = queryWords(f.q);
  const clauses: string[] = [];
  for (const [k, w] of words.entries()) {
    // Each word starts a word of the event's folded text (` word` in ` the words `), or, from
    // five letters, is a near miss of a whole word, as the page's text index
    // (src/model/filter/textIndex.ts) finds them.
    params[`w${k}`] = ` ${w}`;
    const edits = nearMissEdits(w);
    const near = edits ? await nearMisses(c, w, edits) : [];
    if (near.length === 0) clauses.push(`contains(e.search, $w${k})`);
    else {
      params[`r${k}`] = wholeWords(near);
      clauses.push(`(contains(e.search, $w${k}) OR regexp_matches(e.search, $r${k}))`);
    }
  }
  if (clauses.length) where.text = clauses.join(' AND ');
  return { where, params };
}

/** The predicates joined, those that are off (TRUE) left out; TRUE when all are off. */
const joined = (ps: string[]) => ps.filter((p) => p !== 'TRUE').join(' AND ') || 'TRUE';
const all = (w: Predicates) => joined(Object.values(w));
const allBut = (w: Predicates, dim: Dim) =>
  joined(Object.entries(w).flatMap(([d, p]) => (d === dim ? [] : [p])));

async function rows(
  c: DuckDBConnection,
  sql: string,
  params: Params = {},
): Promise<Record<string, unknown>[]> {
  const reader = await c.runAndReadAll(sql, params);
  return reader.getRowObjectsJS() as Record<string, unknown>[];
}

const num = (v: unknown) => (typeof v === 'bigint' ? Number(v) : (v as number));

/** The columns an event is answered with: the Dateline CSV columns, resolved. */
const EVENT_COLUMNS = `
  e.id, e.title, e.summary, e.type, e.status, e.start, e."end", e.precision, e.approximate,
  e.time_text, e.place, e.plat AS lat, e.plon AS lon, e.place_precision, e.tags, e.links AS actors,
  e.claim_by, e.claim_status, coalesce(cl.actor, so.id) AS claim_id,
  CASE WHEN cl.actor IS NOT NULL THEN 'actor' WHEN so.id IS NOT NULL THEN 'source' END AS claim_kind,
  e.earliest::DOUBLE AS earliest, e.latest::DOUBLE AS latest, e.pos::DOUBLE AS pos,
  e.file_row::DOUBLE AS file_row`;
const EVENT_JOINS = `
  LEFT JOIN claimants cl ON cl.name = e.claim_by
  LEFT JOIN sources so ON so.name = e.claim_by`;

export async function summary(c: DuckDBConnection) {
  const [head] = await rows(
    c,
    `SELECT (SELECT title FROM meta) AS title, count(*)::DOUBLE AS count,
       min(earliest)::DOUBLE AS earliest, max(latest)::DOUBLE AS latest,
       min(plat) AS south, max(plat) AS north, min(plon) AS west, max(plon) AS east,
       count(*) FILTER (WHERE plat IS NULL)::DOUBLE AS unplaced
     FROM events`,
  );
  const facet = async (column: 'type' | 'status' | 'claim_status') =>
    Object.fromEntries(
      (
        await rows(
          c,
          `SELECT ${column} AS v, count(*)::DOUBLE AS n FROM events GROUP BY 1 ORDER BY 1`,
        )
      ).map((r) => [r.v, r.n]),
    );
  const actors = await rows(
    c,
    `SELECT a.id, a.name, count(DISTINCT l.pos)::DOUBLE AS count
     FROM actors a LEFT JOIN links l ON l.actor = a.id GROUP BY a.id, a.name
     ORDER BY count DESC, a.id LIMIT 10000`,
  );
  const sources = await rows(c, `SELECT id, name FROM sources ORDER BY id`);
  const [rej] = await rows(c, `SELECT count(*)::DOUBLE AS n FROM rejected`);
  const examples = await rows(
    c,
    `SELECT filename AS file, file_row::DOUBLE AS row, id, problem FROM rejected ORDER BY row LIMIT 20`,
  );
  const h = head!;
  return {
    format: 'dateline-query/1',
    title: h.title,
    count: h.count,
    span: h.count ? { earliest: h.earliest, latest: h.latest } : null,
    bounds:
      h.south === null ? null : { south: h.south, west: h.west, north: h.north, east: h.east },
    unplaced: h.unplaced,
    facets: {
      types: await facet('type'),
      statuses: await facet('status'),
      claims: await facet('claim_status'),
    },
    actors,
    sources,
    rejected: { count: rej!.n, examples },
  };
}

/**
 * Facet counts under the filters, each facet under all the other filters; and the total.
 * A facet whose other filters are all off is read from `facet_base` (counted once, when the
 * database was prepared); the facets that share their filters (those whose own filter is off)
 * are counted in one pass over the events (GROUPING SETS), with the total. One statement.
 */
export async function facets(c: DuckDBConnection, f: Filters) {
  const { where, params } = await filterPredicates(c, f);
  const parts: string[] = [];
  const base: string[] = [];
  // The plain facets, grouped by the predicate they are counted under.
  const byPredicate = new Map<string, Array<'type' | 'status' | 'claim'>>();
  for (const dim of ['type', 'status', 'claim'] as const) {
    const p = allBut(where, dim);
    if (p === 'TRUE') base.push(dim);
    else byPredicate.set(p, [...(byPredicate.get(p) ?? []), dim]);
  }
  const column = { type: 'type', status: 'status', claim: 'claim_status' } as const;
  const totalP = all(where);
  let totalCounted = totalP === 'TRUE';
  for (const [p, dims] of byPredicate) {
    // The dimensions whose own filter is off are counted under every filter: the total too.
    const withTotal = !totalCounted && p === totalP;
    if (withTotal) totalCounted = true;
    const sets = [...dims.map((d) => `(e.${column[d]})`), ...(withTotal ? ['()'] : [])];
    const cols = dims.map((d) => `e.${column[d]}`);
    // grouping(a, b, c): one bit per column, 0 where the row is grouped by it.
    const facetOf = dims.length
      ? `CASE ${dims
          .map(
            (d, k) =>
              `WHEN grouping(${cols.join(', ')}) = ${(2 ** dims.length - 1) ^ (2 ** (dims.length - 1 - k))} THEN '${d}'`,
          )
          .join(' ')} ELSE 'total' END`
      : `'total'`;
    parts.push(
      `SELECT ${facetOf} AS facet, coalesce(${cols.join(', ')}) AS value, count(*)::DOUBLE AS n
       FROM events e WHERE ${p} GROUP BY GROUPING SETS (${sets.join(', ')})`,
    );
  }
  if (!totalCounted)
    parts.push(
      `SELECT 'total' AS facet, NULL AS value, count(*)::DOUBLE AS n FROM events e WHERE ${totalP}`,
    );
  const actorP = allBut(where, 'actor');
  if (actorP === 'TRUE')
    parts.push(
      `SELECT 'actor' AS facet, value, n FROM facet_base
       WHERE facet = 'actor' AND role IS NOT DISTINCT FROM $baseRole`,
    );
  else
    parts.push(
      `SELECT 'actor' AS facet, l.actor AS value, count(DISTINCT l.pos)::DOUBLE AS n FROM events e
       JOIN links l ON l.pos = e.pos WHERE ${actorP}${f.role === null ? '' : ' AND l.role = $role'} GROUP BY l.actor`,
    );
  const baseParams: Params = { ...params };
  if (actorP === 'TRUE') baseParams.baseRole = f.role;
  parts.push(
    `SELECT facet, value, n FROM facet_base
     WHERE role IS NULL AND (facet = 'all'${base.length ? ` OR list_contains($baseFacets, facet)` : ''})`,
  );
  if (base.length) baseParams.baseFacets = listValue(base);
  const result = await rows(c, parts.join('\n     UNION ALL '), baseParams);
  const out = {
    total: 0,
    all: 0,
    counts: {
      types: {} as Record<string, number>,
      statuses: {} as Record<string, number>,
      claims: {} as Record<string, number>,
      actors: {} as Record<string, number>,
    },
  };
  const into = { type: 'types', status: 'statuses', claim: 'claims', actor: 'actors' } as const;
  for (const r of result) {
    const facet = r.facet as string;
    if (facet === 'total') out.total = num(r.n);
    else if (facet === 'all') out.all = num(r.n);
    else out.counts[into[facet as keyof typeof into]][r.value as string] = num(r.n);
  }
  // No filter at all: the total is every event.
  if (totalP === 'TRUE') out.total = out.all;
  return out;
}

/**
 * The events under the filters in a time window and map bounds: listed when at most `limit`,
 * else counted in slices of time (for the timeline's density band) and grid cells (the map's
 * clusters). `total` counts the events overlapping the window (in the bounds).
 */
export async function events(c: DuckDBConnection, q: EventsQuery) {
  const { where, params } = await filterPredicates(c, q.filters);
  const extra: string[] = [];
  if (q.window) {
    params.ws = q.window.start;
    params.we = q.window.end;
    extra.push('e.latest >= $ws AND e.earliest <= $we');
  }
  if (q.bbox) {
    Object.assign(params, {
      west: q.bbox.west,
      south: q.bbox.south,
      east: q.bbox.east,
      north: q.bbox.north,
    });
    extra.push('e.plat BETWEEN $south AND $north AND e.plon BETWEEN $west AND $east');
  }
  const cond = [all(where), ...extra].join(' AND ');
  // One pass over the events under the filters counts them all, per slice of time and per grid
  // cell (GROUPING SETS): the answer when they are too many to list, the count that says so
  // otherwise. Slices as the timeline draws them (views/timeline/windowing.ts `densityBins`):
  // aligned to multiples of their width, an event counted in the slice its earliest moment
  // falls in. Cells: the fullest first, as many as the answer holds and one more (to tell it was
  // cut); the events with no place are the group with no cell.
  const span = q.window ?? (await dataSpan(c));
  const width = niceWidth((span.end - span.start) / q.slices);
  const first = Math.floor(span.start / width) * width;
  const grouped = await rows(
    c,
    `SELECT grouping(k) AS gk, grouping(cy, cx) AS gc, k::DOUBLE AS k, cy, count(*)::DOUBLE AS n,
       avg(plat) AS lat, avg(plon) AS lon,
       min(plat) AS south, min(plon) AS west, max(plat) AS north, max(plon) AS east
     FROM (SELECT CASE WHEN e.earliest >= $first AND e.earliest < $binsEnd
                    THEN floor((e.earliest - $first) / $width)::BIGINT END AS k,
             floor(e.plat / $cell) AS cy, floor(e.plon / $cell) AS cx, e.plat, e.plon
           FROM events e WHERE ${cond})
     GROUP BY GROUPING SETS ((k), (cy, cx), ())
     QUALIFY grouping(cy, cx) <> 0
       OR row_number() OVER (PARTITION BY grouping(k), grouping(cy, cx)
                             ORDER BY cy IS NULL DESC, count(*) DESC) <= ${MAX_CELLS + 2}`,
    { ...params, first, width, binsEnd: span.end, cell: q.cell },
  );
  let n = 0;
  let unplaced = 0;
  const bins: Array<{ start: number; end: number; count: number }> = [];
  const cells: Array<Record<string, unknown>> = [];
  for (const r of grouped) {
    if (num(r.gk) === 1 && num(r.gc) !== 0) n = num(r.n);
    else if (num(r.gc) === 0) {
      if (r.cy === null) unplaced = num(r.n);
      else
        cells.push({
          lat: r.lat,
          lon: r.lon,
          count: num(r.n),
          south: r.south,
          west: r.west,
          north: r.north,
          east: r.east,
        });
    } else if (r.k !== null)
      bins.push({
        start: first + num(r.k) * width,
        end: first + (num(r.k) + 1) * width,
        count: num(r.n),
      });
  }
  if (n <= q.limit) {
    const list = await rows(
      c,
      `SELECT ${EVENT_COLUMNS} FROM events e ${EVENT_JOINS} WHERE ${cond} ORDER BY e.pos`,
      params,
    );
    return { mode: 'events' as const, total: n, events: list as unknown as RemoteEventRow[] };
  }
  bins.sort((x, y) => x.start - y.start);
  cells.sort((x, y) => (y.count as number) - (x.count as number));
  return {
    mode: 'bins' as const,
    total: n,
    limit: q.limit,
    slice: width,
    bins,
    cell: q.cell,
    cells: cells.slice(0, MAX_CELLS),
    cellsCut: cells.length > MAX_CELLS,
    unplaced,
  };
}

async function dataSpan(c: DuckDBConnection) {
  const [r] = await rows(
    c,
    `SELECT coalesce(min(earliest), 0)::DOUBLE AS start, coalesce(max(latest), 1)::DOUBLE AS "end" FROM events`,
  );
  return { start: num(r!.start), end: Math.max(num(r!.end), num(r!.start) + 1) };
}

/** One event's row, with whether the filters let it through; null for an unknown id. */
export async function eventById(c: DuckDBConnection, id: string, f: Filters) {
  const { where, params } = await filterPredicates(c, f);
  const [row] = await rows(
    c,
    `SELECT ${EVENT_COLUMNS}, (${all(where)}) AS passes FROM events e ${EVENT_JOINS} WHERE e.id = $id`,
    { ...params, id },
  );
  return row ?? null;
}

/** The events whose text matches every word of `q`: how many, and the first `limit` ids. */
export async function textHits(c: DuckDBConnection, q: string, limit: number) {
  const { where, params } = await filterPredicates(c, { ...NO_FILTERS, q });
  const [r] = await rows(
    c,
    `SELECT count(*)::DOUBLE AS total, (list(id ORDER BY pos))[1:$limit] AS ids
     FROM events e WHERE ${where.text}`,
    { ...params, limit },
  );
  return { total: r!.total, ids: r!.ids ?? [] };
}

/**
 * One page of the events under the filters, in time order: from row `offset` (the list's scroll
 * position: a virtual list jumps anywhere) or, keyset paging, after the event at `after` (a
 * client reading every page in turn, which stays as fast on the last page as on the first).
 */
export async function listPage(c: DuckDBConnection, q: ListQuery) {
  const { where, params } = await filterPredicates(c, q.filters);
  const cond = all(where);
  const [{ n }] = (await rows(
    c,
    `SELECT count(*)::DOUBLE AS n FROM events e WHERE ${cond}`,
    params,
  )) as [{ n: number }];
  let offset = q.offset;
  let rank: number | null = null;
  if (q.at !== null) {
    // Where the event stands among those the filters let through (null: it does not pass).
    const [t] = await rows(c, `SELECT pos::DOUBLE AS pos FROM events WHERE id = $at`, {
      at: q.at,
    });
    const [r] = t
      ? await rows(
          c,
          `SELECT count(*) FILTER (WHERE e.pos < $p)::DOUBLE AS rank,
             count(*) FILTER (WHERE e.pos = $p)::DOUBLE AS passes
           FROM events e WHERE ${cond} AND e.pos <= $p`,
          { ...params, p: num(t.pos) },
        )
      : [];
    rank = r && num(r.passes) > 0 ? num(r.rank) : null;
    offset = rank === null ? 0 : rank - (rank % q.limit);
  }
  const page =
    q.after === null
      ? await rows(
          c,
          // The page's positions first (one narrow column), then its rows' columns.
          `WITH page AS (SELECT e.pos FROM events e WHERE ${cond}
             ORDER BY e.pos LIMIT $limit OFFSET $offset)
           SELECT ${EVENT_COLUMNS} FROM events e SEMI JOIN page ON page.pos = e.pos ${EVENT_JOINS}
           ORDER BY e.pos`,
          { ...params, limit: q.limit, offset: offset ?? 0 },
        )
      : await rows(
          c,
          `SELECT ${EVENT_COLUMNS} FROM events e ${EVENT_JOINS} WHERE ${cond} AND e.pos > $after
           ORDER BY e.pos LIMIT $limit`,
          { ...params, limit: q.limit, after: q.after },
        );
  return {
    total: n,
    offset,
    after: q.after,
    rank,
    events: page as unknown as RemoteEventRow[],
  };
}

/** How many events the filters let through (an export is refused above its cap). */
export async function countUnder(c: DuckDBConnection, f: Filters): Promise<number> {
  const { where, params } = await filterPredicates(c, f);
  const [{ n }] = (await rows(
    c,
    `SELECT count(*)::DOUBLE AS n FROM events e WHERE ${all(where)}`,
    params,
  )) as [{ n: number }];
  return n;
}

/**
 * The events under the filters as Dateline CSV lines, a DuckDB chunk (2,048 rows) at a time:
 * the Dateline columns as the page's own CSV export writes them (formats/exportCsv.ts), each
 * cell guarded against spreadsheet formulas (`toCsv`).
 */
export async function* exportCsvChunks(c: DuckDBConnection, f: Filters): AsyncGenerator<string> {
  const { where, params } = await filterPredicates(c, f);
  const names = new Map(
    (await rows(c, `SELECT id, name FROM actors`)).map((r) => [String(r.id), String(r.name)]),
  );
  const result = await c.stream(
    `SELECT e.id, e.title, e.summary, e.type, e.start, e."end", e.precision, e.approximate,
       e.time_text, e.status, e.place, e.plat AS lat, e.plon AS lon, e.place_precision,
       e.links AS actors,
       e.claim_by, e.claim_status, e.tags
     FROM events e WHERE ${all(where)} ORDER BY e.pos`,
    params,
  );
  yield `\ufeff${toCsv([[...DATELINE_COLUMNS]])}\r\n`;
  for await (const chunk of result.yieldRowObjectJs())
    if (chunk.length)
      yield `${toCsv((chunk as unknown as ExportRow[]).map((r) => csvCells(r, names)))}\r\n`;
}

interface ExportRow {
  id: string;
  title: string;
  summary: string;
  type: string;
  start: string;
  end: string | null;
  precision: string | null;
  approximate: boolean;
  time_text: string | null;
  status: string;
  place: string | null;
  lat: number | null;
  lon: number | null;
  place_precision: string;
  actors: Array<{ actor: string; role: string }>;
  claim_by: string | null;
  claim_status: string;
  tags: string[];
}

function csvCells(r: ExportRow, names: ReadonlyMap<string, string>): string[] {
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  const cells: Record<(typeof DATELINE_COLUMNS)[number], string> = {
    id: r.id,
    title: r.title,
    summary: r.summary,
    type: r.type,
    start: r.start,
    end: text(r.end),
    precision: text(r.precision),
    approximate: r.approximate ? 'yes' : 'no',
    time_text: text(r.time_text),
    status: r.status,
    place: text(r.place),
    lat: text(r.lat),
    lon: text(r.lon),
    place_precision: r.lat === null ? '' : r.place_precision,
    actors: r.actors.map((a) => `${names.get(a.actor) ?? a.actor}:${a.role}`).join('; '),
    claim_by: text(r.claim_by),
    claim_status: r.claim_status,
    tags: r.tags.join('; '),
  };
  return DATELINE_COLUMNS.map((k) => cells[k]);
}
