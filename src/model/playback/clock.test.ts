import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PlaybackClock, steps, type FrameScheduler } from './clock';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Frames every 16 ms, on the fake clock. */
const frames = () => steps(16);

describe('PlaybackClock', () => {
  it('ticks once per frame with the time since the last tick', () => {
    const ticks: number[] = [];
    const clock = new PlaybackClock(frames(), (ms) => ticks.push(ms));
    clock.start();
    vi.advanceTimersByTime(16 * 5);
    expect(ticks).toEqual([16, 16, 16, 16, 16]);
    clock.stop();
  });

  it('leaves no timer behind once stopped, and ticks no more', () => {
    const tick = vi.fn<(ms: number) => void>();
    const clock = new PlaybackClock(frames(), tick);
    clock.start();
    vi.advanceTimersByTime(100);
    clock.stop();
    expect(vi.getTimerCount()).toBe(0);
    const before = tick.mock.calls.length;
    vi.advanceTimersByTime(1000);
    expect(tick).toHaveBeenCalledTimes(before);
    expect(clock.running).toBe(false);
  });

  it('does not run twice when started twice', () => {
    const tick = vi.fn<(ms: number) => void>();
    const clock = new PlaybackClock(frames(), tick);
    clock.start();
    clock.start();
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(160);
    expect(tick).toHaveBeenCalledTimes(10);
    clock.stop();
  });

  it('can be stopped by its own tick (the end reached) without a frame left requested', () => {
    let n = 0;
    const clock: PlaybackClock = new PlaybackClock(frames(), () => {
      if (++n === 3) clock.stop();
    });
    clock.start();
    vi.advanceTimersByTime(1000);
    expect(n).toBe(3);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('counts a long gap between frames (a hidden tab) as at most maxTickMs', () => {
    let pending: ((now: number) => void) | null = null;
    let now = 0;
    const manual: FrameScheduler = {
      request: (cb) => {
        pending = cb;
        return 1;
      },
      cancel: () => {
        pending = null;
      },
      now: () => now,
    };
    const ticks: number[] = [];
    const clock = new PlaybackClock(manual, (ms) => ticks.push(ms), 250);
    clock.start();
    now = 5000;
    pending!(now);
    now = 5020;
    pending!(now);
    expect(ticks).toEqual([250, 20]);
    clock.stop();
    expect(pending).toBeNull();
  });

  it('steps a second at a time with a one-second scheduler (reduced motion)', () => {
    const ticks: number[] = [];
    const clock = new PlaybackClock(steps(1000), (ms) => ticks.push(ms), 1000);
    clock.start();
    vi.advanceTimersByTime(3500);
    expect(ticks).toEqual([1000, 1000, 1000]);
    clock.stop();
    expect(vi.getTimerCount()).toBe(0);
  });
});
