// Skip links: the first stops in the Tab order, shown when focused, each moving focus straight
// to a view (search, list, timeline, map, details). They focus the target themselves rather than
// following the anchor, so the address bar (which holds the view) is left alone.
import { useTranslation } from 'react-i18next';
import type { MouseEvent } from 'react';

/** Each link's words (a catalogue key), the element it focuses, and (its href) an element with an id in that view. */
export const SKIP_TARGETS: ReadonlyArray<{ label: string; selector: string; anchor: string }> = [
  { label: 'skip.search', selector: '#dl-search-input', anchor: 'dl-search-input' },
  {
    label: 'skip.list',
    selector: '.dl-list [role=listbox]',
    anchor: 'dl-list-heading',
  },
  { label: 'skip.map', selector: '.dl-map .leaflet-container', anchor: 'dl-map-heading' },
  { label: 'skip.timeline', selector: '.dl-timeline-canvas', anchor: 'dl-timeline-heading' },
  { label: 'skip.details', selector: '#dl-details', anchor: 'dl-details' },
];

export function SkipLinks() {
  const { t } = useTranslation();
  const go = (e: MouseEvent<HTMLAnchorElement>, selector: string) => {
    e.preventDefault();
    const target = document.querySelector<HTMLElement>(selector);
    if (!target) return;
    target.scrollIntoView({ block: 'nearest' });
    target.focus({ preventScroll: true });
  };
  return (
    <nav className="dl-skip-links" aria-label={t('skip.nav')}>
      <ul>
        {SKIP_TARGETS.map((link) => (
          <li key={link.selector}>
            <a href={`#${link.anchor}`} onClick={(e) => go(e, link.selector)}>
              {t(link.label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
