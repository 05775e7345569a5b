import { describe, expect, it } from 'vitest';
import { asCode, normalise, withoutArticle } from './normalise';

describe('normalise', () => {
  it('ignores case, accents and punctuation', () => {
    expect(normalise('Khān Yūnis')).toBe('khan yunis');
    expect(normalise('KHAN-YUNIS')).toBe('khan yunis');
    expect(normalise('  khan   yunis. ')).toBe('khan yunis');
    expect(normalise('São Paulo')).toBe(normalise('Sao Paulo'));
    expect(normalise('Zürich')).toBe('zurich');
    expect(normalise('Côte d’Ivoire')).toBe(normalise("Cote d'Ivoire"));
  });

  it('folds letters that have no decomposition', () => {
    expect(normalise('Łódź')).toBe('lodz');
    expect(normalise('Straße')).toBe('strasse');
    expect(normalise('Tromsø')).toBe('tromso');
    expect(normalise('İzmir')).toBe('izmir');
  });

  it('drops apostrophes and transliteration marks instead of splitting on them', () => {
    expect(normalise("Be'er Sheva")).toBe('beer sheva');
    expect(normalise('Ta‘izz')).toBe('taizz');
    expect(normalise("Sana'a")).toBe('sanaa');
  });

  it('joins initials and spells out Saint, Mount and Fort', () => {
    expect(normalise('U.S.A.')).toBe('usa');
    expect(normalise('Washington, D.C.')).toBe('washington dc');
    expect(normalise('Washington DC')).toBe('washington dc');
    expect(normalise('St. Petersburg')).toBe('saint petersburg');
    expect(normalise('Mt Vernon')).toBe('mount vernon');
    expect(normalise('A Coruña')).toBe('a coruna');
  });

  it('keeps non-Latin scripts as they are, lower-cased', () => {
    expect(normalise('القاهرة')).toBe('القاهرة');
    expect(normalise('Москва')).toBe('москва');
  });

  it('gives an empty key for text without letters or digits', () => {
    expect(normalise(' - / ')).toBe('');
  });

  it('removes a leading "the"', () => {
    expect(withoutArticle('the gaza strip')).toBe('gaza strip');
    expect(withoutArticle('thessaloniki')).toBe('thessaloniki');
  });

  it('reads codes only when written in capitals', () => {
    expect(asCode('EG')).toBe('EG');
    expect(asCode('EGY')).toBe('EGY');
    expect(asCode('U.S.')).toBe('US');
    expect(asCode('eg')).toBeNull();
    expect(asCode('Egypt')).toBeNull();
    expect(asCode('EGYP')).toBeNull();
  });
});
