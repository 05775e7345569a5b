// The map view: a react-leaflet map with no tile layer (the basemap is offline, see basemap.ts),
// the event layer, its legend, and a note of how many visible events have no place.
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../model/readerLocale';
import 'leaflet/dist/leaflet.css';
import './map.css';
import type L from 'leaflet';
import { useState } from 'react';
import { MapContainer } from 'react-leaflet';
import type { ResolvedPlace } from '../../model/dataset';
import { useAppStore, useAppStoreApi } from '../../store';
import { selectUnplacedCount, selectVisibleEvents } from '../../store/selectors';
import { AreaControls } from './AreaControls';
import { openingView, type CoveredBelow } from './camera';
import { ControlCorners } from './ControlCorners';
import { EventLayer } from './EventLayer';
import { groupByPlace } from './places';
import { MapLegend } from './MapLegend';
import { RemoteCells } from './RemoteCells';

/** Where the map opens: the link's view, else the visible places with room around them. */
function useOpeningView() {
  const store = useAppStoreApi();
  const [initial] = useState(() => {
    const s = store.getState();
    const places = new Set<ResolvedPlace>();
    if (s.dataset)
      for (const g of groupByPlace(selectVisibleEvents(s), s.dataset.places).values())
        places.add(g.place);
    return openingView(s.mapView, places);
  });
  return initial;
}

/** How many shown events have no place: its own component, as it changes while playing. */
function UnplacedNote() {
  const unplaced = useAppStore(selectUnplacedCount);
  const { t } = useTranslation();
  if (unplaced === 0) return null;
  return (
    <p className="dl-map-unplaced" data-testid="unplaced-count">
      {t('map.unplaced', { count: unplaced, n: formatCount(unplaced) })}
    </p>
  );
}

/** `coveredBelow`: how much of the screen's bottom the phone's details sheet covers, px. */
export function MapView({ coveredBelow }: { coveredBelow?: CoveredBelow }) {
  const initial = useOpeningView();
  const [map, setMap] = useState<L.Map | null>(null);
  const { t } = useTranslation();
  return (
    <section className="dl-view dl-map" aria-labelledby="dl-map-heading">
      <div className="dl-view-bar">
        <h2 id="dl-map-heading" className="dl-view-title">
          {t('map.heading')}
        </h2>
        <UnplacedNote />
        <AreaControls map={map} />
      </div>
      <div className="dl-map-canvas" data-testid="map">
        <MapContainer
          ref={setMap}
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
          <RemoteCells />
        </MapContainer>
        <MapLegend />
      </div>
    </section>
  );
}
