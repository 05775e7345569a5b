// The binder: connects any LinkedView to the store (and through it to the link in the address
// bar), with the rules that keep views in step and free of echo, the same for every view.
//
// - One store subscription per store, shared by all views: a change reaches the views in a fixed
//   order (by origin), whatever order they mounted in, and within one change in this order:
//   events, date range, selection, view, highlight. So a view given in the same change as a
//   selection (a link, a story step) wins over the selection's reveal.
// - Echo: a view reveals a selection only if another origin made it; applies a view (window,
//   camera) only if another origin set it; highlights only what another view hovers.
// - A view's reports made while a change is being handed to the views (a reveal's own move, say)
//   are held and written once every subscriber of the store, the link among them, has seen the
//   change (in a microtask): then the link writes a new selection's history entry before the
//   move its reveal caused, whichever subscribed first, and no view sees a change of the store in
//   the middle of another. Of a view's held moves only the last is written (byUser if any was).
// - On attach, the store's view (from a link, or this view's own before a remount) is read
//   first, then the events and the selection are shown (revealing it moves the view), then the
//   view read first is shown: it is what the link's sender saw.
// - Events: a view shows the visible (filtered) events, or those of a selector it is bound with
//   (the map shows what a playback holds); each selector is run once per change.
// - A view is made for one dataset (`datasetVersion`): once another is shown, it is handed
//   nothing more, as new views are mounted for the new one (App keys them by the version).
//   Handing it the new dataset's events would make it build, for hundreds of thousands of
//   events, what it is about to throw away.
import type { StoreApi } from 'zustand';
import type { DatelineEvent } from '../../model/dataset';
import type { AppState } from '../../store';
import { selectDateRange, selectVisibleEvents } from '../../store/selectors';
import type { TimeWindow } from '../../url/types';
import type { LinkedView, LinkedViewReports, ViewChannel } from './LinkedView';

/** Only what the binder uses of a zustand store: any store of the app's state will do. */
type Store = Pick<StoreApi<AppState>, 'getState' | 'subscribe'>;

/** Which events a view shows: the visible ones unless it says otherwise (a playback's, say). */
export type EventsSelector = (s: AppState) => readonly DatelineEvent[];

interface Bound {
  view: LinkedView<unknown>;
  channel: ViewChannel<unknown>;
  events: EventsSelector;
  attached: boolean;
  /** The dataset it was made for (`datasetVersion`). */
  version: number;
}

/** What was last handed to the views, to tell what a store change changed. */
interface Seen {
  /** The events last handed out, per selector the bound views use. */
  events: Map<EventsSelector, readonly DatelineEvent[]>;
  dateRange: TimeWindow | null;
  selectedId: string | null;
  hoveredIds: readonly string[];
  views: Map<ViewChannel<unknown>, unknown>;
}

/** A report held during a change; a view's move is one entry, updated by its later moves. */
type Held =
  | { kind: 'write'; bound: Bound; write: (s: AppState) => void }
  | { kind: 'settled'; bound: Bound; view: unknown; byUser: boolean };

const sameRange = (a: TimeWindow | null, b: TimeWindow | null) =>
  a === b || (a !== null && b !== null && a.start === b.start && a.end === b.end);

/** The views bound to one store. */
class LinkedViews {
  private bound: Bound[] = [];
  private seen: Seen | null = null;
  private unsubscribe: (() => void) | null = null;
  /** How deep in handing a change to the views (attaching counts): reports are held meanwhile. */
  private handing = 0;
  private held: Held[] = [];
  private flushQueued = false;

  constructor(private readonly store: Store) {}

  attach<V>(view: LinkedView<V>, channel: ViewChannel<V>, events: EventsSelector): () => void {
    const s = this.store.getState();
    const bound: Bound = {
      view: view as LinkedView<unknown>,
      channel: channel as ViewChannel<unknown>,
      events,
      attached: true,
      version: s.datasetVersion,
    };
    if (!this.seen) {
      this.seen = {
        events: new Map(),
        dateRange: selectDateRange(s),
        selectedId: s.selectedId,
        hoveredIds: s.hoveredIds,
        views: new Map(),
      };
      this.unsubscribe = this.store.subscribe((state) => this.onChange(state));
    }
    this.seen.views.set(bound.channel, channel.view(s));
    if (!this.seen.events.has(events)) this.seen.events.set(events, events(s));
    this.bound = [...this.bound, bound].sort((a, b) => a.view.origin.localeCompare(b.view.origin));
    this.hand(() => {
      // Read before the selection is revealed: revealing moves the view.
      const given = channel.view(s);
      view.connect(this.reportsOf(bound) as LinkedViewReports<V>);
      view.setEvents(this.seen?.events.get(events) ?? events(s));
      view.showDateRange?.(selectDateRange(s));
      view.select(s.selectedId, s.selectionOrigin !== view.origin);
      if (given !== null) view.showView(given);
      if (s.hoveredIds.length && s.hoverOrigin !== view.origin) view.highlight(s.hoveredIds);
    });
    return () => this.detach(bound);
  }

  private detach(bound: Bound): void {
    if (!bound.attached) return;
    bound.attached = false;
    this.bound = this.bound.filter((b) => b !== bound);
    this.held = this.held.filter((h) => h.bound !== bound);
    if (!this.bound.some((b) => b.events === bound.events)) this.seen?.events.delete(bound.events);
    if (this.bound.length === 0) {
      this.unsubscribe?.();
      this.unsubscribe = null;
      this.seen = null;
    }
  }

  private onChange(s: AppState): void {
    const seen = this.seen;
    if (!seen) return;
    const changedEvents = new Map<EventsSelector, readonly DatelineEvent[]>();
    for (const [selector, before] of seen.events) {
      const events = selector(s);
      if (events !== before) changedEvents.set(selector, events);
      seen.events.set(selector, events);
    }
    const dateRange = selectDateRange(s);
    const changed = {
      events: changedEvents.size > 0,
      dateRange: !sameRange(dateRange, seen.dateRange),
      selection: s.selectedId !== seen.selectedId,
      hover: s.hoveredIds !== seen.hoveredIds,
    };
    const views = new Map<ViewChannel<unknown>, unknown>();
    for (const channel of seen.views.keys()) {
      const view = channel.view(s);
      if (view !== seen.views.get(channel)) views.set(channel, view);
      seen.views.set(channel, view);
    }
    seen.dateRange = dateRange;
    seen.selectedId = s.selectedId;
    seen.hoveredIds = s.hoveredIds;
    if (
      !changed.events &&
      !changed.dateRange &&
      !changed.selection &&
      !changed.hover &&
      !views.size
    )
      return;
    this.hand(() => {
      for (const { view, channel, events, version } of [...this.bound]) {
        if (version !== s.datasetVersion) continue;
        const shown = changedEvents.get(events);
        if (shown) view.setEvents(shown);
        if (changed.dateRange) view.showDateRange?.(dateRange);
        if (changed.selection) view.select(s.selectedId, s.selectionOrigin !== view.origin);
        const next = views.get(channel);
        if (next !== undefined && next !== null && channel.origin(s) !== view.origin)
          view.showView(next);
        if (changed.hover) view.highlight(s.hoverOrigin === view.origin ? [] : s.hoveredIds);
      }
    });
  }

  /** Hands a change to the views; reports they make meanwhile are held (see the header). */
  private hand(change: () => void): void {
    this.handing++;
    try {
      change();
    } finally {
      this.handing--;
      if (this.handing === 0 && this.held.length && !this.flushQueued) {
        this.flushQueued = true;
        queueMicrotask(() => this.flush());
      }
    }
  }

  private flush(): void {
    this.flushQueued = false;
    const held = this.held;
    this.held = [];
    for (const h of held) {
      if (!h.bound.attached) continue;
      const s = this.store.getState();
      if (h.kind === 'write') h.write(s);
      else h.bound.channel.set(s, h.view, h.bound.view.origin, h.byUser);
    }
  }

  private reportsOf(bound: Bound): LinkedViewReports<unknown> {
    const origin = bound.view.origin;
    const write = (w: (s: AppState) => void) => {
      if (!bound.attached) return;
      if (this.handing > 0) this.held.push({ kind: 'write', bound, write: w });
      else w(this.store.getState());
    };
    return {
      selected: (id) => write((s) => s.select(id, origin)),
      hovered: (ids) => write((s) => s.hover(ids, origin)),
      settled: (view, byUser) => {
        if (!bound.attached) return;
        if (this.handing === 0)
          return bound.channel.set(this.store.getState(), view, origin, byUser);
        const earlier = this.held.find(
          (h): h is Extract<Held, { kind: 'settled' }> => h.kind === 'settled' && h.bound === bound,
        );
        if (earlier) {
          earlier.view = view;
          earlier.byUser ||= byUser;
        } else this.held.push({ kind: 'settled', bound, view, byUser });
      },
    };
  }
}

const bindersByStore = new WeakMap<Store, LinkedViews>();

/**
 * Connects a view to the store: it is shown the store's events, selection, view and hover now
 * and on every change, and what it reports goes to the store with its origin. Returns the unbind
 * (call it before destroying the view).
 */
export function bindLinkedView<V>(
  store: Store,
  view: LinkedView<V>,
  channel: ViewChannel<V>,
  events: EventsSelector = selectVisibleEvents,
): () => void {
  let views = bindersByStore.get(store);
  if (!views) {
    views = new LinkedViews(store);
    bindersByStore.set(store, views);
  }
  return views.attach(view, channel, events);
}
