// Owns one vis-timeline instance: created once, fed by diffing, destroyed on cleanup. A linked
// view (LinkedView.ts): the binder feeds it and hears what the user does; nothing here knows
// about React or the store. vis-timeline's internals and DOM are touched only in visInternals.ts.
import moment from 'moment';
import { DataSet } from 'vis-data/esnext';
import { Timeline, type TimelineOptions } from 'vis-timeline/esnext';
import type { DatelineEvent } from '../../model/dataset';
import { containsEvent } from '../../model/sortedEvents';
import { axisFormat, DRAW_MAX, DRAW_MIN, niceLabelStep } from './deepTime';
import type { TimeWindow } from '../../url/types';
import { UNCONNECTED, type LinkedView, type LinkedViewReports } from '../linked/LinkedView';
import { BAND_BOTTOM_PX, BAND_HEIGHT_PX, DensityBand } from './densityBand';
import type { EraBand } from './eras';
import { fitWindow, itemClassName, stackOrder, toItem, type EventItem } from './items';
import { ROW_SCROLL_PX, StackControls } from './stackControls';
import {
  allowLongYearSteps,
  axisWidthOf,
  changeItemsWithoutDrawing,
  itemPanelOf,
  scrollStackTo,
  stackScroll,
  tapTarget,
  type TapEvent,
} from './visInternals';
import { wheelIntent, zoomAround } from './wheel';
import { pageDirection } from '../../ui/direction';
import { buildTimeIndex, windowContent, type TimeIndex, type WindowContent } from './windowing';

allowLongYearSteps();

const HOUR = 60 * 60 * 1000;
const YEAR = 365.2425 * 24 * HOUR;
// Event ids are slugs, so ids with a colon never collide with them.
const DATE_FILTER_ITEM = 'dl:date-filter';
/** About one density slice per this many pixels of timeline. */
const PX_PER_SLICE = 44;
const RENDER_WHILE_MOVING_MS = 250;
/** vis-timeline's gap between the axis and the lowest items; above the band when it is drawn. */
const AXIS_MARGIN_PX = 8;
const ITEM_MARGIN = { horizontal: 6, vertical: 6 };

type Item = EventItem | RangeShade | EraBand;

interface RangeShade {
  id: typeof DATE_FILTER_ITEM;
  type: 'background';
  start: number;
  end: number;
  className: string;
}

/** Item content, as text, never markup: an event's label (and the bar of its span), an era's title. */
function renderLabel(item: Item | undefined): HTMLElement {
  const span = document.createElement('span');
  if (!item) return span;
  if (item.type === 'background') {
    if ('title' in item) {
      span.className = 'dl-era-label';
      span.dir = 'auto';
      span.textContent = item.title;
      span.title = `Era: ${item.title}`;
    }
    return span;
  }
  const label = document.createElement('span');
  label.textContent = item.label;
  label.className = 'dl-item-label';
  label.dir = 'auto';
  label.dataset.eventId = item.id;
  // Labels are cut at a width; the whole title shows on hover (and in the details).
  label.title = item.label;
  span.append(label);
  if (item.bar) {
    const bar = document.createElement('span');
    bar.className = 'dl-item-span';
    bar.setAttribute('aria-hidden', 'true');
    span.append(bar);
  }
  return span;
}

/** Whether the user asked for less motion: zooms and moves are then instant. */
function reducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** An animation of `duration` ms, or none when the user asked for less motion. */
function motion(duration: number) {
  return reducedMotion() ? false : { duration, easingFunction: 'easeInOutQuad' as const };
}

export class TimelineAdapter implements LinkedView<TimeWindow> {
  readonly origin = 'timeline';
  private reports: LinkedViewReports<TimeWindow> = UNCONNECTED;
  private readonly timeline: Timeline;
  // One DataSet for vis-timeline: the events, plus at most one background item for the date filter.
  private readonly items = new DataSet<Item, 'id'>();
  /** The events the timeline holds now: all of them, or those its window shows. */
  private events = new Map<string, DatelineEvent>();
  /** Counts per slice of time, drawn by us when the window holds too many events to draw. */
  private readonly band: DensityBand;
  /** The strip that counts items scrolled out of view, and the stack's scroll bar. */
  private readonly stack: StackControls;
  /** The centre panel's width as vis-timeline last laid it out, px: the time axis' width. */
  private axisWidth: number;
  /** Every event it should show (filtered), indexed by time. */
  private index: TimeIndex = buildTimeIndex([]);
  private selectedId: string | null = null;
  private highlighted = new Set<string>();
  private fitted = false;
  private mode: WindowContent['mode'] = 'all';
  private selectedCache:
    { index: TimeIndex; id: string; event: DatelineEvent | undefined } | undefined;
  /**
   * Set while a move the user asked for through the app's own controls (zoom and pan buttons,
   * keys, "Fit all") runs: vis-timeline reports those as not by the user.
   */
  private userMove = false;
  /** Time runs right to left, as the page reads (docs/i14-rtl-theme.md); read once, when made. */
  private readonly rtl: boolean;

  constructor(
    private readonly container: HTMLElement,
    /** The dataset's events by id: finding the selected one then costs a lookup, not a scan. */
    private readonly eventById?: ReadonlyMap<string, DatelineEvent>,
    /** Where the "N more above/below" markers go (the view's header); else the container. */
    markerHost?: HTMLElement,
  ) {
    this.rtl = pageDirection(container.ownerDocument) === 'rtl';
    const options: TimelineOptions = {
      rtl: this.rtl,
      // Draw in UTC: the dataset's dates mean the same in every browser's time zone.
      moment: (date: moment.MomentInput) => moment(date).utc(),
      height: '100%',
      stack: true,
      selectable: true,
      multiselect: false,
      showCurrentTime: false,
      orientation: { axis: 'bottom', item: 'bottom' },
      margin: { item: ITEM_MARGIN, axis: AXIS_MARGIN_PX },
      // The surest events stack nearest the axis (items.ts).
      order: stackOrder,
      // vis-timeline scrolls the stack to an item it focuses; the wheel is handled here (wheel.ts).
      verticalScroll: true,
      zoomMin: HOUR,
      // Any span can be fitted, up to all the timeline can draw (see deepTime.ts).
      zoomMax: DRAW_MAX - DRAW_MIN,
      min: DRAW_MIN,
      max: DRAW_MAX,
      // Called while the Timeline is built, before this.timeline is set: no thinning then.
      format: axisFormat((step) => {
        if (!this.timeline) return step;
        const w = this.getWindow();
        return niceLabelStep(step, (this.axisWidth * YEAR) / Math.max(1, w.end - w.start));
      }) as TimelineOptions['format'],
      showTooltips: false,
      template: (item?: Item) => renderLabel(item),
    };
    this.timeline = new Timeline(container, this.items as never, options);
    const panel = itemPanelOf(container);
    this.axisWidth = axisWidthOf(panel, container);
    this.band = new DensityBand(panel, container, (slice) => this.zoomToSlice(slice));
    this.stack = new StackControls(
      container,
      panel,
      {
        scroll: () => stackScroll(this.timeline),
        scrollTo: (offset) => scrollStackTo(this.timeline, offset),
      },
      markerHost,
    );
    // Before vis-timeline's own listeners (capture): the wheel does one thing (wheel.ts).
    container.addEventListener('wheel', this.onWheel, { capture: true, passive: false });
    this.timeline.on('select', (props?: { items: Array<string | number>; event?: TapEvent }) => {
      // A click on the band is the band's (it zooms); vis-timeline takes it for a click on empty
      // space and drops the selection, which is put back.
      if (this.band.element.contains(tapTarget(props?.event))) {
        this.timeline.setSelection(this.selectedId === null ? [] : [this.selectedId]);
        return;
      }
      const id = props?.items[0];
      this.reports.selected(id === undefined ? null : String(id));
    });
    this.timeline.on('itemover', (props?: { item: string | number }) => {
      if (props?.item !== undefined && !String(props.item).startsWith('dl:'))
        this.reports.hovered([String(props.item)]);
    });
    this.timeline.on('itemout', () => this.reports.hovered([]));
    // Keeps the scale CSS needs to draw the bars of spans in pixels, and the band on the axis:
    // a few style writes per frame, no layout read.
    const follow = () => {
      const w = this.getWindow();
      container.style.setProperty(
        '--dl-px-per-ms',
        String(this.axisWidth / Math.max(1, w.end - w.start)),
      );
      this.band.follow(w, this.axisWidth);
    };
    // While the user drags, the items of newly uncovered time come in a few times a second.
    let lastRender = 0;
    this.timeline.on('rangechange', () => {
      follow();
      const now = performance.now();
      if (now - lastRender > RENDER_WHILE_MOVING_MS) {
        lastRender = now;
        this.render();
      }
    });
    this.timeline.on('rangechanged', (props?: { byUser?: boolean }) => {
      this.render();
      const byUser = props?.byUser === true || this.userMove;
      this.userMove = false;
      this.reports.settled(this.getWindow(), byUser);
    });
    // After every redraw (a resize among them): the width vis-timeline gave the item panel.
    this.timeline.on('changed', () => {
      this.stack.update();
      const width = axisWidthOf(panel, container);
      if (width === this.axisWidth) return;
      this.axisWidth = width;
      follow();
    });
    follow();
  }

  private readonly onWheel = (e: WheelEvent): void => {
    const intent = wheelIntent({
      deltaX: e.deltaX,
      deltaY: e.deltaY,
      deltaMode: e.deltaMode,
      shiftKey: e.shiftKey,
      altKey: e.altKey,
      overScrollbar: e.target instanceof Node && this.stack.scrollbar.contains(e.target),
    });
    if (intent.kind === 'none') return;
    e.preventDefault();
    e.stopPropagation();
    if (intent.kind === 'scroll') {
      this.stack.scrollBy(intent.px);
      return;
    }
    const w = this.getWindow();
    this.userMove = true;
    if (intent.kind === 'pan') {
      const d =
        ((this.rtl ? -intent.px : intent.px) / Math.max(1, this.axisWidth)) * (w.end - w.start);
      this.timeline.setWindow(w.start + d, w.end + d, { animation: false });
      return;
    }
    const panel = itemPanelOf(this.container).getBoundingClientRect();
    const fromStart = this.rtl ? panel.right - e.clientX : e.clientX - panel.left;
    const share = Math.min(1, Math.max(0, fromStart / Math.max(1, panel.width)));
    const next = zoomAround(w, w.start + share * (w.end - w.start), intent.factor);
    this.timeline.setWindow(next.start, next.end, { animation: false });
  };

  connect(reports: LinkedViewReports<TimeWindow>): void {
    this.reports = reports;
  }

  /** Shows these events (the filtered ones), changing only what differs, in one batch. */
  setEvents(events: readonly DatelineEvent[]): void {
    const start = performance.now();
    this.index = buildTimeIndex(events);
    const selected = this.selectedId;
    const wasHeld = selected !== null && this.events.has(selected);
    if (!this.fitted && events.length) this.fit();
    this.render();
    // vis-timeline forgets the selection of an item it no longer has: when the selected event
    // comes back (the filters that hid it were cleared), select it again and bring it into view.
    if (selected !== null && !wasHeld && this.events.has(selected)) this.select(selected, true);
    performance.measure('dl:timeline:setEvents', { start }); // for the performance panel
  }

  /** How many events vis-timeline holds now. */
  get heldCount(): number {
    return this.events.size;
  }

  /** Whether vis-timeline holds this event now. */
  holds(id: string): boolean {
    return this.events.has(id);
  }

  /** How the timeline draws now: every event, the window's events, or a density band. */
  get drawing(): WindowContent['mode'] {
    return this.mode;
  }

  /** Gives vis-timeline what the current window needs, as one diff against what it holds. */
  private render(): void {
    const slices = Math.max(10, Math.round(this.axisWidth / PX_PER_SLICE));
    const window = this.getWindow();
    const content = windowContent(this.index, window, slices);
    if ((content.mode === 'density') !== (this.mode === 'density')) {
      // Items held while the band is drawn (the selected event) stand above it, not on it.
      const axis =
        content.mode === 'density'
          ? BAND_BOTTOM_PX + BAND_HEIGHT_PX + AXIS_MARGIN_PX
          : AXIS_MARGIN_PX;
      this.timeline.setOptions({ margin: { item: ITEM_MARGIN, axis } });
    }
    this.mode = content.mode;
    const wanted = new Map<string, DatelineEvent>();
    if (content.mode !== 'density') for (const e of content.events) wanted.set(e.id, e);
    // The selected event stays, wherever the window is, so the selection is never lost.
    const selected = this.selectedShown();
    if (selected) wanted.set(selected.id, selected);

    const removed: string[] = [];
    for (const [id, old] of this.events) if (wanted.get(id) !== old) removed.push(id);
    const added: Item[] = [];
    for (const e of wanted.values())
      if (this.events.get(e.id) !== e) added.push(toItem(e, this.highlighted.has(e.id)));

    this.events = wanted;
    changeItemsWithoutDrawing(this.timeline, () => {
      if (removed.length) this.items.remove(removed);
      if (added.length) this.items.add(added);
    });
    if (content.mode === 'density') this.band.show(content.bins, window, this.axisWidth);
    else this.band.hide();
    this.container.dataset.drawing = content.mode;
  }

  /** The selected event if the timeline should show it (it passes the filters), else undefined. */
  private selectedShown(): DatelineEvent | undefined {
    const id = this.selectedId;
    if (id === null) return undefined;
    if (this.selectedCache?.index !== this.index || this.selectedCache.id !== id) {
      this.selectedCache = {
        index: this.index,
        id,
        event: this.findShown(id),
      };
    }
    return this.selectedCache.event;
  }

  private findShown(id: string): DatelineEvent | undefined {
    const e = this.eventById?.get(id);
    if (e) return containsEvent(this.index.events, e) ? e : undefined;
    return this.index.events.find((shown) => shown.id === id);
  }

  /** Zooms into a slice of the band, with a tenth of it either side (a move by the user). */
  private zoomToSlice(slice: { start: number; end: number }): void {
    this.userMove = true;
    const pad = (slice.end - slice.start) * 0.1;
    this.timeline.setWindow(slice.start - pad, slice.end + pad, { animation: motion(250) });
  }

  /** Shows a window given from outside (a link, Back); it then counts as placed, not fitted. */
  showView(w: TimeWindow): void {
    this.userMove = false;
    this.timeline.setWindow(w.start, w.end, { animation: false });
    this.fitted = true;
  }

  /** Shades the date filter's range behind the items, or removes the shading. */
  showDateRange(range: TimeWindow | null): void {
    changeItemsWithoutDrawing(this.timeline, () => {
      if (!range) this.items.remove(DATE_FILTER_ITEM);
      else
        this.items.update({
          id: DATE_FILTER_ITEM,
          type: 'background',
          start: range.start,
          end: range.end,
          className: 'dl-date-range',
        });
    });
  }

  /** Sets the window to the span of the events shown; `byUser` when the user asked for it. */
  fit(byUser = false): void {
    const first = this.index.events[0];
    if (!first) return;
    const w = fitWindow({ earliest: first.earliest, latest: this.index.latest });
    this.userMove = byUser;
    this.timeline.setWindow(w.start, w.end, { animation: false });
    this.fitted = true;
  }

  /**
   * Selects the item; with `reveal`, brings it into view: vis-timeline's focus centres it in
   * time and scrolls the item stack to it, keeping the zoom.
   */
  select(id: string | null, reveal: boolean): void {
    const previous = this.selectedId;
    this.selectedId = id;
    // A selected event outside the window's items is added; the one before may now go.
    if ((id !== null && !this.events.has(id)) || (previous !== null && previous !== id))
      this.render();
    this.timeline.setSelection(id === null || !this.events.has(id) ? [] : [id]);
    if (id === null || !reveal || !this.events.has(id)) return;
    this.userMove = false;
    // No animation: the selection shows at once in the next frame (an animated focus drew the
    // item only once the moving window reached it), and stepping through events with the
    // keyboard is not held up by it.
    this.timeline.focus(id, { zoom: false, animation: false });
  }

  highlight(ids: readonly string[]): void {
    const next = new Set(ids);
    const changed: Array<Pick<EventItem, 'id' | 'className'>> = [];
    for (const id of new Set([...this.highlighted, ...next])) {
      const e = this.events.get(id);
      if (e && this.highlighted.has(id) !== next.has(id)) {
        changed.push({ id, className: itemClassName(e, next.has(id)) });
      }
    }
    this.highlighted = next;
    if (changed.length) changeItemsWithoutDrawing(this.timeline, () => this.items.update(changed));
  }

  getWindow(): TimeWindow {
    const w = this.timeline.getWindow();
    return { start: w.start.getTime(), end: w.end.getTime() };
  }

  /** Zooms by a factor around the centre (keyboard and button zoom: a move by the user). */
  zoom(factor: number): void {
    this.userMove = true;
    const { start, end } = this.getWindow();
    const mid = (start + end) / 2;
    const half = ((end - start) * factor) / 2;
    this.timeline.setWindow(mid - half, mid + half, { animation: motion(200) });
  }

  /** Moves the window by a share of its width (keyboard pan: a move by the user). */
  pan(share: number): void {
    this.userMove = true;
    const { start, end } = this.getWindow();
    const d = (end - start) * share;
    this.timeline.setWindow(start + d, end + d, { animation: motion(200) });
  }

  /** Scrolls the stack of items by rows: negative up (the rows above), positive down. */
  scrollStack(rows: number): void {
    this.stack.scrollBy(rows * ROW_SCROLL_PX);
  }

  /** How many of the window's items are scrolled out of view, above and below, as last drawn. */
  get hiddenItems(): { above: number; below: number } {
    return this.stack.hidden;
  }

  /** Draws the dataset's eras as labelled bands behind the events (once per dataset). */
  setEras(eras: readonly EraBand[]): void {
    if (eras.length === 0) return;
    changeItemsWithoutDrawing(this.timeline, () => this.items.update([...eras]));
  }

  destroy(): void {
    this.container.removeEventListener('wheel', this.onWheel, { capture: true });
    this.stack.destroy();
    this.band.destroy();
    this.timeline.destroy();
  }
}
