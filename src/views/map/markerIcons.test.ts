// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { fixtureDataset } from '../../test-utils/fixture';
import { timeClasses } from './markerIcons';

const d = fixtureDataset();
const ev = (id: string) => d.eventById.get(id)!;

describe('timeClasses', () => {
  it('marks a place whose every event is approximate, or still to come', () => {
    // "envoy" is expected, on an approximate span; "talks" occurred on an exact day.
    expect(timeClasses([ev('envoy')])).toEqual(['dl-time-approx', 'dl-time-future']);
    expect(timeClasses([ev('talks')])).toEqual([]);
  });

  it('marks nothing that only some of its events are', () => {
    expect(timeClasses([ev('envoy'), ev('talks')])).toEqual([]);
    expect(timeClasses([])).toEqual([]);
  });
});
