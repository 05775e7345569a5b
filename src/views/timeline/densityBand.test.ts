// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DensityBand } from './densityBand';
import type { DensityBin } from './windowing';

const DAY = 86_400_000;
const WIDTH = 1000;

let host: HTMLDivElement;
let home: HTMLDivElement;
type OnZoom = (slice: { start: number; end: number }) => void;
let onZoom: ReturnType<typeof vi.fn<OnZoom>>;
let band: DensityBand;

beforeEach(() => {
  home = document.createElement('div');
  home.tabIndex = 0;
  host = document.createElement('div');
  home.append(host);
  document.body.append(home);
  onZoom = vi.fn<OnZoom>();
  band = new DensityBand(host, home, onZoom);
});

afterEach(() => {
  band.destroy();
  document.body.innerHTML = '';
});

/** Ten-day slices from `from` to `to` (days), with these counts (default: 10 each). */
function bins(from: number, to: number, count = (_day: number) => 10): DensityBin[] {
  const out: DensityBin[] = [];
  for (let d = from; d < to; d += 10)
    out.push({ start: d * DAY, end: (d + 10) * DAY, count: count(d) });
  return out;
}
const days = (start: number, end: number) => ({ start: start * DAY, end: end * DAY });
const buttons = () => [...host.querySelectorAll<HTMLButtonElement>('button.dl-bin')];

describe('DensityBand', () => {
  it('draws one named button per slice, on the axis, with its count as text', () => {
    band.show(
      bins(0, 100, (d) => (d === 50 ? 1204 : 10)),
      days(0, 100),
      WIDTH,
    );
    const b = buttons();
    expect(b).toHaveLength(10);
    expect(b[5]?.textContent).toBe('1.2k');
    expect(b[5]?.getAttribute('aria-label')).toBe(
      '1,204 events, 1970-02-20 to 1970-03-01: zoom in',
    );
    expect(b[5]?.className).toBe('dl-bin dl-bin-4');
    expect(b[0]?.className).toBe('dl-bin dl-bin-0');
    expect(b[5]?.style.transform).toBe('translateX(500px)');
    expect(b[5]?.style.width).toBe('94px');
    expect(host.querySelector<HTMLElement>('[role=toolbar]')?.hidden).toBe(false);
  });

  it('keeps every element through a filter change and rewrites only what changed', () => {
    band.show(bins(0, 100), days(0, 100), WIDTH);
    const before = buttons();
    band.show(
      bins(0, 100, (d) => (d === 30 ? 99 : 10)),
      days(0, 100),
      WIDTH,
    );
    const after = buttons();
    expect(after).toEqual(before);
    expect(after.every((el, i) => el === before[i])).toBe(true);
    expect(after[3]?.textContent).toBe('99');
    expect(after[3]?.className).toBe('dl-bin dl-bin-4');
  });

  it('follows a pan by moving the same elements, and adds only the newly uncovered slices', () => {
    band.show(bins(0, 100), days(0, 100), WIDTH);
    const before = buttons();
    band.follow(days(5, 105), WIDTH);
    expect(buttons()[1]?.style.transform).toBe('translateX(50px)');
    band.show(bins(0, 110), days(5, 105), WIDTH);
    const after = buttons();
    expect(after.slice(0, 10).every((el, i) => el === before[i])).toBe(true);
    expect(after).toHaveLength(11);
    expect(after[10]?.dataset.start).toBe(String(100 * DAY));
  });

  it('inserts a slice that a filter change fills in its place in time', () => {
    band.show(
      bins(0, 100, (d) => (d === 40 ? 0 : 10)).filter((b) => b.count),
      days(0, 100),
      WIDTH,
    );
    band.show(bins(0, 100), days(0, 100), WIDTH);
    expect(buttons().map((el) => Number(el.dataset.start) / DAY)).toEqual([
      0, 10, 20, 30, 40, 50, 60, 70, 80, 90,
    ]);
  });

  it('is one tab stop whose arrow keys move between the slices in the window', () => {
    band.show(bins(0, 200), days(50, 150), WIDTH);
    const b = buttons();
    expect(b.filter((el) => el.tabIndex === 0)).toEqual([b[5]]);
    b[5]?.focus();
    const keydown = (key: string) => {
      const e = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
      document.activeElement?.dispatchEvent(e);
      return e;
    };
    const outside = vi.fn<(e: Event) => void>();
    home.addEventListener('keydown', outside);
    expect(keydown('ArrowRight').defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(b[6]);
    expect(b.filter((el) => el.tabIndex === 0)).toEqual([b[6]]);
    keydown('Home');
    expect(document.activeElement).toBe(b[5]);
    keydown('End');
    expect(document.activeElement).toBe(b[14]);
    // The timeline's own keys (arrows step through events) never see the band's.
    expect(outside).not.toHaveBeenCalled();
    keydown('+');
    expect(outside).toHaveBeenCalledTimes(1);
  });

  it('zooms on a keyboard click and on a pointer click, not at the end of a drag', () => {
    band.show(bins(0, 100), days(0, 100), WIDTH);
    const el = buttons()[2] as HTMLButtonElement;
    el.dispatchEvent(new MouseEvent('click', { bubbles: true, detail: 0 }));
    expect(onZoom).toHaveBeenLastCalledWith(days(20, 30));
    const press = (x: number) =>
      el.dispatchEvent(new MouseEvent('pointerdown', { bubbles: true, clientX: x, clientY: 5 }));
    const click = (x: number) =>
      el.dispatchEvent(
        new MouseEvent('click', { bubbles: true, detail: 1, clientX: x, clientY: 5 }),
      );
    press(10);
    click(12);
    expect(onZoom).toHaveBeenCalledTimes(2);
    press(10);
    click(80);
    expect(onZoom).toHaveBeenCalledTimes(2);
  });

  it('gives focus to the slice nearest the focused one when a zoom replaces them, and home when it goes', () => {
    band.show(bins(0, 100), days(0, 100), WIDTH);
    buttons()[4]?.focus();
    const fine = bins(0, 100).flatMap((b) => [
      { start: b.start, end: b.start + 5 * DAY, count: 5 },
      { start: b.start + 5 * DAY, end: b.end, count: 5 },
    ]);
    band.show(fine, days(30, 60), WIDTH);
    expect((document.activeElement as HTMLElement).dataset.start).toBe(String(40 * DAY));
    band.hide();
    expect(buttons()).toHaveLength(0);
    expect(document.activeElement).toBe(home);
    expect(band.shown).toBe(false);
  });
});
