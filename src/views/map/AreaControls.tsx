// The map's area filter controls (issue 14): "Filter to this map view" takes the map's view as
// the area; "Draw an area" turns on draw mode, in which a drag on the map draws one (Escape
// cancels). The area in force is drawn on the map (areaDraw.ts). Keyboard users move the map
// with its keys and use the first button.
import { useTranslation } from 'react-i18next';
import type L from 'leaflet';
import { useEffect, useRef, useState } from 'react';
import { areaFromBounds } from '../../model/filter/area';
import { useAppStoreApi } from '../../store';
import { Toolbar } from '../../ui/Toolbar';
import { AreaOnMap } from './areaDraw';

export function AreaControls({ map }: { map: L.Map | null }) {
  const store = useAppStoreApi();
  const { t } = useTranslation();
  const onMapRef = useRef<AreaOnMap | null>(null);
  const [drawing, setDrawing] = useState(false);

  useEffect(
    function addArea() {
      if (!map) return;
      const onMap = new AreaOnMap(map);
      onMapRef.current = onMap;
      const unsubscribe = store.subscribe(
        (s) => s.filters.area,
        (area) => onMap.show(area),
        { fireImmediately: true },
      );
      return function removeArea() {
        unsubscribe();
        onMap.destroy();
        onMapRef.current = null;
      };
    },
    [map, store],
  );

  useEffect(
    function drawMode() {
      const onMap = onMapRef.current;
      if (!map || !onMap || !drawing) return;
      onMap.startDrawing(
        (a) => {
          setDrawing(false);
          store.getState().setFilters({ area: a });
        },
        () => setDrawing(false),
      );
      return function endDrawMode() {
        onMap.stopDrawing();
      };
    },
    [map, drawing, store],
  );

  function filterToView() {
    if (!map) return;
    const b = map.getBounds();
    const a = areaFromBounds(b.getSouth(), b.getWest(), b.getNorth(), b.getEast());
    if (a) store.getState().setFilters({ area: a });
  }

  return (
    <>
      <Toolbar className="dl-toolbar dl-area-tools" label={t('area.toolbar')}>
        <button type="button" onClick={filterToView} disabled={!map}>
          {t('area.filterToView')}
        </button>
        <button
          type="button"
          aria-pressed={drawing}
          onClick={() => setDrawing((d) => !d)}
          disabled={!map}
        >
          {t('area.draw')}
        </button>
      </Toolbar>
      <p className="dl-map-notice dl-area-hint" aria-live="polite">
        {drawing ? t('area.drawHint') : ''}
      </p>
    </>
  );
}
