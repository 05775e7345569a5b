// The query service end to end in Node: a generated Parquet file served on a random loopback
// port, asked what the app asks. Its answers are held to the browser's own filtering of the same
// rows read as Dateline CSV (`applyFilters`, the text index): the two sources must agree. Junk
// requests get a clear 400/404/405, a query past the time limit a 503, and the service goes on.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { importDataset } from '../../src/formats';
import type { Dataset } from '../../src/model/dataset';
import { applyFilters } from '../../src/model/filter/apply';
import { eventIndexOf } from '../../src/model/filter/eventIndex';
import { LocalTextSearch } from '../../src/model/filter/textSearch';
import type { Filters } from '../../src/model/filter/types';
import { filtersQuery } from '../../src/data/remote/protocol';
import { misspelt, randomFilters } from '../../src/test-utils/randomFilters';
import { NO_FILTERS } from '../../src/model/filter/types';
import { exportCsv } from '../../src/formats/exportCsv';
import { generateEventsParquet } from '../gen-events-parquet';
import { openEventsDatabase, type EventsDatabase } from './database';
import { API, startService } from './server';

const EVENTS = 3000;
let dir: string;
let db: EventsDatabase;
let server: Server;
let base: string;
let dataset: Dataset;

/** Another service on a free loopback port, for any origin. */
const serve = (on: EventsDatabase, timeoutMs = 10_000) =>
  startService(on, { host: '127.0.0.1', port: 0, origins: ['*'], timeoutMs });

async function get(path: string, init?: RequestInit) {
  const res = await fetch(`${base}${API}${path}`, init);
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, res };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dateline-serve-test-'));
  const parquet = join(dir, 'events.parquet');
  const csv = join(dir, 'events.csv');
  await generateEventsParquet({ events: EVENTS, seed: 7, out: parquet, csv });
  db = await openEventsDatabase(parquet, { cacheDir: dir, threads: 1 });
  ({ server, url: base } = await startService(db, {
    host: '127.0.0.1',
    port: 0,
    origins: ['http://localhost:4308'],
    timeoutMs: 10_000,
  }));
  dataset = importDataset(readFileSync(csv, 'utf8'), { fileName: 'events.csv' }).dataset;
}, 120_000);

afterAll(() => {
  server?.close();
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What the browser shows for these filters on the same rows. */
function inBrowser(f: Filters) {
  const hits = f.q.trim() ? new LocalTextSearch(dataset).peek(f.q.trim()) : null;
  return applyFilters(eventIndexOf(dataset), f, hits);
}

const nonZero = (m: ReadonlyMap<string, number>) =>
  Object.fromEntries([...m].filter(([, n]) => n > 0));

describe('the query service', () => {
  it('listens on loopback and summarises the file', async () => {
    expect(new URL(base).hostname).toBe('127.0.0.1');
    const { status, body } = await get('/summary');
    expect(status).toBe(200);
    expect(body.count).toBe(dataset.events.length);
    expect(body.rejected).toEqual({ count: 0, examples: [] });
    const actors = body.actors as Array<{ id: string; name: string }>;
    expect(actors.map((a) => a.id).sort()).toEqual([...dataset.actors.keys()].sort());
    expect((body.span as { earliest: number }).earliest).toBe(dataset.span?.earliest);
  });

  it('gives the same events and facet counts as the browser, on random filter states', async () => {
    let seed = 11;
    const random = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const actorIds = [...dataset.actors.keys()];
    for (let k = 0; k < 25; k++) {
      const f = randomFilters(random, actorIds);
      const want = inBrowser(f);
      const query = filtersQuery(f);
      const facets = await get(`/facets?${query}`);
      expect(facets.status).toBe(200);
      const counts = facets.body.counts as Record<string, Record<string, number>>;
      expect(facets.body.total).toBe(want.visible.length);
      expect(counts.types).toEqual(nonZero(want.counts.types));
      expect(counts.statuses).toEqual(nonZero(want.counts.statuses));
      expect(counts.claims).toEqual(nonZero(want.counts.claims));
      expect(counts.actors).toEqual(nonZero(want.counts.actors));
      const listed = await get(`/events?${query}${query ? '&' : ''}limit=5000`);
      expect(listed.body.mode).toBe('events');
      const ids = (listed.body.events as Array<{ id: string }>).map((e) => e.id);
      expect(ids).toEqual(want.visible.map((e) => e.id));
    }
  });

  it('gives the browser’s counts where they come from the prepared counts, and again when asked again', async () => {
    const [a1, a2] = [...dataset.actors.keys()];
    const states: Filters[] = [
      NO_FILTERS,
      { ...NO_FILTERS, role: 'mediator' },
      { ...NO_FILTERS, actors: [a1!] },
      { ...NO_FILTERS, actors: [a1!, a2!], actorMode: 'all', role: 'party' },
      { ...NO_FILTERS, types: ['visit'] },
      { ...NO_FILTERS, types: ['visit'], statuses: ['scheduled'] },
    ];
    for (const f of states) {
      const want = inBrowser(f);
      const query = filtersQuery(f);
      // The second answer is the kept one: the same, and still the browser's.
      for (let k = 0; k < 2; k++) {
        const facets = await get(`/facets?${query}`);
        expect(facets.status).toBe(200);
        const counts = facets.body.counts as Record<string, Record<string, number>>;
        expect(facets.body.total).toBe(want.visible.length);
        expect(facets.body.all).toBe(dataset.events.length);
        expect(counts.types).toEqual(nonZero(want.counts.types));
        expect(counts.statuses).toEqual(nonZero(want.counts.statuses));
        expect(counts.claims).toEqual(nonZero(want.counts.claims));
        expect(counts.actors).toEqual(nonZero(want.counts.actors));
      }
    }
  });

  it('reads times, places, actors and claims as Dateline CSV does', async () => {
    const listed = await get('/events?limit=5000');
    const rows = listed.body.events as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(dataset.events.length);
    for (const row of rows.slice(0, 300)) {
      const e = dataset.eventById.get(row.id as string)!;
      expect([row.earliest, row.latest]).toEqual([e.earliest, e.latest]);
      expect(row.actors).toEqual(e.actors.map((a) => ({ actor: a.actor, role: a.role })));
      expect(row.claim_id).toBe(e.claim.by === 'import-events-csv' ? null : e.claim.by);
      const place = e.placeKey === null ? null : dataset.places.get(e.placeKey);
      expect(row.place).toBe(place?.name ?? null);
    }
  });

  it('answers bins and grid cells above the row cap, and one event with its details', async () => {
    const { body } = await get('/events?limit=100&slices=20&cell=2');
    expect(body.mode).toBe('bins');
    expect(body.total).toBe(dataset.events.length);
    const bins = body.bins as Array<{ count: number }>;
    expect(bins.reduce((n, b) => n + b.count, 0)).toBe(dataset.events.length);
    const cells = body.cells as Array<{ count: number }>;
    expect(cells.reduce((n, c) => n + c.count, 0) + (body.unplaced as number)).toBe(
      dataset.events.length,
    );
    const one = dataset.events[5]!;
    const detail = await get(`/event/${one.id}?types=${one.type === 'visit' ? 'other' : 'visit'}`);
    expect(detail.body).toMatchObject({ id: one.id, title: one.title, passes: false });
  });

  it('finds the same text hits as the browser, word starts and near misses alike', async () => {
    const queries = ['conv', 'hamas talk', 'gaza', 'zzzz', 'ceasfire', 'delegatoin', 'hamaz'];
    queries.push('negotaition', 'isreal convoi', 'withdrawl summmit', 'qatr', 'résume');
    let seed = 5;
    const random = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    for (const w of ['mediators', 'crossing', 'hostages', 'agreement', 'prisoners'])
      queries.push(misspelt(random, w, 1), misspelt(random, w, 2));
    let nearMisses = 0;
    for (const q of queries) {
      const { body } = await get(`/text?q=${encodeURIComponent(q)}&limit=5000`);
      const hits = new LocalTextSearch(dataset).peek(q);
      expect({ q, total: body.total, ids: body.ids }).toEqual({
        q,
        total: hits.length,
        ids: [...hits].map((pos) => dataset.events[pos]!.id),
      });
      if (q.length > 4 && hits.length > 0 && !/^(conv|hamas talk|gaza)$/.test(q)) nearMisses++;
    }
    // Not every slip is a near miss (two slips in a short word are too many): most are.
    expect(nearMisses).toBeGreaterThan(8);
  });

  it('pages through every event under the filters, by offset and by keyset', async () => {
    const f = { ...randomFilters(() => 0.9, []), types: ['statement', 'negotiation'] } as Filters;
    const want = inBrowser(f).visible.map((e) => e.id);
    expect(want.length).toBeGreaterThan(500);
    const query = filtersQuery(f);
    const byOffset: string[] = [];
    for (let offset = 0; offset < want.length; offset += 200) {
      const { status, body } = await get(`/list?${query}&offset=${offset}&limit=200`);
      expect(status).toBe(200);
      expect(body.total).toBe(want.length);
      byOffset.push(...(body.events as Array<{ id: string }>).map((e) => e.id));
    }
    expect(byOffset).toEqual(want);
    const byKey: string[] = [];
    for (let after = -1; ;) {
      const { body } = await get(`/list?${query}&after=${after}&limit=500`);
      const page = body.events as Array<{ id: string; pos: number }>;
      if (page.length === 0) break;
      byKey.push(...page.map((e) => e.id));
      after = page[page.length - 1]!.pos;
    }
    expect(byKey).toEqual(want);
    const id = want[345]!;
    const at = await get(`/list?${query}&at=${id}&limit=100`);
    expect(at.body).toMatchObject({ offset: 300, rank: 345 });
    expect((at.body.events as Array<{ id: string }>)[45]!.id).toBe(id);
    const out = dataset.events.find((e) => !want.includes(e.id))!;
    expect((await get(`/list?${query}&at=${out.id}`)).body).toMatchObject({
      rank: null,
      offset: 0,
    });
    const past = await get(`/list?${query}&offset=${want.length + 10}`);
    expect(past.body).toMatchObject({ total: want.length, events: [] });
  });

  it('exports the events under the filters as the Dateline CSV the page writes', async () => {
    const f = { ...NO_FILTERS, types: ['visit'], q: 'talk' } as Filters;
    const want = inBrowser(f).visible;
    const res = await fetch(`${base}${API}/export?${filtersQuery(f)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment/);
    expect(res.headers.get('x-event-count')).toBe(String(want.length));
    const text = await res.text();
    const back = importDataset(text, { fileName: 'export.csv' }).dataset;
    expect(back.events.map((e) => e.id)).toEqual(want.map((e) => e.id));
    // Read back, the service's file and the page's own export of the same events say the same.
    const mine = importDataset(exportCsv(dataset, want), { fileName: 'export.csv' }).dataset;
    const fields = (d: Dataset) =>
      d.events.map((e) => [
        e.id,
        e.title,
        e.summary,
        e.type,
        e.status,
        e.time,
        e.earliest,
        e.latest,
        e.placeKey === null ? null : d.places.get(e.placeKey),
        e.actors,
        e.claim.status,
        e.tags,
      ]);
    expect(fields(back)).toEqual(fields(mine));
    // (fetch's text() drops the BOM the file starts with, as spreadsheets need it)
    expect(text.startsWith('id,title,summary,type,start,end,')).toBe(true);
  });

  it('refuses an export above its cap with a 413 saying so, before any row', async () => {
    const { server: small, url } = await startService(db, {
      host: '127.0.0.1',
      port: 0,
      origins: ['*'],
      timeoutMs: 10_000,
      exportCap: 100,
    });
    try {
      const res = await fetch(`${url}${API}/export`);
      expect(res.status).toBe(413);
      const body = (await res.json()) as { error: string; status: number };
      expect(body.error).toBe(
        `the filters let through ${EVENTS.toLocaleString('en')} events; an export holds at most 100: narrow the filters`,
      );
      const summary = (await (await fetch(`${url}${API}/summary`)).json()) as {
        limits: Record<string, number>;
      };
      expect(summary.limits).toEqual({ eventsRows: 5000, listPage: 500, exportRows: 100 });
      const one = await fetch(`${url}${API}/export?q=${encodeURIComponent(dataset.events[0]!.id)}`);
      expect([200, 413]).toContain(one.status);
    } finally {
      small.close();
    }
  });

  it('refuses junk with a clear message and goes on answering', async () => {
    const cases: Array<[string, number, RegExp]> = [
      ['/events?foo=1', 400, /unknown parameter "foo"/],
      ['/events?types=bogus', 400, /types: "bogus" is not one of/],
      ['/events?types=visit&types=other', 400, /more than once/],
      ['/events?start=5&end=1', 400, /end: 1 is not after start: 5/],
      ['/events?start=0&end=1e300', 400, /end: expected a number/],
      ['/events?start=0', 400, /give both/],
      ['/events?limit=-3', 400, /limit: expected a whole number/],
      ['/events?bbox=0,10,5,1', 400, /south 10 is north of north 1/],
      ['/facets?area=31,34,30,35', 400, /area: south 31 is not south of north 30/],
      ['/facets?area=31,34,32', 400, /area: expected south,west,north,east/],
      ['/facets?area=31,200,32,35', 400, /area west: expected a number from -180 to 180/],
      ['/facets?area=30,34,31,34', 400, /area: .* has no width/],
      ['/facets?area=30,34,31,35&unplaced=yes', 400, /unplaced: expected 1 or 0/],
      ['/facets?from=2025-02-30', 400, /from: expected a day/],
      ['/facets?from=2025-03-01&to=2025-02-01', 400, /after to/],
      ['/facets?actors=Not%20An%20Id', 400, /actors: "Not An Id" is not an actor id/],
      ['/facets?role=king', 400, /role: expected one of/],
      ['/facets?within=yes', 400, /within: expected 1 or 0/],
      [`/facets?q=${'w '.repeat(40)}`, 400, /q: more than 16 words/],
      ['/text', 400, /q: missing/],
      ['/summary?x=1', 400, /unknown parameter "x"; this path takes none/],
      ['/event/NOT%20AN%20ID', 400, /is not an id/],
      ['/event/no-such-event', 404, /no event has the id "no-such-event"/],
      ['/event/%E0%A4%A', 400, /percent-encoding/],
      ['/nowhere', 404, /no such path/],
      ['/list?offset=-1', 400, /offset: expected a whole number from 0/],
      ['/list?offset=1.5', 400, /offset: expected a whole number/],
      ['/list?limit=501', 400, /limit: expected a whole number from 1 to 500/],
      ['/list?limit=0', 400, /limit: expected a whole number from 1 to 500/],
      ['/list?offset=0&after=3', 400, /offset, after and at: give one/],
      ['/list?at=Not%20An%20Id', 400, /at: "Not An Id" is not an event id/],
      ['/list?after=x', 400, /after: expected a whole number/],
      ['/list?start=0&end=1', 400, /unknown parameter "start"/],
      ['/list?types=bogus', 400, /types: "bogus" is not one of/],
      ['/export?format=xlsx', 400, /format: only csv is written/],
      ['/export?limit=5', 400, /unknown parameter "limit"/],
      ['/export?from=2025-13-01', 400, /from: expected a day/],
      ["/list?q=x'%3B%20DROP%20TABLE%20events%3B--", 200, /^$/],
      ['/nowhere/export', 404, /\/api\/v1\/export/],
    ];
    for (const [path, status, message] of cases) {
      const r = await get(path);
      // The one 200 (a quote in a query) has no error: '' matches its /^$/.
      expect({ path, status: r.status, error: r.body.error ?? '' }).toEqual({
        path,
        status,
        error: expect.stringMatching(message),
      });
    }
    const post = await get('/summary', { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect((await get('/summary')).status).toBe(200);
  });

  it('answers the app origin with CORS and no other', async () => {
    const ok = await get('/summary', { headers: { origin: 'http://localhost:4308' } });
    expect(ok.res.headers.get('access-control-allow-origin')).toBe('http://localhost:4308');
    const other = await get('/summary', { headers: { origin: 'https://evil.example' } });
    expect(other.res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('stops a query at the time limit with a 503, and answers the next', async () => {
    const { server: slow, url } = await serve(db, 1);
    try {
      const res = await fetch(`${url}${API}/facets?q=the`);
      expect(res.status).toBe(503);
      expect(((await res.json()) as { error: string }).error).toMatch(/longer than 1 ms/);
    } finally {
      slow.close();
    }
    expect((await get('/facets?q=the')).status).toBe(200);
  });

  it('opens the database read-only, with no access to files', async () => {
    const c = await db.connect();
    try {
      await expect(c.run('CREATE TABLE x (a INTEGER)')).rejects.toThrow(/read-only/i);
      await expect(c.run(`SELECT * FROM read_csv('/etc/passwd')`)).rejects.toThrow(
        /external access|disabled/i,
      );
    } finally {
      c.closeSync();
    }
  });

  it('leaves out rows it cannot read and says which and why', async () => {
    const bad = join(dir, 'bad.parquet');
    const maker = await DuckDBInstance.create(':memory:');
    const c = await maker.connect();
    await c.run(`COPY (SELECT * FROM (VALUES
        ('ok-1', 'Fine', '2025-02-27', NULL, 31.5, 34.4),
        ('ok-1', 'Same id again', '2025-02-28', NULL, NULL, NULL),
        ('Bad Id', 'Bad id', '2025-02-27', NULL, NULL, NULL),
        ('no-date', 'No date', 'last week', NULL, NULL, NULL),
        ('bad-day', 'No such day', '2025-02-30', NULL, NULL, NULL),
        ('far-north', 'Lat out of range', '2025-02-27', NULL, 95.0, 10.0),
        ('ok-2', 'Span', '2025-02-27', '2025-03-02', NULL, NULL)
      ) t(id, title, start, "end", lat, lon)) TO '${bad}' (FORMAT parquet)`);
    c.closeSync();
    maker.closeSync();
    const other = await openEventsDatabase(bad, { cacheDir: dir, threads: 1 });
    const { server: s2, url } = await serve(other);
    try {
      const body = (await (await fetch(`${url}${API}/summary`)).json()) as {
        count: number;
        rejected: { count: number; examples: Array<{ row: number; problem: string }> };
      };
      expect(body.count).toBe(2);
      expect(body.rejected.count).toBe(5);
      expect(body.rejected.examples.map((e) => [e.row, e.problem.split(':')[0]])).toEqual([
        [3, 'id'],
        [4, 'id'],
        [5, 'start'],
        [6, 'start'],
        [7, 'lat'],
      ]);
    } finally {
      s2.close();
      other.close();
    }
  });
});
