import { describe, expect, it } from 'vitest';
import type { DatelineEvent, ResolvedPlace } from '../../model/dataset';
import { fixtureDataset } from '../../test-utils/fixture';
import { PlaceClusters, pointsOf, shortCount, type BBox, type RawItem } from './clusters';
import { groupByPlace, type PlaceGroup } from './places';

const WORLD: BBox = [-180, -85, 180, 85];
const MAX_ZOOM = 12;

/** A place group with `n` stand-in events: clustering reads only positions and counts. */
function group(key: string, lat: number, lon: number, n = 1): PlaceGroup {
  const place = { key, name: key, lat, lon, precision: 'city', inline: false } as ResolvedPlace;
  const events = Array.from({ length: n }, (_, i) => ({ id: `${key}-${i}` }) as DatelineEvent);
  return { place, events };
}

/** An index of the groups, and how to read its answers: place keys and cluster sizes, sorted. */
function clustersOf(placeGroups: ReadonlyMap<string, PlaceGroup>) {
  const { keys, points } = pointsOf(placeGroups);
  const clusters = new PlaceClusters(points, MAX_ZOOM, 1);
  const summary = (items: RawItem[]) =>
    items
      .map((i) => (i.kind === 'place' ? keys[i.index] : `${i.places} places/${i.events} events`))
      .sort();
  return { clusters, keys, summary };
}

function groups(...gs: PlaceGroup[]): Map<string, PlaceGroup> {
  return new Map(gs.map((g) => [g.place.key, g]));
}

describe('PlaceClusters', () => {
  const d = fixtureDataset();
  const { clusters: fixture, keys, summary } = clustersOf(groupByPlace(d.events, d.places));

  it('merges the fixture’s two places (7° apart) at world zoom, counting their events', () => {
    expect(summary(fixture.inView(WORLD, 2))).toEqual(['2 places/3 events']);
  });

  it('shows each place on its own once they are far apart on screen', () => {
    expect(summary(fixture.inView(WORLD, 6))).toEqual(['city', 'region']);
  });

  it('leaves out what is outside the box, and reads a box across the antimeridian', () => {
    const c = clustersOf(groups(group('fiji', -17, 179), group('samoa', -14, -172)));
    expect(c.summary(c.clusters.inView([0, -60, 60, 60], 8))).toEqual([]);
    expect(c.summary(c.clusters.inView([170, -30, -170, 0], 8))).toEqual(['fiji', 'samoa']);
  });

  it('tells the zoom at which a cluster splits, and lists its places', () => {
    const [cluster] = fixture.inView(WORLD, 2);
    if (cluster?.kind !== 'cluster') throw new Error('expected a cluster');
    const z = fixture.expansionZoom(cluster.clusterId);
    expect(z).toBeGreaterThan(2);
    expect(summary(fixture.inView(WORLD, z ?? 0))).toEqual(['city', 'region']);
    expect(
      fixture
        .placesOf(cluster.clusterId)
        .map((i) => keys[i])
        .sort(),
    ).toEqual(['city', 'region']);
    expect(fixture.expansionZoom(123_456)).toBeNull();
    expect(fixture.placesOf(123_456)).toEqual([]);
  });

  it('keeps places too close to split on the map as a cluster that cannot zoom', () => {
    const c = clustersOf(groups(group('a', 30, 31, 2), group('b', 30, 31.00001))).clusters;
    const [cluster] = c.inView(WORLD, 12);
    if (cluster?.kind !== 'cluster') throw new Error('expected a cluster');
    expect(cluster.events).toBe(3);
    expect(c.expansionZoom(cluster.clusterId)).toBeNull();
  });

  it('draws a number of items bounded by the screen, not by the number of places', () => {
    let seed = 1;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const many = groups(
      ...Array.from({ length: 20_000 }, (_, i) =>
        group(`p${i}`, -60 + random() * 130, -180 + random() * 360),
      ),
    );
    const c = clustersOf(many).clusters;
    // A 1440×900 screen at zoom 3 shows most of the world: still a few hundred items at most.
    const items = c.inView(WORLD, 3);
    expect(items.length).toBeLessThan(1000);
    const total = items.reduce((n, i) => n + (i.kind === 'place' ? 1 : i.places), 0);
    expect(total).toBe(20_000);
  });
});

describe('shortCount', () => {
  it('fits any count in a few characters', () => {
    expect([7, 999, 1000, 1234, 9999, 12_345, 999_999, 1_234_567].map(shortCount)).toEqual([
      '7',
      '999',
      '1k',
      '1.2k',
      '9.9k',
      '12k',
      '999k',
      '1.2M',
    ]);
  });
});
