// The in-page half of `npm run bench` (scripts/bench/main.ts): installed with `page.addInitScript`
// before the app runs, it times everything inside the page, on the page's own clock
// (performance.now(), whose zero is the navigation start), so the cost of talking to the browser
// never counts. It only reads the DOM and listens; the app knows nothing about it (the one thing
// it adds to the page is an invisible 1 px element, see below).
//
// Frames. A frame is one "update the rendering" of the HTML event loop: the animation frame
// (requestAnimationFrame) callbacks run, in the order they were requested; then style and
// layout, and ResizeObserver callbacks (which may change the DOM, hence style and layout again);
// then the frame is painted. The bench numbers frames from its own animation frame callback,
// which is requested first (at install, before any of the app's scripts, and again from each
// frame's callback) so it runs early in each frame. In that callback it also creates a
// ResizeObserver on an invisible 1 px element (fixed, `contain: strict`: it costs no layout of
// the page); a new observation is always delivered in the same frame, after every animation
// frame callback and after layout, and — the observer being the newest — after the callbacks of
// the app's resize observers. That callback closes the frame: a change of the DOM made before it
// (in a task before the frame, or in any animation frame callback of the frame, the app's
// vis-timeline redraws and deferred scrolls included) is painted by this frame; a change made
// after it is painted by the next frame. The bench learns of a change from a MutationObserver,
// whose callback runs right after the task or callback that made the change, so it attributes
// each change to its frame by order, not by comparing times: "painted by frame n" means frame n
// was the first frame to close after the change was seen.
//
// "Painted" is the moment a frame's rendering is done: a message posted from the frame's
// animation frame callback is handled only after the browser has styled, laid out and painted
// that frame (the "afterframe" technique). Every figure ends at such a moment.
//
// "Interactive", precisely: the header counts the whole dataset ("N events"), the timeline has
// drawn at least one event item (`.vis-item` that is a box, range or point) or, zoomed out on
// many events, a slice of its density band (`.dl-bin`, a button), and the map at least one
// marker (`.leaflet-marker-icon`); they are looked for when each frame closes, and the time is
// when the first frame in which all three were there has been painted.
//
// "Painted" after an input: the views (timeline, map, header) are watched with a
// MutationObserver; once they have changed and then stayed unchanged for a quiet period, the
// figure is when the frame that painted their last change was painted, minus the time stamp of
// the input event. Waiting for a selector instead (`waitFor`): the figure is when the frame that
// painted the first DOM state in which the selector matched was painted.
//
// Limits: a change made by a resize observer created during the same frame after the bench's
// (or in a further round of resize observer callbacks that a callback's own change causes) is
// counted one frame late; so is a change in a frame whose closing observer did not run (none
// has been seen to, as long as the page renders).

export interface BenchTiming {
  /**
   * The input event's time stamp (pointerup, keydown or input), ms since navigation. A click
   * counts from the button's release, as the browser acts on it then (`click` follows `pointerup`);
   * counting from the press would add however long the button was held. The bench holds it for
   * as long as a person does (scripts/bench/config.ts, `CLICK`).
   */
  inputAt: number;
  /** When the awaited change was first seen (or the views' last change), ms since navigation. */
  changedAt: number;
  /** When the frame that painted the change had been painted: the change is on screen. */
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
  /**
   * Forgets the last input and change; the next input event starts a measurement. With a
   * selector, starts watching for it now, so that `waitFor(selector)` times a change the app
   * makes before `waitFor` is called (in the input's own task, say) exactly.
   */
  arm(selector?: string): void;
  /** Waits until the views changed after the armed input and then stayed quiet. */
  settle(quietMs: number, timeoutMs: number, needHeaderChange: boolean): Promise<BenchTiming>;
  /** Waits until `selector` matches something, after the armed input. */
  waitFor(selector: string, timeoutMs: number): Promise<BenchTiming>;
  /** Waits until the views have not changed for `quietMs`. */
  quiet(quietMs: number, timeoutMs: number): Promise<void>;
  startFrames(): void;
  /** The animation frames' times since startFrames (when the bench's callback ran). */
  stopFrames(): number[];
  longTasks: Array<{ start: number; duration: number }>;
}

declare global {
  interface Window {
    datelineBench?: BenchApi;
  }
}

/** Where the views are, as CSS: the e2e page objects' own selectors (see scripts/bench/load.ts). */
export interface BenchCss {
  /** What counts as drawn on the timeline: an event's item, or a slice of the density band. */
  timelineDrawn: string;
  /** Any marker or cluster of the map. */
  mapDrawn: string;
  timeline: string;
  map: string;
  header: string;
  eventCount: string;
}

/**
 * Runs in the page, before any of its scripts. Must not reference anything outside itself (it
 * is sent as text): the selectors come in `css`.
 */
export function installBench(expectedEvents: number, css: BenchCss): void {
  const TIMELINE_ITEMS = css.timelineDrawn;
  const MARKERS = css.mapDrawn;
  const now = () => performance.now();
  const frame = () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(now())));
  /** Calls back once the current frame (call it while the frame renders) has been painted. */
  const afterPaint = (callback: (t: number) => void) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      callback(now());
    };
    channel.port2.postMessage(null);
  };

  // Frames (see the top of the file). Frame n starts with the bench's animation frame callback
  // and closes with its resize observer's callback.
  /** The latest frame that started. */
  let frameNo = 0;
  /** The latest frame that closed: a change seen now is painted by frame `closed + 1`. */
  let closed = 0;
  /** The frame that paints a change made (seen) now. */
  const paintingFrame = () => closed + 1;
  /** The animation frame times since startFrames, for the pans; null when not sampling. */
  let frames: number[] | null = null;
  /** When frame n had been painted, for the frames since arm() (and until interactive). */
  const painted = new Map<number, number>();
  const paintWaiters = new Map<number, Array<(t: number) => void>>();
  /** The invisible element whose new observation closes each frame. */
  let sentinel: HTMLElement | null = null;
  let closer: ResizeObserver | null = null;

  let inputAt: number | null = null;
  let armed = false;
  let countBefore: string | null = null;
  const last = { timeline: 0, map: 0, header: 0 };
  /** The frame that painted each view's last change. */
  const lastFrame = { timeline: 0, map: 0, header: 0 };
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

  const countText = () => document.querySelector(css.eventCount)?.textContent?.trim() ?? null;

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

  /** When frame n has been painted (a frame that went unrecorded: the next recorded one). */
  function paintedOf(n: number): Promise<number> {
    const t = painted.get(n);
    if (t !== undefined) return Promise.resolve(t);
    return new Promise((resolve) => paintWaiters.set(n, [...(paintWaiters.get(n) ?? []), resolve]));
  }

  /**
   * When the frame that painted a change seen at `at` in frame `n` had been painted: frame n's
   * time, unless frame n had been painted before the change was seen (its closing observer did
   * not run, so the change was taken for frame n's although n was already done); then the first
   * later frame painted after it. Seen once, in the first sample after a long task.
   */
  async function paintedAfter(n: number, at: number): Promise<number> {
    for (let k = n; ; k++) {
      const t = await paintedOf(k);
      if (t >= at) return t;
    }
  }

  function recordPainted(n: number, t: number) {
    painted.set(n, t);
    for (const [k, waiters] of paintWaiters)
      if (k <= n) {
        paintWaiters.delete(k);
        for (const w of waiters) w(painted.get(k) ?? t);
      }
  }

  /** The callbacks to run when a frame closes (before it is painted). */
  const onClose = new Set<() => void>();

  function closeFrame(n: number) {
    const root = document.documentElement;
    if (!sentinel) {
      sentinel = document.createElement('div');
      sentinel.setAttribute('aria-hidden', 'true');
      sentinel.style.cssText =
        'position:fixed;left:0;top:0;width:1px;height:1px;contain:strict;visibility:hidden;pointer-events:none';
    }
    if (!sentinel.isConnected && root) root.appendChild(sentinel);
    closer?.disconnect();
    // A new observer each frame: its first observation is always delivered (a size is reported
    // for every new observation), the element never changes, and, being the newest observer, it
    // is called after the app's.
    const observer = new ResizeObserver(() => {
      observer.disconnect();
      if (closer === observer) closer = null;
      try {
        // Still frame n's: a change seen by these callbacks is painted by frame n.
        for (const callback of onClose) callback();
      } finally {
        closed = Math.max(closed, n);
      }
    });
    observer.observe(sentinel);
    closer = observer;
  }

  function frameLoop() {
    const n = ++frameNo;
    // Had the last frame not closed (it always does), its close would be now at the latest.
    closed = Math.max(closed, n - 1);
    frames?.push(now());
    // Posted first thing in the frame, so that no message the app posts in the frame (React
    // schedules its work so) is handled before it.
    if (armed || frames || paintWaiters.size || api.interactiveAt === null)
      afterPaint((t) => recordPainted(n, t));
    closeFrame(n);
    requestAnimationFrame(frameLoop);
  }
  requestAnimationFrame(frameLoop);

  /** Watches for a selector: when (and in which frame) it first matched after the input. */
  interface Watch {
    selector: string;
    seen: { at: number; frame: number } | null;
    onSeen: (() => void) | null;
    /** It matched already when it was armed: the input cannot be what made it match. */
    before: boolean;
    stop(): void;
  }
  let watch: Watch | null = null;

  function watchFor(selector: string): Watch {
    document.querySelector(selector); // An invalid selector throws here, to the caller.
    const w: Watch = {
      selector,
      seen: null,
      onSeen: null,
      before: inputAt === null && document.querySelector(selector) !== null,
      stop() {
        observer.disconnect();
        onClose.delete(check);
        if (watch === w) watch = null;
      },
    };
    function check() {
      if (w.seen || inputAt === null || !document.querySelector(selector)) return;
      w.seen = { at: now(), frame: paintingFrame() };
      observer.disconnect();
      onClose.delete(check);
      w.onSeen?.();
    }
    // Seen right after the change that made it match; and, for a match that no mutation shows
    // (a state such as :checked), when the frame closes.
    const observer = new MutationObserver(check);
    observer.observe(document, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
    onClose.add(check);
    watch?.stop();
    watch = w;
    return w;
  }

  const api: BenchApi = {
    interactiveAt: null,
    longTasks,
    readiness,
    observe() {
      const watchView = (el: Element | null, key: keyof typeof last) => {
        if (!el) throw new Error(`bench: nothing to watch for the ${key}`);
        new MutationObserver((records) => {
          // The basemap's readiness attributes (`data-basemap`, `data-basemap-parts`) change when
          // its detailed outlines arrive, ~4 s after the first paint, whatever the user does:
          // not a change of the view's content, and counted as one it made a filter change that
          // happened to be in flight then last 300–490 ms (one sample of ten, in every phase).
          if (records.every((r) => r.attributeName?.startsWith('data-basemap'))) return;
          last[key] = now();
          lastFrame[key] = paintingFrame();
          if (armed && inputAt !== null) first[key] ??= last[key];
        }).observe(el, { subtree: true, childList: true, attributes: true, characterData: true });
      };
      watchView(document.querySelector(css.timeline), 'timeline');
      watchView(document.querySelector(css.map), 'map');
      watchView(document.querySelector(css.header), 'header');
    },
    arm(selector) {
      armed = true;
      inputAt = null;
      armedAt = now();
      first = { timeline: null, map: null, header: null };
      countBefore = countText();
      painted.clear();
      watch?.stop();
      if (selector !== undefined) watchFor(selector);
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
          // The frame that painted the last change closed long ago (quietMs): it is known.
          const paintedAt = await paintedAfter(
            Math.max(lastFrame.timeline, lastFrame.map, lastFrame.header),
            lastChange,
          );
          armed = false;
          return {
            inputAt: inputAt ?? NaN,
            changedAt: lastChange,
            paintedAt,
            ...changes(inputAt ?? 0),
          };
        }
        if (t > deadline) {
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
    waitFor(selector, timeoutMs) {
      const w = watch?.selector === selector ? watch : watchFor(selector);
      if (w.before) {
        w.stop();
        armed = false;
        return Promise.reject(new Error(`${selector} matched before the input`));
      }
      // Matching already, with no sign of when: it counts as seen now.
      if (!w.seen && inputAt !== null && document.querySelector(selector))
        w.seen = { at: now(), frame: paintingFrame() };
      return new Promise<BenchTiming>((resolve, reject) => {
        const timer = setTimeout(() => {
          w.stop();
          armed = false;
          reject(
            new Error(
              `waited ${timeoutMs} ms for ${inputAt === null ? 'the input to reach the page' : selector}`,
            ),
          );
        }, timeoutMs);
        w.onSeen = () => {
          clearTimeout(timer);
          w.stop();
          const seen = w.seen!;
          void paintedAfter(seen.frame, seen.at).then((paintedAt) => {
            armed = false;
            resolve({
              inputAt: inputAt ?? NaN,
              changedAt: seen.at,
              paintedAt,
              ...changes(inputAt ?? 0),
            });
          });
        };
        if (w.seen) w.onSeen();
      });
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
      // A trace's frames are counted between these (scripts/bench/profile.ts, frameCpu).
      performance.mark('bench:frames:start');
    },
    stopFrames() {
      performance.mark('bench:frames:stop');
      const f = frames ?? [];
      frames = null;
      return f;
    },
  };
  window.datelineBench = api;

  // Interactive: all three there when a frame closes, timed when that frame has been painted.
  const isReady = () =>
    countText() === `${expectedEvents} events` &&
    document.querySelector(TIMELINE_ITEMS) !== null &&
    document.querySelector(MARKERS) !== null;
  function watchReady() {
    if (!isReady()) return;
    onClose.delete(watchReady);
    void paintedOf(paintingFrame()).then((t) => {
      api.interactiveAt = t;
    });
  }
  onClose.add(watchReady);
}
