// The details panel: the selected event, or an introduction to the dataset when none is selected.
import { useEffect, useRef } from 'react';
import './details.css';
import { useAppStore } from '../../store';
import { NO_FILTERS } from '../../model/filter/types';
import { selectSelectedEvent, selectSelectedIsFiltered } from '../../store/selectors';
import { copyLink } from '../../ui/copyLink';
import { linkTo } from '../../url/sync';
import { stepSelection } from '../../store/navigation';
import { EventDetails } from './EventDetails';

export function DetailsPanel() {
  const dataset = useAppStore((s) => s.dataset);
  const event = useAppStore(selectSelectedEvent);
  const origin = useAppStore((s) => s.selectionOrigin);
  const panelRef = useRef<HTMLElement>(null);
  /** Whether the panel is scrolled down: only then is there anything to scroll back. */
  const scrolledRef = useRef(false);
  const filteredOut = useAppStore(selectSelectedIsFiltered);
  const copyEventLink = () => {
    const s = useAppStore.getState();
    if (!event) return;
    const link = linkTo({
      event: event.id,
      filters: NO_FILTERS,
      window: null,
      map: null,
      data: s.dataUrl,
    });
    void copyLink(link, `“${event.title}”`);
  };

  useEffect(
    function scrollToTop() {
      // Scrolling when already at the top still lays the page out at once, before the frame
      // that would anyway.
      if (scrolledRef.current) {
        scrolledRef.current = false;
        panelRef.current?.scrollTo({ top: 0 });
      }
      // Keyboard users who picked from the list or the map keep their place there; those who
      // stepped with the panel's own buttons stay in the panel.
      if (event && origin === 'details')
        panelRef.current?.querySelector<HTMLElement>('#dl-event-title')?.focus();
    },
    [event, origin],
  );

  if (!dataset) return null;
  return (
    <aside
      ref={panelRef}
      className={`dl-view dl-details${event ? ' dl-details-open' : ''}`}
      aria-label="Event details"
      data-testid="details"
      onScroll={(e) => {
        scrolledRef.current = e.currentTarget.scrollTop > 0;
      }}
    >
      {event ? (
        <>
          <div className="dl-details-bar">
            <button
              type="button"
              onClick={() => stepSelection(-1, 'details')}
              aria-label="Previous event"
            >
              ← Previous
            </button>
            <button
              type="button"
              onClick={() => stepSelection(1, 'details')}
              aria-label="Next event"
            >
              Next →
            </button>
            <button type="button" onClick={copyEventLink} data-testid="copy-link">
              Copy link
            </button>
            <button
              type="button"
              className="dl-close"
              onClick={() => useAppStore.getState().select(null, 'details')}
              aria-label="Close details (Esc)"
            >
              ✕
            </button>
          </div>
          {filteredOut && (
            <p className="dl-filtered-note" data-testid="outside-filters">
              This event is outside the current filters, so the timeline and the map do not show it.{' '}
              <button type="button" onClick={() => useAppStore.getState().clearFilters()}>
                Show it
              </button>
            </p>
          )}
          <EventDetails event={event} dataset={dataset} />
        </>
      ) : (
        <div className="dl-intro">
          <h2>{dataset.title}</h2>
          {dataset.description && <p>{dataset.description}</p>}
          <p className="dl-note">
            Select an event on the timeline, the map or the list to see who took part, who claims
            it, and the source’s own words. Esc clears the selection.
          </p>
        </div>
      )}
    </aside>
  );
}
