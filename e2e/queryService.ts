// The DuckDB query service for the query-source specs: a generated Parquet file (kept in the OS
// temp folder, with the service's prepared database beside it, so a second run starts in
// seconds) served on loopback by the service's own code (scripts/serve-data/).
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateEventsParquet } from '../scripts/gen-events-parquet';
import { openEventsDatabase } from '../scripts/serve-data/database';
import { startService } from '../scripts/serve-data/server';

const DATA_DIR = join(tmpdir(), 'dateline-e2e-query-source');

export interface QueryService {
  url: string;
  /** The same rows as Dateline CSV, when asked for. */
  csv?: string;
  close(): Promise<void>;
}

/** Serves `events` generated events (seed 1) on 127.0.0.1:`port` (0: any free port). */
export async function startQueryService(
  events: number,
  port: number,
  withCsv = false,
  exportCap?: number,
): Promise<QueryService> {
  mkdirSync(DATA_DIR, { recursive: true });
  const parquet = join(DATA_DIR, `events-${events}-seed1.parquet`);
  const csv = withCsv ? join(DATA_DIR, `events-${events}-seed1.csv`) : undefined;
  if (!existsSync(parquet) || (csv && !existsSync(csv))) {
    const started = performance.now();
    await generateEventsParquet({ events, seed: 1, out: parquet, csv });
    console.warn(`generated ${parquet} in ${Math.round(performance.now() - started)} ms`);
  }
  const started = performance.now();
  const db = await openEventsDatabase(parquet, { cacheDir: DATA_DIR });
  console.warn(`opened ${parquet} in ${Math.round(performance.now() - started)} ms`);
  const { server, url } = await startService(db, {
    host: '127.0.0.1',
    port,
    origins: ['*'],
    timeoutMs: 30_000,
    exportCap,
  });
  return {
    url,
    ...(csv && { csv }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          db.close();
          resolve();
        });
      }),
  };
}

/** Asks the service directly, as the page does: for the tests' expectations. */
export async function askService<T>(base: string, path: string, query = ''): Promise<T> {
  const res = await fetch(`${base}/api/v1${path}${query ? `?${query}` : ''}`);
  if (!res.ok) throw new Error(`${path}?${query}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
