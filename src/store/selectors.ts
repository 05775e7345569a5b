// Derived values, computed from the store and never stored twice.
import type { DatelineEvent } from '../model/dataset';
import type { AppState } from './index';

const EMPTY: readonly DatelineEvent[] = [];

/** The events the views show. Filtering will narrow this; for now, every loaded event. */
export const selectVisibleEvents = (s: AppState): readonly DatelineEvent[] =>
  s.dataset?.events ?? EMPTY;

export const selectSelectedEvent = (s: AppState): DatelineEvent | null =>
  (s.selectedId !== null && s.dataset?.eventById.get(s.selectedId)) || null;
