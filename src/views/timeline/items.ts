// How an event becomes a vis-timeline item. An exact event is a sharp box at its time (or a
// sharp-edged range when it lasts longer than a day). An approximate event is a soft box at the
// middle of its uncertain span with a fading bar under it as wide as that span (CSS draws the
// bar from `--dl-span`, in ms, and the timeline's `--dl-px-per-ms`), so its label stays readable
// and it stacks by its label while its whole uncertainty is still shown. An exact event of a
// single year is a box too. An event beyond what
// the timeline can draw (deepTime.ts) is a box at the edge, with its true date in its label.
import type { DatelineEvent } from '../../model/dataset';
import { resolvedTime } from '../../model/describe';
import { beyondAt, clampDraw, DRAW_MAX, DRAW_MIN, isBeyondDrawing } from './deepTime';

export interface EventItem {
  id: string;
  type: 'box' | 'range';
  start: number;
  end?: number;
  className: string;
  style?: string;
  /** Text for the label; the template writes it as text, never as HTML. */
  label: string;
}

const DAY = 24 * 60 * 60 * 1000;
const YEAR = 365.2425 * DAY;

export function itemClassName(e: DatelineEvent, highlighted: boolean): string {
  const certainty = e.time.approximate ? 'dl-approx' : 'dl-exact';
  const hl = highlighted ? ' dl-highlight' : '';
  return `dl-item ${certainty} dl-status-${e.status} dl-type-${e.type}${hl}`;
}

export function toItem(e: DatelineEvent, highlighted = false): EventItem {
  const className = itemClassName(e, highlighted);
  if (isBeyondDrawing(e)) {
    return {
      id: e.id,
      type: 'box',
      start: beyondAt(e),
      className: `${className} dl-beyond`,
      label: `${e.earliest < DRAW_MIN ? '◂ ' : ''}${e.title} · ${resolvedTime(e)}${e.earliest > DRAW_MAX ? ' ▸' : ''}`,
    };
  }
  const spanMs = e.latest + 1 - e.earliest;
  const middle = e.earliest + spanMs / 2;
  if (e.time.approximate) {
    return {
      id: e.id,
      type: 'box',
      start: middle,
      className,
      style: `--dl-span: ${spanMs}`,
      label: e.title,
    };
  }
  // A single year is a point in time at that precision: as a range it is a sliver, with its
  // label cut, at the scales where years are the unit (centuries, millennia).
  const point = spanMs <= DAY || (e.time.end === undefined && e.time.precision === 'year');
  if (point) return { id: e.id, type: 'box', start: middle, className, label: e.title };
  return {
    id: e.id,
    type: 'range',
    start: clampDraw(e.earliest),
    end: clampDraw(e.latest + 1),
    className,
    label: e.title,
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
