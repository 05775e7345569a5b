// The event list of a query source (issue 15.3): every event under the filters, however many,
// in time order, each page asked of the service as the list scrolls to it (data/remote/
// remoteList.ts); rows not yet here are drawn as placeholders. Past a few hundred thousand
// rows the scroll height is scaled (browsers cap an element's height near 33 million pixels):
// the scrollbar's position stands for the row number. A selection made elsewhere is looked up
// (`locate`) and scrolled to. The same listbox, rows and keys as the list of data held in the
// page (EventList.tsx).
import { useTranslation } from 'react-i18next';
import { useEffect, useReducer, useRef, useState, type KeyboardEvent } from 'react';
import { formatCount, readerLocale } from '../../model/readerLocale';
import { useDataLang } from '../../i18n/dataLang';
import { useAppStore, useAppStoreApi } from '../../store';
import type { RemoteList } from '../../data/remote/remoteList';
import { useSearchTerms } from '../../ui/Highlighted';
import { EventRow, keyTarget, OVERSCAN, ROW_HEIGHT } from './EventRow';
import { EmptyResult } from './EmptyResult';

/** The tallest the scrolled content is made (well under the browsers' caps). */
const MAX_SCROLL_PX = 8_000_000;

/** Scroll position ↔ row: linear, scaled when the rows would be taller than MAX_SCROLL_PX. */
export function scrollScale(rows: number, viewport: number) {
  const full = rows * ROW_HEIGHT;
  const height = Math.min(full, MAX_SCROLL_PX);
  const range = Math.max(1, height - viewport);
  const factor = full > height ? Math.max(1, full - viewport) / range : 1;
  return {
    height,
    /** The first row's top, in content pixels, for a scroll position. */
    rowTop: (scrollTop: number) => scrollTop * factor,
    /** The scroll position that puts row `i` at the top. */
    scrollFor: (i: number) => Math.min(range, (i * ROW_HEIGHT) / factor),
  };
}

/** The list's section for a query source: its heading and count, and the rows. */
export function RemoteEventListView({ list }: { list: RemoteList }) {
  const { t } = useTranslation();
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  useEffect(() => list.subscribe(redraw), [list]);
  return (
    <section className="dl-view dl-list" aria-labelledby="dl-list-heading">
      <div className="dl-view-bar">
        <h2 id="dl-list-heading" className="dl-view-title">
          {t('list.heading')}
        </h2>
        <span className="dl-note" data-testid="list-count">
          {t('list.inTimeOrder', { count: list.total, n: formatCount(list.total) })}
        </span>
      </div>
      {list.total === 0 && <EmptyResult />}
      <RemoteEventList list={list} />
    </section>
  );
}

function RemoteEventList({ list }: { list: RemoteList }) {
  const store = useAppStoreApi();
  const selectedId = useAppStore((s) => s.selectedId);
  const selectionOrigin = useAppStore((s) => s.selectionOrigin);
  const hoveredIds = useAppStore((s) => s.hoveredIds);
  const terms = useSearchTerms();
  const { t } = useTranslation();
  const dataLang = useDataLang();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(400);
  const [, redraw] = useReducer((n: number) => n + 1, 0);

  useEffect(() => list.subscribe(redraw), [list]);
  useEffect(function observeSize() {
    const el = scrollRef.current;
    if (!el) return;
    setViewport(el.clientHeight || 400);
    const observer = new ResizeObserver(() => setViewport(el.clientHeight || 400));
    observer.observe(el);
    return function stopObserving() {
      observer.disconnect();
    };
  }, []);

  const total = list.total;
  const scale = scrollScale(total, viewport);
  const top = scale.rowTop(scrollTop);
  const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(total, Math.ceil((top + viewport) / ROW_HEIGHT) + OVERSCAN);
  useEffect(() => list.ensure(first, last - 1), [list, first, last, list.version]);

  const scrollTo = (next: number) => {
    const el = scrollRef.current;
    setScrollTop(next);
    if (el) el.scrollTop = next;
  };

  // A selection made elsewhere (the timeline, the map, a link): find its row and show it.
  useEffect(
    function revealSelection() {
      if (selectedId === null || selectionOrigin === 'list') return;
      let live = true;
      void list.locate(selectedId).then((row) => {
        if (!live || row === null) return;
        const el = scrollRef.current;
        const at = scale.rowTop(el?.scrollTop ?? 0);
        const inView = row * ROW_HEIGHT >= at && (row + 1) * ROW_HEIGHT <= at + viewport;
        if (!inView) scrollTo(scale.scrollFor(Math.max(0, row - 1)));
      });
      return () => {
        live = false;
      };
    },
    // The scale changes with the total; a new total is a new list to show it in.
    // oxlint-disable-next-line react-hooks/exhaustive-deps
    [selectedId, selectionOrigin, list, total, viewport],
  );

  const selectedRow = selectedId === null ? -1 : list.rowOf(selectedId);

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const page = Math.max(1, Math.floor(viewport / ROW_HEIGHT) - 1);
    const from = selectedRow >= 0 ? selectedRow : Math.floor(top / ROW_HEIGHT) - 1;
    const row = keyTarget(e.key, from, page, total);
    if (row === undefined) return;
    e.preventDefault();
    const next = list.rowAt(row);
    if (next) store.getState().select(next.id, 'list');
    if (row * ROW_HEIGHT < top || (row + 1) * ROW_HEIGHT > top + viewport)
      scrollTo(scale.scrollFor(Math.max(0, row - (e.key === 'ArrowUp' ? 0 : page))));
  }

  const hovered = new Set(hoveredIds);
  const rows = [];
  for (let index = first; index < last; index++) {
    const e = list.rowAt(index);
    const style = { top: scrollTop + index * ROW_HEIGHT - top, height: ROW_HEIGHT };
    if (!e) {
      rows.push(
        <div key={`row-${index}`} className="dl-option dl-option-pending" style={style}>
          <span className="dl-option-meta">{t('remote.rowPending')}</span>
        </div>,
      );
      continue;
    }
    rows.push(
      <EventRow
        key={e.id}
        event={e}
        index={index}
        setSize={total}
        selected={e.id === selectedId}
        hovered={hovered.has(e.id)}
        style={style}
        terms={terms}
        dataLang={dataLang}
        locale={readerLocale()}
        data={{ 'data-row': index }}
      />,
    );
  }

  return (
    <>
      {list.failed !== null && (
        <p className="dl-note" role="alert" data-testid="remote-list-failed">
          {t('remote.listFailed', { error: list.failed })}
        </p>
      )}
      <div
        ref={scrollRef}
        className="dl-list-scroll"
        role="listbox"
        aria-labelledby="dl-list-heading"
        tabIndex={0}
        aria-activedescendant={selectedRow >= 0 ? `dl-option-${selectedRow}` : undefined}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        onKeyDown={onKeyDown}
        data-testid="event-list"
        data-remote-rows={total}
      >
        <div className="dl-list-spacer" style={{ height: scale.height }}>
          {rows}
        </div>
      </div>
    </>
  );
}
