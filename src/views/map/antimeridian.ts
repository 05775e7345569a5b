// Natural Earth outlines of Russia and Fiji cross the antimeridian: a ring jumps from +179° to
// -179°, and Leaflet draws that jump as a stripe across the whole world. Unwrapping each ring
// (keeping every step under 180°) draws it past ±180 instead, where it belongs.
import type { Geometry, Position } from 'geojson';

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
  return out;
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
