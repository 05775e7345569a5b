// Embed slice: whether the page is shown inside another site's iframe (?embed=1). Set once, from
// the link, before the dataset opens; the header and the link builders read it. An embed playing a
// story is a slide show (selectSlideShow): the story first, the views below or beside it.
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

/** An embed playing a story shows it as a slide show (App.tsx, embed/embed.css). */
export function selectSlideShow(s: AppState): boolean {
  return s.embedded && s.storyPlace !== null;
}
