// Notices: what the app tells the user about a link or an action ("Link copied", "no event
// “x” in this dataset"). Each may carry one action, named by a key the UI knows.
import type { StateCreator } from 'zustand';
import type { AppState } from './index';

export interface Notice {
  id: number;
  kind: 'info' | 'warning';
  text: string;
  /** An action the notice offers, e.g. show an event hidden by the filters. */
  action?: { label: string; run: () => void };
}

export interface NoticesSlice {
  notices: readonly Notice[];
  notify: (notice: Omit<Notice, 'id'>) => number;
  dismiss: (id: number) => void;
}

/** Info notices ("Link copied") go away by themselves; warnings stay until dismissed. */
const INFO_MS = 6000;

export const createNoticesSlice: StateCreator<AppState, [], [], NoticesSlice> = (set, get) => {
  /** Ids are the store's own: two stores never hand out the same id. */
  let nextId = 1;
  return {
    notices: [],
    notify: (notice) => {
      const id = nextId++;
      set((s) => ({
        notices: [...s.notices.filter((n) => n.text !== notice.text), { ...notice, id }],
      }));
      if (notice.kind === 'info') setTimeout(() => get().dismiss(id), INFO_MS);
      return id;
    },
    dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  };
};
