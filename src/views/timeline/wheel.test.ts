import { describe, expect, it } from 'vitest';
import { wheelIntent, zoomAround, type WheelInput } from './wheel';

const wheel = (over: Partial<WheelInput>): WheelInput => ({
  deltaX: 0,
  deltaY: 0,
  deltaMode: 0,
  shiftKey: false,
  altKey: false,
  overScrollbar: false,
  ...over,
});

describe('wheelIntent', () => {
  it('zooms on a vertical turn, out when turned towards the user, in when away', () => {
    const out = wheelIntent(wheel({ deltaY: 100 }));
    const inwards = wheelIntent(wheel({ deltaY: -100 }));
    expect(out).toEqual({ kind: 'zoom', factor: 1.25 });
    expect(inwards.kind).toBe('zoom');
    expect(inwards.kind === 'zoom' && inwards.factor).toBeCloseTo(0.8);
  });

  it('counts lines and pages as pixels', () => {
    const lines = wheelIntent(wheel({ deltaY: 3, deltaMode: 1 }));
    expect(lines.kind === 'zoom' && lines.factor).toBeCloseTo(Math.pow(1.25, 1.2));
  });

  it('pans on a sideways swipe and with Shift, never zooming then', () => {
    expect(wheelIntent(wheel({ deltaX: 40, deltaY: 5 }))).toEqual({ kind: 'pan', px: 40 });
    expect(wheelIntent(wheel({ deltaY: 100, shiftKey: true }))).toEqual({ kind: 'pan', px: 100 });
    expect(wheelIntent(wheel({ deltaX: -100, shiftKey: true }))).toEqual({
      kind: 'pan',
      px: -100,
    });
  });

  it('scrolls the rows only with Alt or over the scroll bar', () => {
    expect(wheelIntent(wheel({ deltaY: -60, altKey: true }))).toEqual({ kind: 'scroll', px: -60 });
    expect(wheelIntent(wheel({ deltaY: 60, overScrollbar: true }))).toEqual({
      kind: 'scroll',
      px: 60,
    });
  });

  it('does nothing without a delta', () => {
    expect(wheelIntent(wheel({}))).toEqual({ kind: 'none' });
  });
});

describe('zoomAround', () => {
  it('keeps the instant under the pointer where it is', () => {
    const w = zoomAround({ start: 0, end: 100 }, 25, 0.5);
    expect(w).toEqual({ start: 12.5, end: 62.5 });
    expect((25 - w.start) / (w.end - w.start)).toBe(0.25);
  });
});
