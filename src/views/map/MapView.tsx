// The map view: a react-leaflet map with no tile layer (the basemap is offline, see basemap.ts),
// the event layer, and a note of how many visible events have no place.
import 'leaflet/dist/leaflet.css';
import './map.css';
import { MapContainer } from 'react-leaflet';
import { useAppStore } from '../../store';
import { selectVisibleEvents } from '../../store/selectors';
import { EventLayer } from './EventLayer';

export function MapView() {
  const unplaced = useAppStore(
    (s) => selectVisibleEvents(s).filter((e) => e.placeKey === null).length,
  );
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
          center={[30, 35]}
          zoom={4}
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
