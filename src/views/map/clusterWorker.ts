// The place index off the main thread, for placeIndex.ts: builds it from the points it is sent
// and answers questions about it, in the order they come (so a question after a load is
// answered by the new index).
import { PlaceClusters } from './clusters';
import { answer, type IndexReply, type IndexRequest } from './indexProtocol';

let clusters: PlaceClusters | null = null;

function reply(r: IndexReply): void {
  self.postMessage(r);
}

self.addEventListener('message', (e: MessageEvent<IndexRequest>) => {
  const m = e.data;
  if (m.type === 'load') {
    const start = performance.now();
    clusters = new PlaceClusters(m.points, m.maxZoom, m.generation);
    reply({ type: 'built', generation: m.generation, ms: performance.now() - start });
    return;
  }
  const result = clusters ? answer(clusters, m) : m.type === 'expansionZoom' ? null : [];
  reply({ type: 'answer', id: m.id, result });
});
