// Owns one vis-timeline instance: created once, fed by diffing, destroyed on cleanup. A linked
// view (LinkedView.ts): the binder feeds it and hears what the user does; nothing here knows
// about React or the store. vis-timeline's internals and DOM are touched only in visInternals.ts.
import { t, timelineLocale } from '../../i18n';
import moment from 'moment';
import { DataSet } from 'vis-data/esnext';
import { Timeline, type TimelineOptions } from 'vis-timeline/esnext';
import type { DatelineEvent } from '../../model/dataset';
import { containsEvent } from '../../model/sortedEvents';
import { laneLayoutOf, type GroupBy, type LaneContext, type LaneLayout } from '../../model/lanes';
import { runSteps } from '../../model/steps';
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
  destroyLater,
  itemPanelOf,
  scrollStackTo,
  stackScroll,
  tapTarget,
  type TapEvent,
} from './visInternals';
import { wheelIntent, zoomAround } from './wheel';
import { pageDirection } from '../../ui/direction';
import {
  buildTimeIndex,
  densityBins,
  laneIndexesSteps,
  timeIndexOf,
  windowContent,
  type TimeIndex,
  type WindowContent,
} from './windowing';
import { bandSlices } from './densitySlices';
import { LaneBandKeys, laneBinButton } from './laneBands';
import {
  laneButtons,
  laneGroups,
  laneKeyTarget,
  renderLaneLabel,
  rovingLanes,
  type LaneGroup,
} from './laneGroups';

allowLongYearSteps();

const HOUR = 60 * 60 * 1000;
const YEAR = 365.2425 * 24 * HOUR;
// Event ids are slugs, so ids with a colon never collide with them.
const DATE_FILTER_ITEM = 'dl:date-filter';
/** About one density slice per this many pixels of timeline. */
const PX_PER_SLICE = 44;
/**
 * While the window moves (a drag, a playback), the items are given again once it has moved this
 * share of its width since they last were (they cover half a window either side), or zoomed by
 * more than this share.
 */
const RENDER_AFTER_MOVING = 0.25;
/** While the window moves, the "N more above/below" counts follow at most this often. */
const COUNT_WHILE_MOVING_MS = 250;
/** vis-timeline's gap between the axis and the lowest items; above the band when it is drawn. */
const AXIS_MARGIN_PX = 8;
const ITEM_MARGIN = { horizontal: 6, vertical: 6 };

type Item = EventItem | RangeShade | EraBand | LaneBin;

/** A copy of an event in one lane: one vis item per lane the event is in. */
interface LaneItem extends EventItem {
  group: string;
  eventId: string;
}

/** One slice of a lane's own density band: a background item in the lane's row. */
interface LaneBin {
  id: string;
  type: 'background';
  group: string;
  start: number;
  end: number;
  className: string;
  /** The count as the slice shows it (its name is worked out only when drawn: binNames). */
  count: string;
  /** What the slice shows: a bin whose key changed is drawn again. */
  key: string;
}

/** An item id for an event's copy in a lane (ids with a colon never collide with events'). */
const copyId = (eventId: string, laneId: string) => `dl:copy:${eventId}|${laneId}`;
const LANE_BIN_PREFIX = 'dl:lanebin:';

interface RangeShade {
  id: typeof DATE_FILTER_ITEM;
  type: 'background';
  start: number;
  end: number;
  className: string;
}

/**
 * Item content, as text, never markup: an event's label (and the bar of its span), an era's
 * title, a lane's slice (named by `binName`: vis-timeline draws only the lanes in view).
 */
function renderLabel(item: Item | undefined, binName: (id: string) => string): HTMLElement {
  const span = document.createElement('span');
  if (!item) return span;
  if (item.type === 'background') {
    if ('count' in item)
      return laneBinButton({
        laneId: item.group,
        binId: item.id,
        start: item.start,
        end: item.end,
        label: item.count,
        name: binName(item.id),
      });
    if ('title' in item) {
      span.className = 'dl-era-label';
      span.dir = 'auto';
      span.textContent = item.title;
      span.title = t('timeline.era', { title: item.title });
    }
    return span;
  }
  const label = document.createElement('span');
  label.textContent = item.label;
  label.className = 'dl-item-label';
  label.dir = 'auto';
  label.dataset.eventId = 'eventId' in item ? (item as LaneItem).eventId : item.id;
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

/** The custom time bar of a playback's playhead (also its class: `.vis-custom-time.dl-playhead`). */
const PLAYHEAD_ID = 'dl-playhead';

export class TimelineAdapter implements LinkedView<TimeWindow> {
  readonly origin = 'timeline';
  private reports: LinkedViewReports<TimeWindow> = UNCONNECTED;
  private readonly timeline: Timeline;
  // One DataSet for vis-timeline: the events, plus at most one background item for the date filter.
  private readonly items = new DataSet<Item, 'id'>();
  /** The events the timeline holds now: all of them, or those its window shows. */
  private events = new Map<string, DatelineEvent>();
  /** The event items it holds, by item id: one per event, or with lanes one per copy. */
  private held = new Map<string, { event: DatelineEvent; lane: string | null }>();
  /** The item ids of each held event (its copies, with lanes). */
  private copies = new Map<string, string[]>();
  /** Swimlanes: the grouping, its lanes for the events shown, the groups vis-timeline draws. */
  private groupBy: GroupBy = 'none';
  private lanes: LaneLayout | null = null;
  private readonly groups = new DataSet<LaneGroup, 'id'>();
  private groupKeys = new Map<string, string>();
  private readonly collapsed = new Set<string>();
  /** The lane button in the tab order. */
  private activeLane: string | null = null;
  /** Each lane's events indexed by time, for its own density band; built when first needed. */
  private laneIndexes: Map<string, TimeIndex> | null = null;
  /** The lane bins held, by id, with the text they show. */
  private heldBins = new Map<string, string>();
  /** Each lane bin's name (lane, count, dates), worked out when vis-timeline draws it. */
  private binNames = new Map<string, () => string>();
  /** The event whose item the pointer is over here: its other copies are highlighted. */
  private hoveredHere: string | null = null;
  /** Set when lanes are first drawn: the stack then scrolls to the top lanes after the redraw. */
  private scrollToTop = false;
  /** A lane whose button had focus when vis-timeline redrew its label: focus goes back to it. */
  private refocusLane: string | null = null;
  /** Whether items are lifted above the (whole timeline's) density band. */
  private liftedAboveBand = false;
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
  private playheadShown = false;
  /** The window the items were last given for (render), and when the window last moved. */
  private renderedWindow: TimeWindow = { start: 0, end: 0 };
  private movedAt = -Infinity;
  /** The lanes' own bands from the keyboard: one tab stop each (laneBands.ts). */
  private readonly laneKeys: LaneBandKeys;
  private roveTimer: ReturnType<typeof setTimeout> | undefined;
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
    /** Actors and places, for the lanes' names and the actors' nesting. */
    private readonly laneContext: LaneContext = {},
  ) {
    const axis = timelineLocale();
    this.rtl = pageDirection(container.ownerDocument) === 'rtl';
    const options: TimelineOptions = {
      rtl: this.rtl,
      // Draw in UTC: the dataset's dates mean the same in every browser's time zone; month names
      // in the page's language (vis-timeline sets moment's global locale to its `locale`).
      moment: (date: moment.MomentInput) => moment(date).utc().locale(axis),
      locale: axis,
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
      template: (item?: Item) => renderLabel(item, (id) => this.binNames.get(id)?.() ?? ''),
      groupTemplate: (group?: LaneGroup) => renderLaneLabel(group),
      groupOrder: 'order',
    };
    this.timeline = new Timeline(container, this.items as never, options);
    this.laneKeys = new LaneBandKeys(container);
    container.dataset.lanes = 'none';
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
      // space and drops the selection, which is put back. So is a click on a lane's band.
      const laneBin = props?.items.length ? undefined : this.laneBinAt(props?.event);
      if (this.band.element.contains(tapTarget(props?.event)) || laneBin) {
        this.showSelection();
        return;
      }
      const item = props?.items[0];
      const id = item === undefined ? null : this.eventOfItem(String(item));
      // Another copy of the event already selected: the store hears nothing new, so every copy
      // is marked again here.
      if (id !== null && id === this.selectedId) this.showSelection();
      this.reports.selected(id);
    });
    this.timeline.on('itemover', (props?: { item: string | number }) => {
      if (props?.item === undefined) return;
      const id = this.eventOfItem(String(props.item));
      if (id === null) return;
      this.hoverHere(id);
      this.reports.hovered([id]);
    });
    this.timeline.on('itemout', () => {
      this.hoverHere(null);
      this.reports.hovered([]);
    });
    // A click on a lane's band zooms into its slice ('click' comes with or without a selection).
    this.timeline.on('click', (props?: { event?: TapEvent }) => {
      const laneBin = this.laneBinAt(props?.event);
      if (laneBin) this.zoomToSlice(laneBin);
    });
    container.addEventListener('click', this.onLaneClick);
    container.addEventListener('keydown', this.onLaneKey);
    container.addEventListener('focusin', this.onLaneFocus);
    // Keeps the scale CSS needs to draw the bars of spans in pixels, and the band on the axis:
    // a few style writes per frame, no layout read.
    let pxPerMs = '';
    const follow = () => {
      const w = this.getWindow();
      const scale = String(this.axisWidth / Math.max(1, w.end - w.start));
      if (scale !== pxPerMs) container.style.setProperty('--dl-px-per-ms', (pxPerMs = scale));
      this.band.follow(w, this.axisWidth);
    };
    // While the window moves, the items of newly uncovered time come in when the half window
    // held beyond either edge starts to run out (not every frame: a playback moves it every one).
    this.timeline.on('rangechange', () => {
      follow();
      this.movedAt = performance.now();
      const w = this.getWindow();
      const was = this.renderedWindow;
      const width = w.end - w.start;
      const wasWidth = was.end - was.start;
      if (
        Math.abs(w.start - was.start) > RENDER_AFTER_MOVING * width ||
        Math.abs(width - wasWidth) > RENDER_AFTER_MOVING * wasWidth
      )
        this.render();
    });
    this.timeline.on('rangechanged', (props?: { byUser?: boolean }) => {
      this.render();
      const byUser = props?.byUser === true || this.userMove;
      this.userMove = false;
      this.reports.settled(this.getWindow(), byUser);
    });
    // After every redraw (a resize among them): the width vis-timeline gave the item panel.
    this.timeline.on('changed', () => {
      const moving = performance.now() - this.movedAt < COUNT_WHILE_MOVING_MS;
      this.stack.update(moving ? COUNT_WHILE_MOVING_MS : 0);
      if ((this.heldBins.size || this.laneKeys.pending) && this.roveTimer === undefined)
        this.roveTimer = setTimeout(
          () => {
            this.roveTimer = undefined;
            this.laneKeys.rove(this.getWindow());
          },
          moving ? COUNT_WHILE_MOVING_MS : 0,
        );
      if (this.scrollToTop) {
        this.scrollToTop = false;
        scrollStackTo(this.timeline, 0);
      }
      if (this.refocusLane !== null) {
        this.focusLane(this.refocusLane);
        this.refocusLane = null;
      }
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
    this.index = timeIndexOf.get(events);
    this.layLanes();
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
    this.renderedWindow = window;
    const content = windowContent(this.index, window, slices);
    // With lanes, each lane draws its own band (lane bins) and the timeline's own is not drawn.
    const wholeBand = content.mode === 'density' && !this.lanes;
    if (wholeBand !== this.liftedAboveBand) {
      // Items held while the band is drawn (the selected event) stand above it, not on it.
      const axis = wholeBand ? BAND_BOTTOM_PX + BAND_HEIGHT_PX + AXIS_MARGIN_PX : AXIS_MARGIN_PX;
      this.timeline.setOptions({ margin: { item: ITEM_MARGIN, axis } });
      this.liftedAboveBand = wholeBand;
    }
    this.mode = content.mode;
    const wanted = new Map<string, DatelineEvent>();
    if (content.mode !== 'density') for (const e of content.events) wanted.set(e.id, e);
    // The selected event stays, wherever the window is, so the selection is never lost.
    const selected = this.selectedShown();
    if (selected) wanted.set(selected.id, selected);

    const wantedItems = this.itemsFor(wanted, selected?.id ?? null);
    const removed: string[] = [];
    for (const [id, old] of this.held) {
      const next = wantedItems.get(id);
      if (next?.event !== old.event) removed.push(id);
    }
    const added: Item[] = [];
    for (const [id, want] of wantedItems) {
      if (this.held.get(id)?.event === want.event) continue;
      const item = toItem(want.event, this.isHighlighted(want.event.id));
      const copy: LaneItem | undefined =
        want.lane === null ? undefined : { ...item, id, group: want.lane, eventId: item.id };
      added.push(copy ?? item);
    }
    const bins = content.mode === 'density' && this.lanes ? this.laneBins(window, slices) : [];
    const binIds = new Set(bins.map((b) => b.id));
    for (const id of this.heldBins.keys()) if (!binIds.has(id)) removed.push(id);
    for (const b of bins) if (this.heldBins.get(b.id) !== b.key) added.push(b);

    this.events = wanted;
    this.held = wantedItems;
    this.heldBins = new Map(bins.map((b) => [b.id, b.key]));
    this.copies = new Map();
    for (const [id, { event }] of wantedItems) {
      const list = this.copies.get(event.id);
      if (list) list.push(id);
      else this.copies.set(event.id, [id]);
    }
    if (this.lanes) this.laneKeys.noteFocus();
    changeItemsWithoutDrawing(this.timeline, () => {
      if (removed.length) this.items.remove(removed);
      // A bin whose count changed is replaced in place.
      if (added.length) this.items.update(added);
    });
    if (wholeBand) this.band.show(content.bins, window, this.axisWidth);
    else this.band.hide();
    this.container.dataset.drawing = content.mode;
  }

  /** The items for these events: one each, or with lanes one per lane each is drawn in. */
  private itemsFor(
    events: ReadonlyMap<string, DatelineEvent>,
    selected: string | null,
  ): Map<string, { event: DatelineEvent; lane: string | null }> {
    const out = new Map<string, { event: DatelineEvent; lane: string | null }>();
    const lanes = this.lanes;
    if (!lanes) {
      for (const [id, event] of events) out.set(id, { event, lane: null });
      return out;
    }
    for (const [id, event] of events) {
      for (const lane of lanes.lanesOf(event)) {
        const group = this.groups.get(lane);
        if (!group?.visible) continue;
        // A collapsed lane shows no events, but the selected one, so a selection is never lost.
        if (group.collapsed && id !== selected) continue;
        out.set(copyId(id, lane), { event, lane });
      }
    }
    return out;
  }

  /** Each drawn, expanded lane's counts per slice of time, as background items in its row. */
  private laneBins(window: TimeWindow, slices: number): LaneBin[] {
    const lanes = this.lanes;
    if (!lanes) return [];
    this.laneIndexes ??= runSteps(laneIndexesSteps(lanes, this.index.events));
    const width = window.end - window.start;
    const out: LaneBin[] = [];
    const names = new Map<string, () => string>();
    this.binNames = names;
    for (const [laneId, index] of this.laneIndexes) {
      const group = this.groups.get(laneId);
      if (!group?.visible || group.collapsed) continue;
      const bins = densityBins(index, window.start - width / 2, window.end + width / 2, slices * 2);
      const lane = group.lane.label;
      for (const slice of bandSlices(bins)) {
        const id = `${LANE_BIN_PREFIX}${laneId}|${slice.id}`;
        out.push({
          id,
          type: 'background',
          group: laneId,
          start: slice.start,
          end: slice.end,
          className: `dl-lane-bin dl-bin-${slice.level}`,
          count: slice.label,
          key: `${slice.count} ${slice.level} ${lane}`,
        });
        names.set(id, () => `${lane}: ${slice.name}`);
      }
    }
    return out;
  }

  /** The lane bin a tap landed on (lanes at the density band's scale), or undefined. */
  private laneBinAt(event: TapEvent | undefined): TimeWindow | undefined {
    if (!event || !this.lanes || this.heldBins.size === 0) return undefined;
    const props = this.timeline.getEventProperties(event as unknown as Event);
    const hit = props.item === null ? null : String(props.item);
    if (hit !== null && hit.startsWith(LANE_BIN_PREFIX)) {
      const bin = this.items.get(hit) as LaneBin | null;
      return bin ? { start: bin.start, end: bin.end } : undefined;
    }
    if (hit !== null || props.group === null) return undefined;
    const at = props.time.getTime();
    const prefix = `${LANE_BIN_PREFIX}${String(props.group)}|`;
    for (const id of this.heldBins.keys()) {
      if (!id.startsWith(prefix)) continue;
      const bin = this.items.get(id) as LaneBin | null;
      if (bin && bin.start <= at && at < bin.end) return { start: bin.start, end: bin.end };
    }
    return undefined;
  }

  /** The event an item shows (an event's own item, or its copy in a lane); null for others. */
  private eventOfItem(itemId: string): string | null {
    const held = this.held.get(itemId);
    if (held) return held.event.id;
    return itemId.startsWith('dl:') ? null : itemId;
  }

  /** Marks every copy of the selected event as selected. */
  private showSelection(): void {
    const id = this.selectedId;
    this.timeline.setSelection(id === null ? [] : (this.copies.get(id) ?? []));
  }

  private isHighlighted(eventId: string): boolean {
    return this.highlighted.has(eventId) || this.hoveredHere === eventId;
  }

  /** The pointer is over an event's item here: with lanes, its other copies light up too. */
  private hoverHere(id: string | null): void {
    const before = this.hoveredHere;
    // Without lanes an event has one item, the one under the pointer: nothing else to light up.
    this.hoveredHere = this.lanes ? id : null;
    if (before === this.hoveredHere) return;
    this.restyle([before, this.hoveredHere].filter((x): x is string => x !== null));
  }

  /** Writes the highlight class of these events' items (every copy). */
  private restyle(eventIds: Iterable<string>): void {
    const changed: Array<Pick<EventItem, 'id' | 'className'>> = [];
    for (const eventId of eventIds) {
      const e = this.events.get(eventId);
      if (!e) continue;
      const className = itemClassName(e, this.isHighlighted(eventId));
      for (const id of this.copies.get(eventId) ?? []) changed.push({ id, className });
    }
    if (changed.length) changeItemsWithoutDrawing(this.timeline, () => this.items.update(changed));
  }

  /** Groups the timeline's events by this (none: one stack, as without lanes). */
  setGroupBy(groupBy: GroupBy): void {
    if (groupBy === this.groupBy) return;
    const start = performance.now();
    this.groupBy = groupBy;
    this.collapsed.clear();
    this.layLanes();
    this.render();
    this.showSelection();
    this.container.dataset.lanes = groupBy;
    performance.measure('dl:timeline:setGroupBy', { start }); // for the performance panel
  }

  /** Collapses or expands a lane (its events and members hidden, or shown again). */
  toggleLane(laneId: string): void {
    if (!this.groups.get(laneId)) return;
    if (this.collapsed.has(laneId)) this.collapsed.delete(laneId);
    else this.collapsed.add(laneId);
    this.activeLane = laneId;
    const focused = this.container.contains(document.activeElement);
    this.syncGroups();
    this.render();
    this.showSelection();
    // vis-timeline draws the label anew (and moves labels when lanes hide): focus follows the
    // lane's new button, now and after vis-timeline's next redraw.
    if (focused) {
      this.focusLane(laneId);
      this.refocusLane = laneId;
    }
  }

  private focusLane(laneId: string): void {
    const button = this.container.querySelector<HTMLElement>(
      `button.dl-lane-toggle[data-lane-id="${CSS.escape(laneId)}"]`,
    );
    if (button && document.activeElement !== button) button.focus({ preventScroll: true });
  }

  /** The lanes of the events shown, and the groups vis-timeline draws for them. */
  private layLanes(): void {
    this.laneIndexes = null;
    if (this.groupBy === 'none') {
      if (this.lanes) {
        this.lanes = null;
        // Items leave their lanes first (none of them has a group now), then the groups go.
        this.render();
        this.timeline.setGroups(null as never);
        this.groups.clear();
        this.groupKeys.clear();
        this.stack.unit = 'event';
      }
      return;
    }
    const entering = !this.lanes;
    this.lanes = laneLayoutOf(this.index.events, this.groupBy, this.laneContext);
    // Known lanes keep their state; a lane that went (the filters) is forgotten.
    for (const id of this.collapsed) if (!this.lanes.byId.has(id)) this.collapsed.delete(id);
    this.syncGroups();
    if (entering) {
      this.timeline.setGroups(this.groups as never);
      // The busiest lanes are at the top: show them first, once vis-timeline has laid them out.
      this.scrollToTop = true;
      // The labels exist now: one of them takes the tab stop.
      this.activeLane = rovingLanes(this.container, this.activeLane, this.laneOrder);
    }
    this.stack.unit = 'lane';
  }

  /** Writes the groups that changed; vis-timeline redraws only their labels. */
  private syncGroups(): void {
    const next = this.lanes ? laneGroups(this.lanes, this.collapsed) : [];
    const keep = new Set(next.map((g) => g.id));
    const gone = [...this.groupKeys.keys()].filter((id) => !keep.has(id));
    const changed = next.filter((g) => this.groupKeys.get(g.id) !== g.key);
    const focusedLane = this.focusedLane();
    if (gone.length) this.groups.remove(gone);
    if (changed.length) this.groups.update(changed);
    this.groupKeys = new Map(next.map((g) => [g.id, g.key]));
    this.activeLane = rovingLanes(this.container, focusedLane ?? this.activeLane, this.laneOrder);
    if (focusedLane) this.focusLane(focusedLane);
  }

  private readonly laneOrder = (id: string): number => this.groups.get(id)?.order ?? 0;

  private focusedLane(): string | null {
    const el = document.activeElement;
    return el instanceof HTMLElement &&
      el.matches('button.dl-lane-toggle') &&
      this.container.contains(el)
      ? (el.dataset.laneId ?? null)
      : null;
  }

  private readonly onLaneClick = (e: MouseEvent): void => {
    const slice = this.laneKeys.activated(e);
    if (slice) {
      e.stopPropagation();
      this.zoomToSlice(slice);
      return;
    }
    const button = e.target instanceof Element ? e.target.closest('button.dl-lane-toggle') : null;
    if (!(button instanceof HTMLButtonElement) || !button.dataset.laneId) return;
    e.stopPropagation();
    this.toggleLane(button.dataset.laneId);
  };

  /** ↑ ↓ Home End move between the lanes' buttons (the timeline's own keys elsewhere). */
  private readonly onLaneKey = (e: KeyboardEvent): void => {
    if (this.laneKeys.onKey(e, this.getWindow())) {
      e.preventDefault();
      e.stopPropagation();
      return;
    }
    const from = e.target;
    if (!(from instanceof HTMLButtonElement) || !from.matches('.dl-lane-toggle')) return;
    const to = laneKeyTarget(laneButtons(this.container, this.laneOrder), from, e.key);
    if (!to) return;
    e.preventDefault();
    e.stopPropagation();
    this.activeLane = rovingLanes(this.container, to.dataset.laneId ?? null, this.laneOrder);
    to.focus({ preventScroll: true });
  };

  private readonly onLaneFocus = (e: FocusEvent): void => {
    const target = e.target;
    if (
      target instanceof HTMLButtonElement &&
      target.matches('.dl-lane-toggle') &&
      target.dataset.laneId
    )
      this.activeLane = rovingLanes(this.container, target.dataset.laneId, this.laneOrder);
  };

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
    this.showSelection();
    const copies = id === null ? undefined : this.copies.get(id);
    if (!copies?.length || !reveal) return;
    this.userMove = false;
    // No animation: the selection shows at once in the next frame (an animated focus drew the
    // item only once the moving window reached it), and stepping through events with the
    // keyboard is not held up by it. With lanes, the first lane's copy is scrolled to.
    this.timeline.focus(copies, { zoom: false, animation: false });
  }

  highlight(ids: readonly string[]): void {
    const next = new Set(ids);
    const changed = [...new Set([...this.highlighted, ...next])].filter(
      (id) => this.highlighted.has(id) !== next.has(id),
    );
    this.highlighted = next;
    this.restyle(changed);
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

  /** Marks a playback's playhead with a line (issue 14); null removes it. */
  showPlayhead(ms: number | null): void {
    if (ms === null) {
      if (this.playheadShown) this.timeline.removeCustomTime(PLAYHEAD_ID);
      this.playheadShown = false;
    } else if (!this.playheadShown) {
      this.timeline.addCustomTime(ms, PLAYHEAD_ID);
      this.timeline.setCustomTimeTitle('Playhead', PLAYHEAD_ID);
      this.playheadShown = true;
    } else this.timeline.setCustomTime(ms, PLAYHEAD_ID);
  }

  /** Draws the dataset's eras as labelled bands behind the events (once per dataset). */
  setEras(eras: readonly EraBand[]): void {
    if (eras.length === 0) return;
    changeItemsWithoutDrawing(this.timeline, () => this.items.update([...eras]));
  }

  destroy(): void {
    clearTimeout(this.roveTimer);
    this.container.removeEventListener('wheel', this.onWheel, { capture: true });
    this.container.removeEventListener('click', this.onLaneClick);
    this.container.removeEventListener('keydown', this.onLaneKey);
    this.container.removeEventListener('focusin', this.onLaneFocus);
    this.stack.destroy();
    this.band.destroy();
    destroyLater(this.timeline, this.container);
  }
}
