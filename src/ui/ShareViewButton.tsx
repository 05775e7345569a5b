// "Share this view": the whole view (selection, filters, timeline window, map view, dataset) as
// a link on the clipboard.
import { useTranslation } from 'react-i18next';
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
    <button type="button" className="dl-share-button" onClick={share} data-testid="share-view">
      {t('share.view')}
    </button>
  );
}
