// Where a GeoJSON geometry is, as one point: a Point's own position, or the centre of another
// geometry's bounding box with a radius that covers the box.

export type Located =
  | { kind: 'none' }
  | { kind: 'point'; lon: unknown; lat: unknown }
  | { kind: 'centre'; type: string; lon: number; lat: number; radiusKm: number }
  | { kind: 'invalid'; reason: string };
import { quote } from '../model/quote';

const SHAPES = new Set([
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
]);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Every [lon, lat] position in a geometry's coordinates; false when one is not a position. */
function positions(coords: unknown, out: Array<[number, number]>): boolean {
  if (!Array.isArray(coords)) return false;
  if (typeof coords[0] === 'number') {
    const [lon, lat] = coords as unknown[];
    if (typeof lon !== 'number' || typeof lat !== 'number') return false;
    out.push([lon, lat]);
    return true;
  }
  return coords.every((c) => positions(c, out));
}

function collect(geometry: Record<string, unknown>, out: Array<[number, number]>): boolean {
  if (geometry.type === 'GeometryCollection') {
    return (
      Array.isArray(geometry.geometries) &&
      geometry.geometries.every((g) => isRecord(g) && collect(g, out))
    );
  }
  return positions(geometry.coordinates, out);
}

/** Great-circle distance in km. */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a =
    Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
}

export function locate(geometry: unknown): Located {
  if (geometry === null || geometry === undefined) return { kind: 'none' };
  if (!isRecord(geometry)) return { kind: 'invalid', reason: 'geometry must be an object or null' };
  if (geometry.type === 'Point') {
    const c = geometry.coordinates;
    if (!Array.isArray(c) || c.length < 2) {
      return { kind: 'invalid', reason: 'a Point needs coordinates [longitude, latitude]' };
    }
    return { kind: 'point', lon: c[0], lat: c[1] };
  }
  if (typeof geometry.type !== 'string' || !SHAPES.has(geometry.type)) {
    return {
      kind: 'invalid',
      reason: `${quote(String(geometry.type))} is not a GeoJSON geometry type`,
    };
  }
  const all: Array<[number, number]> = [];
  if (!collect(geometry, all) || all.length === 0) {
    return { kind: 'invalid', reason: `the ${geometry.type} has no valid coordinates` };
  }
  let [minLon, minLat, maxLon, maxLat] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lon, lat] of all) {
    if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
      return {
        kind: 'invalid',
        reason: `the ${geometry.type} has a position out of range (${lon}, ${lat})`,
      };
    }
    [minLon, maxLon] = [Math.min(minLon, lon), Math.max(maxLon, lon)];
    [minLat, maxLat] = [Math.min(minLat, lat), Math.max(maxLat, lat)];
  }
  const round = (n: number) => Math.round(n * 1e6) / 1e6;
  const lat = round((minLat + maxLat) / 2);
  const lon = round((minLon + maxLon) / 2);
  const radiusKm = Math.max(1, Math.round(distanceKm(lat, lon, maxLat, maxLon)));
  return { kind: 'centre', type: geometry.type, lon, lat, radiusKm };
}
