// Where the bundled dataset lives (or a published folder's, named by its page), and how a URL
// names its file in messages.
import { DATASET_META } from './datasetMeta';

/** The bundled seed dataset, served from public/data/. */
export const SEED_DATASET_URL = `${import.meta.env.BASE_URL}data/gaza-ceasefire-2025-02.json`;

/**
 * The dataset a page opens when its link names none: the one a published folder names in its
 * page (a path beside the page), else the bundled one.
 */
export function defaultDatasetUrl(doc: Document | undefined = globalThis.document): string {
  const named = doc?.querySelector(`meta[name="${DATASET_META}"]`)?.getAttribute('content');
  return named && /^[\w.-]+(?:\/[\w.-]+)*$/.test(named) && !named.includes('..')
    ? `${import.meta.env.BASE_URL}${named}`
    : SEED_DATASET_URL;
}

/** "x.json" for ".../data/x.json?y": the name messages use for a fetched file. */
export function fileNameOf(url: string): string {
  const path = url.split(/[?#]/)[0] ?? url;
  try {
    return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)) || url;
  } catch {
    return path.slice(path.lastIndexOf('/') + 1) || url;
  }
}
