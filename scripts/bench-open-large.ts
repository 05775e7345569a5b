// Opening very large files in the built app, headless Chromium, measured inside the page:
//
//   npm run bench:open-large                          # a 200 MB Dateline CSV, picked in the page
//   npm run bench:open-large -- --mb 50 --no-build    # a quicker look
//   npm run bench:open-large -- --parquet 100000      # a 100k-event Parquet file from ?data=
//   npm run bench:open-large -- --parquet 1000000 --via page   # 1M, picked in the page
//   npm run bench:open-large -- --mb 50 --profile    # where the longest tasks' time goes
//
// The files are generated into bench-results/data/ (never committed): the CSV by
// scripts/largeCsv.ts (about 200 MB is 765,000 rows), the Parquet by scripts/gen-parquet.ts.
// Reported: the longest gap between two animation frames (a frame the page could not draw for
// that long) and the longest long task (PerformanceObserver 'longtask') from the pick (or the
// navigation) until the header counts every event and two quiet seconds after, and each task's
// CPU time on the page's thread (a trace's thread time: what a busy machine does not stretch);
// how many frames
// took over 200 ms; when the worker had read the file (`dateline:parsed`) and when the views
// showed it (load → interactive); the JS heap after a forced garbage collection. Figures, not
// pass/fail; docs/i15-parquet.md quotes them. Writes bench-results/bench-open-large.json.
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/chromium';
import {
  installFrameWatch,
  startTaskTrace,
  stopFrameWatch,
  tracedTasks,
  watchFrames,
  type TracedTask,
} from '../e2e/frames.po';
import { HEADER_CSS } from '../e2e/header.po';
import { DATA, DIST, RESULTS, VIEWPORT } from './bench/config';
import { build, serve } from './bench/serve';
import { profileFromTrace, summariseProfile, traceEvents } from './bench/profile';
import { log, round } from './bench/util';
import { parquetFile } from './gen-parquet';
import { rowsForBytes, writeLargeCsv } from './largeCsv';

const { values: args } = parseArgs({
  options: {
    mb: { type: 'string', default: '200' },
    parquet: { type: 'string' },
    /** `page`: picked in the Open data dialog; `data`: opened by a `?data=` link. */
    via: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    /** Where the app is built and served from (another, to measure a build kept from before). */
    dist: { type: 'string', default: DIST },
    timeout: { type: 'string', default: '900' },
    /** Also profile the page's CPU, and say where the longest tasks' time went. */
    profile: { type: 'boolean', default: false },
    out: { type: 'string', default: join(RESULTS, 'bench-open-large.json') },
  },
});
const TIMEOUT_MS = Number(args.timeout) * 1000;

/** The file to open, generated unless a file newer than its generator is there. */
async function dataFile(): Promise<{ path: string; name: string; rows: number }> {
  mkdirSync(DATA, { recursive: true });
  if (args.parquet) {
    const rows = Number(args.parquet);
    log(`the file of ${rows.toLocaleString('en')} events (written if missing) …`);
    return { ...parquetFile(DATA, rows), rows };
  }
  const mb = Number(args.mb);
  const rows = rowsForBytes(mb * 2 ** 20);
  const name = `large-${mb}mb.csv`;
  const path = join(DATA, name);
  if (!existsSync(path) || statSync(path).mtimeMs < statSync('scripts/largeCsv.ts').mtimeMs) {
    log(`writing ${path} (${rows.toLocaleString('en')} rows) …`);
    await writeLargeCsv(path, rows);
  }
  return { path, name, rows };
}

/** Waits until the header counts `text`; false when it did not within the time limit. */
function shownWithin(page: Page, text: string): Promise<boolean> {
  return page
    .waitForFunction(
      ([css, t]) => document.querySelector(css!)?.textContent === t,
      [HEADER_CSS.eventCount, text] as const,
      { timeout: TIMEOUT_MS, polling: 1000 },
    )
    .then(() => true)
    .catch(() => false);
}

/** Where the CPU time of the three longest tasks went (the app's functions, by source map). */
function profileOfLongest(trace: Buffer, tasks: TracedTask[], origin: string) {
  const file = join(RESULTS, 'trace-open-large.json');
  // Open it in Chromium's DevTools, Performance panel (Load profile).
  writeFileSync(file, trace);
  const longest = [...tasks].sort((a, b) => b.cpuMs - a.cpuMs).slice(0, 3);
  const profile = profileFromTrace(traceEvents(trace), longest[0]?.thread);
  return {
    file,
    tasks: longest.map((t) => ({
      cpuMs: round(t.cpuMs),
      wallMs: round(t.wallMs),
      ...summariseProfile(profile, origin, {
        within: [t.at, t.at + t.wallMs * 1000],
        top: 40,
        dist: args.dist,
      }),
    })),
  };
}

async function main() {
  const { path, name, rows } = await dataFile();
  const via = args.via ?? (args.parquet ? 'data' : 'page');
  const bytes = statSync(path).size;
  if (!args['no-build']) build(args.dist);
  const { server, origin } = await serve(args.dist);
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const count = `${rows} events`;
    log(`opening ${path} (${round(bytes / 2 ** 20)} MB, ${rows.toLocaleString('en')} rows) …`);
    // The trace gives each task's CPU time on the page's thread, which the machine's load does
    // not stretch as it stretches wall time. It covers what the frames cover: from the
    // navigation for a link, from the pick for a file (not the bundled dataset's first draw).
    const startTrace = () =>
      startTaskTrace(browser, page, args.profile ? ['disabled-by-default-v8.cpu_profiler'] : []);
    if (via === 'data') {
      await startTrace();
      // Watched from the navigation on: the page's own clock starts there.
      await page.addInitScript({
        content: `globalThis.__name ??= (f) => f;\n(${installFrameWatch.toString()})(${JSON.stringify([HEADER_CSS.eventCount, count])});`,
      });
      await page.goto(`${origin}/?data=${encodeURIComponent(`/bench/${name}`)}`, {
        waitUntil: 'commit',
      });
    } else {
      await page.goto(`${origin}/`);
      await page.locator(HEADER_CSS.eventCount).waitFor();
      await page.getByTestId('open-data').first().click();
      await watchFrames(page, [HEADER_CSS.eventCount, count]);
      await startTrace();
      await page.getByTestId('file-input').setInputFiles(path);
    }
    const shown = await shownWithin(page, count);
    if (shown) await page.waitForTimeout(2000);
    else log(`not shown within ${TIMEOUT_MS / 1000} s; the frames until then:`);
    const watch = await stopFrameWatch(page);
    const trace = await browser.stopTracing();
    const tasks = tracedTasks(trace);
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const marks = await page.evaluate(() =>
      Object.fromEntries(
        performance
          .getEntriesByType('mark')
          .filter((m) => m.name.startsWith('dateline:'))
          .map((m) => [m.name, m.startTime]),
      ),
    );
    const result = {
      date: new Date().toISOString(),
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, load ${os.loadavg()[0]?.toFixed(1)}`,
      file: { name, bytes, rows, via },
      longestFrameMs: round(watch.longestFrame),
      longestTaskMs: round(watch.longestTask),
      longestTaskCpuMs: round(Math.max(0, ...tasks.map((t) => t.cpuMs))),
      tasksOver200CpuMs: tasks.filter((t) => t.cpuMs > 200).map((t) => round(t.cpuMs)),
      framesOver200: watch.over200,
      framesOver50: watch.over50,
      slowFrames: watch.slowFrames.map(([at, ms]) => [round(at - watch.start), round(ms)]),
      slowTasks: watch.slowTasks.map(([at, ms]) => [round(at - watch.start), round(ms)]),
      readMs: marks['dateline:parsed'] ? round(marks['dateline:parsed'] - watch.start) : null,
      shownMs: shown ? round(watch.shownAt - watch.start) : `not within ${TIMEOUT_MS / 1000} s`,
      heapMB: round(heap.usedSize / 2 ** 20),
      errors,
      ...(args.profile && { profile: profileOfLongest(trace, tasks, origin) }),
    };
    log(result);
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(args.out, JSON.stringify(result, null, 2));
  } finally {
    await browser.close();
    server.close();
  }
}

await main();
