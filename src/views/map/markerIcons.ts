// The DOM of the map's markers: a place (its precision class, how sure its events' time is, and
// its event count) or a cluster of places (how many events, sized by it), and the attributes
// Leaflet does not set itself: a role, a name, and the data attributes that CSS and the
// end-to-end tests read. Text only, no markup.
import L from 'leaflet';
import { EVENT_STATUSES } from '../../model/schema';
import { inPieces, memoSteps, type Steps } from '../../model/steps';
import { shortCount, type ClusterItem } from './clusters';
import { clusterLabel, placeLabel } from './markerLabels';
import type { PlaceGroup } from './places';

export interface PlaceState {
  selected: boolean;
  highlighted: boolean;
  /** An event entered it just now, during a playback (drawn distinctly, fading). */
  entered?: boolean;
}

/**
 * How sure the time of a place's events is, as marker classes (drawn as a "≈" and a "◷" badge,
 * as on the timeline): every event approximate; every event scheduled or expected.
 */
export function timeClasses(events: PlaceGroup['events']): string[] {
  if (events.length === 0) return [];
  const cls: string[] = [];
  if (events.every((e) => e.time.approximate)) cls.push('dl-time-approx');
  if (events.every((e) => e.status === 'scheduled' || e.status === 'expected'))
    cls.push('dl-time-future');
  return cls;
}

const SCHEDULED = EVENT_STATUSES.indexOf('scheduled');
const EXPECTED = EVENT_STATUSES.indexOf('expected');

/** `timeClasses` of a group, read from its columns when it was made from them. */
function groupTimeClasses(g: PlaceGroup): string[] {
  const { rows, columns } = g;
  if (!rows || !columns) return timeClasses(g.events);
  if (rows.length === 0) return [];
  const cls: string[] = [];
  if (rows.every((row) => columns.approximate(row))) cls.push('dl-time-approx');
  const status = columns.index.status;
  if (rows.every((row) => status[row] === SCHEDULED || status[row] === EXPECTED))
    cls.push('dl-time-future');
  return cls;
}

export function placeIcon(g: PlaceGroup, state: PlaceState): L.DivIcon {
  const n = g.events.length;
  const el = document.createElement('span');
  el.className = 'dl-marker-count';
  el.textContent = n > 1 ? String(n) : '';
  const cls = [
    'dl-marker',
    `dl-precision-${g.place.precision}`,
    n > 1 ? 'dl-marker-group' : 'dl-marker-single',
    ...groupTimeClasses(g),
    state.selected ? 'dl-selected' : '',
    state.highlighted ? 'dl-highlight' : '',
    state.entered ? 'dl-entered' : '',
  ].filter(Boolean);
  return L.divIcon({
    html: el,
    className: cls.join(' '),
    iconSize: [26, 26],
    iconAnchor: [13, 13],
  });
}

/**
 * The ids of a place's events as `data-events` lists them, kept per group (groups never change):
 * a place of 50,000 events is joined once, and for a large dataset ahead (data/prepareViews.ts),
 * not each time its marker is drawn.
 */
export const eventIdsOf = memoSteps(function* (g: PlaceGroup): Steps<string> {
  const ids = new Array<string>(g.events.length);
  const { rows, columns } = g;
  // From the id column when the group has rows: no event object is made.
  yield* inPieces(g.events.length, (from, to) => {
    if (rows && columns) for (let i = from; i < to; i++) ids[i] = columns.id(rows[i]!);
    else for (let i = from; i < to; i++) ids[i] = g.events[i]!.id;
  });
  return ids.join(' ');
});

export function decoratePlace(el: HTMLElement, g: PlaceGroup, state: PlaceState): void {
  el.setAttribute('role', 'button');
  el.setAttribute('aria-label', placeLabel(g));
  el.setAttribute('aria-pressed', String(state.selected));
  el.dataset.place = g.place.key;
  el.dataset.events = eventIdsOf.get(g);
}

/** Diameter in pixels: grows with the number of events, by orders of magnitude. */
function clusterSize(events: number): number {
  return 30 + 5 * Math.min(4, Math.floor(Math.log10(Math.max(1, events))));
}

export function clusterIcon(c: ClusterItem): L.DivIcon {
  const size = clusterSize(c.events);
  const el = document.createElement('span');
  el.className = 'dl-marker-count';
  el.textContent = shortCount(c.events);
  return L.divIcon({
    html: el,
    className: 'dl-cluster',
    iconSize: [size, size],
    iconAnchor: [size / 2, size / 2],
  });
}

export function decorateCluster(el: HTMLElement, c: ClusterItem, canZoom: boolean): void {
  el.setAttribute('role', 'button');
  el.setAttribute('aria-label', clusterLabel(c, canZoom));
  el.dataset.cluster = String(c.places);
  el.dataset.eventCount = String(c.events);
}
