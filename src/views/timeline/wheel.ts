// What a wheel turn over the timeline does. It does one thing: a vertical turn zooms around the
// pointer (a trackpad pinch too, which browsers send as a wheel with Ctrl); a horizontal swipe,
// or Shift with the wheel, pans through time; the stack of items scrolls only with Alt, or over
// the stack's own scroll bar. vis-timeline alone zoomed and scrolled the stack with one turn.

/** The parts of a WheelEvent the decision needs. */
export interface WheelInput {
  deltaX: number;
  deltaY: number;
  /** WheelEvent.deltaMode: 0 pixels, 1 lines, 2 pages. */
  deltaMode: number;
  shiftKey: boolean;
  altKey: boolean;
  /** Over the stack's scroll bar. */
  overScrollbar: boolean;
}

export type WheelIntent =
  | { kind: 'zoom'; factor: number }
  | { kind: 'pan'; px: number }
  | { kind: 'scroll'; px: number }
  | { kind: 'none' };

const LINE_PX = 40;
const PAGE_PX = 800;
/** A mouse wheel's notch (100 px in Chromium) zooms by this factor. */
const ZOOM_PER_100PX = 1.25;

function toPx(delta: number, mode: number): number {
  if (mode === 1) return delta * LINE_PX;
  if (mode === 2) return delta * PAGE_PX;
  return delta;
}

/**
 * The one thing a wheel event does. A zoom's `factor` multiplies the window's width (above 1
 * zooms out, as turning the wheel towards you does); a pan's and a scroll's `px` are screen
 * pixels, positive to the right (later) and down (towards the axis).
 */
export function wheelIntent(e: WheelInput): WheelIntent {
  const dx = toPx(e.deltaX, e.deltaMode);
  const dy = toPx(e.deltaY, e.deltaMode);
  if (dx === 0 && dy === 0) return { kind: 'none' };
  const vertical = Math.abs(dy) >= Math.abs(dx);
  if (e.overScrollbar || e.altKey) return { kind: 'scroll', px: vertical ? dy : dx };
  // Browsers turn Shift + wheel into a horizontal delta; some leave it vertical.
  if (e.shiftKey || !vertical) return { kind: 'pan', px: vertical ? dy : dx };
  return { kind: 'zoom', factor: Math.pow(ZOOM_PER_100PX, dy / 100) };
}

/** A window zoomed by `factor` around the instant `at`, which stays where it is on screen. */
export function zoomAround(
  w: { start: number; end: number },
  at: number,
  factor: number,
): { start: number; end: number } {
  return { start: at - (at - w.start) * factor, end: at + (w.end - at) * factor };
}
