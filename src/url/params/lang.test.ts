import { describe, expect, it } from 'vitest';
import { buildViewState, DEFAULT_VIEW_STATE, parseViewState } from '../viewState';

describe('lang and calendar in the link', () => {
  it('round-trips each language, and the Hijri calendar with Arabic', () => {
    for (const lang of ['en', 'ar', 'he'] as const) {
      const link = buildViewState({ ...DEFAULT_VIEW_STATE, lang });
      expect(link).toBe(`?lang=${lang}`);
      expect(parseViewState(link)).toEqual({ state: { ...DEFAULT_VIEW_STATE, lang }, notices: [] });
    }
    const hijri = {
      ...DEFAULT_VIEW_STATE,
      lang: 'ar' as const,
      calendar: 'islamic-umalqura' as const,
    };
    expect(buildViewState(hijri)).toBe('?lang=ar&calendar=hijri');
    expect(parseViewState('?lang=ar&calendar=hijri').state).toEqual(hijri);
  });

  it('leaves the language out when the page follows the browser', () => {
    expect(buildViewState(DEFAULT_VIEW_STATE)).toBe('');
    expect(parseViewState('').state.lang).toBeUndefined();
  });

  it('reads a capitalised code, and drops a language it does not speak with a notice', () => {
    expect(parseViewState('?lang=AR').state.lang).toBe('ar');
    const { state, notices } = parseViewState('?lang=fr');
    expect(state.lang).toBeUndefined();
    expect(notices).toEqual(['Ignored lang "fr": not a language this page speaks (en, ar, he).']);
  });

  it('refuses the Hijri calendar without Arabic, and an unknown calendar', () => {
    expect(parseViewState('?lang=he&calendar=hijri')).toEqual({
      state: { ...DEFAULT_VIEW_STATE, lang: 'he' },
      notices: ['Ignored calendar "hijri": the Hijri calendar goes with lang=ar.'],
    });
    expect(parseViewState('?lang=ar&calendar=julian').notices).toEqual([
      'Ignored calendar "julian": expected hijri (Gregorian is the default).',
    ]);
  });
});
