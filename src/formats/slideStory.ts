// The story an imported slide show becomes (issue 13): TimelineJS and StoryMapJS files are read
// slide by slide, so Dateline gives their readers the same walk through them as a story of every
// slide that loaded, titled and described by the file's title slide (the dataset's title and
// description). TimelineJS shows its slides in time order (it sorts them by date), StoryMapJS
// in the file's order; each story follows its own tool's.
import type { Imported } from './draft';
import type { Story } from '../model/stories';
import { newStoryId } from '../model/storyEdit';

/**
 * `imported` with a story of its slides: in time order (`'time'`, the loaded events' order), or
 * in the order of the event ids given (the file's; those that did not load are left out).
 */
export function withSlideStory(imported: Imported, order: 'time' | readonly string[]): Imported {
  const { dataset } = imported;
  const ids =
    order === 'time'
      ? dataset.events.map((e) => e.id)
      : order.filter((id) => dataset.eventById.has(id));
  if (ids.length === 0) return imported;
  const taken = new Set(dataset.stories.map((s) => s.id));
  const story: Story = {
    id: newStoryId(dataset.title, taken),
    title: dataset.title,
    description: dataset.description,
    steps: ids.map((event) => ({ event, text: '' })),
  };
  return { ...imported, dataset: { ...dataset, stories: [...dataset.stories, story] } };
}
