import { describe, expect, it } from 'vitest';
import {
  bandSlices,
  compactCount,
  diffSlices,
  sliceBox,
  sliceDates,
  stepSlice,
  timeToX,
} from './densitySlices';
import { buildTimeIndex, densityBins } from './windowing';
import type { DatelineEvent } from '../../model/dataset';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** One event a day from day 0, with only the fields windowing reads. */
const daily = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `e${i}`, earliest: i * DAY, latest: i * DAY }));
const index = (n: number) => buildTimeIndex(daily(n) as DatelineEvent[]);

describe('timeToX', () => {
  it('places the window across the panel, linearly, as vis-timeline places its items', () => {
    const w = { start: 1000, end: 3000 };
    expect(timeToX(1000, w, 800)).toBe(0);
    expect(timeToX(3000, w, 800)).toBe(800);
    expect(timeToX(2000, w, 800)).toBe(400);
    expect(timeToX(500, w, 800)).toBe(-200);
  });
});

describe('sliceBox', () => {
  it('starts at the slice’s time and leaves a gap before the next one', () => {
    const w = { start: 0, end: 10 * DAY };
    expect(sliceBox({ start: 2 * DAY, end: 3 * DAY }, w, 1000, 6)).toEqual({ x: 200, width: 94 });
  });

  it('never takes more than half a narrow slice for the gap', () => {
    const w = { start: 0, end: 100 * DAY };
    expect(sliceBox({ start: 0, end: DAY }, w, 1000, 6).width).toBe(5);
  });
});

describe('bandSlices', () => {
  it('names each slice by its count and dates, and shades it by its share of the busiest', () => {
    const slices = bandSlices([
      { start: 0, end: 31 * DAY, count: 1204 },
      { start: 31 * DAY, end: 62 * DAY, count: 100 },
      { start: 62 * DAY, end: 93 * DAY, count: 1 },
    ]);
    expect(slices.map((s) => s.label)).toEqual(['1.2k', '100', '1']);
    expect(slices.map((s) => s.level)).toEqual([4, 0, 0]);
    expect(slices[0]?.name).toBe('1,204 events, 1970-01-01 to 1970-01-31: zoom in');
    expect(slices[2]?.name).toBe('1 event, 1970-03-04 to 1970-04-03: zoom in');
  });

  it('keeps a slice’s id when its count changes, so a filter change updates it in place', () => {
    const before = bandSlices(densityBins(index(100), 0, 100 * DAY, 10));
    const after = bandSlices(
      densityBins(
        buildTimeIndex(daily(100).filter((_, i) => i % 3) as DatelineEvent[]),
        0,
        100 * DAY,
        10,
      ),
    );
    expect(after.map((s) => s.id)).toEqual(before.map((s) => s.id));
    expect(after.map((s) => s.count)).not.toEqual(before.map((s) => s.count));
  });
});

describe('diffSlices', () => {
  it('keeps the slices a pan keeps (they are aligned to their width) and adds only the new', () => {
    const all = index(200);
    const first = bandSlices(densityBins(all, 0, 50 * DAY, 10));
    const panned = bandSlices(densityBins(all, 12 * DAY, 62 * DAY, 10));
    const { removed, added } = diffSlices(new Set(first.map((s) => s.id)), panned);
    expect(removed).toHaveLength(2);
    expect(added.map((s) => s.start)).toEqual([50 * DAY, 55 * DAY, 60 * DAY]);
  });

  it('replaces every slice when the zoom changes their width', () => {
    const all = index(200);
    const wide = bandSlices(densityBins(all, 0, 100 * DAY, 10));
    const fine = bandSlices(densityBins(all, 0, 50 * DAY, 10));
    expect(diffSlices(new Set(wide.map((s) => s.id)), fine).added).toHaveLength(fine.length);
  });
});

describe('sliceDates', () => {
  it('says days for slices of whole days, the last day included', () => {
    expect(sliceDates(Date.UTC(2020, 0, 1), Date.UTC(2020, 1, 1))).toBe('2020-01-01 to 2020-01-31');
    expect(sliceDates(Date.UTC(2020, 0, 1), Date.UTC(2020, 0, 2))).toBe('2020-01-01');
  });

  it('says times in UTC for slices within a day or across midnight', () => {
    const day = Date.UTC(2020, 0, 1);
    expect(sliceDates(day + 6 * HOUR, day + 12 * HOUR)).toBe('2020-01-01 06:00 to 12:00 UTC');
    expect(sliceDates(day + 18 * HOUR, day + 30 * HOUR)).toBe(
      '2020-01-01 18:00 to 2020-01-02 06:00 UTC',
    );
    expect(sliceDates(day, day + HOUR / 32)).toBe('2020-01-01 00:00:00 to 00:01:52 UTC');
  });
});

describe('compactCount', () => {
  it('fits a slice', () => {
    expect([840, 1204, 9949, 9950, 15_400].map(compactCount)).toEqual([
      '840',
      '1.2k',
      '9.9k',
      '10k',
      '15k',
    ]);
  });
});

describe('stepSlice', () => {
  const slices = bandSlices(densityBins(index(100), 0, 100 * DAY, 10));
  const w = { start: 20 * DAY, end: 60 * DAY };

  it('moves between the slices in the window, and stops at its ends', () => {
    expect(stepSlice(slices, 2, 'ArrowRight', w)).toBe(3);
    expect(stepSlice(slices, 5, 'ArrowRight', w)).toBe(5);
    expect(stepSlice(slices, 2, 'ArrowLeft', w)).toBe(2);
    expect(stepSlice(slices, 4, 'Home', w)).toBe(2);
    expect(stepSlice(slices, 2, 'End', w)).toBe(5);
  });

  it('comes back into the window from a slice outside it', () => {
    expect(stepSlice(slices, 9, 'ArrowLeft', w)).toBe(5);
    expect(stepSlice(slices, 0, 'ArrowRight', w)).toBe(2);
  });

  it('leaves other keys alone', () => {
    expect(stepSlice(slices, 2, 'Enter', w)).toBe(-1);
  });
});
