import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../store';
import { fixtureDataset } from '../test-utils/fixture';
import { keepStories, readKeptStories, startStoryKeeping } from './localStories';
import { selectAuthoredStories } from '../store/storySlice';

const report = { file: 'fixture.json', problems: [], eventsAccepted: 4, eventsRejected: 0 };
const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
};

describe('stories kept in this browser', () => {
  it('keeps what the reader writes under the dataset’s identity and reads it back checked', async () => {
    const store = createAppStore();
    const stop = startStoryKeeping(store);
    store.getState().setDataUrl('local:abc123');
    store.getState().setLoaded(fixtureDataset(), report);
    await until(() => store.getState().authoredStories?.key === 'local:abc123');
    store
      .getState()
      .editAuthoredStories(() => [
        { id: 'mine', title: 'Mine', description: '', steps: [{ event: 'talks', text: 'x' }] },
      ]);
    await new Promise((r) => setTimeout(r, 50));
    expect(await readKeptStories('local:abc123')).toEqual([
      { id: 'mine', title: 'Mine', description: '', steps: [{ event: 'talks', text: 'x' }] },
    ]);
    expect(await readKeptStories('bundled')).toEqual([]);
    stop();

    // A reload: a new store reads them back; a step whose event is gone is left out, with a notice.
    await keepStories('local:abc123', [
      {
        id: 'mine',
        title: 'Mine',
        description: '',
        steps: [
          { event: 'talks', text: 'x' },
          { event: 'gone', text: 'y' },
        ],
      },
    ]);
    const again = createAppStore();
    const stop2 = startStoryKeeping(again);
    again.getState().setDataUrl('local:abc123');
    again.getState().setLoaded(fixtureDataset(), report);
    await until(() => selectAuthoredStories(again.getState()).length === 1);
    expect(selectAuthoredStories(again.getState())[0]?.steps).toEqual([
      { event: 'talks', text: 'x' },
    ]);
    expect(again.getState().notices.at(-1)?.text).toContain('A step of the stories you wrote');
    stop2();
    for (const s of [store, again]) s.getState().services.textSearch.drop();
  });
});
