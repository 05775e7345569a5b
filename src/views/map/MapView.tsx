// The map view: a react-leaflet map with no tile layer (the basemap is offline, see basemap.ts),
// the event layer, and a note of how many visible events have no place.
import 'leaflet/dist/leaflet.css';
import './map.css';
import L from 'leaflet';
import { useState } from 'react';
import { MapContainer } from 'react-leaflet';
import { useAppStore } from '../../store';
import { selectUnplacedCount, selectVisibleEvents } from '../../store/selectors';
import { EventLayer } from './EventLayer';

/** Where the map opens: the link's view, else the visible places with room around them. */
function useInitialView(): { center: [number, number]; zoom: number } | { bounds: L.LatLngBounds } {
  const [initial] = useState(() => {
    const s = useAppStore.getState();
    if (s.mapView)
      return { center: [s.mapView.lat, s.mapView.lon] as [number, number], zoom: s.mapView.zoom };
    const points: L.LatLngTuple[] = [];
    const keys = new Set(selectVisibleEvents(s).map((e) => e.placeKey));
    for (const key of keys) {
      const p = key === null ? undefined : s.dataset?.places.get(key);
      if (p) points.push([p.lat, p.lon]);
    }
    if (points.length === 0) return { center: [30, 35] as [number, number], zoom: 3 };
    return { bounds: L.latLngBounds(points).pad(0.4) };
  });
  return initial;
}

export function MapView() {
  const initial = useInitialView();
  const unplaced = useAppStore(selectUnplacedCount);
  return (
    <section className="dl-view dl-map" aria-labelledby="dl-map-heading">
      <div className="dl-view-bar">
        <h2 id="dl-map-heading" className="dl-view-title">
          Map
        </h2>
        {unplaced > 0 && (
          <p className="dl-map-unplaced" data-testid="unplaced-count">
            {unplaced === 1 ? '1 event has' : `${unplaced} events have`} no place in the source
          </p>
        )}
      </div>
      <div className="dl-map-canvas" data-testid="map">
        <MapContainer
          {...initial}
          boundsOptions={{ maxZoom: 7 }}
          minZoom={2}
          maxZoom={12}
          worldCopyJump
          attributionControl
          className="dl-leaflet"
        >
          <EventLayer />
        </MapContainer>
      </div>
    </section>
  );
}
