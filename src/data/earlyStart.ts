// Starts loading a dataset linked with ?data= while the app's code loads (./earlyData.ts): the
// import worker, which downloads and reads the file, when the build says where it is; else only
// the download, which the app takes. Not a module of the app: scripts/vite-plugin-early-data.ts
// builds it into an inline script in index.html, so it runs as the page is parsed. It downloads
// only what the app itself would (../url/dataRef.ts). Nothing from the link is ever written into
// the page.
import { dataDownloadUrl } from '../url/dataRef';
import { fileNameOf } from './datasetUrl';
import { IMPORT_WORKER_META, workerNameFor, type EarlyImport } from './earlyData';
import type { FetchRequest, ImportReply } from './importProtocol';

/**
 * The import worker, asked to download and read `href` as the app's first load would (a link
 * with its own column mapping is left to the app, which sends it).
 */
function startWorker(href: string, params: URLSearchParams): EarlyImport | null {
  const file = document
    .querySelector(`meta[name="${IMPORT_WORKER_META}"]`)
    ?.getAttribute('content');
  if (!file || params.has('cols') || typeof Worker === 'undefined') return null;
  const request: FetchRequest = {
    type: 'fetch',
    href,
    name: fileNameOf(href),
    baseUrl: new URL('./', location.href).href,
    ask: 'unsure',
  };
  const worker = new Worker(new URL(file, document.baseURI), {
    type: 'module',
    name: workerNameFor(request),
  });
  const early: EarlyImport = { worker, replies: [] };
  // Kept until the app listens: a worker's messages to nobody are lost.
  worker.onmessage = (e: MessageEvent<ImportReply>) => early.replies.push(e.data);
  worker.onerror = (e) => {
    e.preventDefault();
    early.failure = e.message || 'the worker failed';
  };
  return early;
}

try {
  const params = new URLSearchParams(location.search);
  const value = params.get('data');
  const href = value === null ? null : dataDownloadUrl(value, document.baseURI);
  if (href !== null) {
    const worker = startWorker(href, params);
    if (worker) window.datelineEarlyData = { href, worker };
    else {
      const controller = new AbortController();
      const response = fetch(href, { signal: controller.signal });
      response.catch(() => undefined); // the app reports errors when it reads it
      window.datelineEarlyData = { href, download: { response, controller } };
    }
  }
} catch {
  // The app loads it as usual.
}
