// Drawing across the antimeridian. A marker's longitude is moved by whole turns to lie nearest
// the view's centre, so markers follow a view that crosses ±180°.
//
// Natural Earth outlines of Russia and Fiji cross the antimeridian: a ring jumps from +179° to
// -179°, and Leaflet draws that jump as a stripe across the whole world. Unwrapping each ring
// (keeping every step under 180°) draws it past ±180 instead, where it belongs. A ring that
// starts on the far side (Russia's mainland in the 10m file starts east of 180°) would then lie
// almost whole beyond -180°, so it is moved back by 360° to where most of it is.
import type { Geometry, Position } from 'geojson';

/** `lon` moved by whole turns to lie nearest `center`. */
export function nearestLon(lon: number, center: number): number {
  return lon + 360 * Math.round((center - lon) / 360);
}

export function unwrapRing(ring: Position[]): Position[] {
  const out: Position[] = [];
  let shift = 0;
  let prev: number | undefined;
  for (const [lon = 0, lat = 0] of ring) {
    if (prev !== undefined) {
      const d = lon - prev;
      if (d > 180) shift -= 360;
      else if (d < -180) shift += 360;
    }
    prev = lon;
    out.push([lon + shift, lat]);
  }
  let west = Infinity;
  let east = -Infinity;
  for (const [lon = 0] of out) {
    west = Math.min(west, lon);
    east = Math.max(east, lon);
  }
  const middle = (west + east) / 2;
  const back = middle > 180 ? -360 : middle < -180 ? 360 : 0;
  return back === 0 ? out : out.map(([lon = 0, lat = 0]) => [lon + back, lat]);
}

export function unwrapGeometry(g: Geometry): Geometry {
  switch (g.type) {
    case 'Polygon':
      return { ...g, coordinates: g.coordinates.map(unwrapRing) };
    case 'MultiPolygon':
      return { ...g, coordinates: g.coordinates.map((p) => p.map(unwrapRing)) };
    case 'LineString':
      return { ...g, coordinates: unwrapRing(g.coordinates) };
    case 'MultiLineString':
      return { ...g, coordinates: g.coordinates.map(unwrapRing) };
    case 'GeometryCollection':
      return { ...g, geometries: g.geometries.map(unwrapGeometry) };
    default:
      return g;
  }
}
