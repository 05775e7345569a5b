// Authoring stories in the app (issue 13): pure changes to a list of stories, each giving a new
// list (the store keeps it, src/data/localStories.ts writes it to IndexedDB). A new story takes
// an id of its own, never one the dataset's stories or the others use.
import type { Story, StoryStep, StoryView } from './stories';
import { isFiltering, type Filters } from './filter/types';
import type { TimeWindow } from './time';
import type { MapViewState } from '../url/types';
import { isValidMapView, isValidWindow, roundMapView, roundWindow } from '../url/fields';

/** A slug made from a title ("The end of phase one" → "the-end-of-phase-one"), not yet taken. */
export function newStoryId(title: string, taken: ReadonlySet<string>): string {
  const base =
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'story';
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

/** What the reader sees now, as a step's view: the filters if they narrow, the window, the map. */
export function viewOfScreen(screen: {
  filters: Filters;
  timeWindow: TimeWindow | null;
  mapView: MapViewState | null;
}): StoryView | undefined {
  const view: StoryView = {};
  if (isFiltering(screen.filters)) view.filters = screen.filters;
  if (screen.timeWindow && isValidWindow(screen.timeWindow))
    view.window = roundWindow(screen.timeWindow);
  if (screen.mapView && isValidMapView(screen.mapView)) view.map = roundMapView(screen.mapView);
  return Object.keys(view).length > 0 ? view : undefined;
}

export function createStory(
  stories: readonly Story[],
  title: string,
  taken: ReadonlySet<string>,
  first?: StoryStep,
): { stories: Story[]; id: string } {
  const id = newStoryId(title, new Set([...taken, ...stories.map((s) => s.id)]));
  const story: Story = { id, title, description: '', steps: first ? [first] : [] };
  return { stories: [...stories, story], id };
}

function change(
  stories: readonly Story[],
  id: string,
  f: (story: Story) => Story,
): readonly Story[] {
  return stories.map((s) => (s.id === id ? f(s) : s));
}

export function editStory(
  stories: readonly Story[],
  id: string,
  patch: Partial<Pick<Story, 'title' | 'description'>>,
): readonly Story[] {
  return change(stories, id, (s) => ({ ...s, ...patch }));
}

export function deleteStory(stories: readonly Story[], id: string): readonly Story[] {
  return stories.filter((s) => s.id !== id);
}

/** Adds a step after `after` (0-based), or at the end. */
export function addStep(
  stories: readonly Story[],
  id: string,
  step: StoryStep,
  after?: number,
): readonly Story[] {
  return change(stories, id, (s) => {
    const at = after === undefined ? s.steps.length : Math.min(s.steps.length, after + 1);
    return { ...s, steps: [...s.steps.slice(0, at), step, ...s.steps.slice(at)] };
  });
}

export function editStep(
  stories: readonly Story[],
  id: string,
  index: number,
  patch: Partial<Pick<StoryStep, 'title' | 'text'>>,
): readonly Story[] {
  return change(stories, id, (s) => ({
    ...s,
    steps: s.steps.map((step, i) => {
      if (i !== index) return step;
      const next = { ...step, ...patch };
      if (next.title !== undefined && next.title.trim() === '') delete next.title;
      return next;
    }),
  }));
}

/** Moves the step at `from` to `to` (both 0-based; `to` is clamped). */
export function moveStep(
  stories: readonly Story[],
  id: string,
  from: number,
  to: number,
): readonly Story[] {
  return change(stories, id, (s) => {
    if (from < 0 || from >= s.steps.length) return s;
    const target = Math.max(0, Math.min(s.steps.length - 1, to));
    if (target === from) return s;
    const steps = [...s.steps];
    const [moved] = steps.splice(from, 1);
    if (moved) steps.splice(target, 0, moved);
    return { ...s, steps };
  });
}

export function deleteStep(stories: readonly Story[], id: string, index: number): readonly Story[] {
  return change(stories, id, (s) => ({ ...s, steps: s.steps.filter((_, i) => i !== index) }));
}
