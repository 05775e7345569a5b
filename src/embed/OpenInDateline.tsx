// The embed's one action: "Open in Dateline", the same view (selection, filters, timeline window,
// map view, dataset) as a full page in a new tab, without the embed's chrome.
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store';
import { linkTo, viewStateOf } from '../url/sync';

export function OpenInDateline() {
  const href = useAppStore((s) => linkTo(viewStateOf(s, s.dataUrl, true)));
  const { t } = useTranslation();
  return (
    <a
      className="dl-open-in-dateline"
      href={href}
      target="_blank"
      rel="noopener"
      data-testid="open-in-dateline"
    >
      {t('embed.openIn')}
      <span aria-hidden="true"> ↗</span>
      <span className="dl-sr-only"> {t('embed.newTab')}</span>
    </a>
  );
}
