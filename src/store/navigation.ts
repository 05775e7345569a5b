// Moving the selection through the visible events in time order (keyboard, prev/next buttons).
import { appStore, type AppStore } from './index';
import { selectVisibleEvents } from './selectors';
import type { ViewOrigin } from './selectionSlice';

export function stepSelection(step: 1 | -1, origin: ViewOrigin, store: AppStore = appStore): void {
  const state = store.getState();
  const events = selectVisibleEvents(state);
  if (events.length === 0) return;
  const current =
    state.selectedId === null ? -1 : events.findIndex((e) => e.id === state.selectedId);
  const next =
    current === -1
      ? step === 1
        ? 0
        : events.length - 1
      : Math.min(events.length - 1, Math.max(0, current + step));
  const target = events[next];
  if (target) state.select(target.id, origin);
}
