// The map's camera: every move Dateline makes (revealing a place, showing a link's view, zooming
// into a cluster) and the report of every settled view. A move is the user's unless the camera
// made it: the camera flags its own moves while it makes them (as react-map-gl's
// `_internalUpdate` does around its own jumpTo), so a move that starts (movestart) under the
// flag is its own. Its moves have no animation, so they start and end inside the flag. A move
// with no start (Leaflet's resize to the container) is no one's input and not the user's either.
import L from 'leaflet';
import type { Place } from '../../model/schema';
import type { MapViewState } from '../../url/types';
import { nearestLon } from './antimeridian';
import { prefersReducedMotion } from './motion';
import { revealZoom } from './places';

/**
 * How much of the screen's bottom something fixed (the details sheet) covers, px; `subscribe`,
 * when given, tells of every change of that height (the sheet resized or dragged).
 */
export type CoveredBelow = (() => number) & {
  subscribe?: (listener: () => void) => () => void;
};

/** Pixels kept between a revealed place and the edges of the part of the map left visible. */
const KEEP_MARGIN = 32;

export class MapCamera {
  /** Set while the camera moves the map itself. */
  private movingItself = false;
  /** Whether the move under way started by the user's input (since its movestart). */
  private userMove = false;
  private destroyed = false;

  constructor(
    private readonly map: L.Map,
    private readonly coveredBelow: CoveredBelow,
    /** The view settled after a move; `byUser` when the user's input moved it. */
    private readonly onSettled: (view: MapViewState, byUser: boolean) => void,
  ) {
    map.on('movestart', this.onMoveStart, this);
    map.on('moveend', this.onMoveEnd, this);
  }

  /** The longitude of `lon` nearest the view's centre, so places follow a view across ±180°. */
  near(lon: number): number {
    return nearestLon(lon, this.map.getCenter().lng);
  }

  /**
   * Brings a place into view, at once: a pan if it is out of view (or near the edge), and a zoom
   * in if the map is further out than the place's precision deserves.
   */
  reveal(place: Pick<Place, 'lat' | 'lon' | 'precision'>): void {
    const map = this.map;
    const target = L.latLng(place.lat, this.near(place.lon));
    const zoom = Math.max(map.getZoom(), revealZoom(place.precision));
    const inView = map.getBounds().pad(-0.1).contains(target);
    if (inView && zoom === map.getZoom()) return;
    this.moveItself(() => {
      if (zoom === map.getZoom()) {
        // A pan, however far: Leaflet's setView would reset the view beyond one screen, which
        // re-projects every outline of the basemap; a pan only moves them.
        const offset = map.project(target, zoom).subtract(map.project(map.getCenter(), zoom));
        map.panBy(offset, { animate: false });
      } else map.setView(target, zoom, { animate: false });
    });
    const placed = map.getCenter();
    // On narrow screens the details open as a sheet over the lower part of the screen: keep the
    // place in the part of the map that stays visible above it. It opens with this same change,
    // so measure once React has drawn it; unless something (a link's own map view) moved the
    // map since.
    requestAnimationFrame(() => {
      if (this.destroyed || !map.getCenter().equals(placed)) return;
      this.keepAboveCover(place);
    });
  }

  /**
   * Pans the place into the middle of the part of the map the sheet leaves visible, if it is
   * under the sheet or too near its edge; nothing when too little of the map is left to show it.
   */
  keepAboveCover(place: Pick<Place, 'lat' | 'lon'>): void {
    const map = this.map;
    const visible = this.visibleHeight();
    if (visible === null || visible < 2 * KEEP_MARGIN) return;
    const y = map.latLngToContainerPoint(L.latLng(place.lat, this.near(place.lon))).y;
    if (y >= KEEP_MARGIN && y <= visible - KEEP_MARGIN) return;
    this.moveItself(() => map.panBy([0, y - visible / 2], { animate: false }));
  }

  /** Shows a view given from outside (a link, Back), at once. */
  show(view: MapViewState): void {
    this.moveItself(() => this.map.setView([view.lat, view.lon], view.zoom, { animate: false }));
  }

  /**
   * Zooms in on a point, animated: the user's move (a cluster they opened), so not under the
   * flag; the animation starts in the next frame anyway.
   */
  zoomInOn(at: L.LatLng, zoom: number): void {
    this.map.setView(at, zoom, { animate: !prefersReducedMotion() });
  }

  destroy(): void {
    this.destroyed = true;
    this.map.off('movestart', this.onMoveStart, this);
    this.map.off('moveend', this.onMoveEnd, this);
  }

  private moveItself(move: () => void): void {
    const outer = this.movingItself;
    this.movingItself = true;
    try {
      move();
    } finally {
      this.movingItself = outer;
    }
  }

  private onMoveStart(): void {
    this.userMove = !this.movingItself;
  }

  private onMoveEnd(): void {
    const byUser = this.userMove && !this.movingItself;
    this.userMove = false;
    const c = this.map.getCenter();
    this.onSettled({ lat: c.lat, lon: c.wrap().lng, zoom: this.map.getZoom() }, byUser);
  }

  /**
   * How many pixels from the map's top stay visible above the sheet, or null when no sheet
   * covers any of the map.
   */
  private visibleHeight(): number | null {
    const covered = this.coveredBelow();
    if (covered <= 0) return null;
    const rect = this.map.getContainer().getBoundingClientRect();
    const sheetTop = window.innerHeight - covered;
    if (sheetTop >= rect.bottom) return null;
    return Math.max(0, sheetTop - rect.top);
  }
}

/** Where the map opens: a link's view, else the places of these events with room around them. */
export function openingView(
  stored: MapViewState | null,
  placesShown: Iterable<Pick<Place, 'lat' | 'lon'>>,
): { center: [number, number]; zoom: number } | { bounds: L.LatLngBounds } {
  if (stored) return { center: [stored.lat, stored.lon], zoom: stored.zoom };
  const points: L.LatLngTuple[] = [];
  for (const p of placesShown) points.push([p.lat, p.lon]);
  if (points.length === 0) return { center: [30, 35], zoom: 3 };
  return { bounds: L.latLngBounds(points).pad(0.4) };
}
