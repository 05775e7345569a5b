// What a playback holds (issue 14), derived on top of the visible events: the map, the list and
// the header count read `selectPlayedEvents`, which is `selectVisibleEvents` when no playback is
// on. Memoised per store: the visible events' times are laid out once per filter result in typed
// arrays, and a tick whose held events are the same as the last returns the same array, so the
// views change only when an event enters or leaves.
import type { DatelineEvent } from '../model/dataset';
import { eventsOfRows, shownRow, shownRowsOf, type EventColumns } from '../model/eventColumns';
import { heldRange, windowWidth, type PlaybackSpan } from '../model/playback/playback';
import type { TimeWindow } from '../model/time';
import type { AppState } from './index';
import { selectVisibleEvents } from './selectors';

interface Times {
  visible: readonly DatelineEvent[];
  earliest: Float64Array;
  latest: Float64Array;
  span: PlaybackSpan | null;
}

interface PlayedMemo {
  times: Times | null;
  /** The last answer and what it was for (several views ask in one change). */
  result: readonly DatelineEvent[] | null;
  /** What the last answer holds: the dataset's rows (with its columns), or positions in `visible`. */
  held: { of: EventColumns | readonly DatelineEvent[]; at: Uint32Array } | null;
  resultFor: { visible: readonly DatelineEvent[]; start: number; end: number } | null;
}

const memos = new WeakMap<AppState['memo'], PlayedMemo>();

function memoOf(s: AppState): PlayedMemo {
  let m = memos.get(s.memo);
  if (!m) {
    m = { times: null, result: null, held: null, resultFor: null };
    memos.set(s.memo, m);
  }
  return m;
}

function timesOf(m: PlayedMemo, visible: readonly DatelineEvent[]): Times {
  if (m.times?.visible === visible) return m.times;
  const earliest = new Float64Array(visible.length);
  const latest = new Float64Array(visible.length);
  const shown = shownRowsOf(visible);
  if (shown) {
    // From the columns: no event object is made for the times.
    const { index } = shown.columns;
    for (let k = 0; k < earliest.length; k++) {
      const row = shownRow(shown, k);
      earliest[k] = index.earliest[row]!;
      latest[k] = index.latest[row]!;
    }
  } else
    visible.forEach((e, i) => {
      earliest[i] = e.earliest;
      latest[i] = e.latest;
    });
  let end = -Infinity;
  for (const t of latest) if (t > end) end = t;
  const span =
    earliest.length === 0 ? null : { start: earliest[0]!, end: Math.max(end, earliest[0]!) };
  m.times = { visible, earliest, latest, span };
  return m.times;
}

/** The span the playback sweeps: the visible events' (memoised with their times). */
export const selectPlaybackSpan = (s: AppState): PlaybackSpan | null =>
  timesOf(memoOf(s), selectVisibleEvents(s)).span;

/**
 * Whether there is a span to play: any visible event (`spanOf` is null only for none). Asked on
 * every change by the playback's controls, so it lays out no times: those are made when a
 * playback starts, not for every dataset shown.
 */
export const selectHasPlaybackSpan = (s: AppState): boolean => selectVisibleEvents(s).length > 0;

/** The range of time the playback holds now, or null when no playback is on. */
export const selectHeldRange = (s: AppState): TimeWindow | null => {
  const p = s.playback;
  if (!p) return null;
  const span = timesOf(memoOf(s), selectVisibleEvents(s)).span;
  if (!span) return null;
  const width = s.timeWindow
    ? s.timeWindow.end - s.timeWindow.start
    : windowWidth(null, p.speed, span);
  return heldRange(p.mode, s.heldPlayhead ?? p.playhead, width, span);
};

/**
 * The positions in `t.visible` of the events in `range` (their possible span overlaps it), of
 * events sorted by earliest.
 */
function positionsIn(t: Times, range: TimeWindow): Uint32Array {
  // Everything from the first event starting after the range's end is out.
  let a = 0;
  let b = t.earliest.length;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if (t.earliest[mid]! <= range.end) a = mid + 1;
    else b = mid;
  }
  const out = new Uint32Array(a);
  let n = 0;
  for (let i = 0; i < a; i++) if (t.latest[i]! >= range.start) out[n++] = i;
  return out.slice(0, n);
}

const sameRows = (a: Uint32Array, b: Uint32Array) => {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

const same = (a: readonly DatelineEvent[], b: readonly DatelineEvent[]) =>
  a.length === b.length && a.every((e, i) => e === b[i]);

/** The events the views show: the visible ones, narrowed to what the playback holds. */
export const selectPlayedEvents = (s: AppState): readonly DatelineEvent[] => {
  const visible = selectVisibleEvents(s);
  const range = selectHeldRange(s);
  if (!range) return visible;
  const m = memoOf(s);
  const f = m.resultFor;
  if (m.result && f?.visible === visible && f.start === range.start && f.end === range.end)
    return m.result;
  const at = positionsIn(timesOf(m, visible), range);
  m.resultFor = { visible, start: range.start, end: range.end };
  const shown = shownRowsOf(visible);
  if (shown) {
    // The held events as the dataset's rows: the views read their columns, and an object is
    // made only for an event a view shows.
    const rows = shown.rows ? at.map((k) => shown.rows![k]!) : at;
    if (m.result && m.held?.of === shown.columns && sameRows(m.held.at, rows)) return m.result;
    m.held = { of: shown.columns, at: rows };
    m.result = eventsOfRows(shown.columns, rows);
    return m.result;
  }
  const held = Array.from(at, (k) => visible[k]!);
  if (m.result && same(m.result, held)) return m.result;
  m.held = null;
  m.result = held;
  return held;
};
