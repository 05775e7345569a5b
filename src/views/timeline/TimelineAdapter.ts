// Owns one vis-timeline instance: created once, fed by diffing, destroyed on cleanup.
// The React component only forwards store changes here; nothing here knows about React.
import moment from 'moment';
import { DataSet } from 'vis-data/peer';
import { Timeline, type TimelineOptions } from 'vis-timeline/peer';
import type { DatelineEvent } from '../../model/dataset';
import { fitWindow, itemClassName, toItem, type EventItem } from './items';

export interface TimelineCallbacks {
  /** The user picked an item (or clicked empty space: null). Never called for our own changes. */
  onSelect: (id: string | null) => void;
  onHover: (ids: readonly string[]) => void;
  /** The window settled after a move (by the user or by us); ms since epoch. */
  onWindow: (window: { start: number; end: number }, byUser: boolean) => void;
}

const HOUR = 60 * 60 * 1000;
const DATE_FILTER_ITEM = 'dl-date-filter';

interface RangeShade {
  id: typeof DATE_FILTER_ITEM;
  type: 'background';
  start: number;
  end: number;
  className: string;
}

function renderLabel(item: EventItem | RangeShade | undefined): HTMLElement {
  const span = document.createElement('span');
  if (item?.type === 'background') return span;
  span.className = 'dl-item-label';
  if (item) {
    span.textContent = item.label; // text, never markup
    span.dataset.eventId = item.id;
  }
  return span;
}

export class TimelineAdapter {
  private readonly timeline: Timeline;
  // One DataSet for vis-timeline: the events, plus at most one background item for the date filter.
  private readonly items = new DataSet<EventItem | RangeShade, 'id'>();
  private events = new Map<string, DatelineEvent>();
  private highlighted = new Set<string>();
  private selectedId: string | null = null;
  private fitted = false;
  /**
   * Set while a move the user asked for through the app's own controls (zoom and pan buttons,
   * keys, "Fit all") runs: vis-timeline reports those as not by the user.
   */
  private userMove = false;

  constructor(container: HTMLElement, callbacks: TimelineCallbacks) {
    const options: TimelineOptions = {
      // Draw in UTC: the dataset's dates mean the same in every browser's time zone.
      moment: (date: moment.MomentInput) => moment(date).utc(),
      height: '100%',
      stack: true,
      selectable: true,
      multiselect: false,
      showCurrentTime: false,
      orientation: { axis: 'bottom', item: 'bottom' },
      margin: { item: { horizontal: 6, vertical: 6 }, axis: 8 },
      verticalScroll: true,
      zoomMin: HOUR,
      zoomMax: 200 * 365 * 24 * HOUR,
      showTooltips: false,
      template: (item?: EventItem | RangeShade) => renderLabel(item),
    };
    this.timeline = new Timeline(container, this.items as never, options);
    this.timeline.on('select', (props?: { items: Array<string | number> }) => {
      const id = props?.items[0];
      callbacks.onSelect(id === undefined ? null : String(id));
    });
    this.timeline.on('itemover', (props?: { item: string | number }) => {
      if (props?.item !== undefined) callbacks.onHover([String(props.item)]);
    });
    this.timeline.on('itemout', () => callbacks.onHover([]));
    // Keeps the scale CSS needs to draw approximate spans in pixels; one style write per frame.
    const setScale = () => {
      const { start, end } = this.getWindow();
      container.style.setProperty(
        '--dl-px-per-ms',
        String(container.clientWidth / Math.max(1, end - start)),
      );
    };
    this.timeline.on('rangechange', setScale);
    this.timeline.on('rangechanged', (props?: { byUser?: boolean }) => {
      const byUser = props?.byUser === true || this.userMove;
      this.userMove = false;
      callbacks.onWindow(this.getWindow(), byUser);
    });
    this.timeline.on('changed', setScale);
    setScale();
  }

  /** Shows exactly these events, changing only what differs, in one batch. */
  setEvents(events: readonly DatelineEvent[]): void {
    const next = new Map(events.map((e) => [e.id, e]));
    const removed: string[] = [];
    for (const [id, old] of this.events) {
      const now = next.get(id);
      if (now !== old) removed.push(id);
    }
    const added: EventItem[] = [];
    for (const e of events) {
      if (this.events.get(e.id) !== e) added.push(toItem(e, this.highlighted.has(e.id)));
    }
    this.events = next;
    if (removed.length) this.items.remove(removed);
    if (added.length) this.items.add(added);
    if (!this.fitted && events.length) this.fit();
    // vis-timeline forgets the selection of an item it no longer has: when the selected event
    // comes back (the filters that hid it were cleared), select it again and bring it into view.
    const selected = this.selectedId;
    if (selected !== null && added.some((item) => item.id === selected))
      this.select(selected, true);
  }

  /** Shows a window given from outside (a link, Back); it then counts as placed, not fitted. */
  setWindow(w: { start: number; end: number }): void {
    this.userMove = false;
    this.timeline.setWindow(w.start, w.end, { animation: false });
    this.fitted = true;
  }

  /** Shades the date filter's range behind the items, or removes the shading. */
  setDateRange(range: { start: number; end: number } | null): void {
    if (!range) {
      this.items.remove(DATE_FILTER_ITEM);
      return;
    }
    this.items.update({
      id: DATE_FILTER_ITEM,
      type: 'background',
      start: range.start,
      end: range.end,
      className: 'dl-date-range',
    });
  }

  /** Sets the window to the span of the events shown; `byUser` when the user asked for it. */
  fit(byUser = false): void {
    let earliest = Infinity;
    let latest = -Infinity;
    for (const e of this.events.values()) {
      earliest = Math.min(earliest, e.earliest);
      latest = Math.max(latest, e.latest);
    }
    if (!Number.isFinite(earliest)) return;
    const w = fitWindow({ earliest, latest });
    this.userMove = byUser;
    this.timeline.setWindow(w.start, w.end, { animation: false });
    this.fitted = true;
  }

  /**
   * Selects the item; with `reveal`, brings it into view: vis-timeline's focus centres it in
   * time and scrolls the item stack to it, keeping the zoom.
   */
  select(id: string | null, reveal: boolean): void {
    this.selectedId = id;
    this.timeline.setSelection(id === null || !this.events.has(id) ? [] : [id]);
    if (id === null || !reveal || !this.events.has(id)) return;
    this.userMove = false;
    this.timeline.focus(id, {
      zoom: false,
      animation: { duration: 300, easingFunction: 'easeInOutQuad' },
    });
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
    if (changed.length) this.items.update(changed);
  }

  getWindow(): { start: number; end: number } {
    const w = this.timeline.getWindow();
    return { start: w.start.getTime(), end: w.end.getTime() };
  }

  /** Zooms by a factor around the centre (keyboard and button zoom: a move by the user). */
  zoom(factor: number): void {
    this.userMove = true;
    const { start, end } = this.getWindow();
    const mid = (start + end) / 2;
    const half = ((end - start) * factor) / 2;
    this.timeline.setWindow(mid - half, mid + half, {
      animation: { duration: 200, easingFunction: 'easeInOutQuad' },
    });
  }

  /** Moves the window by a share of its width (keyboard pan: a move by the user). */
  pan(share: number): void {
    this.userMove = true;
    const { start, end } = this.getWindow();
    const d = (end - start) * share;
    this.timeline.setWindow(start + d, end + d, {
      animation: { duration: 200, easingFunction: 'easeInOutQuad' },
    });
  }

  destroy(): void {
    this.timeline.destroy();
  }
}
