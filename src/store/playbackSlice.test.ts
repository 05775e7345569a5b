import { beforeEach, describe, expect, it } from 'vitest';
import { fixtureDataset } from '../test-utils/fixture';
import { createAppStore, type AppStore } from './index';
import { selectPlayedEvents } from './playbackSelectors';
import { selectVisibleEvents } from './selectors';

const report = { file: 'fixture.json', problems: [], eventsAccepted: 4, eventsRejected: 0 };
const DAY = 86_400_000;
const ms = (iso: string) => Date.parse(iso);
const played = (store: AppStore) => selectPlayedEvents(store.getState()).map((e) => e.id);

// The fixture: "nowhere" (February 2025, approximate), "statement" (26 Feb), "talks" (27 Feb),
// "envoy" (28 Feb to 7 Mar, approximate).
let store: AppStore;
beforeEach(() => {
  store = createAppStore();
  store.getState().setLoaded(fixtureDataset(), report);
});

describe('playback slice', () => {
  it('shows every filtered event while no playback is on', () => {
    expect(store.getState().playback).toBeNull();
    expect(selectPlayedEvents(store.getState())).toBe(selectVisibleEvents(store.getState()));
  });

  it('plays from the start of the span, moving the timeline window with the playhead', () => {
    store.getState().play();
    const p = store.getState().playback!;
    expect(p).toMatchObject({ playing: true, mode: 'window', speed: 'day' });
    expect(p.playhead).toBe(ms('2025-02-01T00:00Z'));
    store.getState().tickPlayback(2000);
    const s = store.getState();
    expect(s.playback!.playhead).toBe(ms('2025-02-03T00:00Z'));
    // Ten days (ten seconds of playback) wide, the playhead at nine tenths.
    expect(s.timeWindow).toEqual({
      start: s.playback!.playhead - 9 * DAY,
      end: s.playback!.playhead + DAY,
    });
    expect(s.timeWindowOrigin).toBe('playback');
    expect(s.viewPinned).toBe(true);
  });

  it('holds the events inside the moving window in window mode', () => {
    store.getState().setTimeWindow({ start: 0, end: 2 * DAY }, 'timeline');
    store.getState().setPlayback({
      mode: 'window',
      speed: 'day',
      playhead: ms('2025-02-27T12:00Z'),
      playing: false,
      loop: false,
    });
    // The window keeps the timeline's width (two days), the playhead at nine tenths of it.
    expect(store.getState().timeWindow).toEqual({
      start: ms('2025-02-25T16:48Z'),
      end: ms('2025-02-27T16:48Z'),
    });
    expect(played(store)).toEqual(['nowhere', 'statement', 'talks']);
    store.getState().stepPlayback(1);
    store.getState().stepPlayback(1);
    // 1 Mar 12:00: the statement of the 26th has left, the envoy has entered.
    expect(played(store)).toEqual(['nowhere', 'talks', 'envoy']);
  });

  it('holds everything up to the playhead in cumulative mode', () => {
    store.getState().setPlayback({
      mode: 'cumulative',
      speed: 'day',
      playhead: ms('2025-02-26T12:00Z'),
      playing: false,
      loop: false,
    });
    expect(played(store)).toEqual(['nowhere', 'statement']);
    store.getState().tickPlayback(1000); // paused: no move
    expect(played(store)).toEqual(['nowhere', 'statement']);
    store.getState().play();
    store.getState().tickPlayback(3000);
    expect(played(store)).toEqual(['nowhere', 'statement', 'talks', 'envoy']);
  });

  it('returns the same array while nothing enters or leaves', () => {
    store.getState().setPlayback({
      mode: 'cumulative',
      speed: 'day',
      playhead: ms('2025-02-26T01:00Z'),
      playing: true,
      loop: false,
    });
    const before = selectPlayedEvents(store.getState());
    store.getState().tickPlayback(100);
    expect(selectPlayedEvents(store.getState())).toBe(before);
  });

  it('while playing, reckons what is held again only every 250 ms of playing', () => {
    store.getState().setPlayback({
      mode: 'cumulative',
      speed: 'day',
      playhead: ms('2025-02-26T23:59Z'),
      playing: false,
      loop: false,
    });
    store.getState().play();
    // 200 ms of frames: the playhead is into the talks' day (27 Feb); what is held lags.
    for (let i = 0; i < 12; i++) store.getState().tickPlayback(1000 / 60);
    expect(store.getState().playback!.playhead).toBeGreaterThan(ms('2025-02-27T00:00Z'));
    expect(played(store)).toEqual(['nowhere', 'statement']);
    for (let i = 0; i < 4; i++) store.getState().tickPlayback(1000 / 60);
    expect(played(store)).toEqual(['nowhere', 'statement', 'talks']);
    // Paused, what is held is the playhead's at once.
    store.getState().setPlaybackMode('window');
    store.getState().pause();
    expect(store.getState().heldPlayhead).toBe(store.getState().playback!.playhead);
  });

  it('stops at the end, or loops', () => {
    store.getState().play();
    store.getState().setPlaybackSpeed('month');
    for (let i = 0; i < 20; i++) store.getState().tickPlayback(250);
    expect(store.getState().playback).toMatchObject({ playing: false });
    // The envoy's last possible millisecond (its span ends with 7 March).
    expect(store.getState().playback!.playhead).toBe(ms('2025-03-08T00:00Z') - 1);
    // Play again from the end: from the start.
    store.getState().play();
    expect(store.getState().playback!.playhead).toBe(ms('2025-02-01T00:00Z'));
    store.getState().setPlaybackLoop(true);
    for (let i = 0; i < 20; i++) store.getState().tickPlayback(250);
    expect(store.getState().playback!.playing).toBe(true);
  });

  it('follows the filters: the span is the filtered events’', () => {
    store.getState().setFilters({ types: ['negotiation', 'visit'] });
    store.getState().play();
    expect(store.getState().playback!.playhead).toBe(ms('2025-02-27T00:00Z'));
  });

  it('keeps a link’s own window when given one, and ends with stopPlayback', () => {
    const w = { start: ms('2025-02-20T00:00Z'), end: ms('2025-02-27T00:00Z') };
    store.getState().setTimeWindow(w, 'url');
    store.getState().setPlayback(
      {
        mode: 'window',
        speed: 'week',
        playhead: ms('2025-02-27T00:00Z'),
        playing: true,
        loop: true,
      },
      w,
    );
    expect(store.getState().timeWindow).toBe(w);
    expect(store.getState().playback).toMatchObject({ playing: false, loop: true });
    store.getState().stopPlayback();
    expect(played(store)).toHaveLength(4);
  });
});
