// Downloads a URL with progress for an import: on the page (a link's dataset, fetched by the app),
// or in the import worker that index.html starts for a ?data= link (./earlyStart.ts). Its errors
// name the file and say which failure it was, as far as a page can tell.
import { takeEarlyResponse } from './earlyData';
import { megabytes as mb } from './megabytes';
import { tooLargeToRead } from './sizeLimit';
import type { ImportPhase } from './importProtocol';

/**
 * The data's host never learns which page asked: the page's own policy says so
 * (scripts/csp.ts), and a worker's requests do not follow the page's <meta>.
 */
const NO_REFERRER = { referrerPolicy: 'no-referrer' } as const;

export interface ImportProgress {
  /** `prepare`: the views' first draw of a large dataset, made ahead (prepareViews.ts). */
  phase: ImportPhase | 'prepare';
  done: number;
  total: number;
}

export class ImportCancelled extends Error {
  constructor() {
    super('Loading was cancelled.');
    this.name = 'ImportCancelled';
  }
}

/**
 * Why a fetch failed, as far as a page can tell: browsers give one "Failed to fetch" for a
 * server that cannot be reached, a refusal to share the file (CORS) and a redirect loop. An
 * opaque request (no-cors) still succeeds where only CORS refused; one that does not follow
 * redirects tells a redirect from an unreachable server.
 */
async function whyNotFetched(url: string, signal: AbortSignal): Promise<string> {
  const sameOrigin = new URL(url, location.href).origin === location.origin;
  try {
    const opaque = await fetch(url, {
      ...NO_REFERRER,
      mode: 'no-cors',
      redirect: 'manual',
      signal,
    });
    if (opaque.type === 'opaqueredirect')
      return 'the address redirects, and following it failed: a redirect loop, or a server that cannot be reached';
    if (!sameOrigin)
      return 'the server answered but does not let other sites read the file (it sends no Access-Control-Allow-Origin header: CORS). Download the file and open it with “Open data”, or ask its host to allow it';
  } catch {
    // Not reachable at all.
  }
  return 'the server could not be reached (offline, a wrong address, or a server that is down)';
}

/** Downloads a URL with progress, for the worker to read. Errors name the file. */
export async function download(
  url: string,
  name: string,
  onProgress: (p: ImportProgress) => void,
  signal: AbortSignal,
): Promise<ArrayBuffer> {
  let res: Response;
  try {
    res = await (takeEarlyResponse(url, signal) ?? fetch(url, { ...NO_REFERRER, signal }));
  } catch (err) {
    if (signal.aborted) throw new ImportCancelled();
    const why = await whyNotFetched(url, signal).catch(() => null);
    if (signal.aborted) throw new ImportCancelled();
    throw new Error(
      `${name}: could not be fetched: ${why ?? (err instanceof Error ? err.message : String(err))}`,
      { cause: err },
    );
  }
  if (!res.ok)
    throw new Error(`${name}: the server answered ${res.status} ${res.statusText}`.trim());
  // The length of what is sent: compressed, when the server compresses, so only compared then
  // with what arrived when it does not.
  const total = Number(res.headers.get('content-length')) || 0;
  const exact = total > 0 && !res.headers.get('content-encoding');
  const tooLarge = exact ? tooLargeToRead(name, total) : null;
  if (tooLarge !== null) {
    void res.body?.cancel();
    throw new Error(tooLarge);
  }
  if (!res.body) return res.arrayBuffer();
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let done = 0;
  const cutShort = (why: string) =>
    new Error(
      `${name}: the download was cut short after ${mb(done)}${exact ? ` of ${mb(total)}` : ''} (${why}). Try again; if it happens again, the server or the connection drops it.`,
    );
  try {
    for (;;) {
      const step = await reader.read();
      if (step.done) break;
      chunks.push(step.value);
      done += step.value.byteLength;
      onProgress({ phase: 'download', done, total: Math.max(total, done) });
    }
  } catch (err) {
    if (signal.aborted) throw new ImportCancelled();
    throw cutShort(err instanceof Error ? err.message : String(err));
  }
  if (exact && done < total) throw cutShort('the server sent less than it announced');
  const bytes = new Uint8Array(done);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return bytes.buffer;
}
