// What the timeline is given when there are many events: only those its window (with a margin)
// can show, or, when even that is too many, a density band of counts per slice of time. The cost
// of a window change then depends on what is on screen, not on the size of the dataset.
import type { DatelineEvent } from '../../model/dataset';
import { shownCount, shownRowsOf, type ShownRows } from '../../model/eventColumns';
import type { LaneLayout } from '../../model/lanes';
import { inPieces, memoSteps, runSteps, type Steps } from '../../model/steps';

/** Up to this many events, the timeline simply holds all of them. */
export const HOLD_ALL_LIMIT = 200;
/** Up to this many events in the window, they are drawn one by one; beyond it, as a band. */
export const ITEMS_IN_WINDOW_LIMIT = 100;

/** Events sorted by `earliest` (as the dataset keeps them), with what a window query needs. */
export interface TimeIndex {
  events: readonly DatelineEvent[];
  earliest: Float64Array;
  /** Each event's latest moment, in the same order. */
  latests: Float64Array;
  /** The longest span of any event: an event overlapping a window starts at most this early. */
  maxSpan: number;
  /** Latest moment of any event, or -Infinity with no events. */
  latest: number;
  /** A query source's counts for a window it would not list (see `remoteDensity`). */
  remote?: RemoteDensity;
}

/** What a query source (data/querySource.ts) counted for a window with too many events to list. */
export interface RemoteDensity {
  bins: DensityBin[];
  total: number;
}

/**
 * A query source's density for the (empty or nearly empty) list of events it hands the views:
 * the timeline draws these counts as its band instead of counting the list.
 */
export const remoteDensity = new WeakMap<readonly DatelineEvent[], RemoteDensity>();

/** The index of `events`, made at once (see `timeIndexOf` for the one kept per array). */
export function buildTimeIndex(events: readonly DatelineEvent[]): TimeIndex {
  return runSteps(timeIndexSteps(events));
}

/** `buildTimeIndex`'s work, a piece at a time. */
function* timeIndexSteps(events: readonly DatelineEvent[]): Steps<TimeIndex> {
  const shown = shownRowsOf(events);
  if (shown && !remoteDensity.has(events)) return yield* timeIndexOfRows(events, shown);
  const earliest = new Float64Array(events.length);
  const latests = new Float64Array(events.length);
  let maxSpan = 0;
  let latest = -Infinity;
  let sorted = true;
  yield* inPieces(events.length, (from, to) => {
    for (let i = from; i < to; i++) {
      const e = events[i] as DatelineEvent;
      earliest[i] = e.earliest;
      latests[i] = e.latest;
      if (i > 0 && e.earliest < (earliest[i - 1] as number)) sorted = false;
      maxSpan = Math.max(maxSpan, e.latest - e.earliest);
      latest = Math.max(latest, e.latest);
    }
  });
  const remote = remoteDensity.get(events);
  if (!sorted) {
    const order = [...events].sort((a, b) => a.earliest - b.earliest);
    if (remote) remoteDensity.set(order, remote);
    return yield* timeIndexSteps(order);
  }
  return remote
    ? { events, earliest, latests, maxSpan, latest, remote }
    : { events, earliest, latests, maxSpan, latest };
}

/**
 * The index of a dataset's events or a filter result of them, from the columns: the rows are in
 * the dataset's order, which is by earliest, so every event's times are read from the filters'
 * index (and shared with it when every row is shown); no event object is made.
 */
function* timeIndexOfRows(events: readonly DatelineEvent[], shown: ShownRows): Steps<TimeIndex> {
  const { index } = shown.columns;
  const rows = shown.rows;
  const n = shownCount(shown);
  const earliest = rows ? new Float64Array(n) : index.earliest;
  const latests = rows ? new Float64Array(n) : index.latest;
  let maxSpan = 0;
  let latest = -Infinity;
  yield* inPieces(n, (from, to) => {
    for (let k = from; k < to; k++) {
      const row = rows ? rows[k]! : k;
      const a = index.earliest[row]!;
      const b = index.latest[row]!;
      if (rows) {
        earliest[k] = a;
        latests[k] = b;
      }
      maxSpan = Math.max(maxSpan, b - a);
      latest = Math.max(latest, b);
    }
  });
  return { events, earliest, latests, maxSpan, latest };
}

/**
 * The index of an array of events (the filters' result), kept per array: a large dataset's is
 * made ahead, in slices (`timeIndexOf.steps`), before it is shown, and the timeline finds it.
 */
export const timeIndexOf = memoSteps(timeIndexSteps);

/** Each lane's own index, per layout (a layout is made for one array of events). */
const laneIndexes = new WeakMap<LaneLayout, Map<string, TimeIndex>>();

/**
 * The time index of each lane of `layout` (its own density band), for the events it was laid out
 * from; kept per layout, and for a large dataset made ahead, in slices (data/prepareViews.ts).
 */
export function* laneIndexesSteps(
  layout: LaneLayout,
  events: readonly DatelineEvent[],
): Steps<Map<string, TimeIndex>> {
  const hit = laneIndexes.get(layout);
  if (hit) return hit;
  const byLane = new Map<string, DatelineEvent[]>();
  for (const lane of layout.lanes) byLane.set(lane.id, []);
  // The lanes were laid out from these events: their lanes are at hand, in this order.
  yield* inPieces(events.length, (from, to) => {
    for (let i = from; i < to; i++)
      for (const lane of layout.laneIds[i] ?? []) byLane.get(lane)?.push(events[i]!);
  });
  const out = new Map<string, TimeIndex>();
  for (const [id, laneEvents] of byLane) out.set(id, yield* timeIndexSteps(laneEvents));
  laneIndexes.set(layout, out);
  return out;
}

/** First index whose earliest is >= t. */
export function lowerBound(a: Float64Array, t: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((a[mid] as number) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * How many events overlap [start, end], without listing them: those that begin inside it all
 * do; of those that begin up to `maxSpan` before it, only the ones still running at `start`.
 * (Listing them cost ~4 ms per call at 100k events zoomed out, on every selection and move.)
 */
export function countInWindow(index: TimeIndex, start: number, end: number): number {
  const from = lowerBound(index.earliest, start - index.maxSpan);
  const inside = lowerBound(index.earliest, start);
  const to = lowerBound(index.earliest, end + 1);
  let n = Math.max(0, to - inside);
  for (let i = from; i < Math.min(inside, to); i++) if (index.latests[i]! >= start) n++;
  return n;
}

/** How many events could overlap [start, end] (an upper bound, cheap). */
export function candidateCount(index: TimeIndex, start: number, end: number): number {
  return lowerBound(index.earliest, end + 1) - lowerBound(index.earliest, start - index.maxSpan);
}

/** The events whose span overlaps [start, end]. */
export function eventsInWindow(index: TimeIndex, start: number, end: number): DatelineEvent[] {
  const from = lowerBound(index.earliest, start - index.maxSpan);
  const to = lowerBound(index.earliest, end + 1);
  const out: DatelineEvent[] = [];
  // An object only for the events in the window.
  for (let i = from; i < to; i++) if (index.latests[i]! >= start) out.push(index.events[i]!);
  return out;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * A slice width from a raw one: whole days from a day (slices then start at midnight UTC and
 * read as dates), else whole hours, else 1/2^k of an hour.
 */
export function niceWidth(raw: number): number {
  if (raw >= DAY) return Math.round(raw / DAY) * DAY;
  if (raw >= HOUR) return Math.round(raw / HOUR) * HOUR;
  let w = HOUR;
  while (w / 2 >= raw && w > 1000) w /= 2;
  return w;
}

export interface DensityBin {
  start: number;
  end: number;
  count: number;
}

/**
 * Counts of events by the slice of time their earliest moment falls in, over [start, end);
 * empty slices left out. Slices are about (end - start) / slices wide and aligned to multiples
 * of their width, so panning keeps the same slices (and their ids) instead of shifting them.
 */
export function densityBins(
  index: TimeIndex,
  start: number,
  end: number,
  slices: number,
): DensityBin[] {
  const width = niceWidth((end - start) / slices);
  const first = Math.floor(start / width) * width;
  const count = Math.ceil((end - first) / width);
  const bins: DensityBin[] = [];
  let at = lowerBound(index.earliest, first);
  for (let i = 0; i < count; i++) {
    const binStart = first + i * width;
    const binEnd = binStart + width;
    const next = lowerBound(index.earliest, binEnd);
    if (next > at) bins.push({ start: binStart, end: binEnd, count: next - at });
    at = next;
  }
  return bins;
}

/** What the timeline should hold for a window. */
export type WindowContent =
  | { mode: 'all'; events: readonly DatelineEvent[] }
  | { mode: 'items'; events: readonly DatelineEvent[] }
  | { mode: 'density'; bins: DensityBin[]; total: number };

/**
 * Decides what to give the timeline for a window: everything when the dataset is small; the
 * events of the window and half a window either side when they are few enough; otherwise the
 * density of the window and the same margins.
 */
export function windowContent(
  index: TimeIndex,
  window: { start: number; end: number },
  slices: number,
): WindowContent {
  if (index.remote) return { mode: 'density', bins: index.remote.bins, total: index.remote.total };
  if (index.events.length <= HOLD_ALL_LIMIT) return { mode: 'all', events: index.events };
  const width = window.end - window.start;
  const start = window.start - width / 2;
  const end = window.end + width / 2;
  if (candidateCount(index, start, end) <= ITEMS_IN_WINDOW_LIMIT * 4) {
    const events = eventsInWindow(index, start, end);
    if (events.length <= ITEMS_IN_WINDOW_LIMIT * 2) return { mode: 'items', events };
  }
  const total = countInWindow(index, window.start, window.end);
  return { mode: 'density', bins: densityBins(index, start, end, slices * 2), total };
}
