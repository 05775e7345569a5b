// The link parser fed hostile addresses (issue 12): any query, known parameters with junk or very
// long values, repeated and oddly encoded, parses without throwing, and what it says about them
// quotes at most a hundred or so characters of the link.
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostileText, RUNS } from '../formats/fuzz/arbitraries';
import { LINK_PARAMS } from './params';
import { buildViewState, parseViewState } from './viewState';

const names = LINK_PARAMS.map((p) => p.name);
const value = fc.oneof(
  hostileText,
  fc.string({ minLength: 200, maxLength: 3000 }),
  fc.webUrl(),
  fc.constantFrom('local:abc', 'javascript:alert(1)', '%E0%A4%A', '..', '-1', 'NaN'),
);
const param = fc.tuple(fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 8 })), value);

describe('the link parser, fed hostile links', () => {
  it('never throws, and its notices stay short', () => {
    fc.assert(
      fc.property(
        fc.array(param, { maxLength: 8 }),
        fc.string({ maxLength: 50 }),
        (params, hash) => {
          const search = `?${params.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`;
          const parsed = parseViewState(search, `#${hash}`);
          // Its own words run to ~330 characters (the list of column fields); the link's, ~150 at most.
          for (const notice of parsed.notices) expect(notice.length).toBeLessThanOrEqual(500);
          // What it kept builds a link that parses to the same view.
          const again = parseViewState(buildViewState(parsed.state));
          expect(again.state).toEqual(parsed.state);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('reads raw, badly encoded queries without throwing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (raw) => {
        expect(() => parseViewState(`?${raw}`)).not.toThrow();
      }),
      { numRuns: RUNS },
    );
  });
});
