// @vitest-environment jsdom
// The binder with fake views: no React, no browser library. A fake map reports its view at once
// when it moves, as Leaflet's moveend does for a move without animation, which is what made the
// races below possible. (jsdom only for the address bar of the link tests.)
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatelineEvent } from '../../model/dataset';
import { createAppStore, type AppStore } from '../../store';
import type { ViewOrigin } from '../../store/selectionSlice';
import { fixtureDataset } from '../../test-utils/fixture';
import { applyViewState, startUrlSync } from '../../url/sync';
import type { MapViewState, TimeWindow } from '../../url/types';
import { parseViewState } from '../../url/viewState';
import { bindLinkedView } from './bindLinkedView';
import {
  mapViewChannel,
  timeWindowChannel,
  UNCONNECTED,
  type LinkedView,
  type LinkedViewReports,
} from './LinkedView';

const report = { file: 'fixture.json', problems: [], eventsAccepted: 4, eventsRejected: 0 };

class FakeView<V> implements LinkedView<V> {
  reports: LinkedViewReports<V> = UNCONNECTED;
  /** The view it shows now. */
  current: V | null = null;

  constructor(
    readonly origin: ViewOrigin,
    private readonly log: string[],
    /** Where revealing an event moves it, if it moves (reported at once). */
    private readonly revealTo?: (id: string) => V,
  ) {}

  connect(reports: LinkedViewReports<V>) {
    this.reports = reports;
    this.log.push(`${this.origin} connect`);
  }
  setEvents(events: readonly DatelineEvent[]) {
    this.log.push(`${this.origin} events ${events.length}`);
  }
  select(id: string | null, reveal: boolean) {
    this.log.push(`${this.origin} select ${id}${reveal ? ' reveal' : ''}`);
    if (reveal && id !== null && this.revealTo) this.moveTo(this.revealTo(id), false);
  }
  highlight(ids: readonly string[]) {
    this.log.push(`${this.origin} highlight ${ids.join(',')}`);
  }
  showView(view: V) {
    this.log.push(`${this.origin} show ${JSON.stringify(view)}`);
    this.moveTo(view, false);
  }
  moveTo(view: V, byUser: boolean) {
    this.current = view;
    this.reports.settled(view, byUser);
  }
}

const CITY: MapViewState = { lat: 30, lon: 31, zoom: 8 };
const LINKED: MapViewState = { lat: 10, lon: 20, zoom: 5 };
const DRAGGED: MapViewState = { lat: 40, lon: 50, zoom: 6 };
const WINDOW: TimeWindow = { start: 0, end: 86_400_000 };

let store: AppStore;
let log: string[];
let unbind: Array<() => void>;
const microtasks = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function fakeMap() {
  return new FakeView<MapViewState>('map', log, () => CITY);
}
function fakeTimeline() {
  return new FakeView<TimeWindow>('timeline', log);
}
function bindMap(map = fakeMap()) {
  unbind.push(bindLinkedView(store, map, mapViewChannel));
  return map;
}
function bindTimeline(timeline = fakeTimeline()) {
  unbind.push(bindLinkedView(store, timeline, timeWindowChannel));
  return timeline;
}

beforeEach(() => {
  store = createAppStore();
  store.getState().setLoaded(fixtureDataset(), report);
  log = [];
  unbind = [];
});

afterEach(() => unbind.forEach((u) => u()));

describe('bindLinkedView', () => {
  it('shows a view the events and the selection when it attaches, then starts following', () => {
    store.getState().select('talks', 'list');
    bindTimeline();
    expect(log).toEqual(['timeline connect', 'timeline events 4', 'timeline select talks reveal']);
    log.length = 0;
    store.getState().setFilters({ types: ['negotiation'] });
    expect(log).toEqual([
      `timeline events ${store.getState().dataset!.events.filter((e) => e.type === 'negotiation').length}`,
    ]);
  });

  it('hands a view made for one dataset nothing once another is shown (new views are made)', () => {
    bindMap();
    bindTimeline();
    log.length = 0;
    store.getState().replaceDataset(fixtureDataset(), report, 'Dateline JSON', null);
    store.getState().select('talks', 'list');
    expect(log).toEqual([]);
    // The views mounted for the new dataset are shown it, and follow it.
    bindTimeline();
    expect(log).toEqual(['timeline connect', 'timeline events 4', 'timeline select talks reveal']);
  });

  it('reveals a selection only in the views that did not make it', () => {
    bindMap();
    bindTimeline();
    log.length = 0;
    store.getState().select('talks', 'map');
    expect(log).toEqual(['map select talks', 'timeline select talks reveal']);
  });

  it('highlights what a view hovers in the other views only', () => {
    bindMap();
    bindTimeline();
    log.length = 0;
    store.getState().hover(['talks'], 'timeline');
    expect(log).toEqual(['map highlight talks', 'timeline highlight ']);
  });

  it('applies a view only to the views it did not come from', async () => {
    const map = bindMap();
    bindTimeline();
    log.length = 0;
    map.moveTo(DRAGGED, true);
    expect(store.getState()).toMatchObject({
      mapView: DRAGGED,
      mapViewOrigin: 'map',
      viewPinned: true,
    });
    expect(log).toEqual([]);
    store.getState().setMapView(LINKED, 'url');
    expect(log).toEqual([`map show ${JSON.stringify(LINKED)}`]);
    await microtasks();
    // The map's report of the move it was asked for: its own, and not the user's.
    expect(store.getState()).toMatchObject({ mapView: LINKED, mapViewOrigin: 'map' });
  });

  it('hands every change to the views in the same order, whatever order they mounted in', () => {
    const orders = [
      [bindMap, bindTimeline],
      [bindTimeline, bindMap],
    ].map((binds) => {
      store = createAppStore();
      store.getState().setLoaded(fixtureDataset(), report);
      log = [];
      for (const bind of binds) bind();
      log.length = 0;
      store.getState().select('talks', 'list');
      store.getState().hover(['envoy'], 'list');
      return [...log];
    });
    expect(orders[0]).toEqual(orders[1]);
  });

  it('in one change, shows the view after revealing the selection, so the view wins', async () => {
    const map = bindMap();
    log.length = 0;
    store.setState({
      selectedId: 'talks',
      selectionOrigin: 'url',
      mapView: LINKED,
      mapViewOrigin: 'url',
    });
    expect(log).toEqual(['map select talks reveal', `map show ${JSON.stringify(LINKED)}`]);
    expect(map.current).toEqual(LINKED);
    await microtasks();
    expect(store.getState().mapView).toEqual(LINKED);
  });
});

describe('races fixed so far', () => {
  it('a link’s view wins over revealing its event, when the map mounts after the link was applied', async () => {
    // The link is applied first (the views were not mounted yet)…
    const { state } = parseViewState('?event=talks&map=10.0000,20.0000,5', '');
    applyViewState(store, state);
    const written: Array<MapViewState | null> = [];
    store.subscribe((s, prev) => {
      if (s.mapView !== prev.mapView) written.push(s.mapView);
    });
    // …then the map mounts: revealing the event moves it (and says so at once).
    const map = bindMap();
    expect(log).toEqual([
      'map connect',
      'map events 4',
      'map select talks reveal',
      `map show ${JSON.stringify(LINKED)}`,
    ]);
    expect(map.current).toEqual(LINKED);
    // The reveal's move never reached the store in between, to be taken for the link's view.
    expect(store.getState().mapView).toEqual(LINKED);
    await microtasks();
    expect(store.getState()).toMatchObject({ mapView: LINKED, viewPinned: true });
    expect(written).not.toContainEqual(CITY);
  });

  it('a link’s view wins over revealing its event, when the link comes after the map mounted', async () => {
    const map = bindMap();
    const timeline = bindTimeline();
    log.length = 0;
    const { state } = parseViewState(
      '?event=talks&map=10.0000,20.0000,5&t=1970-01-01T00:00Z..1970-01-02T00:00Z',
      '',
    );
    applyViewState(store, state);
    expect(map.current).toEqual(LINKED);
    expect(timeline.current).toEqual(WINDOW);
    await microtasks();
    expect(store.getState()).toMatchObject({ mapView: LINKED, timeWindow: WINDOW });
  });

  it('a map move that follows a reveal is the user’s, and the reveal is not', async () => {
    const map = bindMap();
    store.getState().select('talks', 'list');
    await microtasks();
    expect(store.getState()).toMatchObject({
      mapView: CITY,
      mapViewOrigin: 'map',
      viewPinned: false,
    });
    map.moveTo(DRAGGED, true);
    expect(store.getState()).toMatchObject({ mapView: DRAGGED, viewPinned: true });
  });

  describe('with the address bar', () => {
    let stop: () => void = () => undefined;
    beforeEach(() => window.history.replaceState(null, '', '/'));
    afterEach(() => stop());
    const param = (name: string) => new URLSearchParams(window.location.search).get(name);

    it('a selection while a replace is pending: the reveal’s move goes into the new entry, not the one left', async () => {
      // The views subscribe before the link does (the worse order for this race).
      const map = bindMap();
      stop = startUrlSync(
        store,
        async () => true,
        (write) => write(),
      );
      store.getState().select('envoy', 'list');
      await microtasks();
      // The user drags the map: its view waits to be written (at most one replace per 400 ms)…
      map.moveTo(DRAGGED, true);
      // …and a selection comes before it is; revealing it moves the map.
      store.getState().select('talks', 'list');
      expect(param('event')).toBe('talks');
      await microtasks();
      await new Promise((resolve) => setTimeout(resolve, 450));
      expect(param('map')).toBe('30.0000,31.0000,8');
      const back = new Promise((resolve) =>
        window.addEventListener('popstate', resolve, { once: true }),
      );
      window.history.back();
      await back;
      // The entry left has its own selection and the view the user dragged to.
      expect(param('event')).toBe('envoy');
      expect(param('map')).toBe('40.0000,50.0000,6');
    });
  });
});
