// What the page and the search worker say to each other (textClient.ts, textWorker.ts).
import type { TextChunk } from './textIndex';

export type TextRequest =
  /** The dataset has `events` events; their text follows in chunks, in order. */
  | { type: 'start'; events: number }
  | ({ type: 'docs' } & TextChunk)
  /** Answered once every event is indexed, so answers are those of the whole dataset. */
  | { type: 'search'; id: number; q: string };

export type TextReply =
  | { type: 'built'; ms: number }
  /** The positions matching `q`, ascending; the buffer is transferred. */
  | { type: 'hits'; id: number; q: string; hits: Uint32Array };
