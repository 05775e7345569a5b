// Puts a link on the clipboard and says so; where the clipboard is not available (an insecure
// origin, a refused permission), shows the link so it can be copied by hand. A link to a dataset
// kept only in this browser (`data=local:…`) opens nowhere else: that is said plainly, with what
// does work elsewhere (exporting the data and sending the file).
import { localIdOf } from '../data/localRef';
import type { AppStore } from '../store';

/** The link's dataset when it is one kept only in this browser, else null. */
export function localDataOf(url: string): string | null {
  try {
    const data = new URL(url).searchParams.get('data');
    return data !== null && localIdOf(data) !== null ? data : null;
  } catch {
    return null;
  }
}

export async function copyLink(store: AppStore, url: string, what: string): Promise<void> {
  const { notify, requestExport, unkeptRef, dataUrl } = store.getState();
  if (unkeptRef !== null && dataUrl === unkeptRef) {
    notify({
      kind: 'warning',
      text: 'No link can open this dataset: this browser could not keep it (its storage is full), so not even a reload here finds it. Export the data and send the file to share it, or free storage under Open data and open the file again.',
      action: { label: 'Export the data…', run: requestExport },
    });
    return;
  }
  let copied = true;
  try {
    await navigator.clipboard.writeText(url);
  } catch {
    copied = false;
  }
  if (localDataOf(url) !== null) {
    notify({
      kind: 'warning',
      text: `${copied ? `Link to ${what} copied, but it` : `Could not use the clipboard (the link: ${url}). The link`} opens only in this browser: the dataset is kept here, not online, so anyone else who opens it gets no data. To share it, export the data and send the file; they open it with “Open data…”.`,
      action: { label: 'Export the data…', run: requestExport },
    });
    return;
  }
  if (copied) notify({ kind: 'info', text: `Link to ${what} copied to the clipboard.` });
  else
    notify({ kind: 'warning', text: `Could not use the clipboard; copy the link by hand: ${url}` });
}
