// The browser benchmark: the built app in headless Chromium with 1k, 10k and 100k generated
// events, measured inside the page; the clustered canvas peer page on the same 100k file, with
// Dateline's ratio against it (./peer.ts); 100k and 1M events from Parquet (load and heap,
// ./columnar.ts); then the views' interactions in a page that opened the 1M Parquet file (the
// filters, text search, selection both ways, pans); and issue 15's targets beside what was
// measured, with the gap to each.
//
//   npm run bench                         # everything (several minutes)
//   npm run bench -- --sizes 1000 --load-runs 1 --samples 3 --no-build   # a quick look
//   npm run bench -- --sizes 100000 --load-runs 1 --samples 0 --profile  # where the load goes
//   npm run bench -- --sizes 100000 --load-runs 1 --phases playback,"map area"  # some phases
//   npm run bench -- --sizes 100000 --load-runs 1 --samples 5 --phases "group by"  # one phase
//   npx tsx scripts/bench/main.ts --sizes 100000 --load-runs 1 --phases playback --profile-phases
//     # where a phase's CPU time goes (a trace slows the page: take figures from a run without)
//   npx tsx scripts/bench/main.ts --sizes 100000 --load-runs 1 --samples 0 --parquet 100000,1000000
//                                         # the load targets only (--parquet "" for no Parquet)
//   npx tsx scripts/bench/main.ts --sizes "" --parquet "" --peer "" --parquet-phases 1000000
//                                         # the in-page targets at 1M only (--parquet-phase-list
//                                         # "actor filter,pans" for some of them)
//
// Its parts, by job: ./serve.ts builds the app, generates the datasets and serves both; ./load.ts
// opens `?data=/bench/events-<n>.json` as a user would and measures the load until both views
// are interactive; ./samplers.ts times filter changes until both views are painted, selection
// sync in both directions and a pan of each view, driving the page through the e2e page objects;
// ./page.ts is the timer inside the page (what each figure means precisely, with the README's
// Performance section); ./report.ts prints a table per size and the Markdown for the README;
// ./profile.ts summarises a trace (--profile). This file runs the sizes and writes
// bench-results/bench.json. Figures, not pass/fail. The browser is the tests' (e2e/chromium.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from '@playwright/test';
import { chromiumLaunchOptions } from '../../e2e/chromium';
import {
  DATA,
  DIST,
  PAN_MS,
  PHASE_TIMEOUT_MS,
  QUIET_MS,
  RESULTS,
  SEED,
  STEP_TIMEOUT_MS,
  VIEWPORT,
} from './config';
import { dispose, openApp } from './load';
import {
  frameCpu,
  profileFromTrace,
  summariseProfile,
  traceEvents,
  TRACE_CATEGORIES,
} from './profile';
import { markdown, median, printSize, stats, type SizeResult } from './report';
import {
  BenchPage,
  GENERATED_QUERIES,
  LARGE_QUERIES,
  filterByActor,
  filterByDates,
  filterByText,
  filterByType,
  groupByActor,
  panMap,
  panTimeline,
  selectOnMap,
  selectOnTimeline,
} from './samplers';
import { build, dataFile, placedIdsOf, serve } from './serve';
import { filterByMapArea, PLAY_MS, playFrames, type PlaybackFrames } from './playback';
import {
  benchParquet,
  largePlacedIds,
  loadTargets,
  printTargets,
  type ParquetResult,
} from './columnar';
import { parquetFile } from '../gen-parquet';
import { benchPeer, peerRatios, printPeer, type PeerResult } from './peer';
import { log, message, round, sizeLabel, within } from './util';

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    'load-runs': { type: 'string', default: '3' },
    samples: { type: 'string', default: '10' },
    'load-timeout': { type: 'string', default: '120' },
    'no-build': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    /** A trace of each phase's interactions too, summarised as CPU time per function. */
    'profile-phases': { type: 'boolean', default: false },
    /** Parquet sizes opened from `?data=` (load → interactive, heap): "" for none. */
    parquet: { type: 'string', default: '100000,1000000' },
    /** Only the phases whose name contains one of these (comma-separated): "playback,map area". */
    phases: { type: 'string', default: '' },
    /**
     * Parquet sizes whose interactions are measured too, in a page that opened the Parquet file
     * (issue 15's in-page rows at 1,000,000): "" for none.
     */
    'parquet-phases': { type: 'string', default: '1000000' },
    /** Which phases those are (as --phases): the ones issue 15's targets name. */
    'parquet-phase-list': {
      type: 'string',
      default: 'actor filter,type filter,date filter,text filter,selection,pans',
    },
    /**
     * Dateline JSON sizes (of --sizes) at which the clustered canvas peer page is measured too, on
     * the same file, and Dateline's ratio against it printed: "" for none.
     */
    peer: { type: 'string', default: '100000' },
    out: { type: 'string', default: 'bench-results/bench.json' },
  },
});

const sizeList = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map(Number);
const SIZES = sizeList(args.sizes);
const PARQUET_SIZES = sizeList(args.parquet);
const PARQUET_PHASE_SIZES = sizeList(args['parquet-phases']);
const PEER_SIZES = sizeList(args.peer).filter((n) => SIZES.includes(n));
const LOAD_RUNS = Number(args['load-runs']);
const SAMPLES = Number(args.samples);
const LOAD_TIMEOUT_MS = Number(args['load-timeout']) * 1000;

for (const n of [...SIZES, ...PARQUET_SIZES, ...PARQUET_PHASE_SIZES])
  if (!Number.isInteger(n) || n < 1) throw new Error(`--sizes: not a whole number: ${n}`);
if (!(LOAD_RUNS >= 1) || !(SAMPLES >= 0) || !(LOAD_TIMEOUT_MS > 0))
  throw new Error('--load-runs must be ≥ 1, --samples ≥ 0, --load-timeout > 0');

/** What a page opens from `?data=`: its file and the ids of its events that have a place. */
interface Source {
  n: number;
  name: string;
  bytes: number;
  placedIds: ReadonlySet<string>;
  queries: readonly string[];
}

function jsonSource(n: number): Source {
  const { name, path, bytes } = dataFile(n);
  return { n, name, bytes, placedIds: placedIdsOf(path), queries: GENERATED_QUERIES };
}

function parquetSource(n: number): Source {
  const { name, path } = parquetFile(DATA, n);
  return {
    n,
    name,
    bytes: statSync(path).size,
    placedIds: largePlacedIds(n),
    queries: LARGE_QUERIES,
  };
}

const splitList = (text: string) =>
  text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);

async function benchSize(
  browser: Browser,
  origin: string,
  { n, name, bytes, placedIds, queries }: Source,
  wanted: readonly string[],
): Promise<SizeResult> {
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
  const phases: Array<[string, (b: BenchPage) => Promise<void>]> =
    SAMPLES > 0
      ? [
          [
            'actor filter',
            async (b) => {
              const { actor, clear } = await filterByActor(b, SAMPLES);
              result.filters = { ...result.filters, actor, 'clear filters': clear };
            },
          ],
          [
            'type filter',
            async (b) => {
              result.filters = { ...result.filters, type: await filterByType(b, SAMPLES) };
            },
          ],
          [
            'date filter',
            async (b) => {
              result.filters = {
                ...result.filters,
                'date range': await filterByDates(b, SAMPLES),
              };
            },
          ],
          [
            'text filter',
            async (b) => {
              result.filters = { ...result.filters, text: await filterByText(b, SAMPLES) };
            },
          ],
          [
            'selection timeline → map',
            async (b) => {
              result.selection = {
                ...result.selection,
                'timeline → map': await selectOnTimeline(b, SAMPLES),
              };
            },
          ],
          [
            'selection map → timeline',
            async (b) => {
              result.selection = {
                ...result.selection,
                'map → timeline': await selectOnMap(b, SAMPLES),
              };
            },
          ],
          [
            'map area filter',
            async (b) => {
              result.filters = {
                ...result.filters,
                'map area': await filterByMapArea(b, SAMPLES),
              };
            },
          ],
          ...(['Window', 'Cumulative'] as const).map(
            (mode): [string, (b: BenchPage) => Promise<void>] => [
              `playback (${mode.toLowerCase()})`,
              async (b) => {
                let frames: PlaybackFrames | { error: string };
                try {
                  frames = await within(
                    playFrames(b, mode),
                    PLAY_MS + 2 * STEP_TIMEOUT_MS,
                    `the ${mode.toLowerCase()} playback`,
                  );
                } catch (err) {
                  frames = { error: message(err) };
                }
                result.playback = { ...result.playback, [mode.toLowerCase()]: frames };
              },
            ],
          ),
          [
            'group by actor',
            async (b) => {
              const { actor, none } = await groupByActor(b, SAMPLES);
              result.lanes = { 'group by actor': actor, 'back to one stack': none };
            },
          ],
          [
            'pans',
            async (b) => {
              result.pan = {};
              for (const [what, pan] of [
                ['timeline', panTimeline],
                ['map', panMap],
              ] as const) {
                try {
                  result.pan[what] = await within(
                    pan(b),
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
  if (wanted.length)
    phases.splice(
      0,
      phases.length,
      ...phases.filter(([what]) => wanted.some((w) => what.includes(w))),
    );
  const runs = Math.max(LOAD_RUNS, phases.length);
  for (let i = 0; i < runs; i++) {
    const opened = await openApp(browser, origin, n, name, { timeoutMs: LOAD_TIMEOUT_MS });
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
      const loadAverage = os.loadavg()[0]!;
      let tracing = false;
      try {
        const b = new BenchPage(page, placedIds, n, queries);
        await page.evaluate(() => window.datelineBench!.observe());
        await b.quiet();
        // The phase's figures are its own, not the text search's warm-up after the load.
        await b.warmedUp();
        if (args['profile-phases']) {
          await browser.startTracing(page, { categories: TRACE_CATEGORIES });
          tracing = true;
        }
        await within(act(b), PHASE_TIMEOUT_MS, what);
      } catch (err) {
        result.phaseErrors.push(`${what}: ${message(err)}`);
      }
      // The machine may be shared: how busy it was (1-minute load average) as the phase began
      // and ended.
      result.phaseLoadAverage = {
        ...result.phaseLoadAverage,
        [what]: [round(loadAverage, 2), round(os.loadavg()[0]!, 2)],
      };
      if (tracing) {
        const trace = await within(browser.stopTracing(), 120_000, 'the trace').catch(
          (err: unknown) => {
            result.phaseErrors.push(`${what}: the trace: ${message(err)}`);
            return null;
          },
        );
        if (trace) {
          const file = join(RESULTS, `trace-${sizeLabel(n)}-${what.replace(/\W+/g, '-')}.json`);
          writeFileSync(file, trace);
          const events = traceEvents(trace);
          result.phaseProfiles = {
            ...result.phaseProfiles,
            [what]: {
              file,
              frameCpu: frameCpu(events),
              ...summariseProfile(profileFromTrace(events), origin),
            },
          };
        }
      }
    }
    await dispose(opened);
  }
  for (const s of [
    ...Object.values(result.filters ?? {}),
    ...Object.values(result.selection ?? {}),
    ...Object.values(result.lanes ?? {}),
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
    const p = await openApp(browser, origin, n, name, {
      profile: true,
      timeoutMs: LOAD_TIMEOUT_MS,
    });
    if (p.trace) {
      // Open it in Chromium's DevTools, Performance panel (Load profile).
      const file = join(RESULTS, `trace-${sizeLabel(n)}.json`);
      writeFileSync(file, p.trace);
      result.profile = {
        file,
        ...(p.run.error && { note: `this load too: ${p.run.error}` }),
        ...summariseProfile(profileFromTrace(traceEvents(p.trace)), origin),
      };
    }
    await dispose(p);
  }
  printSize(result);
  return result;
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
  const launch = chromiumLaunchOptions();
  const browser = await chromium.launch(launch);
  const chromiumVersion = browser.version();
  log(`serving ${DIST} and ${DATA} at ${origin}; Chromium ${chromiumVersion}`);
  const results: SizeResult[] = [];
  const parquet: ParquetResult[] = [];
  /** The interactions measured in a page that opened a Parquet file. */
  const parquetViews: SizeResult[] = [];
  const peers: Array<{ result: PeerResult; ratios: ReturnType<typeof peerRatios> }> = [];
  // Written after every size, so that an interrupted run keeps what it measured.
  const write = () => {
    const out = {
      date: started.toISOString(),
      durationS: round((Date.now() - started.getTime()) / 1000),
      complete:
        results.length === SIZES.length &&
        parquet.length === PARQUET_SIZES.length &&
        parquetViews.length === PARQUET_PHASE_SIZES.length &&
        peers.length === PEER_SIZES.length,
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? null,
        memoryGB: round(os.totalmem() / 2 ** 30),
        platform: `${os.platform()} ${os.release()}`,
        node: process.version,
        chromium: chromiumVersion,
        chromiumPath: launch.executablePath ?? 'Playwright’s own',
        // The machine may be shared: the load average says how busy it was.
        loadAverageBefore: loadBefore.map((x) => round(x, 2)),
        loadAverageAfter: os.loadavg().map((x) => round(x, 2)),
      },
      git: { commit: git('rev-parse', 'HEAD'), dirty: (git('status', '--porcelain') ?? '') !== '' },
      config: {
        sizes: SIZES,
        parquetSizes: PARQUET_SIZES,
        parquetPhaseSizes: PARQUET_PHASE_SIZES,
        parquetPhases: splitList(args['parquet-phase-list']),
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
      parquet,
      parquetViews,
      peer: peers,
      targets: loadTargets(results, parquet, parquetViews),
    };
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(args.out, `${JSON.stringify(out, null, 2)}\n`);
    return out;
  };
  let out: ReturnType<typeof write>;
  try {
    for (const n of SIZES) {
      results.push(await benchSize(browser, origin, jsonSource(n), splitList(args.phases)));
      out = write();
    }
    for (const n of PEER_SIZES) {
      const result = await benchPeer(browser, origin, n, dataFile(n).name, {
        runs: LOAD_RUNS,
        samples: SAMPLES || 10,
        timeoutMs: LOAD_TIMEOUT_MS,
      });
      peers.push({
        result,
        ratios: peerRatios(
          results.find((r) => r.events === n),
          result,
        ),
      });
      out = write();
    }
    for (const n of PARQUET_SIZES) {
      parquet.push(await benchParquet(browser, origin, n, LOAD_RUNS, LOAD_TIMEOUT_MS));
      out = write();
    }
    for (const n of PARQUET_PHASE_SIZES) {
      log(`\n${n.toLocaleString('en')} events from Parquet: the views' interactions`);
      const wanted = splitList(args['parquet-phase-list']);
      parquetViews.push(await benchSize(browser, origin, parquetSource(n), wanted));
      out = write();
    }
  } finally {
    await browser.close().catch(() => undefined);
    server.close();
  }
  out = write();
  log(`\n${markdown(results)}\n`);
  printTargets(out.targets);
  for (const p of peers) printPeer(p.result, p.ratios);
  log(
    `machine: ${out.machine.cpus} CPUs (${out.machine.cpuModel}), load average ${out.machine.loadAverageBefore.join(' ')} before, ${out.machine.loadAverageAfter.join(' ')} after`,
  );
  log(`wrote ${args.out}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
