// The playback clock: calls `tick(elapsedMs)` once per frame while running, with the real time
// since the last tick. Frames come from a scheduler handed in (requestAnimationFrame in the app;
// a timer of a fixed step when the person prefers reduced motion, so the playhead steps instead of
// gliding; a fake one in tests), so the clock is deterministic under a fake clock and owns no
// timer of its own once stopped. A pause of the tab (no frames for a while) does not make the
// playhead leap: one tick counts at most `maxTickMs`.

export interface FrameScheduler {
  /** Calls `callback` at the next frame with the time (ms, any origin) it runs at. */
  request(callback: (now: number) => void): number;
  cancel(handle: number): void;
  /** The time now, on the clock `request` passes. */
  now(): number;
}

/** Frames of the display: requestAnimationFrame. */
export function animationFrames(win: Window = window): FrameScheduler {
  return {
    request: (callback) => win.requestAnimationFrame(callback),
    cancel: (handle) => win.cancelAnimationFrame(handle),
    now: () => win.performance.now(),
  };
}

/** One frame every `stepMs`: steps instead of animating (prefers-reduced-motion). */
export function steps(
  stepMs: number,
  clock: Pick<Performance, 'now'> = performance,
): FrameScheduler {
  return {
    request: (callback) => setTimeout(() => callback(clock.now()), stepMs) as unknown as number,
    cancel: (handle) => clearTimeout(handle),
    now: () => clock.now(),
  };
}

export class PlaybackClock {
  private handle: number | null = null;
  private last = 0;

  constructor(
    private readonly scheduler: FrameScheduler,
    private readonly tick: (elapsedMs: number) => void,
    private readonly maxTickMs = 250,
  ) {}

  get running(): boolean {
    return this.handle !== null;
  }

  /** Starts ticking from now (a clock already running goes on as it was). */
  start(): void {
    if (this.handle !== null) return;
    this.last = this.scheduler.now();
    this.handle = this.scheduler.request(this.onFrame);
  }

  /** Stops ticking; no frame stays requested. */
  stop(): void {
    if (this.handle === null) return;
    this.scheduler.cancel(this.handle);
    this.handle = null;
  }

  private readonly onFrame = (now: number): void => {
    if (this.handle === null) return;
    const elapsed = Math.min(Math.max(0, now - this.last), this.maxTickMs);
    this.last = now;
    // Requested before the tick: a tick that stops the clock (the end reached) cancels it.
    this.handle = this.scheduler.request(this.onFrame);
    this.tick(elapsed);
  };
}
