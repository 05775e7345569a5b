// What the page and the cluster worker say to each other (placeIndex.ts, clusterWorker.ts), and
// how a question is answered from an index, wherever it lives.
import type { BBox, PlaceClusters, PlacePoints } from './clusters';

export type Question =
  | { type: 'inView'; bbox: BBox; zoom: number }
  | { type: 'expansionZoom'; clusterId: number }
  | { type: 'placesOf'; clusterId: number };

export type IndexRequest =
  | { type: 'load'; generation: number; points: PlacePoints; maxZoom: number }
  | (Question & { id: number });

export type IndexReply =
  | { type: 'built'; generation: number; ms: number }
  | { type: 'answer'; id: number; result: unknown };

/** A question answered by an index in this thread (the worker asks the same way). */
export function answer(clusters: PlaceClusters, q: Question): unknown {
  switch (q.type) {
    case 'inView':
      return clusters.inView(q.bbox, q.zoom);
    case 'expansionZoom':
      return clusters.expansionZoom(q.clusterId);
    case 'placesOf':
      return clusters.placesOf(q.clusterId);
  }
}
