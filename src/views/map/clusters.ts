// Clusters of places for the map, with supercluster: one point per place (weighted by its
// events), indexed once per set of visible events, then asked on every settled move for what lies
// in view. What the map draws is bounded by the screen, not by the dataset. No Leaflet, no DOM:
// the same class runs in the page or in clusterWorker.ts (placeIndex.ts chooses).
import Supercluster, { type PointFeature } from 'supercluster';
import type { PlaceGroup } from './places';

/** Places closer than this on screen (in CSS pixels) merge into one cluster. */
export const CLUSTER_RADIUS_PX = 40;

/**
 * The places to cluster, as one flat array that a worker can take without a copy: for place
 * `i`, its longitude, latitude and number of events at `3i`, `3i + 1`, `3i + 2`.
 */
export type PlacePoints = Float64Array;

/** A place the index answers with, by its position in the points. */
export interface RawPlace {
  kind: 'place';
  index: number;
}

export interface ClusterItem {
  kind: 'cluster';
  /** Stable across moves at one zoom; new at each zoom and index (`c:generation:zoom:id`). */
  id: string;
  /** Which index it belongs to: its `clusterId` means nothing to another. */
  generation: number;
  clusterId: number;
  lat: number;
  lon: number;
  places: number;
  events: number;
}

export type RawItem = RawPlace | ClusterItem;

/** [west, south, east, north] in degrees; west may be greater than east across the antimeridian. */
export type BBox = [number, number, number, number];

interface PlaceProps {
  index: number;
  events: number;
}

interface ClusterProps {
  events: number;
}

/** The points of `groups`, and the place keys in the same order. */
export function pointsOf(groups: ReadonlyMap<string, PlaceGroup>): {
  keys: string[];
  points: PlacePoints;
} {
  const keys: string[] = [];
  const points = new Float64Array(groups.size * 3);
  for (const g of groups.values()) {
    const i = keys.length;
    keys.push(g.place.key);
    points[3 * i] = g.place.lon;
    points[3 * i + 1] = g.place.lat;
    points[3 * i + 2] = g.events.length;
  }
  return { keys, points };
}

export class PlaceClusters {
  private readonly index: Supercluster<PlaceProps, ClusterProps>;

  /**
   * `maxZoom` is the map's: places still too close at that zoom stay a cluster, which then opens
   * a chooser instead of zooming. `generation` tells clusters of successive indexes apart.
   */
  constructor(
    points: PlacePoints,
    readonly maxZoom: number,
    private readonly generation: number,
  ) {
    // extent 256: supercluster's pixels are then Leaflet's (256-pixel tiles).
    this.index = new Supercluster<PlaceProps, ClusterProps>({
      radius: CLUSTER_RADIUS_PX,
      extent: 256,
      maxZoom,
      map: (p) => ({ events: p.events }),
      reduce: (acc, p) => {
        acc.events += p.events;
      },
    });
    const features: PointFeature<PlaceProps>[] = [];
    for (let i = 0; 3 * i < points.length; i++) {
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [points[3 * i] ?? 0, points[3 * i + 1] ?? 0] },
        properties: { index: i, events: points[3 * i + 2] ?? 0 },
      });
    }
    this.index.load(features);
  }

  /** The clusters and single places in `bbox` at `zoom`. */
  inView(bbox: BBox, zoom: number): RawItem[] {
    const items: RawItem[] = [];
    const z = Math.round(zoom);
    for (const f of this.index.getClusters(bbox, z)) {
      const p = f.properties;
      if ('cluster' in p && p.cluster) {
        const [lon = 0, lat = 0] = f.geometry.coordinates;
        items.push({
          kind: 'cluster',
          id: `c:${this.generation}:${z}:${p.cluster_id}`,
          generation: this.generation,
          clusterId: p.cluster_id,
          lat,
          lon,
          places: p.point_count,
          events: p.events,
        });
      } else items.push({ kind: 'place', index: (p as PlaceProps).index });
    }
    return items;
  }

  /**
   * The zoom at which a cluster splits, or null when it never does on this map (or the cluster
   * is not of this index: asked about after the index was replaced).
   */
  expansionZoom(clusterId: number): number | null {
    if (!this.has(clusterId)) return null;
    const z = this.index.getClusterExpansionZoom(clusterId);
    return z > this.maxZoom ? null : z;
  }

  /** The places of a cluster (every one, however deep), by their position in the points. */
  placesOf(clusterId: number): number[] {
    if (!this.has(clusterId)) return [];
    return this.index.getLeaves(clusterId, Infinity).map((leaf) => leaf.properties.index);
  }

  private has(clusterId: number): boolean {
    try {
      this.index.getChildren(clusterId);
      return true;
    } catch {
      return false;
    }
  }
}

/** The number on a cluster marker: short enough for a small circle. */
export function shortCount(n: number): string {
  if (n < 1000) return String(n);
  if (n < 10_000) return `${(Math.floor(n / 100) / 10).toString()}k`;
  if (n < 1_000_000) return `${Math.floor(n / 1000)}k`;
  return `${Math.floor(n / 100_000) / 10}M`;
}
