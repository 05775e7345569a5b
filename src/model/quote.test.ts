import { describe, expect, it } from 'vitest';
import { capMessage, clip, quote, QUOTE_MAX } from './quote';

describe('quote', () => {
  it('quotes short values whole', () => {
    expect(quote('Cairo')).toBe('“Cairo”');
    expect(quote(12)).toBe('“12”');
  });

  it('quotes at most QUOTE_MAX characters of a long value and says how long it was', () => {
    const q = quote('x'.repeat(5_000_000));
    expect(q).toBe(`“${'x'.repeat(QUOTE_MAX)}…” (5,000,000 characters)`);
  });

  it('never cuts inside a surrogate pair', () => {
    const q = quote(`${'x'.repeat(QUOTE_MAX - 1)}😀${'y'.repeat(10)}`);
    expect(q).toBe(`“${'x'.repeat(QUOTE_MAX - 1)}…” (111 characters)`);
  });
});

describe('clip and capMessage', () => {
  it('shorten names in lists and whole messages', () => {
    expect(clip('abc', 2)).toBe('ab…');
    expect(clip('abc')).toBe('abc');
    expect(capMessage('m'.repeat(2000))).toMatch(/^m{1000}… \(message cut: 2,000 characters\)$/);
  });
});
