// Reduced motion on the map: when the person asks their system for less motion
// (`prefers-reduced-motion: reduce`), every move of this map (zoom buttons, keys, wheel, a cluster
// opened, the camera's own moves) jumps instead of animating, and a drag stops where it is let go
// (no inertia). Leaflet reads its animation options once, at creation; these are the two entry
// points every animated move goes through (setView for zooms, panBy for pans), given
// `animate: false` on this one map.
import L from 'leaflet';

export function prefersReducedMotion(win: Pick<Window, 'matchMedia'> = window): boolean {
  return win.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

/** Makes this map's moves instant, if the person prefers reduced motion. Returns the undo. */
export function calmMap(map: L.Map, reduce = prefersReducedMotion()): () => void {
  if (!reduce) return () => {};
  const inertia = map.options.inertia;
  map.options.inertia = false;
  const proto = L.Map.prototype;
  map.setView = function setViewAtOnce(center, zoom, options) {
    return proto.setView.call(this, center, zoom, { ...options, animate: false });
  };
  map.panBy = function panByAtOnce(offset, options) {
    return proto.panBy.call(this, offset, { ...options, animate: false });
  };
  return function restoreMotion() {
    map.options.inertia = inertia;
    delete (map as Partial<Pick<L.Map, 'setView' | 'panBy'>>).setView;
    delete (map as Partial<Pick<L.Map, 'setView' | 'panBy'>>).panBy;
  };
}
