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
    function addEventLayer() {
      if (!dataset) return;
      const store = useAppStore;
      const adapter = new MapAdapter(map, dataset.places, {
        onSelect: (id) => store.getState().select(id, 'map'),
        onHover: (ids) => store.getState().hover(ids, 'map'),
      });
      adapter.setEvents(selectVisibleEvents(store.getState()));
      adapter.fit();
      const unsubscribers = [
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
