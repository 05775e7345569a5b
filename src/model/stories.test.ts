import { describe, it, expect } from 'vitest';
import { loadDataset } from './load';
import { rawStory, type Story } from './stories';
import { NO_FILTERS } from './filter/types';
import { exportDatelineJson } from '../formats/exportDatelineJson';

const base = {
  format: 'dateline/1',
  title: 'Stories',
  actors: [{ id: 'state-a', name: 'State A', kind: 'state' }],
  sources: [{ id: 'src', title: 'Article', publisher: 'Wire' }],
  events: [
    {
      id: 'talks',
      title: 'Talks begin',
      type: 'negotiation',
      status: 'occurred',
      time: { start: '2025-02-27', precision: 'day' },
      claim: { by: 'src', status: 'reported' },
    },
    {
      id: 'envoy',
      title: 'Envoy arrives',
      type: 'visit',
      status: 'occurred',
      time: { start: '2025-03-02', precision: 'day' },
      claim: { by: 'src', status: 'reported' },
    },
  ],
};

function load(stories: unknown) {
  const { dataset, report } = loadDataset({ ...base, stories }, 'stories.json');
  if (!dataset) throw new Error('no dataset');
  return { stories: dataset.stories, problems: report.problems, dataset };
}

describe('stories in dateline/1', () => {
  it('is optional: a file without stories loads with none and no problem', () => {
    const { stories, problems } = load(undefined);
    expect(stories).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('reads a story whose steps show an event, a view, or both', () => {
    const { stories, problems } = load([
      {
        id: 'one',
        title: 'One story',
        steps: [
          { event: 'talks', text: 'Talks **begin**.' },
          {
            title: 'The region',
            text: 'A view alone.',
            view: {
              filters: { actors: ['state-a'], types: ['visit', 'negotiation'], from: '2025-02-20' },
              t: { start: '2025-02-20T00:00Z', end: '2025-03-10' },
              map: { lat: 31.5, lon: 34.45, zoom: 9 },
            },
          },
          { event: 'envoy', text: '', view: { map: { lat: 30, lon: 31, zoom: 5 } } },
        ],
      },
    ]);
    expect(problems).toEqual([]);
    expect(stories).toHaveLength(1);
    const [story] = stories as [Story];
    expect(story.description).toBe('');
    expect(story.steps.map((s) => s.event)).toEqual(['talks', undefined, 'envoy']);
    expect(story.steps[1]?.view).toEqual({
      filters: {
        ...NO_FILTERS,
        actors: ['state-a'],
        types: ['negotiation', 'visit'],
        from: '2025-02-20',
      },
      window: { start: Date.UTC(2025, 1, 20), end: Date.UTC(2025, 2, 10) },
      map: { lat: 31.5, lon: 34.45, zoom: 9 },
    });
  });

  it('reports an unknown event and plays the story without that step', () => {
    const { stories, problems } = load([
      {
        id: 's',
        title: 'S',
        steps: [
          { event: 'talks', text: 'a' },
          { event: 'nope', text: 'b' },
          { event: 'envoy', text: 'c' },
        ],
      },
    ]);
    expect(stories[0]?.steps.map((s) => s.text)).toEqual(['a', 'c']);
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        collection: 'stories',
        index: 0,
        id: 's',
        field: 'steps[1].event',
        message: expect.stringContaining('unknown event “nope”'),
      }),
    ]);
  });

  it('reports bad views (a day that is none, an inverted range, a window, a map) by field', () => {
    const { stories, problems } = load([
      {
        id: 's',
        title: 'S',
        steps: [
          { text: 'bad day', view: { filters: { from: '2025-02-30' } } },
          { text: 'inverted', view: { filters: { from: '2025-03-01', to: '2025-02-01' } } },
          { text: 'window', view: { t: { start: '2025-03-01', end: '2025-02-01' } } },
          { text: 'not a time', view: { t: { start: 'soon', end: '2025-02-01' } } },
          { text: 'map', view: { map: { lat: 95, lon: 0, zoom: 3 } } },
          { text: 'type', view: { filters: { types: ['party'] } } },
          { text: 'kept' },
        ],
      },
    ]);
    expect(stories[0]?.steps.map((s) => s.text)).toEqual(['kept']);
    expect(problems.map((p) => p.field)).toEqual([
      'steps[0].view.filters.from',
      'steps[1].view.filters.to',
      'steps[2].view.t',
      'steps[3].view.t',
      'steps[4].view.map',
      'steps[5].view.filters.types[0]',
    ]);
    expect(problems.every((p) => p.severity === 'error')).toBe(true);
  });

  it('warns of an unknown actor in a step’s filters and leaves it out', () => {
    const { stories, problems } = load([
      {
        id: 's',
        title: 'S',
        steps: [{ text: 'x', view: { filters: { actors: ['state-a', 'ghost'] } } }],
      },
    ]);
    expect(stories[0]?.steps[0]?.view?.filters?.actors).toEqual(['state-a']);
    expect(problems).toEqual([
      expect.objectContaining({ severity: 'warning', field: 'steps[0].view.filters.actors' }),
    ]);
  });

  it('refuses a step that shows nothing, and a story without id or title, or a duplicate id', () => {
    const { stories, problems } = load([
      { id: 's', title: 'S', steps: [{ text: '  ' }, { text: 'ok' }] },
      { title: 'No id', steps: [] },
      { id: 'Bad Id', title: 'x', steps: [] },
      { id: 's', title: 'Again', steps: [] },
      { id: 't', title: 'T', steps: 'no' },
      'not a story',
    ]);
    expect(stories.map((s) => s.id)).toEqual(['s']);
    expect(problems.map((p) => [p.index, p.field])).toEqual([
      [0, 'steps[0]'],
      [1, 'id'],
      [2, 'id'],
      [3, 'id'],
      [4, 'steps'],
      [5, ''],
    ]);
  });

  it('says when no step of a story could be read', () => {
    const { stories, problems } = load([
      { id: 's', title: 'S', steps: [{ event: 'ghost', text: 'x' }] },
    ]);
    expect(stories[0]?.steps).toEqual([]);
    expect(problems.at(-1)).toEqual(
      expect.objectContaining({ severity: 'warning', field: 'steps' }),
    );
  });

  it('refuses stories that are not an array', () => {
    const { stories, problems } = load({ id: 's' });
    expect(stories).toEqual([]);
    expect(problems[0]?.message).toBe('“stories” must be an array of stories');
  });

  it('writes a story back as the file had it, and reads it again the same', () => {
    const file = [
      {
        id: 'one',
        title: 'One',
        description: 'What it tells',
        steps: [
          { event: 'talks', title: 'Talks', text: 'x' },
          {
            text: 'y',
            view: {
              filters: { actors: ['state-a'], actorMode: 'all', q: 'envoy' },
              t: { start: '2025-02-20T00:00Z', end: '2025-03-10T12:30Z' },
              map: { lat: 31.5, lon: 34.45, zoom: 9 },
            },
          },
        ],
      },
    ];
    const { stories } = load(file);
    expect(stories.map(rawStory)).toEqual(file);
    expect(load(stories.map(rawStory)).stories).toEqual(stories);
  });

  it('is exported in Dateline JSON, keeping only steps whose event is exported', () => {
    const { dataset } = load([
      {
        id: 's',
        title: 'S',
        steps: [
          { event: 'talks', text: 'a' },
          { event: 'envoy', text: 'b' },
          { text: 'c', view: { map: { lat: 1, lon: 2, zoom: 3 } } },
        ],
      },
    ]);
    const all = JSON.parse(exportDatelineJson(dataset, dataset.events));
    expect(all.stories[0].steps.map((s: { text: string }) => s.text)).toEqual(['a', 'b', 'c']);
    const some = JSON.parse(
      exportDatelineJson(
        dataset,
        dataset.events.filter((e) => e.id === 'envoy'),
      ),
    );
    expect(some.stories[0].steps.map((s: { text: string }) => s.text)).toEqual(['b', 'c']);
    const back = loadDataset(some, 'back.json');
    expect(back.report.problems).toEqual([]);
    const none = JSON.parse(exportDatelineJson({ ...dataset, stories: [] }, dataset.events));
    expect(none).not.toHaveProperty('stories');
  });
});
