// View slice: the timeline window and the map view, as last settled. Written by the adapters on
// settled events (rangechanged, moveend) with their own origin, and by the URL with origin
// "url"; an adapter only applies a change that did not come from itself.
import type { StateCreator } from 'zustand';
import type { MapViewState, TimeWindow } from '../url/types';
import type { AppState } from './index';
import type { ViewOrigin } from './selectionSlice';

export interface ViewSlice {
  timeWindow: TimeWindow | null;
  timeWindowOrigin: ViewOrigin | null;
  mapView: MapViewState | null;
  mapViewOrigin: ViewOrigin | null;
  /**
   * True once the user moved the timeline or the map by hand, or a link placed them: from then
   * on the URL carries the window and the map view. Until then links stay short.
   */
  viewPinned: boolean;
  setTimeWindow: (w: TimeWindow | null, origin: ViewOrigin, byUser?: boolean) => void;
  setMapView: (v: MapViewState | null, origin: ViewOrigin, byUser?: boolean) => void;
}

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set) => ({
  timeWindow: null,
  timeWindowOrigin: null,
  mapView: null,
  mapViewOrigin: null,
  viewPinned: false,
  setTimeWindow: (timeWindow, timeWindowOrigin, byUser = false) =>
    set((s) => ({
      timeWindow,
      timeWindowOrigin,
      viewPinned: s.viewPinned || byUser || timeWindowOrigin === 'url',
    })),
  setMapView: (mapView, mapViewOrigin, byUser = false) =>
    set((s) => ({
      mapView,
      mapViewOrigin,
      viewPinned: s.viewPinned || byUser || mapViewOrigin === 'url',
    })),
});
