// The full-text search over a dataset's events, one code path for wherever it runs: the page for
// a small dataset, the search worker (./textWorker.ts) for a large one. The page hands the
// worker the events' text as `TextChunk`s (one string per slice of events plus where each field
// ends), because a structured clone of 100k event objects costs ~0.5 s each way and one string
// costs a copy. Positions are the events' positions in `dataset.events`, as in `EventIndex`.
import MiniSearch from 'minisearch';
import type SearchableMap from 'minisearch/SearchableMap';
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

/** Any character beyond ASCII (without the u flag, astral ones match by their surrogates). */
const NON_ASCII = /[\u0080-\uffff]/;

/** Case- and accent-insensitive terms: "Égypte" and "egypte" are the same word. */
export function foldTerm(term: string): string {
  // Most words are ASCII, with no accents to strip: this halves the cost of folding, ~0.3 s of
  // building the index of 100k generated events in Node (3.8 → 3.4 s).
  if (!NON_ASCII.test(term)) return term.toLowerCase();
  return term.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const processTerm = (t: string) => foldTerm(t) || null;

/** What MiniSearch's `search` is given, and what `searchText` finds the same events with. */
export const SEARCH_OPTIONS = {
  prefix: true,
  fuzzy: (term: string) => (term.length > 4 ? 0.2 : false),
  combineWith: 'AND',
} as const;
/** MiniSearch's default cap on the edit distance of a near match. */
const MAX_FUZZY = 6;
/** MiniSearch's default split into words, which the index was built with. */
const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];

export function newTextIndex(): TextIndex {
  return new MiniSearch<TextDoc>({
    idField: 'pos',
    fields: [...TEXT_FIELDS],
    processTerm,
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

/** Per term: per field, the documents (MiniSearch's short ids) with their term frequencies. */
type Postings = Map<number, Map<number, number>>;

/**
 * The parts of MiniSearch (7.x) that `searchText` reads: private in its types. The unit tests
 * check `searchText` against MiniSearch's own `search`, so an upgrade that changes them fails
 * there, not in front of a user.
 */
interface Internals {
  _index: SearchableMap<Postings>;
  _documentIds: Map<number, number>;
  _nextId: number;
}

/**
 * The positions of the events matching every word of `q` (a word may be the start of a longer
 * one, or, from five letters, one edit away per five letters), ascending: the events MiniSearch's
 * `search(q, SEARCH_OPTIONS)` finds. Only which events match matters here, not how well, so this
 * reads the index's postings and skips the scoring and sorting of thousands of results:
 * ~2–20 ms instead of ~50–500 ms at 100k events.
 */
export function searchText(index: TextIndex, q: string): Uint32Array {
  const { _index: terms, _documentIds: ids, _nextId: size } = index as unknown as Internals;
  const words = tokenize(q)
    .map(processTerm)
    .filter((t): t is string => !!t);
  if (words.length === 0) return new Uint32Array(0);
  // Events found so far (every word up to this one), by short id.
  let all: Uint8Array | null = null;
  for (const word of words) {
    const found = new Uint8Array(size);
    const mark = (postings: Postings | undefined) => {
      if (postings)
        for (const docs of postings.values()) for (const doc of docs.keys()) found[doc] = 1;
    };
    mark(terms.get(word));
    if (SEARCH_OPTIONS.prefix) for (const [, postings] of terms.atPrefix(word)) mark(postings);
    const fuzzy = SEARCH_OPTIONS.fuzzy(word);
    const distance = fuzzy ? Math.min(MAX_FUZZY, Math.round(word.length * fuzzy)) : 0;
    if (distance) for (const [postings] of terms.fuzzyGet(word, distance).values()) mark(postings);
    if (all) for (let i = 0; i < size; i++) all[i] = all[i]! & found[i]!;
    else all = found;
  }
  const hits: number[] = [];
  for (let doc = 0; doc < size; doc++) {
    const pos = all?.[doc] ? ids.get(doc) : undefined;
    if (pos !== undefined) hits.push(pos);
  }
  return Uint32Array.from(hits).sort();
}
