// Watching the page's frames from inside it: every gap between two animation frames (a frame the
// page could not draw for that long) and every long task ('longtask' entries: a task of the
// page's own thread over 50 ms), from `install` until `stop`. The e2e check that the page keeps
// drawing while a large file opens and the benchmark's "longest frame" row both use it.
import type { Browser, Page } from '@playwright/test';

export interface FrameWatch {
  start: number;
  /** Longest time between two animation frames, ms. */
  longestFrame: number;
  /** Longest long task, ms (0 when there was none). */
  longestTask: number;
  /** Frames and long tasks over 200 ms: [start, duration] pairs, in page time. */
  slowFrames: Array<[number, number]>;
  slowTasks: Array<[number, number]>;
  over50: number;
  over200: number;
  /** When the watched element first said the watched text (page time), or NaN. */
  shownAt: number;
  stop: () => Omit<FrameWatch, 'stop'>;
}

declare global {
  interface Window {
    dlFrames?: FrameWatch;
  }
}

/**
 * Runs in the page: starts the watch as `window.dlFrames`. `until` is [css, text]: the time the
 * element first shows that text is kept as `shownAt` (checked once a frame).
 */
export function installFrameWatch(until: [string, string] | null = null): void {
  const w: FrameWatch = {
    start: performance.now(),
    longestFrame: 0,
    longestTask: 0,
    slowFrames: [],
    slowTasks: [],
    over50: 0,
    over200: 0,
    shownAt: NaN,
    stop: () => {
      running = false;
      observer.disconnect();
      const { stop: _stop, ...rest } = w;
      return rest;
    },
  };
  let running = true;
  let last = w.start;
  const frame = (t: number) => {
    if (!running) return;
    const gap = t - last;
    if (gap > w.longestFrame) w.longestFrame = gap;
    if (gap > 50) w.over50++;
    if (gap > 200) {
      w.over200++;
      w.slowFrames.push([last, gap]);
    }
    last = t;
    if (
      until &&
      Number.isNaN(w.shownAt) &&
      document.querySelector(until[0])?.textContent === until[1]
    )
      w.shownAt = t;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.startTime < w.start) continue;
      if (e.duration > w.longestTask) w.longestTask = e.duration;
      if (e.duration > 200) w.slowTasks.push([e.startTime, e.duration]);
    }
  });
  observer.observe({ type: 'longtask' });
  window.dlFrames = w;
}

/** Starts the watch in `page` (see `installFrameWatch`). */
export async function watchFrames(page: Page, until: [string, string] | null = null) {
  // tsx (the benchmark) compiles with esbuild's keepNames, whose helper the page lacks.
  await page.evaluate('globalThis.__name ??= (f) => f');
  await page.evaluate(installFrameWatch, until);
}

/** Stops the watch and returns what it saw. */
export function stopFrameWatch(page: Page): Promise<Omit<FrameWatch, 'stop'>> {
  return page.evaluate(() => window.dlFrames!.stop());
}

/** A task of the page's main thread, from a trace: when (µs, trace clock), wall and CPU time. */
export interface TracedTask {
  at: number;
  wallMs: number;
  /** The thread's own CPU time in the task: what the page did, whatever the machine's load. */
  cpuMs: number;
  /** The thread, `pid:tid`. */
  thread: string;
  /**
   * What the task spent its time in: its three longest events below the task itself ("Layout
   * 41 ms"), for a failure to say what the long task was.
   */
  inside: string[];
}

/**
 * Starts a trace of the page's tasks (the browser's own tracing, as the Performance panel's);
 * `categories` adds others (the CPU profiler's, to see where a task's time goes).
 */
export function startTaskTrace(browser: Browser, page: Page, categories: string[] = []) {
  return browser.startTracing(page, {
    categories: ['disabled-by-default-devtools.timeline', ...categories],
  });
}

/** Stops the trace and returns the tasks of the renderer's main thread that ran over 50 ms. */
export async function stopTaskTrace(browser: Browser): Promise<TracedTask[]> {
  return tracedTasks(await browser.stopTracing());
}

/** The tasks of the renderer's main thread over 50 ms in a trace. */
export function tracedTasks(buffer: Buffer): TracedTask[] {
  const trace = JSON.parse(buffer.toString('utf8')) as {
    traceEvents: Array<{
      name: string;
      ph: string;
      pid: number;
      tid: number;
      ts: number;
      dur?: number;
      tdur?: number;
      args?: { name?: string; data?: { functionName?: string; url?: string } };
    }>;
  };
  const main = new Set(
    trace.traceEvents
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const onMain = trace.traceEvents.filter((e) => e.ph === 'X' && main.has(`${e.pid}:${e.tid}`));
  /** Events inside a task that say what it did (not the scheduler's wrappers around them). */
  const wrapper = /^(RunTask|ThreadControllerImpl::RunTask|v8\.callFunction)$/;
  const label = (c: (typeof onMain)[number]) =>
    c.name === 'FunctionCall'
      ? `${c.args?.data?.functionName || 'a function'} (${c.args?.data?.url?.split('/').pop() ?? ''})`
      : c.name;
  return onMain
    .filter((e) => e.name === 'RunTask' && (e.dur ?? 0) > 50_000)
    .map((e) => {
      const end = e.ts + (e.dur ?? 0);
      const inside = onMain
        .filter((c) => c !== e && c.ts >= e.ts && c.ts < end && !wrapper.test(c.name))
        .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
        .slice(0, 3)
        .map((c) => `${label(c)} ${Math.round((c.dur ?? 0) / 1000)} ms`);
      return {
        at: e.ts,
        wallMs: (e.dur ?? 0) / 1000,
        cpuMs: (e.tdur ?? e.dur ?? 0) / 1000,
        thread: `${e.pid}:${e.tid}`,
        inside,
      };
    });
}
