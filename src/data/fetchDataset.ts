// Fetches a dataset file, parses it and passes it through the model's validator into the store.
// Every failure becomes a message that names the file and what went wrong.
import { loadDataset, type LoadResult } from '../model/load';
import { useAppStore } from '../store';

/** The bundled seed dataset, served from public/data/. */
export const SEED_DATASET_URL = `${import.meta.env.BASE_URL}data/gaza-ceasefire-2025-02.json`;

export function fileNameOf(url: string): string {
  const path = url.split(/[?#]/)[0] ?? url;
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)) || url;
}

export async function fetchAndParse(url: string, signal?: AbortSignal): Promise<LoadResult> {
  const file = fileNameOf(url);
  let res: Response;
  try {
    res = await fetch(url, signal ? { signal } : {});
  } catch (err) {
    throw new Error(
      `${file}: could not be fetched (${err instanceof Error ? err.message : String(err)})`,
      { cause: err },
    );
  }
  if (!res.ok)
    throw new Error(`${file}: the server answered ${res.status} ${res.statusText}`.trim());
  const body = await res.text();
  performance.mark('dateline:fetched');
  let json: unknown;
  try {
    json = JSON.parse(body);
    performance.mark('dateline:parsed');
  } catch (err) {
    throw new Error(
      `${file}: not valid JSON (${err instanceof Error ? err.message : String(err)})`,
      { cause: err },
    );
  }
  return loadDataset(json, file);
}

export async function openDataset(url: string, signal?: AbortSignal): Promise<void> {
  try {
    const { dataset, report } = await fetchAndParse(url, signal);
    if (signal?.aborted) return;
    performance.mark('dateline:loaded'); // validated; the views draw it from here
    useAppStore.getState().setLoaded(dataset, report);
  } catch (err) {
    if (signal?.aborted) return;
    useAppStore.getState().setLoadFailed(err instanceof Error ? err.message : String(err));
  }
}
