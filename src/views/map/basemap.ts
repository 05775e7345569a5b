// The offline basemap: Natural Earth country outlines from the world-atlas package, served from
// this app's own origin. 50m at low zoom (it shows the Gaza Strip; 110m does not), 10m when
// zoomed in. No tile server is ever contacted.
//
// Each file is fetched and converted in a worker (basemapWorker.ts), 50m at once and 10m ahead
// of need once the page is idle. Only the outlines near the view are Leaflet layers: Leaflet
// re-projects every point of every layer on each zoom and on each jump of the view, which at 10m
// (545k points) cost ~200 ms per selection that zoomed the map to a place.
import L from 'leaflet';
import type { GeometryCollection, Topology } from 'topojson-specification';
import url50m from 'world-atlas/countries-50m.json?url';
import url10m from 'world-atlas/countries-10m.json?url';
import type { BasemapReply } from './basemapWorker';
import { meets, partLatLngs, toOutlineParts, type OutlinePart } from './countries';

/** Zoom level from which the detailed 10m outlines replace the 50m ones. */
export const DETAIL_ZOOM = 7;
/** How long after the first outlines are drawn the detailed ones are fetched, if the page is idle. */
const PRELOAD_AFTER_MS = 3000;
/** Countries this far beyond the view (a share of its size) are drawn too, ready for a pan. */
const VIEW_PADDING = 0.5;

const ATTRIBUTION =
  'Outlines: <a href="https://www.naturalearthdata.com/" target="_blank" rel="noopener noreferrer">Natural Earth</a>';

const STYLE: L.PathOptions = {
  color: '#8a8f98',
  weight: 0.8,
  fillColor: '#f4f1ea',
  fillOpacity: 1,
  interactive: false,
};

/** Fetches and converts an outline file: in a worker, or here where there is none. */
function loadOutlines(url: string): Promise<OutlinePart[]> {
  const absolute = new URL(url, document.baseURI).href;
  if (typeof Worker === 'undefined') {
    return fetch(absolute)
      .then((res) => {
        if (!res.ok) throw new Error(`basemap ${url}: HTTP ${res.status}`);
        return res.json() as Promise<Topology<{ countries: GeometryCollection }>>;
      })
      .then(toOutlineParts);
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./basemapWorker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<BasemapReply>) => {
      worker.terminate();
      if (e.data.ok) resolve(e.data.parts);
      else reject(new Error(e.data.message));
    };
    worker.onerror = (e) => {
      e.preventDefault();
      worker.terminate();
      reject(new Error(`basemap ${url}: ${e.message || 'the worker failed'}`));
    };
    worker.postMessage({ url: absolute });
  });
}

interface Outline {
  part: OutlinePart;
  /** Made on first need, kept while the map lives. */
  layer: L.Polygon | null;
  shown: boolean;
}

export class OfflineBasemap {
  private readonly renderer: L.Canvas;
  private readonly sets = new Map<string, Promise<Outline[]>>();
  /** The file whose outlines are wanted at the current zoom. */
  private wanted: string | null = null;
  /** The outlines of the file last culled for the view (some of them shown). */
  private current: Outline[] | null = null;
  /** The files whose outlines have arrived. */
  private readonly arrived = new Set<string>();
  private preload: ReturnType<typeof setTimeout> | undefined;
  private destroyed = false;

  constructor(
    private readonly map: L.Map,
    private readonly onError: (message: string) => void,
  ) {
    // Its own pane under the overlay pane, so halos and markers are always drawn above the land.
    (map.getPane('dl-basemap') ?? map.createPane('dl-basemap')).style.zIndex = '200';
    this.renderer = L.canvas({ padding: VIEW_PADDING, pane: 'dl-basemap' });
    map.attributionControl?.addAttribution(ATTRIBUTION);
    map.on('viewprereset', this.beforeJump, this);
    map.on('moveend', this.update, this);
    this.update();
  }

  /**
   * A jump (setView to another zoom, or further than a screen) is about to re-project every
   * layer for the new view, then end with a moveend that culls for that view. The outlines near
   * the old view are mostly far from the new one: without them, only those near the new view are
   * projected (when the moveend adds them back), in the same task, so nothing flickers. Selecting
   * an event that zoomed the map from the world to its place projected all of the world's 50m
   * outlines first: ~10 ms of the selection. Animated zooms fire no viewprereset and keep their
   * outlines while they animate.
   */
  private beforeJump(): void {
    if (this.current) hideAll(this.current);
  }

  private outlines(url: string): Promise<Outline[]> {
    let p = this.sets.get(url);
    if (!p) {
      p = loadOutlines(url).then((parts) =>
        parts.map((part) => ({ part, layer: null, shown: false })),
      );
      this.sets.set(url, p);
    }
    return p;
  }

  /** Shows the outlines of the current zoom near the view, and hides every other one. */
  private update(): void {
    const url = this.map.getZoom() >= DETAIL_ZOOM ? url10m : url50m;
    this.wanted = url;
    // Until the wanted file arrives, the outlines drawn so far stand in near the new view (a
    // jump put them aside): a jump into the detailed zone before the 10m file is in would
    // otherwise show no land at all for as long as it takes to arrive.
    if (!this.arrived.has(url) && this.current) this.cull(this.current);
    this.outlines(url).then(
      (outlines) => {
        this.arrived.add(url);
        if (this.destroyed || this.wanted !== url) return;
        for (const [other, set] of this.sets) if (other !== url) void set.then(hideAll);
        this.current = outlines;
        const shown = this.cull(outlines);
        const { dataset } = this.map.getContainer();
        dataset.basemap = url === url10m ? '10m' : '50m';
        dataset.basemapParts = String(shown); // how many outlines are drawn (for tests)
        this.preloadDetail();
      },
      (err: unknown) => this.onError(err instanceof Error ? err.message : String(err)),
    );
  }

  /** Adds the outlines near the view, removes the others; returns how many are shown. */
  private cull(outlines: Outline[]): number {
    let shown = 0;
    const b = this.map.getBounds().pad(VIEW_PADDING);
    const view = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()] as const;
    for (const o of outlines) {
      const near = meets(o.part, view);
      if (near) shown++;
      if (near === o.shown) continue;
      o.shown = near;
      if (!near) {
        o.layer?.remove();
        continue;
      }
      o.layer ??= L.polygon(partLatLngs(o.part), {
        ...STYLE,
        renderer: this.renderer,
        pane: 'dl-basemap',
      });
      o.layer.addTo(this.map);
    }
    return shown;
  }

  /** Fetches the detailed outlines ahead of the first zoom into a place, while the page is idle. */
  private preloadDetail(): void {
    if (this.preload !== undefined || this.sets.has(url10m)) return;
    this.preload = setTimeout(() => {
      const start = () => {
        if (!this.destroyed) void this.outlines(url10m).catch(() => undefined);
      };
      if ('requestIdleCallback' in window) requestIdleCallback(start, { timeout: 5000 });
      else start();
    }, PRELOAD_AFTER_MS);
  }

  destroy(): void {
    this.destroyed = true;
    clearTimeout(this.preload);
    this.map.off('viewprereset', this.beforeJump, this);
    this.map.off('moveend', this.update, this);
    this.map.attributionControl?.removeAttribution(ATTRIBUTION);
    for (const set of this.sets.values()) void set.then(hideAll, () => undefined);
  }
}

function hideAll(outlines: Outline[]): void {
  for (const o of outlines) {
    o.layer?.remove();
    o.shown = false;
  }
}
