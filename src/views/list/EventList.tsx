// The event list: every visible event in time order, as a keyboard- and screen-reader-friendly
// listbox. Windowed: only the rows in view are in the DOM, so it stays light at 100k events.
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import './list.css';
import { resolvedTime } from '../../model/describe';
import { useAppStore, useAppStoreApi } from '../../store';
import { indexOfEvent } from '../../model/sortedEvents';
import { selectSelectedEvent, selectVisibleEvents } from '../../store/selectors';
import { EmptyResult } from './EmptyResult';

const ROW_HEIGHT = 56;
const OVERSCAN = 6;

export function EventList() {
  const store = useAppStoreApi();
  const events = useAppStore(selectVisibleEvents);
  const selected = useAppStore(selectSelectedEvent);
  const hoveredIds = useAppStore((s) => s.hoveredIds);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(400);
  // The same two values, for the effect below without making it depend on them (it must run on
  // a new selection, not on every scroll).
  const metrics = useRef({ scrollTop: 0, viewport: 400 });

  useLayoutEffect(function observeSize() {
    const el = scrollRef.current;
    if (!el) return;
    const observer = new ResizeObserver(() => {
      metrics.current.viewport = el.clientHeight || 400;
      setViewport(metrics.current.viewport);
    });
    observer.observe(el);
    return function stopObserving() {
      observer.disconnect();
    };
  }, []);

  const selectedIndex = selected === null ? -1 : indexOfEvent(events, selected);

  useEffect(
    function keepSelectionInView() {
      const el = scrollRef.current;
      if (!el || selectedIndex < 0) return;
      const top = selectedIndex * ROW_HEIGHT;
      // Known values, not el.scrollTop/clientHeight; and the scroll is set in the next animation
      // frame, when the page is laid out anyway: reading or setting scrollTop here forced a
      // layout of the whole page in the middle of a selection, done again before the paint.
      const { scrollTop: seen, viewport: height } = metrics.current;
      const next =
        top < seen ? top : top + ROW_HEIGHT > seen + height ? top + ROW_HEIGHT - height : seen;
      if (next === seen) return;
      metrics.current.scrollTop = next;
      setScrollTop(next);
      const frame = requestAnimationFrame(() => {
        el.scrollTop = next;
      });
      return function cancel() {
        cancelAnimationFrame(frame);
      };
    },
    [selectedIndex],
  );

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(events.length, Math.ceil((scrollTop + viewport) / ROW_HEIGHT) + OVERSCAN);
  const hovered = new Set(hoveredIds);
  const select = (id: string) => store.getState().select(id, 'list');

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const page = Math.max(1, Math.floor(viewport / ROW_HEIGHT) - 1);
    const targets: Record<string, number> = {
      ArrowDown: selectedIndex + 1,
      ArrowUp: selectedIndex < 0 ? events.length - 1 : selectedIndex - 1,
      PageDown: selectedIndex + page,
      PageUp: selectedIndex - page,
      Home: 0,
      End: events.length - 1,
    };
    const target = targets[e.key];
    if (target === undefined || events.length === 0) return;
    e.preventDefault();
    const next = events[Math.min(events.length - 1, Math.max(0, target))];
    if (next) select(next.id);
  }

  return (
    <section className="dl-view dl-list" aria-labelledby="dl-list-heading">
      <div className="dl-view-bar">
        <h2 id="dl-list-heading" className="dl-view-title">
          Events
        </h2>
        <span className="dl-note">{events.length} in time order</span>
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
          {events.slice(first, last).map((e, i) => {
            const index = first + i;
            const classes = [
              'dl-option',
              e === selected && 'dl-selected',
              hovered.has(e.id) && 'dl-highlight',
            ]
              .filter(Boolean)
              .join(' ');
            return (
              // Options follow the listbox's aria-activedescendant pattern: the listbox has focus
              // and the keys; a click on an option is the pointer's way to the same action.
              // oxlint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/interactive-supports-focus
              <div
                key={e.id}
                id={`dl-option-${index}`}
                role="option"
                aria-selected={e === selected}
                aria-setsize={events.length}
                aria-posinset={index + 1}
                className={classes}
                style={{ top: index * ROW_HEIGHT, height: ROW_HEIGHT }}
                data-event-id={e.id}
                onClick={() => select(e.id)}
                onMouseEnter={() => store.getState().hover([e.id], 'list')}
                onMouseLeave={() => store.getState().hover([], 'list')}
              >
                {/* Cut to one line: the whole title is its tooltip (and, as text, its name). */}
                <span className="dl-option-title" title={e.title}>
                  {e.title}
                </span>
                <span className="dl-option-meta">
                  {e.time.approximate ? '≈ ' : ''}
                  {resolvedTime(e)} · {e.type}
                  {e.status !== 'occurred' ? ` · ${e.status}` : ''}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
