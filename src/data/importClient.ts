// Runs one import in a worker: a fresh one, or the one index.html started for the page's link
// (./earlyData.ts). Cancelling terminates the worker at once, whatever it is doing (a worker busy
// mapping 100,000 rows would not read a "cancel" message until it is done).
import type { ColumnMapping, ColumnPreview } from '../formats';
import { ImportCancelled, type ImportProgress } from './download';
import type { EarlyImport } from './earlyData';
import type {
  ImportOutcome,
  ImportReply,
  ImportRequest,
  ImportSource,
  MappingRequest,
  RowCount,
} from './importProtocol';
import { DatasetReceiver } from './datasetParts';

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

/** What a worker's import ends with: an outcome, or a file for the page to read itself. */
export type ImportAnswer = { outcome: ImportOutcome } | { source: ImportSource };

/** Starts one import in a fresh worker. */
export function startImport(
  source: ImportSource,
  onProgress: (p: ImportProgress) => void,
  choices: ImportChoices = {},
): RunningImport {
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  const running = listen(worker, onProgress, choices);
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
    ...running,
    result: running.result.then((answer) => {
      if ('outcome' in answer) return answer.outcome;
      throw new Error('the import worker gave the file back');
    }),
  };
}

/**
 * The import that index.html started for the page's link (./earlyData.ts): what the worker
 * answered so far, then the rest as it comes. Null when that worker never started (its script
 * failed to load): the page then loads the link itself.
 */
export function adoptImport(
  early: EarlyImport,
  onProgress: (p: ImportProgress) => void,
  choices: ImportChoices = {},
): { result: Promise<ImportAnswer>; cancel: () => void } | null {
  if (early.failure !== undefined && early.replies.length === 0) {
    early.worker.terminate();
    return null;
  }
  return listen(early.worker, onProgress, choices, early);
}

/** Follows a worker's import to its end; `early`: replies it sent before anyone listened. */
function listen(
  worker: Worker,
  onProgress: (p: ImportProgress) => void,
  choices: ImportChoices,
  early?: EarlyImport,
): { result: Promise<ImportAnswer>; cancel: () => void } {
  let settle: { resolve: (a: ImportAnswer) => void; reject: (e: Error) => void } | undefined;
  const result = new Promise<ImportAnswer>((resolve, reject) => {
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
  const hear = (reply: ImportReply) => {
    if (reply.type === 'progress') onProgress(reply);
    else if (reply.type === 'part') {
      if (!settle) return;
      receiver ??= new DatasetReceiver();
      onProgress({ phase: 'receive', ...receiver.take(reply.part) });
      worker.postMessage({ type: 'ack' } satisfies MappingRequest);
    } else if (reply.type === 'columns') choices.onColumns?.(session(reply.preview));
    else if (reply.type === 'count') {
      if (reply.seq === seq) counted?.(reply);
    } else if (reply.type === 'source') {
      settle?.resolve({ source: reply.source });
      finish();
    } else if (reply.type === 'done') {
      try {
        const outcome = reply.parts ? assemble(reply.outcome, receiver) : reply.outcome;
        settle?.resolve({ outcome });
      } catch (err) {
        settle?.reject(err instanceof Error ? err : new Error(String(err)));
      }
      finish();
    } else {
      settle?.reject(new Error(reply.message));
      finish();
    }
  };
  const stopped = (message: string) => {
    settle?.reject(new Error(`the import stopped: ${message}`));
    finish();
  };
  worker.onmessage = (e: MessageEvent<ImportReply>) => hear(e.data);
  worker.onerror = (e) => {
    e.preventDefault();
    stopped(e.message || 'the worker failed');
  };
  if (early) {
    for (const reply of early.replies.splice(0)) hear(reply);
    if (early.failure !== undefined) stopped(early.failure);
  }
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
