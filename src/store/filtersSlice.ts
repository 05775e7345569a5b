// Filters slice: what the user narrowed the events by. The result (visible events, counts) is
// derived by `selectFilterResult`, never stored; the text query's hits come through
// ./textSlice.ts.
import type { StateCreator } from 'zustand';
import { NO_FILTERS, type Filters } from '../model/filter/types';
import type { AppState } from './index';
import { setWithText } from './textSlice';

export interface FiltersSlice {
  filters: Filters;
  /** Merges a change into the filters; one update, so the views get one batched change. */
  setFilters: (change: Partial<Filters>) => void;
  clearFilters: () => void;
  /** Goes up on every Clear, so a change still on its way (a debounced query) can tell it is stale. */
  filterResets: number;
}

function toggle<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

export const createFiltersSlice: StateCreator<AppState, [], [], FiltersSlice> = (set, get) => ({
  filters: NO_FILTERS,
  setFilters: (change) => setWithText(set, get, (s) => ({ filters: { ...s.filters, ...change } })),
  clearFilters: () =>
    setWithText(set, get, (s) => ({ filters: NO_FILTERS, filterResets: s.filterResets + 1 })),
  filterResets: 0,
});

export { toggle };
