// The longest frame while a very large file opens (issue 12.4): the built app in headless
// Chromium opens a generated Dateline CSV of about 200 MB (1.2 million rows) through the page's
// file input, as a user would, and the page times every frame from the pick until both views
// show the dataset and have been quiet for two seconds.
//
//   npm run bench:open-large                          # 200 MB, builds the app first
//   npm run bench:open-large -- --mb 50 --no-build    # a quicker look
//
// The file is generated into bench-results/data/ (never committed). Reported: the longest gap
// between two animation frames (a frame the page could not draw for that long), the longest
// long task (PerformanceObserver 'longtask'), how many frames took over 200 ms, the time until
// the worker had read the file and until the views were drawn, and the JS heap. Figures, not
// pass/fail; docs/i15-parquet.md quotes them. Writes bench-results/bench-open-large.json.
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/chromium';
import { stopFrameWatch, watchFrames } from '../e2e/frames.po';
import { HEADER_CSS } from '../e2e/header.po';
import { DATA, DIST, RESULTS, VIEWPORT } from './bench/config';
import { build, serve } from './bench/serve';
import { log, round } from './bench/util';
import { rowsForBytes, writeLargeCsv } from './largeCsv';

const { values: args } = parseArgs({
  options: {
    mb: { type: 'string', default: '200' },
    'no-build': { type: 'boolean', default: false },
    /** Where the app is built and served from (another, to measure a build kept from before). */
    dist: { type: 'string', default: DIST },
    timeout: { type: 'string', default: '600' },
    out: { type: 'string', default: join(RESULTS, 'bench-open-large.json') },
  },
});
const MB = Number(args.mb);
const TIMEOUT_MS = Number(args.timeout) * 1000;

async function main() {
  mkdirSync(DATA, { recursive: true });
  const rows = rowsForBytes(MB * 2 ** 20);
  const path = join(DATA, `large-${MB}mb.csv`);
  if (!existsSync(path) || statSync(path).mtimeMs < statSync('scripts/largeCsv.ts').mtimeMs) {
    log(`writing ${path} (${rows.toLocaleString('en')} rows) …`);
    await writeLargeCsv(path, rows);
  }
  const bytes = statSync(path).size;
  if (!args['no-build']) build(args.dist);
  const { server, origin } = await serve(args.dist);
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${origin}/`);
    await page.locator(HEADER_CSS.eventCount).waitFor();
    const count = `${rows.toLocaleString('en-US')} events`;
    await page.getByTestId('open-data').first().click();
    await watchFrames(page, [HEADER_CSS.eventCount, count]);
    log(`opening ${path} (${round(bytes / 2 ** 20)} MB, ${rows.toLocaleString('en')} rows) …`);
    await page.getByTestId('file-input').setInputFiles(path);
    const shown = await page
      .waitForFunction(
        ([css, text]) => document.querySelector(css!)?.textContent === text,
        [HEADER_CSS.eventCount, count] as const,
        { timeout: TIMEOUT_MS, polling: 1000 },
      )
      .then(() => true)
      .catch(() => false);
    if (shown) await page.waitForTimeout(2000);
    else log(`not shown within ${TIMEOUT_MS / 1000} s; the frames until then:`);
    const watch = await stopFrameWatch(page);
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
      file: { bytes, rows },
      longestFrameMs: round(watch.longestFrame),
      longestTaskMs: round(watch.longestTask),
      framesOver200: watch.over200,
      framesOver50: watch.over50,
      slowFrames: watch.slowFrames.map(([at, ms]) => [round(at - watch.start), round(ms)]),
      readMs: marks['dateline:parsed'] ? round(marks['dateline:parsed'] - watch.start) : null,
      shownMs: shown ? round(watch.shownAt - watch.start) : `not within ${TIMEOUT_MS / 1000} s`,
      heapMB: round(heap.usedSize / 2 ** 20),
      errors,
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
