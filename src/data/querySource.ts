// A query source (issue 15.3): the page asks a Dateline query service (scripts/serve-data/,
// DuckDB over Parquet) for what the views need instead of downloading the data. On every change
// of the filters, the timeline's window, the map's zoom or the selection it asks, after a short
// pause, for
//   - the facet counts under the filters (`/facets`: the filter panel and the header's count),
//   - the events under the filters in the timeline's window and half a window either side, as
//     the timeline itself holds them (`/events`); above the service's row cap, their counts per
//     slice of time and per grid cell instead, which the timeline draws as its density band and
//     the map as clusters,
//   - the events under the filters inside the map's bounds, whatever their time, as the map
//     shows them with data held in the page (`/events?bbox=`): listed, or counted in grid cells
//     (the map's clusters) above the row cap,
//   - the selected event, when the page does not hold it (`/event/<id>`),
// and installs the answers in the store as the dataset's events and the filter result
// (store/querySlice.ts). The views read them as they read a dataset held in the page: the
// linked-view contract does not change. Answers to questions a later one replaced are dropped.
// The list pages through every event under the filters on its own (./remote/remoteList.ts).
import { withCode } from '../model/problemCodes';
import type { DatelineEvent } from '../model/dataset';
import type { FilterResult } from '../model/filter/apply';
import type { Filters } from '../model/filter/types';
import { CLAIM_STATUSES, EVENT_STATUSES, EVENT_TYPES } from '../model/schema';
import type { AppState, AppStore } from '../store';
import type { ViewState } from '../url/types';
import { remoteDensity } from '../views/timeline/windowing';
import { RemoteList } from './remote/remoteList';
import {
  API_PATH,
  bboxParam,
  filtersQuery,
  type RemoteBbox,
  type RemoteListPage,
  type RemoteEventDetail,
  type RemoteEvents,
  type RemoteFacets,
  type RemoteSummary,
} from './remote/protocol';
import {
  byTime,
  eventOf,
  refill,
  remoteDataset,
  remoteModel,
  type RemoteDatasetObject,
  type RemoteModel,
} from './remote/remoteDataset';

/** How long the page waits for the filters or the view to settle before it asks. */
const SETTLE_MS = 120;
/** Density slices over the window and its margins (the timeline draws about one per 44 px). */
const SLICES = 48;
/** Events made from rows are kept for reuse up to this many; beyond, the cache starts afresh. */
const KEEP_EVENTS = 50_000;
/** Selected events kept known for Back, at most. */
const KEEP_SELECTED = 500;
/** Events the list has shown, kept known (so selecting one needs no question), at most. */
const KEEP_LISTED = 6000;
/** The most events the map lists; above, the service counts them in cells. */
const MAP_ROWS = 2000;

export class QueryServiceError extends Error {}

function serviceUrl(base: string, path: string, query = ''): string {
  const root = base.replace(/\/+$/, '');
  return `${root}${API_PATH}${path}${query ? `?${query}` : ''}`;
}

async function getJson<T>(
  base: string,
  path: string,
  query: string,
  signal?: AbortSignal,
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(serviceUrl(base, path, query), { signal, credentials: 'omit' });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new QueryServiceError(`the query service at ${base} could not be reached`);
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    throw new QueryServiceError(`the query service at ${base} answered ${res.status}, not JSON`);
  }
  if (!res.ok) {
    const error = (body as { error?: unknown }).error;
    throw new QueryServiceError(
      `the query service answered ${res.status}: ${typeof error === 'string' ? error.slice(0, 200) : 'no reason given'}`,
    );
  }
  return body as T;
}

/** The timeline's window with half a window either side, as the timeline holds events. */
function askedWindow(w: { start: number; end: number }) {
  const half = (w.end - w.start) / 2;
  return { start: Math.round(w.start - half), end: Math.round(w.end + half) };
}

/** A grid cell about 40 px wide at this map zoom (256 px tiles). */
function cellDegrees(zoom: number): number {
  return Math.min(45, 360 / 2 ** zoom / 6);
}

function toCounts<T extends string>(all: readonly T[], got: Record<string, number>) {
  return new Map(all.map((v) => [v, got[v] ?? 0]));
}

export class QuerySource {
  private model: RemoteModel | null = null;
  private held: RemoteDatasetObject | null = null;
  private facets: RemoteFacets | null = null;
  private events: RemoteEvents | null = null;
  /** The service's answer for the map's bounds (null until the map said them). */
  private mapAnswer: RemoteEvents | null = null;
  private list: RemoteList | null = null;
  private exportCap: number | null = null;
  private listed = new Map<string, DatelineEvent>();
  /** Events the page was given apart from a window: the selected one (and whether it passes). */
  private extra = new Map<string, { event: DatelineEvent; passes: boolean; filters: string }>();
  private asked = { facets: '', events: '', map: '' };
  private controllers = {
    facets: null as AbortController | null,
    events: null as AbortController | null,
    map: null as AbortController | null,
  };
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stops: Array<() => void> = [];

  constructor(
    readonly base: string,
    private readonly store: AppStore,
  ) {}

  /**
   * Opens the service for a link's view: its summary, the view's first answers and the link's
   * event, so the link is applied to a page that holds what it names. False when it failed (the
   * page says why).
   */
  async open(view: ViewState): Promise<boolean> {
    const store = this.store;
    store.getState().setDataUrl(null);
    try {
      const summary = await getJson<RemoteSummary>(this.base, '/summary', '');
      if (summary.format !== 'dateline-query/1')
        throw new QueryServiceError(`${this.base} is not a Dateline query service`);
      const model = (this.model = remoteModel(summary, this.base));
      this.exportCap = summary.limits?.exportRows ?? null;
      this.held = remoteDataset(this.model);
      this.list = new RemoteList({
        get: (query, signal) => getJson<RemoteListPage>(this.base, '/list', query, signal),
        eventOf: (row) => this.know(eventOf(model, row)),
      });
      const span = summary.span ?? { earliest: 0, latest: 1 };
      const pad = Math.max(86_400_000, (span.latest - span.earliest) * 0.02);
      const window = view.window ?? { start: span.earliest - pad, end: span.latest + pad };
      const f = {
        ...view.filters,
        actors: view.filters.actors.filter((a) => this.model!.actors.has(a)),
      };
      await Promise.all([
        this.fetchFacets(f),
        this.fetchEvents(f, window, view.map?.zoom ?? 3),
        view.event === null ? null : this.fetchEvent(view.event, f),
      ]);
      const report = {
        file: summary.title,
        problems: summary.rejected.examples.map((x) =>
          withCode({
            severity: 'error' as const,
            collection: 'events' as const,
            row: x.row,
            ...(x.id !== null && { id: x.id }),
            message: `${x.problem} (left out by the query service)`,
          }),
        ),
        eventsAccepted: summary.count,
        eventsRejected: summary.rejected.count,
      };
      // Until the link or the user moves them, the views show the whole source, not what the
      // first answer happens to hold; written as the link's own so it pins nothing.
      store.setState({ timeWindow: window, timeWindowOrigin: 'url' });
      const dataset = this.install(f);
      if (dataset) store.getState().setLoaded(dataset, report, 'Query service (DuckDB)');
      return true;
    } catch (err) {
      store
        .getState()
        .setLoadFailed(
          err instanceof Error ? err.message : `the query service failed: ${String(err)}`,
        );
      return false;
    }
  }

  /** Asks again whenever the filters, the window, the map's zoom or the selection change. */
  start(): () => void {
    const s = this.store;
    this.stops.push(
      // A filter change is one deliberate step (a box ticked, a date set; the search box holds
      // its words back itself): asked at once, not after the pause that lets a drag or a zoom
      // of the views settle. A newer question aborts an older one (and the service stops it).
      s.subscribe(
        (st) => st.filters,
        () => this.schedule(0),
      ),
      s.subscribe(
        (st) => st.timeWindow,
        () => this.schedule(),
      ),
      s.subscribe(
        (st) => (st.mapView ? Math.round(st.mapView.zoom) : null),
        () => this.schedule(),
      ),
      s.subscribe(
        (st) => st.selectedId,
        () => this.schedule(0),
      ),
      s.subscribe(
        (st) => st.remoteMapBounds,
        () => this.schedule(),
      ),
    );
    return () => {
      for (const stop of this.stops) stop();
      this.stops = [];
      clearTimeout(this.timer);
      this.controllers.facets?.abort();
      this.controllers.events?.abort();
      this.controllers.map?.abort();
    };
  }

  private schedule(ms = SETTLE_MS): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), ms);
  }

  private async refresh(): Promise<void> {
    this.remember();
    const s = this.store.getState();
    const f = s.filters;
    const w = s.timeWindow;
    const bounds = s.remoteMapBounds;
    this.store.setState((st) => (st.remote ? { remote: { ...st.remote, pending: true } } : {}));
    try {
      await Promise.all([
        this.fetchFacets(f),
        w ? this.fetchEvents(f, w, s.mapView?.zoom ?? 3) : null,
        bounds ? this.fetchMap(f, bounds, s.mapView?.zoom ?? 3) : null,
        s.selectedId !== null && !s.dataset?.eventById.has(s.selectedId)
          ? this.fetchEvent(s.selectedId, f)
          : this.recheckSelected(f),
      ]);
      // Only the answers to the latest questions are shown: a newer change asks again.
      const now = this.store.getState();
      if (now.filters !== f || now.timeWindow !== w || now.remoteMapBounds !== bounds) return;
      this.install(f);
    } catch (err) {
      if ((err as Error).name === 'AbortError') return;
      this.store.setState((st) => (st.remote ? { remote: { ...st.remote, pending: false } } : {}));
      this.store.getState().notify({
        kind: 'warning',
        text: `The view could not be updated: ${(err as Error).message}.`,
      });
    }
  }

  private async fetchFacets(f: Filters): Promise<void> {
    const query = filtersQuery(f);
    if (this.facets && this.asked.facets === query) return;
    this.controllers.facets?.abort();
    const controller = (this.controllers.facets = new AbortController());
    const answer = await getJson<RemoteFacets>(this.base, '/facets', query, controller.signal);
    this.facets = answer;
    this.asked.facets = query;
  }

  private async fetchEvents(f: Filters, w: { start: number; end: number }, zoom: number) {
    const asked = askedWindow(w);
    const params = new URLSearchParams(filtersQuery(f));
    params.set('start', String(asked.start));
    params.set('end', String(asked.end));
    params.set('slices', String(SLICES));
    params.set('cell', String(cellDegrees(Math.round(zoom))));
    const query = params.toString();
    if (this.events && this.asked.events === query) return;
    this.controllers.events?.abort();
    const controller = (this.controllers.events = new AbortController());
    const answer = await getJson<RemoteEvents>(this.base, '/events', query, controller.signal);
    if (this.model && this.model.events.size > KEEP_EVENTS) this.model.events.clear();
    this.events = answer;
    this.asked.events = query;
  }

  /** The events under the filters in the map's bounds, at any time: the map shows these. */
  private async fetchMap(f: Filters, bounds: RemoteBbox, zoom: number) {
    const params = new URLSearchParams(filtersQuery(f));
    params.set('bbox', bboxParam(bounds));
    params.set('limit', String(MAP_ROWS));
    params.set('slices', '1');
    params.set('cell', String(cellDegrees(Math.round(zoom))));
    const query = params.toString();
    if (this.mapAnswer && this.asked.map === query) return;
    this.controllers.map?.abort();
    const controller = (this.controllers.map = new AbortController());
    this.mapAnswer = await getJson<RemoteEvents>(this.base, '/events', query, controller.signal);
    this.asked.map = query;
  }

  /** Keeps an event the list showed known to the page, so selecting it needs no question. */
  private know(e: DatelineEvent): DatelineEvent {
    this.listed.delete(e.id);
    this.listed.set(e.id, e);
    if (this.listed.size > KEEP_LISTED) this.listed.delete(this.listed.keys().next().value!);
    (this.held?.eventById as Map<string, DatelineEvent> | undefined)?.set(e.id, e);
    return e;
  }

  private async fetchEvent(id: string, f: Filters): Promise<void> {
    const query = filtersQuery(f);
    try {
      const row = await getJson<RemoteEventDetail>(
        this.base,
        `/event/${encodeURIComponent(id)}`,
        query,
      );
      this.extra.set(id, { event: eventOf(this.model!, row), passes: row.passes, filters: query });
    } catch (err) {
      // An event the service does not have: the link's own check says so.
      if (err instanceof QueryServiceError && / 404: /.test(err.message)) return;
      throw err;
    }
  }

  /** Whether the selected event held apart still passes the filters, asked when they change. */
  private async recheckSelected(f: Filters): Promise<void> {
    const id = this.store.getState().selectedId;
    const held = id === null ? undefined : this.extra.get(id);
    if (id !== null && held && held.filters !== filtersQuery(f)) await this.fetchEvent(id, f);
  }

  private dataset() {
    const events = this.events?.mode === 'events' ? this.events.events : [];
    const shown = events.map((row) => eventOf(this.model!, row));
    const ids = new Set(shown.map((e) => e.id));
    const others: DatelineEvent[] = [...this.listed.values()];
    const onMap = this.mapAnswer?.mode === 'events' ? this.mapAnswer.events : [];
    for (const row of onMap) if (!ids.has(row.id)) others.push(eventOf(this.model!, row));
    const selected = this.store.getState().selectedId;
    // Events selected earlier stay known (not shown), so Back can select them again.
    for (const [id, held] of this.extra) {
      if (ids.has(id)) continue;
      if (id === selected && held.passes) shown.push(held.event);
      else others.push(held.event);
    }
    shown.sort(byTime);
    refill(this.held!, shown, others);
    return this.held!;
  }

  /** Keeps the selected event, whichever window it came from, with the filters it passed. */
  private remember(): void {
    const s = this.store.getState();
    const id = s.selectedId;
    const event = id === null ? undefined : s.dataset?.eventById.get(id);
    if (id === null || !event || this.extra.has(id)) return;
    if (this.extra.size >= KEEP_SELECTED) this.extra.delete(this.extra.keys().next().value!);
    this.extra.set(id, { event, passes: true, filters: filtersQuery(s.filters) });
  }

  /** Puts the latest answers in the store, in one change; the dataset it installed. */
  private install(f: Filters) {
    const model = this.model;
    const facets = this.facets;
    if (!model || !facets) return null;
    const dataset = this.dataset();
    // A new array each time, even when empty: it is what tells the views the events changed.
    const visible = [...dataset.events];
    const answer = this.events;
    const density =
      answer?.mode === 'bins'
        ? { bins: answer.bins, cells: answer.cells, total: answer.total, unplaced: answer.unplaced }
        : null;
    if (density) remoteDensity.set(visible, { bins: density.bins, total: density.total });
    const result: FilterResult = {
      visible,
      total: facets.all,
      expanded: new Map(f.actors.map((id) => [id, [id]])),
      counts: {
        actors: new Map([...model.actors.keys()].map((id) => [id, facets.counts.actors[id] ?? 0])),
        types: toCounts(EVENT_TYPES, facets.counts.types),
        statuses: toCounts(EVENT_STATUSES, facets.counts.statuses),
        claims: toCounts(CLAIM_STATUSES, facets.counts.claims),
      },
    };
    const map = this.mapAnswer;
    const selected = this.store.getState().selectedId;
    const held = selected === null ? undefined : this.extra.get(selected);
    let mapEvents: DatelineEvent[] | null = null;
    if (map) {
      mapEvents = map.mode === 'events' ? map.events.map((row) => eventOf(model, row)) : [];
      // The selected event is on the map wherever it is, as the timeline shows it.
      if (held?.passes && held.event.placeKey !== null && !mapEvents.includes(held.event))
        mapEvents.push(held.event);
      mapEvents.sort(byTime);
    }
    this.list?.setFilters(filtersQuery(f), facets.total);
    const patch: Partial<AppState> = {
      dataset,
      remote: {
        source: this.base,
        result,
        shown: facets.total,
        density,
        pending: false,
        mapEvents,
        mapCells: map?.mode === 'bins' ? map.cells : null,
        list: this.list,
        exportCap: this.exportCap,
      },
    };
    this.store.setState(patch);
    return dataset;
  }
}

/** Opens `?source=` into the store; the returned function stops asking. */
export async function openSource(
  source: string,
  view: ViewState,
  store: AppStore,
): Promise<(() => void) | null> {
  const q = new QuerySource(source, store);
  if (!(await q.open(view))) return null;
  return q.start();
}
