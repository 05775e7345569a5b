// Moving the selection through the visible events in time order (keyboard, prev/next buttons).
import { appStore, type AppStore } from './index';
import { indexOfEvent } from '../model/sortedEvents';
import { selectVisibleEvents } from './selectors';
import type { ViewOrigin } from './selectionSlice';

export function stepSelection(step: 1 | -1, origin: ViewOrigin, store: AppStore = appStore): void {
  const state = store.getState();
  const events = selectVisibleEvents(state);
  if (events.length === 0) return;
  // By halving (the events are in the dataset's order), not a scan: a scan of the dataset's
  // events would make every object up to the selected one.
  const selected =
    state.selectedId === null ? undefined : state.dataset?.eventById.get(state.selectedId);
  const found = selected ? indexOfEvent(events, selected) : -1;
  const current =
    found >= 0 || state.selectedId === null
      ? found
      : events.findIndex((e) => e.id === state.selectedId);
  const next =
    current === -1
      ? step === 1
        ? 0
        : events.length - 1
      : Math.min(events.length - 1, Math.max(0, current + step));
  const target = events[next];
  if (target) state.select(target.id, origin);
}
