// The CPU profile of one load (--profile) or phase (--profile-phases), taken from a Chromium
// trace and summarised through the build's source maps: self time by package or source file,
// the top functions, and the app's own functions with what they call; and the main thread's CPU
// time per frame (thread time, so a busy machine inflates it far less than frame times).
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { join } from 'node:path';
import { DIST } from './config';
import { round } from './util';

export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-v8.cpu_profiler',
  // The main thread's tasks (RunTask), with their thread time.
  'toplevel',
  // The bench's marks: where the frames it samples start and stop.
  'blink.user_timing',
];

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName?: string; url?: string; lineNumber?: number; columnNumber?: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  /** When the first sample's delta counts from, in the trace's clock (µs). */
  startTime: number;
}

/** A trace's events. */
export function traceEvents(trace: Buffer): TraceEvent[] {
  const parsed = JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

/**
 * The page's CPU profile, from the trace's ProfileChunk events: the profile of `thread`
 * (`pid:tid`) when given, else the page's main thread's, else the one with most samples (one
 * profile is recorded per thread: the page's, its workers'). Profile ids are per process.
 */
export function profileFromTrace(events: readonly TraceEvent[], thread?: string): CpuProfile {
  const mains = new Set(
    events
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const byId = new Map<string, CpuProfile & { thread?: string }>();
  const profileOf = (e: TraceEvent) => {
    const key = `${e.pid}:${e.id}`;
    const p = byId.get(key) ?? { nodes: [], samples: [], timeDeltas: [], startTime: 0 };
    byId.set(key, p);
    return p;
  };
  for (const e of events) {
    if (!e.id) continue;
    if (e.name === 'Profile') {
      const p = profileOf(e);
      p.startTime = e.args?.data?.startTime ?? 0;
      p.thread = `${e.pid}:${e.tid}`;
    }
    if (e.name !== 'ProfileChunk') continue;
    const p = profileOf(e);
    const data = e.args?.data;
    p.nodes.push(...(data?.cpuProfile?.nodes ?? []));
    p.samples.push(...(data?.cpuProfile?.samples ?? []));
    p.timeDeltas.push(...(data?.timeDeltas ?? []));
  }
  const profiles = [...byId.values()].filter((p) => !thread || p.thread === thread);
  return (
    profiles.sort(
      (a, b) =>
        Number(mains.has(b.thread ?? '')) - Number(mains.has(a.thread ?? '')) ||
        b.samples.length - a.samples.length,
    )[0] ?? {
      nodes: [],
      samples: [],
      timeDeltas: [],
      startTime: 0,
    }
  );
}

interface TraceEvent {
  name: string;
  ph?: string;
  pid?: number;
  tid?: number;
  /** Start, µs. */
  ts?: number;
  /** Thread (CPU) time of a complete event, µs. */
  tdur?: number;
  id?: string;
  args?: {
    name?: string;
    data?: {
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
      startTime?: number;
    };
  };
}

/**
 * `within`: only the samples taken in this span of the trace's clock (µs), one task's, say.
 * `top`: how many functions each list names.
 */
export function summariseProfile(
  profile: CpuProfile,
  origin: string,
  {
    within,
    top: listed = 25,
    dist = DIST,
  }: { within?: [number, number]; top?: number; dist?: string } = {},
) {
  const maps = new Map<string, SourceMap | null>();
  const mapFor = (url: string) => {
    if (!url.startsWith(origin)) return null;
    if (!maps.has(url)) {
      const file = join(dist, new URL(url).pathname);
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
  let sampledAt = profile.startTime;
  profile.samples.forEach((id, i) => {
    sampledAt += profile.timeDeltas[i] ?? 0;
    if (within && (sampledAt < within[0] || sampledAt > within[1])) return;
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
    bySelfTime: top(byFn, listed),
    appInclusive: top(appInclusive, listed),
  };
}

/**
 * The page's main thread CPU time per frame: the thread time of its tasks from one frame's start
 * (a rendered animation frame) to the next, ms; only the frames the bench sampled (between its
 * marks, when the trace has them).
 */
export function frameCpu(events: readonly TraceEvent[]) {
  const thread = (e: TraceEvent) => `${e.pid}:${e.tid}`;
  const mains = new Set(
    events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map(thread),
  );
  const tasks = new Map<string, TraceEvent[]>();
  for (const e of events)
    if (e.name === 'ThreadControllerImpl::RunTask' && e.ph === 'X' && mains.has(thread(e)))
      tasks.set(thread(e), [...(tasks.get(thread(e)) ?? []), e]);
  // The page's main thread is the busiest renderer main thread.
  const [main, ts] = [...tasks].sort((a, b) => b[1].length - a[1].length)[0] ?? ['', []];
  const mark = (name: string) => events.find((e) => e.name === name)?.ts;
  const from = mark('bench:frames:start') ?? -Infinity;
  const to = mark('bench:frames:stop') ?? Infinity;
  const starts = events
    .filter((e) => e.name === 'AnimationFrame' && e.ph === 'b' && thread(e) === main)
    .map((e) => e.ts ?? 0)
    .filter((t) => t >= from && t <= to)
    .sort((a, b) => a - b);
  if (starts.length < 2) return null;
  const perFrame = new Array<number>(starts.length - 1).fill(0);
  let f = 0;
  for (const task of ts.sort((a, b) => (a.ts ?? 0) - (b.ts ?? 0))) {
    const at = task.ts ?? 0;
    if (at < starts[0]!) continue;
    while (f < perFrame.length && at >= starts[f + 1]!) f++;
    if (f >= perFrame.length) break;
    perFrame[f] = (perFrame[f] ?? 0) + (task.tdur ?? 0) / 1000;
  }
  const s = [...perFrame].sort((a, b) => a - b);
  const at = (q: number) => round(s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN);
  return {
    frames: s.length,
    medianMs: at(0.5),
    p95Ms: at(0.95),
    maxMs: round(s.at(-1) ?? NaN),
    totalMs: round(s.reduce((a, b) => a + b, 0)),
  };
}

/** Tasks only (each with its thread time), for CPU per thread without the profiler's cost. */
export const TASK_CATEGORIES = ['disabled-by-default-devtools.timeline'];

/**
 * CPU time per thread of a trace (each task's thread time, `tdur`, summed: what a busy machine
 * does not stretch), for the page's main thread and its busiest worker, busiest first.
 */
export function cpuByThread(trace: Buffer): { mainMs: number; busiestWorkerMs: number } {
  const events = traceEvents(trace);
  const names = new Map<string, string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name')
      names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const cpu = new Map<string, number>();
  for (const e of events) {
    if (e.ph !== 'X' || e.name !== 'RunTask') continue;
    const key = `${e.pid}:${e.tid}`;
    cpu.set(key, (cpu.get(key) ?? 0) + (e.tdur ?? 0) / 1000);
  }
  const of = (name: string) => [...cpu].filter(([k]) => names.get(k) === name).map(([, ms]) => ms);
  return {
    mainMs: Math.round(Math.max(0, ...of('CrRendererMain'))),
    busiestWorkerMs: Math.round(Math.max(0, ...of('DedicatedWorker thread'))),
  };
}
