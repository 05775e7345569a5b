// How much a link carries at most: the parser drops or cuts what is beyond, the builder never
// writes it, and index.html's early download (./dataRef.ts) reads no longer ?data=.

/** Longest value read at all; anything longer is dropped whole. */
export const MAX_VALUE_LENGTH = 2000;
/** Longest search text kept; longer text is cut. */
export const MAX_Q_LENGTH = 200;
export const MIN_WINDOW_MS = 60_000;
/** 500,000 Gregorian years: all the timeline can draw (views/timeline/deepTime.ts). */
export const MAX_WINDOW_MS = 500_000 * 365.2425 * 86_400_000;
export const MAX_ZOOM = 20;
