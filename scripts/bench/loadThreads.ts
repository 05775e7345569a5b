// One load of the built app (bench-results/dist) from `?data=`, traced without the CPU profiler
// (which slows what it watches): when each file was requested and came, each thread's tasks
// over 8 ms, and the CPU time each thread of the browser used while the import worker ran its
// longest task (the reading). It says whether a load is waiting on one thread with another core
// idle, or the machine's cores are full (docs/i15-misses.md).
//
//   npx tsx scripts/bench/loadThreads.ts --parquet 100000 [--runs 2] [--build]
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../../e2e/chromium';
import { parquetFile } from '../gen-parquet';
import { DATA } from './config';
import { dispose, openApp } from './load';
import { traceEvents } from './profile';
import { build, dataFile, serve } from './serve';
import { log, round } from './util';

const { values: args } = parseArgs({
  options: {
    parquet: { type: 'string', default: '' },
    json: { type: 'string', default: '' },
    runs: { type: 'string', default: '1' },
    build: { type: 'boolean', default: false },
  },
});

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'toplevel',
  'v8',
  'blink.user_timing',
];

interface Event {
  name: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { url?: string; requestId?: string } };
}

const thread = (e: Event) => `${e.pid}:${e.tid}`;
const TASKS = new Set(['RunTask', 'ThreadControllerImpl::RunTask', 'ThreadPool_RunTask']);

/** Each thread's outermost tasks (a task's trace event may hold another's). */
function outermost(events: Event[]): Event[] {
  const out: Event[] = [];
  const end = new Map<string, number>();
  for (const e of events
    .filter((x) => TASKS.has(x.name) && x.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!)) {
    if (e.ts < (end.get(thread(e)) ?? -Infinity)) continue;
    end.set(thread(e), e.ts + e.dur!);
    out.push(e);
  }
  return out;
}

function report(events: Event[]): void {
  const names = new Map<string, string>();
  const processes = new Map<number, string>();
  for (const e of events) {
    if (e.name === 'thread_name') names.set(thread(e), e.args?.name ?? '');
    if (e.name === 'process_name') processes.set(e.pid, e.args?.name ?? '');
  }
  const label = (k: string) =>
    `${processes.get(Number(k.split(':')[0])) ?? '?'} ${names.get(k) ?? '?'}`;
  const tasks = outermost(events);
  const page = tasks.filter((e) => names.get(thread(e)) === 'CrRendererMain');
  if (!page.length) throw new Error('no task of the page in the trace');
  const t0 = Math.min(...page.map((e) => e.ts));
  const at = (ts: number) => Math.round((ts - t0) / 1000);

  const requests = new Map<string, { url: string; sent: number; done?: number }>();
  for (const e of events) {
    const id = e.args?.data?.requestId;
    if (!id) continue;
    if (e.name === 'ResourceSendRequest')
      requests.set(id, {
        url: (e.args?.data?.url ?? '').split('/').pop()!.slice(0, 60),
        sent: e.ts,
      });
    if (e.name === 'ResourceFinish') {
      const r = requests.get(id);
      if (r) r.done = e.ts;
    }
  }
  log('  files (requested → in, ms from the page’s first task):');
  for (const r of requests.values())
    log(`    ${r.url}: ${at(r.sent)} → ${r.done === undefined ? '?' : at(r.done)}`);

  const long = new Map<string, Event[]>();
  for (const e of tasks)
    if (e.dur! > 8000 && /CrRendererMain|DedicatedWorker/.test(names.get(thread(e)) ?? ''))
      long.set(thread(e), [...(long.get(thread(e)) ?? []), e]);
  for (const [k, list] of long) {
    log(`  ${label(k)} (${k}): tasks over 8 ms, start:wall/CPU ms`);
    log(
      `    ${list
        .sort((a, b) => a.ts - b.ts)
        .map((e) => `${at(e.ts)}:${round(e.dur! / 1000, 0)}/${round((e.tdur ?? 0) / 1000, 0)}`)
        .join(' ')}`,
    );
  }

  const workerTasks = tasks.filter((e) => names.get(thread(e)) === 'DedicatedWorker thread');
  const reading = workerTasks.sort((a, b) => b.dur! - a.dur!)[0];
  if (!reading) return;
  const [from, to] = [reading.ts, reading.ts + reading.dur!];
  const cpu = new Map<string, number>();
  for (const e of tasks) {
    const end = e.ts + e.dur!;
    if (!e.dur || e.ts > to || end < from) continue;
    const share = (Math.min(to, end) - Math.max(from, e.ts)) / e.dur;
    cpu.set(thread(e), (cpu.get(thread(e)) ?? 0) + ((e.tdur ?? 0) * share) / 1000);
  }
  const total = [...cpu.values()].reduce((a, b) => a + b, 0);
  log(
    `  the worker's longest task: ${at(from)} → ${at(to)} ms (${round(reading.dur! / 1000, 0)} ms, ` +
      `${round((reading.tdur ?? 0) / 1000, 0)} ms of CPU); every thread's CPU in it: ` +
      `${round(total, 0)} ms, ${round(total / (reading.dur! / 1000), 2)} cores`,
  );
  for (const [k, ms] of [...cpu].sort((a, b) => b[1] - a[1]).slice(0, 10))
    if (ms >= 5) log(`    ${label(k)}: ${round(ms, 0)} ms`);
}

/** The machine's CPU counters (Linux: /proc/stat's first line, in ticks), or null elsewhere. */
function cpuTicks(): number[] | null {
  try {
    return readFileSync('/proc/stat', 'utf8')
      .split('\n')[0]!
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
  } catch {
    return null;
  }
}

/** How busy the whole machine was between two readings: user and system time, in cores. */
function machineBusy(before: number[] | null, after: number[] | null): string {
  if (!before || !after) return 'not known here';
  const d = after.map((x, i) => x - (before[i] ?? 0));
  const all = d.reduce((a, b) => a + b, 0);
  const cores = os.cpus().length;
  const share = (i: number) => round(((d[i] ?? 0) / all) * cores, 2);
  // user, nice, system, idle, iowait, irq, softirq, steal
  return `${round(cores - share(3) - share(4), 2)} of ${cores} cores busy (user ${share(0)}, system ${share(2)}, steal ${share(7)})`;
}

async function main(): Promise<void> {
  if (args.build) build();
  const loads: Array<{ n: number; name: string }> = [];
  if (args.parquet)
    loads.push({ n: Number(args.parquet), name: parquetFile(DATA, Number(args.parquet)).name });
  if (args.json) loads.push({ n: Number(args.json), name: dataFile(Number(args.json)).name });
  if (!loads.length) throw new Error('say what to load: --parquet N or --json N');
  const { server, origin } = await serve();
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    for (const { n, name } of loads)
      for (let i = 0; i < Number(args.runs); i++) {
        const before = cpuTicks();
        const opened = await openApp(browser, origin, n, name, {
          timeoutMs: 180_000,
          profile: true,
          traceCategories: CATEGORIES,
        });
        const busy = machineBusy(before, cpuTicks());
        const { run, trace } = opened;
        const marks = Object.entries(run.marks)
          .map(([k, v]) => `${k} ${round(v, 0)}`)
          .join(', ');
        log(
          `${name} run ${i + 1}: ${run.error ?? `interactive ${run.interactiveMs} ms`}; marks: ${marks}`,
        );
        log(`  the machine over the load (a new tab to interactive, tracing on): ${busy}`);
        if (trace) report(traceEvents(trace) as unknown as Event[]);
        await dispose(opened);
      }
  } finally {
    await browser.close();
    server.close();
  }
}

await main();
