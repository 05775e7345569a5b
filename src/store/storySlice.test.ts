// @vitest-environment jsdom
// Playing a story drives the store as a link does, and the address bar gets an entry per step.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppStore, type AppStore } from './index';
import { fixtureDataset } from '../test-utils/fixture';
import type { Dataset } from '../model/dataset';
import type { Story } from '../model/stories';
import { NO_FILTERS } from '../model/filter/types';
import { selectPlayingStory, selectStories } from './storySlice';
import { applyViewState, startUrlSync } from '../url/sync';
import { parseViewState } from '../url/viewState';

const report = { file: 'fixture.json', problems: [], eventsAccepted: 4, eventsRejected: 0 };
const window1 = { start: Date.UTC(2025, 1, 20), end: Date.UTC(2025, 2, 10) };

const STORY: Story = {
  id: 'tale',
  title: 'A tale',
  description: '',
  steps: [
    { event: 'statement', text: 'First.' },
    {
      event: 'talks',
      text: 'Second.',
      view: { window: window1, map: { lat: 30, lon: 31, zoom: 6 } },
    },
    { text: 'Third: a view only.', view: { filters: { ...NO_FILTERS, types: ['visit'] } } },
  ],
};

function withStory(): Dataset {
  return { ...fixtureDataset(), stories: [STORY] };
}

let store: AppStore;
let stop: () => void = () => undefined;
beforeEach(() => {
  window.history.replaceState(null, '', '/');
  store = createAppStore();
  store.getState().setLoaded(withStory(), report);
  store.getState().setAuthoredStories({ key: 'bundled', stories: [] });
});
afterEach(() => {
  stop();
  store.getState().services.textSearch.drop();
});

const params = () => new URLSearchParams(window.location.search);
const popTo = async (go: () => void) => {
  const done = new Promise((resolve) =>
    window.addEventListener('popstate', resolve, { once: true }),
  );
  go();
  await done;
  // startUrlSync's handler is async (it may reopen a dataset): let it finish.
  await new Promise((resolve) => setTimeout(resolve, 0));
};

describe('playing a story', () => {
  it('selects each step’s event with origin url, and applies its view over the reveal', () => {
    const s = store.getState();
    expect(s.playStory('tale')).toBe(true);
    expect(store.getState()).toMatchObject({ selectedId: 'statement', selectionOrigin: 'url' });
    store.getState().stepStory(1);
    expect(store.getState()).toMatchObject({
      selectedId: 'talks',
      timeWindow: window1,
      timeWindowOrigin: 'url',
      mapView: { lat: 30, lon: 31, zoom: 6 },
    });
    store.getState().stepStory(1);
    expect(store.getState().selectedId).toBeNull();
    expect(store.getState().filters.types).toEqual(['visit']);
    // At the end, Next does nothing.
    store.getState().stepStory(1);
    expect(selectPlayingStory(store.getState())?.step).toBe(2);
  });

  it('clears the reader’s filters when they hide the step’s event, and keeps a step’s own', () => {
    store.getState().setFilters({ types: ['visit'] });
    store.getState().playStory('tale', 0);
    expect(store.getState().filters).toEqual(NO_FILTERS);
  });

  it('leaves the view as it is when the reader leaves the story', () => {
    store.getState().playStory('tale', 1);
    store.getState().leaveStory();
    expect(selectPlayingStory(store.getState())).toBeNull();
    expect(store.getState()).toMatchObject({ selectedId: 'talks', timeWindow: window1 });
  });

  it('ends with a new dataset', () => {
    store.getState().playStory('tale', 1);
    store.getState().setLoaded(withStory(), report);
    expect(selectPlayingStory(store.getState())).toBeNull();
  });

  it('lists the file’s stories, then those authored here', () => {
    const mine: Story = { id: 'mine', title: 'Mine', description: '', steps: [] };
    store.getState().editAuthoredStories((stories) => [...stories, mine]);
    expect(selectStories(store.getState()).map((x) => x.id)).toEqual(['tale', 'mine']);
    expect(selectStories(store.getState())).toBe(selectStories(store.getState()));
  });
});

describe('a story in the address bar', () => {
  beforeEach(() => {
    stop = startUrlSync(
      store,
      async () => true,
      (write) => write(),
    );
  });

  it('gives each step the reader moves to an entry, and Back and Forward move between steps', async () => {
    const start = window.history.length;
    store.getState().playStory('tale');
    store.getState().stepStory(1);
    expect(window.history.length).toBe(start + 2);
    expect(params().get('story')).toBe('tale');
    expect(params().get('step')).toBe('2');
    expect(params().get('event')).toBe('talks');
    expect(params().get('t')).not.toBeNull();

    await popTo(() => window.history.back());
    expect(selectPlayingStory(store.getState())?.step).toBe(0);
    expect(store.getState().selectedId).toBe('statement');
    await popTo(() => window.history.forward());
    expect(selectPlayingStory(store.getState())?.step).toBe(1);
    expect(store.getState().selectedId).toBe('talks');
    await popTo(() => window.history.go(-2));
    expect(selectPlayingStory(store.getState())).toBeNull();
  });

  it('writes a filter that waits into the entry being left, with that entry’s step', async () => {
    store.getState().playStory('tale');
    store.getState().setFilters({ q: 'statement' });
    store.getState().stepStory(1);
    // The step's event is hidden by the query: the step clears it.
    expect(params().get('q')).toBeNull();
    expect(params().get('step')).toBe('2');
    await popTo(() => window.history.back());
    expect(params().get('q')).toBe('statement');
    expect(params().get('step')).toBe('1');
    expect(store.getState().filters.q).toBe('statement');
  });
});

describe('a link to a story', () => {
  it('opens the story at the step it names (1-based), the link’s own parameters over it', () => {
    applyViewState(store, parseViewState('?story=tale&step=2&map=10,20,3').state);
    expect(selectPlayingStory(store.getState())?.step).toBe(1);
    expect(store.getState()).toMatchObject({
      selectedId: 'talks',
      timeWindow: window1,
      mapView: { lat: 10, lon: 20, zoom: 3 },
    });
  });

  it('says when the dataset has no such story, and applies the rest', () => {
    applyViewState(store, parseViewState('?story=nope&event=talks').state);
    expect(selectPlayingStory(store.getState())).toBeNull();
    expect(store.getState().selectedId).toBe('talks');
    expect(store.getState().notices.at(-1)?.text).toContain('“nope” is not in this dataset');
  });

  it('waits for the stories kept in this browser before it plays one of them', () => {
    const fresh = createAppStore();
    fresh.getState().setLoaded(fixtureDataset(), report);
    applyViewState(fresh, parseViewState('?story=mine&step=1').state);
    expect(selectPlayingStory(fresh.getState())).toBeNull();
    fresh.getState().setAuthoredStories({
      key: 'bundled',
      stories: [
        { id: 'mine', title: 'Mine', description: '', steps: [{ event: 'envoy', text: 'x' }] },
      ],
    });
    expect(selectPlayingStory(fresh.getState())?.story.id).toBe('mine');
    expect(fresh.getState().selectedId).toBe('envoy');
    fresh.getState().services.textSearch.drop();
  });
});
