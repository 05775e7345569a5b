import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GROUP_BYS } from '../../model/lanes';
import { buildViewState, DEFAULT_VIEW_STATE, parseViewState } from '../viewState';
import { LANES_PARAMS } from './lanes';

describe('lanes= in the link', () => {
  it('reads each grouping, and writes it back after the other parameters', () => {
    for (const by of GROUP_BYS.filter((g) => g !== 'none')) {
      const { state, notices } = parseViewState(`?lanes=${by}`);
      expect(notices).toEqual([]);
      expect(state.lanes).toBe(by);
      expect(buildViewState(state)).toBe(`?lanes=${by}`);
    }
    expect(buildViewState({ ...DEFAULT_VIEW_STATE, event: 'talks', lanes: 'actor' })).toBe(
      '?event=talks&lanes=actor',
    );
  });

  it('leaves lanes out of a link without them, and reads none as no lanes', () => {
    expect(buildViewState(DEFAULT_VIEW_STATE)).toBe('');
    expect(buildViewState({ ...DEFAULT_VIEW_STATE, lanes: 'none' })).toBe('');
    expect(parseViewState('?lanes=none')).toEqual({ state: DEFAULT_VIEW_STATE, notices: [] });
  });

  it('ignores an unknown grouping, saying which and what it expects', () => {
    const { state, notices } = parseViewState('?lanes=colour&event=talks');
    expect(state).toEqual({ ...DEFAULT_VIEW_STATE, event: 'talks' });
    expect(notices).toEqual([
      'Ignored lanes "colour": expected one of none, actor, type, status, claim, place, tag.',
    ]);
  });

  it('round-trips every value it draws', () => {
    const [param] = LANES_PARAMS;
    fc.assert(
      fc.property(param!.arbitrary(fc), (change) => {
        const s = change(DEFAULT_VIEW_STATE);
        const { state, notices } = parseViewState(buildViewState(s));
        expect(notices).toEqual([]);
        expect(state).toEqual(s);
      }),
    );
  });
});
