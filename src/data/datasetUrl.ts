// Where the bundled dataset lives, and how a URL names its file in messages.

/** The bundled seed dataset, served from public/data/. */
export const SEED_DATASET_URL = `${import.meta.env.BASE_URL}data/gaza-ceasefire-2025-02.json`;

/** "x.json" for ".../data/x.json?y": the name messages use for a fetched file. */
export function fileNameOf(url: string): string {
  const path = url.split(/[?#]/)[0] ?? url;
  try {
    return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)) || url;
  } catch {
    return path.slice(path.lastIndexOf('/') + 1) || url;
  }
}
