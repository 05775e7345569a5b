import { describe, expect, it } from 'vitest';
import { rowInView, scrollToShow, type ListMetrics } from './listScroll';

const list = (scrollTop: number, viewport = 280): ListMetrics => ({
  scrollTop,
  viewport,
  rowHeight: 56,
  rows: 100,
});

describe('scrollToShow', () => {
  it('leaves the list where it is when the row is in view', () => {
    expect(scrollToShow(0, list(0))).toBe(0);
    expect(scrollToShow(4, list(0))).toBe(0); // rows 0–4 fill 280 px
    expect(scrollToShow(10, list(560))).toBe(560);
  });

  it('moves by the least when the row is next to the view, as stepping with the keys does', () => {
    expect(scrollToShow(5, list(0))).toBe(56);
    expect(scrollToShow(9, list(560))).toBe(504);
    // Half out at the top: brought in at the top.
    expect(scrollToShow(10, list(580))).toBe(560);
  });

  it('centres a row far from the view, as a link or a pick elsewhere asks', () => {
    const m = list(0);
    const at = scrollToShow(50, m);
    expect(at).toBe(50 * 56 - (280 - 56) / 2);
    expect(rowInView(50, { ...m, scrollTop: at })).toBe(true);
    expect(scrollToShow(2, list(3000))).toBe(0); // never above the first row
    expect(scrollToShow(99, list(0))).toBe(100 * 56 - 280); // never past the last
  });

  it('shows the row at the top when the list is shorter than a row', () => {
    expect(scrollToShow(20, list(0, 30))).toBe(20 * 56);
  });

  it('every row it scrolls to is in view afterwards', () => {
    for (const viewport of [120, 280, 700])
      for (const start of [0, 300, 2000, 5320])
        for (let index = 0; index < 100; index += 7) {
          const m = list(start, viewport);
          expect(rowInView(index, { ...m, scrollTop: scrollToShow(index, m) })).toBe(true);
        }
  });
});
