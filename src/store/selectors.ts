// Derived values, computed from the store and never stored twice. The filter result is memoised
// on the dataset, the text shown and the other filters, so every view asking for it in one change
// shares one run, and typing a query whose hits are still on their way costs nothing.
import type { DatelineEvent } from '../model/dataset';
import { applyFilters, type FilterResult } from '../model/filter/apply';
import { eventIndexOf } from '../model/filter/eventIndex';
import { containsEvent } from '../model/sortedEvents';
import { dayStart, yearStart } from '../model/time';
import type { Filters } from '../model/filter/types';
import type { AppState } from './index';
import type { ShownText } from './textSlice';

const EMPTY: readonly DatelineEvent[] = [];

/** Whether two filters are the same but for the text query (whose hits come as `textShown`). */
function sameBesidesText(a: Filters, b: Filters): boolean {
  for (const k of Object.keys(a) as Array<keyof Filters>)
    if (k !== 'q' && a[k] !== b[k]) return false;
  return true;
}

let memo: {
  dataset: AppState['dataset'];
  filters: Filters;
  text: ShownText;
  result: FilterResult | null;
} | null = null;

export const selectFilterResult = (s: AppState): FilterResult | null => {
  if (
    memo &&
    memo.dataset === s.dataset &&
    memo.text === s.textShown &&
    sameBesidesText(memo.filters, s.filters)
  )
    return memo.result;
  const start = performance.now();
  const result = s.dataset
    ? applyFilters(eventIndexOf(s.dataset), s.filters, s.textShown.hits)
    : null;
  performance.measure('dl:filter', { start }); // for the performance panel
  memo = { dataset: s.dataset, filters: s.filters, text: s.textShown, result };
  return result;
};

/** The events the views show: the dataset narrowed by the filters, in time order. */
export const selectVisibleEvents = (s: AppState): readonly DatelineEvent[] =>
  selectFilterResult(s)?.visible ?? EMPTY;

export const selectSelectedEvent = (s: AppState): DatelineEvent | null =>
  (s.selectedId !== null && s.dataset?.eventById.get(s.selectedId)) || null;

/** Whether the selected event is hidden by the current filters (shown anyway, with a note). */
export const selectSelectedIsFiltered = (s: AppState): boolean => {
  const selected = selectSelectedEvent(s);
  return selected !== null && !containsEvent(selectVisibleEvents(s), selected);
};

let unplacedMemo: { visible: readonly DatelineEvent[]; count: number } | null = null;

/** How many of the visible events have no place (memoised: this runs on every store change). */
export const selectUnplacedCount = (s: AppState): number => {
  const visible = selectVisibleEvents(s);
  if (unplacedMemo?.visible !== visible) {
    let count = 0;
    for (const e of visible) if (e.placeKey === null) count++;
    unplacedMemo = { visible, count };
  }
  return unplacedMemo.count;
};

const DAY = 86_400_000;
// Open ends of the date range: the ends of what the timeline draws (views/timeline/deepTime.ts).
const FAR_PAST = yearStart(-250_000);
const FAR_FUTURE = yearStart(250_000);

/** The date filter as a span of epoch ms (open ends reach far out), or null when off. */
export const selectDateRange = (s: AppState): { start: number; end: number } | null => {
  const { from, to } = s.filters;
  if (from === null && to === null) return null;
  const start = from === null ? FAR_PAST : Math.max(FAR_PAST, dayStart(from));
  const end = to === null ? FAR_FUTURE : Math.min(FAR_FUTURE, dayStart(to) + DAY);
  return { start, end };
};
