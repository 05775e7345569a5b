// Datasets the user opened from a file or pasted text, kept in the browser (IndexedDB) so that a
// reload, or a link to `?data=local:<id>`, still finds them. The original bytes are kept (not the
// parsed model), so a newer Dateline re-reads them with its newer importers. Metadata and content
// live in separate stores: listing the datasets never reads a 100 MB file.
import { databaseOpener, request } from './idb';
import { LOCAL_PREFIX } from './localRef';
import { forgetKeptStories } from './localStories';

const DB_NAME = 'dateline';
const DB_VERSION = 1;
const META = 'datasets';
const CONTENT = 'content';

export interface LocalDatasetMeta {
  id: string;
  /** The file's name, or "Pasted text". */
  name: string;
  /** Human name of the detected format. */
  format: string;
  /** ISO timestamp. */
  savedAt: string;
  bytes: number;
  events: number;
  rejected: number;
}

interface ContentRecord {
  id: string;
  blob: Blob;
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });
}

const openDb = databaseOpener(DB_NAME, DB_VERSION, (db) => {
  if (!db.objectStoreNames.contains(META)) db.createObjectStore(META, { keyPath: 'id' });
  if (!db.objectStoreNames.contains(CONTENT)) db.createObjectStore(CONTENT, { keyPath: 'id' });
});

export async function saveLocalDataset(meta: LocalDatasetMeta, blob: Blob): Promise<void> {
  const db = await openDb();
  const tx = db.transaction([META, CONTENT], 'readwrite');
  tx.objectStore(META).put(meta);
  tx.objectStore(CONTENT).put({ id: meta.id, blob } satisfies ContentRecord);
  await done(tx);
}

/** Newest first. */
export async function listLocalDatasets(): Promise<LocalDatasetMeta[]> {
  const db = await openDb();
  const all = await request<LocalDatasetMeta[]>(
    db.transaction(META, 'readonly').objectStore(META).getAll(),
  );
  return all.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

export async function getLocalDataset(
  id: string,
): Promise<{ meta: LocalDatasetMeta; blob: Blob } | null> {
  const db = await openDb();
  const tx = db.transaction([META, CONTENT], 'readonly');
  const [meta, content] = await Promise.all([
    request<LocalDatasetMeta | undefined>(tx.objectStore(META).get(id)),
    request<ContentRecord | undefined>(tx.objectStore(CONTENT).get(id)),
  ]);
  return meta && content ? { meta, blob: content.blob } : null;
}

/**
 * Removes a kept dataset and the stories written for it in this browser (kept under its link,
 * `local:<id>`): nothing would find them again.
 */
export async function removeLocalDataset(id: string): Promise<void> {
  const db = await openDb();
  const tx = db.transaction([META, CONTENT], 'readwrite');
  tx.objectStore(META).delete(id);
  tx.objectStore(CONTENT).delete(id);
  await done(tx);
  await forgetKeptStories(`${LOCAL_PREFIX}${id}`);
}
