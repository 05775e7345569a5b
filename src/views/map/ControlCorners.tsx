// Leaflet's controls on the side the page reads from: the zoom buttons at the top start (top
// left, top right in RTL), the attribution at the bottom end. The map itself is geography and
// never mirrors; only its controls do. Follows <html dir> while the map lives.
import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import { usePageDirection } from '../../ui/usePageDirection';

export function ControlCorners() {
  const map = useMap();
  const dir = usePageDirection();
  useEffect(
    function placeControls() {
      const rtl = dir === 'rtl';
      map.zoomControl?.setPosition(rtl ? 'topright' : 'topleft');
      map.attributionControl?.setPosition(rtl ? 'bottomleft' : 'bottomright');
    },
    [map, dir],
  );
  return null;
}
