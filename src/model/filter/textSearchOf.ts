// The text search of the dataset on show: one at a time, so that a new dataset stops the
// previous one's workers. Each store holds its own (`createAppStore({ textSearch })`).
import type { Dataset } from '../dataset';
import { WorkerTextSearch } from './textClient';
import { LocalTextSearch, type TextSearch } from './textSearch';
import { WORKER_FILES } from '../../standalone/mode';

/**
 * From this many events the text index lives in a worker: building it grows with the events, and
 * from about here it would take more than a frame or two of the page.
 */
export const WORKER_FROM_EVENTS = 2000;

/**
 * Whether a dataset of `events` events is searched on the page (small, no Worker here, or the
 * standalone page, which has no worker file).
 */
export function searchRunsOnPage(events: number): boolean {
  return events < WORKER_FROM_EVENTS || typeof Worker === 'undefined' || !WORKER_FILES;
}

/** On the page for a small dataset, in workers for a large one. */
export function textSearchFor(dataset: Dataset): TextSearch {
  return searchRunsOnPage(dataset.events.length)
    ? new LocalTextSearch(dataset)
    : new WorkerTextSearch(dataset);
}

export class CurrentTextSearch {
  private current: { dataset: Dataset; search: TextSearch } | null = null;

  constructor(private readonly make: (dataset: Dataset) => TextSearch = textSearchFor) {}

  /** The search of `dataset`; the one of the dataset shown before is stopped. */
  of(dataset: Dataset): TextSearch {
    if (this.current?.dataset === dataset) return this.current.search;
    this.current?.search.destroy();
    const search = this.make(dataset);
    this.current = { dataset, search };
    return search;
  }

  /** Stops the current search (no dataset on show). */
  drop(): void {
    this.current?.search.destroy();
    this.current = null;
  }
}
