import { describe, expect, it } from 'vitest';
import {
  addStep,
  createStory,
  deleteStep,
  deleteStory,
  editStep,
  editStory,
  moveStep,
  newStoryId,
  viewOfScreen,
} from './storyEdit';
import { NO_FILTERS } from './filter/types';

const step = (text: string) => ({ text });

describe('authoring stories', () => {
  it('makes ids from titles, never one taken', () => {
    expect(newStoryId('The end of “phase one”', new Set())).toBe('the-end-of-phase-one');
    expect(newStoryId('Été', new Set(['ete']))).toBe('ete-2');
    expect(newStoryId('!!!', new Set(['story', 'story-2']))).toBe('story-3');
    expect(newStoryId('x'.repeat(300), new Set())).toHaveLength(60);
  });

  it('creates a story with its first step, beside the dataset’s own ids', () => {
    const { stories, id } = createStory([], 'Tale', new Set(['tale']), step('a'));
    expect(id).toBe('tale-2');
    expect(stories).toEqual([{ id: 'tale-2', title: 'Tale', description: '', steps: [step('a')] }]);
  });

  it('adds, edits, moves and deletes steps, leaving other stories as they were', () => {
    let { stories } = createStory([], 'One', new Set());
    ({ stories } = createStory(stories, 'Two', new Set()));
    const other = stories[1];
    let s = addStep(stories, 'one', step('a'));
    s = addStep(s, 'one', step('c'));
    s = addStep(s, 'one', step('b'), 0);
    expect(s[0]?.steps.map((x) => x.text)).toEqual(['a', 'b', 'c']);
    s = moveStep(s, 'one', 2, 0);
    expect(s[0]?.steps.map((x) => x.text)).toEqual(['c', 'a', 'b']);
    s = moveStep(s, 'one', 0, 99);
    expect(s[0]?.steps.map((x) => x.text)).toEqual(['a', 'b', 'c']);
    expect(moveStep(s, 'one', 5, 0)).toEqual(s);
    s = editStep(s, 'one', 1, { title: 'Bee', text: 'b!' });
    expect(s[0]?.steps[1]).toEqual({ title: 'Bee', text: 'b!' });
    s = editStep(s, 'one', 1, { title: ' ' });
    expect(s[0]?.steps[1]).toEqual({ text: 'b!' });
    s = deleteStep(s, 'one', 0);
    expect(s[0]?.steps.map((x) => x.text)).toEqual(['b!', 'c']);
    s = editStory(s, 'one', { title: 'One, edited', description: 'd' });
    expect(s[0]).toMatchObject({ id: 'one', title: 'One, edited', description: 'd' });
    expect(s[1]).toBe(other);
    expect(deleteStory(s, 'one').map((x) => x.id)).toEqual(['two']);
  });

  it('takes the view on screen: filters only when they narrow', () => {
    expect(viewOfScreen({ filters: NO_FILTERS, timeWindow: null, mapView: null })).toBeUndefined();
    expect(
      viewOfScreen({
        filters: { ...NO_FILTERS, q: 'envoy' },
        timeWindow: { start: 1_000_000.4, end: 90_000_000 },
        mapView: { lat: 31.123456, lon: 34.5, zoom: 7.251 },
      }),
    ).toEqual({
      filters: { ...NO_FILTERS, q: 'envoy' },
      window: { start: 1_020_000, end: 90_000_000 },
      map: { lat: 31.1235, lon: 34.5, zoom: 7.25 },
    });
  });
});
