// The page's writing direction, and what it changes beyond CSS: which way the arrow keys go.
// The language sets `dir` on <html>; CSS follows it through logical properties, and what runs
// along the inline axis (toolbars, the timeline's time, the density band's slices) runs right
// to left in RTL, so ArrowLeft moves forward there. Everything that reads an arrow key asks
// `inlineArrow` what the key means in the page's direction, and lists of keys show the key
// that does the thing (`arrowGlyphs`).

export type Direction = 'ltr' | 'rtl';

/** The direction of the page, from <html dir> (set with the language); LTR where there is none. */
export function pageDirection(
  doc: Document | undefined = typeof document === 'undefined' ? undefined : document,
): Direction {
  return doc?.documentElement.dir === 'rtl' ? 'rtl' : 'ltr';
}

/**
 * The key as it would be pressed left to right: in RTL ArrowLeft and ArrowRight swap (left is
 * forward: later, next, the following button); every other key is itself.
 */
export function inlineArrow(key: string, dir: Direction): string {
  if (dir === 'ltr') return key;
  if (key === 'ArrowLeft') return 'ArrowRight';
  if (key === 'ArrowRight') return 'ArrowLeft';
  return key;
}

/** A key's glyph in a list of keys: in RTL, ← and → swap, as the keys do. */
export function arrowGlyphs(text: string, dir: Direction): string {
  if (dir === 'ltr') return text;
  return text.replace(/[←→]/g, (c) => (c === '←' ? '→' : '←'));
}

/** Calls `listener` when <html dir> changes (the reader chose another language). */
export function onDirectionChange(listener: () => void, doc: Document = document): () => void {
  if (typeof MutationObserver === 'undefined') return () => {};
  const observer = new MutationObserver(listener);
  observer.observe(doc.documentElement, { attributes: true, attributeFilter: ['dir'] });
  return function stop() {
    observer.disconnect();
  };
}
