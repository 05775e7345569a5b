// Whether this is the standalone page's build (`vite build --mode standalone`, made by
// scripts/standalone.ts): one HTML file that opens from file:// and fetches nothing. Vite writes
// the mode into the code, so what the standalone page leaves out is left out of its file.

export const STANDALONE: boolean = import.meta.env.MODE === 'standalone';

/**
 * Whether workers can be started from the app's own files. The standalone page has no other
 * file: its text search, map clusters and basemap run on the page.
 */
export const WORKER_FILES: boolean = !STANDALONE;
