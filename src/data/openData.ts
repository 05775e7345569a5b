// Every way a dataset is opened ends here: the bundled one, a ?data= URL, a dataset kept in this
// browser (`local:<id>`), a file picked or dropped, pasted text. Reading, detecting and
// validating happen in a worker (./import.worker.ts) while the page shows progress and can
// cancel; Dateline's own JSON is read on the page in slices instead (./importOnPage.ts). A
// dataset opened from a file or text is kept in IndexedDB, so the link still works
// after a reload. One load at a time per store: the one in progress is the store's `importing`,
// and a new one cancels it.
import { t } from '../i18n';
import { formatCount } from '../model/readerLocale';
import type { ColumnMapping } from '../formats';
import type { LoadReport } from '../model/dataset';
import { groupProblems, mostFailedColumn } from '../model/problemGroups';
import { groupParts, partsText, sentenceOf, type Translate } from '../model/problemText';
import { appStore, type AppStore } from '../store';
import { buildViewState, DEFAULT_VIEW_STATE } from '../url/viewState';
import { adoptImport, startImport, type MappingSession } from './importClient';
import { download, ImportCancelled, type ImportProgress } from './download';
import { takeEarlyImport, type EarlyImport } from './earlyData';
import type { ImportOutcome, ImportSource } from './importProtocol';
import { defaultDatasetUrl, fileNameOf, SEED_DATASET_URL } from './datasetUrl';
import { importOnPage } from './importOnPage';
import { getLocalDataset, listLocalDatasets, saveLocalDataset } from './localDatasets';
import { LOCAL_PREFIX, localIdOf, newLocalId } from './localRef';
import { rememberColumns, rememberedColumns } from './rememberedColumns';
import { capMessage, quote } from '../model/quote';
import { tooLargeToRead } from './sizeLimit';
import { megabytes } from './megabytes';
import { prepareViews } from './prepareViews';
import { readPageData } from '../standalone/pageData';
import { STANDALONE } from '../standalone/mode';

const PROGRESS_EVERY_MS = 80;

/** "1,204 events loaded, 3 rejected". */
export function loadSummary(accepted: number, rejected: number): string {
  return t('report.summary', {
    count: accepted,
    n: formatCount(accepted, true),
    rejected: formatCount(rejected, true),
  });
}

/** How to read a table's columns: a mapping given in a link, or ask even when sure. */
export interface ReadChoices {
  columns?: ColumnMapping;
  always?: boolean;
  /** The import index.html started for the link (./earlyData.ts), for the first try only. */
  early?: EarlyImport | null;
}

/**
 * The column-mapping step, for a table the worker is unsure of: a mapping remembered for this
 * header loads at once (unless the user asked to choose); otherwise the page asks.
 */
function chooseColumns(
  store: AppStore,
  label: string,
  always: boolean,
  cancel: () => void,
): (session: MappingSession) => void {
  return (session) => {
    const { headerHash } = session.preview;
    const remembered = always ? null : rememberedColumns(headerHash);
    if (remembered) {
      session.load(remembered);
      return;
    }
    store.getState().setColumnStep({
      label,
      preview: session.preview,
      count: session.count,
      load: (columns) => {
        rememberColumns(headerHash, columns);
        store.getState().setColumnStep(null);
        session.load(columns);
      },
      cancel: () => {
        store.getState().setColumnStep(null);
        cancel();
      },
    });
  };
}

/**
 * How long a load may show no progress before the page says it may have stopped. A worker that
 * dies sends nothing, and a server that never answers neither; one step of a very large file
 * (parsing 200 MB of JSON) can also take this long, so the load is not stopped: the user chooses.
 */
export const STALL_MS = 20_000;
const WATCH_EVERY_MS = 1_000;

/** Thrown into a load the user asked to start again. */
class RetryLoad extends Error {}

/** How the views' first draw of a large dataset is made ahead (./prepareViews.ts): its filters. */
type Prepare = Parameters<typeof prepareViews>[2];

/**
 * Reads a source in the worker, showing progress; resolves null when cancelled. When nothing
 * moves for `STALL_MS`, the progress says so and offers Retry (a fresh download and worker).
 */
async function read(
  store: AppStore,
  label: string,
  getSource: (
    onProgress: (p: ImportProgress) => void,
    signal: AbortSignal,
  ) => Promise<ImportSource>,
  choices: ReadChoices = {},
  prepare?: Prepare,
): Promise<ImportOutcome | null> {
  for (let first = true; ; first = false) {
    try {
      return await readOnce(
        store,
        label,
        getSource,
        first ? choices : { ...choices, early: null },
        prepare,
      );
    } catch (err) {
      if (!(err instanceof RetryLoad)) throw err;
    }
  }
}

async function readOnce(
  store: AppStore,
  label: string,
  getSource: Parameters<typeof read>[2],
  choices: ReadChoices,
  prepare: Prepare | undefined,
): Promise<ImportOutcome | null> {
  store.getState().importing?.cancel();
  const controller = new AbortController();
  let cancelWorker: (() => void) | undefined;
  let stop: ((err: Error) => void) | undefined;
  const stopped = new Promise<never>((_, reject) => {
    stop = reject;
  });
  // Cancel may come after the load has ended (a later load cancels "the current one").
  stopped.catch(() => undefined);
  const end = (err: Error) => {
    // First: the load ends with this reason, not with the cancelled worker's.
    stop?.(err);
    controller.abort();
    cancelWorker?.();
  };
  const cancel = () => end(new ImportCancelled());
  const retry = () => end(new RetryLoad());
  let shown: ImportProgress = { phase: 'read', done: 0, total: 0 };
  let lastMove = performance.now();
  let lastShown = 0;
  const show = (p: ImportProgress, stalled?: number) =>
    store.getState().setImporting({
      label,
      ...p,
      cancel,
      ...(stalled !== undefined && { stalled: { since: stalled, retry } }),
    });
  const onProgress = (p: ImportProgress) => {
    // A cancelled load's progress would take the place of the next load's.
    if (controller.signal.aborted) return;
    const now = performance.now();
    const wasStalled = store.getState().importing?.stalled !== undefined;
    lastMove = now;
    shown = p;
    if (!wasStalled && now - lastShown < PROGRESS_EVERY_MS && p.done < p.total) return;
    lastShown = now;
    show(p);
  };
  const watchdog = setInterval(() => {
    const now = performance.now();
    // The column-mapping step waits for the user, not for the worker.
    if (store.getState().columnStep) lastMove = now;
    const current = store.getState().importing;
    if (current?.cancel !== cancel || current.stalled) return;
    if (now - lastMove >= STALL_MS) show(shown, lastMove);
  }, WATCH_EVERY_MS);
  show(shown);
  const workerChoices = {
    ...(choices.columns && { columns: choices.columns }),
    ...(choices.always && { always: true }),
    onColumns: chooseColumns(store, label, !!choices.always, cancel),
  };
  try {
    let outcome: ImportOutcome | null = null;
    let source: ImportSource | null = null;
    // The link's file may be on its way already, read by the worker index.html started.
    const early = choices.early ? adoptImport(choices.early, onProgress, workerChoices) : null;
    if (early) {
      cancelWorker = early.cancel;
      const answer = await Promise.race([early.result, stopped]);
      if ('outcome' in answer) outcome = answer.outcome;
      else source = answer.source;
    }
    if (!outcome) {
      source ??= await Promise.race([getSource(onProgress, controller.signal), stopped]);
      if (controller.signal.aborted) throw new ImportCancelled();
      // Marks for `npm run bench` and the browser's performance panel.
      performance.mark('dateline:fetched');
      outcome = await Promise.race([importOnPage(source, onProgress, controller.signal), stopped]);
      if (!outcome) {
        const running = startImport(source, onProgress, workerChoices);
        cancelWorker = running.cancel;
        outcome = await Promise.race([running.result, stopped]);
      }
    }
    performance.mark('dateline:parsed'); // read, mapped and validated
    // Still a step of the load: its progress shows, and Cancel is heard between its slices.
    const { dataset } = outcome;
    if (prepare && dataset && dataset.events.length > 0)
      await Promise.race([
        prepareViews(store, dataset, prepare, {
          onProgress: (done, total) => onProgress({ phase: 'prepare', done, total }),
          signal: controller.signal,
        }),
        stopped,
      ]);
    return outcome;
  } catch (err) {
    if (err instanceof ImportCancelled) return null;
    throw err;
  } finally {
    clearInterval(watchdog);
    if (store.getState().importing?.cancel === cancel) {
      store.getState().setImporting(null);
      store.getState().setColumnStep(null);
    }
  }
}

function fromUrl(url: string, name: string) {
  return async (onProgress: (p: ImportProgress) => void, signal: AbortSignal) => ({
    kind: 'buffer' as const,
    buffer: await download(url, name, onProgress, signal),
    name,
    url: new URL(url, location.href).href,
  });
}

function sourceFor(ref: string | null) {
  const localId = ref === null ? null : localIdOf(ref);
  if (localId !== null) {
    return async (): Promise<ImportSource> => {
      const kept = await getLocalDataset(localId).catch(() => null);
      if (!kept) throw new Error(t('open.notKeptHere'));
      return { kind: 'blob', blob: kept.blob, name: kept.meta.name };
    };
  }
  if (ref === null) {
    // A standalone page holds its dataset (standalone/pageData.ts), and has no other to fetch.
    const inPage = readPageData();
    if (inPage) return async (): Promise<ImportSource> => ({ kind: 'text', ...inPage });
    if (STANDALONE)
      return async (): Promise<ImportSource> => {
        throw new Error('This standalone page holds no dataset.');
      };
  }
  const url = ref ?? defaultDatasetUrl();
  return fromUrl(url, fileNameOf(url));
}

function labelFor(ref: string | null): string {
  if (ref === null) {
    const url = defaultDatasetUrl();
    return readPageData()?.name ?? (url === SEED_DATASET_URL ? t('open.bundled') : fileNameOf(url));
  }
  if (ref.startsWith(LOCAL_PREFIX)) return t('open.saved');
  return fileNameOf(ref);
}

/**
 * The first dataset of the page: the app shows a status until it is ready or has failed.
 * `columns` is a link's `cols=` mapping for a table. `loaded` runs once, as soon as the dataset
 * is in the store and before the views can draw it (they render a microtask later): the link's
 * filters and selection then reach the views with the dataset, so their first window (the
 * timeline's fit, the map's bounds) is the link's, whatever the order of loading and rendering.
 */
export async function openInitial(
  ref: string | null,
  store: AppStore = appStore,
  columns?: ColumnMapping,
  loaded?: () => void,
) {
  let tell = loaded;
  store.getState().setDataUrl(ref);
  // Taken now, before anything waits: main.tsx drops what is not taken once this returns.
  const early = ref !== null && !columns ? takeEarlyImport(ref) : null;
  const open = async (choices: ReadChoices) => {
    try {
      const outcome = await read(store, labelFor(ref), sourceFor(ref), choices, 'keep');
      if (!outcome) {
        store.getState().setLoadFailed(t('open.cancelled'));
        return;
      }
      const remap = outcome.mappable ? () => void open({ always: true }) : null;
      if (outcome.dataset && outcome.dataset.events.length === 0) {
        const rejected = { report: outcome.report, formatName: outcome.formatName };
        store.getState().setRejectedLoad(remap ? { ...rejected, remap } : rejected);
        store.getState().setLoadFailed(nothingLoaded(outcome.report), outcome.report);
        return;
      }
      performance.mark('dateline:loaded'); // the views draw it from here
      store.getState().setRejectedLoad(null);
      store.getState().setLoaded(outcome.dataset, outcome.report, outcome.formatName);
      store.getState().setReadWith(outcome.columns ?? null, remap);
    } catch (err) {
      store.getState().setLoadFailed(capMessage(err instanceof Error ? err.message : String(err)));
      return;
    }
    tell?.();
    tell = undefined;
  };
  await open(columns ? { columns } : { early });
}

/** The app's words for the problem text (model/problemText.ts). */
const translate: Translate = (key, values) => t(key, values ?? {});

/** "0 of 5,725 rows loaded: 5,725 rows · column event_date: “31-12-19” is not a date (e.g. …)". */
export function nothingLoaded(report: LoadReport): string {
  const top = groupProblems(report.problems).find((g) => g.severity === 'error');
  const rows = report.eventsRejected;
  if (rows === 0) return t('open.noRows', { file: report.file });
  const values = { file: report.file, n: formatCount(rows, true), count: rows };
  return top
    ? t('open.noneLoadedWhy', { ...values, why: partsText(groupParts(top, translate), translate) })
    : t('open.noneLoaded', values);
}

function announce(store: AppStore, outcome: ImportOutcome) {
  const { report } = outcome;
  // The mapping step is offered when most rows failed, most of them at one column.
  const mostFailed = report.eventsRejected > report.eventsAccepted;
  const column = mostFailed ? mostFailedColumn(report.problems, report.eventsRejected) : null;
  const remap = store.getState().remap;
  const text = t('open.opened', {
    file: quote(report.file),
    format: outcome.formatName,
    summary: loadSummary(report.eventsAccepted, report.eventsRejected),
  });
  if (column !== null && remap) {
    store.getState().notify({
      kind: 'warning',
      text: t('open.openedFailedAt', { opened: text, column }),
      action: { label: t('report.chooseColumns'), run: remap },
    });
    return;
  }
  store.getState().notify({
    kind: report.eventsRejected > 0 ? 'warning' : 'info',
    text,
    ...(report.problems.length > 0 && {
      action: { label: t('open.seeWhy'), run: () => store.getState().requestReport() },
    }),
  });
}

/**
 * Shows another dataset in place of the current one, which stays on screen until the new one is
 * ready (and stays if it fails: the failure becomes a notice). Returns whether it was shown.
 */
async function replaceWith(
  store: AppStore,
  label: string,
  getSource: Parameters<typeof read>[2],
  refFor: (outcome: ImportOutcome) => Promise<string | null>,
  history: 'push' | 'none',
  choices: ReadChoices = {},
): Promise<boolean> {
  let outcome: ImportOutcome | null;
  const again = () => void replaceWith(store, label, getSource, refFor, history, { always: true });
  try {
    outcome = await read(store, label, getSource, choices, 'none');
  } catch (err) {
    store.getState().notify({
      kind: 'warning',
      text: capMessage(err instanceof Error ? err.message : String(err)),
    });
    return false;
  }
  if (!outcome) return false;
  if (!outcome.dataset) {
    const problem = outcome.report.problems[0];
    const first = problem
      ? partsText([{ said: sentenceOf(problem) }], translate)
      : t('open.noEvent');
    store
      .getState()
      .notify({ kind: 'warning', text: capMessage(`${outcome.report.file}: ${first}`) });
    return false;
  }
  const remap = outcome.mappable ? again : null;
  if (outcome.dataset.events.length === 0) {
    // Nothing loaded: the open dataset stays, and the report says why.
    const base = { report: outcome.report, formatName: outcome.formatName };
    const rejected = remap ? { ...base, remap } : base;
    store.getState().setRejectedLoad(rejected);
    store.getState().notify({
      kind: 'warning',
      text: nothingLoaded(outcome.report),
      action: {
        label: t('open.seeWhy'),
        run: () => store.getState().setRejectedLoad({ ...rejected }),
      },
    });
    return false;
  }
  store.getState().setRejectedLoad(null);
  const ref = await refFor(outcome);
  store.getState().replaceDataset(outcome.dataset, outcome.report, outcome.formatName, ref);
  store.getState().setReadWith(outcome.columns ?? null, remap);
  if (history === 'push') {
    const search = buildViewState({
      ...DEFAULT_VIEW_STATE,
      data: ref,
      ...(outcome.columns && { cols: outcome.columns }),
    });
    window.history.pushState(null, '', `${window.location.pathname}${search}`);
  }
  announce(store, outcome);
  return true;
}

/** Whether an IndexedDB failure is the origin's storage being full. */
function isQuotaError(err: unknown): boolean {
  return err instanceof DOMException && (err.name === 'QuotaExceededError' || err.code === 22);
}

/** What fills the storage, for the user to choose what to remove: "a.csv (12.3 MB), …". */
async function keptList(): Promise<string> {
  const kept = await listLocalDatasets().catch(() => []);
  if (kept.length === 0) return t('open.keptNone');
  const total = kept.reduce((n, m) => n + m.bytes, 0);
  const biggest = [...kept].sort((a, b) => b.bytes - a.bytes).slice(0, 5);
  const names = biggest.map((m) => `${m.name} (${megabytes(m.bytes)})`).join(', ');
  const more = kept.length - biggest.length;
  const values = {
    names,
    more: formatCount(more),
    count: kept.length,
    n: formatCount(kept.length),
    total: megabytes(total),
  };
  return more > 0 ? t('open.keptMore', values) : t('open.kept', values);
}

/**
 * Keeps a file's bytes in this browser; its link is `local:<id>`. When the browser cannot keep
 * it, the link is still `local:<id>` (so a reload says the dataset is not here instead of opening
 * another one) and the store marks it unkept: the share buttons then say no link can carry it.
 */
async function keep(store: AppStore, blob: Blob, outcome: ImportOutcome): Promise<string> {
  const id = newLocalId();
  const ref = `${LOCAL_PREFIX}${id}`;
  try {
    await saveLocalDataset(
      {
        id,
        name: outcome.report.file,
        format: outcome.formatName,
        savedAt: new Date().toISOString(),
        bytes: blob.size,
        events: outcome.report.eventsAccepted,
        rejected: outcome.report.eventsRejected,
      },
      blob,
    );
    return ref;
  } catch (err) {
    store.getState().setUnkeptRef(ref);
    const file = `${quote(outcome.report.file)} (${megabytes(blob.size)})`;
    const text = isQuotaError(err)
      ? t('open.storageFull', { file, kept: await keptList() })
      : t('open.notKept', { file, reason: capMessage(reasonOf(err)) });
    store.getState().notify({ kind: 'warning', text });
    return ref;
  }
}

/** An error's reason for people, never empty. */
function reasonOf(err: unknown): string {
  if (err instanceof Error) return err.message || err.name || t('open.noReason');
  return String(err) || t('open.noReason');
}

export function openFile(file: File, store: AppStore = appStore) {
  const tooLarge = tooLargeToRead(file.name, file.size);
  if (tooLarge !== null) {
    store.getState().notify({ kind: 'warning', text: tooLarge });
    return Promise.resolve(false);
  }
  return replaceWith(
    store,
    file.name,
    async () => ({ kind: 'blob', blob: file, name: file.name }),
    (outcome) => keep(store, file, outcome),
    'push',
  );
}

export function openText(text: string, store: AppStore = appStore) {
  const name = t('open.pasted');
  return replaceWith(
    store,
    name,
    async () => ({ kind: 'text', text, name }),
    (outcome) => keep(store, new Blob([text], { type: 'text/plain' }), outcome),
    'push',
  );
}

/** A ?data= URL, a `local:<id>` reference, or null for the bundled dataset. */
export function openRef(
  ref: string | null,
  store: AppStore = appStore,
  history: 'push' | 'none' = 'push',
) {
  return replaceWith(store, labelFor(ref), sourceFor(ref), async () => ref, history);
}
