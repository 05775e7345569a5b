import { describe, expect, it } from 'vitest';
import { MAX_TEXT_BYTES, tooLargeToRead } from './sizeLimit';

describe('tooLargeToRead', () => {
  it('lets through a file a browser can read as one text', () => {
    expect(tooLargeToRead('a.csv', 200e6)).toBeNull();
    expect(tooLargeToRead('a.csv', MAX_TEXT_BYTES)).toBeNull();
  });

  it('names a larger file, its size and the size that can be read', () => {
    expect(tooLargeToRead('acled.csv', 1.2e9)).toBe(
      'acled.csv is 1,200 MB: larger than a browser can read as one text (536 MB). Split it into smaller files and open them one at a time.',
    );
  });

  it('is the longest string V8 makes', () => {
    // One more character than the limit cannot be made.
    expect(() => 'x'.repeat(MAX_TEXT_BYTES + 1)).toThrow(RangeError);
  });
});
