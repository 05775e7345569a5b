// The search worker's side of the conversation (./textProtocol.ts), apart from the worker itself
// so that tests can run it in a fake one: indexes the chunks of text it is sent and answers
// queries once every event is in, in the order they come.
import { addChunk, newTextIndex, searchText } from './textIndex';
import type { TextReply, TextRequest } from './textProtocol';

export function textServer(reply: (r: TextReply) => void): (m: TextRequest) => void {
  const index = newTextIndex();
  let expected = Infinity;
  let added = 0;
  let startedAt = 0;
  const waiting: Array<{ id: number; q: string }> = [];
  const answer = (id: number, q: string) =>
    reply({ type: 'hits', id, q, hits: searchText(index, q) });

  return (m) => {
    if (m.type === 'search') {
      if (added < expected) waiting.push(m);
      else answer(m.id, m.q);
      return;
    }
    if (m.type === 'start') {
      expected = m.events;
      startedAt = performance.now();
    } else added += addChunk(index, m);
    if (added >= expected && startedAt !== 0) {
      // Sorting the words is part of the build, not of the first query.
      index.prepare();
      reply({ type: 'built', ms: performance.now() - startedAt });
      startedAt = 0;
      for (const w of waiting.splice(0)) answer(w.id, w.q);
    }
  };
}
