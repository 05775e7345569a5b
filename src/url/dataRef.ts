// The forms a link's ?data= takes, in one place. The link parser accepts only these, and
// index.html's early download is built from this module (vite-plugins/earlyData.ts), so the page
// never fetches what the app would refuse. Kept free of the rest of the app: it is inlined into
// index.html.
import { isLocalDataRef, LOCAL_PREFIX } from '../data/localRef';
import { MAX_VALUE_LENGTH } from './limits';

// Control characters are never part of a dataset address.
// oxlint-disable-next-line no-control-regex
const CONTROL_RE = /[\u0000-\u001f\u007f]/;

/**
 * An http(s) URL, a same-origin path starting with "/" or "./", or `local:<id>` for a dataset
 * kept in this browser.
 */
export function isDataUrl(s: string): boolean {
  if (s === '' || s.length > MAX_VALUE_LENGTH || s !== s.trim() || CONTROL_RE.test(s)) {
    return false;
  }
  if (s.startsWith(LOCAL_PREFIX)) return isLocalDataRef(s);
  if (s.startsWith('/') || s.startsWith('./')) {
    // "//host/x" and "/\host/x" are other origins in disguise.
    const base = 'https://same-origin.invalid/app/';
    try {
      return new URL(s, base).origin === new URL(base).origin;
    } catch {
      return false;
    }
  }
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.host !== '';
  } catch {
    return false;
  }
}

/**
 * The address the app downloads for a link's ?data= value (as the link gives it, before
 * trimming), resolved against the page's `base`; null when the app refuses the value or reads it
 * from this browser (`local:<id>`).
 */
export function dataDownloadUrl(value: string, base: string): string | null {
  const ref = value.trim();
  if (!isDataUrl(ref) || isLocalDataRef(ref)) return null;
  try {
    return new URL(ref, base).href;
  } catch {
    return null;
  }
}
