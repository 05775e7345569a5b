// Query source slice (issue 15.3): when the page asks a query service (?source=) instead of
// holding the whole dataset, what the service last answered for the current filters and window.
// `result` stands in for the filter result (selectors.ts reads it first): the events the page
// holds (those of the timeline's window, at most the service's row cap) and the service's facet
// counts. Written only by the QuerySource (data/querySource.ts).
import type { StateCreator } from 'zustand';
import type { FilterResult } from '../model/filter/apply';
import type { RemoteBin, RemoteCell } from '../data/remote/protocol';
import type { AppState } from './index';

export interface RemoteState {
  /** The service's address, as the link carries it. */
  source: string;
  result: FilterResult;
  /** How many events the filters let through in the whole source. */
  shown: number;
  /**
   * When the window holds more events than the service lists: their counts per slice of time
   * (the timeline's density band) and per grid cell (the map's clusters); null otherwise.
   */
  density: { bins: RemoteBin[]; cells: RemoteCell[]; total: number; unplaced: number } | null;
  /** A question is on its way. */
  pending: boolean;
}

export interface QuerySlice {
  remote: RemoteState | null;
}

export const createQuerySlice: StateCreator<AppState, [], [], QuerySlice> = () => ({
  remote: null,
});
