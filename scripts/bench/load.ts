// One page load of the benchmark: a fresh browser context opens `?data=` with the in-page timer
// (./page.ts) installed, waits until both views are interactive, and reads the app's marks, the
// long tasks before that moment, the JS heap and the DOM size. A load that does not finish says
// what it still waited for.
import type { Browser, BrowserContext, CDPSession, Page } from '@playwright/test';
import { HEADER_CSS } from '../../e2e/header.po';
import { MAP_CSS } from '../../e2e/map.po';
import { TIMELINE_CSS } from '../../e2e/timeline.po';
import { VIEWPORT } from './config';
import { installBench, type BenchCss, type BenchReadiness } from './page';
import { TRACE_CATEGORIES } from './profile';
import type { LoadRun } from './report';
import { log, message, round, within } from './util';

/** The e2e page objects' selectors, for the in-page timer. */
const BENCH_CSS: BenchCss = {
  timelineDrawn: TIMELINE_CSS.drawn,
  mapDrawn: MAP_CSS.anyMarker,
  timeline: TIMELINE_CSS.root,
  map: MAP_CSS.root,
  header: HEADER_CSS.root,
  eventCount: HEADER_CSS.eventCount,
};

export interface Opened {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  run: LoadRun;
}

function benchScript(events: number): string {
  // tsx compiles with esbuild's keepNames, whose `__name` helper does not exist in the page.
  return `globalThis.__name ??= (f) => f;\n(${installBench.toString()})(${events}, ${JSON.stringify(BENCH_CSS)});`;
}

async function readiness(page: Page): Promise<BenchReadiness | null> {
  try {
    return await within(
      page.evaluate(() => window.datelineBench!.readiness()),
      5000,
      'the page to answer',
    );
  } catch {
    return null;
  }
}

function describeWait(r: BenchReadiness | null, n: number): string {
  if (!r) return 'the page did not answer within 5 s (its main thread is still busy)';
  const missing = [
    !r.countOk && `the header to say "${n} events" (it says ${JSON.stringify(r.count)})`,
    !r.timeline && 'a timeline item (.vis-item box, range or point) or density slice (.dl-bin)',
    !r.map && 'a map marker (.leaflet-marker-icon)',
  ].filter(Boolean);
  const marks = Object.entries(r.marks)
    .map(([k, v]) => `${k} at ${round(v / 1000, 2)} s`)
    .join(', ');
  return `still waiting for ${missing.join(' and ') || 'the frame after all were drawn'}; marks: ${marks || 'none'}`;
}

export async function openApp(
  browser: Browser,
  origin: string,
  n: number,
  file: string,
  {
    profile = false,
    traceCategories = TRACE_CATEGORIES,
    timeoutMs,
    search,
  }: {
    profile?: boolean;
    /** What the trace records, with `profile` (by default, the CPU profile too). */
    traceCategories?: string[];
    timeoutMs: number;
    /** The page's query instead of `?data=/bench/<file>` (a query source's `?source=`). */
    search?: string;
  },
): Promise<Opened & { trace?: Buffer }> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.addInitScript({ content: benchScript(n) });
  const cdp = await context.newCDPSession(page);
  // A trace rather than the Profiler domain: stopping the profiler needs the page's main thread,
  // which a load that does not finish keeps busy; a trace is collected by the browser.
  if (profile) await browser.startTracing(page, { categories: traceCategories });
  const run: LoadRun = {
    interactiveMs: null,
    marks: {},
    dataResponseEndMs: null,
    longestTaskMs: null,
    longTasksTotalMs: null,
    heapMB: null,
    domNodes: null,
  };
  const url = `${origin}/${search ?? `?data=${encodeURIComponent(`/bench/${file}`)}`}`;
  try {
    await page.goto(url, { waitUntil: 'commit', timeout: 30_000 });
    await page
      .waitForFunction(() => window.datelineBench?.interactiveAt != null, null, {
        timeout: timeoutMs,
        polling: 250,
      })
      .catch(async () => {
        throw new Error(
          `not interactive within ${timeoutMs / 1000} s: ${describeWait(await readiness(page), n)}`,
        );
      });
    if (errors.length) throw new Error(`the page reported errors: ${errors.join(' | ')}`);
    const inPage = await page.evaluate((name) => {
      const b = window.datelineBench!;
      const res = performance.getEntriesByType('resource').find((e) => e.name.endsWith(name)) as
        PerformanceResourceTiming | undefined;
      return {
        interactiveAt: b.interactiveAt,
        marks: b.readiness().marks,
        responseEnd: res?.responseEnd ?? null,
        longTasks: b.longTasks.filter((t) => t.start < (b.interactiveAt ?? Infinity)),
      };
    }, file);
    run.interactiveMs = round(inPage.interactiveAt ?? NaN);
    run.marks = Object.fromEntries(Object.entries(inPage.marks).map(([k, v]) => [k, round(v)]));
    run.dataResponseEndMs = inPage.responseEnd === null ? null : round(inPage.responseEnd);
    if (inPage.longTasks.length) {
      run.longestTaskMs = round(Math.max(...inPage.longTasks.map((t) => t.duration)));
      run.longTasksTotalMs = round(inPage.longTasks.reduce((s, t) => s + t.duration, 0));
    }
  } catch (err) {
    run.error = message(err);
  }
  let trace: Buffer | undefined;
  if (profile) {
    trace = await within(browser.stopTracing(), 120_000, 'the trace').catch((err: unknown) => {
      log(`  (no trace: ${message(err)})`);
      return undefined;
    });
  }
  if (!run.error) {
    try {
      await within(cdp.send('HeapProfiler.collectGarbage'), 30_000, 'garbage collection');
      const heap = await cdp.send('Runtime.getHeapUsage');
      run.heapMB = round(heap.usedSize / 2 ** 20);
      await cdp.send('Performance.enable');
      const { metrics } = await cdp.send('Performance.getMetrics');
      run.domNodes = metrics.find((m) => m.name === 'Nodes')?.value ?? null;
    } catch (err) {
      run.error = `heap: ${message(err)}`;
    }
  }
  return { context, page, cdp, run, ...(trace && { trace }) };
}

/**
 * Closes a page's context. Closing waits for the page's main thread, which may be stuck in a task
 * for minutes after a timeout: then the renderer is crashed (on its IO thread) and closed again.
 */
export async function dispose({ context, cdp }: Opened): Promise<void> {
  try {
    await within(context.close(), 10_000, 'the page to close');
  } catch {
    await cdp.send('Page.crash').catch(() => undefined);
    await within(context.close(), 30_000, 'the crashed page to close').catch((err: unknown) =>
      log(`  (could not close the page: ${message(err)})`),
    );
  }
}
