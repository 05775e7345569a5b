// Puts the offline basemap and the events on the react-leaflet map, and binds the events' layer
// (a MapAdapter) to the store.
import { useTranslation } from 'react-i18next';
import { useEffect, useState } from 'react';
import { useMap } from 'react-leaflet';
import { useAppStore, useAppStoreApi } from '../../store';
import { bindLinkedView } from '../linked/bindLinkedView';
import { mapViewChannel } from '../linked/LinkedView';
import { OfflineBasemap } from './basemap';
import type { CoveredBelow } from './camera';
import { MapAdapter } from './MapAdapter';

export function EventLayer({ coveredBelow }: { coveredBelow?: CoveredBelow }) {
  const map = useMap();
  const store = useAppStoreApi();
  const dataset = useAppStore((s) => s.dataset);
  const [basemapError, setBasemapError] = useState<string | null>(null);
  const { t } = useTranslation();

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
      const adapter = new MapAdapter(map, dataset, { coveredBelow });
      const unbind = bindLinkedView(store, adapter, mapViewChannel);
      return function removeEventLayer() {
        unbind();
        adapter.destroy();
      };
    },
    [map, dataset, coveredBelow, store],
  );

  if (!basemapError) return null;
  return (
    <p className="dl-map-notice dl-map-notice-error" role="alert">
      {t('map.basemapFailed', { error: basemapError })}
    </p>
  );
}
