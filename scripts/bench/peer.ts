// The clustered canvas peer page (./peer/: Leaflet circle markers on a canvas, clustered by
// supercluster, a canvas histogram for the timeline, Array.filter for the filters) measured in the
// same run as Dateline, on the same Dateline JSON file, with the same clicks: load → interactive,
// the actor filter (tick and untick among the busiest eight actors, as ./samplers.ts does) and a
// 2 s pan of the map. Issue 15 asks for Dateline's ratio against it beside the targets. The page
// times itself (see peer/peer.js); this drives it and reads the figures.
import type { Browser, Page } from '@playwright/test';
import { CLICK, PAN_MS, VIEWPORT } from './config';
import { frameGaps, stats, type PanResult, type SizeResult, type Stats } from './report';
import { log, message, round, sleep, within } from './util';

declare global {
  interface Window {
    peer?: { interactiveAt: number | null; samples: number[]; frames: number[] | null };
  }
}

export interface PeerResult {
  events: number;
  file: string;
  interactiveMs: Stats | null;
  heapMB: number | null;
  actorFilter: Stats | null;
  mapPan: PanResult | null;
  errors: string[];
}

async function open(browser: Browser, origin: string, file: string, timeoutMs: number) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(`${origin}/peer/?data=${encodeURIComponent(`/bench/${file}`)}`);
  await page.waitForFunction(() => window.peer?.interactiveAt != null, null, {
    timeout: timeoutMs,
    polling: 250,
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  return {
    context,
    page,
    interactiveMs: round((await page.evaluate(() => window.peer!.interactiveAt))!),
    heapMB: round(heap.usedSize / 2 ** 20),
  };
}

async function panMap(page: Page): Promise<PanResult> {
  const box = (await page.locator('#map').boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.evaluate(() => (window.peer!.frames = []));
  await page.mouse.down();
  const t0 = Date.now();
  let moves = 0;
  for (let t = 0; t < PAN_MS; t = Date.now() - t0) {
    const s = t / 1000;
    await page.mouse.move(
      x + 150 * Math.sin(2 * Math.PI * s),
      y + 100 * (1 - Math.cos(2 * Math.PI * s)),
    );
    moves++;
    await sleep(16);
  }
  await page.mouse.up();
  const frames = await page.evaluate(() => {
    const f = window.peer!.frames ?? [];
    window.peer!.frames = null;
    return f;
  });
  return {
    ...frameGaps(frames),
    pointerMoves: moves,
  };
}

export async function benchPeer(
  browser: Browser,
  origin: string,
  n: number,
  file: string,
  { runs, samples, timeoutMs }: { runs: number; samples: number; timeoutMs: number },
): Promise<PeerResult> {
  log(`\nthe clustered canvas peer page, ${n.toLocaleString('en')} events (${file})`);
  const loads: number[] = [];
  const heaps: number[] = [];
  const filter: number[] = [];
  let mapPan: PanResult | null = null;
  const errors: string[] = [];
  for (let i = 0; i < runs; i++) {
    let opened: Awaited<ReturnType<typeof open>> | null = null;
    try {
      opened = await open(browser, origin, file, timeoutMs);
      loads.push(opened.interactiveMs);
      heaps.push(opened.heapMB);
      log(
        `  load ${i + 1}/${runs}: interactive at ${opened.interactiveMs} ms, heap ${opened.heapMB} MB`,
      );
      const { page } = opened;
      if (i === 0) {
        // The same clicks as Dateline's actor filter: tick a0, tick a1, untick a0, tick a2 …
        const boxes = page.locator('#actors input');
        for (let k = 0; k < samples; k++) {
          const j = k === 0 ? 0 : k % 2 ? (k + 1) / 2 : k / 2 - 1;
          const before = await page.evaluate(() => window.peer!.samples.length);
          await boxes.nth(j % 8).click(CLICK);
          await page.waitForFunction((b) => window.peer!.samples.length > b, before);
        }
        filter.push(...(await page.evaluate(() => window.peer!.samples)));
        await sleep(500);
        mapPan = await within(panMap(page), PAN_MS + 60_000, 'the peer map pan');
      }
    } catch (err) {
      errors.push(message(err));
    } finally {
      await opened?.context.close().catch(() => undefined);
    }
  }
  const ls = stats(loads);
  return {
    events: n,
    file,
    interactiveMs: ls,
    heapMB: stats(heaps)?.median ?? null,
    actorFilter: stats(filter),
    mapPan,
    errors,
  };
}

/** Dateline's figure over the peer page's, for what both measured (below 1: Dateline is faster). */
export function peerRatios(
  dateline: SizeResult | undefined,
  peer: PeerResult,
): Array<{ what: string; dateline: number | null; peer: number | null; ratio: number | null }> {
  const mapPan = dateline?.pan?.map;
  const rows = [
    {
      what: 'load → interactive, median ms',
      dateline: dateline?.load?.interactiveMs?.median ?? null,
      peer: peer.interactiveMs?.median ?? null,
    },
    {
      what: 'actor filter p95, ms',
      dateline: dateline?.filters?.actor?.stats?.p95 ?? null,
      peer: peer.actorFilter?.p95 ?? null,
    },
    {
      what: 'map pan p95 frame, ms',
      dateline: mapPan && !('error' in mapPan) ? mapPan.p95FrameMs : null,
      peer: peer.mapPan?.p95FrameMs ?? null,
    },
    { what: 'JS heap after load, MB', dateline: dateline?.load?.heapMB ?? null, peer: peer.heapMB },
  ];
  return rows.map((r) => ({
    ...r,
    ratio: r.dateline !== null && r.peer ? round(r.dateline / r.peer, 2) : null,
  }));
}

export function printPeer(peer: PeerResult, ratios: ReturnType<typeof peerRatios>): void {
  log(
    `\nDateline against the clustered canvas peer page, ${peer.events.toLocaleString('en')} events (ratio below 1: Dateline is faster or smaller):`,
  );
  for (const r of ratios)
    log(
      `  ${r.what.padEnd(32)} Dateline ${String(r.dateline ?? '–').padStart(8)}   peer ${String(r.peer ?? '–').padStart(8)}   ratio ${r.ratio ?? '–'}`,
    );
  for (const e of peer.errors) log(`  ! peer: ${e}`);
}
