// How much of the screen the details panel covers when it is a bottom sheet (on a phone, with an
// event open: details.css and app.css make it fixed to the bottom). Other views take this as a
// number (the map keeps a revealed place above it) and never look at the panel themselves. The
// sheet's sizes (peek, half, full) and how a drag snaps to them are here too, pure.
import type { CoveredBelow } from '../map/camera';

/** Pixels of the screen's bottom the panel covers: 0 unless it is open as a fixed sheet. */
export function sheetCover(panel: HTMLElement | null): number {
  if (!panel?.classList.contains('dl-details-open')) return 0;
  if (getComputedStyle(panel).position !== 'fixed') return 0;
  return Math.max(0, window.innerHeight - panel.getBoundingClientRect().top);
}

/** The sheet's three sizes: its bar and title (peek), half the screen, nearly all of it. */
export type SheetSize = 'peek' | 'half' | 'full';
export const SHEET_SIZES: readonly SheetSize[] = ['peek', 'half', 'full'];

/** The bar, the size buttons and two lines of title: what a peek shows. */
const PEEK_PX = 136;
/** Full leaves a strip of the page above it, so it still reads as a sheet over the page. */
const FULL_GAP_PX = 16;

/** What half shows at least below a peek's head: on a short screen, half is all of it. */
const HALF_BODY_PX = 120;

/** Each size's height on a screen `screen` px tall (never taller than the screen). */
export function sheetHeights(screen: number): Record<SheetSize, number> {
  const full = Math.max(0, screen - FULL_GAP_PX);
  const peek = Math.min(PEEK_PX, full);
  const half = Math.min(full, Math.max(Math.round(screen / 2), peek + HALF_BODY_PX));
  return { peek, half, full };
}

/** The size nearest a height the sheet was dragged to. */
export function snapSize(height: number, screen: number): SheetSize {
  const heights = sheetHeights(screen);
  let best: SheetSize = 'half';
  for (const size of SHEET_SIZES)
    if (Math.abs(heights[size] - height) < Math.abs(heights[best] - height)) best = size;
  return best;
}

/** One size up (+1) or down (-1), stopping at the ends. */
export function stepSize(size: SheetSize, step: 1 | -1): SheetSize {
  const i = SHEET_SIZES.indexOf(size) + step;
  return SHEET_SIZES[Math.min(SHEET_SIZES.length - 1, Math.max(0, i))] ?? size;
}

/**
 * The sheet as other views see it: how much of the screen it covers (`coveredBelow`, measured on
 * the panel the app shell attaches), and a word to listeners (the map's camera) whenever that
 * changes.
 */
export class SheetCover {
  private panel: HTMLElement | null = null;
  private readonly listeners = new Set<() => void>();
  /** The details panel's element (a ref callback). */
  readonly attach = (panel: HTMLElement | null): void => {
    this.panel = panel;
  };
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  readonly coveredBelow: CoveredBelow = Object.assign(() => sheetCover(this.panel), {
    subscribe: this.subscribe,
  });
  /** The panel changed size: tells the listeners, and returns what it covers now. */
  changed(): number {
    for (const l of this.listeners) l();
    return sheetCover(this.panel);
  }
}
