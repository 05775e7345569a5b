// The browser benchmark: the built app in headless Chromium with 1k, 10k and 100k generated
// events, measured inside the page.
//
//   npm run bench                         # everything (several minutes)
//   npm run bench -- --sizes 1000 --load-runs 1 --samples 3 --no-build   # a quick look
//   npm run bench -- --sizes 100000 --load-runs 1 --samples 0 --profile  # where the load goes
//
// It builds the app into bench-results/dist (with hidden source maps, for --profile), generates
// the datasets once into bench-results/data (seed 1), serves both from one origin (the data at
// /bench/), opens `?data=/bench/events-<n>.json` as a user would and measures: load until both
// views are interactive, filter changes until both views are painted, selection sync in both
// directions, a two-second pan of the timeline and of the map, and the JS heap. What each figure
// means precisely: scripts/bench-page.ts and the README's Performance section. Prints a table per
// size and writes bench-results/bench.json. Figures, not pass/fail.
import { spawnSync } from 'node:child_process';
import {
  createReadStream,
  existsSync,
  mkdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import { SourceMap } from 'node:module';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type CDPSession,
  type Page,
} from '@playwright/test';
import { installBench, type BenchReadiness, type BenchTiming } from './bench-page';
import { generateDataset } from './generate';

// ---------------------------------------------------------------------------------------------
// Options

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    'load-runs': { type: 'string', default: '3' },
    samples: { type: 'string', default: '10' },
    'load-timeout': { type: 'string', default: '120' },
    'no-build': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench-results/bench.json' },
  },
});

const SIZES = args.sizes.split(',').map((s) => Number(s.trim()));
const LOAD_RUNS = Number(args['load-runs']);
const SAMPLES = Number(args.samples);
const LOAD_TIMEOUT_MS = Number(args['load-timeout']) * 1000;
/** One interaction sample may take this long before it counts as failed. */
const STEP_TIMEOUT_MS = 60_000;
/** The views count as settled after this long without a change. */
const QUIET_MS = 400;
const PAN_MS = 2000;
/** Playwright's actions wait for the page to take the input: as long as a step may take. */
const ACT = { timeout: STEP_TIMEOUT_MS };
/**
 * A measured click holds the button as a person does (60 ms; people hold it 50–150 ms) rather
 * than releasing it a fraction of a millisecond after pressing: the figures count from the
 * release, and what the page does on the press (hammer.js, Leaflet, the app's own listeners)
 * then happens while the button is down, as it does for a person, instead of delaying the
 * release's handling and being counted in it.
 */
const CLICK = { ...ACT, delay: 60 };
/** A whole phase of interactions (one series) may take this long. */
const PHASE_TIMEOUT_MS = 8 * 60_000;
const SEED = 1;
const VIEWPORT = { width: 1440, height: 900 };
const RESULTS = 'bench-results';
const DIST = join(RESULTS, 'dist');
const DATA = join(RESULTS, 'data');

for (const n of SIZES)
  if (!Number.isInteger(n) || n < 1) throw new Error(`--sizes: not a whole number: ${n}`);
if (!(LOAD_RUNS >= 1) || !(SAMPLES >= 0) || !(LOAD_TIMEOUT_MS > 0))
  throw new Error('--load-runs must be ≥ 1, --samples ≥ 0, --load-timeout > 0');

// ---------------------------------------------------------------------------------------------
// Small helpers

const log = (...xs: unknown[]) => console.log(...xs);
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Stats {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

function stats(xs: readonly number[]): Stats | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
  const mid = s.length % 2 ? at(0.5) : ((s[s.length / 2 - 1] ?? 0) + (s[s.length / 2] ?? 0)) / 2;
  return {
    n: s.length,
    median: round(mid),
    p95: round(at(0.95)),
    min: round(s[0] ?? NaN),
    max: round(s.at(-1) ?? NaN),
  };
}

/** Rejects with "timed out after … waiting for <what>" unless `p` settles first. */
async function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** An error's first line and, when Playwright appends its call log, the log's last step. */
function message(err: unknown): string {
  const lines = (err instanceof Error ? err.message : String(err)).split('\n');
  // oxlint-disable-next-line no-control-regex
  const plain = lines.map((l) => l.replace(/\u001b\[[0-9;]*m/g, '').trim()).filter(Boolean);
  const callLog = plain.indexOf('Call log:');
  const lastStep = callLog >= 0 ? plain.at(-1) : undefined;
  return lastStep && lastStep !== 'Call log:'
    ? `${plain[0]} (last step: ${lastStep})`
    : (plain[0] ?? '');
}
const sizeLabel = (n: number) => (n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n));

// ---------------------------------------------------------------------------------------------
// Build, data, server, browser

function build(): void {
  log(`building into ${DIST} …`);
  const r = spawnSync(
    'npx',
    [
      'vite',
      'build',
      '--outDir',
      DIST,
      '--emptyOutDir',
      '--sourcemap',
      'hidden',
      '--logLevel',
      'warn',
    ],
    { stdio: 'inherit' },
  );
  if (r.status !== 0) throw new Error(`vite build failed (exit ${r.status})`);
}

/** Ids of the events of the dataset being measured that have a place (only those reach the map). */
let placedIds: ReadonlySet<string> = new Set();

function placedIdsOf(path: string): Set<string> {
  const data = JSON.parse(readFileSync(path, 'utf8')) as {
    events: Array<{ id: string; place?: unknown }>;
  };
  return new Set(data.events.filter((e) => e.place != null).map((e) => e.id));
}

/** The dataset file for n events, generated unless a file newer than the generator exists. */
function dataFile(n: number): { name: string; bytes: number } {
  mkdirSync(DATA, { recursive: true });
  const name = `events-${sizeLabel(n)}.json`;
  const path = join(DATA, name);
  const generator = statSync('scripts/generate.ts').mtimeMs;
  if (!existsSync(path) || statSync(path).mtimeMs < generator) {
    log(`generating ${path} (${n} events, seed ${SEED}) …`);
    writeFileSync(path, JSON.stringify(generateDataset({ events: n, seed: SEED })));
  }
  return { name, bytes: statSync(path).size };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** dist/ at /, the generated data at /bench/: one origin, as the app's `?data=` requires. */
function serve(): Promise<{ server: Server; origin: string }> {
  const roots: Array<[string, string]> = [
    ['/bench/', resolve(DATA)],
    ['/', resolve(DIST)],
  ];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const [prefix, root] = roots.find(([p]) => path.startsWith(p)) ?? roots[1]!;
    let file = normalize(join(root, path.slice(prefix.length)));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': statSync(file).size,
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      ok({ server, origin: `http://127.0.0.1:${port}` });
    }),
  );
}

/** The same browser as the end-to-end tests (playwright.config.ts). */
function chromiumPath(): string | undefined {
  const fromEnv = process.env.DATELINE_CHROMIUM;
  if (fromEnv) return fromEnv;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return undefined;
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

// ---------------------------------------------------------------------------------------------
// One page load

interface LoadRun {
  interactiveMs: number | null;
  /** The app's marks, ms since navigation: open, fetched, parsed, loaded (validated). */
  marks: Record<string, number>;
  /** The dataset request's end (resource timing), ms since navigation. */
  dataResponseEndMs: number | null;
  longestTaskMs: number | null;
  longTasksTotalMs: number | null;
  heapMB: number | null;
  domNodes: number | null;
  error?: string;
}

interface Opened {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  run: LoadRun;
}

function benchScript(events: number): string {
  // tsx compiles with esbuild's keepNames, whose `__name` helper does not exist in the page.
  return `globalThis.__name ??= (f) => f;\n(${installBench.toString()})(${events});`;
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

async function openApp(
  browser: Browser,
  origin: string,
  n: number,
  file: string,
  profile = false,
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
  if (profile) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  const run: LoadRun = {
    interactiveMs: null,
    marks: {},
    dataResponseEndMs: null,
    longestTaskMs: null,
    longTasksTotalMs: null,
    heapMB: null,
    domNodes: null,
  };
  const url = `${origin}/?data=${encodeURIComponent(`/bench/${file}`)}`;
  try {
    await page.goto(url, { waitUntil: 'commit', timeout: 30_000 });
    await page
      .waitForFunction(() => window.datelineBench?.interactiveAt != null, null, {
        timeout: LOAD_TIMEOUT_MS,
        polling: 250,
      })
      .catch(async () => {
        throw new Error(
          `not interactive within ${LOAD_TIMEOUT_MS / 1000} s: ${describeWait(await readiness(page), n)}`,
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
async function dispose({ context, cdp }: Opened): Promise<void> {
  try {
    await within(context.close(), 10_000, 'the page to close');
  } catch {
    await cdp.send('Page.crash').catch(() => undefined);
    await within(context.close(), 30_000, 'the crashed page to close').catch((err: unknown) =>
      log(`  (could not close the page: ${message(err)})`),
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Interactions (each in a freshly loaded page)

type Sampler = (page: Page) => Promise<BenchTiming>;

type View = keyof BenchTiming['changed'];

interface Series {
  samples: number[];
  /** Per sample: when each view first and last changed, ms after the input. */
  details: Array<{
    what: string;
    ms: number;
    first: Record<string, number | null>;
    last: Record<string, number | null>;
  }>;
  errors: string[];
  /** Samples in which a view that should have changed did not. */
  unchanged: string[];
  stats?: Stats | null;
}

const newSeries = (): Series => ({ samples: [], details: [], errors: [], unchanged: [] });

const FILTER_VIEWS: View[] = ['timeline', 'map', 'header'];

async function sample(
  series: Series,
  page: Page,
  what: string,
  act: Sampler,
  expected: View[] = FILTER_VIEWS,
): Promise<boolean> {
  try {
    const t = await within(act(page), STEP_TIMEOUT_MS + 10_000, what);
    const ms = round(t.paintedAt - t.inputAt);
    const rel = (xs: BenchTiming['first']) =>
      Object.fromEntries(
        Object.entries(xs).map(([k, v]) => [k, v === null ? null : round(v - t.inputAt)]),
      );
    series.samples.push(ms);
    series.details.push({ what, ms, first: rel(t.first), last: rel(t.last) });
    const stale = expected.filter((v) => !t.changed[v]);
    if (stale.length) series.unchanged.push(`${what}: ${stale.join(', ')} unchanged`);
    return true;
  } catch (err) {
    series.errors.push(`${what}: ${message(err)}`);
    return false;
  }
}

/** With the selector that `waitForSelector` will wait for, watched from now on (see `arm`). */
const arm = (page: Page, selector?: string) =>
  page.evaluate((s) => window.datelineBench!.arm(s), selector);
const settle = (page: Page, needHeaderChange = true) =>
  page.evaluate(([q, t, h]) => window.datelineBench!.settle(q, t, h), [
    QUIET_MS,
    STEP_TIMEOUT_MS,
    needHeaderChange,
  ] as const);
const quiet = (page: Page) =>
  page.evaluate(([q, t]) => window.datelineBench!.quiet(q, t), [
    QUIET_MS,
    STEP_TIMEOUT_MS,
  ] as const);
const waitForSelector = (page: Page, selector: string) =>
  page.evaluate(([s, t]) => window.datelineBench!.waitFor(s, t), [
    selector,
    STEP_TIMEOUT_MS,
  ] as const);

async function openSection(page: Page, title: RegExp): Promise<void> {
  const details = page
    .locator('.dl-filters details')
    .filter({ has: page.locator('summary', { hasText: title }) });
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open)))
    await details.locator('summary').click();
}

/**
 * The actor facet, one checkbox at a time among the eight most frequent actors, keeping one or
 * two ticked: tick a0 (every event → a0's), tick a1 (→ a0 or a1), untick a0 (→ a1), tick a2 …
 * Each click is one sample. Going back to every event is measured once, by "Clear filters".
 */
async function filterByActor(page: Page, n: number): Promise<{ actor: Series; clear: Series }> {
  const actor = newSeries();
  const clear = newSeries();
  await openSection(page, /^Actors/);
  const ids = await page
    .locator('[data-testid=facet-actors] ul input[type=checkbox]')
    .evaluateAll((els) => els.slice(0, 8).map((el) => (el as HTMLInputElement).value));
  if (ids.length < 2) throw new Error('the actor facet shows fewer than two actors');
  const box = (id: string) =>
    page.locator(`[data-testid=facet-actors] input[type=checkbox][value="${id}"]`);
  for (let k = 0; k < n; k++) {
    // k = 0: tick ids[0]; odd k: tick the next; even k: untick the one before it.
    const i = k === 0 ? 0 : k % 2 ? (k + 1) / 2 : k / 2 - 1;
    const id = ids[i % ids.length]!;
    const ok = await sample(
      actor,
      page,
      `${k === 0 || k % 2 ? 'tick' : 'untick'} ${id}`,
      async (p) => {
        await arm(p);
        await box(id).click(CLICK);
        return settle(p);
      },
    );
    if (!ok) return { actor, clear };
  }
  await sample(clear, page, 'clear filters (back to every event)', async (p) => {
    await arm(p);
    await p.getByTestId('clear-filters').click(CLICK);
    return settle(p);
  });
  return { actor, clear };
}

const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The date facet: a 90-day range, then moved 60 days at a time; each move is two changes (the
 * end, then the start) and each change one sample. The first two changes set the range up.
 */
async function filterByDates(page: Page, n: number): Promise<Series> {
  const series = newSeries();
  await openSection(page, /^Dates/);
  const from = page.getByTestId('date-from');
  const to = page.getByTestId('date-to');
  let start = '2020-01-01';
  for (const [input, value] of [
    [to, addDays(start, 90)],
    [from, start],
  ] as const) {
    await arm(page);
    await input.fill(value, ACT);
    await settle(page);
  }
  for (let k = 0; k < n; k++) {
    const moveEnd = k % 2 === 0;
    if (moveEnd) start = addDays(start, 60);
    const input = moveEnd ? to : from;
    const value = moveEnd ? addDays(start, 90) : start;
    const ok = await sample(series, page, `date ${moveEnd ? 'to' : 'from'} ${value}`, async (p) => {
      await arm(p);
      await input.fill(value, ACT);
      return settle(p);
    });
    if (!ok) break;
  }
  return series;
}

const QUERIES = ['ceasefire', 'convoy', 'envoy', 'summit', 'border', 'release', 'corridor'];
const QUERIES_MORE = ['protest', 'delegation', 'hostages', 'withdrawal', 'mediators', 'visit'];

/** The search box: one word, then another in its place; each is one change of the query. */
async function filterByText(page: Page, n: number): Promise<Series> {
  const series = newSeries();
  const box = page.getByTestId('search');
  const words = [...QUERIES, ...QUERIES_MORE];
  for (let k = 0; k < n; k++) {
    const q = words[k % words.length]!;
    const ok = await sample(series, page, `search "${q}"`, async (p) => {
      await arm(p);
      await box.fill(q, ACT);
      return settle(p);
    });
    if (!ok) break;
  }
  return series;
}

/** A timeline item in view whose event has a place, and the point to click it at. */
async function pickTimelineItem(page: Page, nth: number) {
  const all = await page.evaluate(() => {
    const panel = document.querySelector('[data-testid=timeline] .vis-panel.vis-center');
    if (!panel) return null;
    const p = panel.getBoundingClientRect();
    const candidates: Array<{ id: string; x: number; y: number }> = [];
    for (const label of panel.querySelectorAll<HTMLElement>('.dl-item-label[data-event-id]')) {
      const item = label.closest('.vis-item');
      const id = label.dataset.eventId;
      if (!item || !id || item.classList.contains('vis-selected')) continue;
      const r = item.getBoundingClientRect();
      if (r.left < p.left || r.right > p.right || r.top < p.top || r.bottom > p.bottom) continue;
      const x = r.left + Math.min(r.width / 2, 20);
      const y = r.top + r.height / 2;
      if (!item.contains(document.elementFromPoint(x, y))) continue;
      candidates.push({ id, x, y });
    }
    return candidates;
  });
  const candidates = all?.filter((c) => placedIds.has(c.id)) ?? [];
  return candidates.length ? candidates[(nth * 7919) % candidates.length]! : null;
}

/**
 * Zooms the timeline in with its own button until it draws events one by one (a large dataset
 * is a density band when zoomed out), so there are items to click.
 */
async function zoomTimelineToItems(page: Page): Promise<void> {
  const timeline = page.getByTestId('timeline');
  const zoomIn = page.getByRole('button', { name: 'Zoom in on the timeline' });
  for (let step = 0; step < 16; step++) {
    if ((await timeline.getAttribute('data-drawing')) !== 'density') return;
    await zoomIn.click();
    await page.waitForTimeout(400);
  }
}

/** Zooms the map into its biggest cluster until single places (markers with events) show. */
async function zoomMapToPlaces(page: Page): Promise<void> {
  for (let step = 0; step < 10; step++) {
    if ((await pickMarker(page, 0)) !== null) return;
    const cluster = await page.evaluate(() => {
      let best: { x: number; y: number; n: number } | null = null;
      const map = document.querySelector('.leaflet-container')?.getBoundingClientRect();
      for (const el of document.querySelectorAll<HTMLElement>(
        '.leaflet-container .leaflet-marker-icon[data-cluster]',
      )) {
        const r = el.getBoundingClientRect();
        const [x, y] = [r.left + r.width / 2, r.top + r.height / 2];
        // Clusters are drawn a little beyond the view too: a click there lands on another view
        // (the list beside the map selected one of its events).
        if (!map || x < map.left || x > map.right || y < map.top || y > map.bottom) continue;
        if (!el.contains(document.elementFromPoint(x, y))) continue;
        const n = Number(el.textContent?.replace(/[^0-9.k]/g, '').replace('k', 'e3')) || 0;
        if (!best || n > best.n) best = { x, y, n };
      }
      return best;
    });
    if (!cluster) return;
    await page.mouse.click(cluster.x, cluster.y);
    await page.waitForTimeout(600);
  }
}

async function selectOnTimeline(page: Page, n: number): Promise<Series> {
  const series = newSeries();
  await zoomTimelineToItems(page);
  await quiet(page);
  for (let k = 0; k < n; k++) {
    const item = await pickTimelineItem(page, k);
    if (!item) {
      series.errors.push('no timeline item with a place fully in view to click');
      break;
    }
    const ok = await sample(
      series,
      page,
      `timeline item ${item.id}`,
      async (p) => {
        const selected = `.leaflet-marker-icon.dl-selected[data-events~="${item.id}"]`;
        await arm(p, selected);
        await p.mouse.click(item.x, item.y, CLICK);
        return waitForSelector(p, selected);
      },
      ['map'],
    );
    if (!ok) break;
    await quiet(page);
  }
  return series;
}

/** A marker in the map's view that a click at its centre reaches. */
async function pickMarker(page: Page, nth: number) {
  return page.evaluate((k) => {
    const map = document.querySelector('.leaflet-container');
    if (!map) return null;
    const m = map.getBoundingClientRect();
    const candidates: Array<{ events: string[]; x: number; y: number }> = [];
    for (const el of map.querySelectorAll<HTMLElement>('.leaflet-marker-icon[data-events]')) {
      const r = el.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      if (x < m.left + 30 || x > m.right - 30 || y < m.top + 30 || y > m.bottom - 30) continue;
      if (!el.contains(document.elementFromPoint(x, y))) continue;
      candidates.push({ events: (el.dataset.events ?? '').split(' '), x, y });
    }
    return candidates.length ? candidates[(k * 7919) % candidates.length]! : null;
  }, nth);
}

async function selectOnMap(page: Page, n: number): Promise<Series> {
  const series = newSeries();
  await zoomMapToPlaces(page);
  await quiet(page);
  for (let k = 0; k < n; k++) {
    let marker = await pickMarker(page, k);
    if (!marker) {
      // The last selection moved the map onto a cluster: zoom into places again.
      await zoomMapToPlaces(page);
      marker = await pickMarker(page, k);
    }
    if (!marker) {
      series.errors.push('no marker in the map view to click');
      break;
    }
    const timelineSelected = (id: string) =>
      `[data-testid=timeline] .vis-item.vis-selected .dl-item-label[data-event-id="${id}"]`;
    let ok: boolean;
    if (marker.events.length === 1) {
      const id = marker.events[0]!;
      ok = await sample(
        series,
        page,
        `marker of ${id}`,
        async (p) => {
          await arm(p, timelineSelected(id));
          await p.mouse.click(marker.x, marker.y, CLICK);
          return waitForSelector(p, timelineSelected(id));
        },
        ['timeline'],
      );
    } else {
      // Several events at one place: the marker opens a chooser (not measured); the sample is
      // the click on one of its events.
      await page.mouse.click(marker.x, marker.y);
      const options = page.locator('.dl-chooser button[data-event-id]');
      await options.first().waitFor({ timeout: STEP_TIMEOUT_MS });
      // The popup pans the map to fit it (an animation): a press while its options still move
      // is taken for a miss and pressed again, and the first release would start the figure.
      await quiet(page);
      const count = await options.count();
      const option = options.nth((k * 31) % count);
      const id = (await option.getAttribute('data-event-id')) ?? '';
      ok = await sample(
        series,
        page,
        `chooser option ${id}`,
        async (p) => {
          await arm(p, timelineSelected(id));
          await option.click(CLICK);
          return waitForSelector(p, timelineSelected(id));
        },
        ['timeline'],
      );
    }
    if (!ok) break;
    await quiet(page);
    await page.keyboard.press('Escape');
    await quiet(page);
  }
  return series;
}

interface PanResult {
  frames: number;
  p95FrameMs: number | null;
  medianFrameMs: number | null;
  framesOver50ms: number;
  longestFrameMs: number | null;
  pointerMoves: number;
  error?: string;
}

/** Drags from (x, y) for PAN_MS along a path, sampling animation frames in the page. */
async function drag(
  page: Page,
  x: number,
  y: number,
  path: (t: number) => [number, number],
): Promise<PanResult> {
  await page.mouse.move(x, y);
  await page.evaluate(() => window.datelineBench!.startFrames());
  await page.mouse.down();
  const t0 = Date.now();
  let moves = 0;
  for (let t = 0; t < PAN_MS; t = Date.now() - t0) {
    const [dx, dy] = path(t / 1000);
    await page.mouse.move(x + dx, y + dy);
    moves++;
    await sleep(16);
  }
  await page.mouse.up();
  const frames = await page.evaluate(() => window.datelineBench!.stopFrames());
  const gaps = frames.slice(1).map((f, i) => f - frames[i]!);
  const s = stats(gaps);
  return {
    frames: gaps.length,
    medianFrameMs: s?.median ?? null,
    p95FrameMs: s?.p95 ?? null,
    longestFrameMs: s?.max ?? null,
    framesOver50ms: gaps.filter((g) => g > 50).length,
    pointerMoves: moves,
  };
}

async function panTimeline(page: Page): Promise<PanResult> {
  const box = await page.locator('[data-testid=timeline] .vis-panel.vis-center').boundingBox();
  if (!box) throw new Error('the timeline has no centre panel');
  const a = Math.min(300, box.width / 4);
  const result = await drag(page, box.x + box.width / 2, box.y + box.height / 2, (t) => [
    a * Math.sin(2 * Math.PI * t),
    0,
  ]);
  await quiet(page);
  return result;
}

async function panMap(page: Page): Promise<PanResult> {
  const start = await page.evaluate(() => {
    const map = document.querySelector('.leaflet-container');
    if (!map) return null;
    const r = map.getBoundingClientRect();
    for (let gy = 0.5; gy < 0.9; gy += 0.1)
      for (let gx = 0.5; gx < 0.9; gx += 0.05) {
        const x = r.left + r.width * gx;
        const y = r.top + r.height * gy;
        const hit = document.elementFromPoint(x, y);
        if (hit && map.contains(hit) && !hit.closest('.leaflet-marker-icon, .leaflet-control'))
          return { x, y };
      }
    return null;
  });
  if (!start) throw new Error('no empty point on the map to start a drag');
  const result = await drag(page, start.x, start.y, (t) => [
    150 * Math.sin(2 * Math.PI * t),
    100 * (1 - Math.cos(2 * Math.PI * t)),
  ]);
  await quiet(page);
  return result;
}

// ---------------------------------------------------------------------------------------------
// The CPU profile, summarised through the build's source maps

const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-v8.cpu_profiler'];

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName?: string; url?: string; lineNumber?: number; columnNumber?: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The page's CPU profile, from the trace's ProfileChunk events (the main thread's profile). */
function profileFromTrace(trace: Buffer): CpuProfile {
  const parsed = JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  // Several profiles may be recorded (one per isolate): keep the one with most samples.
  const byId = new Map<string, CpuProfile>();
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || !e.id) continue;
    const p = byId.get(e.id) ?? { nodes: [], samples: [], timeDeltas: [] };
    byId.set(e.id, p);
    const data = e.args?.data;
    p.nodes.push(...(data?.cpuProfile?.nodes ?? []));
    p.samples.push(...(data?.cpuProfile?.samples ?? []));
    p.timeDeltas.push(...(data?.timeDeltas ?? []));
  }
  return (
    [...byId.values()].sort((a, b) => b.samples.length - a.samples.length)[0] ?? {
      nodes: [],
      samples: [],
      timeDeltas: [],
    }
  );
}

interface TraceEvent {
  name: string;
  id?: string;
  args?: {
    data?: { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] };
  };
}

function summariseProfile(profile: CpuProfile, origin: string) {
  const maps = new Map<string, SourceMap | null>();
  const mapFor = (url: string) => {
    if (!url.startsWith(origin)) return null;
    if (!maps.has(url)) {
      const file = join(DIST, new URL(url).pathname);
      maps.set(
        url,
        existsSync(`${file}.map`)
          ? new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')))
          : null,
      );
    }
    return maps.get(url) ?? null;
  };
  const where = new Map<number, { bucket: string; fn: string }>();
  for (const node of profile.nodes) {
    const { functionName = '', url = '', lineNumber = 0, columnNumber = 0 } = node.callFrame;
    let bucket = url ? 'other scripts' : functionName.startsWith('(') ? functionName : '(native)';
    let fn = functionName || '(anonymous)';
    const map = mapFor(url);
    if (map) {
      const entry = map.findEntry(lineNumber, columnNumber) as {
        originalSource?: string;
        originalLine?: number;
        name?: string;
      };
      const src = entry.originalSource ?? '';
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(src)?.[1];
      bucket = pkg ?? /(src\/.*)$/.exec(src)?.[1] ?? (src || 'app bundle');
      fn = `${entry.name ?? '(anonymous)'} (${src.replace(/^.*node_modules\//, '').replace(/^.*?(src\/)/, '$1')}:${(entry.originalLine ?? 0) + 1})`;
    } else if (!url && functionName && !functionName.startsWith('(')) {
      fn = `${functionName} (native)`;
    }
    where.set(node.id, { bucket, fn });
  }
  const parent = new Map(profile.nodes.map((node) => [node.id, node.parent]));
  const byBucket = new Map<string, number>();
  const byFn = new Map<string, number>();
  /** Time spent in the app's own functions and everything they called. */
  const appInclusive = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const w = where.get(id);
    if (!w || w.bucket === '(idle)') return;
    total += ms;
    byBucket.set(w.bucket, (byBucket.get(w.bucket) ?? 0) + ms);
    byFn.set(w.fn, (byFn.get(w.fn) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const up = where.get(at);
      if (up?.bucket.startsWith('src/') && !seen.has(up.fn)) {
        seen.add(up.fn);
        appInclusive.set(up.fn, (appInclusive.get(up.fn) ?? 0) + ms);
      }
    }
  });
  const top = (m: Map<string, number>, k: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([name, ms]) => ({ name, ms: round(ms), share: round((100 * ms) / total) }));
  return {
    busyMs: round(total),
    byOrigin: top(byBucket, 15),
    bySelfTime: top(byFn, 25),
    appInclusive: top(appInclusive, 25),
  };
}

// ---------------------------------------------------------------------------------------------
// Main

interface SizeResult {
  events: number;
  file: string;
  bytes: number;
  status: 'ok' | 'failed';
  reason?: string;
  loadRuns: LoadRun[];
  /** A phase of interactions that stopped before its end (a failed sample is in its series). */
  phaseErrors: string[];
  load?: {
    interactiveMs: Stats | null;
    marksMedianMs: Record<string, number>;
    heapMB: number | null;
    domNodes: number | null;
    longestTaskMs: number | null;
  };
  filters?: Record<string, Series>;
  selection?: Record<string, Series>;
  pan?: Record<string, PanResult | { error: string }>;
  profile?: ReturnType<typeof summariseProfile> & { file: string; note?: string };
}

const median = (xs: Array<number | null>) =>
  stats(xs.filter((x): x is number => x !== null))?.median ?? null;

async function benchSize(browser: Browser, origin: string, n: number): Promise<SizeResult> {
  const { name, bytes } = dataFile(n);
  placedIds = placedIdsOf(join(DATA, name));
  const result: SizeResult = {
    events: n,
    file: name,
    bytes,
    status: 'ok',
    loadRuns: [],
    phaseErrors: [],
  };
  log(`\n${n.toLocaleString('en')} events (${name}, ${round(bytes / 2 ** 20)} MB)`);
  // Each phase gets a page of its own, freshly loaded (so no phase inherits another's filters or
  // a page still busy after a failure); every one of those loads is a load run too.
  const phases: Array<[string, (page: Page) => Promise<void>]> =
    SAMPLES > 0
      ? [
          [
            'actor filter',
            async (page) => {
              const { actor, clear } = await filterByActor(page, SAMPLES);
              result.filters = { ...result.filters, actor, 'clear filters': clear };
            },
          ],
          [
            'date filter',
            async (page) => {
              result.filters = {
                ...result.filters,
                'date range': await filterByDates(page, SAMPLES),
              };
            },
          ],
          [
            'text filter',
            async (page) => {
              result.filters = { ...result.filters, text: await filterByText(page, SAMPLES) };
            },
          ],
          [
            'selection timeline → map',
            async (page) => {
              result.selection = {
                ...result.selection,
                'timeline → map': await selectOnTimeline(page, SAMPLES),
              };
            },
          ],
          [
            'selection map → timeline',
            async (page) => {
              result.selection = {
                ...result.selection,
                'map → timeline': await selectOnMap(page, SAMPLES),
              };
            },
          ],
          [
            'pans',
            async (page) => {
              result.pan = {};
              for (const [what, pan] of [
                ['timeline', panTimeline],
                ['map', panMap],
              ] as const) {
                try {
                  result.pan[what] = await within(
                    pan(page),
                    PAN_MS + STEP_TIMEOUT_MS,
                    `the ${what} pan`,
                  );
                } catch (err) {
                  result.pan[what] = { error: message(err) };
                  return;
                }
              }
            },
          ],
        ]
      : [];
  const runs = Math.max(LOAD_RUNS, phases.length);
  for (let i = 0; i < runs; i++) {
    const opened = await openApp(browser, origin, n, name);
    const { run, page } = opened;
    result.loadRuns.push(run);
    const phase = phases[i];
    log(
      `  load ${i + 1}/${runs}: ${run.error ?? `interactive at ${run.interactiveMs} ms, heap ${run.heapMB} MB, ${run.domNodes} DOM nodes`}`,
    );
    if (run.error) {
      result.status = 'failed';
      result.reason = `load ${i + 1}: ${run.error}${i + 1 < runs ? ' (the remaining loads and interactions were skipped)' : ''}`;
      await dispose(opened);
      break;
    }
    if (phase) {
      const [what, act] = phase;
      log(`    ${what} …`);
      try {
        await page.evaluate(() => window.datelineBench!.observe());
        await quiet(page);
        await within(act(page), PHASE_TIMEOUT_MS, what);
      } catch (err) {
        result.phaseErrors.push(`${what}: ${message(err)}`);
      }
    }
    await dispose(opened);
  }
  for (const s of [
    ...Object.values(result.filters ?? {}),
    ...Object.values(result.selection ?? {}),
  ])
    s.stats = stats(s.samples);

  const ok = result.loadRuns.filter((r) => !r.error);
  const markNames = [...new Set(ok.flatMap((r) => Object.keys(r.marks)))];
  result.load = {
    interactiveMs: stats(ok.map((r) => r.interactiveMs ?? NaN)),
    marksMedianMs: Object.fromEntries(
      markNames.map((m) => [m, median(ok.map((r) => r.marks[m] ?? null)) ?? NaN]),
    ),
    heapMB: median(ok.map((r) => r.heapMB)),
    domNodes: median(ok.map((r) => r.domNodes)),
    longestTaskMs: median(ok.map((r) => r.longestTaskMs)),
  };

  if (args.profile) {
    log('  tracing one more load …');
    const p = await openApp(browser, origin, n, name, true);
    if (p.trace) {
      // Open it in Chromium's DevTools, Performance panel (Load profile).
      const file = join(RESULTS, `trace-${sizeLabel(n)}.json`);
      writeFileSync(file, p.trace);
      result.profile = {
        file,
        ...(p.run.error && { note: `this load too: ${p.run.error}` }),
        ...summariseProfile(profileFromTrace(p.trace), origin),
      };
    }
    await dispose(p);
  }
  printSize(result);
  return result;
}

// ---------------------------------------------------------------------------------------------
// Tables

const fmt = (x: number | null | undefined, d = 0) =>
  x === null || x === undefined || Number.isNaN(x)
    ? '–'
    : x.toLocaleString('en', { maximumFractionDigits: d });
const medP95 = (s: Stats | null | undefined) => (s ? `${fmt(s.median)} / ${fmt(s.p95)}` : '–');

function rows(r: SizeResult): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const l = r.load;
  out.push(['load → interactive, ms (median / p95)', medP95(l?.interactiveMs)]);
  const m = l?.marksMedianMs ?? {};
  out.push([
    '  of which data fetched / parsed / validated, ms',
    `${fmt(m.fetched)} / ${fmt(m.parsed)} / ${fmt(m.loaded)}`,
  ]);
  out.push(['  longest task before interactive, ms', fmt(l?.longestTaskMs)]);
  out.push(['JS heap after load, MB', fmt(l?.heapMB, 1)]);
  out.push(['DOM nodes after load', fmt(l?.domNodes)]);
  for (const [k, s] of Object.entries(r.filters ?? {}))
    out.push([
      `filter: ${k}, ms (median / p95)`,
      medP95(s.stats) + (s.errors.length ? ` (${s.errors.length} failed)` : ''),
    ]);
  for (const [k, s] of Object.entries(r.selection ?? {}))
    out.push([
      `select ${k}, ms (median / p95)`,
      medP95(s.stats) + (s.errors.length ? ` (${s.errors.length} failed)` : ''),
    ]);
  for (const [k, p] of Object.entries(r.pan ?? {}))
    out.push([
      `${k} pan 2 s: p95 / longest frame ms / frames > 50 ms / frames`,
      'error' in p
        ? `failed`
        : `${fmt(p.p95FrameMs)} / ${fmt(p.longestFrameMs)} / ${p.framesOver50ms} / ${p.frames}`,
    ]);
  return out;
}

function printSize(r: SizeResult): void {
  log(`\n${r.events.toLocaleString('en')} events: ${r.status}${r.reason ? ` (${r.reason})` : ''}`);
  const rs = rows(r);
  const w = Math.max(...rs.map(([k]) => k.length));
  for (const [k, v] of rs) log(`  ${k.padEnd(w)}  ${v}`);
  if (r.profile) {
    const list = (title: string, xs: Array<{ name: string; ms: number; share: number }>) => {
      log(`  ${title}:`);
      for (const b of xs)
        log(`    ${fmt(b.ms).padStart(7)} ms ${String(b.share).padStart(5)} %  ${b.name}`);
    };
    log(
      `  trace of one more load (${r.profile.file}): the page's main thread busy ${fmt(r.profile.busyMs)} ms${r.profile.note ? `; ${r.profile.note}` : ''}`,
    );
    list('self time by origin', r.profile.byOrigin.slice(0, 10));
    list('top functions by self time', r.profile.bySelfTime.slice(0, 12));
    list("the app's functions, with what they call", r.profile.appInclusive.slice(0, 12));
  }
  for (const s of [...Object.values(r.filters ?? {}), ...Object.values(r.selection ?? {})]) {
    for (const e of s.errors.slice(0, 3)) log(`  ! ${e}`);
    for (const u of s.unchanged.slice(0, 3)) log(`  · ${u}`);
  }
  for (const [k, p] of Object.entries(r.pan ?? {}))
    if ('error' in p) log(`  ! ${k} pan: ${p.error}`);
  for (const e of r.phaseErrors) log(`  ! ${e}`);
}

/** All sizes side by side, as a Markdown table (the README's Performance section). */
function markdown(results: SizeResult[]): string {
  const all = results.map(rows);
  const names = all[0]?.map(([k]) => k) ?? [];
  const head = `| | ${results.map((r) => `${r.events.toLocaleString('en')} events${r.status === 'failed' ? ' (failed)' : ''}`).join(' | ')} |`;
  const rule = `|---|${results.map(() => '---').join('|')}|`;
  const body = names.map(
    (name, i) => `| ${name.trim()} | ${all.map((r) => r[i]?.[1] ?? '–').join(' | ')} |`,
  );
  return [head, rule, ...body].join('\n');
}

function git(...a: string[]): string | null {
  const r = spawnSync('git', a, { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

async function main(): Promise<void> {
  const started = new Date();
  const loadBefore = os.loadavg();
  if (!args['no-build']) build();
  else if (!existsSync(join(DIST, 'index.html')))
    throw new Error(`--no-build, but ${DIST} has no build`);
  const { server, origin } = await serve();
  const executablePath = chromiumPath();
  const browser = await chromium.launch({
    ...(executablePath && { executablePath }),
    args: CHROMIUM_ARGS,
  });
  const chromiumVersion = browser.version();
  log(`serving ${DIST} and ${DATA} at ${origin}; Chromium ${chromiumVersion}`);
  const results: SizeResult[] = [];
  // Written after every size, so that an interrupted run keeps what it measured.
  const write = () => {
    const out = {
      date: started.toISOString(),
      durationS: round((Date.now() - started.getTime()) / 1000),
      complete: results.length === SIZES.length,
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? null,
        memoryGB: round(os.totalmem() / 2 ** 30),
        platform: `${os.platform()} ${os.release()}`,
        node: process.version,
        chromium: chromiumVersion,
        chromiumPath: executablePath ?? 'Playwright’s own',
        // The machine may be shared: the load average says how busy it was.
        loadAverageBefore: loadBefore.map((x) => round(x, 2)),
        loadAverageAfter: os.loadavg().map((x) => round(x, 2)),
      },
      git: { commit: git('rev-parse', 'HEAD'), dirty: (git('status', '--porcelain') ?? '') !== '' },
      config: {
        sizes: SIZES,
        seed: SEED,
        loadRuns: LOAD_RUNS,
        samples: SAMPLES,
        loadTimeoutS: LOAD_TIMEOUT_MS / 1000,
        stepTimeoutS: STEP_TIMEOUT_MS / 1000,
        quietMs: QUIET_MS,
        panMs: PAN_MS,
        viewport: VIEWPORT,
      },
      results,
    };
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(args.out, `${JSON.stringify(out, null, 2)}\n`);
    return out;
  };
  let out: ReturnType<typeof write>;
  try {
    for (const n of SIZES) {
      results.push(await benchSize(browser, origin, n));
      out = write();
    }
  } finally {
    await browser.close().catch(() => undefined);
    server.close();
  }
  out = write();
  log(`\n${markdown(results)}\n`);
  log(
    `machine: ${out.machine.cpus} CPUs (${out.machine.cpuModel}), load average ${out.machine.loadAverageBefore.join(' ')} before, ${out.machine.loadAverageAfter.join(' ')} after`,
  );
  log(`wrote ${args.out}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
