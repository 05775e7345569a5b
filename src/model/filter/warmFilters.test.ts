import { describe, expect, it } from 'vitest';
import { rng } from '../../../scripts/generate';
import { deepTimeDataset } from '../../test-utils/deepTime';
import { generatedDataset } from '../../test-utils/generated';
import { randomFilters } from '../../test-utils/randomFilters';
import { runSteps } from '../steps';
import { applyFilters } from './apply';
import { eventIndexOf } from './eventIndex';
import { isFiltering, NO_FILTERS } from './types';
import { headOfIndex, warmFiltersSteps } from './warmFilters';

describe('headOfIndex', () => {
  const index = eventIndexOf(generatedDataset(3000));
  const head = headOfIndex(index, 1000);

  it('is an index of the first events: the filters pass exactly the full index’s among them', () => {
    const random = rng(15);
    for (let k = 0; k < 200; k++) {
      const f = { ...randomFilters(random, index.actorIds), q: '' };
      // With no filter on, the result is the dataset's own array, whatever the index.
      if (!isFiltering(f)) continue;
      const ids = (r: ReturnType<typeof applyFilters>) => r.visible.map((e) => e.id);
      const whole = applyFilters(index, f, null);
      const first = new Set(index.dataset.events.slice(0, 1000).map((e) => e.id));
      expect({ f, ids: ids(applyFilters(head, f, null)) }).toEqual({
        f,
        ids: ids(whole).filter((id) => first.has(id)),
      });
    }
  });

  it('counts only its own events', () => {
    const counts = applyFilters(head, NO_FILTERS, null).counts;
    expect([...counts.types.values()].reduce((a, b) => a + b, 0)).toBe(1000);
    expect(applyFilters(head, { ...NO_FILTERS, types: ['statement'] }, null).total).toBe(1000);
  });

  it('is the index itself when it asks for as many events or more', () => {
    expect(headOfIndex(index, 3000)).toBe(index);
    expect(headOfIndex(index, 5000)).toBe(index);
  });
});

describe('warmFiltersSteps', () => {
  it('runs every dimension over the head, a filter run per step, and leaves no result behind', () => {
    const index = eventIndexOf(generatedDataset(6000));
    const before = applyFilters(index, { ...NO_FILTERS, types: ['statement'] }, null);
    let steps = 0;
    const warm = warmFiltersSteps(index);
    while (!warm.next().done) steps++;
    expect(steps).toBeGreaterThan(50);
    const after = applyFilters(index, { ...NO_FILTERS, types: ['statement'] }, null);
    expect(after.visible.map((e) => e.id)).toEqual(before.visible.map((e) => e.id));
    expect(after.counts).toEqual(before.counts);
  });

  it('does nothing for a dataset with no events, and runs on a small one', () => {
    const index = eventIndexOf(generatedDataset(20));
    expect(() => runSteps(warmFiltersSteps(index))).not.toThrow();
    expect(() => runSteps(warmFiltersSteps(headOfIndex(index, 0)))).not.toThrow();
  });

  it('runs on a dataset from the Big Bang, dated beyond what a Date holds', () => {
    const deep = deepTimeDataset([
      ['big-bang', '-13799999999'],
      ['marathon', '-0489'],
      ['today', '2025'],
    ]);
    expect(() => runSteps(warmFiltersSteps(eventIndexOf(deep)))).not.toThrow();
  });
});
