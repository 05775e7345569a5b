// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { arrowGlyphs, inlineArrow, onDirectionChange, pageDirection } from './direction';

describe('page direction', () => {
  it('is read off <html dir> and followed when it changes', async () => {
    const calls: string[] = [];
    const stop = onDirectionChange(() => calls.push(pageDirection()));
    expect(pageDirection()).toBe('ltr');
    document.documentElement.dir = 'rtl';
    await Promise.resolve();
    expect(calls).toEqual(['rtl']);
    stop();
    document.documentElement.dir = '';
    await Promise.resolve();
    expect(calls).toEqual(['rtl']);
    expect(pageDirection()).toBe('ltr');
  });

  it('swaps only the horizontal arrows, and only right to left', () => {
    expect(inlineArrow('ArrowLeft', 'rtl')).toBe('ArrowRight');
    expect(inlineArrow('ArrowRight', 'rtl')).toBe('ArrowLeft');
    expect(inlineArrow('ArrowUp', 'rtl')).toBe('ArrowUp');
    expect(inlineArrow('Home', 'rtl')).toBe('Home');
    expect(inlineArrow('ArrowLeft', 'ltr')).toBe('ArrowLeft');
  });

  it('lists the key that does the thing', () => {
    expect(arrowGlyphs('← →', 'rtl')).toBe('→ ←');
    expect(arrowGlyphs('←', 'rtl')).toBe('→');
    expect(arrowGlyphs('← →', 'ltr')).toBe('← →');
    expect(arrowGlyphs('+ −', 'rtl')).toBe('+ −');
  });
});
