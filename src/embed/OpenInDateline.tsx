// The embed's one action: "Open in Dateline", the same view (selection, filters, timeline window,
// map view, dataset) as a full page in a new tab, without the embed's chrome.
import { useAppStore } from '../store';
import { linkTo, viewStateOf } from '../url/sync';

export function OpenInDateline() {
  const href = useAppStore((s) => linkTo(viewStateOf(s, s.dataUrl, true)));
  return (
    <a
      className="dl-open-in-dateline"
      href={href}
      target="_blank"
      rel="noopener"
      data-testid="open-in-dateline"
    >
      Open in Dateline<span aria-hidden="true"> ↗</span>
      <span className="dl-sr-only"> (opens in a new tab)</span>
    </a>
  );
}
