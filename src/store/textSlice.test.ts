import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyFilters } from '../model/filter/apply';
import { eventIndexOf } from '../model/filter/eventIndex';
import { LocalTextSearch } from '../model/filter/textSearch';
import { NO_FILTERS, type Filters } from '../model/filter/types';
import { FakeTextWorker } from '../test-utils/fakeTextWorker';
import { fixtureDataset } from '../test-utils/fixture';
import { generatedDataset } from '../test-utils/generated';
import { createAppStore, type AppStore } from './index';
import { selectFilterResult, selectVisibleEvents } from './selectors';
import { startWarmup } from './warmup';

// Large enough to be searched in the (fake) worker.
const big = generatedDataset(2500);
const local = new LocalTextSearch(big);
const report = { file: 'big.json', problems: [], eventsAccepted: 2500, eventsRejected: 0 };

vi.stubGlobal('Worker', FakeTextWorker);
afterAll(() => vi.unstubAllGlobals());

let store: AppStore;
const state = () => store.getState();
/** The first of the dataset's search workers (each shard gets every query). */
const worker = () => FakeTextWorker.made[0]!;
const deliver = () => FakeTextWorker.made.forEach((w) => w.deliver());
/** Lets the workers answer (and the text slices go out) until no query is on its way. */
async function answered() {
  for (let i = 0; i < 50 && state().textPending !== null; i++) {
    deliver();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  expect(state().textPending).toBeNull();
}
/** What the filters should show, searched on the page. */
const expected = (f: Partial<Filters>) => {
  const filters = { ...NO_FILTERS, ...f };
  return applyFilters(eventIndexOf(big), filters, f.q ? local.peek(f.q) : null);
};

beforeEach(() => {
  FakeTextWorker.reset();
  store = createAppStore(); // its own text search: fresh workers, nothing remembered
  state().setLoaded(big, report);
});
afterEach(() => state().services.textSearch.drop());

describe('text search of a large dataset in the store', () => {
  it('keeps showing what it showed while the query is searched, then shows its hits in one update', async () => {
    const before = selectVisibleEvents(state());
    state().setFilters({ q: 'ceasefire' });
    expect(state().textPending).toBe('ceasefire');
    expect(selectVisibleEvents(state())).toBe(before);

    let updates = 0;
    const stop = store.subscribe(selectVisibleEvents, () => updates++);
    await answered();
    stop();
    expect(updates).toBe(1);
    expect(selectVisibleEvents(state())).toEqual(expected({ q: 'ceasefire' }).visible);
    expect(selectVisibleEvents(state()).length).toBeLessThan(big.events.length);
  });

  it('shows the previous query’s result, not every event, while the next one is searched', async () => {
    state().setFilters({ q: 'ceasefire' });
    await answered();
    const shown = selectVisibleEvents(state());
    state().setFilters({ q: 'ceasefire conv' });
    expect(selectVisibleEvents(state())).toBe(shown);
    await answered();
    expect(selectVisibleEvents(state())).toEqual(expected({ q: 'ceasefire conv' }).visible);
  });

  it('does not search again when another filter changes, and counts facets under the query', async () => {
    state().setFilters({ q: 'convoy' });
    await answered();
    state().setFilters({ types: ['statement'] });
    expect(state().textPending).toBeNull();
    expect(worker().searches()).toEqual(['convoy']);
    const want = expected({ q: 'convoy', types: ['statement'] });
    expect(selectFilterResult(state())?.visible).toEqual(want.visible);
    expect(selectFilterResult(state())?.counts).toEqual(want.counts);
  });

  it('forgets a query still on its way when the filters are cleared', async () => {
    state().setFilters({ q: 'border' });
    state().clearFilters();
    expect(state().textPending).toBeNull();
    deliver();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(state().filters.q).toBe('');
    expect(selectVisibleEvents(state())).toBe(big.events);
  });

  it('goes back to an answered query at once (typing back, Back and Forward)', async () => {
    state().setFilters({ q: 'summit' });
    await answered();
    state().setFilters({ q: 'summit x' });
    await answered();
    state().setFilters({ q: 'summit' });
    expect(state().textPending).toBeNull();
    expect(selectVisibleEvents(state())).toEqual(expected({ q: 'summit' }).visible);
  });

  it('stops the previous dataset’s worker when another dataset is shown', () => {
    const stop = startWarmup(store);
    state().setFilters({ q: 'envoy' });
    const first = [...FakeTextWorker.made];
    expect(first.length).toBeGreaterThan(0);
    state().replaceDataset(fixtureDataset(), report, 'Dateline JSON', null);
    stop();
    expect(first.every((w) => w.terminated)).toBe(true);
    expect(state().textPending).toBeNull();
    expect(state().textShown.hits).toBeNull();
  });
});
