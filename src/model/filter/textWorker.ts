// The text index off the main thread, for textClient.ts: building it at 100k events would hold up
// the page for most of a second. What it does is in ./textServer.ts.
import type { TextRequest } from './textProtocol';
import { textServer } from './textServer';

const handle = textServer((r) => {
  if (r.type === 'hits') self.postMessage(r, { transfer: [r.hits.buffer] });
  else self.postMessage(r);
});

self.addEventListener('message', (e: MessageEvent<TextRequest>) => handle(e.data));
