// A dataset linked with ?data= starts downloading before the app's code has loaded: a small
// script in index.html fetches it as the page is parsed (at 100k events, 42 MB took ~400 ms to
// arrive, most of it while the app's code was still loading). The app's download takes that
// response instead of asking again, if it is for the same URL; otherwise it is dropped.

/** What index.html leaves on `window` when it starts downloading the link's dataset. */
export interface EarlyData {
  /** The absolute URL being fetched. */
  href: string;
  response: Promise<Response>;
  controller: AbortController;
}

declare global {
  interface Window {
    datelineEarlyData?: EarlyData;
  }
}

function absolute(url: string): string | null {
  try {
    return new URL(url, document.baseURI).href;
  } catch {
    return null;
  }
}

/**
 * The response already on its way for this URL, once: a later call (a reload of the same link
 * within the app) fetches afresh. Aborting `signal` aborts it.
 */
export function takeEarlyResponse(url: string, signal: AbortSignal): Promise<Response> | null {
  const early = globalThis.window?.datelineEarlyData;
  if (!early || early.href !== absolute(url)) return null;
  delete window.datelineEarlyData;
  if (signal.aborted) early.controller.abort();
  else signal.addEventListener('abort', () => early.controller.abort(), { once: true });
  return early.response;
}

/** Stops a download the app will not use (the link's data was refused, or is something else). */
export function dropEarlyData(): void {
  const early = globalThis.window?.datelineEarlyData;
  if (!early) return;
  delete window.datelineEarlyData;
  early.controller.abort();
}
