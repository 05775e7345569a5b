// Story slice (issue 13): which story plays and at which step, and the stories authored in this
// browser for the dataset on show. Moving to a step applies it through the other slices' own
// actions, as a link does (src/url/sync.ts, applyViewState): the step's filters, then its event
// (selected with origin "url", so every view reveals it), then its window and map view, which
// win over the reveal's moves. Leaving a story changes nothing on screen.
//
// The address bar adds one history entry per step the reader moves to: the slice raises
// `storyApplying` while it applies a step (the address bar writes nothing then) and counts the
// reader's moves in `storyMoves` (the address bar pushes an entry for each). A step shown from
// a link or by Back/Forward (origin "url") adds none.
import type { StateCreator } from 'zustand';
import type { Dataset } from '../model/dataset';
import type { Story } from '../model/stories';
import type { AppState } from './index';
import { selectSelectedIsFiltered } from './selectors';

export interface StoryPlace {
  id: string;
  /** 0-based (a link writes it 1-based). */
  step: number;
  /** The dataset it plays in: a new dataset ends it. */
  version: number;
}

/** Who moved the story: the reader (a new history entry), or a link / Back / Forward (none). */
export type StoryOrigin = 'reader' | 'url';

export interface AuthoredStories {
  /** The dataset they belong to (storyKeyOf). */
  key: string;
  stories: readonly Story[];
}

export interface StorySlice {
  storyPlace: StoryPlace | null;
  /** True while a step is being applied (the address bar waits). */
  storyApplying: boolean;
  /** Goes up with every step the reader moves to. */
  storyMoves: number;
  /** The authored story open in the editor (views/story/StoryEditor.tsx); null when none. */
  storyEditing: string | null;
  setStoryEditing: (id: string | null) => void;
  /** Stories authored in this browser (src/data/localStories.ts keeps them); null until read. */
  authoredStories: AuthoredStories | null;
  /** Plays a story at a step (0-based, clamped); false when the dataset has no such story. */
  playStory: (id: string, step?: number, origin?: StoryOrigin) => boolean;
  /** The next (1) or previous (-1) step of the story playing. */
  stepStory: (delta: 1 | -1) => void;
  leaveStory: () => void;
  setAuthoredStories: (authored: AuthoredStories) => void;
  /** Changes the stories authored for the dataset on show. */
  editAuthoredStories: (change: (stories: readonly Story[]) => readonly Story[]) => void;
}

/** The identity stories are kept under: the dataset's link (`local:<id>`, a URL) or "bundled". */
export function storyKeyOf(s: Pick<AppState, 'dataUrl'>): string {
  return s.dataUrl ?? 'bundled';
}

const NO_STORIES: readonly Story[] = [];
const memo = new WeakMap<Dataset, { authored: readonly Story[]; all: readonly Story[] }>();

/** The authored stories of the dataset on show (empty until read, or when none). */
export function selectAuthoredStories(s: AppState): readonly Story[] {
  const a = s.authoredStories;
  return a && a.key === storyKeyOf(s) ? a.stories : NO_STORIES;
}

/** Every story of the dataset on show: the file's, then those authored in this browser. */
export function selectStories(s: AppState): readonly Story[] {
  if (!s.dataset) return NO_STORIES;
  const authored = selectAuthoredStories(s);
  if (authored.length === 0) return s.dataset.stories;
  const hit = memo.get(s.dataset);
  if (hit && hit.authored === authored) return hit.all;
  const all = [...s.dataset.stories, ...authored];
  memo.set(s.dataset, { authored, all });
  return all;
}

export interface PlayingStory {
  story: Story;
  /** 0-based. */
  step: number;
  authored: boolean;
}

/** The story playing now, with its step; null when none (or its dataset is gone). */
export function selectPlayingStory(s: AppState): PlayingStory | null {
  const place = s.storyPlace;
  if (!place || place.version !== s.datasetVersion) return null;
  const story = selectStories(s).find((x) => x.id === place.id);
  if (!story) return null;
  const step = Math.min(place.step, Math.max(0, story.steps.length - 1));
  const authored = selectAuthoredStories(s).includes(story);
  return { story, step, authored };
}

export const createStorySlice: StateCreator<AppState, [], [], StorySlice> = (set, get) => {
  function show(story: Story, step: number, origin: StoryOrigin) {
    const target = story.steps[step];
    set({ storyApplying: true });
    try {
      if (target) applyStep(get, target);
    } finally {
      set((s) => ({
        storyPlace: { id: story.id, step, version: s.datasetVersion },
        storyApplying: false,
        storyMoves: origin === 'reader' ? s.storyMoves + 1 : s.storyMoves,
      }));
    }
  }
  return {
    storyPlace: null,
    storyApplying: false,
    storyMoves: 0,
    storyEditing: null,
    setStoryEditing: (storyEditing) => set({ storyEditing }),
    authoredStories: null,
    playStory: (id, step = 0, origin = 'reader') => {
      const story = selectStories(get()).find((x) => x.id === id);
      if (!story) return false;
      const at = Math.max(0, Math.min(step, story.steps.length - 1));
      show(story, at, origin);
      return true;
    },
    stepStory: (delta) => {
      const playing = selectPlayingStory(get());
      if (!playing) return;
      const next = playing.step + delta;
      if (next < 0 || next >= playing.story.steps.length) return;
      show(playing.story, next, 'reader');
    },
    leaveStory: () => set({ storyPlace: null }),
    setAuthoredStories: (authoredStories) => set({ authoredStories }),
    editAuthoredStories: (change) =>
      set((s) => ({
        authoredStories: { key: storyKeyOf(s), stories: change(selectAuthoredStories(s)) },
      })),
  };
};

/** Applies one step through the store's own actions, in the order a link is applied. */
function applyStep(get: () => AppState, step: Story['steps'][number]): void {
  const { view } = step;
  if (view?.filters) get().setFilters(view.filters);
  if (step.event !== undefined) {
    get().select(step.event, 'url');
    // The step's event is what the step is about: filters of the reader's that hide it give way
    // (a step's own filters are the story's choice, and stay).
    if (!view?.filters && isHidden(get())) get().clearFilters();
  } else {
    get().select(null, 'url');
  }
  if (view?.window) get().setTimeWindow(view.window, 'url');
  if (view?.map) get().setMapView(view.map, 'url');
}

/**
 * Whether the filters hide the selected event. A text query whose hits are still on their way
 * counts as hiding it only if it is not empty: the step then clears the filters rather than
 * leave its event off the timeline and map.
 */
function isHidden(s: AppState): boolean {
  if (s.textPending !== null) return s.filters.q !== '';
  return selectSelectedIsFiltered(s);
}
