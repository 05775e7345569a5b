// Runs one import in a fresh worker. Cancelling terminates the worker at once, whatever it is
// doing (a worker busy mapping 100,000 rows would not read a "cancel" message until it is done).
import { takeEarlyResponse } from './earlyData';
import { tooLargeToRead } from './sizeLimit';
import type { ColumnMapping, ColumnPreview } from '../formats';
import type {
  ImportOutcome,
  ImportPhase,
  ImportReply,
  ImportRequest,
  ImportSource,
  MappingRequest,
  RowCount,
} from './importProtocol';
import { megabytes as mb } from './megabytes';
import { DatasetReceiver } from './datasetParts';

export interface ImportProgress {
  /** `prepare`: the views' first draw of a large dataset, made ahead (prepareViews.ts). */
  phase: ImportPhase | 'download' | 'prepare';
  done: number;
  total: number;
}

export class ImportCancelled extends Error {
  constructor() {
    super('Loading was cancelled.');
    this.name = 'ImportCancelled';
  }
}

export interface RunningImport {
  result: Promise<ImportOutcome>;
  cancel: () => void;
}

/** The worker waiting in the column-mapping step: ask it to count, or to load. */
export interface MappingSession {
  preview: ColumnPreview;
  /** How many rows a mapping would load; only the latest question is answered. */
  count: (columns: ColumnMapping) => Promise<RowCount | null>;
  load: (columns: ColumnMapping) => void;
}

export interface ImportChoices {
  /** A mapping to read a table with (from a link). */
  columns?: ColumnMapping;
  /** Called instead of importing when the worker is unsure of a table's columns. */
  onColumns?: (session: MappingSession) => void;
  /** Ask even when the columns were recognised (the user asked to choose them). */
  always?: boolean;
}

export function startImport(
  source: ImportSource,
  onProgress: (p: ImportProgress) => void,
  choices: ImportChoices = {},
): RunningImport {
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  let settle: { resolve: (o: ImportOutcome) => void; reject: (e: Error) => void } | undefined;
  const result = new Promise<ImportOutcome>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const finish = () => {
    worker.terminate();
    settle = undefined;
  };
  let seq = 0;
  let counted: ((c: RowCount | null) => void) | undefined;
  const session = (preview: ColumnPreview): MappingSession => ({
    preview,
    count: (columns) => {
      counted?.(null);
      seq++;
      worker.postMessage({ type: 'count', seq, columns } satisfies MappingRequest);
      return new Promise((resolve) => {
        counted = resolve;
      });
    },
    load: (columns) => {
      counted?.(null);
      worker.postMessage({ type: 'load', columns } satisfies MappingRequest);
    },
  });
  let receiver: DatasetReceiver | undefined;
  worker.onmessage = (e: MessageEvent<ImportReply>) => {
    const reply = e.data;
    if (reply.type === 'progress') onProgress(reply);
    else if (reply.type === 'part') {
      if (!settle) return;
      receiver ??= new DatasetReceiver();
      onProgress({ phase: 'receive', ...receiver.take(reply.part) });
      worker.postMessage({ type: 'ack' } satisfies MappingRequest);
    } else if (reply.type === 'columns') choices.onColumns?.(session(reply.preview));
    else if (reply.type === 'count') {
      if (reply.seq === seq) counted?.(reply);
    } else if (reply.type === 'done') {
      try {
        settle?.resolve(reply.parts ? assemble(reply.outcome, receiver) : reply.outcome);
      } catch (err) {
        settle?.reject(err instanceof Error ? err : new Error(String(err)));
      }
      finish();
    } else {
      settle?.reject(new Error(reply.message));
      finish();
    }
  };
  worker.onerror = (e) => {
    e.preventDefault();
    settle?.reject(new Error(`the import stopped: ${e.message || 'the worker failed'}`));
    finish();
  };
  const baseUrl = new URL(import.meta.env.BASE_URL, window.location.href).href;
  const transfer = source.kind === 'buffer' ? [source.buffer] : [];
  const request: ImportRequest = {
    type: 'import',
    source,
    baseUrl,
    ...(choices.columns && { columns: choices.columns }),
    ...(choices.onColumns && { ask: choices.always ? 'always' : 'unsure' }),
  };
  worker.postMessage(request, transfer);
  return {
    result,
    cancel: () => {
      settle?.reject(new ImportCancelled());
      finish();
    },
  };
}

/** The outcome with the dataset and the problems that came in parts. */
function assemble(outcome: ImportOutcome, receiver: DatasetReceiver | undefined): ImportOutcome {
  if (!receiver) throw new Error('the import worker sent no dataset');
  const { dataset, problems } = receiver.finish();
  return { ...outcome, dataset, report: { ...outcome.report, problems } };
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
    const opaque = await fetch(url, { mode: 'no-cors', redirect: 'manual', signal });
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
    res = await (takeEarlyResponse(url, signal) ?? fetch(url, { signal }));
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
