// Where the story panel and the story editor sit in the app: between the header and the views.
// The editor shows while a story is being written (the panel then shows its step above it).
import { useAppStore, useAppStoreApi } from '../../store';
import { selectAuthoredStories } from '../../store/storySlice';
import { StoryEditor } from './StoryEditor';
import { StoryPanel } from './StoryPanel';

export function StoryArea() {
  const store = useAppStoreApi();
  const editing = useAppStore((s) =>
    s.storyEditing !== null && selectAuthoredStories(s).some((x) => x.id === s.storyEditing)
      ? s.storyEditing
      : null,
  );
  return (
    <div className="dl-story-area">
      <StoryPanel onEdit={(id) => store.getState().setStoryEditing(id)} />
      {editing !== null && <StoryEditor id={editing} />}
    </div>
  );
}
