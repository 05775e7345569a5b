// The page object for the map (Leaflet, with the app's offline basemap): markers by place or by
// event, clusters, the chooser a place with several events opens, zooming with Leaflet's own
// controls, dragging it, and the points a click reaches. Used by the specs and by the benchmark.
import { expect, type Locator, type Page } from '@playwright/test';
import { READY } from './readiness';

const cssString = (s: string) => JSON.stringify(s);

/** CSS the benchmark also needs inside the page, where there are no locators. */
export const MAP_CSS = {
  root: '.leaflet-container',
  /** Any marker or cluster. */
  anyMarker: '.leaflet-container .leaflet-marker-icon',
  marker: '.leaflet-marker-icon[data-place]',
  cluster: '.leaflet-marker-icon[data-cluster]',
  /** The marker that holds an event while it is selected. */
  selectedMarkerOf: (eventId: string) =>
    `.leaflet-container .leaflet-marker-icon.dl-selected[data-events~=${cssString(eventId)}]`,
} as const;

/** A marker or cluster that a click at (x, y) reaches. */
export interface ClickableMarker {
  /** The events a marker holds (empty for a cluster). */
  events: string[];
  /** How many events a cluster holds (0 for a marker). */
  clustered: number;
  x: number;
  y: number;
}

export class MapPage {
  readonly root: Locator;
  readonly markers: Locator;
  readonly selectedMarkers: Locator;
  /** Markers that stand for several places (the map clusters close places). */
  readonly clusters: Locator;
  readonly tiles: Locator;
  readonly zoomInButton: Locator;
  readonly zoomOutButton: Locator;
  readonly unplacedCount: Locator;
  readonly chooser: Locator;
  readonly chooserOptions: Locator;

  constructor(readonly page: Page) {
    this.root = page.locator(MAP_CSS.root);
    this.markers = this.root.locator(MAP_CSS.marker);
    this.selectedMarkers = this.markers.and(page.locator('.dl-selected'));
    this.clusters = this.root.locator(MAP_CSS.cluster);
    this.tiles = this.root.locator('.leaflet-tile');
    this.zoomInButton = this.root.getByRole('button', { name: 'Zoom in' });
    this.zoomOutButton = this.root.locator('.leaflet-control-zoom-out');
    this.unplacedCount = page.getByTestId('unplaced-count');
    this.chooser = this.root.locator('.dl-chooser');
    this.chooserOptions = this.chooser.locator('button[data-event-id]');
  }

  // --- Locators ---------------------------------------------------------------------------------

  marker(placeKey: string): Locator {
    return this.root.locator(`.leaflet-marker-icon[data-place=${cssString(placeKey)}]`);
  }

  /** The marker that holds an event (its `data-events` lists the event's id). */
  markerOf(eventId: string): Locator {
    return this.root.locator(`.leaflet-marker-icon[data-events~=${cssString(eventId)}]`);
  }

  chooserOption(eventId: string): Locator {
    return this.chooser.locator(`button[data-event-id=${cssString(eventId)}]`);
  }

  // --- Readiness ---------------------------------------------------------------------------------

  /** Waits until the offline basemap has drawn its outlines (`data-basemap` names the file). */
  async waitForBasemap(file: '50m' | '10m' | RegExp = /^(50m|10m)$/): Promise<void> {
    await expect(this.root).toHaveAttribute('data-basemap', file, READY);
  }

  /** Waits until the map shows the data: a marker or a cluster is drawn. */
  async waitForMarkers(timeout = READY.timeout): Promise<void> {
    await expect(this.markers.or(this.clusters).first()).toBeVisible({ timeout });
  }

  /** How many sampled pixels of the basemap's canvas hold land (0 for an empty sea). */
  landPainted(): Promise<number> {
    return this.root.locator('.leaflet-dl-basemap-pane canvas').evaluate((c) => {
      const canvas = c as HTMLCanvasElement;
      const px = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let land = 0;
      for (let i = 3; i < px.length; i += 4 * 97) if (px[i]! > 0) land++;
      return land;
    });
  }

  /** How many outlines the basemap draws now (those near the view). */
  async basemapParts(): Promise<number> {
    return Number(await this.root.getAttribute('data-basemap-parts'));
  }

  // --- Actions ----------------------------------------------------------------------------------

  async select(placeKey: string): Promise<void> {
    await this.marker(placeKey).click();
  }

  /** Waits until no zoom animation runs (Leaflet ignores a click on its controls while one does). */
  async waitForZoomToSettle(): Promise<void> {
    await expect(this.root.locator('.leaflet-zoom-anim')).toHaveCount(0, READY);
  }

  /** Zooms in one step with Leaflet's control and waits for the zoom to settle. */
  async zoomIn(): Promise<void> {
    await this.zoomInButton.click();
    await this.waitForZoomToSettle();
  }

  /** Zooms out to the least zoom with Leaflet's own control, one settled step at a time. */
  async zoomOutFully(): Promise<void> {
    const disabled = () =>
      this.zoomOutButton.evaluate((el) => el.classList.contains('leaflet-disabled'));
    for (let step = 0; step < 25 && !(await disabled()); step++) {
      await this.zoomOutButton.click();
      await this.waitForZoomToSettle();
    }
    await expect(this.zoomOutButton).toHaveClass(/leaflet-disabled/);
  }

  /** A point of the map that holds no marker or control, from the middle outwards. */
  async emptyPoint(): Promise<{ x: number; y: number }> {
    const start = await this.root.evaluate((el) => {
      const r = el.getBoundingClientRect();
      for (let fy = 0.5; fy < 0.95; fy += 0.1)
        for (let fx = 0.5; fx < 0.95; fx += 0.05) {
          const x = r.left + r.width * fx;
          const y = r.top + r.height * fy;
          const hit = document.elementFromPoint(x, y);
          if (hit && el.contains(hit) && !hit.closest('.leaflet-marker-icon, .leaflet-control'))
            return { x, y };
        }
      return null;
    });
    if (!start) throw new Error('no empty point on the map to drag from');
    return start;
  }

  /**
   * Drags the map by (dx, dy) pixels from an empty point and waits until it stands still: Leaflet
   * lets the map glide on after the release (inertia) and reports the view only when it stops.
   */
  async drag(dx: number, dy: number): Promise<void> {
    const start = await this.emptyPoint();
    await this.page.mouse.move(start.x, start.y);
    await this.page.mouse.down();
    await this.page.mouse.move(start.x + dx, start.y + dy, { steps: 12 });
    await this.page.mouse.up();
    await this.waitUntilStill();
  }

  /** Waits until two reads of the map pane's position, a quarter second apart, agree. */
  async waitUntilStill(): Promise<void> {
    const pane = this.root.locator('.leaflet-map-pane');
    let last = '';
    await expect
      .poll(
        async () => {
          const now = await pane.evaluate((el) => getComputedStyle(el).transform);
          const still = now === last;
          last = now;
          return still;
        },
        { message: 'the map stops gliding', intervals: [250], ...READY },
      )
      .toBe(true);
  }

  /**
   * The markers and clusters whose centre lies in the map, `margin` pixels from its edges, and
   * which a click at their centre reaches. (Leaflet draws a little beyond the view too: a click
   * there would land on another view.)
   */
  async clickableMarkers(margin = 30): Promise<ClickableMarker[]> {
    return this.root.evaluate((map, m) => {
      const r = map.getBoundingClientRect();
      const found: Array<{ events: string[]; clustered: number; x: number; y: number }> = [];
      for (const el of map.querySelectorAll<HTMLElement>(
        '.leaflet-marker-icon[data-events], .leaflet-marker-icon[data-cluster]',
      )) {
        const b = el.getBoundingClientRect();
        const x = b.left + b.width / 2;
        const y = b.top + b.height / 2;
        if (x < r.left + m || x > r.right - m || y < r.top + m || y > r.bottom - m) continue;
        if (!el.contains(document.elementFromPoint(x, y))) continue;
        found.push({
          events: el.dataset.events ? el.dataset.events.split(' ') : [],
          clustered: Number(el.dataset.eventCount ?? 0),
          x,
          y,
        });
      }
      return found;
    }, margin);
  }
}
