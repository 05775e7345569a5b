// The benchmark's columnar rows (issue 15): a generated Parquet file of 100,000 and 1,000,000
// events (scripts/gen-parquet.ts, Dateline CSV's columns) opened from `?data=` as a user would,
// timed to interactive (both views drawn, as for the JSON sizes: ./load.ts) with the JS heap after
// a forced garbage collection, and the CPU time of the page's main thread and of its busiest
// worker (the import worker) from a trace of the load (up to `TRACED_UP_TO` events: a trace of a
// million-event load was not collected within two minutes here, and slowed the load): wall time
// on a shared machine is several times the CPU time, which the load does not stretch; and the issue's targets beside
// them, with the 100,000-event Dateline JSON load of the main run, and the gap to each.
import type { Browser } from '@playwright/test';
import { statSync } from 'node:fs';
import { parquetFile } from '../gen-parquet';
import { largeRow } from '../largeCsv';
import { DATA } from './config';
import { dispose, openApp } from './load';
import { cpuByThread, TASK_CATEGORIES } from './profile';
import { median, stats, type SizeResult, type Stats } from './report';
import { log, round } from './util';

/** The largest load traced for its CPU time. */
const TRACED_UP_TO = 200_000;

export interface ParquetResult {
  events: number;
  file: string;
  bytes: number;
  runs: Array<{
    interactiveMs: number | null;
    heapMB: number | null;
    /** CPU until interactive: the page's main thread, and the busiest worker (the import's). */
    cpu?: { mainMs: number; busiestWorkerMs: number };
    error?: string;
  }>;
  interactiveMs: Stats | null;
  heapMB: number | null;
  cpu: { mainMs: number | null; busiestWorkerMs: number | null };
}

export async function benchParquet(
  browser: Browser,
  origin: string,
  n: number,
  runs: number,
  timeoutMs: number,
): Promise<ParquetResult> {
  log(`\n${n.toLocaleString('en')} events from Parquet (written if missing) …`);
  const { path, name } = parquetFile(DATA, n);
  const result: ParquetResult = {
    events: n,
    file: name,
    bytes: statSync(path).size,
    runs: [],
    interactiveMs: null,
    heapMB: null,
    cpu: { mainMs: null, busiestWorkerMs: null },
  };
  for (let i = 0; i < runs; i++) {
    const opened = await openApp(browser, origin, n, name, {
      timeoutMs,
      profile: n <= TRACED_UP_TO,
      traceCategories: TASK_CATEGORIES,
    });
    const { run, trace } = opened;
    const cpu = trace && cpuByThread(trace);
    result.runs.push({
      interactiveMs: run.interactiveMs,
      heapMB: run.heapMB,
      ...(cpu && { cpu }),
      ...(run.error && { error: run.error }),
    });
    const cpuText = cpu
      ? `; CPU: main thread ${cpu.mainMs} ms, import worker ${cpu.busiestWorkerMs} ms`
      : '';
    log(
      `  load ${i + 1}/${runs}: ${run.error ?? `interactive at ${run.interactiveMs} ms, heap ${run.heapMB} MB${cpuText}`}`,
    );
    await dispose(opened);
    if (run.error) break;
  }
  const ok = result.runs.filter((r) => !r.error);
  result.interactiveMs = stats(ok.map((r) => r.interactiveMs ?? NaN));
  result.heapMB = median(ok.map((r) => r.heapMB));
  result.cpu = {
    mainMs: median(ok.map((r) => r.cpu?.mainMs ?? null)),
    busiestWorkerMs: median(ok.map((r) => r.cpu?.busiestWorkerMs ?? null)),
  };
  return result;
}

/** Ids of the generated Parquet file's events that have a place (only those reach the map). */
export function largePlacedIds(n: number): Set<string> {
  const ids = new Set<string>();
  for (let i = 0; i < n; i++) {
    const row = largeRow(i);
    if (typeof row.lat === 'number' && typeof row.lon === 'number') ids.add(String(row.id));
  }
  return ids;
}

type Target = { what: string; measured: number | null; target: number; unit: 'ms' | 'MB' };

/**
 * Issue 15's in-page targets for one size: each filter's p95 (actor, type, dates), the text
 * search's p95 with its first query, selection both ways, and the worse pan's p95 frame.
 */
function viewTargets(r: SizeResult | undefined, n: number, label: string): Target[] {
  const big = n >= 1_000_000;
  const p95 = (s: { stats?: Stats | null } | undefined) => s?.stats?.p95;
  const pans = Object.values(r?.pan ?? {}).map((p) => ('error' in p ? null : p.p95FrameMs));
  const row = (what: string, measured: number | null | undefined, target: number): Target => ({
    what: `${what}, ${label}`,
    measured: measured ?? null,
    target,
    unit: 'ms',
  });
  return [
    row('filter p95, actor', p95(r?.filters?.actor), big ? 100 : 50),
    row('filter p95, type', p95(r?.filters?.type), big ? 100 : 50),
    row('filter p95, dates', p95(r?.filters?.['date range']), big ? 100 : 50),
    row('text search p95 (first query in)', p95(r?.filters?.text), big ? 300 : 100),
    row('selection p95, timeline → map', p95(r?.selection?.['timeline → map']), big ? 50 : 32),
    row('selection p95, map → timeline', p95(r?.selection?.['map → timeline']), big ? 50 : 32),
    row(
      'pan p95 frame (worse view)',
      pans.length && pans.every((p) => p !== null) ? Math.max(...(pans as number[])) : null,
      33,
    ),
  ];
}

/** Issue 15's targets: what was measured, the target, and how far from it. */
export function loadTargets(
  json: readonly SizeResult[],
  parquet: readonly ParquetResult[],
  parquetViews: readonly SizeResult[] = [],
): Target[] {
  const jsonAt = (n: number) => json.find((r) => r.events === n)?.load;
  const parquetAt = (n: number) => parquet.find((r) => r.events === n);
  const rows = [
    {
      what: 'load → interactive, Parquet, 100,000',
      measured: parquetAt(100_000)?.interactiveMs?.median,
      target: 1000,
      unit: 'ms' as const,
    },
    {
      what: 'load → interactive, Parquet, 1,000,000',
      measured: parquetAt(1_000_000)?.interactiveMs?.median,
      target: 4000,
      unit: 'ms' as const,
    },
    {
      what: 'load → interactive, Dateline JSON, 100,000',
      measured: jsonAt(100_000)?.interactiveMs?.median,
      target: 1500,
      unit: 'ms' as const,
    },
    {
      what: 'JS heap after load, Parquet, 100,000',
      measured: parquetAt(100_000)?.heapMB,
      target: 150,
      unit: 'MB' as const,
    },
    {
      what: 'JS heap after load, Dateline JSON, 100,000',
      measured: jsonAt(100_000)?.heapMB,
      target: 150,
      unit: 'MB' as const,
    },
    {
      what: 'JS heap after load, Parquet, 1,000,000',
      measured: parquetAt(1_000_000)?.heapMB,
      target: 800,
      unit: 'MB' as const,
    },
  ];
  return [
    ...rows.map((r) => ({ ...r, measured: r.measured ?? null })),
    ...viewTargets(
      json.find((r) => r.events === 100_000),
      100_000,
      '100,000 (Dateline JSON)',
    ),
    ...viewTargets(
      parquetViews.find((r) => r.events === 1_000_000),
      1_000_000,
      '1,000,000 (Parquet)',
    ),
  ];
}

export function printTargets(targets: ReturnType<typeof loadTargets>): void {
  log('\nissue 15 targets:');
  for (const t of targets) {
    const got = t.measured === null ? 'not measured' : `${round(t.measured)} ${t.unit}`;
    const gap =
      t.measured === null
        ? ''
        : t.measured <= t.target
          ? 'met'
          : `missed by ${round(t.measured / t.target, 1)}×`;
    log(`  ${t.what.padEnd(62)} ${got.padStart(14)}   target ≤ ${t.target} ${t.unit}   ${gap}`);
  }
}
