import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import {
  advance,
  dataMsPerSecond,
  heldRange,
  spanOf,
  stepPlayhead,
  timelineWindowAt,
  windowWidth,
  type PlaybackSpan,
} from './playback';

const DAY = 86_400_000;
const ms = (iso: string) => Date.parse(iso);
const span: PlaybackSpan = { start: ms('2025-01-01T00:00Z'), end: ms('2025-03-01T00:00Z') };

describe('playback speeds', () => {
  it('covers a day, a week, a mean month, or a thirtieth of the span per second', () => {
    expect(dataMsPerSecond('day', span)).toBe(DAY);
    expect(dataMsPerSecond('week', span)).toBe(7 * DAY);
    expect(dataMsPerSecond('month', span)).toBeCloseTo(30.436875 * DAY);
    expect(dataMsPerSecond('span30', span)).toBe((59 * DAY) / 30);
  });
});

describe('advance', () => {
  it('moves the playhead by the time played, at the speed', () => {
    expect(advance(span.start, 500, 'day', span, false)).toEqual({
      playhead: span.start + DAY / 2,
      ended: false,
    });
  });

  it('stops at the end without loop', () => {
    expect(advance(span.end - DAY, 5000, 'day', span, false)).toEqual({
      playhead: span.end,
      ended: true,
    });
  });

  it('comes back in at the start with loop', () => {
    expect(advance(span.end - DAY, 2000, 'day', span, true)).toEqual({
      playhead: span.start + DAY,
      ended: false,
    });
  });

  it('plays the whole span in 30 s at span30', () => {
    let p = span.start;
    let ended = false;
    for (let t = 0; t < 30_000 && !ended; t += 16)
      ({ playhead: p, ended } = advance(p, 16, 'span30', span, false));
    expect(ended).toBe(true);
  });

  it('always stays within the span', () => {
    fc.assert(
      fc.property(
        fc.double({ min: span.start - 1e10, max: span.end + 1e10, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.constantFrom('day' as const, 'week' as const, 'month' as const, 'span30' as const),
        fc.boolean(),
        (p, dt, speed, loop) => {
          const next = advance(p, dt, speed, span, loop).playhead;
          expect(next >= span.start && next <= span.end).toBe(true);
        },
      ),
    );
  });
});

describe('stepPlayhead', () => {
  it('moves by one second of playback, within the span', () => {
    expect(stepPlayhead(span.start, 1, 'week', span)).toBe(span.start + 7 * DAY);
    expect(stepPlayhead(span.start + DAY, -1, 'week', span)).toBe(span.start);
    expect(stepPlayhead(span.end, 1, 'day', span)).toBe(span.end);
  });
});

describe('heldRange and windowWidth', () => {
  it('holds the window up to the playhead, or everything up to it', () => {
    const p = span.start + 10 * DAY;
    expect(timelineWindowAt(p, 10 * DAY)).toEqual({ start: p - 9 * DAY, end: p + DAY });
    expect(heldRange('window', p, 10 * DAY, span)).toEqual({ start: p - 9 * DAY, end: p });
    expect(heldRange('cumulative', p, 3 * DAY, span)).toEqual({ start: span.start, end: p });
  });

  it('keeps the timeline’s width unless it shows half the span or more', () => {
    expect(windowWidth(5 * DAY, 'day', span)).toBe(5 * DAY);
    expect(windowWidth(59 * DAY, 'day', span)).toBe(10 * DAY);
    expect(windowWidth(null, 'week', span)).toBe(59 * DAY);
  });

  it('spans the events from the first earliest to the latest latest', () => {
    expect(
      spanOf([
        { earliest: 1, latest: 50 },
        { earliest: 2, latest: 9 },
      ]),
    ).toEqual({ start: 1, end: 50 });
    expect(spanOf([])).toBeNull();
  });
});
