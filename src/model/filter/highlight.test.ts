import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../load';
import { highlightParts, queryTerms } from './highlight';
import { buildTextIndex, searchText } from './textIndex';

const hits = (text: string, q: string) =>
  highlightParts(text, queryTerms(q))
    .filter((p) => p.hit)
    .map((p) => p.text);

describe('highlightParts', () => {
  it('marks whole words that start with a word of the query, ignoring case and accents', () => {
    expect(hits('Prisoners were released; the prisoner list grew.', 'PRISON')).toEqual([
      'Prisoners',
      'prisoner',
    ]);
    expect(hits('Talks in Égypte and Egypt', 'egypte')).toEqual(['Égypte', 'Egypt']);
  });

  it('marks near misses from five letters, as the search finds them', () => {
    expect(hits('Netanyahu spoke', 'netanyhu')).toEqual(['Netanyahu']);
    expect(hits('The cairo talks', 'cairp')).toEqual(['cairo']);
    // Four letters: no near misses, as in the search.
    expect(hits('The cairo talks', 'cair')).toEqual(['cairo']);
    expect(hits('The cairo talks', 'cajr')).toEqual([]);
  });

  it('marks every word of the query, and nothing for a blank one', () => {
    expect(hits('Hamas and Israel met in Cairo', 'cairo hamas')).toEqual(['Hamas', 'Cairo']);
    expect(highlightParts('Hamas', queryTerms('  '))).toEqual([{ text: 'Hamas', hit: false }]);
  });

  it('splits at punctuation as the index does, and keeps the text whole', () => {
    expect(hits('cease-fire, “ceasefire”', 'fire')).toEqual(['fire']);
    fc.assert(
      fc.property(fc.string(), fc.string(), (text, q) => {
        const parts = highlightParts(text, queryTerms(q));
        expect(parts.map((p) => p.text).join('')).toBe(text);
      }),
    );
  });

  it('finds a hit in every field the search matched an event by', () => {
    const { dataset } = loadDataset(
      {
        format: 'dateline/1',
        title: 'Highlight fixture',
        actors: [{ id: 'qatar', name: 'Qatar', kind: 'state' }],
        sources: [{ id: 'wire', title: 'Wire', publisher: 'Wire' }],
        events: [
          {
            id: 'a',
            title: 'Mediators meet',
            summary: 'Negotiators from Qatar gathered.',
            type: 'negotiation',
            status: 'occurred',
            time: { start: '2025-02-27', precision: 'day' },
            actors: [{ actor: 'qatar', role: 'mediator' }],
            claim: { by: 'wire', status: 'reported' },
          },
        ],
      },
      'fixture.json',
    );
    const index = buildTextIndex(dataset!);
    const e = dataset!.events[0]!;
    for (const q of ['negotiatrs', 'mediat', 'qatar gathered']) {
      expect(searchText(index, q)).toHaveLength(1);
      const all = `${e.title} ${e.summary} Qatar`;
      expect(hits(all, q).length).toBeGreaterThanOrEqual(q.split(' ').length);
    }
  });
});
