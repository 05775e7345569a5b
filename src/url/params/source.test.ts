import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import { DEFAULT_VIEW_STATE, buildViewState, parseViewState } from '../viewState';
import { isSourceUrl, SOURCE_PARAMS } from './source';

describe('?source=', () => {
  it('round-trips a service address with the rest of the view', () => {
    const view = {
      ...DEFAULT_VIEW_STATE,
      event: 'ev-12',
      source: 'http://127.0.0.1:4408/dateline?x=1',
    };
    const link = buildViewState(view);
    expect(link).toBe(`?event=ev-12&source=http://127.0.0.1:4408/dateline%3Fx%3D1`);
    expect(parseViewState(link)).toEqual({ state: view, notices: [] });
  });

  it('round-trips every address its generator draws', () => {
    const [param] = SOURCE_PARAMS;
    fc.assert(
      fc.property(param!.arbitrary(fc), (apply) => {
        const view = apply(DEFAULT_VIEW_STATE);
        expect(parseViewState(buildViewState(view)).state).toEqual(view);
      }),
    );
  });

  it('refuses what is not a service address, with a notice, and keeps the rest', () => {
    for (const bad of [
      'javascript:alert(1)',
      'ftp://host/x',
      'http://user:secret@host/',
      'http://host/#frag',
      '/relative/path',
      'local:abc',
      'not a url',
    ]) {
      expect(isSourceUrl(bad)).toBe(false);
      const { state, notices } = parseViewState(`?source=${encodeURIComponent(bad)}&q=aid`);
      expect(state.source).toBeUndefined();
      expect(state.filters.q).toBe('aid');
      expect(notices).toEqual([
        expect.stringMatching(/^Ignored source ".*": a query source must be/),
      ]);
    }
  });
});
