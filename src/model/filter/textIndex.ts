// The full-text search over a dataset's events, one code path for wherever it runs: the page for
// a small dataset, the search worker (./textWorker.ts) for a large one. The page hands the
// worker the events' text as `TextChunk`s (one string per slice of events plus where each field
// ends), because a structured clone of many event objects is slow each way and one string costs
// a copy. Positions are the events' positions in `dataset.events`, as in `EventIndex`.
import { cutText, INDEXED_CHARS } from '../longText';
import type { Dataset } from '../dataset';
import type { EventColumns } from '../eventColumns';

/** What a query matches in, in the order a chunk holds them. */
export const TEXT_FIELDS = ['title', 'summary', 'quotes', 'actors', 'place'] as const;
const FIELDS = TEXT_FIELDS.length;

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
  // Most words are ASCII, with no accents to strip: `normalize` and the accent strip cost as
  // much as the rest of folding.
  if (!NON_ASCII.test(term)) return term.toLowerCase();
  return term.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * How a query matches, as MiniSearch (the library this index replaced, kept as the unit tests'
 * reference) words it: each word of the query may be the start of an indexed word (`prefix`), or
 * from five letters a near miss, one edit per five letters (`fuzzy`); every word must match
 * (`combineWith`), in any field.
 */
export const SEARCH_OPTIONS = {
  prefix: true,
  fuzzy: (term: string) => (term.length > 4 ? 0.2 : false),
  combineWith: 'AND',
} as const;
/** The cap on a near match's edit distance (MiniSearch's default). */
const MAX_FUZZY = 6;
/** Words are split at spaces, line breaks and punctuation (MiniSearch's default split). */
const SPACE_OR_PUNCTUATION = /[\n\r\p{Z}\p{P}]+/u;
const tokenize = (text: string): string[] => text.split(SPACE_OR_PUNCTUATION);
/** 1 for each ASCII character `SPACE_OR_PUNCTUATION` splits at. */
const ASCII_SPLITS = Uint8Array.from({ length: 128 }, (_, c) =>
  SPACE_OR_PUNCTUATION.test(String.fromCharCode(c)) ? 1 : 0,
);

/** The folded words of `text`, in order, as `tokenize` and `foldTerm` make them. */
export function forEachWord(text: string, fn: (word: string) => void): void {
  if (NON_ASCII.test(text)) {
    for (const token of tokenize(text)) {
      const word = foldTerm(token);
      if (word !== '') fn(word);
    }
    return;
  }
  // ASCII text, most of it: lower-cased at once and cut where `tokenize` cuts, the same words
  // without a regular expression, an array of tokens and a fold per word (100k events: about a
  // third less CPU to build the index).
  const lower = text.toLowerCase();
  let from = -1;
  for (let i = 0; i < lower.length; i++) {
    if (ASCII_SPLITS[lower.charCodeAt(i)] === 1) {
      if (from >= 0) fn(lower.slice(from, i));
      from = -1;
    } else if (from < 0) from = i;
  }
  if (from >= 0) fn(from === 0 ? lower : lower.slice(from));
}

/**
 * Which events hold each word: an inverted index, and only that, since a query only asks which
 * events match, not how well. Built a chunk of events at a time; made ready for queries (the
 * words sorted, grouped by length) by `prepare`: the worker's at the end of its build, else the
 * first query after a change.
 *
 * It replaced MiniSearch, which builds scores, field lengths and a radix tree, none of which the
 * filters use; this one builds about four times faster (README, Performance).
 */
export class TextIndex {
  /** Per word, the positions of the events that hold it, ascending, each once. */
  private readonly postings = new Map<string, number[]>();
  /** Whether some word's positions came out of order (chunks added out of order). */
  private unordered = false;
  private lowest = Infinity;
  private highest = -1;
  /** What queries read, made from `postings` when a query comes after a change. */
  private ready: {
    words: string[];
    byLength: Map<number, { words: string[]; masks: Uint32Array }>;
  } | null = null;

  /** Records that the event at `pos` holds the words of `text`. */
  add(pos: number, text: string): void {
    if (text === '') return;
    this.ready = null;
    if (pos < this.lowest) this.lowest = pos;
    if (pos > this.highest) this.highest = pos;
    forEachWord(text, (word) => this.put(word, pos));
  }

  private put(word: string, pos: number): void {
    const list = this.postings.get(word);
    if (!list) this.postings.set(word, [pos]);
    else {
      const last = list[list.length - 1]!;
      if (last === pos) return;
      if (last > pos) this.unordered = true;
      list.push(pos);
    }
  }

  /** The positions of the events holding a word that `word` matches, marked in `found`. */
  mark(word: string, found: Uint8Array): void {
    const { words, byLength } = this.prepare();
    const from = this.lowest;
    const set = (w: string) => {
      for (const pos of this.postings.get(w)!) found[pos - from] = 1;
    };
    // The word itself and every longer word it starts: a run of the sorted words.
    for (let i = lowerBound(words, word); i < words.length && words[i]!.startsWith(word); i++)
      set(words[i]!);
    const fuzzy = SEARCH_OPTIONS.fuzzy(word);
    const distance = fuzzy ? Math.min(MAX_FUZZY, Math.round(word.length * fuzzy)) : 0;
    if (!distance) return;
    const mask = charMask(word);
    for (let length = word.length - distance; length <= word.length + distance; length++) {
      const group = byLength.get(length);
      if (!group) continue;
      const { words: ws, masks } = group;
      for (let i = 0; i < ws.length; i++) {
        // Each kind of character one word has and the other lacks costs an edit at least: most
        // words are ruled out by that before the edit distance is worked out.
        const m = masks[i]!;
        if (bitCount(m & ~mask) > distance || bitCount(mask & ~m) > distance) continue;
        const w = ws[i]!;
        if (!w.startsWith(word) && withinEdits(w, word, distance)) set(w);
      }
    }
  }

  /** Positions run from `first` for `span` events (all of them, for an empty index: none). */
  get first(): number {
    return this.highest < 0 ? 0 : this.lowest;
  }

  get span(): number {
    return this.highest < 0 ? 0 : this.highest - this.lowest + 1;
  }

  /** Makes the index ready for queries (else the first query after a change does). */
  prepare(): NonNullable<TextIndex['ready']> {
    if (this.ready) return this.ready;
    if (this.unordered) {
      for (const [w, list] of this.postings)
        this.postings.set(
          w,
          [...new Set(list)].sort((a, b) => a - b),
        );
      this.unordered = false;
    }
    const words = [...this.postings.keys()].sort();
    const grouped = new Map<number, string[]>();
    for (const w of words) {
      const group = grouped.get(w.length);
      if (group) group.push(w);
      else grouped.set(w.length, [w]);
    }
    const byLength = new Map<number, { words: string[]; masks: Uint32Array }>();
    for (const [length, ws] of grouped)
      byLength.set(length, { words: ws, masks: Uint32Array.from(ws, charMask) });
    this.ready = { words, byLength };
    return this.ready;
  }
}

/**
 * The kinds of character a word holds, one bit each: a–z their own, the digits one, any other
 * code unit one of five by its value. Two words with different kinds share bits, which only
 * makes `mark`'s test let more through, never fewer.
 */
function charMask(w: string): number {
  let m = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    const bit = c >= 97 && c <= 122 ? c - 97 : c >= 48 && c <= 57 ? 26 : 27 + (c % 5);
    m |= 1 << bit;
  }
  return m >>> 0;
}

function bitCount(v: number): number {
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** First index whose word is not before `word` (code unit order, as `sort` orders them). */
function lowerBound(words: readonly string[], word: string): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (words[mid]! < word) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Whether `a` turns into `b` with at most `max` insertions, deletions and substitutions of
 * single characters (code units, as MiniSearch counts them): Levenshtein's distance, computed
 * only in the band of width 2·max + 1 around the diagonal, giving up once a row is over `max`.
 */
export function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  const n = b.length;
  const over = max + 1;
  if (scratch[0].length <= n) scratch = [new Uint8Array(2 * n + 2), new Uint8Array(2 * n + 2)];
  let [prev, row] = scratch;
  for (let j = 0; j <= n; j++) prev[j] = Math.min(j, over);
  for (let i = 1; i <= a.length; i++) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(n, i + max);
    // Outside the band a cell is "more than max"; only the band's edges are ever read there.
    row[lo - 1] = lo === 1 ? Math.min(i, over) : over;
    if (hi < n) row[hi + 1] = over;
    let best = row[lo - 1]!; // the first column, when the band reaches it; else over
    const c = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      let d = prev[j - 1]! + (c === b.charCodeAt(j - 1) ? 0 : 1);
      const up = prev[j]! + 1;
      const left = row[j - 1]! + 1;
      if (up < d) d = up;
      if (left < d) d = left;
      if (d > over) d = over;
      row[j] = d;
      if (d < best) best = d;
    }
    if (best > max) return false;
    [prev, row] = [row, prev];
  }
  return prev[n]! <= max;
}
/** Two rows for `withinEdits`, kept between calls (it runs for thousands of words a query). */
let scratch: [Uint8Array, Uint8Array] = [new Uint8Array(64), new Uint8Array(64)];

export function newTextIndex(): TextIndex {
  return new TextIndex();
}

/** Writes the fields of rows `start`..`end` end to end, each cut to what is indexed. */
function chunkWriter(start: number, end: number) {
  const parts: string[] = [];
  const ends = new Uint32Array((end - start) * FIELDS);
  let at = 0;
  let k = 0;
  return {
    put(whole: string): void {
      // A field of millions of characters is searched by its start (model/longText.ts).
      const s = cutText(whole, INDEXED_CHARS);
      parts.push(s);
      at += s.length;
      ends[k++] = at;
    },
    chunk: (): TextChunk => ({ start, text: parts.join(''), ends }),
  };
}

/**
 * Reads a dataset's text a slice of events at a time (actor names are joined once, up front);
 * from its columns when given them (../eventColumns.ts: no event object is made).
 */
export function textSource(
  d: Dataset,
  columns?: EventColumns,
): (start: number, end: number) => TextChunk {
  const names = new Map<string, string>();
  for (const [id, a] of d.actors) names.set(id, [a.name, ...a.aliases].join(' '));
  if (columns) return columnTextSource(d, columns, names);
  return (start, end) => {
    const { put, chunk } = chunkWriter(start, end);
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
    return chunk();
  };
}

function columnTextSource(
  d: Dataset,
  columns: EventColumns,
  names: ReadonlyMap<string, string>,
): (start: number, end: number) => TextChunk {
  const { linkStart, linkActor, actorIds } = columns.index;
  const actorNames = actorIds.map((id) => names.get(id));
  const placeNames = columns.placeKeys.map((key) => d.places.get(key)?.name ?? '');
  return (start, end) => {
    const { put, chunk } = chunkWriter(start, end);
    for (let row = start; row < end; row++) {
      put(columns.title(row));
      put(columns.summary(row));
      put(columns.evidenceText(row));
      const actors: string[] = [];
      for (let l = linkStart[row]!; l < linkStart[row + 1]!; l++) {
        const n = actorNames[linkActor[l]!];
        if (n !== undefined) actors.push(n);
      }
      put(actors.join(' '));
      const place = columns.placeNo[row]!;
      put(place < 0 ? '' : placeNames[place]!);
    }
    return chunk();
  };
}

/** Adds the chunk's events to the index. */
export function addChunk(index: TextIndex, { start, text, ends }: TextChunk): number {
  const count = ends.length / FIELDS;
  let from = 0;
  for (let i = 0, k = 0; i < count; i++)
    for (let f = 0; f < FIELDS; f++, k++) {
      // Each field on its own: two fields end to end must not make one word.
      index.add(start + i, text.slice(from, (from = ends[k]!)));
    }
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
 * one, or, from five letters, one edit away per five letters), ascending: what MiniSearch's
 * `search(q, SEARCH_OPTIONS)` finds, checked against it by the unit tests.
 */
export function searchText(index: TextIndex, q: string): Uint32Array {
  const words = tokenize(q)
    .map(foldTerm)
    .filter((t) => t !== '');
  if (words.length === 0) return new Uint32Array(0);
  const span = index.span;
  // Events found so far (every word up to this one), by position from `index.first`.
  let all: Uint8Array | null = null;
  for (const word of words) {
    const found = new Uint8Array(span);
    index.mark(word, found);
    if (all) for (let i = 0; i < span; i++) all[i] = all[i]! & found[i]!;
    else all = found;
  }
  let n = 0;
  for (let i = 0; i < span; i++) n += all![i]!;
  const hits = new Uint32Array(n);
  for (let i = 0, k = 0; i < span; i++) if (all![i]) hits[k++] = index.first + i;
  return hits;
}
