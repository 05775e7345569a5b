// The event list: every visible event (or what a playback holds) in time order, as a keyboard- and screen-reader-friendly
// listbox. Windowed: only the rows in view are in the DOM, so it stays light at 100k events. The
// selected row is brought into view wherever the selection came from (a link, the map, the
// keys) and kept there when the list changes size; the search's words are marked in the titles.
import { useTranslation } from 'react-i18next';
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import './list.css';
import { formatCount, readerLocale } from '../../model/readerLocale';
import { useDataLang } from '../../i18n/dataLang';
import { useAppStore, useAppStoreApi } from '../../store';
import { indexOfEvent } from '../../model/sortedEvents';
import { selectPlayedEvents } from '../../store/playbackSelectors';
import { selectSelectedEvent } from '../../store/selectors';
import { useSearchTerms } from '../../ui/Highlighted';
import { EmptyResult } from './EmptyResult';
import { RemoteEventListView } from './RemoteEventList';
import { rowInView, scrollToShow } from './listScroll';
import { EventRow, keyTarget, OVERSCAN, ROW_HEIGHT } from './EventRow';

export function EventList() {
  // A query source lists every event under the filters, a page at a time, from its service.
  const remoteList = useAppStore((s) => s.remote?.list ?? null);
  return remoteList ? <RemoteEventListView list={remoteList} /> : <HeldEventList />;
}

function HeldEventList() {
  const store = useAppStoreApi();
  const events = useAppStore(selectPlayedEvents);
  const selected = useAppStore(selectSelectedEvent);
  const hoveredIds = useAppStore((s) => s.hoveredIds);
  const terms = useSearchTerms();
  const { t } = useTranslation();
  const dataLang = useDataLang();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(400);
  // The same two values, and the selected row, for the effects below without making them depend
  // on them (scrolling must follow a new selection or a new size, not every scroll).
  const metrics = useRef({ scrollTop: 0, viewport: 400, selected: -1, rows: 0 });

  const selectedIndex = selected === null ? -1 : indexOfEvent(events, selected);

  /**
   * Scrolls to show row `index`, from known values, not el.scrollTop/clientHeight; and the
   * scroll is set in the next animation frame, when the page is laid out anyway: reading or
   * setting scrollTop at once forced a layout of the whole page in the middle of a selection,
   * done again before the paint. The frame is never cancelled: the known position is already
   * the new one, and the list must get there.
   */
  const reveal = useCallback((index: number): void => {
    const el = scrollRef.current;
    const m = metrics.current;
    if (!el || index < 0) return;
    const next = scrollToShow(index, { ...m, rowHeight: ROW_HEIGHT });
    if (next === m.scrollTop) return;
    m.scrollTop = next;
    setScrollTop(next);
    requestAnimationFrame(() => {
      el.scrollTop = next;
    });
  }, []);

  useLayoutEffect(
    function observeSize() {
      const el = scrollRef.current;
      if (!el) return;
      // Measured once at once, so that a link's event is scrolled to with the list's true height.
      metrics.current.viewport = el.clientHeight || 400;
      setViewport(metrics.current.viewport);
      const observer = new ResizeObserver(() => {
        const m = metrics.current;
        const height = el.clientHeight;
        if (!height || height === m.viewport) return;
        // A row that was in view before the resize stays in view after it.
        const keep = m.selected >= 0 && rowInView(m.selected, { ...m, rowHeight: ROW_HEIGHT });
        m.viewport = height;
        setViewport(height);
        if (keep) reveal(m.selected);
      });
      observer.observe(el);
      return function stopObserving() {
        observer.disconnect();
      };
    },
    [reveal],
  );

  useEffect(
    function keepSelectionInView() {
      metrics.current.selected = selectedIndex;
      metrics.current.rows = events.length;
      reveal(selectedIndex);
    },
    [selectedIndex, events.length, reveal],
  );

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(events.length, Math.ceil((scrollTop + viewport) / ROW_HEIGHT) + OVERSCAN);
  const hovered = new Set(hoveredIds);

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const page = Math.max(1, Math.floor(viewport / ROW_HEIGHT) - 1);
    const target = keyTarget(e.key, selectedIndex, page, events.length);
    if (target === undefined) return;
    e.preventDefault();
    const next = events[target];
    if (next) store.getState().select(next.id, 'list');
  }

  return (
    <section className="dl-view dl-list" aria-labelledby="dl-list-heading">
      <div className="dl-view-bar">
        <h2 id="dl-list-heading" className="dl-view-title">
          {t('list.heading')}
        </h2>
        <span className="dl-note" data-testid="list-count">
          {t('list.inTimeOrder', { count: events.length, n: formatCount(events.length) })}
        </span>
      </div>
      {events.length === 0 && <EmptyResult />}
      <div
        ref={scrollRef}
        className="dl-list-scroll"
        role="listbox"
        aria-labelledby="dl-list-heading"
        tabIndex={0}
        aria-activedescendant={selectedIndex >= 0 ? `dl-option-${selectedIndex}` : undefined}
        onScroll={(e) => {
          metrics.current.scrollTop = e.currentTarget.scrollTop;
          setScrollTop(metrics.current.scrollTop);
        }}
        onKeyDown={onKeyDown}
        data-testid="event-list"
      >
        <div className="dl-list-spacer" style={{ height: events.length * ROW_HEIGHT }}>
          {events.slice(first, last).map((e, i) => (
            <EventRow
              key={e.id}
              event={e}
              index={first + i}
              setSize={events.length}
              selected={e === selected}
              hovered={hovered.has(e.id)}
              style={{ top: (first + i) * ROW_HEIGHT, height: ROW_HEIGHT }}
              terms={terms}
              dataLang={dataLang}
              locale={readerLocale()}
            />
          ))}
        </div>
      </div>
    </section>
  );
}
