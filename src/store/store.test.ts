import { beforeEach, describe, expect, it } from 'vitest';
import { LocalTextSearch } from '../model/filter/textSearch';
import { CurrentTextSearch } from '../model/filter/textSearchOf';
import { fixtureDataset } from '../test-utils/fixture';
import { createAppStore, type AppStore } from './index';
import { stepSelection } from './navigation';
import { selectVisibleEvents } from './selectors';

const report = { file: 'fixture.json', problems: [], eventsAccepted: 4, eventsRejected: 0 };

let store: AppStore;
beforeEach(() => {
  store = createAppStore();
  store.getState().setLoaded(fixtureDataset(), report);
});

describe('selection slice', () => {
  it('selects a known event and remembers which view asked', () => {
    store.getState().select('talks', 'map');
    expect(store.getState()).toMatchObject({ selectedId: 'talks', selectionOrigin: 'map' });
  });

  it('ignores an id that is not in the dataset', () => {
    store.getState().select('talks', 'map');
    store.getState().select('no-such-event', 'list');
    expect(store.getState().selectedId).toBe('talks');
  });

  it('does not notify subscribers when the same event is selected again', () => {
    store.getState().select('talks', 'map');
    let calls = 0;
    const unsubscribe = store.subscribe(() => calls++);
    store.getState().select('talks', 'timeline');
    unsubscribe();
    expect(calls).toBe(0);
  });

  it('does not notify subscribers for an unchanged hover', () => {
    store.getState().hover(['talks'], 'timeline');
    let calls = 0;
    const unsubscribe = store.subscribe(() => calls++);
    store.getState().hover(['talks'], 'timeline');
    unsubscribe();
    expect(calls).toBe(0);
  });

  it('clears selection and hover when another dataset is loaded', () => {
    store.getState().select('talks', 'map');
    store.getState().hover(['envoy'], 'map');
    store.getState().setLoaded(fixtureDataset(), report);
    expect(store.getState()).toMatchObject({ selectedId: null, hoveredIds: [] });
  });
});

describe('stepSelection', () => {
  it('walks through events in time order and stops at the ends', () => {
    const ids: Array<string | null> = [];
    for (let i = 0; i < 5; i++) {
      stepSelection(1, 'keyboard', store);
      ids.push(store.getState().selectedId);
    }
    expect(ids).toEqual(['nowhere', 'statement', 'talks', 'envoy', 'envoy']);
    stepSelection(-1, 'keyboard', store);
    expect(store.getState().selectedId).toBe('talks');
  });

  it('starts from the last event when stepping back with nothing selected', () => {
    stepSelection(-1, 'keyboard', store);
    expect(store.getState().selectedId).toBe('envoy');
  });
});

describe('filters slice', () => {
  it('refuses a range whose start is after its end, and applies the rest of the change', () => {
    const { setFilters } = store.getState();
    setFilters({ from: '2025-02-27' });
    setFilters({ to: '2025-02-20', types: ['statement'] });
    expect(store.getState().filters).toMatchObject({
      from: '2025-02-27',
      to: null,
      types: ['statement'],
    });
    setFilters({ from: '2025-03-05', to: '2025-03-01' });
    expect(store.getState().filters).toMatchObject({ from: '2025-02-27', to: null });
    setFilters({ from: '2025-02-20', to: '2025-02-27' });
    expect(store.getState().filters).toMatchObject({ from: '2025-02-20', to: '2025-02-27' });
  });

  it('keeps how dates are matched, and clears it with the other filters', () => {
    store.getState().setFilters({ dateWithin: true });
    expect(store.getState().filters.dateWithin).toBe(true);
    store.getState().clearFilters();
    expect(store.getState().filters.dateWithin).toBe(false);
  });
});

describe('dataset slice', () => {
  it('reports a failed load with the first problem as the message', () => {
    store.getState().setLoaded(null, {
      file: 'x.json',
      problems: [
        { severity: 'error', collection: 'dataset', message: '“format” must be “dateline/1”' },
      ],
      eventsAccepted: 0,
      eventsRejected: 0,
    });
    expect(store.getState()).toMatchObject({
      loadStatus: 'failed',
      loadError: '“format” must be “dateline/1”',
    });
  });
});

describe('each store on its own', () => {
  it('searches text with the search it was given', () => {
    const asked: string[] = [];
    const textSearch = new CurrentTextSearch((dataset) => {
      const local = new LocalTextSearch(dataset);
      return {
        peek: (q) => (asked.push(q), local.peek(q)),
        search: (q) => local.search(q),
        warm: () => undefined,
        destroy: () => undefined,
      };
    });
    const own = createAppStore({ textSearch });
    own.getState().setLoaded(fixtureDataset(), report);
    own.getState().setFilters({ q: 'talks' });
    expect(asked).toEqual(['talks']);
    expect(selectVisibleEvents(own.getState()).map((e) => e.id)).toEqual(['talks']);
  });

  it('keeps its own filter result: another store’s filters do not evict it', () => {
    const other = createAppStore();
    other.getState().setLoaded(fixtureDataset(), report);
    store.getState().setFilters({ types: ['visit'] });
    const mine = selectVisibleEvents(store.getState());
    other.getState().setFilters({ q: 'talks' });
    selectVisibleEvents(other.getState());
    expect(selectVisibleEvents(store.getState())).toBe(mine);
  });

  it('numbers its own notices', () => {
    const other = createAppStore();
    const a = store.getState().notify({ kind: 'warning', text: 'one' });
    const b = other.getState().notify({ kind: 'warning', text: 'one' });
    expect(a).toBe(b);
    other.getState().dismiss(b);
    expect(store.getState().notices.map((n) => n.text)).toEqual(['one']);
  });
});
