// Opening an IndexedDB database once per page, for the modules that keep things in the browser
// (localDatasets.ts, localStories.ts): a failed open is forgotten, so the next call tries again.

/** A function that opens the database on its first call and gives the same one after. */
export function databaseOpener(
  name: string,
  version: number,
  upgrade: (db: IDBDatabase) => void,
): () => Promise<IDBDatabase> {
  let opening: Promise<IDBDatabase> | null = null;
  return () => {
    if (typeof indexedDB === 'undefined')
      return Promise.reject(new Error('this browser does not keep data (no IndexedDB)'));
    opening ??= new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name, version);
      req.onupgradeneeded = () => upgrade(req.result);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('IndexedDB could not be opened'));
      req.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
    }).catch((err: unknown) => {
      opening = null;
      throw err;
    });
    return opening;
  };
}

/** An IndexedDB request as a promise. */
export function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}
