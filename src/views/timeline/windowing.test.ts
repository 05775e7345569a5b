import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DatelineEvent } from '../../model/dataset';
import {
  buildTimeIndex,
  countInWindow,
  densityBins,
  eventsInWindow,
  HOLD_ALL_LIMIT,
  ITEMS_IN_WINDOW_LIMIT,
  lowerBound,
  niceWidth,
  windowContent,
} from './windowing';

const DAY = 86_400_000;

/** Only the fields windowing reads. */
function ev(id: string, earliest: number, latest = earliest + DAY - 1): DatelineEvent {
  return { id, earliest, latest } as DatelineEvent;
}

/** One event a day from day 0. */
function daily(n: number, span = DAY - 1): DatelineEvent[] {
  return Array.from({ length: n }, (_, i) => ev(`e${i}`, i * DAY, i * DAY + span));
}

describe('lowerBound', () => {
  it('finds the first position not before t', () => {
    const a = Float64Array.from([1, 2, 2, 5]);
    expect([0, 1, 2, 3, 5, 6].map((t) => lowerBound(a, t))).toEqual([0, 0, 1, 3, 3, 4]);
  });
});

describe('eventsInWindow', () => {
  it('finds exactly the events that overlap the window, long ones included', () => {
    const events = [ev('long', 0, 100 * DAY), ...daily(30).slice(1)];
    const index = buildTimeIndex(events);
    const got = eventsInWindow(index, 10 * DAY, 12 * DAY).map((e) => e.id);
    const expected = events
      .filter((e) => e.latest >= 10 * DAY && e.earliest <= 12 * DAY)
      .map((e) => e.id);
    expect(got).toEqual(expected);
    expect(got).toContain('long');
  });

  it('sorts events given out of order', () => {
    const index = buildTimeIndex([ev('b', 5 * DAY), ev('a', DAY)]);
    expect(index.events.map((e) => e.id)).toEqual(['a', 'b']);
    expect(eventsInWindow(index, 0, 2 * DAY).map((e) => e.id)).toEqual(['a']);
  });
});

describe('countInWindow', () => {
  it('counts the events eventsInWindow lists, for any events and window', () => {
    const event = fc
      .tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 20 }))
      .map(([day, days]) => ({ earliest: day * DAY, latest: (day + days) * DAY }));
    fc.assert(
      fc.property(
        fc.array(event, { maxLength: 80 }),
        fc.integer({ min: -5, max: 70 }),
        fc.integer({ min: 0, max: 30 }),
        (spans, from, days) => {
          const index = buildTimeIndex(spans.map((s, i) => ev(`e${i}`, s.earliest, s.latest)));
          const [start, end] = [from * DAY, (from + days) * DAY];
          expect(countInWindow(index, start, end)).toBe(eventsInWindow(index, start, end).length);
        },
      ),
    );
  });
});

describe('niceWidth', () => {
  it('rounds to whole days from a day, whole hours from an hour, halves of an hour below', () => {
    const HOUR = 3_600_000;
    expect(niceWidth(36.4 * DAY)).toBe(36 * DAY);
    expect(niceWidth(1.6 * DAY)).toBe(2 * DAY);
    expect(niceWidth(5.4 * HOUR)).toBe(5 * HOUR);
    expect(niceWidth(0.3 * HOUR)).toBe(HOUR / 2);
  });
});

describe('densityBins', () => {
  it('counts every event in the range once, by the slice of its start', () => {
    const index = buildTimeIndex(daily(100));
    const bins = densityBins(index, 0, 100 * DAY, 10);
    expect(bins).toHaveLength(10);
    expect(bins.every((b) => b.count === 10)).toBe(true);
    expect(bins.reduce((n, b) => n + b.count, 0)).toBe(100);
  });

  it('keeps the same slices when the range pans', () => {
    const index = buildTimeIndex(daily(100));
    const a = densityBins(index, 0, 50 * DAY, 10);
    const b = densityBins(index, 3 * DAY, 53 * DAY, 10);
    const starts = new Set(a.map((x) => x.start));
    expect(b.filter((x) => starts.has(x.start)).length).toBeGreaterThanOrEqual(9);
    expect(b.every((x) => x.start % (5 * DAY) === 0)).toBe(true);
  });

  it('leaves empty slices out', () => {
    const index = buildTimeIndex([ev('a', 0), ev('b', 90 * DAY)]);
    expect(densityBins(index, 0, 100 * DAY, 10).map((b) => b.count)).toEqual([1, 1]);
  });
});

describe('windowContent', () => {
  it('holds every event of a small dataset, wherever the window is', () => {
    const index = buildTimeIndex(daily(HOLD_ALL_LIMIT));
    const c = windowContent(index, { start: 0, end: DAY }, 50);
    expect(c.mode).toBe('all');
  });

  it('holds only the window’s events (and half a window either side) when they are few', () => {
    const index = buildTimeIndex(daily(HOLD_ALL_LIMIT * 10));
    const c = windowContent(index, { start: 100 * DAY, end: 110 * DAY }, 50);
    expect(c.mode).toBe('items');
    if (c.mode !== 'items') return;
    const ids = c.events.map((e) => e.id);
    expect(ids).toContain('e100');
    expect(ids).toContain('e95');
    expect(ids).toContain('e115');
    expect(ids).not.toContain('e90');
  });

  it('draws a density band when the window holds too many', () => {
    const index = buildTimeIndex(daily(HOLD_ALL_LIMIT * 10));
    const c = windowContent(index, { start: 0, end: ITEMS_IN_WINDOW_LIMIT * 3 * DAY }, 50);
    expect(c.mode).toBe('density');
    if (c.mode !== 'density') return;
    expect(c.total).toBe(ITEMS_IN_WINDOW_LIMIT * 3 + 1);
    expect(c.bins.length).toBeGreaterThan(10);
  });
});
