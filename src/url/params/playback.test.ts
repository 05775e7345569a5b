import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import { buildViewState, DEFAULT_VIEW_STATE, parseViewState } from '../viewState';
import { PLAYBACK_PARAMS, parsePlay } from './playback';

const ms = (iso: string) => Date.parse(iso);

describe('play in the link', () => {
  it('reads mode, speed and playhead, and writes them back', () => {
    const { state, notices } = parseViewState('?play=cumulative,week,2025-02-27T06:30Z');
    expect(notices).toEqual([]);
    expect(state.play).toEqual({
      mode: 'cumulative',
      speed: 'week',
      playhead: ms('2025-02-27T06:30Z'),
      loop: false,
    });
    expect(buildViewState(state)).toBe('?play=cumulative,week,2025-02-27T06:30Z');
  });

  it('carries loop, and takes a day or an instant with seconds (to the minute)', () => {
    expect(parsePlay('window,span30,2025-02-27,loop')).toEqual({
      mode: 'window',
      speed: 'span30',
      playhead: ms('2025-02-27T00:00Z'),
      loop: true,
    });
    expect(parsePlay('window,day,2025-02-27T06:30:40Z')).toMatchObject({
      playhead: ms('2025-02-27T06:31Z'),
    });
  });

  it('refuses a bad mode, speed, playhead or extra part, saying which', () => {
    for (const [value, why] of [
      ['fast,day,2025-02-27', 'mode must be window or cumulative'],
      ['window,hour,2025-02-27', 'speed must be one of day, week, month, span30'],
      ['window,day,yesterday', 'playhead must be an instant'],
      ['window,day,2025-02-27,loop,loop', 'optionally ,loop'],
      ['window,day,2025-02-27,play', 'optionally ,loop'],
    ]) {
      const { state, notices } = parseViewState(`?play=${value}`);
      expect(state.play).toBeUndefined();
      expect(notices).toHaveLength(1);
      expect(notices[0]).toContain(`Ignored play "${value}"`);
      expect(notices[0]).toContain(why);
    }
  });

  it('leaves play out of a view without playback', () => {
    expect(buildViewState(DEFAULT_VIEW_STATE)).toBe('');
  });

  it('round-trips every playback a view can hold', () => {
    fc.assert(
      fc.property(fc.tuple(...PLAYBACK_PARAMS.map((p) => p.arbitrary(fc))), (changes) => {
        const view = changes.reduce((v, change) => change(v), DEFAULT_VIEW_STATE);
        expect(parseViewState(buildViewState(view))).toEqual({ state: view, notices: [] });
      }),
    );
  });
});
