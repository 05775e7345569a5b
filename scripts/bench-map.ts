// Measures the map in a real Chromium on generated datasets: how long the map layer takes the
// events (on load and on a filter change), how many DOM nodes it leaves, and frame times while
// the user drags and zooms the map. The map runs alone (bench-map.html, on Vite's dev server):
// with 100k events the timeline would otherwise hold the main thread far longer than the map. The basemap
// is left out too (its outlines cost the same whatever the data) unless DATELINE_BENCH_BASEMAP=1.
// E.g.:
//   npm run gen -- --events 100000 --places 20000 --out bench-results/data/events-100k-20kplaces.json
//   npm run bench:map -- bench-results/data/events-100k-20kplaces.json
// Prints a table and writes bench-results/map.json. Figures, not pass/fail.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, relative } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { createServer } from 'vite';
import { chromiumLaunchOptions } from '../e2e/chromium';

const files = process.argv.slice(2);
if (files.length === 0) throw new Error('name one or more dataset files to measure');
const PORT = Number(process.env.DATELINE_BENCH_PORT ?? 4197);
const BASEMAP = process.env.DATELINE_BENCH_BASEMAP === '1';

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  return {
    n: s.length,
    median: +at(0.5).toFixed(1),
    p95: +at(0.95).toFixed(1),
    max: +at(1).toFixed(1),
  };
}

// In-page code goes as a string: tsx names functions with a helper the page does not have.
const START_RECORDING = `(() => {
  const b = (window.__bench = { frames: [], long: [], on: true });
  let last = 0;
  const tick = (t) => {
    if (!b.on) return;
    if (last) b.frames.push(t - last);
    last = t;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (b.on) b.long.push(e.duration);
  }).observe({ type: 'longtask' });
})()`;
const STOP_RECORDING = `(() => {
  window.__bench.on = false;
  return { frames: window.__bench.frames, long: window.__bench.long };
})()`;

/** Frame intervals and long tasks in the page while `action` runs. */
async function record(page: Page, action: () => Promise<void>) {
  await page.evaluate(START_RECORDING);
  await action();
  return page.evaluate<{ frames: number[]; long: number[] }>(STOP_RECORDING);
}

const measures = (page: Page, name: string) =>
  page.evaluate((n) => performance.getEntriesByName(n).map((e) => +e.duration.toFixed(1)), name);

async function settle(page: Page) {
  await page.waitForFunction(() => !document.querySelector('.leaflet-zoom-anim'));
  await page.waitForTimeout(400);
}

async function measure(page: Page, url: string, file: string) {
  const events = (JSON.parse(readFileSync(file, 'utf8')) as { events: unknown[] }).events.length;
  // Only the outlines' fetch: in dev, `?url` imports of the same files are modules.
  if (!BASEMAP)
    await page.route('**/countries-*.json*', (route) =>
      route.request().resourceType() === 'fetch' ? route.abort() : route.continue(),
    );
  const t0 = Date.now();
  await page.goto(url);
  await page.locator(`body[data-events="${events}"]`).waitFor({ timeout: 300_000 });
  if (BASEMAP) await page.locator('.leaflet-container[data-basemap]').waitFor({ timeout: 60_000 });
  await page.locator('.leaflet-marker-icon').first().waitFor({ timeout: 300_000 });
  await settle(page);
  const loadedMs = Date.now() - t0;
  const dom = await page.evaluate(() => ({
    page: document.querySelectorAll('*').length,
    map: document.querySelectorAll('.leaflet-container *').length,
    markers: document.querySelectorAll('.leaflet-marker-icon').length,
    halos: document.querySelectorAll('.dl-halo').length,
  }));
  const box = await page.locator('.leaflet-container').boundingBox();
  if (!box) throw new Error('no map');
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;

  const pan = await record(page, async () => {
    for (const [dx, dy] of [
      [200, 80],
      [-250, -120],
    ] as const) {
      await page.mouse.move(cx, cy);
      await page.mouse.down();
      await page.mouse.move(cx + dx, cy + dy, { steps: 40 });
      await page.mouse.up();
      await settle(page);
    }
  });

  const zoom = await record(page, async () => {
    await page.mouse.move(cx, cy);
    for (const dy of [-200, -200, 200, 200]) {
      await page.mouse.wheel(0, dy);
      await settle(page);
    }
  });

  const before = (await measures(page, 'dl:map:setEvents')).length;
  const filter = await record(page, async () => {
    await page.evaluate(`dlStore.getState().setFilters({ statuses: ['occurred'] })`);
    await page.waitForFunction(
      (n) => performance.getEntriesByName('dl:map:setEvents').length > n,
      before,
    );
    await settle(page);
  });
  const setEvents = await measures(page, 'dl:map:setEvents');
  return {
    file: basename(file),
    events,
    loadedMs,
    setEventsOnLoad: setEvents[0],
    setEventsOnFilter: setEvents.slice(before),
    index: await measures(page, 'dl:map:index'),
    clusters: stats(await measures(page, 'dl:map:clusters')),
    draw: stats(await measures(page, 'dl:map:draw')),
    dom,
    pan: { frames: stats(pan.frames), longTasks: stats(pan.long) },
    zoom: { frames: stats(zoom.frames), longTasks: stats(zoom.long) },
    filter: { frames: stats(filter.frames), longTasks: stats(filter.long) },
  };
}

async function main() {
  const server = await createServer({
    server: { port: PORT, strictPort: true, host: '127.0.0.1' },
    logLevel: 'warn',
  });
  await server.listen();
  const browser = await chromium.launch(chromiumLaunchOptions());
  const results = [];
  try {
    for (const file of files) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      page.on('pageerror', (e) => console.error(`${file}: ${e.message}`));
      const data = `/${relative(process.cwd(), file).replace(/^public\//, '')}`;
      const url = `http://127.0.0.1:${PORT}/scripts/bench-map.html?data=${data}`;
      const r = await measure(page, url, file);
      console.log(JSON.stringify(r));
      results.push(r);
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/map.json', JSON.stringify(results, null, 2));
}

await main();
