// The one store: slices per concern, combined here; middleware only on the combined store.
// Views select single values with `useAppStore(s => s.x)`; adapters use `useAppStore.subscribe`
// with a selector so that changes reach the imperative libraries without a React render.
import { create } from 'zustand';
import { subscribeWithSelector } from 'zustand/middleware';
import { createDatasetSlice, type DatasetSlice } from './datasetSlice';
import { createFiltersSlice, type FiltersSlice } from './filtersSlice';
import { createNoticesSlice, type NoticesSlice } from './noticesSlice';
import { createSelectionSlice, type SelectionSlice } from './selectionSlice';
import { createTextSlice, type TextSlice } from './textSlice';
import { createViewSlice, type ViewSlice } from './viewSlice';

export type AppState = DatasetSlice &
  SelectionSlice &
  FiltersSlice &
  TextSlice &
  ViewSlice &
  NoticesSlice;

export const createAppStore = () =>
  create<AppState>()(
    subscribeWithSelector((...a) => ({
      ...createDatasetSlice(...a),
      ...createSelectionSlice(...a),
      ...createFiltersSlice(...a),
      ...createTextSlice(...a),
      ...createViewSlice(...a),
      ...createNoticesSlice(...a),
    })),
  );

export const useAppStore = createAppStore();
export type AppStore = typeof useAppStore;
