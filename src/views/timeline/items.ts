// How an event becomes a vis-timeline item. An exact event is a sharp box with, under it, a sharp
// bar as wide as the day (month, year) its date gives, so zoomed in it covers that whole day
// rather than a point at noon; an exact event longer than its unit is a sharp-edged range. An
// approximate event is a soft box at the middle of its uncertain span with a fading bar under it
// as wide as that span. CSS draws both bars from `--dl-span` (ms) and the timeline's
// `--dl-px-per-ms`, so a zoom writes one property, not one style per item; the label stays
// readable and the item stacks by its label. An event beyond what the timeline can draw
// (deepTime.ts) is a box at the edge, with its true date in its label.
//
// Items stack by `rank` (items.ts's order, given to vis-timeline): exact occurred events sit
// nearest the axis, then exact scheduled ones, then approximate ones by how narrow their span
// is, so the surest events are the ones in sight when the stack is taller than the panel.
import type { DatelineEvent } from '../../model/dataset';
import { resolvedTime } from '../../model/describe';
import { beyondAt, clampDraw, DRAW_MAX, DRAW_MIN, isBeyondDrawing } from './deepTime';
import { shownTitle } from '../../model/longText';
import { pageDirection } from '../../ui/direction';

export interface EventItem {
  id: string;
  type: 'box' | 'range';
  start: number;
  end?: number;
  className: string;
  style?: string;
  /** Text for the label; the template writes it as text, never as HTML. */
  label: string;
  /** Stacking priority: lower sits nearer the axis (see `stackOrder`). */
  rank: number;
  /** The span of time the event may cover, ms: ties in rank stack the narrower first. */
  spanMs: number;
  /** Whether the template draws the bar of the span under the box. */
  bar: boolean;
}

const DAY = 24 * 60 * 60 * 1000;
const YEAR = 365.2425 * DAY;

const HOUR = 60 * 60 * 1000;

/** Whether an event is still to come: scheduled or expected. */
function isFuture(e: DatelineEvent): boolean {
  return e.status === 'scheduled' || e.status === 'expected';
}

/** Stacking rank: exact before approximate, occurred before scheduled or expected. */
export function itemRank(e: DatelineEvent): number {
  return (e.time.approximate ? 2 : 0) + (isFuture(e) ? 1 : 0);
}

/** What `stackOrder` reads of an item; vis-timeline hands it with `start` made a Date. */
interface Stackable {
  rank?: number;
  spanMs?: number;
  start: number | Date;
}

/**
 * vis-timeline's `order`: by rank, then the narrower span, then time. Items that are not
 * events (the date filter's shade, eras) have no rank and come last; vis stacks no background.
 */
export function stackOrder(a: Stackable, b: Stackable): number {
  const rank = (a.rank ?? 9) - (b.rank ?? 9);
  const span = (a.spanMs ?? 0) - (b.spanMs ?? 0);
  return rank || span || Number(a.start) - Number(b.start);
}

export function itemClassName(e: DatelineEvent, highlighted: boolean): string {
  const certainty = e.time.approximate ? 'dl-approx' : 'dl-exact';
  const hl = highlighted ? ' dl-highlight' : '';
  return `dl-item ${certainty} dl-status-${e.status} dl-type-${e.type}${hl}`;
}

export function toItem(e: DatelineEvent, highlighted = false): EventItem {
  const className = itemClassName(e, highlighted);
  const rank = itemRank(e);
  const spanMs = e.latest + 1 - e.earliest;
  if (isBeyondDrawing(e)) {
    // The mark points to the edge the event lies beyond: earlier is to the right in RTL.
    const rtl = pageDirection() === 'rtl';
    const [EARLIER, LATER] = rtl ? ['▸', '◂'] : ['◂', '▸'];
    return {
      id: e.id,
      type: 'box',
      start: beyondAt(e),
      className: `${className} dl-beyond`,
      label: `${e.earliest < DRAW_MIN ? `${EARLIER} ` : ''}${shownTitle(e.title)} · ${resolvedTime(e)}${e.earliest > DRAW_MAX ? ` ${LATER}` : ''}`,
      rank,
      spanMs,
      bar: false,
    };
  }
  const middle = e.earliest + spanMs / 2;
  const box = (bar: boolean): EventItem => ({
    id: e.id,
    type: 'box',
    start: middle,
    className,
    ...(bar && { style: `--dl-span: ${spanMs}` }),
    label: shownTitle(e.title),
    rank,
    spanMs,
    bar,
  });
  if (e.time.approximate) return box(true);
  // One unit of its precision (a day, a month; a single year, which as a range is a sliver with
  // its label cut at the scales where years are the unit) is a box over a bar of that unit; an
  // hour or a minute is a point.
  const unit =
    spanMs <= DAY ||
    (e.time.end === undefined && e.time.precision !== 'hour' && e.time.precision !== 'minute');
  if (unit) return box(spanMs > HOUR);
  return {
    id: e.id,
    type: 'range',
    start: clampDraw(e.earliest),
    end: clampDraw(e.latest + 1),
    className,
    label: shownTitle(e.title),
    rank,
    spanMs,
    bar: false,
  };
}

/**
 * The first window, and "Fit all": the data's span with a margin (wide enough on the right for
 * the labels of the last items), never narrower than three days, and within what the timeline
 * can draw, whatever the span (a dataset from 13.8 billion BCE shows from 250,000 BCE).
 */
export function fitWindow(span: { earliest: number; latest: number }): {
  start: number;
  end: number;
} {
  const beyond = span.earliest < DRAW_MIN || span.latest > DRAW_MAX;
  // Events beyond the drawing sit 5,000 years inside its edge: show at least 10,000 years.
  const earliest = clampDraw(span.earliest);
  const latest = clampDraw(span.latest);
  const width = Math.max(latest - earliest, beyond ? 10_000 * YEAR : 3 * DAY);
  const mid = (earliest + latest) / 2;
  const half = (width * 1.2) / 2;
  return {
    start: Math.max(DRAW_MIN, mid - half),
    end: Math.min(DRAW_MAX, mid + half + width * 0.15),
  };
}
