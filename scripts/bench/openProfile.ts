// One load of the built app (bench-results/dist, from `npm run bench` or `--build`) from `?data=`,
// traced: CPU time per thread (each task's thread time: what a busy machine does not stretch),
// the JS heap after load, and where the page's main thread spent its CPU (the app's functions).
//
//   npx tsx scripts/bench/openProfile.ts --parquet 100000 --runs 3
//   npx tsx scripts/bench/openProfile.ts --json 100000 --runs 3 --functions
import os from 'node:os';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../../e2e/chromium';
import { parquetFile } from '../gen-parquet';
import { DATA } from './config';
import { dispose, openApp } from './load';
import {
  cpuByThread,
  profileFromTrace,
  summariseProfile,
  TASK_CATEGORIES,
  traceEvents,
  TRACE_CATEGORIES,
} from './profile';
import { build, dataFile, serve } from './serve';
import { log, round } from './util';

const { values: args } = parseArgs({
  options: {
    parquet: { type: 'string', default: '' },
    json: { type: 'string', default: '' },
    runs: { type: 'string', default: '3' },
    functions: { type: 'boolean', default: false },
    /** Seconds to wait after the load before the heap is read again. */
    settle: { type: 'string', default: '10' },
    build: { type: 'boolean', default: false },
    /** Another build to serve (a baseline's `dist`), instead of bench-results/dist. */
    dist: { type: 'string', default: '' },
  },
});

async function main(): Promise<void> {
  if (args.build) build();
  const { server, origin } = await serve(args.dist || undefined);
  const browser = await chromium.launch(chromiumLaunchOptions());
  const loads: Array<{ n: number; name: string }> = [];
  if (args.parquet) {
    const n = Number(args.parquet);
    loads.push({ n, name: parquetFile(DATA, n).name });
  }
  if (args.json) {
    const n = Number(args.json);
    loads.push({ n, name: dataFile(n).name });
  }
  try {
    for (const { n, name } of loads) {
      for (let i = 0; i < Number(args.runs); i++) {
        const before = os.loadavg()[0]!;
        const opened = await openApp(browser, origin, n, name, {
          timeoutMs: 180_000,
          profile: true,
          // The CPU profile, and each task's thread time (what `cpuByThread` sums).
          traceCategories: [...TRACE_CATEGORIES, ...TASK_CATEGORIES],
        });
        const { run, trace } = opened;
        const cpu = trace && cpuByThread(trace);
        log(
          `${name} run ${i + 1}: ${run.error ?? `interactive ${run.interactiveMs} ms, heap ${run.heapMB} MB`}` +
            (cpu ? `; CPU main ${cpu.mainMs} ms, busiest worker ${cpu.busiestWorkerMs} ms` : '') +
            `; longest task ${run.longestTaskMs} ms; load ${round(before, 2)}→${round(os.loadavg()[0]!, 2)}`,
        );
        // The heap again once the page has been idle (a dataset that came as columns makes the
        // rest of its event objects then).
        let settledMB: number | null = null;
        if (!run.error) {
          await opened.page.waitForTimeout(Number(args.settle) * 1000);
          await opened.cdp.send('HeapProfiler.collectGarbage');
          settledMB = round((await opened.cdp.send('Runtime.getHeapUsage')).usedSize / 2 ** 20);
          log(`  heap after ${args.settle} s more: ${settledMB} MB`);
        }
        if (args.functions && trace) {
          const s = summariseProfile(profileFromTrace(traceEvents(trace)), origin, {
            ...(args.dist && { dist: args.dist }),
          });
          log(JSON.stringify(s, null, 1).slice(0, 6000));
        }
        await dispose(opened);
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
}

await main();
