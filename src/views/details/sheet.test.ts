// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SheetCover, sheetCover, sheetHeights, snapSize, stepSize } from './sheet';

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

function panel(open: boolean, position: string, top: number): HTMLElement {
  const el = document.createElement('aside');
  el.className = open ? 'dl-details dl-details-open' : 'dl-details';
  el.style.position = position;
  vi.spyOn(el, 'getBoundingClientRect').mockReturnValue(
    DOMRect.fromRect({ x: 0, y: top, width: 400, height: window.innerHeight - top }),
  );
  document.body.append(el);
  return el;
}

describe('sheetCover', () => {
  it('is the height of the screen the open sheet covers', () => {
    expect(sheetCover(panel(true, 'fixed', window.innerHeight - 300))).toBe(300);
  });

  it('is nothing when the panel is closed, not a sheet (a wide screen), or not there', () => {
    expect(sheetCover(panel(false, 'fixed', 100))).toBe(0);
    expect(sheetCover(panel(true, 'static', 100))).toBe(0);
    expect(sheetCover(null)).toBe(0);
  });
});

describe('sheet sizes', () => {
  it('peeks at the bar and title, half the screen, and nearly all of it', () => {
    expect(sheetHeights(844)).toEqual({ peek: 136, half: 422, full: 828 });
  });

  it('never exceeds the screen, and half shows more than a peek (400% zoom: 180 px)', () => {
    const h = sheetHeights(180);
    expect(h.full).toBe(164);
    expect(h.peek).toBe(136);
    expect(h.half).toBe(164);
    expect(sheetHeights(450).half).toBe(256);
    const tiny = sheetHeights(100);
    expect(Math.max(tiny.peek, tiny.half, tiny.full)).toBeLessThanOrEqual(100);
  });

  it('snaps a dragged height to the nearest size', () => {
    expect(snapSize(150, 844)).toBe('peek');
    expect(snapSize(380, 844)).toBe('half');
    expect(snapSize(700, 844)).toBe('full');
    expect(snapSize(10, 844)).toBe('peek');
  });

  it('steps up and down, stopping at the ends', () => {
    expect(stepSize('peek', 1)).toBe('half');
    expect(stepSize('half', 1)).toBe('full');
    expect(stepSize('full', 1)).toBe('full');
    expect(stepSize('peek', -1)).toBe('peek');
  });

  it('measures the panel attached, and tells each listener of a change until it unsubscribes', () => {
    const cover = new SheetCover();
    const heard = vi.fn<() => void>();
    const stop = cover.coveredBelow.subscribe?.(heard);
    expect(cover.coveredBelow()).toBe(0);
    cover.attach(panel(true, 'fixed', window.innerHeight - 200));
    expect(cover.changed()).toBe(200);
    expect(cover.coveredBelow()).toBe(200);
    stop?.();
    cover.changed();
    expect(heard).toHaveBeenCalledTimes(1);
  });
});
