// Skip links: the first stops in the Tab order, shown when focused, each moving focus straight
// to a view (search, list, timeline, map, details). They focus the target themselves rather than
// following the anchor, so the address bar (which holds the view) is left alone.
import type { MouseEvent } from 'react';

/** Each link's text and the element it focuses. */
/** Each link's text, the element it focuses, and (its href) an element with an id in that view. */
export const SKIP_TARGETS: ReadonlyArray<{ label: string; selector: string; anchor: string }> = [
  { label: 'Skip to search', selector: '#dl-search-input', anchor: 'dl-search-input' },
  {
    label: 'Skip to the event list',
    selector: '.dl-list [role=listbox]',
    anchor: 'dl-list-heading',
  },
  { label: 'Skip to the map', selector: '.dl-map .leaflet-container', anchor: 'dl-map-heading' },
  { label: 'Skip to the timeline', selector: '.dl-timeline-canvas', anchor: 'dl-timeline-heading' },
  { label: 'Skip to the details', selector: '#dl-details', anchor: 'dl-details' },
];

export function SkipLinks() {
  const go = (e: MouseEvent<HTMLAnchorElement>, selector: string) => {
    e.preventDefault();
    const target = document.querySelector<HTMLElement>(selector);
    if (!target) return;
    target.scrollIntoView({ block: 'nearest' });
    target.focus({ preventScroll: true });
  };
  return (
    <nav className="dl-skip-links" aria-label="Skip links">
      <ul>
        {SKIP_TARGETS.map((t) => (
          <li key={t.selector}>
            <a href={`#${t.anchor}`} onClick={(e) => go(e, t.selector)}>
              {t.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
