// A query source's clusters (issue 15.3): when the map's bounds hold more events under the
// filters than the service lists, the service counts them per grid cell, and this layer draws
// each cell as the map draws a cluster, a button that zooms to it. It also tells the store the
// map's bounds whenever the map settles, which is what the page asks the service about. With
// data held in the page it does nothing.
import L from 'leaflet';
import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import type { RemoteCell } from '../../data/remote/protocol';
import { useAppStoreApi } from '../../store';
import { shortCount } from './clusters';
import { t } from '../../i18n';
import { formatCount } from '../../model/readerLocale';

function cellMarker(map: L.Map, cell: RemoteCell): L.Marker {
  const size = 30 + 5 * Math.min(4, Math.floor(Math.log10(Math.max(1, cell.count))));
  const label = document.createElement('span');
  label.className = 'dl-marker-count';
  label.textContent = shortCount(cell.count);
  const marker = L.marker([cell.lat, cell.lon], {
    icon: L.divIcon({
      html: label,
      className: 'dl-cluster dl-remote-cell',
      iconSize: [size, size],
      iconAnchor: [size / 2, size / 2],
    }),
    keyboard: true,
  });
  marker.on('add', () => {
    const el = marker.getElement();
    if (!el) return;
    el.setAttribute('role', 'button');
    el.setAttribute(
      'aria-label',
      t('remote.cell', { count: cell.count, n: formatCount(cell.count, true) }),
    );
    el.dataset.eventCount = String(cell.count);
  });
  marker.on('click', () => {
    const bounds = L.latLngBounds([cell.south, cell.west], [cell.north, cell.east]);
    map.fitBounds(bounds.pad(0.2), { maxZoom: Math.min(map.getMaxZoom(), map.getZoom() + 3) });
  });
  return marker;
}

export function RemoteCells() {
  const map = useMap();
  const store = useAppStoreApi();
  useEffect(
    function addRemoteCells() {
      const layer = L.layerGroup().addTo(map);
      const draw = (cells: readonly RemoteCell[] | null) => {
        layer.clearLayers();
        for (const cell of cells ?? []) layer.addLayer(cellMarker(map, cell));
      };
      // Until the map's own question is answered, the cells of the timeline's window.
      const cellsOf = (s: ReturnType<typeof store.getState>) =>
        !s.remote
          ? null
          : s.remote.mapEvents === null
            ? (s.remote.density?.cells ?? null)
            : s.remote.mapCells;
      const unsubscribe = store.subscribe(cellsOf, draw, { fireImmediately: true });
      const report = () => {
        if (!store.getState().remote) return;
        const b = map.getBounds();
        store.getState().setRemoteMapBounds({
          west: b.getWest(),
          south: b.getSouth(),
          east: b.getEast(),
          north: b.getNorth(),
        });
      };
      map.whenReady(report);
      map.on('moveend', report);
      return function removeRemoteCells() {
        map.off('moveend', report);
        unsubscribe();
        layer.remove();
      };
    },
    [map, store],
  );
  return null;
}
