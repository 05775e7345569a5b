// The benchmark's fixed settings: where it writes, the page size, and how long a step may take
// and how long the views must stay unchanged to count as settled. The command-line options
// (sizes, runs, samples) are read in ./main.ts.
import { join } from 'node:path';

export const SEED = 1;
export const VIEWPORT = { width: 1440, height: 900 };
export const RESULTS = 'bench-results';
/** The build served; `DATELINE_BENCH_DIST` serves another (two versions compared on one machine). */
export const DIST = process.env.DATELINE_BENCH_DIST ?? join(RESULTS, 'dist');
export const DATA = join(RESULTS, 'data');

/** One interaction sample may take this long before it counts as failed. */
export const STEP_TIMEOUT_MS = 60_000;
/** A whole phase of interactions (one series) may take this long. */
export const PHASE_TIMEOUT_MS = 8 * 60_000;
/** The views count as settled after this long without a change. */
export const QUIET_MS = 400;
/** How long each pan drags. */
export const PAN_MS = 2000;
/** Playwright's actions wait for the page to take the input: as long as a step may take. */
export const ACT = { timeout: STEP_TIMEOUT_MS };
/**
 * A measured click holds the button as a person does rather than releasing it a fraction of a
 * millisecond after pressing: the figures count from the release, and what the page does on the
 * press (hammer.js, Leaflet, the app's own listeners) then happens while the button is down, as
 * it does for a person, instead of delaying the release's handling and being counted in it.
 */
export const CLICK = { ...ACT, delay: 60 };
