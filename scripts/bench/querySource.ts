// The benchmark of a query source (issue 15.3): the built app opened on the DuckDB service
// (`?source=`) over a generated Parquet file of 1 and 10 million events, timed by the same
// in-page timer and page objects as `npm run bench` (./page.ts, ./samplers.ts): load until
// interactive, filter changes (actors) until the views are painted, selection timeline → map and
// map → timeline. The service runs as its own process, as `npm run serve-data` starts it.
//
//   npm run bench:query-source                                   # 1M and 10M (the first run
//                                                                # generates and prepares them)
//   npm run bench:query-source -- --sizes 1000000 --samples 5 --no-build
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from '@playwright/test';
import { chromiumLaunchOptions } from '../../e2e/chromium';
import { idForName } from '../../src/formats/slug';
import { GEN_ACTORS, generateEventsParquet } from '../gen-events-parquet';
import { DATA, DIST, PHASE_TIMEOUT_MS, RESULTS, SEED } from './config';
import { dispose, openApp } from './load';
import { stats, type Series } from './report';
import { BenchPage, filterByActor, selectOnMap, selectOnTimeline } from './samplers';
import { build, serve } from './serve';
import { log, message, sizeLabel, within } from './util';

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000000,10000000' },
    samples: { type: 'string', default: '10' },
    port: { type: 'string', default: '4408' },
    'no-build': { type: 'boolean', default: false },
    out: { type: 'string', default: join(RESULTS, 'bench-query-source.json') },
    /** Only the phases whose name holds this (e.g. "timeline → map"). */
    only: { type: 'string', default: '' },
    /** The service's DuckDB memory limit and threads. */
    memory: { type: 'string', default: '2GB' },
    threads: { type: 'string', default: '2' },
    /** The service's time limit per query (a loaded machine at 10M needs more than 30 s). */
    'timeout-ms': { type: 'string', default: '30000' },
  },
});
const SIZES = args.sizes.split(',').map((s) => Number(s.trim()));
const SAMPLES = Number(args.samples);

async function parquetFile(n: number): Promise<string> {
  mkdirSync(DATA, { recursive: true });
  const path = join(DATA, `events-${sizeLabel(n)}.parquet`);
  if (!existsSync(path)) {
    log(`generating ${path} …`);
    const started = performance.now();
    await generateEventsParquet({ events: n, seed: SEED, out: path });
    log(`  in ${Math.round((performance.now() - started) / 1000)} s`);
  }
  return path;
}

/** Starts `npm run serve-data` on the file; resolves with its address once it listens. */
function startService(path: string): Promise<{ child: ChildProcess; url: string; readyS: number }> {
  const child = spawn(
    'npx',
    [
      'tsx',
      'scripts/serve-data/main.ts',
      path,
      '--port',
      args.port,
      '--cache-dir',
      DATA,
      '--timeout-ms',
      args['timeout-ms'],
      // Modest on a shared machine: DuckDB spills past this rather than taking the machine.
      '--memory',
      args.memory,
      '--threads',
      args.threads,
      '--quiet',
    ],
    // Its own process group, so stopping it stops npx's children (the service itself) too.
    { stdio: ['ignore', 'pipe', 'inherit'], detached: true },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Serving .* at (\S+) \(ready in ([\d.]+) s\)/.exec(out);
      if (m) resolve({ child, url: m[1]!, readyS: Number(m[2]) });
    });
    child.on('exit', (code) => reject(new Error(`the service stopped (exit ${code}): ${out}`)));
  });
}

/** The largest peak resident set (VmHWM) of the processes in a process group, in MB (Linux). */
function peakRssMB(group: number): number | null {
  let peak: number | null = null;
  for (const pid of existsSync('/proc') ? readdirSync('/proc') : []) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // Fields after the command's closing parenthesis: state, ppid, pgrp, …
      const pgrp = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
      if (pgrp !== group) continue;
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (hwm) peak = Math.max(peak ?? 0, Math.round(Number(hwm[1]) / 1024));
    } catch {
      // The process ended meanwhile.
    }
  }
  return peak;
}

interface Phase {
  name: string;
  /** The link's view to open the phase on, for `n` events (besides `source=`). */
  view?: (n: number) => string;
  run: (b: BenchPage, service: string) => Promise<Series>;
}

/** Marks as placed (clickable for the map) the events with a place the service lists for a link. */
async function notePlaced(b: BenchPage, service: string, query: string): Promise<void> {
  const res = await fetch(`${service}/api/v1/events?${query}&limit=5000`);
  const answer = (await res.json()) as { events?: Array<{ id: string; lat: number | null }> };
  for (const e of answer.events ?? []) if (e.lat !== null) (b.placedIds as Set<string>).add(e.id);
}

/**
 * A view where both views draw events, not counts, as a user gets there by zooming in: a time
 * window holding about 20 events (the generated events are spread evenly over ten years), and
 * the map at its closest zoom on Cairo (a few hundred events of any time in its bounds at a
 * million; at ten million, thousands, which the map draws as cells but the selected one). Opened
 * as a link, since zooming with the timeline's "+" sixteen times, each step waiting for the
 * service, is the slow part of getting there, not what is measured.
 */
/** The generated data's last actor, the rarest (`pick(…, skew)` in gen-events-parquet.ts). */
const RAREST_ACTOR = idForName(GEN_ACTORS[GEN_ACTORS.length - 1]!, 'actor');

function narrowView(n: number): string {
  const tenYears = 315_532_800_000;
  const span = Math.max(60_000, Math.round((20 * tenYears) / n / 60_000) * 60_000);
  const start = Date.parse('2020-03-02T00:00:00Z');
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16) + 'Z';
  return `&t=${iso(start)}..${iso(start + span)}&map=30.0444,31.2357,12`;
}

const PHASES: Phase[] = [
  { name: 'filter (actor)', run: async (b) => (await filterByActor(b, SAMPLES)).actor },
  {
    name: 'selection timeline → map',
    view: narrowView,
    // Any window of the generated data overlaps every event dated only to its day, month or year
    // (a million over ten years: about 190 a day, 800 a month, 5,000 a year), more than the
    // timeline draws one by one; three filters (1 in 400) and a month leave a window of items
    // (about 30, each with a place on the map at Cairo or beside it). Followed as
    // a link in place, as Back does (the bench waits for the unfiltered count at load).
    run: async (b, service) => {
      // At ten million the three filters still leave ~125 events dated only to the year in any
      // window (more than the timeline draws one by one): the rarest generated actor (in about one
      // event in 25, the actors being skewed) leaves a handful, and a dozen items in the month.
      const actor = b.events >= 5_000_000 ? RAREST_ACTOR : null;
      // The month and half a month either side, as the timeline holds them.
      await notePlaced(
        b,
        service,
        `types=visit&claims=disputed&status=scheduled&start=${Date.parse('2020-02-15')}&end=${Date.parse('2020-04-15')}${actor ? `&actors=${actor}` : ''}`,
      );
      await b.page.evaluate((rare) => {
        const link = new URLSearchParams(location.search);
        link.set('t', '2020-03-01T00:00Z..2020-03-31T00:00Z');
        link.set('types', 'visit');
        link.set('claims', 'disputed');
        link.set('status', 'scheduled');
        if (rare) link.set('actors', rare);
        history.pushState(null, '', `?${link}`);
        dispatchEvent(new PopStateEvent('popstate'));
      }, actor);
      await b.timeline.root
        .and(b.page.locator(':not([data-drawing=density])'))
        .waitFor({ timeout: 30_000 });
      await b.quiet();
      return selectOnTimeline(b, SAMPLES);
    },
  },
  {
    name: 'selection map → timeline',
    view: narrowView,
    // The map's own question (its bounds) is answered after the page is interactive.
    run: async (b) => {
      // At ten million Cairo's bounds hold thousands of events, which the map draws as cells:
      // the rarest actor leaves a few hundred, drawn as markers. Followed as a link in place, as
      // above (the page opens unfiltered: the bench waits for the whole count at load).
      if (b.events >= 5_000_000)
        await b.page.evaluate((rare) => {
          const link = new URLSearchParams(location.search);
          link.set('actors', rare);
          history.pushState(null, '', `?${link}`);
          dispatchEvent(new PopStateEvent('popstate'));
        }, RAREST_ACTOR);
      await b.map.markers.first().waitFor({ timeout: 60_000 });
      await b.quiet();
      return selectOnMap(b, SAMPLES);
    },
  },
];

async function benchSize(browser: Browser, origin: string, n: number) {
  const path = await parquetFile(n);
  log(`\n${n.toLocaleString('en')} events (${path}): starting the service …`);
  const started = performance.now();
  const service = await startService(path);
  log(`  ready in ${Math.round((performance.now() - started) / 1000)} s (${service.url})`);
  const result: Record<string, unknown> = { events: n, serviceReadyS: service.readyS };
  try {
    const loads: number[] = [];
    for (const phase of PHASES.filter((p) => p.name.includes(args.only))) {
      const opened = await openApp(browser, origin, n, '', {
        timeoutMs: 120_000,
        search: `?source=${encodeURIComponent(service.url)}${phase.view?.(n) ?? ''}`,
      });
      if (opened.run.error) {
        result[phase.name] = { error: opened.run.error };
        await dispose(opened);
        continue;
      }
      loads.push(opened.run.interactiveMs ?? NaN);
      log(`  load: interactive at ${opened.run.interactiveMs} ms, heap ${opened.run.heapMB} MB`);
      try {
        const b = new BenchPage(opened.page, new Set<string>(), n);
        await opened.page.evaluate(() => window.datelineBench!.observe());
        await b.quiet();
        const series = await within(phase.run(b, service.url), PHASE_TIMEOUT_MS, phase.name);
        series.stats = stats(series.samples);
        result[phase.name] = series;
        log(
          `  ${phase.name}: ${series.stats ? `median ${series.stats.median} ms, p95 ${series.stats.p95} ms (n ${series.stats.n})` : 'no samples'}${series.errors.length ? `; errors: ${series.errors.join(' | ')}` : ''}`,
        );
      } catch (err) {
        result[phase.name] = { error: message(err) };
        log(`  ${phase.name}: ${message(err)}`);
      }
      await dispose(opened);
    }
    result.load = stats(loads);
  } finally {
    result.servicePeakRssMB = peakRssMB(service.child.pid!);
    log(`  the service's peak RSS: ${result.servicePeakRssMB} MB`);
    process.kill(-service.child.pid!, 'SIGTERM');
  }
  return result;
}

if (!args['no-build'] || !existsSync(DIST)) build();
const { server, origin } = await serve();
const browser = await chromium.launch(chromiumLaunchOptions());
const results: unknown[] = [];
try {
  for (const n of SIZES) results.push(await benchSize(browser, origin, n));
} finally {
  await browser.close();
  server.close();
}
writeFileSync(args.out, JSON.stringify({ when: new Date().toISOString(), results }, null, 2));
log(`\nwrote ${args.out}`);
