// The playback control in the timeline's bar (issue 14): play or pause, a step back and forward
// (one second of playback each), its options (the mode, window or cumulative; the speed; loop)
// behind one button, and once a playback is on, where the playhead is and stop. One short group,
// so the bar stays one row and the timeline keeps its height. It owns the playback clock:
// requestAnimationFrame while playing, or one-second steps when the person prefers reduced
// motion. The state is the store's (store/playbackSlice.ts); the views follow it through the store.
import { memo, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useDismiss } from '../../ui/useDismiss';
import { formatIsoDate } from '../../model/dateFormat';
import { animationFrames, PlaybackClock, steps } from '../../model/playback/clock';
import { useTranslation } from 'react-i18next';
import {
  PLAYBACK_MODES,
  PLAYBACK_SPEEDS,
  SPAN_SECONDS,
  type PlaybackMode,
  type PlaybackSpeed,
} from '../../model/playback/playback';
import { readerLocale } from '../../model/readerLocale';
import { isoDay } from '../../model/time';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore, useAppStoreApi, type AppState } from '../../store';
import { selectHasPlaybackSpan } from '../../store/playbackSelectors';
import { prefersReducedMotion } from '../map/motion';

/** A reduced-motion playback moves one step (a second of playback) per second. */
const REDUCED_STEP_MS = 1000;

const MODE_KEYS: Record<PlaybackMode, string> = {
  window: 'playback.modeWindow',
  cumulative: 'playback.modeCumulative',
};

const SPEED_KEYS: Record<PlaybackSpeed, string> = {
  day: 'playback.speedDay',
  week: 'playback.speedWeek',
  month: 'playback.speedMonth',
  span30: 'playback.speedSpan30',
};

const timeFormats = new Map<ReturnType<typeof readerLocale>, Intl.DateTimeFormat>();

/** The playhead's time of day, in UTC as the timeline is drawn: "06:30". */
function timeOfDay(ms: number): string {
  const locale = readerLocale();
  let format = timeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: 'UTC',
    });
    timeFormats.set(locale, format);
  }
  return format.format(ms);
}

/**
 * What the control draws of the playback: not the playhead itself, which moves every frame, but
 * the one the map, the list and the counts are reckoned from (the same when paused; while
 * playing it follows a few times a second), so the control is not drawn again every frame.
 */
const selectShown = (s: AppState) =>
  s.playback && {
    mode: s.playback.mode,
    speed: s.playback.speed,
    loop: s.playback.loop,
    playing: s.playback.playing,
    playhead: s.heldPlayhead ?? s.playback.playhead,
  };

/** Drawn again only when its own props or state change, not with every change of the timeline. */
export const PlaybackControl = memo(PlaybackControlView);

function PlaybackControlView() {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const playback = useAppStore(useShallow(selectShown));
  const hasSpan = useAppStore(selectHasPlaybackSpan);
  const playing = playback?.playing ?? false;

  useEffect(
    function runClock() {
      if (!playing) return;
      const reduce = prefersReducedMotion();
      const clock = new PlaybackClock(
        reduce ? steps(REDUCED_STEP_MS) : animationFrames(),
        (ms) => store.getState().tickPlayback(ms),
        reduce ? REDUCED_STEP_MS : undefined,
      );
      clock.start();
      return function stopClock() {
        clock.stop();
      };
    },
    [playing, store],
  );

  const s = () => store.getState();
  const toggle = () => (playing ? s().pause() : s().play());
  return (
    <div
      className="dl-playback"
      role="group"
      aria-label={t('playback.group')}
      data-testid="playback"
      data-playing={playing}
    >
      <button
        type="button"
        className="dl-playback-play"
        onClick={toggle}
        disabled={!hasSpan}
        aria-keyshortcuts="Space"
        data-testid="playback-play"
      >
        {playing ? t('playback.pause') : t('playback.play')}
      </button>
      <button
        type="button"
        onClick={() => s().stepPlayback(-1)}
        disabled={!hasSpan}
        aria-label={t('playback.stepBack')}
        title={t('playback.stepBackTitle')}
      >
        ◀◀
      </button>
      <button
        type="button"
        onClick={() => s().stepPlayback(1)}
        disabled={!hasSpan}
        aria-label={t('playback.stepForward')}
        title={t('playback.stepForwardTitle')}
      >
        ▶▶
      </button>
      <PlaybackOptions
        mode={playback?.mode ?? 'window'}
        speed={playback?.speed ?? 'day'}
        loop={playback?.loop ?? false}
        disabled={!hasSpan}
      />
      {playback && (
        <>
          <output
            className="dl-playback-playhead"
            title={t('playback.playheadTitle')}
            data-testid="playback-playhead"
            // Read out when paused or stepped, not several times a second while playing.
            aria-live={playing ? 'off' : 'polite'}
          >
            {t('playback.playhead', {
              date: formatIsoDate(isoDay(playback.playhead)),
              time: timeOfDay(playback.playhead),
            })}
          </output>
          <button
            type="button"
            onClick={() => s().stopPlayback()}
            aria-label={t('playback.stopLabel')}
            title={t('playback.stopTitle')}
            data-testid="playback-stop"
          >
            {t('playback.stop')}
          </button>
        </>
      )}
    </div>
  );
}

/** The playback's mode, speed and loop, behind a button (a disclosure, as the timeline's Help). */
function PlaybackOptions({
  mode,
  speed,
  loop,
  disabled,
}: {
  mode: PlaybackMode;
  speed: PlaybackSpeed;
  loop: boolean;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const store = useAppStoreApi();
  const [open, setOpen] = useState(false);
  const ids = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, close, buttonRef, rootRef);
  const s = () => store.getState();
  // What the button says: the options in force, so they are read without opening it.
  const summary = t('playback.optionsSummary', {
    mode: t(MODE_KEYS[mode]),
    speed: t(SPEED_KEYS[speed], { seconds: SPAN_SECONDS }),
  });
  return (
    <div
      ref={rootRef}
      className="dl-playback-options"
      // Focus leaving the options (Tab past the last) closes them.
      onBlur={(e) => {
        if (!(e.relatedTarget instanceof Node && rootRef.current?.contains(e.relatedTarget)))
          setOpen(false);
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={`${ids}-panel`}
        aria-label={t('playback.options')}
        title={`${t('playback.options')}: ${summary}`}
        data-testid="playback-options"
        onClick={() => setOpen((o) => !o)}
      >
        ⚙
      </button>
      <div
        id={`${ids}-panel`}
        className="dl-playback-options-panel"
        hidden={!open}
        role="group"
        aria-label={t('playback.options')}
      >
        <span className="dl-playback-field">
          <label htmlFor={`${ids}-mode`}>{t('playback.mode')}</label>
          <select
            id={`${ids}-mode`}
            value={mode}
            onChange={(e) => s().setPlaybackMode(e.target.value as PlaybackMode)}
            disabled={disabled}
            data-testid="playback-mode"
          >
            {PLAYBACK_MODES.map((m) => (
              <option key={m} value={m}>
                {t(MODE_KEYS[m])}
              </option>
            ))}
          </select>
        </span>
        <span className="dl-playback-field">
          <label htmlFor={`${ids}-speed`}>{t('playback.speed')}</label>
          <select
            id={`${ids}-speed`}
            value={speed}
            onChange={(e) => s().setPlaybackSpeed(e.target.value as PlaybackSpeed)}
            disabled={disabled}
            data-testid="playback-speed"
          >
            {PLAYBACK_SPEEDS.map((v) => (
              <option key={v} value={v}>
                {t(SPEED_KEYS[v], { seconds: SPAN_SECONDS })}
              </option>
            ))}
          </select>
        </span>
        <label className="dl-playback-loop">
          <input
            type="checkbox"
            checked={loop}
            onChange={(e) => s().setPlaybackLoop(e.target.checked)}
            disabled={disabled}
          />
          {t('playback.loop')}
        </label>
      </div>
    </div>
  );
}
