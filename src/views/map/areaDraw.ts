// The map area filter on the map (issue 14): the area in force drawn as a dashed rectangle, and a
// draw mode in which a drag draws a new one. Pointer events on the map's container (mouse, pen
// and touch alike), the map's own dragging off while drawing; Escape or a click without a drag
// cancels. Longitudes are as Leaflet gives them (unwrapped beyond ±180° when the view crossed the
// antimeridian); areaFromBounds wraps them. No React and no store here.
import L from 'leaflet';
import { areaFromBounds, type GeoArea } from '../../model/filter/area';
import { nearestLon } from './antimeridian';

/** A drag shorter than this (px, either way) is a click, not an area. */
const MIN_DRAG_PX = 8;

/** The rectangle of an area, as Leaflet bounds near the view's centre (across ±180° if need be). */
export function boundsOf(area: GeoArea, centerLon: number): L.LatLngBounds {
  const width = area.west < area.east ? area.east - area.west : area.east - area.west + 360;
  const west = area.west === -180 && width === 360 ? -180 : nearestLon(area.west, centerLon);
  return L.latLngBounds([area.south, west], [area.north, west + width]);
}

export class AreaOnMap {
  private shown: L.Rectangle | null = null;
  private area: GeoArea | null = null;
  private drawing: { stop(): void } | null = null;

  constructor(private readonly map: L.Map) {
    map.on('moveend', this.redraw, this);
  }

  /** Draws the area in force (null: none). */
  show(area: GeoArea | null): void {
    this.area = area;
    this.redraw();
  }

  /**
   * Starts draw mode: the next drag draws an area, handed to `done`; `cancelled` when Escape or a
   * click ends it without one. Either way draw mode ends.
   */
  startDrawing(done: (area: GeoArea) => void, cancelled: () => void): void {
    this.stopDrawing();
    const map = this.map;
    const el = map.getContainer();
    const wasDraggable = map.dragging.enabled();
    map.dragging.disable();
    el.classList.add('dl-map-drawing');
    let start: { x: number; y: number; latlng: L.LatLng; pointer: number } | null = null;
    let sketch: L.Rectangle | null = null;

    const latlngOf = (e: PointerEvent) => map.mouseEventToLatLng(e);
    const onDown = (e: PointerEvent) => {
      if (e.button !== 0 || start) return;
      // Leaflet's own controls (zoom, attribution) keep working while drawing.
      if ((e.target as Element | null)?.closest('.leaflet-control')) return;
      e.preventDefault();
      e.stopPropagation();
      el.setPointerCapture?.(e.pointerId);
      start = { x: e.clientX, y: e.clientY, latlng: latlngOf(e), pointer: e.pointerId };
    };
    const onMove = (e: PointerEvent) => {
      if (!start || e.pointerId !== start.pointer) return;
      e.preventDefault();
      const bounds = L.latLngBounds(start.latlng, latlngOf(e));
      if (sketch) sketch.setBounds(bounds);
      else
        sketch = L.rectangle(bounds, {
          className: 'dl-area-sketch',
          interactive: false,
          weight: 2,
          dashArray: '6 4',
        }).addTo(map);
    };
    const onUp = (e: PointerEvent) => {
      if (!start || e.pointerId !== start.pointer) return;
      e.preventDefault();
      e.stopPropagation();
      const dragged =
        Math.abs(e.clientX - start.x) >= MIN_DRAG_PX ||
        Math.abs(e.clientY - start.y) >= MIN_DRAG_PX;
      const a = start.latlng;
      const b = latlngOf(e);
      const area = dragged
        ? areaFromBounds(a.lat, Math.min(a.lng, b.lng), b.lat, Math.max(a.lng, b.lng))
        : null;
      this.stopDrawing();
      if (area) done(area);
      else cancelled();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      this.stopDrawing();
      cancelled();
    };
    el.addEventListener('pointerdown', onDown, true);
    el.addEventListener('pointermove', onMove, true);
    el.addEventListener('pointerup', onUp, true);
    el.addEventListener('pointercancel', onUp, true);
    // Capture on the document: Escape cancels drawing before it clears anything else.
    document.addEventListener('keydown', onKey, true);
    this.drawing = {
      stop() {
        el.removeEventListener('pointerdown', onDown, true);
        el.removeEventListener('pointermove', onMove, true);
        el.removeEventListener('pointerup', onUp, true);
        el.removeEventListener('pointercancel', onUp, true);
        document.removeEventListener('keydown', onKey, true);
        el.classList.remove('dl-map-drawing');
        sketch?.remove();
        if (wasDraggable) map.dragging.enable();
      },
    };
  }

  stopDrawing(): void {
    const drawing = this.drawing;
    this.drawing = null;
    drawing?.stop();
  }

  destroy(): void {
    this.stopDrawing();
    this.map.off('moveend', this.redraw, this);
    this.shown?.remove();
    this.shown = null;
  }

  private redraw(): void {
    if (!this.area) {
      this.shown?.remove();
      this.shown = null;
      return;
    }
    const bounds = boundsOf(this.area, this.map.getCenter().lng);
    if (this.shown) this.shown.setBounds(bounds);
    else
      this.shown = L.rectangle(bounds, {
        className: 'dl-area',
        interactive: false,
        weight: 2,
        dashArray: '8 6',
        fillOpacity: 0.04,
      }).addTo(this.map);
  }
}
