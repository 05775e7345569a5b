import { describe, expect, it } from 'vitest';
import { plural } from './plural';

describe('plural', () => {
  it('says one thing in the singular and any other count in the plural', () => {
    expect(plural(1, 'event')).toBe('1 event');
    expect(plural(0, 'event')).toBe('0 events');
    expect(plural(16, 'event')).toBe('16 events');
    expect(plural(2, 'match', { many: 'matches' })).toBe('2 matches');
  });

  it('groups thousands when asked, and only then', () => {
    expect(plural(1204, 'event', { group: true })).toBe('1,204 events');
    expect(plural(1204, 'event')).toBe('1204 events');
  });
});
