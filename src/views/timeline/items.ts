// How an event becomes a vis-timeline item. An exact event is a sharp box at its time (or a
// sharp-edged range when it lasts longer than a day). An approximate event is a soft box at the
// middle of its uncertain span with a fading bar under it as wide as that span (CSS draws the
// bar from `--dl-span`, in ms, and the timeline's `--dl-px-per-ms`), so its label stays readable
// and it stacks by its label while its whole uncertainty is still shown.
import type { DatelineEvent } from '../../model/dataset';

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

export function itemClassName(e: DatelineEvent, highlighted: boolean): string {
  const certainty = e.time.approximate ? 'dl-approx' : 'dl-exact';
  const hl = highlighted ? ' dl-highlight' : '';
  return `dl-item ${certainty} dl-status-${e.status} dl-type-${e.type}${hl}`;
}

export function toItem(e: DatelineEvent, highlighted = false): EventItem {
  const className = itemClassName(e, highlighted);
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
  if (spanMs <= DAY) return { id: e.id, type: 'box', start: middle, className, label: e.title };
  return {
    id: e.id,
    type: 'range',
    start: e.earliest,
    end: e.latest + 1,
    className,
    label: e.title,
  };
}

/**
 * The first window: the data's span with a margin (wide enough on the right for the labels of
 * the last items), never narrower than three days.
 */
export function fitWindow(span: { earliest: number; latest: number }): {
  start: number;
  end: number;
} {
  const width = Math.max(span.latest - span.earliest, 3 * DAY);
  const mid = (span.earliest + span.latest) / 2;
  const half = (width * 1.2) / 2;
  return { start: mid - half, end: mid + half + width * 0.15 };
}
