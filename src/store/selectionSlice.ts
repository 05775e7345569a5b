// Selection slice: which event is selected and which are hovered, and which view asked for it.
// `origin` lets a view skip reacting to a change it made itself (no echo between views).
import type { StateCreator } from 'zustand';
import type { AppState } from './index';

export type ViewOrigin =
  | 'timeline'
  | 'map'
  | 'list'
  | 'details'
  | 'keyboard'
  | 'url'
  // The playback of time (issue 14) moves the timeline's window.
  | 'playback';

export interface SelectionSlice {
  selectedId: string | null;
  selectionOrigin: ViewOrigin | null;
  hoveredIds: readonly string[];
  hoverOrigin: ViewOrigin | null;
  select: (id: string | null, origin: ViewOrigin) => void;
  hover: (ids: readonly string[], origin: ViewOrigin) => void;
}

const NONE: readonly string[] = [];

export const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set, get) => ({
  selectedId: null,
  selectionOrigin: null,
  hoveredIds: NONE,
  hoverOrigin: null,
  select: (id, origin) => {
    const known = id === null || get().dataset?.eventById.has(id);
    if (!known || id === get().selectedId) return;
    set({ selectedId: id, selectionOrigin: origin });
  },
  hover: (ids, origin) => {
    const prev = get().hoveredIds;
    if (prev.length === ids.length && prev.every((id, i) => id === ids[i])) return;
    set({ hoveredIds: ids.length ? ids : NONE, hoverOrigin: origin });
  },
});
