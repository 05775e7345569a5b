import { describe, expect, it } from 'vitest';
import { fixtureDataset } from '../../test-utils/fixture';
import { generatedDataset } from '../../test-utils/generated';
import {
  addChunk,
  buildTextIndex,
  foldTerm,
  newTextIndex,
  searchText,
  textSource,
  TEXT_FIELDS,
} from './textIndex';

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

  it('matches the start of a word, ignoring case and accents, and needs every word', () => {
    expect(foldTerm('Égypte')).toBe('egypte');
    expect(ids('TALK')).toContain('talks');
    expect(ids('tálks')).toEqual(ids('talks'));
    expect(ids('talks zzzz')).toEqual([]);
  });

  it('searches actor names and place names too', () => {
    expect(ids('leader').length).toBeGreaterThan(0);
    expect(ids('region').length).toBeGreaterThan(0);
  });
});
