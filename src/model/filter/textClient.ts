// The text search of a large dataset, in workers (./textWorker.ts), so that neither building the
// index nor a query holds up the page (README, Performance). The events are split into
// contiguous shards, one worker each, so the index builds on several cores at once; a
// query goes to every shard, and their answers, each ascending, end to end are the answer. The
// page sends the events' text in slices between other work. One query is in flight at a time,
// the latest one asked waits behind it, and any in between is dropped: typing fast costs one
// search per answer, not one per letter. Answers are remembered per query.
import type { Dataset } from '../dataset';
import { columnsOf } from '../eventColumns';
import { textSource } from './textIndex';
import type { TextReply, TextRequest } from './textProtocol';
import { LocalTextSearch, type TextSearch } from './textSearch';

/** The part of a Worker this uses (a fake one in tests). */
export interface TextWorker {
  postMessage(m: TextRequest, transfer: Transferable[]): void;
  addEventListener(type: 'message', fn: (e: MessageEvent<TextReply>) => void): void;
  addEventListener(type: 'error', fn: (e: Event) => void): void;
  terminate(): void;
}

export interface TextClientOptions {
  create?: () => TextWorker;
  /** Runs the next slice of text to send later, so the page breathes between slices. */
  later?: (fn: () => void) => void;
  shards?: number;
}

/** Events per slice of text sent to a worker: a short task of the page's each. */
const SLICE = 2000;
/** Answers kept, for typing back to an earlier query and for Back/Forward. */
const REMEMBERED = 16;
/**
 * Workers per dataset: one core is the page's, but even on two cores a second shard pays, since
 * the page is mostly idle while the index builds. More than four gains little and costs memory.
 */
const defaultShards = () =>
  Math.min(4, Math.max(2, (globalThis.navigator?.hardwareConcurrency ?? 2) - 1));

type Resolve = (hits: Uint32Array | null) => void;

const startWorker = (): TextWorker =>
  new Worker(new URL('./textWorker.ts', import.meta.url), { type: 'module' });
const nextTask = (fn: () => void) => void setTimeout(fn, 0);

export class WorkerTextSearch implements TextSearch {
  private workers: TextWorker[] = [];
  /** The page's own index, once a worker failed to start. */
  private local: LocalTextSearch | null = null;
  private readonly remembered = new Map<string, Uint32Array>();
  private inFlight: {
    id: number;
    q: string;
    resolve: Resolve;
    parts: Array<Uint32Array | undefined>;
    askedAt: number;
  } | null = null;
  private next: { q: string; resolve: Resolve } | null = null;
  private lastId = 0;
  private destroyed = false;
  private readonly create: () => TextWorker;
  private readonly later: (fn: () => void) => void;
  private readonly shards: number;

  constructor(
    private readonly dataset: Dataset,
    options: TextClientOptions = {},
  ) {
    this.create = options.create ?? startWorker;
    this.later = options.later ?? nextTask;
    this.shards = Math.max(1, Math.min(options.shards ?? defaultShards(), dataset.events.length));
  }

  peek(q: string): Uint32Array | undefined {
    return this.local ? this.local.peek(q) : this.remembered.get(q);
  }

  search(q: string): Promise<Uint32Array | null> {
    const known = this.peek(q);
    if (known || this.destroyed) return Promise.resolve(known ?? null);
    this.warm();
    this.next?.resolve(null);
    return new Promise((resolve) => {
      this.next = { q, resolve };
      this.ask();
    });
  }

  warm(): void {
    if (this.workers.length || this.local || this.destroyed) return;
    for (let shard = 0; shard < this.shards; shard++) {
      const worker = this.create();
      worker.addEventListener('message', (e) => this.onReply(shard, e.data));
      // A worker that cannot start (a strict content policy, say): search on the page instead.
      worker.addEventListener('error', (e) => {
        e.preventDefault();
        this.fallBack();
      });
      this.workers.push(worker);
    }
    this.feed(this.workers);
  }

  destroy(): void {
    this.destroyed = true;
    this.stopWorkers();
    this.local = null;
    this.inFlight?.resolve(null);
    this.next?.resolve(null);
    this.inFlight = this.next = null;
  }

  /** Shard k holds events [bounds[k], bounds[k + 1]); its slices go out in turn with the others'. */
  private feed(workers: TextWorker[]): void {
    const n = this.dataset.events.length;
    const source = textSource(this.dataset, columnsOf(this.dataset));
    const bounds = [...workers.map((_, k) => Math.round((k * n) / workers.length)), n];
    const slices: Array<[shard: number, start: number, end: number]> = [];
    for (let from = 0, more = true; more; from += SLICE) {
      more = false;
      workers.forEach((w, k) => {
        const start = bounds[k]! + from;
        if (from === 0) w.postMessage({ type: 'start', events: bounds[k + 1]! - bounds[k]! }, []);
        if (start >= bounds[k + 1]!) return;
        slices.push([k, start, Math.min(bounds[k + 1]!, start + SLICE)]);
        more = true;
      });
    }
    let next = 0;
    const send = () => {
      if (this.workers !== workers) return;
      const [k, start, end] = slices[next++]!;
      const chunk = source(start, end);
      workers[k]!.postMessage({ type: 'docs', ...chunk }, [chunk.ends.buffer]);
      if (next < slices.length) this.later(send);
    };
    if (slices.length) send();
  }

  /** Sends the waiting query unless one is in flight (or already answered). */
  private ask(): void {
    if (this.inFlight || !this.next || !this.workers.length) return;
    const { q, resolve } = this.next;
    this.next = null;
    const known = this.remembered.get(q);
    if (known) return resolve(known);
    const id = ++this.lastId;
    this.inFlight = { id, q, resolve, parts: [], askedAt: performance.now() };
    for (const w of this.workers) w.postMessage({ type: 'search', id, q }, []);
  }

  private onReply(shard: number, r: TextReply): void {
    if (r.type === 'built') {
      const end = performance.now();
      performance.measure('dl:text:index', { start: end - r.ms, end });
      return;
    }
    const flight = this.inFlight;
    if (r.id !== flight?.id) return;
    flight.parts[shard] = r.hits;
    for (let k = 0; k < this.workers.length; k++) if (!flight.parts[k]) return;
    this.inFlight = null;
    performance.measure('dl:text:search', { start: flight.askedAt }); // for the performance panel
    const hits = joinParts(flight.parts as Uint32Array[]);
    this.remember(r.q, hits);
    // Stale when another query is waiting: it is the one the page wants now.
    flight.resolve(this.next ? null : hits);
    this.ask();
  }

  private remember(q: string, hits: Uint32Array): void {
    this.remembered.delete(q);
    this.remembered.set(q, hits);
    if (this.remembered.size > REMEMBERED)
      this.remembered.delete(this.remembered.keys().next().value!);
  }

  private stopWorkers(): void {
    for (const w of this.workers) w.terminate();
    this.workers = [];
  }

  private fallBack(): void {
    if (this.local || this.destroyed) return;
    this.stopWorkers();
    const local = new LocalTextSearch(this.dataset);
    this.local = local;
    const wanted = this.next ?? this.inFlight;
    if (this.next) this.inFlight?.resolve(null);
    this.inFlight = this.next = null;
    wanted?.resolve(local.peek(wanted.q));
  }
}

/** The shards' answers, each ascending and each shard after the one before: end to end. */
function joinParts(parts: readonly Uint32Array[]): Uint32Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint32Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
