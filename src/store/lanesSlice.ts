// Lanes slice (issue 14, swimlanes): what the timeline groups its events by. A view setting like
// the timeline window: the link carries it (`lanes=`), filters and datasets leave it as it is.
import type { StateCreator } from 'zustand';
import type { GroupBy } from '../model/lanes';
import type { AppState } from './index';

export interface LanesSlice {
  groupBy: GroupBy;
  setGroupBy: (groupBy: GroupBy) => void;
}

export const createLanesSlice: StateCreator<AppState, [], [], LanesSlice> = (set) => ({
  groupBy: 'none',
  setGroupBy: (groupBy) => set((s) => (s.groupBy === groupBy ? s : { groupBy })),
});
