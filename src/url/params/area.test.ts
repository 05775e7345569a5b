import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import { NO_FILTERS } from '../../model/filter/types';
import { buildViewState, DEFAULT_VIEW_STATE, parseViewState } from '../viewState';
import { AREA_PARAMS, formatArea, parseArea } from './area';

const withArea = (area: (typeof NO_FILTERS)['area'], areaUnplaced = false) => ({
  ...DEFAULT_VIEW_STATE,
  filters: { ...NO_FILTERS, area, areaUnplaced },
});

describe('area in the link', () => {
  it('reads south, west, north, east and writes them back with four decimals', () => {
    const { state, notices } = parseViewState('?area=31.2,34.2,31.6,34.6');
    expect(notices).toEqual([]);
    expect(state.filters.area).toEqual({ south: 31.2, west: 34.2, north: 31.6, east: 34.6 });
    expect(buildViewState(state)).toBe('?area=31.2000,34.2000,31.6000,34.6000');
  });

  it('rounds extra precision to about 11 m', () => {
    expect(parseArea('31.123456,34.2,31.6,34.987654')).toEqual({
      south: 31.1235,
      west: 34.2,
      north: 31.6,
      east: 34.9877,
    });
  });

  it('keeps an area across the antimeridian (west greater than east)', () => {
    const url = buildViewState(withArea({ south: -20, west: 170, north: -10, east: -170 }));
    expect(url).toBe('?area=-20.0000,170.0000,-10.0000,-170.0000');
    expect(parseViewState(url).state.filters.area).toEqual({
      south: -20,
      west: 170,
      north: -10,
      east: -170,
    });
  });

  it('refuses a malformed or impossible area, saying why', () => {
    for (const [value, why] of [
      ['31,34,32', 'expected SOUTH,WEST,NORTH,EAST'],
      ['a,b,c,d', 'expected SOUTH,WEST,NORTH,EAST'],
      ['32,34,31,35', 'south edge must be below the north edge'],
      ['31,34,95,35', 'latitudes must be between -90 and 90'],
      ['31,-200,32,35', 'longitudes must be between -180 and 180'],
      ['31,34,32,34', 'no width'],
    ]) {
      const { state, notices } = parseViewState(`?area=${value}`);
      expect(state.filters.area).toBeNull();
      expect(notices).toHaveLength(1);
      expect(notices[0]).toContain(`Ignored area "${value}"`);
      expect(notices[0]).toContain(why);
    }
  });

  it('keeps events with no place only beside an area, and writes unplaced=1 only then', () => {
    const both = parseViewState('?area=31,34,32,35&unplaced=1');
    expect(both.notices).toEqual([]);
    expect(both.state.filters.areaUnplaced).toBe(true);
    expect(buildViewState(both.state)).toBe('?area=31.0000,34.0000,32.0000,35.0000&unplaced=1');

    const alone = parseViewState('?unplaced=1');
    expect(alone.state.filters.areaUnplaced).toBe(false);
    expect(alone.notices[0]).toContain('Ignored unplaced "1"');
    expect(buildViewState(withArea(null, true))).toBe('');
  });

  it('round-trips every area a view can hold', () => {
    fc.assert(
      fc.property(fc.tuple(...AREA_PARAMS.map((p) => p.arbitrary(fc))), (changes) => {
        const view = changes.reduce((v, change) => change(v), DEFAULT_VIEW_STATE);
        const url = buildViewState(view);
        expect(parseViewState(url)).toEqual({ state: view, notices: [] });
        const { area } = view.filters;
        expect(area === null || url.includes(`area=${formatArea(area)}`)).toBe(true);
      }),
    );
  });
});
