// The density band, drawn as Dateline's own DOM inside vis-timeline's centre panel rather than
// as vis items: vis-timeline draws each added or changed item with a forced layout, which cost
// ~13 ms of every filter change at 100k events. Here a new set of counts is one pass of text and
// class writes over ~30 buttons, and following the window is one transform per slice, with no
// layout read (the panel's width comes from the adapter). Slices keep their element while the
// window pans (same id), so a drag creates nothing. Plain DOM, owned by TimelineAdapter.
import { t } from '../../i18n';
import {
  bandSlices,
  diffSlices,
  inWindow,
  sliceBox,
  stepSlice,
  type BandSlice,
} from './densitySlices';
import { inlineArrow, pageDirection } from '../../ui/direction';
import type { TimeWindow } from '../../model/time';
import type { DensityBin } from './windowing';

/** The band's height; the adapter lifts vis-timeline's items above it. */
export const BAND_HEIGHT_PX = 24;
/** Between the band and the time axis below it. */
export const BAND_BOTTOM_PX = 6;
/** Pixels between slices, so each reads as its own. */
const SLICE_GAP_PX = 6;
/** A press that moves further than this is a drag (vis-timeline pans), not a click. */
const CLICK_SLOP_PX = 5;

interface Drawn {
  el: HTMLButtonElement;
  slice: BandSlice;
  x: number;
  width: number;
}

export class DensityBand {
  readonly element: HTMLDivElement;
  private readonly drawn = new Map<string, Drawn>();
  /** The slices in time order, as in the DOM. */
  private order: BandSlice[] = [];
  /** The one slice in the tab order (roving tabindex). */
  private activeId: string | null = null;
  private window: TimeWindow = { start: 0, end: 1 };
  private widthPx = 0;
  private pressedAt: { x: number; y: number } | null = null;

  /**
   * @param host vis-timeline's centre panel: it clips the band to the axis' width.
   * @param focusHome where focus goes when the focused slice goes with no slice to take it.
   * @param onZoom called with the slice the user activated.
   */
  /** Time runs right to left in RTL, as vis-timeline draws it there: slices are placed mirrored. */
  private readonly rtl = pageDirection() === 'rtl';

  constructor(
    host: HTMLElement,
    private readonly focusHome: HTMLElement,
    private readonly onZoom: (slice: TimeWindow) => void,
  ) {
    const el = document.createElement('div');
    el.className = 'dl-band';
    el.setAttribute('role', 'toolbar');
    el.setAttribute('aria-label', t('timeline.band'));
    el.style.height = `${BAND_HEIGHT_PX}px`;
    el.style.bottom = `${BAND_BOTTOM_PX}px`;
    el.hidden = true;
    el.addEventListener('pointerdown', (e) => {
      this.pressedAt = { x: e.clientX, y: e.clientY };
    });
    el.addEventListener('click', (e) => this.onClick(e));
    el.addEventListener('keydown', (e) => this.onKeyDown(e));
    el.addEventListener('focusin', (e) => this.onFocusIn(e));
    host.append(el);
    this.element = el;
  }

  /** Whether the band is drawn now. */
  get shown(): boolean {
    return !this.element.hidden;
  }

  /** Draws these counts: elements are kept by slice id and only what changed is written. */
  show(bins: readonly DensityBin[], w: TimeWindow, widthPx: number): void {
    const next = bandSlices(bins);
    const focused = this.focusedSlice();
    const { removed, added } = diffSlices(new Set(this.drawn.keys()), next);
    for (const id of removed) {
      this.drawn.get(id)?.el.remove();
      this.drawn.delete(id);
    }
    for (const slice of added) this.drawn.set(slice.id, this.create(slice));
    // New slices go before their successor; kept ones never move (moving would drop focus).
    let successor: HTMLElement | null = null;
    for (let i = next.length - 1; i >= 0; i--) {
      const d = this.drawn.get((next[i] as BandSlice).id) as Drawn;
      if (d.el.parentNode !== this.element) this.element.insertBefore(d.el, successor);
      else this.update(d, next[i] as BandSlice);
      successor = d.el;
    }
    this.order = next;
    this.element.hidden = next.length === 0;
    this.window = w;
    this.widthPx = widthPx;
    for (const d of this.drawn.values()) this.place(d);
    this.keepFocus(focused);
  }

  /** Follows the window (every frame of a drag or an animation): one transform per slice. */
  follow(w: TimeWindow, widthPx: number): void {
    if (!this.shown) return;
    this.window = w;
    this.widthPx = widthPx;
    for (const d of this.drawn.values()) this.place(d);
  }

  /** Removes the band (the timeline draws events one by one). */
  hide(): void {
    if (!this.drawn.size && !this.shown) return;
    const hadFocus = this.element.contains(document.activeElement);
    for (const d of this.drawn.values()) d.el.remove();
    this.drawn.clear();
    this.order = [];
    this.activeId = null;
    this.element.hidden = true;
    if (hadFocus) this.focusHome.focus({ preventScroll: true });
  }

  destroy(): void {
    this.element.remove();
  }

  private create(slice: BandSlice): Drawn {
    const el = document.createElement('button');
    el.type = 'button';
    el.tabIndex = -1;
    el.dataset.start = String(slice.start);
    el.dataset.end = String(slice.end);
    const d: Drawn = { el, slice, x: NaN, width: NaN };
    this.write(d);
    return d;
  }

  private update(d: Drawn, slice: BandSlice): void {
    const before = d.slice;
    d.slice = slice;
    if (before.count !== slice.count || before.level !== slice.level) this.write(d);
  }

  /** Text, never markup: the label and name are set as text and attribute values. */
  private write({ el, slice }: Drawn): void {
    el.className = `dl-bin dl-bin-${slice.level}`;
    el.textContent = slice.label;
    el.setAttribute('aria-label', slice.name);
    el.title = slice.name;
  }

  private place(d: Drawn): void {
    const box = sliceBox(d.slice, this.window, this.widthPx, SLICE_GAP_PX);
    // Whole pixels: a pan by a fraction of a pixel would write (and paint) for nothing.
    const x = Math.round(this.rtl ? this.widthPx - box.x - box.width : box.x);
    const width = Math.round(box.width);
    if (x !== d.x) d.el.style.transform = `translateX(${x}px)`;
    if (width !== d.width) d.el.style.width = `${width}px`;
    d.x = x;
    d.width = width;
  }

  private focusedSlice(): BandSlice | undefined {
    const el = document.activeElement;
    if (!(el instanceof HTMLElement) || el.parentNode !== this.element) return undefined;
    return this.order.find((s) => this.drawn.get(s.id)?.el === el);
  }

  /**
   * Keeps one slice in the tab order, at first the first in the window; when the focused slice went
   * (the band now counts by a finer slice after a zoom), focus moves to the slice nearest to it.
   */
  private keepFocus(wasFocused: BandSlice | undefined): void {
    const lost = wasFocused !== undefined && !this.drawn.has(wasFocused.id);
    let active = this.activeId === null ? undefined : this.drawn.get(this.activeId)?.slice;
    if (lost || !active)
      active = lost
        ? this.nearestShown(wasFocused)
        : (this.order.find((s) => inWindow(s, this.window)) ?? this.order[0]);
    this.setActive(active?.id ?? null);
    if (!lost) return;
    const el = active && this.drawn.get(active.id)?.el;
    (el ?? this.focusHome).focus({ preventScroll: true });
  }

  /** The slice in the window whose middle is nearest to the middle of `span`, else the first. */
  private nearestShown(span: TimeWindow): BandSlice | undefined {
    const mid = (span.start + span.end) / 2;
    const off = (s: BandSlice) => Math.abs((s.start + s.end) / 2 - mid);
    let best: BandSlice | undefined;
    for (const s of this.order)
      if (inWindow(s, this.window) && (!best || off(s) < off(best))) best = s;
    return best ?? this.order[0];
  }

  private setActive(id: string | null): void {
    if (id === this.activeId && (id === null || this.drawn.get(id)?.el.tabIndex === 0)) return;
    if (this.activeId !== null) {
      const old = this.drawn.get(this.activeId);
      if (old) old.el.tabIndex = -1;
    }
    this.activeId = id;
    const el = id === null ? undefined : this.drawn.get(id)?.el;
    if (el) el.tabIndex = 0;
  }

  private sliceOf(target: EventTarget | null): BandSlice | undefined {
    const el = target instanceof Element ? target.closest('.dl-bin') : null;
    return this.order.find((s) => this.drawn.get(s.id)?.el === el);
  }

  private onClick(e: MouseEvent): void {
    const slice = this.sliceOf(e.target);
    if (!slice) return;
    // A keyboard or screen-reader click has no press (detail 0). A pointer click counts unless
    // the pointer moved: the slice follows a drag, so a pan ends on the slice it started on.
    const pressed = this.pressedAt;
    this.pressedAt = null;
    const moved =
      e.detail > 0 &&
      pressed !== null &&
      Math.hypot(e.clientX - pressed.x, e.clientY - pressed.y) > CLICK_SLOP_PX;
    if (moved) return;
    this.setActive(slice.id);
    this.onZoom({ start: slice.start, end: slice.end });
  }

  private onKeyDown(e: KeyboardEvent): void {
    const from = this.order.findIndex((s) => s.id === this.activeId);
    const to = stepSlice(this.order, from, inlineArrow(e.key, pageDirection()), this.window);
    if (to < 0) return;
    // Arrows here move between slices, not between events (the timeline's own keys).
    e.preventDefault();
    e.stopPropagation();
    const slice = this.order[to] as BandSlice;
    this.setActive(slice.id);
    this.drawn.get(slice.id)?.el.focus({ preventScroll: true });
  }

  /** Tab may land on a slice the window has panned away from: take the nearest one shown. */
  private onFocusIn(e: FocusEvent): void {
    const slice = this.sliceOf(e.target);
    if (!slice || inWindow(slice, this.window)) return;
    const near = this.nearestShown(slice);
    if (!near || near.id === slice.id) return;
    this.setActive(near.id);
    this.drawn.get(near.id)?.el.focus({ preventScroll: true });
  }
}
