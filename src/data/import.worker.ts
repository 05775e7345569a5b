// The import worker's entry: small, so that a worker index.html starts for a ?data= link
// (./earlyStart.ts) starts downloading the link's file as soon as it runs, from the request in
// its name (`fetchRequestOf`), while the importer (./workerImport.ts: the formats, the
// model, the validation; ~0.3 s to compile and run on a busy 2-core machine) loads beside it.
// Dateline JSON goes back to the page unread (the page reads it itself: ./importOnPage.ts), so a
// link to a .json file loads the importer only if the file turns out to be something else: on 2
// cores it would slow the page's own loading for nothing. Messages from the page wait for the
// importer. A failed download says why, as the page's would: it is the same code
// (./download.ts). Cancelling terminates the worker.
import { isDatelineJson } from './datelineJsonHead';
import { download } from './download';
import { fetchRequestOf } from './earlyData';
import type { ImportRequest, MappingRequest } from './importProtocol';
import { post, postError } from './workerReply';

/** How often a download's progress is posted: enough for the page's bar. */
const DOWNLOAD_PROGRESS_MS = 50;

let loading: Promise<typeof import('./workerImport')> | undefined;
function importer() {
  loading ??= import('./workerImport').catch((err: unknown) => {
    throw new Error(
      `the importer did not load (${err instanceof Error ? err.message : String(err)})`,
    );
  });
  return loading;
}

const waiting: Array<ImportRequest | MappingRequest> = [];
self.onmessage = (e: MessageEvent<ImportRequest | MappingRequest>) => {
  waiting.push(e.data);
  if (waiting.length > 1) return;
  importer().then(({ hear }) => {
    self.onmessage = (later: MessageEvent<ImportRequest | MappingRequest>) => hear(later.data);
    for (const message of waiting.splice(0)) hear(message);
  }, postError);
};

const early = fetchRequestOf(self.name);
if (early) {
  if (!/\.json$/i.test(early.name)) void importer().catch(() => undefined);
  let posted = 0;
  download(
    early.href,
    early.name,
    ({ done, total }) => {
      const now = performance.now();
      if (now - posted < DOWNLOAD_PROGRESS_MS) return;
      posted = now;
      post({ type: 'progress', phase: 'download', done, total });
    },
    new AbortController().signal,
  )
    .then(async (buffer) => {
      const source = { kind: 'buffer' as const, buffer, name: early.name, url: early.href };
      if (await isDatelineJson(source)) post({ type: 'source', source }, [buffer]);
      else await (await importer()).importFetched(early, buffer);
    })
    .catch(postError);
}
