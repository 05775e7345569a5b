// Pure helpers for the map layer: grouping events by place, a place's name for screen readers,
// and how big its halo is.
import type { DatelineEvent, ResolvedPlace } from '../../model/dataset';
import type { Place } from '../../model/schema';
import { inPieces, runSteps, type Steps } from '../../model/steps';
import {
  lazyEvents,
  shownCount,
  shownRow,
  shownRowsOf,
  type EventColumns,
  type ShownRows,
} from '../../model/eventColumns';

export interface PlaceGroup {
  place: ResolvedPlace;
  /** In the events' order. From columns, a lazy array: an object is made when one is read. */
  events: readonly DatelineEvent[];
  /** The events' rows in their dataset's columns, when the group was made from them. */
  rows?: Uint32Array;
  columns?: EventColumns;
}

/** Events grouped by place key, in the events' own order; events without a place are left out. */
const grouped = new WeakMap<
  readonly DatelineEvent[],
  { places: ReadonlyMap<string, ResolvedPlace>; groups: Map<string, PlaceGroup> }
>();

/**
 * The events by place. Kept per array of events (the filters' result), so the map's markers and
 * its opening view share one pass, and a large dataset's pass can be made ahead, in slices
 * (`groupByPlaceSteps`), before the dataset is shown. Groups are never changed once made.
 */
export function groupByPlace(
  events: readonly DatelineEvent[],
  places: ReadonlyMap<string, ResolvedPlace>,
): Map<string, PlaceGroup> {
  return runSteps(groupByPlaceSteps(events, places));
}

/** `groupByPlace`'s work, a piece at a time (nothing to do when it was made before). */
export function* groupByPlaceSteps(
  events: readonly DatelineEvent[],
  places: ReadonlyMap<string, ResolvedPlace>,
): Steps<Map<string, PlaceGroup>> {
  const hit = grouped.get(events);
  if (hit?.places === places) return hit.groups;
  const shown = shownRowsOf(events);
  const groups = shown
    ? yield* groupRowsSteps(shown, places)
    : yield* groupObjectsSteps(events, places);
  grouped.set(events, { places, groups });
  return groups;
}

function* groupObjectsSteps(
  events: readonly DatelineEvent[],
  places: ReadonlyMap<string, ResolvedPlace>,
): Steps<Map<string, PlaceGroup>> {
  const groups = new Map<string, { place: ResolvedPlace; events: DatelineEvent[] }>();
  yield* inPieces(events.length, (from, to) => addToGroups(groups, events, from, to, places));
  return groups;
}

/**
 * The groups from the place column: a counting pass over the rows' place numbers, then each
 * group's rows; no event object is made (a group's `events` makes them when read).
 */
function* groupRowsSteps(
  shown: ShownRows,
  places: ReadonlyMap<string, ResolvedPlace>,
): Steps<Map<string, PlaceGroup>> {
  const { columns } = shown;
  const n = shownCount(shown);
  const count = new Uint32Array(columns.placeKeys.length);
  // Places in the order their first event comes, as the groups of objects are.
  const order: number[] = [];
  yield* inPieces(n, (from, to) => {
    for (let k = from; k < to; k++) {
      const no = columns.placeNo[shownRow(shown, k)]!;
      if (no < 0) continue;
      if (count[no]!++ === 0) order.push(no);
    }
  });
  const rowsOf = new Array<Uint32Array | undefined>(columns.placeKeys.length);
  const filled = new Uint32Array(columns.placeKeys.length);
  for (const no of order) rowsOf[no] = new Uint32Array(count[no]!);
  yield* inPieces(n, (from, to) => {
    for (let k = from; k < to; k++) {
      const row = shownRow(shown, k);
      const no = columns.placeNo[row]!;
      if (no >= 0) rowsOf[no]![filled[no]!++] = row;
    }
  });
  const groups = new Map<string, PlaceGroup>();
  for (const no of order) {
    const key = columns.placeKeys[no]!;
    const place = places.get(key);
    const rows = rowsOf[no]!;
    if (place)
      groups.set(key, {
        place,
        // Objects that exist already are listed; others are made when read.
        events: columns.objectsMade
          ? Array.from(rows, (row) => columns.event(row))
          : lazyEvents(rows.length, (i) => columns.event(rows[i]!)),
        rows,
        columns,
      });
  }
  return groups;
}

function addToGroups(
  groups: Map<string, { place: ResolvedPlace; events: DatelineEvent[] }>,
  events: readonly DatelineEvent[],
  from: number,
  to: number,
  places: ReadonlyMap<string, ResolvedPlace>,
): void {
  for (let i = from; i < to; i++) {
    const e = events[i]!;
    if (e.placeKey === null) continue;
    // A place's key is the key it has in `places`: one lookup per event once its group exists.
    const g = groups.get(e.placeKey);
    if (g) g.events.push(e);
    else {
      const place = places.get(e.placeKey);
      if (place) groups.set(e.placeKey, { place, events: [e] });
    }
  }
}

/** Default uncertainty radius by precision, used when a place gives no `radiusKm`. */
const DEFAULT_RADIUS_KM: Record<Place['precision'], number> = {
  exact: 0,
  city: 10,
  area: 25,
  region: 400,
  country: 250,
};

export function haloRadiusMeters(place: Pick<Place, 'precision' | 'radiusKm'>): number {
  return (place.radiusKm ?? DEFAULT_RADIUS_KM[place.precision]) * 1000;
}

/** The zoom at which a selected place is worth looking at: closer for precise places. */
export function revealZoom(precision: Place['precision']): number {
  switch (precision) {
    case 'exact':
      return 12;
    case 'city':
    case 'area':
      return 7;
    case 'region':
      return 5;
    case 'country':
      return 5;
  }
}
