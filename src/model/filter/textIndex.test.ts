import * as fc from 'fast-check';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../dataset';
import { fixtureDataset } from '../../test-utils/fixture';
import { generatedDataset } from '../../test-utils/generated';
import {
  addChunk,
  buildTextIndex,
  foldTerm,
  forEachWord,
  newTextIndex,
  SEARCH_OPTIONS,
  searchText,
  textSource,
  TEXT_FIELDS,
  withinEdits,
} from './textIndex';

/**
 * MiniSearch over the same text, as the index was before it was Dateline's own: the reference
 * for which events a query finds.
 */
function miniSearchOf(d: Dataset) {
  const mini = new MiniSearch<Record<string, string | number>>({
    idField: 'pos',
    fields: [...TEXT_FIELDS],
    processTerm: (t) => foldTerm(t) || null,
  });
  const { start, text, ends } = textSource(d)(0, d.events.length);
  let from = 0;
  for (let i = 0, k = 0; i < d.events.length; i++) {
    const doc: Record<string, string | number> = { pos: start + i };
    for (const field of TEXT_FIELDS) doc[field] = text.slice(from, (from = ends[k++]!));
    mini.add(doc);
  }
  return mini;
}

const QUERIES = ['ceasefire', 'deleg', 'talks envoy', 'convoy border', 'x', 'summit ceasfire'];

describe('the text of events sent in chunks', () => {
  it('holds each field of each event at its offsets', () => {
    const d = fixtureDataset();
    const { start, text, ends } = textSource(d)(1, 3);
    expect(start).toBe(1);
    expect(ends).toHaveLength(2 * TEXT_FIELDS.length);
    const title = text.slice(ends[TEXT_FIELDS.length - 1], ends[TEXT_FIELDS.length]);
    expect(title).toBe(d.events[2]!.title);
    expect(ends.at(-1)).toBe(text.length);
  });

  it('indexed a slice at a time, finds exactly what the index built at once finds', () => {
    const d = generatedDataset(700);
    const whole = buildTextIndex(d);
    const sliced = newTextIndex();
    const source = textSource(d);
    for (let at = 0; at < d.events.length; at += 128)
      addChunk(sliced, source(at, Math.min(d.events.length, at + 128)));
    for (const q of QUERIES) {
      const hits = searchText(whole, q);
      expect({ q, hits: searchText(sliced, q) }).toEqual({ q, hits });
    }
    expect(searchText(whole, 'ceasefire').length).toBeGreaterThan(0);
  });
});

describe('searchText', () => {
  const d = fixtureDataset();
  const index = buildTextIndex(d);
  const ids = (q: string) => [...searchText(index, q)].map((pos) => d.events[pos]!.id);

  it('answers positions in dataset order, ascending', () => {
    const hits = searchText(buildTextIndex(generatedDataset(700)), 'ceasefire');
    expect([...hits]).toEqual([...hits].sort((a, b) => a - b));
    expect(new Set(hits).size).toBe(hits.length);
  });

  it('folds ASCII words (the fast path) as it folds every other word', () => {
    const slow = (t: string) => t.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    for (const text of [fc.string({ unit: 'binary' }), fc.string()])
      fc.assert(
        fc.property(text, (t) => {
          expect(foldTerm(t)).toBe(slow(t));
        }),
      );
  });

  it('matches the start of a word, ignoring case and accents, and needs every word', () => {
    expect(foldTerm('Égypte')).toBe('egypte');
    expect(foldTerm('GAZA')).toBe('gaza');
    expect(ids('TALK')).toContain('talks');
    expect(ids('tálks')).toEqual(ids('talks'));
    expect(ids('talks zzzz')).toEqual([]);
  });

  it('searches actor names and place names too', () => {
    expect(ids('leader').length).toBeGreaterThan(0);
    expect(ids('region').length).toBeGreaterThan(0);
  });
});

describe('withinEdits', () => {
  /** Levenshtein's distance, the whole table. */
  const distance = (a: string, b: string) => {
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const row = [i];
      for (let j = 1; j <= b.length; j++)
        row[j] = Math.min(
          prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
          prev[j]! + 1,
          row[j - 1]! + 1,
        );
      prev = row;
    }
    return prev[b.length]!;
  };

  it('says whether two words are at most so many edits apart', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'é'), maxLength: 14 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 6 }), (a, b, max) => {
        expect(withinEdits(a, b, max)).toBe(distance(a, b) <= max);
      }),
      { numRuns: 3000 },
    );
    // Long words after short ones: the rows kept between calls grow.
    expect(withinEdits('a'.repeat(100), `${'a'.repeat(99)}b`, 1)).toBe(true);
  });
});

describe('searchText against MiniSearch’s own search', () => {
  const d = generatedDataset(700);
  const index = buildTextIndex(d);
  const mini = miniSearchOf(d);
  const fixture = buildTextIndex(fixtureDataset());
  const fixtureMini = miniSearchOf(fixtureDataset());
  /** What MiniSearch's scored search finds, as positions. */
  const reference = (m: MiniSearch<Record<string, string | number>>, q: string) =>
    Uint32Array.from(m.search(q, SEARCH_OPTIONS).map((h) => h.id as number)).sort();
  const vocabulary = [
    ...new Set(
      [
        ...d.events.map((e) => `${e.title} ${e.summary ?? ''}`),
        ...[...d.actors.values()].map((a) => a.name),
      ]
        .join(' ')
        .split(/[^\p{L}\p{N}]+/u)
        // Words, not the events' numbers, which would crowd them out.
        .filter((w) => /\p{L}/u.test(w)),
    ),
  ];
  const typo = (w: string, at: number, c: string) =>
    w.slice(0, at % (w.length + 1)) + c + w.slice((at % (w.length + 1)) + 1);
  const word = fc.oneof(
    fc.constantFrom(...vocabulary),
    fc
      .tuple(fc.constantFrom(...vocabulary), fc.nat())
      .map(([w, n]) => w.slice(0, 1 + (n % w.length))),
    // One or two letters changed, added or dropped: near misses, at one edit and at two.
    fc
      .tuple(
        fc.constantFrom(...vocabulary),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom('x', 'é', 'Q', '-', '')), {
          minLength: 1,
          maxLength: 2,
        }),
      )
      .map(([w, edits]) => edits.reduce((out, [at, c]) => typo(out, at, c), w)),
    fc.string({ maxLength: 12 }),
  );

  it('finds exactly the same events for any query of words, parts of words and near misses', () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 3 }), (words) => {
        const q = words.join(' ');
        expect({ q, hits: searchText(index, q) }).toEqual({ q, hits: reference(mini, q) });
      }),
      { numRuns: 300 },
    );
  });

  it('and for queries in other cases, with accents, punctuation, or no word at all', () => {
    for (const q of [
      'TALKS',
      'tálks envoy',
      'Leader, of A!',
      '  ',
      '!!',
      'talks-zzz',
      'a'.repeat(40),
    ])
      expect({ q, hits: searchText(fixture, q) }).toEqual({ q, hits: reference(fixtureMini, q) });
  });
});

describe('near misses ruled out by the kinds of character a word holds', () => {
  // Letters, digits and characters past z, some of which share a kind: none of them may make the
  // quick test drop a word that is near enough.
  const char = fc.constantFrom('a', 'b', 'e', 'z', '0', '7', 'ß', 'ø', 'ж', '中', '$', 'É');
  const word = fc.string({ unit: char, minLength: 1, maxLength: 11 });
  /** A word with one or two characters changed, added or dropped. */
  const nearMiss = (w: string, edits: ReadonlyArray<readonly [number, string]>) =>
    edits.reduce((out, [at, c]) => {
      const i = at % (out.length + 1);
      return c === '' ? out.slice(0, i) + out.slice(i + 1) : out.slice(0, i) + c + out.slice(i);
    }, w);
  const edits = fc.array(fc.tuple(fc.nat(), fc.oneof(char, fc.constant(''))), {
    minLength: 1,
    maxLength: 2,
  });

  it('finds every word within the edits a query allows, as comparing each word would', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: char, minLength: 5, maxLength: 11 }), {
          minLength: 1,
          maxLength: 30,
        }),
        fc.nat(),
        edits,
        word,
        fc.boolean(),
        (words, k, changes, other, near) => {
          const q = near ? nearMiss(words[k % words.length]!, changes) || other : other;
          const index = newTextIndex();
          words.forEach((w, pos) => index.add(pos, w));
          const term = foldTerm(q);
          const fuzzy = SEARCH_OPTIONS.fuzzy(term);
          const allowed = fuzzy ? Math.min(6, Math.round(term.length * fuzzy)) : 0;
          const expected = words
            .map((w, pos) => [foldTerm(w), pos] as const)
            .filter(([w]) => w !== '' && (w.startsWith(term) || withinEdits(w, term, allowed)))
            .map(([, pos]) => pos);
          const found = [...searchText(index, q)].filter((pos) => words[pos] !== undefined);
          expect({ q, words, found }).toEqual({ q, words, found: [...new Set(expected)] });
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('the words of a text', () => {
  const reference = (text: string) =>
    text
      .split(/[\n\r\p{Z}\p{P}]+/u)
      .map(foldTerm)
      .filter((w) => w !== '');
  const words = (text: string) => {
    const out: string[] = [];
    forEachWord(text, (w) => out.push(w));
    return out;
  };

  it('are the same, cut without a regular expression for ASCII, as cut by it', () => {
    const ascii = fc.string({
      unit: fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c)),
      maxLength: 40,
    });
    fc.assert(
      fc.property(
        fc.oneof(
          ascii,
          fc.string({ maxLength: 20 }),
          fc.string({ unit: 'grapheme', maxLength: 20 }),
        ),
        (text) => {
          expect({ text, words: words(text) }).toEqual({ text, words: reference(text) });
        },
      ),
      { numRuns: 5000 },
    );
  });
});
