// Fetches and converts one world-atlas outline file off the page's thread: at 10m that is
// ~270 ms of parsing and converting (545k points) that would otherwise freeze the page on the
// first zoom into a place. The result is transferred, not copied.
import type { GeometryCollection, Topology } from 'topojson-specification';
import { buffersOf, toOutlineParts, type OutlinePart } from './countries';

export type BasemapReply = { ok: true; parts: OutlinePart[] } | { ok: false; message: string };

self.onmessage = async (e: MessageEvent<{ url: string }>) => {
  const post = (reply: BasemapReply, transfer: ArrayBuffer[] = []) =>
    self.postMessage(reply, { transfer });
  try {
    const res = await fetch(e.data.url);
    if (!res.ok) throw new Error(`basemap ${e.data.url}: HTTP ${res.status}`);
    const topology = (await res.json()) as Topology<{ countries: GeometryCollection }>;
    const parts = toOutlineParts(topology);
    post({ ok: true, parts }, buffersOf(parts));
  } catch (err) {
    post({ ok: false, message: err instanceof Error ? err.message : String(err) });
  }
};
