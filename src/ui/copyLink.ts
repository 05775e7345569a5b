// Puts a link on the clipboard and says so; where the clipboard is not available (an insecure
// origin, a refused permission), shows the link so it can be copied by hand. A link to a dataset
// kept only in this browser (`data=local:…`) opens nowhere else: that is said plainly, with what
// does work elsewhere (exporting the data and sending the file).
import { t } from '../i18n';
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

/** `what` is what the link opens, in words: "this view", an event's title in quotes. */
export async function copyLink(store: AppStore, url: string, what: string): Promise<void> {
  const { notify, requestExport, unkeptRef, dataUrl } = store.getState();
  if (unkeptRef !== null && dataUrl === unkeptRef) {
    notify({
      kind: 'warning',
      text: t('copy.unkept'),
      action: { label: t('copy.export'), run: requestExport },
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
      text: copied ? t('copy.localCopied', { what }) : t('copy.localNotCopied', { url }),
      action: { label: t('copy.export'), run: requestExport },
    });
    return;
  }
  if (copied) notify({ kind: 'info', text: t('copy.copied', { what }) });
  else notify({ kind: 'warning', text: t('copy.byHand', { url }) });
}
