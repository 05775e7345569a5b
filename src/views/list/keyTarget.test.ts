import { describe, expect, it } from 'vitest';
import { keyTarget } from './EventRow';

describe('keyTarget', () => {
  it('moves one row, a page, or to either end, within the list', () => {
    expect(keyTarget('ArrowDown', 3, 5, 10)).toBe(4);
    expect(keyTarget('ArrowUp', 3, 5, 10)).toBe(2);
    expect(keyTarget('PageDown', 3, 5, 10)).toBe(8);
    expect(keyTarget('PageDown', 8, 5, 10)).toBe(9);
    expect(keyTarget('PageUp', 3, 5, 10)).toBe(0);
    expect(keyTarget('Home', 7, 5, 10)).toBe(0);
    expect(keyTarget('End', 0, 5, 10)).toBe(9);
  });

  it('starts from the first row going down and from the last going up, with none selected', () => {
    expect(keyTarget('ArrowDown', -1, 5, 10)).toBe(0);
    expect(keyTarget('ArrowUp', -1, 5, 10)).toBe(9);
  });

  it('takes no other key, and nothing in an empty list', () => {
    expect(keyTarget('Enter', 3, 5, 10)).toBeUndefined();
    expect(keyTarget('a', 3, 5, 10)).toBeUndefined();
    expect(keyTarget('ArrowDown', -1, 5, 0)).toBeUndefined();
  });
});
