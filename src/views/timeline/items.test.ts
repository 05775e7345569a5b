import { describe, expect, it } from 'vitest';
import { fixtureDataset } from '../../test-utils/fixture';
import { fitWindow, toItem } from './items';

const DAY = 86_400_000;
const d = fixtureDataset();
const ev = (id: string) => d.eventById.get(id)!;

describe('toItem', () => {
  it('draws an exact one-day event as a sharp box at the middle of its day', () => {
    const item = toItem(ev('talks'));
    expect(item.type).toBe('box');
    expect(item.start).toBe(Date.parse('2025-02-27T12:00:00Z'));
    expect(item.className).toContain('dl-exact');
    expect(item.className).not.toContain('dl-approx');
    expect(item.style).toBeUndefined();
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
