// A rectangle of the map as a filter: south, west, north and east edges in degrees. West may be
// greater than east: the area then crosses the antimeridian (from 170° E to 170° W, say). Made
// from a map view or a drawn rectangle (whose longitudes Leaflet gives unwrapped, beyond ±180°
// when the view crossed the antimeridian), rounded as a link carries it, and tested per event.

export interface GeoArea {
  south: number;
  west: number;
  north: number;
  east: number;
}

/** Decimals an area keeps: 4 (about 11 m), as the map view in a link. */
export const AREA_DECIMALS = 4;

const round = (x: number) => Number(x.toFixed(AREA_DECIMALS)) || 0; // `|| 0`: no negative zero

/** A longitude moved by whole turns into [-180, 180). */
export function wrapLon(lon: number): number {
  return ((((lon + 180) % 360) + 360) % 360) - 180 + 0; // `+ 0`: no negative zero
}

/**
 * The area between two corners as Leaflet gives them (longitudes possibly unwrapped, west ≤ east
 * on screen), wrapped into [-180, 180], clamped to the poles and rounded. An area 360° wide or
 * more is the whole width of the world. Null when it has no height or no width.
 */
export function areaFromBounds(
  south: number,
  west: number,
  north: number,
  east: number,
): GeoArea | null {
  if (![south, west, north, east].every(Number.isFinite)) return null;
  const s = round(Math.max(-90, Math.min(south, north)));
  const n = round(Math.min(90, Math.max(south, north)));
  const lo = Math.min(west, east);
  const hi = Math.max(west, east);
  if (s >= n || hi - lo <= 0) return null;
  if (hi - lo >= 360) return { south: s, west: -180, north: n, east: 180 };
  let w = round(wrapLon(lo));
  let e = round(wrapLon(hi));
  // An east edge on the antimeridian wraps to -180: it is the world's east end.
  if (e === -180) e = 180;
  if (w === 180) w = -180;
  if (w === e) return null;
  return { south: s, west: w, north: n, east: e };
}

/** Whether an area is one a link may carry: finite, in range, with height and width. */
export function isValidArea(a: GeoArea): boolean {
  const { south, west, north, east } = a;
  return (
    [south, west, north, east].every(Number.isFinite) &&
    south >= -90 &&
    north <= 90 &&
    south < north &&
    west >= -180 &&
    west <= 180 &&
    east >= -180 &&
    east <= 180 &&
    west !== east
  );
}

/** Whether the area crosses the antimeridian (its west edge is east of its east edge). */
export const crossesAntimeridian = (a: GeoArea) => a.west > a.east;

/** Whether a point (lon in [-180, 180]) lies in the area, edges included. */
export function inArea(a: GeoArea, lat: number, lon: number): boolean {
  if (!(lat >= a.south && lat <= a.north)) return false;
  if (a.west <= a.east) return lon >= a.west && lon <= a.east;
  return lon >= a.west || lon <= a.east;
}

/** The same area, each edge rounded as a link carries it. */
export function roundArea(a: GeoArea): GeoArea {
  return { south: round(a.south), west: round(a.west), north: round(a.north), east: round(a.east) };
}

export function sameArea(a: GeoArea | null, b: GeoArea | null): boolean {
  return (
    a === b ||
    (a !== null &&
      b !== null &&
      a.south === b.south &&
      a.west === b.west &&
      a.north === b.north &&
      a.east === b.east)
  );
}

/** "31.2°N–31.6°N, 34.2°E–34.6°E": an area as a reader says it (one decimal). */
export function describeArea(a: GeoArea): string {
  const lat = (x: number) => `${Math.abs(x).toFixed(1)}°${x < 0 ? 'S' : 'N'}`;
  const lon = (x: number) => `${Math.abs(x).toFixed(1)}°${x < 0 ? 'W' : 'E'}`;
  return `${lat(a.south)}–${lat(a.north)}, ${lon(a.west)}–${lon(a.east)}`;
}
