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
});
