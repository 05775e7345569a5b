// Puts a link on the clipboard and says so; where the clipboard is not available (an insecure
// origin, a refused permission), shows the link so it can be copied by hand.
import type { AppStore } from '../store';

export async function copyLink(store: AppStore, url: string, what: string): Promise<void> {
  const { notify, unkeptRef, dataUrl } = store.getState();
  if (unkeptRef !== null && dataUrl === unkeptRef) {
    notify({
      kind: 'warning',
      text: 'No link can open this dataset: this browser could not keep it (its storage is full), so not even a reload here finds it. Export it (Export…) to share it, or free storage under Open data and open the file again.',
    });
    return;
  }
  try {
    await navigator.clipboard.writeText(url);
    notify({ kind: 'info', text: `Link to ${what} copied to the clipboard.` });
  } catch {
    notify({ kind: 'warning', text: `Could not use the clipboard; copy the link by hand: ${url}` });
  }
}
