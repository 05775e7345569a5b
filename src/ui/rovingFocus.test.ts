// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { nextIndex } from './rovingFocus';

describe('nextIndex', () => {
  it('moves with the arrows of its direction, wrapping at the ends', () => {
    expect(nextIndex('ArrowRight', 0, 3, 'horizontal')).toBe(1);
    expect(nextIndex('ArrowRight', 2, 3, 'horizontal')).toBe(0);
    expect(nextIndex('ArrowLeft', 0, 3, 'horizontal')).toBe(2);
    expect(nextIndex('ArrowDown', 1, 3, 'vertical')).toBe(2);
    expect(nextIndex('ArrowUp', 0, 3, 'vertical')).toBe(2);
  });

  it('ignores the other direction and other keys', () => {
    expect(nextIndex('ArrowDown', 0, 3, 'horizontal')).toBeNull();
    expect(nextIndex('ArrowRight', 0, 3, 'vertical')).toBeNull();
    expect(nextIndex('a', 0, 3, 'vertical')).toBeNull();
  });

  it('goes to the ends with Home and End, and starts from outside the group', () => {
    expect(nextIndex('Home', 2, 3, 'vertical')).toBe(0);
    expect(nextIndex('End', 0, 3, 'vertical')).toBe(2);
    expect(nextIndex('ArrowDown', -1, 3, 'vertical')).toBe(0);
    expect(nextIndex('ArrowUp', -1, 3, 'vertical')).toBe(2);
    expect(nextIndex('ArrowDown', 0, 0, 'vertical')).toBeNull();
  });
});
