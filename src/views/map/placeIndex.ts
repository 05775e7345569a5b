// The place index the map asks: in the page for a few places, in a worker (clusterWorker.ts) for
// many, where building it would freeze the page (~110 ms for 20k places, ~300 ms for 72k, on
// every filter change). The answers are the same either way, and always promises. Each index has
// a generation; answers name places by key, and the caller drops those it no longer wants.
import {
  PlaceClusters,
  type BBox,
  type ClusterItem,
  type PlacePoints,
  type RawItem,
} from './clusters';
import { answer, type IndexReply, type IndexRequest, type Question } from './indexProtocol';
import { WORKER_FILES } from '../../standalone/mode';

/** From this many places the index is built off the main thread. */
export const WORKER_MIN_PLACES = 2000;

export interface PlaceItem {
  kind: 'place';
  /** Stable across moves and rebuilds: `p:` and the place key. */
  id: string;
  key: string;
}

export type MapItem = PlaceItem | ClusterItem;

export class PlaceIndex {
  private generation = 0;
  private keys: readonly string[] = [];
  private points: PlacePoints = new Float64Array(0);
  private local: PlaceClusters | null = null;
  private worker: Worker | null = null;
  private workerFailed = false;
  private readonly pending = new Map<number, { q: Question; resolve: (r: unknown) => void }>();
  private nextId = 0;

  constructor(
    private readonly maxZoom: number,
    /** How long building took, wherever it ran (for the performance panel). */
    private readonly onBuilt: (ms: number) => void = () => {},
  ) {}

  /** Replaces the index with one of `points`, whose places are `keys` in the same order. */
  load(keys: readonly string[], points: PlacePoints): void {
    this.generation += 1;
    this.keys = keys;
    this.points = points;
    const useWorker = points.length / 3 >= WORKER_MIN_PLACES && !this.workerFailed;
    // The standalone page has no worker file: it builds here.
    if (useWorker && WORKER_FILES && typeof Worker !== 'undefined') {
      this.local = null;
      this.worker ??= this.startWorker();
      this.post({ type: 'load', generation: this.generation, points, maxZoom: this.maxZoom });
      return;
    }
    this.buildHere();
  }

  /** The clusters and places in `bbox` at `zoom`. */
  async inView(bbox: BBox, zoom: number): Promise<MapItem[]> {
    const keys = this.keys;
    const raw = (await this.ask({ type: 'inView', bbox, zoom })) as RawItem[];
    const items: MapItem[] = [];
    for (const i of raw) {
      if (i.kind === 'cluster') items.push(i);
      else {
        const key = keys[i.index];
        if (key !== undefined) items.push({ kind: 'place', id: `p:${key}`, key });
      }
    }
    return items;
  }

  /** The zoom at which a cluster splits; null when it never does (or the index changed since). */
  async expansionZoom(c: ClusterItem): Promise<number | null> {
    if (c.generation !== this.generation) return null;
    return (await this.ask({ type: 'expansionZoom', clusterId: c.clusterId })) as number | null;
  }

  /** The keys of a cluster's places (none once the index changed). */
  async placesOf(c: ClusterItem): Promise<string[]> {
    if (c.generation !== this.generation) return [];
    const keys = this.keys;
    const indexes = (await this.ask({ type: 'placesOf', clusterId: c.clusterId })) as number[];
    return indexes.flatMap((i) => keys[i] ?? []);
  }

  destroy(): void {
    this.worker?.terminate();
    this.worker = null;
    this.pending.clear();
  }

  private buildHere(): void {
    const start = performance.now();
    this.local = new PlaceClusters(this.points, this.maxZoom, this.generation);
    this.onBuilt(performance.now() - start);
  }

  private ask(q: Question): Promise<unknown> {
    if (this.local) return Promise.resolve(answer(this.local, q));
    if (!this.worker) return Promise.resolve(q.type === 'expansionZoom' ? null : []);
    const id = ++this.nextId;
    return new Promise((resolve) => {
      this.pending.set(id, { q, resolve });
      this.post({ ...q, id });
    });
  }

  private post(r: IndexRequest): void {
    this.worker?.postMessage(r);
  }

  private startWorker(): Worker {
    const worker = new Worker(new URL('./clusterWorker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (e: MessageEvent<IndexReply>) => {
      const reply = e.data;
      if (reply.type === 'built') {
        if (reply.generation === this.generation) this.onBuilt(reply.ms);
        return;
      }
      this.pending.get(reply.id)?.resolve(reply.result);
      this.pending.delete(reply.id);
    });
    // A worker that cannot start (a strict content policy, say): build here and answer what
    // was asked of it from here.
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      this.workerFailed = true;
      worker.terminate();
      this.worker = null;
      this.buildHere();
      const local = this.local;
      for (const { q, resolve } of this.pending.values()) if (local) resolve(answer(local, q));
      this.pending.clear();
    });
    return worker;
  }
}

/**
 * `items` and every place of `pinned` on its own (the selected and hovered ones, which must show
 * even where they belong to a cluster), each place once, and only places that `has` knows.
 */
export function withPinned(
  items: readonly MapItem[],
  pinned: Iterable<string>,
  has: (key: string) => boolean,
): MapItem[] {
  const out: MapItem[] = [];
  const shown = new Set<string>();
  for (const i of items) {
    if (i.kind === 'place' && !has(i.key)) continue;
    out.push(i);
    shown.add(i.id);
  }
  for (const key of pinned) {
    const id = `p:${key}`;
    if (has(key) && !shown.has(id)) {
      shown.add(id);
      out.push({ kind: 'place', id, key });
    }
  }
  return out;
}
