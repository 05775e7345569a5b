// Derived values, computed from the store and never stored twice. The filter result is memoised
// on the dataset, the text shown and the other filters, so every view asking for it in one change
// shares one run, and typing a query whose hits are still on their way costs nothing. The memos
// are the store's own (`AppState.memo`), so two stores never evict each other's.
import type { DatelineEvent } from '../model/dataset';
import { shownCount, shownRow, shownRowsOf } from '../model/eventColumns';
import { applyFilters, type FilterResult } from '../model/filter/apply';
import { eventIndexOf } from '../model/filter/eventIndex';
import { containsEvent } from '../model/sortedEvents';
import { inPieces, memoSteps, type Steps } from '../model/steps';
import { daysToMs, yearStart, type TimeWindow } from '../model/time';
import type { Filters } from '../model/filter/types';
import type { AppState } from './index';
import { selectPlayedEvents } from './playbackSelectors';
import type { ShownText } from './textSlice';

const EMPTY: readonly DatelineEvent[] = [];

/** Whether two filters are the same but for the text query (whose hits come as `textShown`). */
function sameBesidesText(a: Filters, b: Filters): boolean {
  for (const k of Object.keys(a) as Array<keyof Filters>)
    if (k !== 'q' && a[k] !== b[k]) return false;
  return true;
}

/**
 * The memoised selectors' last inputs and results, one set per store; the filter result's per
 * dataset, so a view still drawing the dataset shown before does not evict the one made ahead
 * for the dataset about to be shown (data/prepareViews.ts).
 */
export interface SelectorMemo {
  filter: WeakMap<
    NonNullable<AppState['dataset']>,
    { filters: Filters; text: ShownText; result: FilterResult }
  >;
}

export const newSelectorMemo = (): SelectorMemo => ({ filter: new WeakMap() });

export const selectFilterResult = (s: AppState): FilterResult | null => {
  if (s.remote) return s.remote.result; // a query source filters on its service
  if (!s.dataset) return null;
  const memo = s.memo.filter.get(s.dataset);
  if (memo && memo.text === s.textShown && sameBesidesText(memo.filters, s.filters))
    return memo.result;
  const start = performance.now();
  const result = applyFilters(eventIndexOf(s.dataset), s.filters, s.textShown.hits);
  performance.measure('dl:filter', { start }); // for the performance panel
  s.memo.filter.set(s.dataset, { filters: s.filters, text: s.textShown, result });
  return result;
};

/** The events the views show: the dataset narrowed by the filters, in time order. */
export const selectVisibleEvents = (s: AppState): readonly DatelineEvent[] =>
  selectFilterResult(s)?.visible ?? EMPTY;

/** How many events the filters let through (a query source holds only some of them). */
export const selectShownCount = (s: AppState): number =>
  s.remote ? s.remote.shown : selectVisibleEvents(s).length;

/** How many events the dataset holds (a query source's whole table). */
export const selectTotalCount = (s: AppState): number =>
  s.remote ? s.remote.result.total : (s.dataset?.events.length ?? 0);

export const selectSelectedEvent = (s: AppState): DatelineEvent | null =>
  (s.selectedId !== null && s.dataset?.eventById.get(s.selectedId)) || null;

/** Whether the selected event is hidden by the current filters (shown anyway, with a note). */
export const selectSelectedIsFiltered = (s: AppState): boolean => {
  const selected = selectSelectedEvent(s);
  return selected !== null && !containsEvent(selectVisibleEvents(s), selected);
};

/** How many of these events have no place. */
function* unplacedSteps(events: readonly DatelineEvent[]): Steps<number> {
  let count = 0;
  const shown = shownRowsOf(events);
  if (shown) {
    // From the place column: no event object is made.
    const { placeNo } = shown.columns;
    yield* inPieces(shownCount(shown), (from, to) => {
      for (let k = from; k < to; k++) if (placeNo[shownRow(shown, k)]! < 0) count++;
    });
    return count;
  }
  yield* inPieces(events.length, (from, to) => {
    for (let i = from; i < to; i++) if (events[i]!.placeKey === null) count++;
  });
  return count;
}

/**
 * How many of an array of events have no place, kept per array (the filters' result, or what a
 * playback holds): a large dataset's count is made ahead (`unplacedCountOf.steps`).
 */
export const unplacedCountOf = memoSteps(unplacedSteps);

/**
 * How many of the events the map shows (the visible ones, or what a playback holds) have no
 * place (kept per array: this runs on every store change).
 */
export const selectUnplacedCount = (s: AppState): number =>
  unplacedCountOf.get(selectPlayedEvents(s));

// Open ends of the date range: the ends of what the timeline draws (views/timeline/deepTime.ts).
const FAR_PAST = yearStart(-250_000);
const FAR_FUTURE = yearStart(250_000);

/** The date filter as a span of epoch ms (open ends reach far out), or null when off. */
export const selectDateRange = (s: AppState): TimeWindow | null => {
  const { from, to } = s.filters;
  if (from === null && to === null) return null;
  const { start, end } = daysToMs(from, to);
  return { start: Math.max(FAR_PAST, start), end: Math.min(FAR_FUTURE, end) };
};
