// How the filters get the events a text query matches, wherever the index lives: on the page
// for a small dataset (this file's `LocalTextSearch`), in a worker for a large one
// (./textClient.ts). Both run the one search of ./textIndex.ts, so their answers are the same.
import type { Dataset } from '../dataset';
import { buildTextIndex, searchText, type TextIndex } from './textIndex';

export interface TextSearch {
  /**
   * The hits of `q` (trimmed) if they can be had now: searched on the page, or remembered from
   * an earlier answer. Undefined: ask `search`.
   */
  peek(q: string): Uint32Array | undefined;
  /** The hits of `q`; null when a later query took its place before it was answered. */
  search(q: string): Promise<Uint32Array | null>;
  /** Builds the index ahead of the first query. */
  warm(): void;
  /** Stops the work; questions still open are answered null. */
  destroy(): void;
}

/** The index on the page, built on the first query (a blink below a few thousand events). */
export class LocalTextSearch implements TextSearch {
  private index: TextIndex | null = null;

  constructor(private readonly dataset: Dataset) {}

  peek(q: string): Uint32Array {
    this.index ??= buildTextIndex(this.dataset);
    return searchText(this.index, q);
  }

  search(q: string): Promise<Uint32Array> {
    return Promise.resolve(this.peek(q));
  }

  warm(): void {}

  destroy(): void {
    this.index = null;
  }
}
