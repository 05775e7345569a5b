// The text index off the main thread, for textClient.ts: indexes the chunks of text it is sent
// (building it takes ~4 s at 100k events) and answers queries once every event is in, in the
// order they come.
import { addChunk, newTextIndex, searchText } from './textIndex';
import type { TextReply, TextRequest } from './textProtocol';

const index = newTextIndex();
let expected = Infinity;
let added = 0;
let startedAt = 0;
const waiting: Array<{ id: number; q: string }> = [];

function reply(r: TextReply): void {
  if (r.type === 'hits') self.postMessage(r, { transfer: [r.hits.buffer] });
  else self.postMessage(r);
}

function answer(id: number, q: string): void {
  reply({ type: 'hits', id, q, hits: searchText(index, q) });
}

self.addEventListener('message', (e: MessageEvent<TextRequest>) => {
  const m = e.data;
  if (m.type === 'start') {
    expected = m.events;
    startedAt = performance.now();
  } else if (m.type === 'docs') {
    added += addChunk(index, m);
  } else if (added < expected) {
    waiting.push(m);
    return;
  } else {
    answer(m.id, m.q);
    return;
  }
  if (added >= expected && startedAt !== 0) {
    reply({ type: 'built', ms: performance.now() - startedAt });
    startedAt = 0;
    for (const w of waiting.splice(0)) answer(w.id, w.q);
  }
});
