// "Share this view": the whole view (selection, filters, timeline window, map view, dataset) as
// a link on the clipboard; beside it "Embed…", the same view as HTML for an article.
import { useTranslation } from 'react-i18next';
import { EmbedButton } from '../embed/EmbedDialog';
import { STANDALONE } from '../standalone/mode';
import { useAppStoreApi } from '../store';
import { linkTo, viewStateOf } from '../url/sync';
import { copyLink } from './copyLink';

export function ShareViewButton() {
  const store = useAppStoreApi();
  const { t } = useTranslation();
  const share = () => {
    const s = store.getState();
    void copyLink(store, linkTo(viewStateOf(s, s.dataUrl, true)), t('copy.thisView'));
  };
  return (
    <>
      {/* A short word on the header's band; its name says it in full (and contains the word). */}
      <button
        type="button"
        className="dl-share-button"
        onClick={share}
        aria-label={t('share.view')}
        title={t('share.view')}
        data-testid="share-view"
      >
        {t('share.short')}
      </button>
      {/* A page opened from a file cannot be embedded elsewhere. */}
      {!STANDALONE && <EmbedButton />}
    </>
  );
}
