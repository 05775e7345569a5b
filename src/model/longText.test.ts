import { describe, expect, it } from 'vitest';
import { cutText } from './longText';

describe('cutText', () => {
  it('leaves text within the limit whole', () => {
    expect(cutText('short', 10)).toBe('short');
    expect(cutText('exactly10!', 10)).toBe('exactly10!');
  });

  it('cuts at a space near the limit, else at the limit', () => {
    expect(cutText('one two three four', 12)).toBe('one two');
    const word = 'x'.repeat(1000);
    expect(cutText(word, 300)).toHaveLength(300);
  });
});
