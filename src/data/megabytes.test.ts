import { describe, expect, it } from 'vitest';
import { megabytes } from './megabytes';

describe('megabytes', () => {
  it('has one decimal below 10 MB and whole, grouped megabytes from there', () => {
    expect(megabytes(0)).toBe('0.0 MB');
    expect(megabytes(500_000)).toBe('0.5 MB');
    expect(megabytes(42_100_000)).toBe('42 MB');
    expect(megabytes(1.2e9)).toBe('1,200 MB');
  });

  it('never rounds a size up', () => {
    expect(megabytes(536_870_888)).toBe('536 MB');
  });
});
