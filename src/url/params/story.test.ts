import { describe, it, expect } from 'vitest';
import * as fc from 'fast-check';
import { buildViewState, parseViewState, viewStateArbitrary } from '../viewState';
import { MAX_STORY_STEP } from './story';

describe('story links: examples', () => {
  it('reads ?story=<id>&step=<n>, the step counted from 1', () => {
    const { state, notices } = parseViewState('?story=end-of-phase-one&step=3&event=x');
    expect(notices).toEqual([]);
    expect(state.story).toEqual({ id: 'end-of-phase-one', step: 3 });
    expect(state.event).toBe('x');
  });

  it('opens at step 1 when the link gives no step', () => {
    expect(parseViewState('?story=s').state.story).toEqual({ id: 's', step: 1 });
  });

  it('writes the story and its step after the other parameters', () => {
    const { state } = parseViewState('?step=2&story=s&actors=a');
    expect(buildViewState(state)).toBe('?actors=a&story=s&step=2');
  });

  it('drops a bad story id, a step that is no step, and a step without a story, saying why', () => {
    const bad = parseViewState('?story=Not%20An%20Id&step=2');
    expect(bad.state.story).toBeUndefined();
    expect(bad.notices).toEqual([
      'Ignored story "Not An Id": not a story id (ids are lowercase letters and digits, joined by - _ or .).',
      'Ignored step "2": a step needs a story (story=).',
    ]);
    for (const step of ['0', '-1', '1.5', 'two', '1e3', String(MAX_STORY_STEP + 1)]) {
      const read = parseViewState(`?story=s&step=${step}`);
      expect(read.state.story).toEqual({ id: 's', step: 1 });
      expect(read.notices).toEqual([
        `Ignored step "${step}": expected a step number from 1 to 100,000.`,
      ]);
    }
  });
});

describe('story links: properties', () => {
  const arb = viewStateArbitrary(fc);

  it('parse(build(s)) is s, without notices, with and without a story', () => {
    fc.assert(
      fc.property(arb, (s) => {
        const { state, notices } = parseViewState(buildViewState(s));
        expect(notices).toEqual([]);
        expect(state).toEqual(s);
      }),
      { numRuns: 500 },
    );
  });

  it('draws stories at every step, and a link with one names both', () => {
    fc.assert(
      fc.property(
        arb.filter((s) => s.story !== undefined),
        (s) => {
          const url = buildViewState(s);
          expect(url).toContain(`story=${s.story?.id}&step=${s.story?.step}`);
        },
      ),
      { numRuns: 200 },
    );
  });
});
