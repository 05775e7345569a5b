// Stories authored in this browser (issue 13), kept in IndexedDB with the dataset they belong
// to: one record per dataset, keyed by its identity (`local:<id>`, its URL, or "bundled";
// store/storySlice.ts, storyKeyOf), holding the stories as a file writes them. Read back, they
// pass the loader's story checks against the dataset on show, like any outside data, so a step
// whose event a newer dataset no longer holds is reported and left out.
import { databaseOpener, request } from './idb';
import { t } from '../i18n';
import { formatCount } from '../model/readerLocale';
import type { AppStore } from '../store';
import { loadStories, rawStory, type Story } from '../model/stories';
import type { StoryInput } from '../model/schema';
import type { Problem } from '../model/dataset';
import { storyKeyOf } from '../store/storySlice';

const DB_NAME = 'dateline-stories';
const DB_VERSION = 1;
const STORE = 'stories';

interface StoriesRecord {
  key: string;
  stories: StoryInput[];
  savedAt: string;
}

const openDb = databaseOpener(DB_NAME, DB_VERSION, (db) => {
  if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE, { keyPath: 'key' });
});

/** The stories kept for a dataset, as written (not yet checked); [] when none. */
export async function readKeptStories(key: string): Promise<unknown[]> {
  const db = await openDb();
  const record = await request<StoriesRecord | undefined>(
    db.transaction(STORE, 'readonly').objectStore(STORE).get(key),
  );
  return Array.isArray(record?.stories) ? record.stories : [];
}

export async function keepStories(key: string, stories: readonly Story[]): Promise<void> {
  const db = await openDb();
  const tx = db.transaction(STORE, 'readwrite');
  const store = tx.objectStore(STORE);
  if (stories.length === 0) store.delete(key);
  else store.put({ key, stories: stories.map(rawStory), savedAt: new Date().toISOString() });
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });
}

/** Forgets the stories kept for a dataset (when the dataset itself is removed). */
export async function forgetKeptStories(key: string): Promise<void> {
  const db = await openDb();
  await request(db.transaction(STORE, 'readwrite').objectStore(STORE).delete(key));
}

/**
 * Reads the kept stories of each dataset shown into the store, and keeps every change the reader
 * makes to them. Returns a stop.
 */
export function startStoryKeeping(store: AppStore): () => void {
  let reading = 0;
  const read = async () => {
    const s = store.getState();
    if (!s.dataset) return;
    const key = storyKeyOf(s);
    const dataset = s.dataset;
    const mine = ++reading;
    let raw: unknown[] = [];
    try {
      raw = await readKeptStories(key);
    } catch {
      // No IndexedDB (a private window, say): stories can still be written, not kept.
    }
    if (mine !== reading || store.getState().dataset !== dataset) return;
    const problems: Problem[] = [];
    const taken = new Set(dataset.stories.map((x) => x.id));
    const stories = loadStories(raw, dataset, problems).filter((x) => !taken.has(x.id));
    const dropped = problems.filter((p) => p.severity === 'error').length;
    if (dropped > 0) {
      store.getState().notify({
        kind: 'warning',
        text: t('story.keptUnreadable', { count: dropped, n: formatCount(dropped) }),
      });
    }
    store.getState().setAuthoredStories({ key, stories });
  };
  const stops = [
    store.subscribe(
      (s) => s.dataset,
      () => void read(),
    ),
    store.subscribe(
      (s) => s.authoredStories,
      (authored, before) => {
        // The first value read for a dataset is not a change to keep.
        if (!authored || !before || before.key !== authored.key) return;
        keepStories(authored.key, authored.stories).catch((err: unknown) => {
          store.getState().notify({
            kind: 'warning',
            text: t('story.keepFailed', {
              error: err instanceof Error ? err.message : String(err),
            }),
          });
        });
      },
    ),
  ];
  if (store.getState().dataset) void read();
  return function stopStoryKeeping() {
    stops.forEach((stop) => stop());
  };
}
