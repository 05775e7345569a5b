import { describe, expect, it } from 'vitest';
import { isFiltering, isInvertedRange, NO_FILTERS } from './types';

describe('isFiltering', () => {
  it('is false for no filters, and for options that narrow nothing without actors', () => {
    expect(isFiltering(NO_FILTERS)).toBe(false);
    expect(isFiltering({ ...NO_FILTERS, actorMode: 'all', includeMembers: true })).toBe(false);
    expect(isFiltering({ ...NO_FILTERS, q: '   ' })).toBe(false);
    expect(isFiltering({ ...NO_FILTERS, dateWithin: true })).toBe(false);
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

describe('isInvertedRange', () => {
  it('is true only when both ends are given and the start is after the end', () => {
    expect(isInvertedRange('2025-03-01', '2025-02-20')).toBe(true);
    expect(isInvertedRange('2025-02-20', '2025-03-01')).toBe(false);
    expect(isInvertedRange('2025-02-20', '2025-02-20')).toBe(false);
    expect(isInvertedRange('2025-03-01', null)).toBe(false);
    expect(isInvertedRange(null, '2025-02-20')).toBe(false);
  });

  it('compares days of any era as days, not as text', () => {
    expect(isInvertedRange('-0043-03-15', '-0499-01-01')).toBe(true);
    expect(isInvertedRange('-0499-01-01', '-0043-03-15')).toBe(false);
    expect(isInvertedRange('0999-12-31', '-0001-01-01')).toBe(true);
  });
});
