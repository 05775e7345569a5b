// Binds a MapAdapter and the offline basemap to the react-leaflet map, and both to the store.
import { useEffect, useState } from 'react';
import { useMap } from 'react-leaflet';
import { useAppStore } from '../../store';
import { selectVisibleEvents } from '../../store/selectors';
import { OfflineBasemap } from './basemap';
import { MapAdapter } from './MapAdapter';

export function EventLayer() {
  const map = useMap();
  const dataset = useAppStore((s) => s.dataset);
  const [basemapError, setBasemapError] = useState<string | null>(null);

  useEffect(
    function addBasemap() {
      const basemap = new OfflineBasemap(map, setBasemapError);
      return function removeBasemap() {
        basemap.destroy();
      };
    },
    [map],
  );

  useEffect(
    function reportMapView() {
      // A move is the user's if it follows their own input on the map (drag, wheel, keys,
      // the zoom buttons); moves we make (fit, pan to a selection) are not.
      let userUntil = 0;
      const container = map.getContainer();
      const markUser = () => {
        userUntil = performance.now() + 1500;
      };
      const inputs = ['pointerdown', 'wheel', 'keydown', 'touchstart'] as const;
      inputs.forEach((type) => container.addEventListener(type, markUser, { passive: true }));
      const onMoveEnd = () => {
        const c = map.getCenter();
        const view = { lat: c.lat, lon: c.wrap().lng, zoom: map.getZoom() };
        useAppStore.getState().setMapView(view, 'map', performance.now() < userUntil);
      };
      map.on('moveend', onMoveEnd);
      return function stopReporting() {
        inputs.forEach((type) => container.removeEventListener(type, markUser));
        map.off('moveend', onMoveEnd);
      };
    },
    [map],
  );

  useEffect(
    function addEventLayer() {
      if (!dataset) return;
      const store = useAppStore;
      // A map view from a link, read before revealing the selection: the reveal's own move is
      // reported (moveend) as the map's view, and read after it the link's was lost whenever
      // the map mounted after the link was applied (a race: ~1 load in 10).
      const { mapView: linked, mapViewOrigin } = store.getState();
      const adapter = new MapAdapter(map, dataset, {
        onSelect: (id) => store.getState().select(id, 'map'),
        onHover: (ids) => store.getState().hover(ids, 'map'),
      });
      // The map opens on the link's view or on the places (MapView's initial view).
      adapter.setEvents(selectVisibleEvents(store.getState()));
      const unsubscribers = [
        store.subscribe(
          (s) => s.mapView,
          (v) => {
            if (v && store.getState().mapViewOrigin !== 'map')
              map.setView([v.lat, v.lon], v.zoom, { animate: false });
          },
        ),
        store.subscribe(selectVisibleEvents, (events) => adapter.setEvents(events)),
        store.subscribe(
          (s) => s.selectedId,
          (id) => adapter.select(id, store.getState().selectionOrigin !== 'map'),
          { fireImmediately: true },
        ),
        store.subscribe(
          (s) => s.hoveredIds,
          (ids) => adapter.highlight(store.getState().hoverOrigin === 'map' ? [] : ids),
        ),
      ];
      // A map view from a link wins over revealing the selection (just done above), so the map
      // shows what the link's sender saw.
      if (linked && mapViewOrigin === 'url')
        map.setView([linked.lat, linked.lon], linked.zoom, { animate: false });
      return function removeEventLayer() {
        unsubscribers.forEach((unsubscribe) => unsubscribe());
        adapter.destroy();
      };
    },
    [map, dataset],
  );

  if (!basemapError) return null;
  return (
    <p className="dl-map-notice dl-map-notice-error" role="alert">
      The offline basemap could not be loaded ({basemapError}); places are still shown.
    </p>
  );
}
