// Very long text from a file (a 30 MB notes cell) is kept whole in the data and in exports, but
// the page shows and searches only its start: laying out, marking and indexing 30 million
// characters took the page 15–30 s per click. Where text is cut, the page says so.

/** The most characters of one field the details show (a 20,000-character summary is whole). */
export const SHOWN_CHARS = 50_000;
/** The most characters of one field the text search reads. */
export const INDEXED_CHARS = 200_000;

/** The first `max` characters of `text`, ended at a space when there is one near the cut. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const space = text.lastIndexOf(' ', max);
  return text.slice(0, space > max - 200 ? space : max);
}

/** "1,234,567": a count of characters for people. */
export function characters(n: number): string {
  return `${n.toLocaleString('en-US')} characters`;
}

/**
 * The most characters of a title the views show: the timeline's label, the list's row, the map's
 * chooser and marker name, the details' heading, the announcer. A title of millions of
 * characters would otherwise be laid out (and measured by vis-timeline) on every redraw.
 */
export const SHOWN_TITLE_CHARS = 500;

/** A title as the views show it: whole, or its start and `…` when it is longer than they show. */
export function shownTitle(title: string): string {
  return title.length <= SHOWN_TITLE_CHARS ? title : `${cutText(title, SHOWN_TITLE_CHARS)}…`;
}
