// Embed slice: whether the page is shown inside another site's iframe (?embed=1). Set once, from
// the link, before the dataset opens; the header and the link builders read it.
import type { StateCreator } from 'zustand';
import type { AppState } from './index';

export interface EmbedSlice {
  embedded: boolean;
  setEmbedded: (embedded: boolean) => void;
}

export const createEmbedSlice: StateCreator<AppState, [], [], EmbedSlice> = (set) => ({
  embedded: false,
  setEmbedded: (embedded) => set({ embedded }),
});
