// Playback of time (issue 14): a playhead swept across the filtered events' span at a chosen
// speed. In `window` mode the events inside a window ending at the playhead are held; in
// `cumulative` mode every event from the start up to the playhead. Pure: the clock that drives
// it is ./clock.ts, the state lives in store/playbackSlice.ts, the held events are derived by
// store/playbackSelectors.ts.
import type { TimeWindow } from '../time';

export const PLAYBACK_MODES = ['window', 'cumulative'] as const;
export type PlaybackMode = (typeof PLAYBACK_MODES)[number];

/** One day, week or month of data per second, or the whole span in 30 seconds. */
export const PLAYBACK_SPEEDS = ['day', 'week', 'month', 'span30'] as const;
export type PlaybackSpeed = (typeof PLAYBACK_SPEEDS)[number];

export const SPEED_LABELS: Record<PlaybackSpeed, string> = {
  day: '1 day per second',
  week: '1 week per second',
  month: '1 month per second',
  span30: 'Whole span in 30 s',
};

export const MODE_LABELS: Record<PlaybackMode, string> = {
  window: 'Window',
  cumulative: 'Cumulative',
};

export interface PlaybackState {
  mode: PlaybackMode;
  speed: PlaybackSpeed;
  /** Epoch ms: the end of the window, or of everything held in cumulative mode. */
  playhead: number;
  playing: boolean;
  /** At the end, start again from the beginning instead of stopping. */
  loop: boolean;
}

/** The span a playback sweeps: from the first event's earliest to the last one's latest. */
export type PlaybackSpan = TimeWindow;

const DAY_MS = 86_400_000;
/** The mean Gregorian month. */
const MONTH_MS = (365.2425 / 12) * DAY_MS;
const SPAN_SECONDS = 30;

/** How much time of the data one second of playback covers (ms). */
export function dataMsPerSecond(speed: PlaybackSpeed, span: PlaybackSpan): number {
  switch (speed) {
    case 'day':
      return DAY_MS;
    case 'week':
      return 7 * DAY_MS;
    case 'month':
      return MONTH_MS;
    case 'span30':
      return Math.max(60_000, (span.end - span.start) / SPAN_SECONDS);
  }
}

/**
 * The playhead after `elapsedMs` of playing: at the end it stops there (`ended`), or with `loop`
 * goes on from the start.
 */
export function advance(
  playhead: number,
  elapsedMs: number,
  speed: PlaybackSpeed,
  span: PlaybackSpan,
  loop: boolean,
): { playhead: number; ended: boolean } {
  const from = Math.min(Math.max(playhead, span.start), span.end);
  const next = from + (Math.max(0, elapsedMs) / 1000) * dataMsPerSecond(speed, span);
  if (next < span.end) return { playhead: next, ended: false };
  if (!loop) return { playhead: span.end, ended: true };
  const length = span.end - span.start;
  if (length <= 0) return { playhead: span.start, ended: false };
  // Playing on past the end comes back in at the start (a long pause of the tab wraps once).
  return { playhead: span.start + ((next - span.end) % length), ended: false };
}

/** One step forward (+1) or back (-1): one second of playback, kept within the span. */
export function stepPlayhead(
  playhead: number,
  direction: 1 | -1,
  speed: PlaybackSpeed,
  span: PlaybackSpan,
): number {
  const next = playhead + direction * dataMsPerSecond(speed, span);
  return Math.min(Math.max(next, span.start), span.end);
}

/**
 * Where the playhead sits in the timeline's window, as a share of its width from the start: near
 * the end, so what just entered is in view, with a little of what comes next beyond it.
 */
export const PLAYHEAD_AT = 0.9;

/** The timeline's window of width `width` with the playhead in its place. */
export function timelineWindowAt(playhead: number, width: number): TimeWindow {
  return { start: playhead - PLAYHEAD_AT * width, end: playhead + (1 - PLAYHEAD_AT) * width };
}

/**
 * What a mode holds, with a timeline window `width` wide: in window mode, the part of the window
 * up to the playhead; in cumulative mode, everything from the span's start up to it.
 */
export function heldRange(
  mode: PlaybackMode,
  playhead: number,
  width: number,
  span: PlaybackSpan,
): TimeWindow {
  if (mode === 'cumulative') return { start: Math.min(span.start, playhead), end: playhead };
  return { start: timelineWindowAt(playhead, Math.max(0, width)).start, end: playhead };
}

/**
 * The width of the playback window: the timeline's, unless it shows half the span or more (as
 * it does when it fits everything): then ten seconds of playback, at most the whole span.
 */
export function windowWidth(
  timelineWidth: number | null,
  speed: PlaybackSpeed,
  span: PlaybackSpan,
): number {
  const length = Math.max(span.end - span.start, 60_000);
  if (timelineWidth !== null && timelineWidth > 0 && timelineWidth < length / 2)
    return timelineWidth;
  return Math.min(length, 10 * dataMsPerSecond(speed, span));
}

/** The span of events sorted by earliest: the first one's earliest to the latest latest. */
export function spanOf(
  events: readonly { earliest: number; latest: number }[],
): PlaybackSpan | null {
  const first = events[0];
  if (!first) return null;
  let end = -Infinity;
  for (const e of events) if (e.latest > end) end = e.latest;
  return { start: first.earliest, end: Math.max(end, first.earliest) };
}
