import { describe, expect, it } from 'vitest';
import { fixtureDataset } from '../test-utils/fixture';
import { claimantName, memberChain, resolvedTime } from './describe';

const d = fixtureDataset();

describe('wording for people', () => {
  it('attributes a claim to an actor by name, and a report to the source’s publisher', () => {
    expect(claimantName(d.eventById.get('statement')!, d)).toBe('State A');
    expect(claimantName(d.eventById.get('talks')!, d)).toBe('Wire');
  });

  it('walks memberOf up to the top', () => {
    const chain = memberChain(d.actors.get('leader-a')!, d).map((a) => a.id);
    expect(chain).toEqual(['gov-a', 'state-a']);
  });

  it('prints the time at the precision the data gives', () => {
    expect(resolvedTime(d.eventById.get('talks')!, 'en-GB')).toBe('27 Feb 2025');
    expect(resolvedTime(d.eventById.get('envoy')!, 'en-GB')).toBe('28 Feb – 7 Mar 2025');
    expect(resolvedTime(d.eventById.get('nowhere')!, 'en-GB')).toBe('Feb 2025');
    expect(resolvedTime(d.eventById.get('envoy')!, 'en-US')).toBe('Feb 28 – Mar 7, 2025');
  });
});
