// Events in the dataset's order (by earliest, then file order) can be searched by halving: the
// filtered list keeps that order, so "is this event shown?" costs ~17 steps at 100,000 events
// instead of a scan. Store selectors run on every store change, so a scan there costs every change.
import type { DatelineEvent } from './dataset';

/** Where `e` is in `events`, which must be in the dataset's order (a filtered list is); or -1. */
export function indexOfEvent(events: readonly DatelineEvent[], e: DatelineEvent): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const m = events[mid]!;
    if (m.earliest < e.earliest || (m.earliest === e.earliest && m.index < e.index)) lo = mid + 1;
    else hi = mid;
  }
  return events[lo] === e ? lo : -1;
}

/** Whether `e` is in `events`, which must be in the dataset's order (a filtered list is). */
export function containsEvent(events: readonly DatelineEvent[], e: DatelineEvent): boolean {
  return indexOfEvent(events, e) >= 0;
}
