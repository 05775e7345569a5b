// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hiddenCounts, StackControls, thumbOf, type Box } from './stackControls';

const box = (left: number, right: number, top: number, bottom: number): Box => ({
  left,
  right,
  top,
  bottom,
});
const band = box(0, 1000, 100, 300);

describe('hiddenCounts', () => {
  it('counts items cut off above and below the band, not those in it', () => {
    const items = [
      box(10, 200, 120, 140), // in
      box(10, 200, 280, 300), // in, touching the bottom
      box(10, 200, 90, 110), // cut off above
      box(300, 500, 20, 40), // wholly above
      box(300, 500, 295, 315), // cut off below
    ];
    expect(hiddenCounts(items, band)).toEqual({ above: 2, below: 1 });
  });

  it('leaves out items outside the window in time, and forgives 1 px of rounding', () => {
    const items = [box(-300, 0, 20, 40), box(1000, 1200, 20, 40), box(10, 20, 99.5, 120)];
    expect(hiddenCounts(items, band)).toEqual({ above: 0, below: 0 });
  });
});

describe('thumbOf', () => {
  it('fills the track when everything fits', () => {
    expect(thumbOf({ offset: 0, range: 0 }, 200)).toEqual({ height: 200, top: 0 });
  });

  it('is as tall as the share in view, and moves from the top to the bottom', () => {
    expect(thumbOf({ offset: 0, range: 200 }, 200)).toEqual({ height: 100, top: 0 });
    expect(thumbOf({ offset: 200, range: 200 }, 200)).toEqual({ height: 100, top: 100 });
    expect(thumbOf({ offset: 100, range: 200 }, 200).top).toBe(50);
  });

  it('never gets thinner than a finger can take', () => {
    expect(thumbOf({ offset: 0, range: 100_000 }, 200).height).toBe(18);
  });
});

describe('StackControls', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  function setup(counts: { offset: number; range: number }) {
    const container = document.createElement('div');
    const panel = document.createElement('div');
    container.append(panel);
    document.body.append(container);
    const scroll = { ...counts };
    const scrollTo = vi.fn<(offset: number) => void>((offset) => {
      scroll.offset = Math.max(0, Math.min(scroll.range, offset));
    });
    const controls = new StackControls(container, panel, { scroll: () => scroll, scrollTo });
    return { container, panel, controls, scrollTo };
  }

  it('says how many are cut off, in a button that scrolls to them', () => {
    const { container, panel, controls, scrollTo } = setup({ offset: 300, range: 300 });
    vi.spyOn(panel, 'getBoundingClientRect').mockReturnValue(band as DOMRect);
    for (const top of [20, 50, 150]) {
      const item = document.createElement('div');
      item.className = 'vis-item';
      const label = document.createElement('span');
      label.className = 'dl-item-label';
      label.dataset.eventId = `e${top}`;
      item.append(label);
      vi.spyOn(item, 'getBoundingClientRect').mockReturnValue(
        box(10, 100, top, top + 20) as DOMRect,
      );
      panel.append(item);
    }
    controls.measure();
    const above = container.querySelector<HTMLButtonElement>('[data-testid=timeline-more-above]')!;
    const below = container.querySelector<HTMLButtonElement>('[data-testid=timeline-more-below]')!;
    expect(above.hidden).toBe(false);
    expect(above.textContent).toBe('▲ 2 more above');
    expect(above.getAttribute('aria-label')).toBe(
      '2 more events above the visible rows: scroll up to them',
    );
    expect(below.hidden).toBe(true);
    expect(controls.hidden).toEqual({ above: 2, below: 0 });
    above.click();
    expect(scrollTo).toHaveBeenCalledWith(expect.any(Number));
    expect(scrollTo.mock.calls[0]![0]).toBeLessThan(300);
    controls.destroy();
    expect(container.querySelector('.dl-stack-strip')).toBeNull();
  });
});
