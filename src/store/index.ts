// The one store: slices per concern, combined here; middleware only on the combined store. A
// store is made with its services (./services.ts) and its selectors' memos, so each store (the
// app's, and a fresh one in every test) is whole on its own. A component reads the store of its
// tree, the app's unless an `AppStoreProvider` gives another: `useAppStore(s => s.x)` re-renders
// only when that value changes, `useAppStoreApi()` is the store itself (actions, `subscribe`).
// Code outside React is handed a store.
import { createContext, createElement, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { subscribeWithSelector } from 'zustand/middleware';
import { createDatasetSlice, type DatasetSlice } from './datasetSlice';
import { createFiltersSlice, type FiltersSlice } from './filtersSlice';
import { createLanguageSlice, type LanguageSlice } from './languageSlice';
import { createNoticesSlice, type NoticesSlice } from './noticesSlice';
import { createPlaybackSlice, type PlaybackSlice } from './playbackSlice';
import { newSelectorMemo, type SelectorMemo } from './selectors';
import { createSelectionSlice, type SelectionSlice } from './selectionSlice';
import { createStorySlice, type StorySlice } from './storySlice';
import { defaultServices, type StoreServices } from './services';
import { createTextSlice, type TextSlice } from './textSlice';
import { createViewSlice, type ViewSlice } from './viewSlice';
import { createQuerySlice, type QuerySlice } from './querySlice';

export type AppState = DatasetSlice &
  SelectionSlice &
  FiltersSlice &
  TextSlice &
  ViewSlice &
  NoticesSlice &
  LanguageSlice &
  QuerySlice &
  PlaybackSlice &
  StorySlice & {
    /** What the actions work with (the text search); set when the store is made, never replaced. */
    readonly services: StoreServices;
    /** The memoised selectors' cache (./selectors.ts); written by them, never a reason to render. */
    readonly memo: SelectorMemo;
  };

export function createAppStore(services: Partial<StoreServices> = {}) {
  return createStore<AppState>()(
    subscribeWithSelector((...a) => ({
      ...createDatasetSlice(...a),
      ...createSelectionSlice(...a),
      ...createFiltersSlice(...a),
      ...createTextSlice(...a),
      ...createViewSlice(...a),
      ...createNoticesSlice(...a),
      ...createLanguageSlice(...a),
      ...createQuerySlice(...a),
      ...createPlaybackSlice(...a),
      ...createStorySlice(...a),
      services: defaultServices(services),
      memo: newSelectorMemo(),
    })),
  );
}

export type AppStore = ReturnType<typeof createAppStore>;

/** The app's store: main.tsx opens the data into it, and components use it unless given another. */
export const appStore: AppStore = createAppStore();
export type { StoreServices } from './services';

const AppStoreContext = createContext<AppStore>(appStore);

export function AppStoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return createElement(AppStoreContext.Provider, { value: store }, children);
}

export function useAppStoreApi(): AppStore {
  return useContext(AppStoreContext);
}

function useAppStoreState<T>(selector: (s: AppState) => T): T {
  return useStore(useAppStoreApi(), selector);
}

/**
 * Also carries the app store's `getState` and `subscribe` for the timeline and map views, which
 * bind to the app's store.
 */
export const useAppStore = Object.assign(useAppStoreState, {
  getState: appStore.getState,
  subscribe: appStore.subscribe,
});
