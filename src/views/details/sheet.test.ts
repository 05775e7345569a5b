// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sheetCover } from './sheet';

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
