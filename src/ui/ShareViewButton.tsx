// "Share this view": the whole view (selection, filters, timeline window, map view, dataset) as
// a link on the clipboard.
import { useAppStore } from '../store';
import { linkTo, viewStateOf } from '../url/sync';
import { copyLink } from './copyLink';

export function ShareViewButton() {
  const share = () => {
    const s = useAppStore.getState();
    void copyLink(linkTo(viewStateOf(s, s.dataUrl, true)), 'this view');
  };
  return (
    <button type="button" className="dl-share-button" onClick={share} data-testid="share-view">
      Share this view
    </button>
  );
}
