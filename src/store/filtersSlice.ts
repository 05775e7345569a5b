// Filters slice: what the user narrowed the events by. The result (visible events, counts) is
// derived by `selectFilterResult`, never stored; the text query's hits come through
// ./textSlice.ts. A date range whose start is after its end is never stored: the date facet
// says why it was refused, and the link never carries it.
import type { StateCreator } from 'zustand';
import { isInvertedRange, NO_FILTERS, type Filters } from '../model/filter/types';
import type { AppState } from './index';
import { setWithText } from './textSlice';

export interface FiltersSlice {
  filters: Filters;
  /**
   * Merges a change into the filters; one update, so the views get one batched change. A change
   * that would leave the start day after the end day keeps the range as it was (the rest of the
   * change applies).
   */
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
  setFilters: (change) =>
    setWithText(set, get, (s) => {
      const next = { ...s.filters, ...change };
      if (isInvertedRange(next.from, next.to)) {
        next.from = s.filters.from;
        next.to = s.filters.to;
      }
      return { filters: next };
    }),
  clearFilters: () =>
    setWithText(set, get, (s) => ({ filters: NO_FILTERS, filterResets: s.filterResets + 1 })),
  filterResets: 0,
});

export { toggle };
