import { describe, expect, it } from 'vitest';
import { fixtureDataset } from '../../test-utils/fixture';
import { buildEventIndex } from './eventIndex';

describe('the text index built ahead of need', () => {
  it('is the one later queries use, and finds what a built-at-once index finds', async () => {
    const warmed = buildEventIndex(fixtureDataset());
    await warmed.warmText();
    const first = warmed.text();
    expect(warmed.text()).toBe(first);

    const cold = buildEventIndex(fixtureDataset());
    const query = (i: typeof cold) =>
      i
        .text()
        .search('talks', { prefix: true })
        .map((h) => h.id as number)
        .sort();
    expect(query(warmed)).toEqual(query(cold));
    expect(query(warmed).length).toBeGreaterThan(0);
  });

  it('does nothing when the index already exists', async () => {
    const index = buildEventIndex(fixtureDataset());
    const built = index.text();
    await index.warmText();
    expect(index.text()).toBe(built);
  });
});
