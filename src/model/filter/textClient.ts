// The text search of a large dataset, in a worker (./textWorker.ts), so that neither building
// the index (~4 s at 100k events) nor a query (~50 ms) holds up the page. The page sends the
// events' text in slices between other work; one query is in flight at a time, the latest one
// asked waits behind it, and any in between is dropped: typing fast costs one search per answer,
// not one per letter. Answers are remembered per query.
import type { Dataset } from '../dataset';
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

/** Events per slice of text sent to the worker: ~5 ms of the page's time each. */
const SLICE = 2000;
/** Answers kept, for typing back to an earlier query and for Back/Forward. */
const REMEMBERED = 16;

type Resolve = (hits: Uint32Array | null) => void;

const startWorker = (): TextWorker =>
  new Worker(new URL('./textWorker.ts', import.meta.url), { type: 'module' });
const nextTask = (fn: () => void) => void setTimeout(fn, 0);

export class WorkerTextSearch implements TextSearch {
  private worker: TextWorker | null = null;
  /** The page's own index, once the worker failed to start. */
  private local: LocalTextSearch | null = null;
  private readonly remembered = new Map<string, Uint32Array>();
  private inFlight: { id: number; q: string; resolve: Resolve } | null = null;
  private next: { q: string; resolve: Resolve } | null = null;
  private lastId = 0;
  private destroyed = false;

  constructor(
    private readonly dataset: Dataset,
    private readonly create: () => TextWorker = startWorker,
    private readonly later: (fn: () => void) => void = nextTask,
  ) {}

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
    if (this.worker || this.local || this.destroyed) return;
    const worker = this.create();
    this.worker = worker;
    worker.addEventListener('message', (e) => this.onReply(e.data));
    // A worker that cannot start (a strict content policy, say): search on the page instead.
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      this.fallBack();
    });
    this.feed(worker);
  }

  destroy(): void {
    this.destroyed = true;
    this.worker?.terminate();
    this.worker = null;
    this.local = null;
    this.inFlight?.resolve(null);
    this.next?.resolve(null);
    this.inFlight = this.next = null;
  }

  private feed(worker: TextWorker): void {
    const n = this.dataset.events.length;
    const source = textSource(this.dataset);
    worker.postMessage({ type: 'start', events: n }, []);
    let at = 0;
    const slice = () => {
      if (this.worker !== worker) return;
      const chunk = source(at, Math.min(n, at + SLICE));
      worker.postMessage({ type: 'docs', ...chunk }, [chunk.ends.buffer]);
      at += SLICE;
      if (at < n) this.later(slice);
    };
    slice();
  }

  /** Sends the waiting query unless one is in flight (or already answered). */
  private ask(): void {
    if (this.inFlight || !this.next || !this.worker) return;
    const { q, resolve } = this.next;
    this.next = null;
    const known = this.remembered.get(q);
    if (known) return resolve(known);
    const id = ++this.lastId;
    this.inFlight = { id, q, resolve };
    this.worker.postMessage({ type: 'search', id, q }, []);
  }

  private onReply(r: TextReply): void {
    if (r.type === 'built') {
      performance.measure('dl:text:index', { start: performance.now() - r.ms, duration: r.ms });
      return;
    }
    if (r.id !== this.inFlight?.id) return;
    const { resolve } = this.inFlight;
    this.inFlight = null;
    this.remember(r.q, r.hits);
    // Stale when another query is waiting: it is the one the page wants now.
    resolve(this.next ? null : r.hits);
    this.ask();
  }

  private remember(q: string, hits: Uint32Array): void {
    this.remembered.delete(q);
    this.remembered.set(q, hits);
    if (this.remembered.size > REMEMBERED)
      this.remembered.delete(this.remembered.keys().next().value!);
  }

  private fallBack(): void {
    this.worker?.terminate();
    this.worker = null;
    const local = new LocalTextSearch(this.dataset);
    this.local = local;
    const wanted = this.next ?? this.inFlight;
    if (this.next) this.inFlight?.resolve(null);
    this.inFlight = this.next = null;
    wanted?.resolve(local.peek(wanted.q));
  }
}
