// The map view: a react-leaflet map with no tile layer (the basemap is offline, see basemap.ts),
// the event layer, its legend, and a note of how many visible events have no place.
import 'leaflet/dist/leaflet.css';
import './map.css';
import { useState } from 'react';
import { MapContainer } from 'react-leaflet';
import type { ResolvedPlace } from '../../model/dataset';
import { useAppStore, useAppStoreApi } from '../../store';
import { selectUnplacedCount, selectVisibleEvents } from '../../store/selectors';
import { openingView, type CoveredBelow } from './camera';
import { ControlCorners } from './ControlCorners';
import { EventLayer } from './EventLayer';
import { MapLegend } from './MapLegend';

/** Where the map opens: the link's view, else the visible places with room around them. */
function useOpeningView() {
  const store = useAppStoreApi();
  const [initial] = useState(() => {
    const s = store.getState();
    const places = new Set<ResolvedPlace>();
    for (const e of selectVisibleEvents(s)) {
      const p = e.placeKey === null ? undefined : s.dataset?.places.get(e.placeKey);
      if (p) places.add(p);
    }
    return openingView(s.mapView, places);
  });
  return initial;
}

/** `coveredBelow`: how much of the screen's bottom the phone's details sheet covers, px. */
export function MapView({ coveredBelow }: { coveredBelow?: CoveredBelow }) {
  const initial = useOpeningView();
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
          <ControlCorners />
          <EventLayer coveredBelow={coveredBelow} />
        </MapContainer>
        <MapLegend />
      </div>
    </section>
  );
}
