// After a large dataset is shown, builds what its first search will need (the text index) a
// slice at a time while the page is idle, so typing the first letter does not wait for it.
import type { Dataset } from '../model/dataset';
import { eventIndexOf } from '../model/filter/eventIndex';
import type { AppStore } from './index';

/** Below this many events the index builds in a blink on the first query. */
const WARM_FROM = 2000;
const AFTER_PAINT_MS = 300;

export function startWarmup(store: AppStore): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const warm = (dataset: Dataset | null) => {
    clearTimeout(timer);
    if (!dataset || dataset.events.length < WARM_FROM) return;
    timer = setTimeout(() => void eventIndexOf(dataset).warmText(), AFTER_PAINT_MS);
  };
  warm(store.getState().dataset);
  const stop = store.subscribe((s) => s.dataset, warm);
  return () => {
    clearTimeout(timer);
    stop();
  };
}
