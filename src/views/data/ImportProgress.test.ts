// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { measured } from './ImportProgress';

describe('the import progress bar', () => {
  it('measures a download, the rows, the parts taken and the views prepared', () => {
    for (const phase of ['download', 'parse', 'receive', 'prepare'] as const)
      expect(measured({ phase, total: 10 })).toBe(true);
  });

  it('does not pretend to measure reading a file whole, the geocoder, or an unknown total', () => {
    expect(measured({ phase: 'read', total: 40_000_000 })).toBe(false);
    expect(measured({ phase: 'geocoder', total: 1 })).toBe(false);
    expect(measured({ phase: 'download', total: 0 })).toBe(false);
  });
});
