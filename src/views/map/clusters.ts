// Clusters of places for the map, with supercluster: one point per place (weighted by its
// events), indexed once per set of visible events, then asked on every settled move for what lies
// in view. What the map draws is bounded by the screen, not by the dataset. No Leaflet, no DOM.
import Supercluster, { type PointFeature } from 'supercluster';
import type { PlaceGroup } from './places';

/** Places closer than this on screen (in CSS pixels) merge into one cluster. */
export const CLUSTER_RADIUS_PX = 40;

interface PlaceProps {
  key: string;
  events: number;
}

interface ClusterProps {
  events: number;
}

export interface PlaceItem {
  kind: 'place';
  /** Stable across moves and rebuilds: `p:` and the place key. */
  id: string;
  group: PlaceGroup;
}

export interface ClusterItem {
  kind: 'cluster';
  /** Stable across moves at one zoom; new for each index (`c:`, generation, supercluster id). */
  id: string;
  clusterId: number;
  lat: number;
  lon: number;
  places: number;
  events: number;
}

export type MapItem = PlaceItem | ClusterItem;

/** [west, south, east, north] in degrees; west may be greater than east across the antimeridian. */
export type BBox = [number, number, number, number];

let generation = 0;

export class PlaceClusters {
  private readonly index: Supercluster<PlaceProps, ClusterProps>;
  private readonly generation = ++generation;

  /**
   * `maxZoom` is the map's: places still too close at that zoom stay a cluster, which then opens
   * a chooser instead of zooming.
   */
  constructor(
    readonly groups: ReadonlyMap<string, PlaceGroup>,
    readonly maxZoom: number,
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
    const points: PointFeature<PlaceProps>[] = [];
    for (const g of groups.values()) {
      points.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [g.place.lon, g.place.lat] },
        properties: { key: g.place.key, events: g.events.length },
      });
    }
    this.index.load(points);
  }

  /** The clusters and single places in `bbox` at `zoom`. */
  inView(bbox: BBox, zoom: number): MapItem[] {
    const items: MapItem[] = [];
    for (const f of this.index.getClusters(bbox, Math.round(zoom))) {
      const p = f.properties;
      if ('cluster' in p && p.cluster) {
        const [lon = 0, lat = 0] = f.geometry.coordinates;
        items.push({
          kind: 'cluster',
          id: `c:${this.generation}:${p.cluster_id}`,
          clusterId: p.cluster_id,
          lat,
          lon,
          places: p.point_count,
          events: p.events,
        });
        continue;
      }
      const group = this.groups.get((p as PlaceProps).key);
      if (group) items.push({ kind: 'place', id: `p:${group.place.key}`, group });
    }
    return items;
  }

  /**
   * `items` and every place of `pinned` on its own (the selected and hovered ones, which must
   * show even where they belong to a cluster), each place once.
   */
  withPinned(items: readonly MapItem[], pinned: Iterable<string>): MapItem[] {
    const out = [...items];
    const shown = new Set(out.map((i) => i.id));
    for (const key of pinned) {
      const group = this.groups.get(key);
      const id = `p:${key}`;
      if (group && !shown.has(id)) {
        shown.add(id);
        out.push({ kind: 'place', id, group });
      }
    }
    return out;
  }

  /** The zoom at which a cluster splits, or null when it never does on this map. */
  expansionZoom(clusterId: number): number | null {
    const z = this.index.getClusterExpansionZoom(clusterId);
    return z > this.maxZoom ? null : z;
  }

  /** The places of a cluster (every one, however deep), in no particular order. */
  placesOf(clusterId: number): PlaceGroup[] {
    const out: PlaceGroup[] = [];
    for (const leaf of this.index.getLeaves(clusterId, Infinity)) {
      const group = this.groups.get(leaf.properties.key);
      if (group) out.push(group);
    }
    return out;
  }
}

/** "1,234" for people, in every locale the same. */
const count = (n: number) => n.toLocaleString('en-US');

/** The accessible name of a cluster marker. */
export function clusterLabel(c: Pick<ClusterItem, 'places' | 'events'>, canZoom: boolean): string {
  const what = `${count(c.places)} places, ${count(c.events)} ${c.events === 1 ? 'event' : 'events'}`;
  return `${what} — ${canZoom ? 'zoom in' : 'choose an event'}`;
}

/** The number on a cluster marker: short enough for a small circle. */
export function shortCount(n: number): string {
  if (n < 1000) return String(n);
  if (n < 10_000) return `${(Math.floor(n / 100) / 10).toString()}k`;
  if (n < 1_000_000) return `${Math.floor(n / 1000)}k`;
  return `${Math.floor(n / 100_000) / 10}M`;
}
