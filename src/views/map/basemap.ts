// The offline basemap: Natural Earth country outlines from the world-atlas package, served from
// this app's own origin. 50m at low zoom (it shows the Gaza Strip; 110m does not), 10m when
// zoomed in. No tile server is ever contacted. The coarse 110m outlines (a seventh of the 50m
// file) are fetched alongside the first file wanted and drawn while it loads, so the map is
// never an empty sea; each finer file replaces the coarser ones when it arrives.
//
// Each file is fetched and converted in a worker (basemapWorker.ts), 50m at once and 10m ahead
// of need once the page is idle. Only the outlines near the view are Leaflet layers: Leaflet
// re-projects every point of every layer on each zoom and on each jump of the view, which at 10m
// (545k points) cost ~200 ms per selection that zoomed the map to a place. The coarse files'
// parts are grouped by 30° cells, a layer each, and 10m's are a layer each: layers are shown and
// hidden one at a time, and 50m's ~1,400 parts took ~13 ms to hide for a jump to a place.
//
// Land and border colours are the theme's (--dl-map-land, --dl-map-border in styles/tokens.css;
// the sea is the container's CSS background): a canvas takes colours, not CSS variables, so they
// are read from the page when the map is made and again whenever the theme changes.
import L from 'leaflet';
import { t } from '../../i18n';
import { onThemeChange } from '../../theme/theme';
import type { GeometryCollection, Topology } from 'topojson-specification';
import url110m from 'world-atlas/countries-110m.json?url';
import url50m from 'world-atlas/countries-50m.json?url';
import url10m from 'world-atlas/countries-10m.json?url';
import type { BasemapReply } from './basemapWorker';
import {
  groupByCell,
  meets,
  partLatLngs,
  toOutlineParts,
  type OutlineGroup,
  type OutlinePart,
} from './countries';
import { EMBEDDED_OUTLINES } from './embeddedOutlines';

/**
 * The standalone page carries the 50m outlines inside it and no other file: its map draws them
 * at every zoom, and says that it holds no detailed ones.
 */
const ONLY_EMBEDDED = EMBEDDED_OUTLINES !== null;

/** The outline files, coarse to fine, and what `data-basemap` calls each (for tests). */
const LEVELS: ReadonlyArray<{ url: string; name: string }> = [
  { url: url110m, name: '110m' },
  { url: url50m, name: '50m' },
  { url: url10m, name: '10m' },
];

/** Zoom level from which the detailed 10m outlines replace the 50m ones. */
export const DETAIL_ZOOM = 7;
/** How long after the first outlines are drawn the detailed ones are fetched, if the page is idle. */
const PRELOAD_AFTER_MS = 3000;
/** Countries this far beyond the view (a share of its size) are drawn too, ready for a pan. */
const VIEW_PADDING = 0.5;
/**
 * The coarse files' parts are drawn as one layer per cell of this many degrees (./countries.ts,
 * groupByCell): 50m's ~1,400 parts are ~60 layers. The 10m file's parts stay one layer each, as
 * only those near a view zoomed in that far are drawn.
 */
const COARSE_CELL_DEG = 30;

/** The credit of the outlines, in the page's language (Leaflet takes it as HTML). */
const outlinesCredit = () =>
  `${t('map.outlines')} <a href="https://www.naturalearthdata.com/" target="_blank" rel="noopener noreferrer">Natural Earth</a>` +
  (ONLY_EMBEDDED ? ` ${t('map.outlinesStandalone')}` : '');

const STYLE: L.PathOptions = {
  weight: 0.8,
  fillOpacity: 1,
  // A layer holds the parts of a cell (several countries): with Leaflet's even-odd rule, parts
  // that overlap would cancel out. Holes (lakes, Lesotho in South Africa) still show, as their
  // rings run against their outline's in every world-atlas file.
  fillRule: 'nonzero',
  interactive: false,
};

/** The theme's land and border colours, resolved: a probe styled with the tokens, read back. */
function themeColours(container: HTMLElement): Pick<L.PathOptions, 'color' | 'fillColor'> {
  const probe = document.createElement('span');
  probe.className = 'dl-basemap-probe';
  container.append(probe);
  const style = getComputedStyle(probe);
  const colours = { color: style.color, fillColor: style.backgroundColor };
  probe.remove();
  return colours;
}

/** Fetches and converts an outline file: in a worker, or here where there is none. */
function loadOutlines(url: string): Promise<OutlinePart[]> {
  if (EMBEDDED_OUTLINES) {
    if (url !== url50m) return Promise.reject(new Error('this page holds only the 50m outlines'));
    return Promise.resolve().then(() => toOutlineParts(EMBEDDED_OUTLINES!));
  }
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

const latLng = (lat: number, lng: number) => new L.LatLng(lat, lng);

interface Outline extends OutlineGroup {
  /** Made on first need, kept while the map lives. */
  layer: L.Polygon | null;
  shown: boolean;
}

export class OfflineBasemap {
  private readonly renderer: L.Canvas;
  private readonly sets = new Map<string, Promise<Outline[]>>();
  /** The files whose outlines have arrived, and why those that failed did. */
  private readonly loaded = new Map<string, Outline[]>();
  private readonly failed = new Map<string, string>();
  /** The file whose outlines are wanted at the current zoom. */
  private wanted: string = url50m;
  /** The outlines of the file last culled for the view (some of them shown). */
  private current: Outline[] | null = null;
  private preload: ReturnType<typeof setTimeout> | undefined;
  private destroyed = false;
  private colours: Pick<L.PathOptions, 'color' | 'fillColor'>;
  private readonly stopThemeWatch: () => void;
  /** Between a jump's viewprereset and its viewreset. */
  private jumping = false;

  private readonly attribution = outlinesCredit();

  constructor(
    private readonly map: L.Map,
    private readonly onError: (message: string) => void,
  ) {
    // Its own pane under the overlay pane, so halos and markers are always drawn above the land.
    (map.getPane('dl-basemap') ?? map.createPane('dl-basemap')).style.zIndex = '200';
    this.renderer = L.canvas({ padding: VIEW_PADDING, pane: 'dl-basemap' });
    // On the map now (it would be with the first outline), so that its viewreset listener, which
    // re-projects its layers, runs before this basemap's (afterJump, which adds the new ones).
    map.addLayer(this.renderer);
    map.attributionControl?.addAttribution(this.attribution);
    this.colours = themeColours(map.getContainer());
    this.stopThemeWatch = onThemeChange(() => this.restyle());
    map.on('viewprereset', this.beforeJump, this);
    map.on('viewreset', this.afterJump, this);
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
    this.jumping = true;
    // Should a listener throw between the two events, the outlines still come back.
    queueMicrotask(() => {
      if (this.jumping && !this.destroyed) this.afterJump();
    });
  }

  /**
   * A jump ends with its moveend and then its viewreset, which re-projects every layer on the
   * map: outlines added at the moveend were projected twice (~8 ms of a selection that panned the
   * map further than a screen). They are added at the viewreset instead, in the same task.
   */
  private afterJump(): void {
    this.jumping = false;
    this.update();
  }

  /** The theme changed: every outline made so far takes its colours (one redraw of the canvas). */
  private restyle(): void {
    this.colours = themeColours(this.map.getContainer());
    for (const set of this.loaded.values()) for (const o of set) o.layer?.setStyle(this.colours);
  }

  private outlines(url: string): Promise<Outline[]> {
    let p = this.sets.get(url);
    if (!p) {
      p = loadOutlines(url).then((parts) =>
        (url === url10m
          ? parts.map((part) => ({ bbox: part.bbox, parts: [part] }))
          : groupByCell(parts, COARSE_CELL_DEG)
        ).map((group) => ({ ...group, layer: null, shown: false })),
      );
      this.sets.set(url, p);
    }
    return p;
  }

  /**
   * Fetches a file's outlines (once) and draws again when they arrive. A file that fails is
   * reported when it is the one wanted; the coarse stand-in failing is no loss.
   */
  private load(url: string): void {
    if (this.sets.has(url)) {
      const why = this.failed.get(url);
      if (why !== undefined && url === this.wanted) this.onError(why);
      return;
    }
    this.outlines(url).then(
      (outlines) => {
        this.loaded.set(url, outlines);
        if (!this.destroyed) this.draw();
      },
      (err: unknown) => {
        const why = err instanceof Error ? err.message : String(err);
        this.failed.set(url, why);
        if (!this.destroyed && url === this.wanted) this.onError(why);
      },
    );
  }

  /** Asks for the outlines of the current zoom, and draws what is at hand for the new view. */
  private update(): void {
    if (this.jumping) return;
    this.wanted = !ONLY_EMBEDDED && this.map.getZoom() >= DETAIL_ZOOM ? url10m : url50m;
    // Nothing drawn yet: the coarse outlines come first, while the wanted ones load.
    if (this.loaded.size === 0 && !ONLY_EMBEDDED) this.load(url110m);
    this.load(this.wanted);
    this.draw();
  }

  /**
   * Shows the wanted outlines near the view, or until they arrive, the finest that have (drawn
   * so far, or the coarse ones): a jump into the detailed zone before the 10m file is in would
   * otherwise show no land at all for as long as it takes to arrive. Every other file's
   * outlines are hidden.
   */
  private draw(): void {
    const url = this.loaded.has(this.wanted)
      ? this.wanted
      : LEVELS.map((l) => l.url)
          .filter((u) => this.loaded.has(u))
          .pop();
    if (url === undefined) return;
    const outlines = this.loaded.get(url)!;
    for (const [other, set] of this.loaded) if (other !== url) hideAll(set);
    this.current = outlines;
    const shown = this.cull(outlines);
    const { dataset } = this.map.getContainer();
    dataset.basemap = LEVELS.find((l) => l.url === url)?.name ?? '';
    dataset.basemapParts = String(shown); // how many outlines are drawn (for tests)
    if (url === this.wanted) this.preloadDetail();
  }

  /** Adds the outlines near the view, removes the others; returns how many parts are shown. */
  private cull(outlines: Outline[]): number {
    let shown = 0;
    const b = this.map.getBounds().pad(VIEW_PADDING);
    const view = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()] as const;
    for (const o of outlines) {
      const near = meets(o, view);
      if (near) shown += o.parts.length;
      if (near === o.shown) continue;
      o.shown = near;
      if (!near) {
        o.layer?.remove();
        continue;
      }
      // Leaflet's points made once, not [lat, lng] pairs it copies into points: the first
      // selection near a place makes its detailed outlines, 10m's points by the ten thousand.
      o.layer ??= L.polygon(
        o.parts.length === 1
          ? partLatLngs(o.parts[0]!, latLng)
          : o.parts.map((part) => partLatLngs(part, latLng)),
        {
          ...STYLE,
          ...this.colours,
          renderer: this.renderer,
          pane: 'dl-basemap',
        },
      );
      o.layer.addTo(this.map);
    }
    return shown;
  }

  /** Fetches the detailed outlines ahead of the first zoom into a place, while the page is idle. */
  private preloadDetail(): void {
    if (ONLY_EMBEDDED || this.preload !== undefined || this.sets.has(url10m)) return;
    this.preload = setTimeout(() => {
      const start = () => {
        if (!this.destroyed) this.load(url10m);
      };
      if ('requestIdleCallback' in window) requestIdleCallback(start, { timeout: 5000 });
      else start();
    }, PRELOAD_AFTER_MS);
  }

  destroy(): void {
    this.destroyed = true;
    this.stopThemeWatch();
    clearTimeout(this.preload);
    this.map.off('viewprereset', this.beforeJump, this);
    this.map.off('viewreset', this.afterJump, this);
    this.map.off('moveend', this.update, this);
    this.map.attributionControl?.removeAttribution(this.attribution);
    for (const set of this.loaded.values()) hideAll(set);
  }
}

function hideAll(outlines: Outline[]): void {
  for (const o of outlines) {
    o.layer?.remove();
    o.shown = false;
  }
}
