// The offline basemap: Natural Earth country outlines from the world-atlas package, served from
// this app's own origin. 50m at low zoom (it shows the Gaza Strip; 110m does not), 10m when
// zoomed in. Each is fetched only when first needed. No tile server is ever contacted.
import L from 'leaflet';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection } from 'geojson';
import url50m from 'world-atlas/countries-50m.json?url';
import url10m from 'world-atlas/countries-10m.json?url';
import { unwrapGeometry } from './antimeridian';

/** Zoom level from which the detailed 10m outlines replace the 50m ones. */
export const DETAIL_ZOOM = 7;

async function loadCountries(url: string): Promise<FeatureCollection> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`basemap ${url}: HTTP ${res.status}`);
  const topology = (await res.json()) as Topology<{ countries: GeometryCollection }>;
  const fc = feature(topology, topology.objects.countries) as FeatureCollection;
  return {
    type: 'FeatureCollection',
    features: fc.features.map((f): Feature => ({ ...f, geometry: unwrapGeometry(f.geometry) })),
  };
}

const ATTRIBUTION =
  'Outlines: <a href="https://www.naturalearthdata.com/" target="_blank" rel="noopener noreferrer">Natural Earth</a>';

const STYLE: L.PathOptions = {
  color: '#8a8f98',
  weight: 0.8,
  fillColor: '#f4f1ea',
  fillOpacity: 1,
  interactive: false,
};

export class OfflineBasemap {
  private readonly renderer: L.Canvas;
  private readonly layers = new Map<string, Promise<L.GeoJSON>>();
  private shown: string | null = null;
  private destroyed = false;

  constructor(
    private readonly map: L.Map,
    private readonly onError: (message: string) => void,
  ) {
    // Its own pane under the overlay pane, so halos and markers are always drawn above the land.
    (map.getPane('dl-basemap') ?? map.createPane('dl-basemap')).style.zIndex = '200';
    this.renderer = L.canvas({ padding: 0.5, pane: 'dl-basemap' });
    map.on('zoomend', this.update, this);
    this.update();
  }

  private layer(url: string): Promise<L.GeoJSON> {
    let p = this.layers.get(url);
    if (!p) {
      p = loadCountries(url).then((fc) =>
        L.geoJSON(fc, {
          style: STYLE,
          renderer: this.renderer,
          pane: 'dl-basemap',
          attribution: ATTRIBUTION,
        } as L.GeoJSONOptions),
      );
      this.layers.set(url, p);
    }
    return p;
  }

  private update(): void {
    const url = this.map.getZoom() >= DETAIL_ZOOM ? url10m : url50m;
    if (url === this.shown) return;
    this.shown = url;
    this.layer(url).then(
      (layer) => {
        if (this.destroyed || this.shown !== url) return;
        for (const [other, p] of this.layers) if (other !== url) void p.then((l) => l.remove());
        layer.addTo(this.map);
        this.map.getContainer().dataset.basemap = url === url10m ? '10m' : '50m';
      },
      (err: unknown) => this.onError(err instanceof Error ? err.message : String(err)),
    );
  }

  destroy(): void {
    this.destroyed = true;
    this.map.off('zoomend', this.update, this);
    for (const p of this.layers.values()) void p.then((l) => l.remove());
  }
}
