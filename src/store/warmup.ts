// Each dataset shown gets its own text search, and the previous one's worker is stopped. After a
// large dataset is shown, its text goes to the search worker, which builds the index, a slice at
// a time while the page is idle, so the first search does not wait for all of it. (A query
// before then starts it at once.)
import type { Dataset } from '../model/dataset';
import type { AppStore } from './index';

/** After the first paint of the views, which the slices would otherwise delay. */
const AFTER_PAINT_MS = 300;

export function startWarmup(store: AppStore): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const { textSearch } = store.getState().services;
  const warm = (dataset: Dataset | null) => {
    clearTimeout(timer);
    if (!dataset) return textSearch.drop();
    const search = textSearch.of(dataset);
    timer = setTimeout(() => search.warm(), AFTER_PAINT_MS);
  };
  warm(store.getState().dataset);
  const stop = store.subscribe((s) => s.dataset, warm);
  return () => {
    clearTimeout(timer);
    stop();
  };
}
