// Playback slice (issue 14): the playback of time, when one is on (`playback` null: off, every
// filtered event shown). Its actions move the playhead and, in the same update, the timeline's
// window (origin "playback", which the timeline follows like a link's): the window keeps the
// timeline's width, with the playhead near its end (model/playback: PLAYHEAD_AT). What a mode holds is derived
// (./playbackSelectors.ts), never stored.
import type { StateCreator } from 'zustand';
import {
  advance,
  stepPlayhead,
  timelineWindowAt,
  windowWidth,
  type PlaybackMode,
  type PlaybackSpan,
  type PlaybackSpeed,
  type PlaybackState,
} from '../model/playback/playback';
import type { TimeWindow } from '../model/time';
import type { AppState } from './index';
import { selectPlaybackSpan } from './playbackSelectors';

export interface PlaybackSlice {
  playback: PlaybackState | null;
  /**
   * The playhead the held events are reckoned from: the playhead itself, except while playing,
   * when it follows at most every HELD_EVERY_MS of playing (the timeline's window and line move
   * every frame; the map, the list and the counts a few times a second).
   */
  heldPlayhead: number | null;
  /** Playing time since `heldPlayhead` was last brought up to the playhead, ms. */
  heldAge: number;
  /** Plays from the playhead (from the start when off, or when at the end). */
  play: () => void;
  pause: () => void;
  /** Moves the playhead by `elapsedMs` of playing; at the end, stops or loops. */
  tickPlayback: (elapsedMs: number) => void;
  /** One second of playback forward or back, paused. */
  stepPlayback: (direction: 1 | -1) => void;
  setPlaybackMode: (mode: PlaybackMode) => void;
  setPlaybackSpeed: (speed: PlaybackSpeed) => void;
  setPlaybackLoop: (loop: boolean) => void;
  /**
   * Puts the playback at a state (a link's: paused at its playhead). With `window`, the link's
   * own timeline window is kept; otherwise the window is placed to end at the playhead.
   */
  setPlayback: (state: PlaybackState | null, window?: TimeWindow | null) => void;
  /** Ends playback: every filtered event is shown again. */
  stopPlayback: () => void;
}

const playbackSpan = selectPlaybackSpan;

/** No playback: what Stop leaves, and a new dataset starts with. */
export const NO_PLAYBACK = { playback: null, heldPlayhead: null, heldAge: 0 } as const;

/**
 * How often, in playing time, what a playing playback holds is reckoned again. Each time the
 * map rebuilds its clusters and the list and counts redraw: every frame, at 100,000 events,
 * that made frames of several hundred ms on a two-core machine.
 */
export const HELD_EVERY_MS = 250;

/**
 * The store change that puts the playhead at `playback.playhead`, the window with it; the held
 * events follow at once, or (`elapsedMs` of playing) once HELD_EVERY_MS has passed.
 */
function at(
  s: AppState,
  playback: PlaybackState,
  span: PlaybackSpan,
  elapsedMs?: number,
): Partial<AppState> {
  const current = s.timeWindow ? s.timeWindow.end - s.timeWindow.start : null;
  const width = windowWidth(current, playback.speed, span);
  const age = elapsedMs === undefined ? HELD_EVERY_MS : s.heldAge + elapsedMs;
  const follow = age >= HELD_EVERY_MS || !playback.playing || s.heldPlayhead === null;
  return {
    playback,
    heldPlayhead: follow ? playback.playhead : s.heldPlayhead,
    heldAge: follow ? 0 : age,
    timeWindow: timelineWindowAt(playback.playhead, width),
    timeWindowOrigin: 'playback',
    // The person started the playback: from now on the link carries where it is.
    viewPinned: true,
  };
}

export const createPlaybackSlice: StateCreator<AppState, [], [], PlaybackSlice> = (set, get) => {
  /** Applies a change of the playback state, if there is a span to play. */
  const update = (
    change: (p: PlaybackState, span: PlaybackSpan) => PlaybackState,
    elapsedMs?: number,
  ) => {
    const s = get();
    const span = playbackSpan(s);
    if (!span) return;
    const current: PlaybackState = s.playback ?? {
      mode: 'window',
      speed: 'day',
      playhead: span.start,
      playing: false,
      loop: false,
    };
    set(at(s, change(current, span), span, elapsedMs));
  };
  return {
    playback: null,
    heldPlayhead: null,
    heldAge: 0,
    play: () =>
      update((p, span) => ({
        ...p,
        playing: true,
        playhead: p.playhead >= span.end || p.playhead < span.start ? span.start : p.playhead,
      })),
    pause: () => {
      const p = get().playback;
      if (p?.playing)
        set({ playback: { ...p, playing: false }, heldPlayhead: p.playhead, heldAge: 0 });
    },
    tickPlayback: (elapsedMs) => {
      if (!get().playback?.playing) return;
      update((p, span) => {
        const next = advance(p.playhead, elapsedMs, p.speed, span, p.loop);
        return { ...p, playhead: next.playhead, playing: !next.ended };
      }, elapsedMs);
    },
    stepPlayback: (direction) =>
      update((p, span) => ({
        ...p,
        playing: false,
        playhead: stepPlayhead(p.playhead, direction, p.speed, span),
      })),
    setPlaybackMode: (mode) => update((p) => ({ ...p, mode })),
    setPlaybackSpeed: (speed) => update((p) => ({ ...p, speed })),
    setPlaybackLoop: (loop) => update((p) => ({ ...p, loop })),
    setPlayback: (state, window) => {
      if (state === null) return set(NO_PLAYBACK);
      const s = get();
      const span = playbackSpan(s);
      if (!span) return;
      const paused = { ...state, playing: false };
      if (window) set({ playback: paused, heldPlayhead: paused.playhead, heldAge: 0 });
      else set(at(s, paused, span));
    },
    stopPlayback: () => set(NO_PLAYBACK),
  };
};
