// The details panel: the selected event, or an introduction to the dataset when none is selected.
// On narrow screens (app.css) it is a bottom sheet while an event is open, three sizes tall
// (peek, half, full: by its buttons, or by dragging its handle), and it reports its height so
// the page and the map keep the selection above it. Closing it (✕, Esc) gives focus back to
// where the event was opened from, else the list: never to the page's body.
import { useTranslation } from 'react-i18next';
import {
  useEffect,
  useEffectEvent,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type CSSProperties,
  type PointerEvent,
  type Ref,
} from 'react';
import { useDataLang } from '../../i18n/dataLang';
import './details.css';
import './sheet.css';
import { useAppStore, useAppStoreApi } from '../../store';
import { NO_FILTERS } from '../../model/filter/types';
import { indexOfEvent } from '../../model/sortedEvents';
import {
  selectSelectedEvent,
  selectSelectedIsFiltered,
  selectVisibleEvents,
} from '../../store/selectors';
import { copyLink } from '../../ui/copyLink';
import { linkTo } from '../../url/sync';
import { stepSelection } from '../../store/navigation';
import { EventDetails } from './EventDetails';
import { SHEET_SIZES, sheetCover, sheetHeights, snapSize, type SheetSize } from './sheet';
import { quote } from '../../model/quote';

function subscribeToResize(listener: () => void) {
  window.addEventListener('resize', listener);
  return () => window.removeEventListener('resize', listener);
}
const screenHeight = () => window.innerHeight;

/** Where focus goes when the panel closed with focus in it (or nowhere): the opener, else the list. */
function giveFocusBack(opener: HTMLElement | null, panel: HTMLElement | null) {
  const shown = (el: HTMLElement | null): el is HTMLElement =>
    el !== null && el.isConnected && el.getClientRects().length > 0 && !panel?.contains(el);
  if (shown(opener)) opener.focus();
  else document.querySelector<HTMLElement>('.dl-list [role=listbox]')?.focus();
}

interface Props {
  /** The panel's element, for the app shell to tell other views what it covers. */
  ref?: Ref<HTMLElement | null>;
  /** Called when the panel's size changed (a sheet opened, resized or closed). */
  onResize?: () => void;
}

export function DetailsPanel({ ref, onResize }: Props) {
  const store = useAppStoreApi();
  const { t } = useTranslation();
  const dataLang = useDataLang();
  const dataset = useAppStore((s) => s.dataset);
  const event = useAppStore(selectSelectedEvent);
  const origin = useAppStore((s) => s.selectionOrigin);
  const visible = useAppStore(selectVisibleEvents);
  const panelRef = useRef<HTMLElement | null>(null);
  useImperativeHandle<HTMLElement | null, HTMLElement | null>(ref, () => panelRef.current);
  /** Whether the panel is scrolled down: only then is there anything to scroll back. */
  const scrolledRef = useRef(false);
  const filteredOut = useAppStore(selectSelectedIsFiltered);
  const [size, setSize] = useState<SheetSize>('half');
  const screen = useSyncExternalStore(subscribeToResize, screenHeight);
  /** What had focus when the panel opened, to give it back on closing. */
  const opener = useRef<HTMLElement | null>(null);
  const wasOpen = useRef(false);
  const index = event ? indexOfEvent(visible, event) : -1;
  const atFirst = index === 0;
  const atLast = index >= 0 && index === visible.length - 1;

  const copyEventLink = () => {
    const s = store.getState();
    if (!event) return;
    const link = linkTo({
      event: event.id,
      filters: NO_FILTERS,
      window: null,
      map: null,
      data: s.dataUrl,
      ...(s.remote && { source: s.remote.source }),
    });
    // quote() marks and cuts the title (a title of millions of characters makes no notice).
    void copyLink(store, link, quote(event.title));
  };

  useLayoutEffect(
    function keepFocusOnOpenAndClose() {
      const panel = panelRef.current;
      const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      const lost = !active || active === document.body || (panel?.contains(active) ?? false);
      if (event && !wasOpen.current) opener.current = lost ? null : active;
      if (!event && wasOpen.current && lost) giveFocusBack(opener.current, panel);
      wasOpen.current = event !== null;
    },
    [event],
  );

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

  useEffect(
    function keepSelectionAboveSheet() {
      // Again whenever the sheet's height changes (its size, the screen's).
      if (!event || sheetHeights(screen)[size] <= 0) return;
      // After the list has scrolled its row into view (its own frame, queued before this one).
      const frame = requestAnimationFrame(() => {
        const cover = sheetCover(panelRef.current);
        if (cover <= 0) return;
        const selected =
          origin === 'timeline'
            ? document.querySelector('.dl-timeline .vis-item.vis-selected')
            : origin === 'map'
              ? null // the map's camera keeps its marker above the sheet
              : document.querySelector('.dl-list [aria-selected=true]');
        if (!selected) return;
        // Under the sheet (or below the screen): up to just above the sheet; above the screen: down.
        const box = selected.getBoundingClientRect();
        const sheetTop = window.innerHeight - cover;
        if (box.bottom > sheetTop)
          window.scrollBy({ top: box.bottom - sheetTop + 8, behavior: 'instant' });
        else if (box.top < 0) window.scrollBy({ top: box.top - 8, behavior: 'instant' });
      });
      return function cancel() {
        cancelAnimationFrame(frame);
      };
    },
    [event, origin, size, screen],
  );

  const reportResize = useEffectEvent(() => onResize?.());
  useEffect(function reportSize() {
    const panel = panelRef.current;
    if (!panel) return;
    const observer = new ResizeObserver(() => reportResize());
    observer.observe(panel);
    return function stopReporting() {
      observer.disconnect();
    };
  }, []);

  /** Dragging the handle: the height follows the finger, then snaps to the nearest size. */
  function dragHandle(e: PointerEvent<HTMLDivElement>) {
    const panel = panelRef.current;
    if (!panel) return;
    const handle = e.currentTarget;
    handle.setPointerCapture(e.pointerId);
    const startY = e.clientY;
    const startHeight = panel.getBoundingClientRect().height;
    let height = startHeight;
    const move = (m: globalThis.PointerEvent) => {
      height = Math.min(window.innerHeight, Math.max(48, startHeight + startY - m.clientY));
      panel.style.setProperty('--dl-sheet-height', `${height}px`);
    };
    const end = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', end);
      handle.removeEventListener('pointercancel', end);
      const snapped = snapSize(height, window.innerHeight);
      panel.style.setProperty(
        '--dl-sheet-height',
        `${sheetHeights(window.innerHeight)[snapped]}px`,
      );
      setSize(snapped);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', end);
    handle.addEventListener('pointercancel', end);
  }

  if (!dataset) return null;
  const sheetHeight = sheetHeights(screen)[size];
  const sheetStyle = { '--dl-sheet-height': `${sheetHeight}px` } as CSSProperties;
  return (
    <>
      {/* A region, not an <aside>: a complementary landmark may not sit inside <main>. */}
      <section
        ref={panelRef}
        id="dl-details"
        className={`dl-view dl-details${event ? ` dl-details-open dl-sheet-${size}` : ''}`}
        aria-label={t('details.label')}
        data-testid="details"
        data-sheet-size={event ? size : undefined}
        // The skip link's target: focus lands on the panel, and Tab goes on into it.
        tabIndex={-1}
        style={sheetStyle}
        onScroll={(e) => {
          scrolledRef.current = e.currentTarget.scrollTop > 0;
        }}
      >
        {event ? (
          <>
            <div className="dl-details-head">
              <div className="dl-sheet-controls">
                {/* The pointer's way to resize; the buttons beside it are the keyboard's. */}
                <div className="dl-sheet-handle" aria-hidden="true" onPointerDown={dragHandle} />
                <div className="dl-sheet-sizes" role="group" aria-label={t('details.sheetSize')}>
                  {SHEET_SIZES.map((s) => (
                    <button
                      key={s}
                      type="button"
                      aria-pressed={size === s}
                      onClick={() => setSize(s)}
                      data-testid={`sheet-${s}`}
                    >
                      {t(`details.size.${s}`)}
                    </button>
                  ))}
                </div>
              </div>
              <div className="dl-details-bar">
                <button
                  type="button"
                  onClick={() => stepSelection(-1, 'details', store)}
                  aria-label={t('details.previousEvent')}
                  disabled={atFirst}
                >
                  <span className="dl-arrow" aria-hidden="true">
                    ←
                  </span>{' '}
                  {t('details.previous')}
                </button>
                <button
                  type="button"
                  onClick={() => stepSelection(1, 'details', store)}
                  aria-label={t('details.nextEvent')}
                  disabled={atLast}
                >
                  {t('details.next')}{' '}
                  <span className="dl-arrow" aria-hidden="true">
                    →
                  </span>
                </button>
                <button type="button" onClick={copyEventLink} data-testid="copy-link">
                  {t('details.copyLink')}
                </button>
                <button
                  type="button"
                  className="dl-close"
                  onClick={() => store.getState().select(null, 'details')}
                  aria-label={t('details.close')}
                >
                  ✕
                </button>
              </div>
            </div>
            {filteredOut && (
              <p className="dl-filtered-note" data-testid="outside-filters">
                {t('details.outsideFilters')}{' '}
                <button
                  type="button"
                  onClick={() => {
                    store.getState().clearFilters();
                    // The button goes with the note: focus the event it was about.
                    requestAnimationFrame(() =>
                      panelRef.current?.querySelector<HTMLElement>('#dl-event-title')?.focus(),
                    );
                  }}
                >
                  {t('details.showIt')}
                </button>
              </p>
            )}
            <EventDetails event={event} dataset={dataset} />
          </>
        ) : (
          <div className="dl-intro">
            <h2 lang={dataLang} dir="auto">
              {dataset.title}
            </h2>
            {dataset.description && (
              <p lang={dataLang} dir="auto">
                {dataset.description}
              </p>
            )}
            <p className="dl-note">{t('details.intro')}</p>
          </div>
        )}
      </section>
      {/* Room at the page's end as tall as the sheet, so that all of it scrolls above the sheet. */}
      {event && <div className="dl-sheet-room" style={{ height: sheetHeight }} />}
    </>
  );
}
