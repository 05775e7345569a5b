// The CPU profile of one load (--profile), taken from a Chromium trace and summarised through
// the build's source maps: self time by package or source file, the top functions, and the
// app's own functions with what they call.
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { join } from 'node:path';
import { DIST } from './config';
import { round } from './util';

export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-v8.cpu_profiler'];

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
export function profileFromTrace(trace: Buffer): CpuProfile {
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

export function summariseProfile(profile: CpuProfile, origin: string) {
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

/** Tasks only (each with its thread time), for CPU per thread without the profiler's cost. */
export const TASK_CATEGORIES = ['disabled-by-default-devtools.timeline'];

/**
 * CPU time per thread of a trace (each task's thread time, `tdur`, summed: what a busy machine
 * does not stretch), for the page's main thread and its busiest worker, busiest first.
 */
export function cpuByThread(trace: Buffer): { mainMs: number; busiestWorkerMs: number } {
  const parsed = JSON.parse(trace.toString('utf8')) as
    { traceEvents: ThreadEvent[] } | ThreadEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
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

interface ThreadEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  tdur?: number;
  args?: { name?: string };
}
