import { describe, expect, it } from 'vitest';
import { fixtureDataset } from '../../test-utils/fixture';
import { clusterChooserTitle, clusterLabel, placeChooserTitle, placeLabel } from './markerLabels';
import { groupByPlace } from './places';

describe('clusterLabel', () => {
  it('names how many places and events a cluster holds and what Enter does', () => {
    expect(clusterLabel({ places: 12, events: 340 }, true)).toBe('12 places, 340 events — zoom in');
    expect(clusterLabel({ places: 2, events: 12_345 }, false)).toBe(
      '2 places, 12,345 events — choose an event',
    );
  });
});

describe('placeLabel', () => {
  const groups = groupByPlace(fixtureDataset().events, fixtureDataset().places);

  it('names the place, its precision and how many events it holds', () => {
    expect(placeLabel(groups.get('city')!)).toBe('City (city): 2 events');
    expect(placeChooserTitle(groups.get('city')!)).toEqual([{ data: 'City' }, ': 2 events']);
  });

  it('gives the title of a place’s only event', () => {
    expect(placeLabel(groups.get('region')!)).toBe('Region (region): Envoy expected');
  });

  it('counts a cluster’s events in its chooser', () => {
    expect(clusterChooserTitle(3, 1204)).toBe('3 places: 1,204 events');
  });
});
