import { describe, expect, it } from 'vitest';
import { generateDataset } from '../../scripts/generate';
import { fixtureDataset } from '../test-utils/fixture';
import { loadDataset } from './load';
import { containsEvent, indexOfEvent } from './sortedEvents';

describe('containsEvent', () => {
  const { events } = fixtureDataset();

  it('finds every event of the dataset, and only those of a filtered list', () => {
    events.forEach((e, i) => expect(indexOfEvent(events, e)).toBe(i));
    const every2nd = events.filter((_, i) => i % 2 === 0);
    events.forEach((e, i) => expect(containsEvent(every2nd, e)).toBe(i % 2 === 0));
    expect(containsEvent([], events[0]!)).toBe(false);
  });

  it('tells apart events that start at the same moment (by file order)', () => {
    const many = loadDataset(generateDataset({ events: 2000, seed: 3 }), 'g.json').dataset!.events;
    const same = many.filter((e) => many.some((o) => o !== e && o.earliest === e.earliest));
    expect(same.length).toBeGreaterThan(1);
    for (const e of same)
      expect(
        containsEvent(
          same.filter((o) => o !== e),
          e,
        ),
      ).toBe(false);
  });

  it('does not take an equal copy for the event itself', () => {
    const copy = { ...events[0]! };
    expect(containsEvent(events, copy)).toBe(false);
  });
});
