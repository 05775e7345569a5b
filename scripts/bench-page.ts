// The in-page half of `npm run bench` (scripts/bench.ts): installed with `page.addInitScript`
// before the app runs, it times everything inside the page, on the page's own clock
// (performance.now(), whose zero is the navigation start), so the cost of talking to the browser
// never counts. It only reads the DOM and listens; the app knows nothing about it.
//
// "Painted" is the moment a frame's rendering is done: an animation frame callback runs, the
// browser then styles, lays out and paints that frame, and a message posted from the callback is
// handled only after that (the "afterframe" technique). Every figure ends at such a moment.
//
// "Interactive", precisely: the header counts the whole dataset ("N events"), the timeline has
// drawn at least one event item (`.vis-item` that is a box, range or point) or, zoomed out on
// many events, a slice of its density band (`.dl-bin`, a button), and the map at least one
// marker (`.leaflet-marker-icon`); the time is when the frame in which all three were first seen
// has been painted.
//
// "Painted" after an input: the views (timeline, map, header) are watched with a
// MutationObserver; once they have changed and then stayed unchanged for a quiet period, the
// figure is when the first frame after their last change was painted, minus the time stamp of
// the input event.

export interface BenchTiming {
  /**
   * The input event's time stamp (pointerup, keydown or input), ms since navigation. A click
   * counts from the button's release, as the browser acts on it then (`click` follows `pointerup`);
   * counting from the press would add however long the button was held (a Playwright round trip).
   */
  inputAt: number;
  /** When the awaited change was first seen (or the views' last change), ms since navigation. */
  changedAt: number;
  /** When the first frame after the change was painted: the change is on screen. */
  paintedAt: number;
  /** Which watched views changed after the input. */
  changed: { timeline: boolean; map: boolean; header: boolean };
  /** When each watched view first and last changed after the input (null: it did not). */
  first: { timeline: number | null; map: number | null; header: number | null };
  last: { timeline: number | null; map: number | null; header: number | null };
}

export interface BenchReadiness {
  count: string | null;
  countOk: boolean;
  timeline: boolean;
  map: boolean;
  marks: Record<string, number>;
}

export interface BenchApi {
  interactiveAt: number | null;
  readiness(): BenchReadiness;
  /** Starts watching the views (call once they exist). */
  observe(): void;
  /** Forgets the last input and change; the next input event starts a measurement. */
  arm(): void;
  /** Waits until the views changed after the armed input and then stayed quiet. */
  settle(quietMs: number, timeoutMs: number, needHeaderChange: boolean): Promise<BenchTiming>;
  /** Waits until `selector` matches something, after the armed input. */
  waitFor(selector: string, timeoutMs: number): Promise<BenchTiming>;
  /** Waits until the views have not changed for `quietMs`. */
  quiet(quietMs: number, timeoutMs: number): Promise<void>;
  startFrames(): void;
  /** The animation frames' times since startFrames. */
  stopFrames(): number[];
  longTasks: Array<{ start: number; duration: number }>;
}

declare global {
  interface Window {
    datelineBench?: BenchApi;
  }
}

/** Runs in the page, before any of its scripts. Must not reference anything outside itself. */
export function installBench(expectedEvents: number): void {
  const TIMELINE_ITEMS = [
    '.vis-item.vis-box',
    '.vis-item.vis-range',
    '.vis-item.vis-point',
    '.dl-bin',
  ]
    .map((c) => `[data-testid=timeline] ${c}`)
    .join(', ');
  const MARKERS = '.leaflet-container .leaflet-marker-icon';
  const now = () => performance.now();
  const frame = () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(now())));
  /** Calls back once the current frame (call it from an animation frame) has been painted. */
  const afterPaint = (callback: (t: number) => void) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      callback(now());
    };
    channel.port2.postMessage(null);
  };

  let frames: number[] | null = null;
  /** For each of `frames`, when that frame had been painted (NaN until it is known). */
  let painted: number[] = [];
  let inputAt: number | null = null;
  let armed = false;
  let countBefore: string | null = null;
  const last = { timeline: 0, map: 0, header: 0 };
  let first: BenchTiming['first'] = { timeline: null, map: null, header: null };
  let armedAt = 0;
  const longTasks: Array<{ start: number; duration: number }> = [];

  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // Long tasks are a detail; a browser without them still gets every other figure.
  }

  for (const type of ['pointerup', 'keydown', 'input'])
    window.addEventListener(
      type,
      (e) => {
        if (armed && inputAt === null) inputAt = e.timeStamp;
      },
      { capture: true, passive: true },
    );

  const countText = () =>
    document.querySelector('[data-testid=event-count]')?.textContent?.trim() ?? null;

  function readiness(): BenchReadiness {
    const count = countText();
    const marks: Record<string, number> = {};
    for (const m of performance.getEntriesByType('mark'))
      if (m.name.startsWith('dateline:')) marks[m.name.slice('dateline:'.length)] = m.startTime;
    return {
      count,
      countOk: count === `${expectedEvents} events`,
      timeline: document.querySelector(TIMELINE_ITEMS) !== null,
      map: document.querySelector(MARKERS) !== null,
      marks,
    };
  }

  function changes(since: number): Pick<BenchTiming, 'changed' | 'first' | 'last'> {
    const after = (t: number) => (t > since ? t : null);
    return {
      changed: {
        timeline: last.timeline > since,
        map: last.map > since,
        header: last.header > since,
      },
      first: { ...first },
      last: { timeline: after(last.timeline), map: after(last.map), header: after(last.header) },
    };
  }

  function frameLoop() {
    if (frames) {
      const list = frames;
      const at = list.push(now()) - 1;
      const paints = painted;
      paints[at] = NaN;
      afterPaint((t) => {
        if (frames === list) paints[at] = t;
      });
    }
    requestAnimationFrame(frameLoop);
  }
  requestAnimationFrame(frameLoop);

  const api: BenchApi = {
    interactiveAt: null,
    longTasks,
    readiness,
    observe() {
      const watch = (el: Element | null, key: keyof typeof last) => {
        if (!el) throw new Error(`bench: nothing to watch for the ${key}`);
        new MutationObserver(() => {
          last[key] = now();
          if (armed && inputAt !== null) first[key] ??= last[key];
        }).observe(el, { subtree: true, childList: true, attributes: true, characterData: true });
      };
      watch(document.querySelector('[data-testid=timeline]'), 'timeline');
      watch(document.querySelector('.leaflet-container'), 'map');
      watch(document.querySelector('.dl-header'), 'header');
    },
    arm() {
      armed = true;
      inputAt = null;
      armedAt = now();
      first = { timeline: null, map: null, header: null };
      countBefore = countText();
      frames = [];
      painted = [];
    },
    async settle(quietMs, timeoutMs, needHeaderChange) {
      const deadline = now() + timeoutMs;
      for (;;) {
        const t = await frame();
        const lastChange = Math.max(last.timeline, last.map, last.header);
        const started =
          inputAt !== null &&
          lastChange > inputAt &&
          (!needHeaderChange || countText() !== countBefore);
        if (started && t - lastChange >= quietMs) {
          const next = (frames ?? []).findIndex((f) => f > lastChange);
          const paintedAt = next >= 0 && !Number.isNaN(painted[next]) ? painted[next]! : t;
          frames = null;
          armed = false;
          return {
            inputAt: inputAt ?? NaN,
            changedAt: lastChange,
            paintedAt,
            ...changes(inputAt ?? 0),
          };
        }
        if (t > deadline) {
          frames = null;
          armed = false;
          const what =
            inputAt === null
              ? 'the input to reach the page'
              : needHeaderChange && countText() === countBefore
                ? `the header count to change from "${countBefore}"`
                : `the views to stay unchanged for ${quietMs} ms`;
          throw new Error(`waited ${timeoutMs} ms for ${what}`);
        }
      }
    },
    async waitFor(selector, timeoutMs) {
      const deadline = now() + timeoutMs;
      for (;;) {
        const t = await frame();
        if (inputAt !== null && document.querySelector(selector)) {
          // Seen in this frame's callback: on screen once this frame is painted.
          const paintedAt = await new Promise<number>((resolve) => afterPaint(resolve));
          armed = false;
          frames = null;
          return {
            inputAt,
            changedAt: t,
            paintedAt,
            ...changes(inputAt),
          };
        }
        if (t > deadline) {
          armed = false;
          frames = null;
          throw new Error(
            `waited ${timeoutMs} ms for ${inputAt === null ? 'the input to reach the page' : selector}`,
          );
        }
      }
    },
    async quiet(quietMs, timeoutMs) {
      const deadline = now() + timeoutMs;
      for (;;) {
        const t = await frame();
        if (t - Math.max(last.timeline, last.map, last.header, armedAt) >= quietMs) return;
        if (t > deadline)
          throw new Error(`waited ${timeoutMs} ms for the views to stay still for ${quietMs} ms`);
      }
    },
    startFrames() {
      frames = [];
      painted = [];
    },
    stopFrames() {
      const f = frames ?? [];
      frames = null;
      return f;
    },
  };
  window.datelineBench = api;

  // Interactive: all three seen in one frame, timed when that frame has been painted.
  function watchReady() {
    const r = readiness();
    if (r.countOk && r.timeline && r.map)
      afterPaint((t) => {
        api.interactiveAt = t;
      });
    else requestAnimationFrame(watchReady);
  }
  requestAnimationFrame(watchReady);
}
