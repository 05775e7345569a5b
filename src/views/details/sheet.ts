// How much of the screen the details panel covers when it is a bottom sheet (on a phone, with an
// event open: details.css and app.css make it fixed to the bottom). Other views take this as a
// number (the map keeps a revealed place above it) and never look at the panel themselves.

/** Pixels of the screen's bottom the panel covers: 0 unless it is open as a fixed sheet. */
export function sheetCover(panel: HTMLElement | null): number {
  if (!panel?.classList.contains('dl-details-open')) return 0;
  if (getComputedStyle(panel).position !== 'fixed') return 0;
  return Math.max(0, window.innerHeight - panel.getBoundingClientRect().top);
}
