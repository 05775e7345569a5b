// Where the windowed list scrolls to show a row: not at all when the row is in view, the least
// move when it is next to the view (stepping with the arrow keys scrolls a row at a time), and
// the row in the middle when it is far away (opening a link to it, a pick on the map), so the
// rows around it are seen too. Pure, on known sizes: no layout is read to decide.

export interface ListMetrics {
  /** The list's scroll position and visible height, px. */
  scrollTop: number;
  viewport: number;
  rowHeight: number;
  rows: number;
}

/** Whether row `index` is wholly in view. */
export function rowInView(index: number, m: ListMetrics): boolean {
  const top = index * m.rowHeight;
  return top >= m.scrollTop && top + m.rowHeight <= m.scrollTop + m.viewport;
}

/** The scroll position that shows row `index` (the current one when it is in view). */
export function scrollToShow(index: number, m: ListMetrics): number {
  const { scrollTop: seen, viewport, rowHeight: row } = m;
  if (index < 0 || rowInView(index, m)) return seen;
  const top = index * row;
  const bottom = top + row;
  const max = Math.max(0, m.rows * row - viewport);
  if (viewport <= row) return Math.min(max, top);
  if (top < seen && top >= seen - row) return top;
  if (bottom > seen + viewport && bottom <= seen + viewport + row)
    return Math.min(max, bottom - viewport);
  return Math.round(Math.min(max, Math.max(0, top - (viewport - row) / 2)));
}
