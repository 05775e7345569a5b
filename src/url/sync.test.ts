import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NO_FILTERS } from '../model/filter/types';
import { createAppStore, type AppStore } from '../store';
import { FakeTextWorker } from '../test-utils/fakeTextWorker';
import { fixtureDataset } from '../test-utils/fixture';
import { generatedDataset } from '../test-utils/generated';
import { applyViewState } from './sync';
import { DEFAULT_VIEW_STATE } from './viewState';
import type { ViewState } from './types';

const report = { file: 'fixture.json', problems: [], eventsAccepted: 4, eventsRejected: 0 };
const link = (change: Partial<ViewState>): ViewState => ({ ...DEFAULT_VIEW_STATE, ...change });

let store: AppStore;
beforeEach(() => {
  store = createAppStore();
  store.getState().setLoaded(fixtureDataset(), report);
});

afterEach(() => store.getState().services.textSearch.drop());

describe('applyViewState', () => {
  it('applies the selection before the window and the map view, so a view the link gives wins over revealing the selection', () => {
    const changes: string[] = [];
    const unsubscribers = [
      store.subscribe(
        (s) => s.selectedId,
        () => changes.push('selection'),
      ),
      store.subscribe(
        (s) => s.timeWindow,
        () => changes.push('window'),
      ),
      store.subscribe(
        (s) => s.mapView,
        () => changes.push('map'),
      ),
    ];
    applyViewState(
      store,
      link({
        event: 'talks',
        window: { start: Date.UTC(2025, 1, 20), end: Date.UTC(2025, 2, 1) },
        map: { lat: 30, lon: 35, zoom: 5 },
      }),
    );
    unsubscribers.forEach((unsubscribe) => unsubscribe());
    expect(changes).toEqual(['selection', 'window', 'map']);
    expect(store.getState()).toMatchObject({
      selectedId: 'talks',
      selectionOrigin: 'url',
      timeWindowOrigin: 'url',
      mapViewOrigin: 'url',
      viewPinned: true,
    });
  });

  it('says when the event is not in the dataset, and still applies the filters', () => {
    applyViewState(
      store,
      link({ event: 'no-such-event', filters: { ...NO_FILTERS, types: ['visit'] } }),
    );
    const s = store.getState();
    expect(s.selectedId).toBeNull();
    expect(s.filters.types).toEqual(['visit']);
    expect(s.notices.map((n) => n.text)).toEqual([
      'The link’s event “no-such-event” is not in this dataset.',
    ]);
  });

  it('shows an event its own filters hide, and offers to show it', () => {
    applyViewState(store, link({ event: 'talks', filters: { ...NO_FILTERS, types: ['visit'] } }));
    const [notice] = store.getState().notices;
    expect(store.getState().selectedId).toBe('talks');
    expect(notice?.text).toContain('outside the link’s filters');
    notice?.action?.run();
    expect(store.getState().filters).toEqual(NO_FILTERS);
  });

  it('withdraws the “outside the filters” notice once the event is shown another way', () => {
    applyViewState(store, link({ event: 'talks', filters: { ...NO_FILTERS, types: ['visit'] } }));
    expect(store.getState().notices).toHaveLength(1);
    store.getState().setFilters({ q: 'talks' });
    expect(store.getState().notices).toHaveLength(1);
    store.getState().clearFilters();
    expect(store.getState().notices).toEqual([]);
  });

  it('withdraws it too when another event is selected', () => {
    applyViewState(store, link({ event: 'talks', filters: { ...NO_FILTERS, types: ['visit'] } }));
    store.getState().select('envoy', 'list');
    expect(store.getState().notices).toEqual([]);
  });

  it('with the search in workers, says the event is outside the link’s query once the query is searched', async () => {
    vi.stubGlobal('Worker', FakeTextWorker);
    try {
      const big = generatedDataset(2000);
      const [event] = big.events;
      store.getState().setLoaded(big, { ...report, eventsAccepted: 2000 });
      applyViewState(
        store,
        link({ event: event!.id, filters: { ...NO_FILTERS, q: 'zzzz-nothing' } }),
      );
      expect(store.getState().textPending).toBe('zzzz-nothing');
      expect(store.getState().notices).toEqual([]);
      for (let i = 0; i < 20 && store.getState().textPending !== null; i++) {
        FakeTextWorker.made.forEach((w) => w.deliver());
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      expect(store.getState().notices.map((n) => n.text)).toEqual([
        expect.stringContaining('outside the link’s filters'),
      ]);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
