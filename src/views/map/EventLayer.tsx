// Puts the offline basemap and the events on the react-leaflet map, and binds the events' layer
// (a MapAdapter) to the store.
import { useTranslation } from 'react-i18next';
import { useEffect, useState } from 'react';
import { useMap } from 'react-leaflet';
import { useAppStore, useAppStoreApi, type AppState } from '../../store';
import { bindLinkedView } from '../linked/bindLinkedView';
import { mapViewChannel } from '../linked/LinkedView';
import { selectPlayedEvents } from '../../store/playbackSelectors';
import { OfflineBasemap } from './basemap';
import type { CoveredBelow } from './camera';
import { MapAdapter } from './MapAdapter';
import { prefersReducedMotion } from './motion';

/** With a query source, the events of the map's own bounds (data/querySource.ts `fetchMap`). */
const selectMapEvents = (s: AppState) => s.remote?.mapEvents ?? selectPlayedEvents(s);

/** How long a place an event entered during a playback is drawn as just entered (map.css). */
const ENTRY_MS = 1500;
/** With reduced motion the playhead steps once a second: a step marks only its own entries. */
const REDUCED_ENTRY_MS = 900;

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
      // The map shows what a playback holds (issue 14).
      const unbind = bindLinkedView(store, adapter, mapViewChannel, selectMapEvents);
      // Entries fade (CSS) over ENTRY_MS; with reduced motion they do not fade, and each
      // one-second step marks only its own.
      const entryMs = prefersReducedMotion() ? REDUCED_ENTRY_MS : ENTRY_MS;
      const unwatch = store.subscribe(
        (s) => s.playback !== null,
        (on) => adapter.markEntries(on ? entryMs : null),
        { fireImmediately: true },
      );
      return function removeEventLayer() {
        unwatch();
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
