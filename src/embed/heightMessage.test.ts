import { describe, expect, it } from 'vitest';
import { heightMessage, heightPoster, isHeightMessage, type HeightMessage } from './heightMessage';

describe('the height message', () => {
  it('has a documented shape: a type and a whole number of pixels', () => {
    expect(heightMessage(811.2)).toEqual({ type: 'dateline:height', height: 812 });
    expect(heightMessage(-3)).toEqual({ type: 'dateline:height', height: 0 });
  });

  it('is told apart from other messages', () => {
    expect(isHeightMessage({ type: 'dateline:height', height: 10 })).toBe(true);
    for (const other of [
      null,
      'dateline:height',
      { type: 'dateline:height' },
      { type: 'dateline:height', height: '10' },
      { type: 'dateline:height', height: Number.NaN },
      { type: 'other', height: 10 },
    ])
      expect(isHeightMessage(other)).toBe(false);
  });
});

describe('heightPoster', () => {
  function clock() {
    let t = 0;
    const timers: Array<{ at: number; fn: () => void }> = [];
    return {
      now: () => t,
      later: (fn: () => void, ms: number) => void timers.push({ at: t + ms, fn }),
      advance(ms: number) {
        t += ms;
        for (const timer of timers.splice(0).sort((a, b) => a.at - b.at)) {
          if (timer.at <= t) timer.fn();
          else timers.push(timer);
        }
      },
    };
  }

  it('sends the first height at once, then at most one per interval, and always the last', () => {
    const c = clock();
    const sent: HeightMessage[] = [];
    const poster = heightPoster((m) => sent.push(m), { intervalMs: 100, ...c });
    poster.update(500);
    expect(sent.map((m) => m.height)).toEqual([500]);
    poster.update(600);
    poster.update(700);
    c.advance(50);
    expect(sent.map((m) => m.height)).toEqual([500]);
    c.advance(50);
    expect(sent.map((m) => m.height)).toEqual([500, 700]);
    c.advance(500);
    poster.update(650);
    expect(sent.map((m) => m.height)).toEqual([500, 700, 650]);
  });

  it('never sends the same height twice in a row', () => {
    const c = clock();
    const sent: number[] = [];
    const poster = heightPoster((m) => sent.push(m.height), { intervalMs: 100, ...c });
    poster.update(500.4);
    c.advance(200);
    poster.update(500.9);
    poster.update(501);
    c.advance(200);
    expect(sent).toEqual([501]);
  });
});
