// A link's story (issue 13), applied to the dataset on show: `?story=<id>&step=<n>` plays that
// story at its n-th step (1-based in the link), and the link's other parameters then apply over
// the step's view where the link gives them (a selection, filters that narrow, a window, a map
// view), so a link copied mid-story opens what its sender saw. A story authored in this browser
// is known only once the kept stories are read: the link waits for them.
import { t } from '../i18n';
import type { AppStore } from '../store';
import { selectStories, storyKeyOf } from '../store/storySlice';
import type { ViewState } from './types';

/**
 * Runs `then` once the stories authored for the dataset on show are read, if the link's story is
 * not among those known now; returns true when it waits.
 */
export function waitForStoryOfLink(store: AppStore, state: ViewState, then: () => void): boolean {
  const id = state.story?.id;
  if (id === undefined) return false;
  const ready = () => {
    const s = store.getState();
    return selectStories(s).some((x) => x.id === id) || s.authoredStories?.key === storyKeyOf(s);
  };
  if (ready()) return false;
  const version = store.getState().datasetVersion;
  const stop = store.subscribe(
    (s) => s.authoredStories,
    () => {
      if (store.getState().datasetVersion !== version) return stop();
      if (!ready()) return;
      stop();
      then();
    },
  );
  return true;
}

/** Plays the link's story at its step; false (with a notice) when the dataset has no such story. */
export function playStoryOfLink(store: AppStore, story: NonNullable<ViewState['story']>): boolean {
  const { playStory, notify } = store.getState();
  if (playStory(story.id, story.step - 1, 'url')) return true;
  notify({
    kind: 'warning',
    text: t('story.linkMissing', { id: story.id }),
  });
  return false;
}
