// Query source slice (issue 15.3): when the page asks a query service (?source=) instead of
// holding the whole dataset, what the service last answered for the current filters and window.
// `result` stands in for the filter result (selectors.ts reads it first): the events the page
// holds (those of the timeline's window, at most the service's row cap) and the service's facet
// counts. Written only by the QuerySource (data/querySource.ts).
import type { StateCreator } from 'zustand';
import type { FilterResult } from '../model/filter/apply';
import type { RemoteBbox, RemoteBin, RemoteCell } from '../data/remote/protocol';
import type { RemoteList } from '../data/remote/remoteList';
import type { DatelineEvent } from '../model/dataset';
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
  /**
   * What the map shows: the events under the filters inside its bounds (any time) when the
   * service lists them, else none but the selected one, and `mapCells` counted in grid cells;
   * null until the map has said its bounds (it shows the timeline's events meanwhile).
   */
  mapEvents: readonly DatelineEvent[] | null;
  mapCells: RemoteCell[] | null;
  /** The most events the service exports (its summary's limit; null: it does not say). */
  exportCap: number | null;
  /** The list's pages of every event under the filters, asked as it scrolls. */
  list: RemoteList | null;
}

export interface QuerySlice {
  remote: RemoteState | null;
  /** The map's bounds, as it last settled (written by the map only with a query source). */
  remoteMapBounds: RemoteBbox | null;
  setRemoteMapBounds: (b: RemoteBbox) => void;
}

export const createQuerySlice: StateCreator<AppState, [], [], QuerySlice> = (set) => ({
  remote: null,
  remoteMapBounds: null,
  setRemoteMapBounds: (remoteMapBounds) => set({ remoteMapBounds }),
});
