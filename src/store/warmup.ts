// Each dataset shown gets its own text search, and the previous one's worker is stopped. After a
// large dataset is shown, its text goes to the search worker, which builds the index, a slice at
// a time while the page is idle, so the first search does not wait for all of it. (A query
// before then starts it at once.) The map from each event's id to its row is made then too, in
// slices, which the first selection would otherwise wait for (~0.5 s at 1,000,000 events), and
// the filters are run over a few thousand of its events so that V8 has compiled them before the
// user's first change (model/filter/warmFilters.ts).
import type { Dataset } from '../model/dataset';
import { columnsOf } from '../model/eventColumns';
import { eventIndexOf } from '../model/filter/eventIndex';
import { warmFiltersSteps } from '../model/filter/warmFilters';
import { nextTask } from '../model/load';
import { runStepsInSlices } from '../model/steps';
import type { AppStore } from './index';

/** After the first paint of the views, which the slices would otherwise delay. */
const AFTER_PAINT_MS = 300;
/** A slice of the id map's making: short, so that a click waits for little of it. */
const ROWS_SLICE_MS = 8;

/** Resolves when the page is next idle (in a new task where there is no idle callback). */
function idleTurn(): Promise<void> {
  if (typeof requestIdleCallback !== 'function') return nextTask();
  return new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: 2000 }));
}

export function startWarmup(store: AppStore): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let rows: AbortController | undefined;
  const { textSearch } = store.getState().services;
  const warm = (dataset: Dataset | null) => {
    clearTimeout(timer);
    rows?.abort();
    if (!dataset) return textSearch.drop();
    const search = textSearch.of(dataset);
    const made = new AbortController();
    rows = made;
    timer = setTimeout(() => {
      search.warm();
      // Only while the page is idle: the views' first drawing and the user's input come first.
      idleTurn()
        .then(() => {
          made.signal.throwIfAborted();
          return runStepsInSlices(columnsOf(dataset).rowsSteps(), {
            sliceMs: ROWS_SLICE_MS,
            signal: made.signal,
            turn: idleTurn,
          });
        })
        .then(() => {
          // A query source's dataset holds only what the views were sent: its filters run there.
          if (store.getState().remote) return;
          return runStepsInSlices(warmFiltersSteps(eventIndexOf(dataset)), {
            sliceMs: ROWS_SLICE_MS,
            signal: made.signal,
            turn: idleTurn,
          });
        })
        .catch((err: unknown) => {
          // Stopped because another dataset is shown: nothing to do. Anything else is a fault.
          if (!made.signal.aborted) throw err;
        });
    }, AFTER_PAINT_MS);
  };
  warm(store.getState().dataset);
  const stop = store.subscribe((s) => s.dataset, warm);
  return () => {
    clearTimeout(timer);
    rows?.abort();
    stop();
  };
}
