import { describe, expect, it } from 'vitest';
import { pointsOf, type ClusterItem } from './clusters';
import { PlaceIndex, withPinned, type MapItem } from './placeIndex';
import type { PlaceGroup } from './places';
import type { DatelineEvent, ResolvedPlace } from '../../model/dataset';

const WORLD: [number, number, number, number] = [-180, -85, 180, 85];

function groups(...places: Array<[string, number, number]>): Map<string, PlaceGroup> {
  return new Map(
    places.map(([key, lat, lon]) => [
      key,
      {
        place: { key, name: key, lat, lon, precision: 'city', inline: false } as ResolvedPlace,
        events: [{ id: `${key}-1` } as DatelineEvent],
      },
    ]),
  );
}

function indexOf(g: Map<string, PlaceGroup>): PlaceIndex {
  const index = new PlaceIndex(12);
  const { keys, points } = pointsOf(g);
  index.load(keys, points);
  return index;
}

const ids = (items: MapItem[]) => items.map((i) => i.id).sort();

describe('PlaceIndex (in the page, as for a few places)', () => {
  const near = groups(['a', 30, 31], ['b', 30, 31.5], ['far', -20, -60]);

  it('answers with places by key and clusters', async () => {
    const index = indexOf(near);
    const items = await index.inView(WORLD, 2);
    expect(items.filter((i) => i.kind === 'place')).toEqual([
      { kind: 'place', id: 'p:far', key: 'far' },
    ]);
    const cluster = items.find((i): i is ClusterItem => i.kind === 'cluster');
    expect(cluster?.places).toBe(2);
    if (!cluster) return;
    expect((await index.placesOf(cluster)).sort()).toEqual(['a', 'b']);
    expect(await index.expansionZoom(cluster)).toBeGreaterThan(2);
  });

  it('says nothing about a cluster of an index it has since replaced', async () => {
    const index = indexOf(near);
    const cluster = (await index.inView(WORLD, 2)).find(
      (i): i is ClusterItem => i.kind === 'cluster',
    );
    if (!cluster) throw new Error('expected a cluster');
    const { keys, points } = pointsOf(near);
    index.load(keys, points);
    expect(await index.expansionZoom(cluster)).toBeNull();
    expect(await index.placesOf(cluster)).toEqual([]);
  });
});

describe('withPinned', () => {
  const cluster = { kind: 'cluster', id: 'c:1:1' } as ClusterItem;
  const place = (key: string): MapItem => ({ kind: 'place', id: `p:${key}`, key });
  const known = new Set(['a', 'b', 'c']);
  const has = (key: string) => known.has(key);

  it('adds each pinned place once, beside the cluster that may hold it', () => {
    expect(ids(withPinned([cluster, place('a')], ['b', 'a', 'b'], has))).toEqual([
      'c:1:1',
      'p:a',
      'p:b',
    ]);
  });

  it('leaves out places that are no longer there, drawn or pinned', () => {
    expect(ids(withPinned([place('gone'), place('a')], ['also-gone'], has))).toEqual(['p:a']);
  });
});
