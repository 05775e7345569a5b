// Where a text query matches inside a text, for highlighting: the same rule as the search
// (./textIndex.ts): a word of the text matches a word of the query when, folded for case and
// accents, it starts with it or, from five letters, is a near miss of it. The whole word of the
// text is marked, as a reader scans for words, not letters. Pure: the views turn the parts into
// text nodes and <mark> elements, never into HTML.
import { foldTerm, SEARCH_OPTIONS, withinEdits } from './textIndex';

export interface TextPart {
  text: string;
  hit: boolean;
}

/** The words of the text: everything between spaces, line breaks and punctuation. */
const WORD = /[^\n\r\p{Z}\p{P}]+/gu;
/** The cap on a near match's edit distance, as the search has it. */
const MAX_FUZZY = 6;

export interface Terms {
  words: readonly string[];
}

/** The query's words, folded as the index folds them; none for a blank query. */
export function queryTerms(q: string): Terms {
  const words = (q.match(WORD) ?? []).map(foldTerm).filter((w) => w !== '');
  return { words: [...new Set(words)] };
}

function matches(word: string, terms: Terms): boolean {
  for (const term of terms.words) {
    if (word.startsWith(term)) return true;
    const fuzzy = SEARCH_OPTIONS.fuzzy(term);
    if (!fuzzy) continue;
    const distance = Math.min(MAX_FUZZY, Math.round(term.length * fuzzy));
    if (distance > 0 && withinEdits(word, term, distance)) return true;
  }
  return false;
}

/**
 * The text cut into runs that match the query and runs that do not, in order; joined, they are
 * the text. One part, not a hit, when nothing matches.
 */
export function highlightParts(text: string, terms: Terms): TextPart[] {
  if (terms.words.length === 0 || text === '') return [{ text, hit: false }];
  const parts: TextPart[] = [];
  let at = 0;
  for (const m of text.matchAll(WORD)) {
    if (!matches(foldTerm(m[0]), terms)) continue;
    const start = m.index;
    if (start > at) parts.push({ text: text.slice(at, start), hit: false });
    parts.push({ text: m[0], hit: true });
    at = start + m[0].length;
  }
  if (at < text.length) parts.push({ text: text.slice(at), hit: false });
  return parts;
}
