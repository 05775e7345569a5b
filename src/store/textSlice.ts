// Text search slice: the text query the shown events are narrowed by, with the positions it
// matches, and a query still being searched. `filters.q` is what the user asked for; `textShown`
// is what the views show. When the hits of a new query are at hand (a small dataset is searched
// on the page, and answers are remembered), they are shown in the same update as the change of
// filters. Otherwise the query is searched in the worker while the views keep showing what they
// showed, and its hits are shown in one update the moment they come, if it is still the query
// asked for. Every change of the filters or the dataset goes through `setWithText`, which asks
// the store's text search (a service: ./services.ts) before the update and never inside it.
import type { StateCreator, StoreApi } from 'zustand';
import type { Dataset } from '../model/dataset';
import type { CurrentTextSearch } from '../model/filter/textSearchOf';
import type { AppState } from './index';

export interface ShownText {
  /** The trimmed query; '' for none. */
  q: string;
  /** Positions in `dataset.events` it matches, ascending; null for no text filter. */
  hits: Uint32Array | null;
}

export const NO_TEXT: ShownText = { q: '', hits: null };

export interface TextSlice {
  textShown: ShownText;
  /** A query whose hits are on their way (the views show `textShown` meanwhile). */
  textPending: string | null;
}

export const createTextSlice: StateCreator<AppState, [], [], TextSlice> = () => ({
  textShown: NO_TEXT,
  textPending: null,
});

/** The text state for query `q` on `dataset`, given what is shown now. */
function textFor(
  search: CurrentTextSearch,
  dataset: Dataset | null,
  q: string,
  shown: ShownText,
): TextSlice {
  const key = q.trim();
  if (!dataset || key === '') return { textShown: NO_TEXT, textPending: null };
  if (shown.q === key) return { textShown: shown, textPending: null };
  const hits = search.of(dataset).peek(key);
  return hits
    ? { textShown: { q: key, hits }, textPending: null }
    : { textShown: shown, textPending: key };
}

type Set = StoreApi<AppState>['setState'];
type Get = StoreApi<AppState>['getState'];

/**
 * Applies a change that may touch the filters or the dataset, with the text state that follows
 * from it, in one update; then asks for the hits of a query it left pending. The search is asked
 * (and with a new dataset made, the previous one's workers stopped) before the update, not in it.
 */
export function setWithText(set: Set, get: Get, change: (s: AppState) => Partial<AppState>): void {
  const before = get();
  const next = change(before);
  const dataset = next.dataset === undefined ? before.dataset : next.dataset;
  const filters = next.filters ?? before.filters;
  // Hits are positions in one dataset: another dataset starts with none shown.
  const shown = dataset === before.dataset ? before.textShown : NO_TEXT;
  const { textSearch } = before.services;
  const text = textFor(textSearch, dataset, filters.q, shown);
  set({ ...next, ...text });
  const q = text.textPending;
  if (!dataset || q === null || (q === before.textPending && dataset === before.dataset)) return;
  void textSearch
    .of(dataset)
    .search(q)
    .then((hits) => {
      const s = get();
      if (hits && s.dataset === dataset && s.textPending === q)
        set({ textShown: { q, hits }, textPending: null });
    });
}
