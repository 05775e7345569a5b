// Country outlines as flat arrays: what the basemap worker hands the page (transferred, not
// copied) and what the page turns into Leaflet polygons one part at a time, only for the parts
// near the view. Pure: no DOM, no Leaflet.
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Position } from 'geojson';
import { unwrapGeometry } from './antimeridian';

/** One polygon of a country's outline (an island, a mainland) with its holes. */
export interface OutlinePart {
  /** West, south, east, north in degrees; east may pass 180 where an outline is unwrapped. */
  bbox: [number, number, number, number];
  /** Latitude and longitude of every point of every ring, one ring after another. */
  coords: Float64Array;
  /** Where each ring ends, counted in points. */
  ringEnds: Uint32Array;
}

/**
 * The polygons of every country of a world-atlas topology, rings unwrapped across the
 * antimeridian. Parts, not countries, so that a country spread far (Russia, whose parts lie on
 * both sides of ±180°, or an archipelago) is drawn only where the view is.
 */
export function toOutlineParts(
  topology: Topology<{ countries: GeometryCollection }>,
): OutlinePart[] {
  const out: OutlinePart[] = [];
  for (const f of feature(topology, topology.objects.countries).features) {
    const g = f.geometry && unwrapGeometry(f.geometry);
    const polygons: Position[][][] =
      g?.type === 'Polygon' ? [g.coordinates] : g?.type === 'MultiPolygon' ? g.coordinates : [];
    for (const rings of polygons) {
      const part = toPart(rings);
      if (part) out.push(part);
    }
  }
  return out;
}

function toPart(rings: Position[][]): OutlinePart | null {
  const points = rings.reduce((n, ring) => n + ring.length, 0);
  if (points === 0) return null;
  const coords = new Float64Array(points * 2);
  const ringEnds = new Uint32Array(rings.length);
  const bbox: OutlinePart['bbox'] = [Infinity, Infinity, -Infinity, -Infinity];
  let p = 0;
  rings.forEach((ring, r) => {
    for (const [lon = 0, lat = 0] of ring) {
      coords[p * 2] = lat;
      coords[p * 2 + 1] = lon;
      p++;
      bbox[0] = Math.min(bbox[0], lon);
      bbox[1] = Math.min(bbox[1], lat);
      bbox[2] = Math.max(bbox[2], lon);
      bbox[3] = Math.max(bbox[3], lat);
    }
    ringEnds[r] = p;
  });
  return { bbox, coords, ringEnds };
}

/** A part as Leaflet's nested [lat, lon] arrays: rings of points (the first one the outside). */
export function partLatLngs(part: OutlinePart): Array<Array<[number, number]>>;
/** …made by `point` (Leaflet's own points, which it would otherwise copy pairs into). */
export function partLatLngs<P>(part: OutlinePart, point: (lat: number, lng: number) => P): P[][];
export function partLatLngs<P>(
  part: OutlinePart,
  point: (lat: number, lng: number) => P = (lat, lng) => [lat, lng] as P,
): P[][] {
  const rings: P[][] = [];
  let at = 0;
  for (const end of part.ringEnds) {
    const ring = new Array<P>(end - at);
    for (let k = 0; at < end; at++, k++)
      ring[k] = point(part.coords[at * 2]!, part.coords[at * 2 + 1]!);
    rings.push(ring);
  }
  return rings;
}

/** Whether a part's (or a group's) box meets a view's box (west, south, east, north). */
export function meets(
  part: Pick<OutlinePart, 'bbox'>,
  view: readonly [number, number, number, number],
): boolean {
  const [w, s, e, n] = part.bbox;
  return !(e < view[0] || w > view[2] || n < view[1] || s > view[3]);
}

/** Parts drawn together, as one layer: their box holds all of theirs. */
export interface OutlineGroup {
  bbox: OutlinePart['bbox'];
  parts: OutlinePart[];
}

/**
 * The parts grouped by the cell of `cellDeg` degrees that holds the middle of their box, each
 * group with the box of its parts, in the order of their first part. A file's ~1,400 parts at 50m
 * were as many Leaflet layers, each shown, hidden and re-projected one at a time: hiding them for
 * a jump from the world to a place took ~13 ms of the selection that made it.
 */
export function groupByCell(parts: readonly OutlinePart[], cellDeg: number): OutlineGroup[] {
  const groups = new Map<string, OutlineGroup>();
  for (const part of parts) {
    const [w, s, e, n] = part.bbox;
    const key = `${Math.floor((w + e) / 2 / cellDeg)},${Math.floor((s + n) / 2 / cellDeg)}`;
    const group = groups.get(key);
    if (!group) {
      groups.set(key, { bbox: [...part.bbox], parts: [part] });
      continue;
    }
    group.parts.push(part);
    const b = group.bbox;
    b[0] = Math.min(b[0], w);
    b[1] = Math.min(b[1], s);
    b[2] = Math.max(b[2], e);
    b[3] = Math.max(b[3], n);
  }
  return [...groups.values()];
}

/** The buffers of the parts, for postMessage's transfer list. */
export function buffersOf(parts: readonly OutlinePart[]): ArrayBuffer[] {
  return parts.flatMap((p) => [p.coords.buffer as ArrayBuffer, p.ringEnds.buffer as ArrayBuffer]);
}
