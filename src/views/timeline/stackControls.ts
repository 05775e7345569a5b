// What keeps every event the window holds in sight when its items stack higher than the panel:
// markers in the timeline's header that count the items scrolled out of view ("▲ 6 more above",
// buttons that scroll to them), and a scroll bar beside the stack that shows how much of it is in
// view and can be dragged (a wheel over it scrolls the stack). Plain DOM, owned by TimelineAdapter;
// it reads the items' boxes once per frame after vis-timeline drew, never while it draws.
import { t } from '../../i18n';
import { formatCount } from '../../model/readerLocale';
import { itemElementOf } from './visInternals';

/** Width of the scroll bar beside the stack (timeline.css pads the timeline by it). */
export const SCROLLBAR_PX = 12;
const MIN_THUMB_PX = 18;
/** The height of a lane's name at the top of its row (its label's button). */
const LANE_NAME_PX = 24;
/** A scroll by the keys: about one row of items. */
export const ROW_SCROLL_PX = 28;

export interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/**
 * How many items the visible band cuts off above and below: an item counts when it overlaps the
 * band in time (left to right) and is not wholly inside it vertically. (1 px of rounding is
 * forgiven.) Items outside the window in time are not the window's to show.
 */
export function hiddenCounts(items: readonly Box[], band: Box): { above: number; below: number } {
  let above = 0;
  let below = 0;
  for (const b of items) {
    if (b.right <= band.left || b.left >= band.right) continue;
    if (b.top < band.top - 1) above++;
    else if (b.bottom > band.bottom + 1) below++;
  }
  return { above, below };
}

/** The scroll bar's thumb: its height and top within a track, px. */
export function thumbOf(
  scroll: { offset: number; range: number },
  trackPx: number,
): { height: number; top: number } {
  const visible = Math.max(0, trackPx);
  if (scroll.range <= 0 || visible === 0) return { height: visible, top: 0 };
  const height = Math.max(MIN_THUMB_PX, (visible * visible) / (visible + scroll.range));
  const top = ((visible - height) * scroll.offset) / scroll.range;
  return { height: Math.min(height, visible), top };
}

/** What the controls need of the timeline: where its stack is scrolled, and scrolling it. */
export interface StackHost {
  scroll(): { offset: number; range: number };
  scrollTo(offset: number): void;
}

/** What the markers count: events, or with swimlanes the lanes (vis draws no item of a lane out of view). */
export type StackUnit = 'event' | 'lane';

function moreLabel(n: number, where: 'above' | 'below', unit: StackUnit): string {
  const key = unit === 'lane' ? `${where}Lanes` : where;
  return t(`timeline.moreLabel.${key}`, { count: n, n: formatCount(n) });
}

export class StackControls {
  readonly strip: HTMLDivElement;
  readonly scrollbar: HTMLDivElement;
  private readonly above: HTMLButtonElement;
  private readonly below: HTMLButtonElement;
  private readonly thumb: HTMLDivElement;
  private frame = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private measuredAt = -Infinity;
  private counts = { above: 0, below: 0 };
  private drag: { y: number; offset: number; perPx: number } | null = null;
  /** Counting lanes (their labels) rather than events: set by the adapter with swimlanes. */
  unit: StackUnit = 'event';

  /**
   * @param container the timeline's container (the bar is drawn in its right padding).
   * @param panel vis-timeline's item panel: the visible band of the stack.
   * @param stripHost where the "more" markers go (the timeline's header); else the container.
   */
  constructor(
    private readonly container: HTMLElement,
    private readonly panel: HTMLElement,
    private readonly host: StackHost,
    stripHost: HTMLElement = container,
  ) {
    this.strip = document.createElement('div');
    this.strip.className = 'dl-stack-strip';
    this.above = this.moreButton('above');
    this.below = this.moreButton('below');
    this.strip.append(this.above, this.below);

    this.scrollbar = document.createElement('div');
    this.scrollbar.className = 'dl-stack-scrollbar';
    // The strip's buttons and the arrow keys are the way for keyboards and screen readers.
    this.scrollbar.setAttribute('aria-hidden', 'true');
    this.scrollbar.title = t('timeline.scrollbar');
    this.thumb = document.createElement('div');
    this.thumb.className = 'dl-stack-thumb';
    this.scrollbar.append(this.thumb);
    this.scrollbar.hidden = true;
    this.scrollbar.addEventListener('pointerdown', (e) => this.onPointerDown(e));
    this.scrollbar.addEventListener('pointermove', (e) => this.onPointerMove(e));
    this.scrollbar.addEventListener('pointerup', () => (this.drag = null));
    this.scrollbar.addEventListener('pointercancel', () => (this.drag = null));
    stripHost.append(this.strip);
    container.append(this.scrollbar);
  }

  /** How many of the window's items are out of view above and below, as last counted. */
  get hidden(): { above: number; below: number } {
    return this.counts;
  }

  /**
   * Counts again and redraws, in the next frame (vis-timeline redraws in bursts); with `everyMs`,
   * not sooner than that after the last count (reading the items' boxes forces a layout: while
   * the window moves every frame, the counts follow a few times a second).
   */
  update(everyMs = 0): void {
    if (this.frame || this.timer !== undefined) return;
    const wait = this.measuredAt + everyMs - performance.now();
    const inFrame = () => {
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.measure();
      });
    };
    if (wait <= 0) return inFrame();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      inFrame();
    }, wait);
  }

  /** Scrolls the stack by `px` (positive: towards the axis, the rows below). */
  scrollBy(px: number): void {
    const { offset } = this.host.scroll();
    this.host.scrollTo(offset + px);
    this.update();
  }

  /** Counts the items cut off and draws the strip and the bar; reads layout once. */
  measure(): void {
    this.measuredAt = performance.now();
    const band = this.panel.getBoundingClientRect();
    const boxes: Box[] = [];
    if (this.unit === 'lane') {
      // Every lane has a label (its items may not be drawn), its name at the top of its row: a
      // lane counts as out of view when its name is.
      for (const label of this.container.querySelectorAll('.vis-labelset .vis-label')) {
        const { top, bottom } = label.getBoundingClientRect();
        const nameBottom = Math.min(bottom, top + LANE_NAME_PX);
        boxes.push({ top, bottom: nameBottom, left: band.left, right: band.right });
      }
    } else {
      for (const label of this.panel.querySelectorAll('.dl-item-label[data-event-id]'))
        boxes.push(itemElementOf(label).getBoundingClientRect());
    }
    const counts = hiddenCounts(boxes, band);
    this.counts = counts;
    this.showCount(this.above, counts.above, 'above');
    this.showCount(this.below, counts.below, 'below');
    this.container.dataset.hiddenAbove = String(counts.above);
    this.container.dataset.hiddenBelow = String(counts.below);

    const scroll = this.host.scroll();
    this.container.dataset.stackOffset = String(Math.round(scroll.offset));
    this.container.dataset.stackRange = String(Math.round(scroll.range));
    const bar = this.scrollbar;
    bar.hidden = scroll.range <= 0;
    if (bar.hidden) return;
    const box = this.container.getBoundingClientRect();
    bar.style.top = `${band.top - box.top}px`;
    bar.style.height = `${band.height}px`;
    const thumb = thumbOf(scroll, band.height);
    this.thumb.style.height = `${thumb.height}px`;
    this.thumb.style.transform = `translateY(${thumb.top}px)`;
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    clearTimeout(this.timer);
    this.strip.remove();
    this.scrollbar.remove();
  }

  private moreButton(where: 'above' | 'below'): HTMLButtonElement {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = `dl-stack-more dl-stack-more-${where}`;
    b.dataset.testid = `timeline-more-${where}`;
    b.hidden = true;
    b.addEventListener('click', () => {
      // A page of rows, less one so the edge row stays in sight.
      const page = Math.max(ROW_SCROLL_PX, this.panel.clientHeight - ROW_SCROLL_PX);
      this.scrollBy(where === 'above' ? -page : page);
    });
    return b;
  }

  private showCount(b: HTMLButtonElement, n: number, where: 'above' | 'below'): void {
    b.hidden = n === 0;
    const key = this.unit === 'lane' ? `${where}Lanes` : where;
    const text = t(`timeline.more.${key}`, { count: n, n: formatCount(n) });
    if (b.textContent !== text) {
      b.textContent = text;
      // What a narrow bar shows instead (timeline.css): the arrow and the number.
      b.dataset.short = `${where === 'above' ? '▲' : '▼'} ${formatCount(n)}`;
      b.setAttribute('aria-label', moreLabel(n, where, this.unit));
      b.title = moreLabel(n, where, this.unit);
    }
  }

  private onPointerDown(e: PointerEvent): void {
    e.preventDefault();
    e.stopPropagation();
    const scroll = this.host.scroll();
    const track = this.scrollbar.getBoundingClientRect();
    const thumb = this.thumb.getBoundingClientRect();
    if (e.clientY < thumb.top || e.clientY > thumb.bottom) {
      // A press on the track pages towards it, as a native scroll bar does.
      this.scrollBy(e.clientY < thumb.top ? -track.height : track.height);
      return;
    }
    const free = track.height - thumb.height;
    this.drag = { y: e.clientY, offset: scroll.offset, perPx: free > 0 ? scroll.range / free : 0 };
    this.scrollbar.setPointerCapture?.(e.pointerId);
  }

  private onPointerMove(e: PointerEvent): void {
    if (!this.drag) return;
    e.preventDefault();
    this.host.scrollTo(this.drag.offset + (e.clientY - this.drag.y) * this.drag.perPx);
    this.update();
  }
}
