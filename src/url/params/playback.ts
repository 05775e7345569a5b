// The playback in a link (issue 14): `play=MODE,SPEED,PLAYHEAD` with `,loop` when it loops, e.g.
// `play=cumulative,week,2025-02-27T00:00Z`. MODE is window or cumulative; SPEED is day, week or
// month (per second) or span30 (the whole span in 30 s); PLAYHEAD a UTC instant to the minute,
// as the timeline window's ends are written. A link always opens paused at its playhead: a page
// that starts moving by itself is not what a reader sharing a moment meant.
import { t } from '../../i18n';
import type * as FastCheck from 'fast-check';
import {
  PLAYBACK_MODES,
  PLAYBACK_SPEEDS,
  type PlaybackMode,
  type PlaybackSpeed,
} from '../../model/playback/playback';
import { formatInstant, parseInstant } from '../fields';
import type { LinkParam } from '../params';
import type { PlayLink, ViewState } from '../types';

const MAX_MS = 8.64e15;

const isMode = (v: string): v is PlaybackMode => (PLAYBACK_MODES as readonly string[]).includes(v);
const isSpeed = (v: string): v is PlaybackSpeed =>
  (PLAYBACK_SPEEDS as readonly string[]).includes(v);

const toMinute = (ms: number) => Math.round(ms / 60_000) * 60_000 || 0;

export function formatPlay(p: PlayLink): string {
  const parts = [p.mode, p.speed, formatInstant(toMinute(p.playhead))];
  if (p.loop) parts.push('loop');
  return parts.join(',');
}

/** A playback from a link's value, or the reason it is not one. */
export function parsePlay(value: string): PlayLink | string {
  const [mode = '', speed = '', instant = '', ...rest] = value.split(',').map((p) => p.trim());
  if (!isMode(mode)) return t('link.why.playMode');
  if (!isSpeed(speed)) return t('link.why.playSpeed', { values: PLAYBACK_SPEEDS.join(', ') });
  const playhead = parseInstant(instant);
  if (Number.isNaN(playhead)) return t('link.why.playhead');
  if (rest.length > 1 || (rest.length === 1 && rest[0] !== 'loop')) return t('link.why.play');
  return { mode, speed, playhead: toMinute(playhead), loop: rest[0] === 'loop' };
}

const isValidPlay = (p: PlayLink) =>
  isMode(p.mode) &&
  isSpeed(p.speed) &&
  Number.isFinite(p.playhead) &&
  Math.abs(p.playhead) <= MAX_MS;

const withPlay = (view: ViewState, play: PlayLink | null): ViewState => {
  if (play) return { ...view, play };
  const { play: _dropped, ...rest } = view;
  return rest;
};

const playArbitrary = (fc: typeof FastCheck) =>
  fc.record({
    mode: fc.constantFrom(...PLAYBACK_MODES),
    speed: fc.constantFrom(...PLAYBACK_SPEEDS),
    playhead: fc
      .integer({ min: -MAX_MS / 60_000, max: MAX_MS / 60_000 })
      .map((m) => m * 60_000 || 0),
    loop: fc.boolean(),
  });

export const PLAYBACK_PARAMS: readonly LinkParam[] = [
  {
    name: 'play',
    read(value, view, notes) {
      const play = parsePlay(value);
      if (typeof play === 'string') {
        notes.reject(play);
        return view;
      }
      return withPlay(view, play);
    },
    write: ({ play }) => (play && isValidPlay(play) ? formatPlay(play) : null),
    arbitrary: (fc) => fc.option(playArbitrary(fc)).map((play) => (view) => withPlay(view, play)),
  },
];
