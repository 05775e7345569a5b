import { describe, expect, it } from 'vitest';
import { isFiltering, NO_FILTERS } from './types';

describe('isFiltering', () => {
  it('is false for no filters, and for options that narrow nothing without actors', () => {
    expect(isFiltering(NO_FILTERS)).toBe(false);
    expect(isFiltering({ ...NO_FILTERS, actorMode: 'all', includeMembers: true })).toBe(false);
    expect(isFiltering({ ...NO_FILTERS, q: '   ' })).toBe(false);
  });

  it('is true for a role on its own, which keeps only events with a link in that role', () => {
    expect(isFiltering({ ...NO_FILTERS, role: 'mediator' })).toBe(true);
  });

  it('is true for every other dimension', () => {
    expect(isFiltering({ ...NO_FILTERS, actors: ['hamas'] })).toBe(true);
    expect(isFiltering({ ...NO_FILTERS, types: ['statement'] })).toBe(true);
    expect(isFiltering({ ...NO_FILTERS, statuses: ['expected'] })).toBe(true);
    expect(isFiltering({ ...NO_FILTERS, claims: ['claimed'] })).toBe(true);
    expect(isFiltering({ ...NO_FILTERS, from: '2025-02-27' })).toBe(true);
    expect(isFiltering({ ...NO_FILTERS, to: '2025-02-27' })).toBe(true);
    expect(isFiltering({ ...NO_FILTERS, q: 'cairo' })).toBe(true);
  });
});
