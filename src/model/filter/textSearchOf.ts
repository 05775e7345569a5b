// The text search of the dataset on show: one at a time, so that a new dataset stops the
// previous one's worker.
import type { Dataset } from '../dataset';
import { WorkerTextSearch } from './textClient';
import { LocalTextSearch, type TextSearch } from './textSearch';

/**
 * From this many events the text index lives in a worker: building it grows with the events, and
 * from about here it would take more than a frame or two of the page.
 */
export const WORKER_FROM_EVENTS = 2000;

/** Whether a dataset of `events` events is searched on the page (small, or no Worker here). */
export function searchRunsOnPage(events: number): boolean {
  return events < WORKER_FROM_EVENTS || typeof Worker === 'undefined';
}

let current: { dataset: Dataset; search: TextSearch } | null = null;

export function textSearchOf(dataset: Dataset): TextSearch {
  if (current?.dataset === dataset) return current.search;
  current?.search.destroy();
  const search = searchRunsOnPage(dataset.events.length)
    ? new LocalTextSearch(dataset)
    : new WorkerTextSearch(dataset);
  current = { dataset, search };
  return search;
}

/** Stops the current search (no dataset on show). */
export function dropTextSearch(): void {
  current?.search.destroy();
  current = null;
}
