// How a link names a dataset kept in this browser: `local:<id>`. Pure, so the URL parser can
// use it without touching IndexedDB.

/** The link form of a local dataset: `local:<id>`. */
export const LOCAL_PREFIX = 'local:';
const ID_RE = /^[a-z0-9]{6,32}$/;

export function isLocalDataRef(s: string): boolean {
  return s.startsWith(LOCAL_PREFIX) && ID_RE.test(s.slice(LOCAL_PREFIX.length));
}

export function localIdOf(ref: string): string | null {
  return isLocalDataRef(ref) ? ref.slice(LOCAL_PREFIX.length) : null;
}

export function newLocalId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => (b % 36).toString(36)).join('') + Date.now().toString(36);
}
