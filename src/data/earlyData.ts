// A dataset linked with ?data= starts loading before the app's code has: a small script in
// index.html (./earlyStart.ts) starts the import worker, which downloads and reads the file
// while the page is still loading the app (at 100k events from Parquet, the worker's ~0.6 s of
// reading then no longer waits for the app's ~0.5 s of loading). The app adopts that worker and
// the replies it has queued, if it opens the same URL; otherwise the worker is stopped. Where
// there is no worker to start (the dev server, a link with its own column mapping), the script
// only starts the download, and the app takes the response instead of asking again.
import type { FetchRequest, ImportReply } from './importProtocol';

/** The <meta> naming the import worker's file, written by the build (scripts/vite-plugin-early-data.ts). */
export const IMPORT_WORKER_META = 'dateline-import-worker';

/** The import worker started by index.html, with what it answered before the app listened. */
export interface EarlyImport {
  worker: Worker;
  replies: ImportReply[];
  /** Set when the worker failed to start or stopped (its script did not load, say). */
  failure?: string;
}

/** What index.html leaves on `window` when it starts loading the link's dataset. */
export interface EarlyData {
  /** The absolute URL being fetched. */
  href: string;
  /** The download, when the script started no worker. */
  download?: { response: Promise<Response>; controller: AbortController };
  worker?: EarlyImport;
}

declare global {
  interface Window {
    datelineEarlyData?: EarlyData;
  }
}

function absolute(url: string): string | null {
  try {
    return new URL(url, document.baseURI).href;
  } catch {
    return null;
  }
}

/** What index.html started for this URL, once (a reload of the same link starts afresh). */
function take(url: string): EarlyData | null {
  const early = globalThis.window?.datelineEarlyData;
  if (!early || early.href !== absolute(url)) return null;
  delete window.datelineEarlyData;
  return early;
}

/** The import worker already loading this URL, if index.html started one. */
export function takeEarlyImport(url: string): EarlyImport | null {
  const early = globalThis.window?.datelineEarlyData;
  if (!early?.worker) return null;
  return take(url)?.worker ?? null;
}

/**
 * The response already on its way for this URL, once. Aborting `signal` aborts it.
 */
export function takeEarlyResponse(url: string, signal: AbortSignal): Promise<Response> | null {
  const early = globalThis.window?.datelineEarlyData;
  if (!early?.download) return null;
  const download = take(url)?.download;
  if (!download) return null;
  if (signal.aborted) download.controller.abort();
  else signal.addEventListener('abort', () => download.controller.abort(), { once: true });
  return download.response;
}

/** Stops what the app will not use (the link's data was refused, or is something else). */
export function dropEarlyData(): void {
  const early = globalThis.window?.datelineEarlyData;
  if (!early) return;
  delete window.datelineEarlyData;
  early.download?.controller.abort();
  early.worker?.worker.terminate();
}

/**
 * The import worker's name for a request: the request rides in it (`new Worker(url, { name })`),
 * and the worker reads it as it starts (`self.name`). A message would wait for the page's main
 * thread, busy loading the app (measured: delivered ~110 ms after the worker was ready); the
 * address must stay the file's own, or the worker's chunks, which import it, would load it again
 * under its plain address and run it twice.
 */
export function workerNameFor(request: FetchRequest): string {
  return JSON.stringify(request);
}

/** The request in a worker's name (`workerNameFor`), or null for any other name. */
export function fetchRequestOf(name: string): FetchRequest | null {
  let value: unknown;
  try {
    value = JSON.parse(name);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const r = value as Record<string, unknown>;
  const text = (k: string) => typeof r[k] === 'string';
  if (
    r.type !== 'fetch' ||
    r.ask !== 'unsure' ||
    !text('href') ||
    !text('name') ||
    !text('baseUrl')
  )
    return null;
  return {
    type: 'fetch',
    href: r.href,
    name: r.name,
    baseUrl: r.baseUrl,
    ask: 'unsure',
  } as FetchRequest;
}
