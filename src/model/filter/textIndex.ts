// The full-text search over a dataset's events, one code path for wherever it runs: the page for
// a small dataset, the search worker (./textWorker.ts) for a large one. The page hands the
// worker the events' text as `TextChunk`s (one string per slice of events plus where each field
// ends), because a structured clone of 100k event objects costs ~0.5 s each way and one string
// costs a copy. Positions are the events' positions in `dataset.events`, as in `EventIndex`.
import MiniSearch from 'minisearch';
import type { Dataset } from '../dataset';

/** What a query matches in, in the order a chunk holds them. */
export const TEXT_FIELDS = ['title', 'summary', 'quotes', 'actors', 'place'] as const;
const FIELDS = TEXT_FIELDS.length;

type TextDoc = { pos: number } & Record<(typeof TEXT_FIELDS)[number], string>;
export type TextIndex = MiniSearch<TextDoc>;

/**
 * The searchable text of events `start`, `start + 1`, …: their fields in `TEXT_FIELDS` order,
 * end to end in `text`; field f of the event at `start + i` ends at `ends[i * FIELDS + f]`.
 */
export interface TextChunk {
  start: number;
  text: string;
  ends: Uint32Array;
}

/** Case- and accent-insensitive terms: "Égypte" and "egypte" are the same word. */
export function foldTerm(term: string): string {
  return term.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function newTextIndex(): TextIndex {
  return new MiniSearch<TextDoc>({
    idField: 'pos',
    fields: [...TEXT_FIELDS],
    processTerm: (t) => foldTerm(t) || null,
    searchOptions: { boost: { title: 2 } },
  });
}

/** Reads a dataset's text a slice of events at a time (actor names are joined once, up front). */
export function textSource(d: Dataset): (start: number, end: number) => TextChunk {
  const names = new Map<string, string>();
  for (const [id, a] of d.actors) names.set(id, [a.name, ...a.aliases].join(' '));
  return (start, end) => {
    const parts: string[] = [];
    const ends = new Uint32Array((end - start) * FIELDS);
    let at = 0;
    let k = 0;
    const put = (s: string) => {
      parts.push(s);
      at += s.length;
      ends[k++] = at;
    };
    for (let pos = start; pos < end; pos++) {
      const e = d.events[pos]!;
      put(e.title);
      put(e.summary ?? '');
      put(e.evidence.map((q) => q.quote).join(' '));
      const actors: string[] = [];
      for (const link of e.actors) {
        const n = names.get(link.actor);
        if (n !== undefined) actors.push(n);
      }
      put(actors.join(' '));
      put((e.placeKey === null ? undefined : d.places.get(e.placeKey)?.name) ?? '');
    }
    return { start, text: parts.join(''), ends };
  };
}

/** Adds the chunk's events to the index. */
export function addChunk(index: TextIndex, { start, text, ends }: TextChunk): number {
  const count = ends.length / FIELDS;
  const docs: TextDoc[] = new Array(count);
  let from = 0;
  const next = (k: number) => text.slice(from, (from = ends[k]!));
  for (let i = 0, k = 0; i < count; i++, k += FIELDS) {
    docs[i] = {
      pos: start + i,
      title: next(k),
      summary: next(k + 1),
      quotes: next(k + 2),
      actors: next(k + 3),
      place: next(k + 4),
    };
  }
  index.addAll(docs);
  return count;
}

/** The index of every event of a dataset, built at once (for a small dataset, on the page). */
export function buildTextIndex(d: Dataset): TextIndex {
  const index = newTextIndex();
  addChunk(index, textSource(d)(0, d.events.length));
  return index;
}

/**
 * The positions of the events matching every word of `q` (a word may be the start of a longer
 * one, or, from five letters, one edit away), ascending.
 */
export function searchText(index: TextIndex, q: string): Uint32Array {
  const found = index.search(q, {
    prefix: true,
    fuzzy: (term) => (term.length > 4 ? 0.2 : false),
    combineWith: 'AND',
  });
  const hits = new Uint32Array(found.length);
  for (let i = 0; i < found.length; i++) hits[i] = found[i]!.id as number;
  return hits.sort();
}
