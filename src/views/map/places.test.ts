import { describe, expect, it } from 'vitest';
import { fixtureDataset } from '../../test-utils/fixture';
import { groupByPlace, haloRadiusMeters, revealZoom } from './places';

describe('groupByPlace', () => {
  const d = fixtureDataset();

  it('groups events by place in time order and leaves out events without a place', () => {
    const groups = groupByPlace(d.events, d.places);
    expect([...groups.keys()].sort()).toEqual(['city', 'region']);
    expect(groups.get('city')!.events.map((e) => e.id)).toEqual(['statement', 'talks']);
    expect([...groups.values()].flatMap((g) => g.events).some((e) => e.id === 'nowhere')).toBe(
      false,
    );
  });

  it('drops a place when none of its events is given', () => {
    const groups = groupByPlace(
      d.events.filter((e) => e.id === 'envoy'),
      d.places,
    );
    expect([...groups.keys()]).toEqual(['region']);
  });
});

describe('haloRadiusMeters', () => {
  it('uses the place’s own radius when it has one', () => {
    expect(haloRadiusMeters({ precision: 'region', radiusKm: 800 })).toBe(800_000);
  });

  it('grows with vagueness when no radius is given, and is nothing for an exact place', () => {
    const r = (precision: 'exact' | 'city' | 'area' | 'region') => haloRadiusMeters({ precision });
    expect(r('exact')).toBe(0);
    expect(r('city')).toBeLessThan(r('area'));
    expect(r('area')).toBeLessThan(r('region'));
  });
});

describe('revealZoom', () => {
  it('zooms closer for more precise places', () => {
    expect(revealZoom('exact')).toBeGreaterThan(revealZoom('city'));
    expect(revealZoom('city')).toBeGreaterThan(revealZoom('region'));
  });
});
