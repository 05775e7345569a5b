// Before a large dataset is shown, what the views' first draw computes over every event is made
// ahead, in tasks of its own: the filters' first result (the store's memo keeps it) and the map's
// groups of events by place (kept per result). The task that shows the dataset then finds both
// made, instead of running every pass over every event at once.
import type { Dataset } from '../model/dataset';
import { NO_FILTERS } from '../model/filter/types';
import { nextTask } from '../model/load';
import type { AppStore } from '../store';
import { selectVisibleEvents } from '../store/selectors';
import { NO_TEXT } from '../store/textSlice';
import { groupByPlaceInSlices } from '../views/map/places';

/** Smaller datasets are shown at once: their passes are short. */
const LARGE = 20_000;

/**
 * Prepares the first draw of `dataset`, shown with the store's current filters (`keep`) or
 * with none (a dataset that replaces another starts unfiltered).
 */
export async function prepareViews(
  store: AppStore,
  dataset: Dataset,
  filters: 'keep' | 'none',
): Promise<void> {
  if (dataset.events.length < LARGE) return;
  await nextTask();
  const s = store.getState();
  // The state the dataset will be shown in, as far as the filters' result goes: the selector
  // keeps its answer in the store's memo, where the first draw finds it.
  const visible = selectVisibleEvents({
    ...s,
    dataset,
    filters: filters === 'keep' ? s.filters : NO_FILTERS,
    textShown: NO_TEXT,
  });
  await nextTask();
  await groupByPlaceInSlices(visible, dataset.places, nextTask);
}
