// The benchmark's figures: the statistics of a series of samples, the table printed per size,
// and all sizes side by side as Markdown (the README's Performance section).
import type { BenchTiming } from './page';
import type { PlaybackFrames } from './playback';
import type { frameCpu, summariseProfile } from './profile';
import { log, round } from './util';

export interface Stats {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

/** A run of frame times (ms) as the pan and playback rows give it: the gaps between frames. */
export function frameGaps(frames: readonly number[]) {
  const gaps = frames.slice(1).map((f, i) => f - frames[i]!);
  const s = stats(gaps);
  return {
    frames: gaps.length,
    medianFrameMs: s?.median ?? null,
    p95FrameMs: s?.p95 ?? null,
    longestFrameMs: s?.max ?? null,
    framesOver50ms: gaps.filter((g) => g > 50).length,
  };
}

export function stats(xs: readonly number[]): Stats | null {
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

/** The median of the figures that exist, or null. */
export const median = (xs: Array<number | null>) =>
  stats(xs.filter((x): x is number => x !== null))?.median ?? null;

/** What one load measured (./load.ts). */
export interface LoadRun {
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

/** The samples of one kind of interaction (./samplers.ts). */
export interface Series {
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

export type View = keyof BenchTiming['changed'];

export interface PanResult {
  frames: number;
  p95FrameMs: number | null;
  medianFrameMs: number | null;
  framesOver50ms: number;
  longestFrameMs: number | null;
  pointerMoves: number;
  error?: string;
}

export interface SizeResult {
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
  /** Swimlanes: switching the timeline's "Group by" (issue 14). */
  lanes?: Record<string, Series>;
  pan?: Record<string, PanResult | { error: string }>;
  /** Frames while a playback plays, per mode (./playback.ts). */
  playback?: Record<string, PlaybackFrames | { error: string }>;
  profile?: ReturnType<typeof summariseProfile> & { file: string; note?: string };
  /** Each phase's 1-minute load average of the machine as it began and as it ended. */
  phaseLoadAverage?: Record<string, [number, number]>;
  /** Each phase's trace, summarised (--profile-phases). */
  phaseProfiles?: Record<
    string,
    ReturnType<typeof summariseProfile> & { file: string; frameCpu: ReturnType<typeof frameCpu> }
  >;
}

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
  for (const [k, s] of Object.entries(r.lanes ?? {}))
    out.push([
      `lanes: ${k}, ms (median / p95)`,
      medP95(s.stats) + (s.errors.length ? ` (${s.errors.length} failed)` : ''),
    ]);
  for (const [k, p] of Object.entries(r.pan ?? {}))
    out.push([
      `${k} pan 2 s: p95 / longest frame ms / frames > 50 ms / frames`,
      'error' in p
        ? `failed`
        : `${fmt(p.p95FrameMs)} / ${fmt(p.longestFrameMs)} / ${p.framesOver50ms} / ${p.frames}`,
    ]);
  for (const [k, p] of Object.entries(r.playback ?? {}))
    out.push([
      `playback, ${k} mode, 4 s: p95 / longest frame ms / frames > 50 ms / frames`,
      'error' in p
        ? 'failed'
        : `${fmt(p.p95FrameMs)} / ${fmt(p.longestFrameMs)} / ${p.framesOver50ms} / ${p.frames}`,
    ]);
  return out;
}

export function printSize(r: SizeResult): void {
  log(`\n${r.events.toLocaleString('en')} events: ${r.status}${r.reason ? ` (${r.reason})` : ''}`);
  const rs = rows(r);
  const w = Math.max(...rs.map(([k]) => k.length));
  for (const [k, v] of rs) log(`  ${k.padEnd(w)}  ${v}`);
  const list = (title: string, xs: Array<{ name: string; ms: number; share: number }>) => {
    log(`  ${title}:`);
    for (const b of xs)
      log(`    ${fmt(b.ms).padStart(7)} ms ${String(b.share).padStart(5)} %  ${b.name}`);
  };
  for (const [what, [before, after]] of Object.entries(r.phaseLoadAverage ?? {}))
    log(`  load average during ${what}: ${before} → ${after}`);
  for (const [what, p] of Object.entries(r.phaseProfiles ?? {})) {
    log(`  trace of ${what} (${p.file}): the page's main thread busy ${fmt(p.busyMs)} ms`);
    const f = p.frameCpu;
    if (f)
      log(
        `  main thread CPU per frame, ms (median / p95 / longest; ${f.frames} frames): ${f.medianMs} / ${f.p95Ms} / ${f.maxMs}`,
      );
    list('self time by origin', p.byOrigin.slice(0, 8));
    list('top functions by self time', p.bySelfTime.slice(0, 15));
    list("the app's functions, with what they call", p.appInclusive.slice(0, 15));
  }
  if (r.profile) {
    log(
      `  trace of one more load (${r.profile.file}): the page's main thread busy ${fmt(r.profile.busyMs)} ms${r.profile.note ? `; ${r.profile.note}` : ''}`,
    );
    list('self time by origin', r.profile.byOrigin.slice(0, 10));
    list('top functions by self time', r.profile.bySelfTime.slice(0, 12));
    list("the app's functions, with what they call", r.profile.appInclusive.slice(0, 12));
  }
  for (const s of [
    ...Object.values(r.filters ?? {}),
    ...Object.values(r.selection ?? {}),
    ...Object.values(r.lanes ?? {}),
  ]) {
    for (const e of s.errors.slice(0, 3)) log(`  ! ${e}`);
    for (const u of s.unchanged.slice(0, 3)) log(`  · ${u}`);
  }
  for (const [k, p] of Object.entries(r.pan ?? {}))
    if ('error' in p) log(`  ! ${k} pan: ${p.error}`);
  for (const [k, p] of Object.entries(r.playback ?? {}))
    if ('error' in p) log(`  ! ${k} playback: ${p.error}`);
  for (const e of r.phaseErrors) log(`  ! ${e}`);
}

/** All sizes side by side, as a Markdown table (the README's Performance section). */
export function markdown(results: SizeResult[]): string {
  const all = results.map(rows);
  const names = all[0]?.map(([k]) => k) ?? [];
  const head = `| | ${results.map((r) => `${r.events.toLocaleString('en')} events${r.status === 'failed' ? ' (failed)' : ''}`).join(' | ')} |`;
  const rule = `|---|${results.map(() => '---').join('|')}|`;
  const body = names.map(
    (name, i) => `| ${name.trim()} | ${all.map((r) => r[i]?.[1] ?? '–').join(' | ')} |`,
  );
  return [head, rule, ...body].join('\n');
}
