// The contract between a linked view (the timeline, the map, any view that shows the events and
// follows the selection) and the binder that connects it to the store. A view implements
// `LinkedView`; what the user does in it goes back through the `LinkedViewReports` the binder
// hands it. The view never reads the store and never decides what is an echo: bindLinkedView.ts
// does, in one place, the same for every view.
import type { DatelineEvent } from '../../model/dataset';
import type { AppState } from '../../store';
import type { ViewOrigin } from '../../store/selectionSlice';
import type { MapViewState, TimeWindow } from '../../url/types';

/** What a view tells the binder. Only the user's doing: never a change the binder asked for. */
export interface LinkedViewReports<V> {
  /** The user picked an event in this view (null: cleared the selection). */
  selected(id: string | null): void;
  /** The user points at these events in this view (none: at nothing). */
  hovered(ids: readonly string[]): void;
  /**
   * The view settled after a move (rangechanged, moveend: never per frame), whoever moved it;
   * `byUser` when the user's own input moved it, so that the link then carries the view.
   */
  settled(view: V, byUser: boolean): void;
}

/** A view of the events, linked to the others through the store. `V` is what it is moved by. */
export interface LinkedView<V> {
  /** The origin of what this view reports; changes with this origin are its own, not echoed. */
  readonly origin: ViewOrigin;
  /** Where to report from now on (the binder calls this first). */
  connect(reports: LinkedViewReports<V>): void;
  /** Shows these events (the filtered ones, in time order): only what changed is redrawn. */
  setEvents(events: readonly DatelineEvent[]): void;
  /** Marks the event selected; with `reveal`, also brings it into view (it was chosen elsewhere). */
  select(id: string | null, reveal: boolean): void;
  /** Marks the events another view points at. */
  highlight(ids: readonly string[]): void;
  /** Moves to a view given from outside (a link, Back), at once; reported as not the user's. */
  showView(view: V): void;
  /** Shades the date filter's range (epoch ms), if this view draws time. */
  showDateRange?(range: TimeWindow | null): void;
}

/** Where the store keeps one kind of view (a time window, a map camera), and how it is set. */
export interface ViewChannel<V> {
  readonly name: string;
  view(s: AppState): V | null;
  origin(s: AppState): ViewOrigin | null;
  set(s: AppState, view: V, origin: ViewOrigin, byUser: boolean): void;
}

/** The timeline's window: the timeline and any other view of time share it. */
export const timeWindowChannel: ViewChannel<TimeWindow> = {
  name: 'time window',
  view: (s) => s.timeWindow,
  origin: (s) => s.timeWindowOrigin,
  set: (s, view, origin, byUser) => s.setTimeWindow(view, origin, byUser),
};

/** The map's centre and zoom. */
export const mapViewChannel: ViewChannel<MapViewState> = {
  name: 'map view',
  view: (s) => s.mapView,
  origin: (s) => s.mapViewOrigin,
  set: (s, view, origin, byUser) => s.setMapView(view, origin, byUser),
};

/** Reports that go nowhere: what a view holds until it is connected, and after. */
export const UNCONNECTED: LinkedViewReports<never> = {
  selected: () => undefined,
  hovered: () => undefined,
  settled: () => undefined,
};
