// Starts downloading a dataset linked with ?data= while the app's code loads; the app takes the
// response (./earlyData.ts). Not a module of the app: scripts/vite-plugin-early-data.ts builds
// it into an inline script in index.html, so it runs as the page is parsed. It downloads only
// what the app itself would (../url/dataRef.ts). Nothing from the link is ever written into the
// page.
import { dataDownloadUrl } from '../url/dataRef';
import type { EarlyData } from './earlyData';

try {
  const value = new URLSearchParams(location.search).get('data');
  const href = value === null ? null : dataDownloadUrl(value, document.baseURI);
  if (href !== null) {
    const controller = new AbortController();
    const response = fetch(href, { signal: controller.signal });
    response.catch(() => undefined); // the app reports errors when it reads it
    const early: EarlyData = { href, response, controller };
    window.datelineEarlyData = early;
  }
} catch {
  // The app fetches it as usual.
}
