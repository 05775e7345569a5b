// Before a large dataset is shown, what the views' first draw computes over every event is made
// ahead, a slice at a time, with progress and Cancel heard between slices: the filters' first
// result (the store's memo keeps it, per dataset), the map's groups of events by place and the
// ids each place's marker lists, the timeline's time index (and its lanes', when it is grouped)
// and the count of events with no place (each kept per filter result, group or layout).
// The task that shows the dataset then finds them made, instead of running every pass over
// every event at once.
import type { Dataset } from '../model/dataset';
import { laneLayoutSteps } from '../model/lanes';
import { NO_FILTERS } from '../model/filter/types';
import { runStepsInSlices, type Steps } from '../model/steps';
import type { AppStore } from '../store';
import { selectVisibleEvents, unplacedCountOf } from '../store/selectors';
import { NO_TEXT } from '../store/textSlice';
import { eventIdsOf } from '../views/map/markerIcons';
import { groupByPlaceSteps } from '../views/map/places';
import { laneIndexesSteps, timeIndexOf } from '../views/timeline/windowing';

/** Smaller datasets are shown at once: their passes are short. */
export const PREPARE_FROM_EVENTS = 20_000;

export interface PrepareOptions {
  /** How far it is: passes over the events made, of how many (in events). */
  onProgress?: (done: number, total: number) => void;
  /** Stops it between two slices. */
  signal?: AbortSignal;
  /** How long one slice may run before the page gets a turn, ms. */
  sliceMs?: number;
}

/**
 * Prepares the first draw of `dataset`, shown with the store's current filters (`keep`) or
 * with none (a dataset that replaces another starts unfiltered).
 */
export async function prepareViews(
  store: AppStore,
  dataset: Dataset,
  filters: 'keep' | 'none',
  opts: PrepareOptions = {},
): Promise<void> {
  if (dataset.events.length < PREPARE_FROM_EVENTS) return;
  await runStepsInSlices(viewSteps(store, dataset, filters, opts.onProgress), {
    ...(opts.signal && { signal: opts.signal }),
    ...(opts.sliceMs !== undefined && { sliceMs: opts.sliceMs }),
  });
}

function* viewSteps(
  store: AppStore,
  dataset: Dataset,
  filters: 'keep' | 'none',
  onProgress: PrepareOptions['onProgress'] = () => {},
): Steps<void> {
  const s = store.getState();
  const passes = 4;
  const n = dataset.events.length;
  onProgress(0, passes * n);
  // The state the dataset will be shown in, as far as the filters' result goes: the selector
  // keeps its answer in the store's memo (per dataset), where the first draw finds it.
  const visible = selectVisibleEvents({
    ...s,
    dataset,
    filters: filters === 'keep' ? s.filters : NO_FILTERS,
    textShown: NO_TEXT,
  });
  onProgress(n, passes * n);
  yield;
  const groups = yield* groupByPlaceSteps(visible, dataset.places);
  // What the markers say of their events (`data-events`), for the places drawn first.
  for (const g of groups.values()) yield* eventIdsOf.steps(g);
  onProgress(2 * n, passes * n);
  yield* timeIndexOf.steps(visible);
  // The timeline's lanes, when it is grouped (a link's `lanes=`, or the choice kept from before).
  if (s.groupBy !== 'none') {
    const context = { actors: dataset.actors, places: dataset.places };
    yield* laneIndexesSteps(yield* laneLayoutSteps(visible, s.groupBy, context), visible);
  }
  onProgress(3 * n, passes * n);
  yield* unplacedCountOf.steps(visible);
  onProgress(passes * n, passes * n);
}
