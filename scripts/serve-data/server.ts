// The HTTP side of the query service: a few GET paths (README of the service: docs/i15-duckdb.md),
// JSON in and out, each request on its own DuckDB connection and stopped (`interrupt`) when it
// runs past the time limit. Every failure is a JSON answer with a status: 400 for a request that
// is wrong (saying which parameter and why), 404 for an unknown path or event, 405 for a method
// other than GET, 503 for a query stopped at the time limit, 500 for anything else (logged). The
// process never stops on a request.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EventsDatabase } from './database';
import {
  countUnder,
  eventById,
  events,
  exportCsvChunks,
  facets,
  listPage,
  summary,
  textHits,
} from './queries';
import {
  BadRequest,
  DEFAULT_EXPORT_CAP,
  MAX_PAGE,
  MAX_ROWS,
  readEventsQuery,
  readExportQuery,
  readFiltersQuery,
  readListQuery,
  readNoParams,
  readTextQuery,
} from './request';
import { isSlug } from '../../src/model/ids';

export interface ServiceOptions {
  /** Origins allowed to read the answers (CORS); `*` for any. */
  origins: readonly string[];
  /** How long one request's query may run, in ms, before it is stopped. */
  timeoutMs: number;
  /** The most events one export holds (default 1,000,000); above it, a 413. */
  exportCap?: number;
  /** How long an export may stream, in ms (default ten minutes). */
  exportTimeoutMs?: number;
  log?: (line: string) => void;
}

export const API = '/api/v1';

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

class Timeout extends Error {}

type Handler = (
  db: EventsDatabase,
  url: URL,
  run: Runner,
  opts: ServiceOptions,
) => Promise<unknown>;
type Runner = <T>(
  work: (c: Awaited<ReturnType<EventsDatabase['connect']>>) => Promise<T>,
) => Promise<T>;

const ROUTES: Record<string, Handler> = {
  // Worked out once, when the service starts (startService): every page opens with it.
  [`${API}/summary`]: async (db, url, _run, opts) => {
    readNoParams(url.searchParams);
    const made = summaries.get(db);
    if (!made) throw new Error('the summary was not made at start');
    // What a client may ask for, so a page can say a limit before it meets it.
    const limits = { eventsRows: MAX_ROWS, listPage: MAX_PAGE, exportRows: exportCap(opts) };
    return { ...((await made) as object), limits };
  },
  [`${API}/list`]: (_db, url, run) => {
    const q = readListQuery(url.searchParams);
    return run((c) => listPage(c, q));
  },
  [`${API}/events`]: (_db, url, run) => {
    const q = readEventsQuery(url.searchParams);
    return run((c) => events(c, q));
  },
  [`${API}/facets`]: (_db, url, run) => {
    const f = readFiltersQuery(url.searchParams);
    return run((c) => facets(c, f));
  },
  [`${API}/text`]: (_db, url, run) => {
    const { q, limit } = readTextQuery(url.searchParams);
    return run((c) => textHits(c, q, limit));
  },
};

const EVENT_PATH = `${API}/event/`;
const EXPORT_PATH = `${API}/export`;

const exportCap = (opts: ServiceOptions) => opts.exportCap ?? DEFAULT_EXPORT_CAP;

const summaries = new WeakMap<EventsDatabase, Promise<unknown>>();

async function eventHandler(id: string, url: URL, run: Runner) {
  if (!isSlug(id)) throw new BadRequest(`event id ${JSON.stringify(id.slice(0, 40))} is not an id`);
  const f = readFiltersQuery(url.searchParams);
  const row = await run((c) => eventById(c, id, f));
  if (!row) throw new HttpError(404, `no event has the id "${id}"`);
  return row;
}

function corsHeaders(req: IncomingMessage, origins: readonly string[]): Record<string, string> {
  const origin = req.headers.origin;
  if (!origin) return {};
  if (origins.includes('*')) return { 'access-control-allow-origin': '*' };
  if (origins.includes(origin)) return { 'access-control-allow-origin': origin, vary: 'Origin' };
  return { vary: 'Origin' };
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string>,
): void {
  sendText(res, status, JSON.stringify(body), headers);
}

function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string>,
): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

/** Answers kept (JSON text by path and query), at most this many characters in all. */
const CACHE_CHARS = 64 * 1024 * 1024;
/** An answer longer than this is not kept. */
const CACHE_ONE = 4 * 1024 * 1024;

/**
 * The answers already given, by path and query (the database is read-only, so an answer never
 * goes stale): a page asking again (Back, a filter ticked and unticked, a second page on the same
 * view) is answered without a query. Least recently used first out.
 */
class AnswerCache {
  private answers = new Map<string, string>();
  private chars = 0;
  get(key: string): string | undefined {
    const text = this.answers.get(key);
    if (text !== undefined) {
      this.answers.delete(key);
      this.answers.set(key, text);
    }
    return text;
  }
  set(key: string, text: string): void {
    if (text.length > CACHE_ONE || this.answers.has(key)) return;
    this.answers.set(key, text);
    this.chars += text.length;
    for (const [k, t] of this.answers) {
      if (this.chars <= CACHE_CHARS) break;
      this.answers.delete(k);
      this.chars -= t.length;
    }
  }
}

/** The client went away before its answer: its query was stopped, nothing is sent. */
class ClientGone extends Error {}

/** A handler for node:http serving `db`. */
export function requestListener(db: EventsDatabase, opts: ServiceOptions) {
  const log = opts.log ?? (() => {});
  const cache = new AnswerCache();
  /** Runs a request's queries on its own connection: stopped at the time limit, or when the
   * client goes away (a page that asked again aborts its older question). */
  const runner =
    (res: ServerResponse): Runner =>
    async (work) => {
      const c = await db.connect();
      let timedOut = false;
      let gone = false;
      const timer = setTimeout(() => {
        timedOut = true;
        c.interrupt();
      }, opts.timeoutMs);
      const onClose = () => {
        if (res.writableFinished) return;
        gone = true;
        c.interrupt();
      };
      res.once('close', onClose);
      try {
        const result = await work(c);
        // An interrupt that came between two statements stops nothing: the answer is late anyway.
        if (timedOut) throw new Timeout();
        if (gone) throw new ClientGone();
        return result;
      } catch (err) {
        if (timedOut) throw new Timeout();
        if (gone) throw new ClientGone();
        throw err;
      } finally {
        clearTimeout(timer);
        res.off('close', onClose);
        c.closeSync();
      }
    };
  return async (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    const cors = corsHeaders(req, opts.origins);
    const run = runner(res);
    let status = 200;
    let cached = false;
    try {
      if (req.method === 'OPTIONS') {
        res.writeHead(204, {
          ...cors,
          'access-control-allow-methods': 'GET',
          'access-control-max-age': '600',
        });
        res.end();
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD')
        throw new HttpError(405, `${req.method} is not served here; use GET`);
      let url: URL;
      try {
        url = new URL(req.url ?? '/', 'http://service.invalid');
      } catch {
        throw new BadRequest('the request path is not a URL path');
      }
      const route = ROUTES[url.pathname];
      let body: unknown;
      if (url.pathname === EXPORT_PATH) {
        await exportCsv(db, url, res, cors, { ...opts, run });
        return;
      }
      const key = `${url.pathname}${url.search}`;
      const known = cache.get(key);
      if (known !== undefined) {
        cached = true;
        sendText(res, 200, known, cors);
        return;
      }
      if (route) body = await route(db, url, run, opts);
      else if (url.pathname.startsWith(EVENT_PATH)) {
        let id: string;
        try {
          id = decodeURIComponent(url.pathname.slice(EVENT_PATH.length));
        } catch {
          throw new BadRequest('the event id is not valid percent-encoding');
        }
        body = await eventHandler(id, url, run);
      } else
        throw new HttpError(
          404,
          `no such path: ${url.pathname.slice(0, 80)}; the paths are ${[...Object.keys(ROUTES), EXPORT_PATH].join(', ')} and ${EVENT_PATH}<id>`,
        );
      const text = JSON.stringify(body);
      cache.set(key, text);
      sendText(res, 200, text, cors);
    } catch (err) {
      if (err instanceof ClientGone) {
        status = 499;
        res.destroy();
        return;
      }
      if (err instanceof BadRequest) status = 400;
      else if (err instanceof HttpError) status = err.status;
      else if (err instanceof Timeout) status = 503;
      else status = 500;
      const message =
        err instanceof Timeout
          ? `the query ran longer than ${opts.timeoutMs} ms and was stopped; narrow the filters or the window`
          : status === 500
            ? 'the query failed on the server (see its log)'
            : (err as Error).message;
      if (status === 500) log(`error on ${req.url}: ${(err as Error).stack ?? err}`);
      if (!res.headersSent) send(res, status, { error: message, status }, cors);
      else res.destroy();
    } finally {
      log(
        `${req.method} ${req.url?.slice(0, 200)} ${status} ${Math.round(performance.now() - started)} ms${cached ? ' (kept)' : ''}`,
      );
    }
  };
}

/**
 * `/export`: the events under the filters as Dateline CSV, streamed a chunk at a time as DuckDB
 * reads them (a million rows never sit in memory), waiting for the client between chunks.
 * Counted first: above the cap, a 413 saying how many and what the cap is, before any row.
 * A client that goes away stops the query.
 */
async function exportCsv(
  db: EventsDatabase,
  url: URL,
  res: ServerResponse,
  cors: Record<string, string>,
  opts: ServiceOptions & { run: Runner },
): Promise<void> {
  const f = readExportQuery(url.searchParams);
  const cap = exportCap(opts);
  const n = await opts.run((c) => countUnder(c, f));
  if (n > cap)
    throw new HttpError(
      413,
      `the filters let through ${n.toLocaleString('en')} events; an export holds at most ${cap.toLocaleString('en')}: narrow the filters`,
    );
  const c = await db.connect();
  let stopped = false;
  const stop = () => {
    stopped = true;
    c.interrupt();
  };
  const timer = setTimeout(stop, opts.exportTimeoutMs ?? 600_000);
  res.once('close', () => {
    if (!res.writableFinished) stop();
  });
  try {
    for await (const text of exportCsvChunks(c, f)) {
      if (stopped) break;
      if (!res.headersSent)
        res.writeHead(200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': 'attachment; filename="dateline-export.csv"',
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
          'x-event-count': String(n),
          'access-control-expose-headers': 'x-event-count',
          ...cors,
        });
      // Back-pressure: the next chunk is read once the client has taken this one.
      if (!res.write(text)) await new Promise((ok) => res.once('drain', ok).once('close', ok));
    }
    if (stopped && !res.headersSent) throw new Timeout();
    // Cut off part way (time limit or client gone): no end, so no client takes it as whole.
    if (stopped) res.destroy();
    else res.end();
  } finally {
    clearTimeout(timer);
    c.closeSync();
  }
}

/** Starts the service on `host:port` (port 0: any free port); resolves once it listens. */
export async function startService(
  db: EventsDatabase,
  opts: ServiceOptions & { host: string; port: number },
): Promise<{ server: Server; url: string }> {
  if (!summaries.has(db)) {
    const c = await db.connect();
    try {
      summaries.set(db, Promise.resolve(await summary(c)));
    } finally {
      c.closeSync();
    }
  }
  const server = createServer(requestListener(db, opts));
  // A slow or stalled client must not hold a connection for ever.
  server.requestTimeout = opts.timeoutMs + 5000;
  server.headersTimeout = 10_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      const { port } = server.address() as AddressInfo;
      const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
      resolve({ server, url: `http://${host}:${port}` });
    });
  });
}
