import { describe, expect, it } from 'vitest';
import { quoteContext } from './quoteContext';

const TEXT =
  'Headline\nFirst sentence here. The quoted words sit here. Then more.\nNext paragraph.';

describe('quoteContext', () => {
  it('returns the quote with the rest of its paragraph around it', () => {
    const start = TEXT.indexOf('The quoted');
    const end = start + 'The quoted words sit here.'.length;
    const ctx = quoteContext(TEXT, start, end);
    expect(ctx.quote).toBe('The quoted words sit here.');
    expect(ctx.before).toBe('First sentence here. ');
    expect(ctx.after).toBe(' Then more.');
    expect(ctx.clippedBefore).toBe(true);
    expect(ctx.clippedAfter).toBe(true);
  });

  it('says nothing was clipped when the paragraph is the whole text', () => {
    const ctx = quoteContext('only words', 5, 10);
    expect(ctx).toEqual({
      before: 'only ',
      quote: 'words',
      after: '',
      clippedBefore: false,
      clippedAfter: false,
    });
  });

  it('cuts a long paragraph at word boundaries near the quote', () => {
    const long = `${'word '.repeat(200)}QUOTE${' tail'.repeat(200)}`;
    const start = long.indexOf('QUOTE');
    const ctx = quoteContext(long, start, start + 5, 50);
    expect(ctx.before.length).toBeLessThanOrEqual(50);
    expect(ctx.before.startsWith('word')).toBe(true);
    expect(ctx.after.length).toBeLessThanOrEqual(50);
    expect(ctx.after.endsWith('tail')).toBe(true);
  });
});
