import { describe, expect, it } from 'vitest';
import { yearStart } from '../../model/time';
import { deepTimeDataset } from '../../test-utils/deepTime';
import { fixtureDataset } from '../../test-utils/fixture';
import { DRAW_MAX, DRAW_MIN } from './deepTime';
import { fitWindow, itemRank, stackOrder, toItem } from './items';

const DAY = 86_400_000;
const d = fixtureDataset();
const ev = (id: string) => d.eventById.get(id)!;

describe('toItem', () => {
  it('draws an exact one-day event as a sharp box over a bar of its whole day', () => {
    const item = toItem(ev('talks'));
    expect(item.type).toBe('box');
    expect(item.start).toBe(Date.parse('2025-02-27T12:00:00Z'));
    expect(item.className).toContain('dl-exact');
    expect(item.className).not.toContain('dl-approx');
    // The bar is centred on the box: from midnight to midnight.
    expect(item.bar).toBe(true);
    expect(item.style).toBe(`--dl-span: ${DAY}`);
  });

  it('stacks the surest events nearest the axis: exact, then to come, then approximate', () => {
    const talks = toItem(ev('talks'));
    const envoy = toItem(ev('envoy'));
    expect(itemRank(ev('talks'))).toBe(0);
    expect(itemRank(ev('envoy'))).toBe(3);
    expect([envoy, talks].sort(stackOrder).map((i) => i.id)).toEqual(['talks', 'envoy']);
    // vis-timeline hands items with their start made a Date; ties go to the narrower span.
    const a = { rank: 2, spanMs: DAY, start: new Date(5) };
    const b = { rank: 2, spanMs: 2 * DAY, start: new Date(1) };
    expect(stackOrder(a, b)).toBeLessThan(0);
    expect(stackOrder({ start: 0 }, a)).toBeGreaterThan(0);
  });

  it('draws an approximate event with its whole uncertain span for CSS to paint', () => {
    const item = toItem(ev('envoy'));
    expect(item.className).toContain('dl-approx');
    expect(item.className).toContain('dl-status-expected');
    expect(item.style).toBe(`--dl-span: ${8 * DAY}`);
    expect(item.start).toBe(Date.parse('2025-02-28T00:00:00Z') + 4 * DAY);
  });

  it('keeps the label as the title text and marks highlight in the class', () => {
    const item = toItem(ev('statement'), true);
    expect(item.label).toBe('A statement');
    expect(item.className.split(' ')).toContain('dl-highlight');
  });
});

describe('fitWindow', () => {
  it('pads the span by a tenth on the left, and more on the right for the last labels', () => {
    const earliest = 0;
    const latest = 10 * DAY;
    expect(fitWindow({ earliest, latest })).toEqual({ start: -DAY, end: 12.5 * DAY });
  });

  it('never fits narrower than three days, centred on the data', () => {
    const w = fitWindow({ earliest: 5 * DAY, latest: 5 * DAY });
    expect(w.end - w.start).toBeCloseTo(3.6 * DAY + 0.45 * DAY);
    expect(w.start).toBe(5 * DAY - 1.8 * DAY);
  });
});

describe('deep time', () => {
  const deep = deepTimeDataset([
    ['big-bang', '-13799999999'],
    ['marathon', '-0489'],
    ['roman-empire', '-0026', '0476'],
    ['today', '2025'],
  ]);
  const deepEv = (id: string) => deep.eventById.get(id)!;

  it('draws a year as a box at its middle over a bar of the year, a span of years as a range', () => {
    const marathon = toItem(deepEv('marathon'));
    expect(marathon.type).toBe('box');
    expect(marathon.start).toBe((yearStart(-489) + yearStart(-488)) / 2);
    expect(marathon.bar).toBe(true);
    expect(marathon.style).toBe(`--dl-span: ${yearStart(-488) - yearStart(-489)}`);
    expect(toItem(deepEv('roman-empire'))).toMatchObject({
      type: 'range',
      start: yearStart(-26),
      end: yearStart(477),
    });
  });

  it('draws an event beyond what a Date holds inside the edge, its true date in its label', () => {
    const item = toItem(deepEv('big-bang'));
    expect(item.start).toBeGreaterThan(DRAW_MIN);
    expect(item.start).toBe(yearStart(-245_000));
    expect(item.className).toContain('dl-beyond');
    expect(item.label).toBe('◂ big-bang · 13.8 billion BCE');
  });

  it('fits any span: 490 BCE to today whole, 13.8 billion years from the drawable edge', () => {
    const ancient = fitWindow({ earliest: yearStart(-489), latest: yearStart(2026) - 1 });
    expect(ancient.start).toBeLessThan(yearStart(-489));
    expect(ancient.end).toBeGreaterThan(yearStart(2026));
    const all = fitWindow({ earliest: deep.span!.earliest, latest: deep.span!.latest });
    expect(all.start).toBe(DRAW_MIN);
    expect(all.end).toBeGreaterThan(yearStart(2026));
    expect(all.end).toBeLessThanOrEqual(DRAW_MAX);
    const cosmos = fitWindow({
      earliest: deepEv('big-bang').earliest,
      latest: deepEv('big-bang').latest,
    });
    expect(cosmos.start).toBe(DRAW_MIN);
    expect(cosmos.end).toBeGreaterThan(toItem(deepEv('big-bang')).start);
  });
});
