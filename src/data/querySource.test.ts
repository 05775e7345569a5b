// The query source against a fake service (fetch answered from tables): what it installs in the
// store, that the views keep one dataset object, and that an answer a newer question replaced
// is never shown.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppStore, type AppStore } from '../store';
import { selectShownCount, selectTotalCount, selectVisibleEvents } from '../store/selectors';
import { DEFAULT_VIEW_STATE } from '../url/viewState';
import type { RemoteEventRow, RemoteFacets, RemoteSummary } from './remote/protocol';
import { QuerySource } from './querySource';

const BASE = 'http://127.0.0.1:4999';

function row(id: string, pos: number, type = 'visit'): RemoteEventRow {
  const start = `2025-02-${String(10 + pos).padStart(2, '0')}`;
  const earliest = Date.parse(`${start}T00:00Z`);
  return {
    id,
    title: `Event ${id}`,
    summary: '',
    type,
    status: 'occurred',
    start,
    end: null,
    precision: 'day',
    approximate: false,
    time_text: null,
    place: 'Cairo',
    lat: 30.04,
    lon: 31.24,
    place_precision: 'city',
    tags: ['talks'],
    actors: [{ actor: 'egypt', role: 'host' }],
    claim_by: 'Reuters',
    claim_status: 'reported',
    claim_id: 'reuters',
    claim_kind: 'source',
    earliest,
    latest: earliest + 86_400_000 - 1,
    pos,
    file_row: pos + 2,
  };
}

const ROWS = [row('a', 0), row('b', 1, 'statement'), row('c', 2)];

const SUMMARY: RemoteSummary = {
  format: 'dateline-query/1',
  title: 'events.parquet',
  count: 3,
  span: { earliest: ROWS[0]!.earliest, latest: ROWS[2]!.latest },
  bounds: null,
  unplaced: 0,
  facets: { types: {}, statuses: {}, claims: {} },
  actors: [{ id: 'egypt', name: 'Egypt', count: 3 }],
  sources: [{ id: 'reuters', name: 'Reuters' }],
  rejected: { count: 1, examples: [{ file: 'x', row: 9, id: 'bad', problem: 'start: missing' }] },
};

function facets(types: string[]): RemoteFacets {
  const shown = ROWS.filter((r) => types.length === 0 || types.includes(r.type));
  return {
    total: shown.length,
    all: 3,
    counts: {
      types: { visit: 2, statement: 1 },
      statuses: { occurred: shown.length },
      claims: { reported: shown.length },
      actors: { egypt: shown.length },
    },
  };
}

/** Answers by path; `delay(url)` ms before answering (a slow question). */
function fakeService(delay: (url: URL) => number = () => 0) {
  const asked: string[] = [];
  vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
    const url = new URL(input);
    asked.push(`${url.pathname}${url.search}`);
    await new Promise((r) => setTimeout(r, delay(url)));
    if (init?.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    const types = url.searchParams.get('types')?.split(',') ?? [];
    const bbox = url.searchParams.get('bbox')?.split(',').map(Number);
    const under = ROWS.filter((r) => types.length === 0 || types.includes(r.type));
    const body = url.pathname.endsWith('/summary')
      ? SUMMARY
      : bbox
        ? // The map's question: a box around Cairo lists; a wider one counts in cells.
          bbox[2]! - bbox[0]! < 10
          ? { mode: 'events', total: under.length, events: under }
          : {
              mode: 'bins',
              total: under.length,
              limit: 2000,
              slice: 1,
              bins: [],
              cell: 10,
              cells: [
                { lat: 30, lon: 31, count: under.length, south: 30, west: 31, north: 30, east: 31 },
              ],
              cellsCut: false,
              unplaced: 0,
            }
        : url.pathname.endsWith('/list')
          ? {
              total: under.length,
              offset: Number(url.searchParams.get('offset') ?? 0),
              after: null,
              events: under.slice(Number(url.searchParams.get('offset') ?? 0)),
            }
          : url.pathname.endsWith('/summary')
            ? SUMMARY
            : url.pathname.endsWith('/facets')
              ? facets(types)
              : url.pathname.endsWith('/events')
                ? {
                    mode: 'events',
                    total: 3,
                    events: ROWS.filter((r) => types.length === 0 || types.includes(r.type)),
                  }
                : url.pathname.includes('/event/')
                  ? ROWS.filter((r) => url.pathname.endsWith(`/event/${r.id}`)).map((r) => ({
                      ...r,
                      passes: types.length === 0 || types.includes(r.type),
                    }))[0]
                  : null;
    return new Response(JSON.stringify(body ?? { error: 'no such path', status: 404 }), {
      status: body ? 200 : 404,
    });
  });
  return asked;
}

let store: AppStore;
beforeEach(() => {
  store = createAppStore();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const settled = () => new Promise((r) => setTimeout(r, 400));

describe('QuerySource', () => {
  it('opens the service: its events and counts, its refused rows in the load report', async () => {
    fakeService();
    const q = new QuerySource(BASE, store);
    expect(await q.open(DEFAULT_VIEW_STATE)).toBe(true);
    const s = store.getState();
    expect(selectVisibleEvents(s).map((e) => e.id)).toEqual(['a', 'b', 'c']);
    expect(selectShownCount(s)).toBe(3);
    expect(selectTotalCount(s)).toBe(3);
    expect(s.report).toMatchObject({ eventsAccepted: 3, eventsRejected: 1 });
    expect(s.report?.problems[0]).toMatchObject({ row: 9, id: 'bad' });
    const b = s.dataset!.eventById.get('b')!;
    expect(b).toMatchObject({ type: 'statement', claim: { by: 'reuters', status: 'reported' } });
    expect(s.dataset!.places.get(b.placeKey!)).toMatchObject({ name: 'Cairo', lat: 30.04 });
    expect(s.dataset!.sources.get('reuters')?.title).toBe('Reuters');
  });

  it('asks again when the filters change, keeping one dataset object and its event objects', async () => {
    fakeService();
    const q = new QuerySource(BASE, store);
    await q.open(DEFAULT_VIEW_STATE);
    const stop = q.start();
    const dataset = store.getState().dataset;
    const a = dataset!.eventById.get('a');
    store.getState().setFilters({ types: ['visit'] });
    await settled();
    const s = store.getState();
    expect(selectVisibleEvents(s).map((e) => e.id)).toEqual(['a', 'c']);
    expect(selectShownCount(s)).toBe(2);
    expect(s.remote?.result.counts.types.get('statement')).toBe(1);
    expect(s.dataset).toBe(dataset);
    expect(s.dataset!.eventById.get('a')).toBe(a);
    stop();
  });

  it('never shows the answer to a question a newer one replaced', async () => {
    // The first question (types=statement) is slow; the one after it (types=visit) is quick.
    fakeService((url) => (url.searchParams.get('types') === 'statement' ? 300 : 0));
    const q = new QuerySource(BASE, store);
    await q.open(DEFAULT_VIEW_STATE);
    const stop = q.start();
    store.getState().setFilters({ types: ['statement'] });
    await new Promise((r) => setTimeout(r, 150));
    store.getState().setFilters({ types: ['visit'] });
    await new Promise((r) => setTimeout(r, 700));
    expect(selectVisibleEvents(store.getState()).map((e) => e.id)).toEqual(['a', 'c']);
    expect(selectShownCount(store.getState())).toBe(2);
    stop();
  });

  it('fetches a link’s event the page does not hold, and keeps a selection known for Back', async () => {
    const asked = fakeService();
    const q = new QuerySource(BASE, store);
    const visit = { ...DEFAULT_VIEW_STATE.filters, types: ['visit' as const] };
    await q.open({ ...DEFAULT_VIEW_STATE, event: 'b', filters: visit });
    expect(asked.some((p) => p.startsWith('/api/v1/event/b?types=visit'))).toBe(true);
    // "b" is known (a link may select it) but hidden by the filters, so not shown.
    expect(store.getState().dataset!.eventById.get('b')?.title).toBe('Event b');
    expect(selectVisibleEvents(store.getState()).map((e) => e.id)).toEqual(['a', 'c']);
    store.getState().setFilters({ types: ['visit'] });
    const stop = q.start();
    store.getState().select('a', 'list');
    await settled();
    // Filters that hide "a": it is asked again, no longer shown, and still known for Back.
    store.getState().setFilters({ types: ['statement'] });
    await settled();
    expect(asked.some((p) => p.startsWith('/api/v1/event/a?types=statement'))).toBe(true);
    expect(selectVisibleEvents(store.getState()).map((e) => e.id)).toEqual(['b']);
    expect(store.getState().dataset!.eventById.has('a')).toBe(true);
    stop();
  });

  it('asks for the map’s bounds: the events there at any time, or cells when too many', async () => {
    const asked = fakeService();
    const q = new QuerySource(BASE, store);
    await q.open(DEFAULT_VIEW_STATE);
    const stop = q.start();
    // Until the map says its bounds, it shows the timeline's events.
    expect(store.getState().remote?.mapEvents).toBeNull();
    store.getState().setRemoteMapBounds({ west: 30, south: 29, east: 33, north: 31 });
    await settled();
    expect(asked.some((p) => /\/events\?.*bbox=30%2C29%2C33%2C31/.test(p))).toBe(true);
    expect(store.getState().remote?.mapEvents?.map((e) => e.id)).toEqual(['a', 'b', 'c']);
    expect(store.getState().remote?.mapCells).toBeNull();
    // The whole world, panned past the antimeridian: one world asked, counted in cells.
    store.getState().setRemoteMapBounds({ west: -250, south: -80, east: 250, north: 80 });
    await settled();
    expect(asked.some((p) => /bbox=-180%2C-80%2C180%2C80/.test(p))).toBe(true);
    expect(store.getState().remote?.mapEvents).toEqual([]);
    expect(store.getState().remote?.mapCells).toHaveLength(1);
    stop();
  });

  it('pages the list from the service, and a listed event can be selected', async () => {
    const asked = fakeService();
    const q = new QuerySource(BASE, store);
    await q.open(DEFAULT_VIEW_STATE);
    const stop = q.start();
    const list = store.getState().remote!.list!;
    expect(list.total).toBe(3);
    list.ensure(0, 10);
    await settled();
    expect(asked).toContain('/api/v1/list?offset=0&limit=100');
    expect([0, 1, 2].map((i) => list.rowAt(i)?.id)).toEqual(['a', 'b', 'c']);
    store.getState().select('b', 'list');
    expect(store.getState().selectedId).toBe('b');
    store.getState().setFilters({ types: ['visit'] });
    await settled();
    // New filters: a new count, and the pages asked again.
    expect(list.total).toBe(2);
    expect(list.rowAt(0)).toBeUndefined();
    list.ensure(0, 10);
    await settled();
    expect([0, 1].map((i) => list.rowAt(i)?.id)).toEqual(['a', 'c']);
    stop();
  });

  it('says why when the service cannot be reached', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await new QuerySource(BASE, store).open(DEFAULT_VIEW_STATE)).toBe(false);
    expect(store.getState().loadError).toBe(`the query service at ${BASE} could not be reached`);
  });
});
