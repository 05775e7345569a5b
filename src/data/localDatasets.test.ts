import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  getLocalDataset,
  listLocalDatasets,
  removeLocalDataset,
  saveLocalDataset,
  type LocalDatasetMeta,
} from './localDatasets';
import { isLocalDataRef, localIdOf, newLocalId } from './localRef';
import { keepStories, readKeptStories } from './localStories';

function meta(id: string, savedAt: string): LocalDatasetMeta {
  return { id, name: `${id}.csv`, format: 'CSV', savedAt, bytes: 3, events: 1, rejected: 0 };
}

describe('local dataset references', () => {
  it('accepts local:<id> with a plain id and nothing else', () => {
    const id = newLocalId();
    expect(isLocalDataRef(`local:${id}`)).toBe(true);
    expect(localIdOf(`local:${id}`)).toBe(id);
    expect(isLocalDataRef('local:')).toBe(false);
    expect(isLocalDataRef('local:../x')).toBe(false);
    expect(isLocalDataRef('local:ABCDEF')).toBe(false);
    expect(isLocalDataRef('https://example.org/x.json')).toBe(false);
    expect(localIdOf('/data/x.json')).toBeNull();
  });

  it('makes ids that differ', () => {
    const ids = new Set(Array.from({ length: 50 }, newLocalId));
    expect(ids.size).toBe(50);
  });
});

describe('the local dataset store', () => {
  it('saves, lists newest first, reads back the bytes, and removes', async () => {
    await saveLocalDataset(meta('aaaaaa1', '2025-01-01T00:00:00Z'), new Blob(['one']));
    await saveLocalDataset(meta('bbbbbb2', '2025-02-01T00:00:00Z'), new Blob(['two']));
    expect((await listLocalDatasets()).map((m) => m.id)).toEqual(['bbbbbb2', 'aaaaaa1']);

    const got = await getLocalDataset('aaaaaa1');
    expect(got?.meta.name).toBe('aaaaaa1.csv');
    expect(await got?.blob.text()).toBe('one');

    await removeLocalDataset('aaaaaa1');
    expect(await getLocalDataset('aaaaaa1')).toBeNull();
    expect((await listLocalDatasets()).map((m) => m.id)).toEqual(['bbbbbb2']);
  });

  it('answers null for an id it never saw', async () => {
    expect(await getLocalDataset('zzzzzz9')).toBeNull();
  });

  it('removes the stories written for the dataset with it, and no other dataset’s', async () => {
    const story = (id: string) => ({
      id,
      title: id,
      description: '',
      steps: [{ event: 'talks', text: 'x' }],
    });
    await saveLocalDataset(meta('cccccc3', '2025-03-01T00:00:00Z'), new Blob(['three']));
    await saveLocalDataset(meta('dddddd4', '2025-04-01T00:00:00Z'), new Blob(['four']));
    await keepStories('local:cccccc3', [story('mine')]);
    await keepStories('local:dddddd4', [story('theirs')]);
    await keepStories('bundled', [story('bundled')]);
    expect(await readKeptStories('local:cccccc3')).toHaveLength(1);

    await removeLocalDataset('cccccc3');
    expect(await getLocalDataset('cccccc3')).toBeNull();
    expect(await readKeptStories('local:cccccc3')).toEqual([]);
    expect(await readKeptStories('local:dddddd4')).toEqual([story('theirs')]);
    expect(await readKeptStories('bundled')).toEqual([story('bundled')]);
  });
});
