// Shared end-to-end fixtures: the `DatelinePage` page object (every selector lives here, never in
// a spec), the seed dataset read from disk so tests follow the data, and two automatic guards
// that every test gets: no console error or uncaught exception, and no request that leaves
// localhost.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Locator, type Page } from '@playwright/test';

// ---------------------------------------------------------------------------------------------
// The seed dataset, as the file says it (not as the app resolves it).

export const DATASET_FILE = 'gaza-ceasefire-2025-02.json';
/** The URL pattern the app fetches the seed from; `page.route` uses it to serve variants. */
export const DATASET_URL_PATTERN = `**/data/${DATASET_FILE}`;

export interface SeedPlace {
  id?: string;
  name: string;
  lat: number;
  lon: number;
  precision: string;
}

export interface SeedEvidence {
  source: string;
  quote: string;
  start: number;
  end: number;
}

export interface SeedEvent {
  id: string;
  title: string;
  type: string;
  status: 'occurred' | 'scheduled' | 'expected';
  time: {
    start: string;
    end?: string;
    precision: string;
    approximate?: boolean;
    text?: string;
  };
  place?: string | SeedPlace | null;
  actors?: Array<{ actor: string; role: string }>;
  claim: { by: string; status: 'claimed' | 'reported' | 'confirmed' | 'disputed' };
  evidence?: SeedEvidence[];
}

export interface SeedDataset {
  format: string;
  title: string;
  actors: Array<{ id: string; name: string }>;
  places: Array<SeedPlace & { id: string }>;
  sources: Array<{ id: string; title: string; publisher: string; text?: string }>;
  events: SeedEvent[];
}

const SEED_PATH = fileURLToPath(new URL(`../public/data/${DATASET_FILE}`, import.meta.url));

/** A fresh copy of the seed dataset each call, so a test may change it freely. */
export function readSeed(): SeedDataset {
  return JSON.parse(readFileSync(SEED_PATH, 'utf8')) as SeedDataset;
}

export const seed: SeedDataset = readSeed();

/** The key the map uses for an event's place (the rule of src/model/load.ts), or null. */
export function placeKeyOf(e: SeedEvent): string | null {
  if (!e.place) return null;
  if (typeof e.place === 'string') return e.place;
  return e.place.id ?? `@${e.place.lat.toFixed(5)},${e.place.lon.toFixed(5)}:${e.place.name}`;
}

/** Event ids by place key, in file order. */
export function eventsByPlace(events: readonly SeedEvent[] = seed.events): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const e of events) {
    const key = placeKeyOf(e);
    if (key === null) continue;
    groups.set(key, [...(groups.get(key) ?? []), e.id]);
  }
  return groups;
}

/** The events in the order every view shows them: by earliest moment, then file order. */
export function inTimeOrder(events: readonly SeedEvent[] = seed.events): SeedEvent[] {
  return events
    .map((e, index) => ({ e, index, at: Date.parse(e.time.start) }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map(({ e }) => e);
}

/** The first event that passes `test`; fails loudly when the data has none. */
export function findEvent(what: string, test: (e: SeedEvent) => boolean): SeedEvent {
  const found = seed.events.find(test);
  if (!found) throw new Error(`the seed dataset has no ${what}`);
  return found;
}

/** An event that has a place, so it shows on the map (the first such in file order). */
export function placedEvent(): SeedEvent & { placeKey: string } {
  const e = findEvent('event with a place', (x) => placeKeyOf(x) !== null);
  return { ...e, placeKey: placeKeyOf(e) ?? '' };
}

/** The place whose marker holds exactly one event, and that event's id. */
export function singleEventPlace(): { placeKey: string; eventId: string } | undefined {
  for (const [placeKey, ids] of eventsByPlace())
    if (ids.length === 1 && ids[0]) return { placeKey, eventId: ids[0] };
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// The page object.

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Whether a request stays on this machine (data: and blob: URLs never leave the page). */
export function isLocalUrl(url: string): boolean {
  const u = new URL(url);
  if (u.protocol === 'data:' || u.protocol === 'blob:') return true;
  return LOCAL_HOSTS.has(u.hostname);
}

const cssString = (s: string) => JSON.stringify(s);

export class DatelinePage {
  /** Every URL the page requested, in order. */
  readonly requests: string[] = [];

  // Header
  readonly brand: Locator;
  readonly eventCount: Locator;
  readonly reportButton: Locator;
  readonly reportDialog: Locator;
  readonly loadError: Locator;
  readonly announcer: Locator;

  // Timeline
  readonly timeline: Locator;
  /** The part of the timeline that shows items (it clips the stack when it is taller). */
  readonly timelinePanel: Locator;
  readonly timelineLabels: Locator;
  /** The time axis' labels (years, months, days), as vis-timeline draws them. */
  readonly axisLabels: Locator;
  readonly selectedTimelineItems: Locator;
  /** The density band (many events, zoomed out): a toolbar of slices of time. */
  readonly densityBand: Locator;
  /** Its slices: buttons named by their count and dates ("1,204 events, … : zoom in"). */
  readonly densitySlices: Locator;

  // Map
  readonly map: Locator;
  readonly markers: Locator;
  readonly selectedMarkers: Locator;
  /** Markers that stand for several places (the map clusters close places). */
  readonly clusters: Locator;
  readonly mapTiles: Locator;
  readonly zoomOutButton: Locator;
  readonly unplacedCount: Locator;
  readonly chooser: Locator;

  // List
  readonly eventList: Locator;
  readonly listOptions: Locator;
  readonly selectedListOptions: Locator;

  // Details
  readonly details: Locator;
  readonly detailsArticle: Locator;
  readonly detailsTitle: Locator;
  readonly when: Locator;
  readonly where: Locator;
  readonly claim: Locator;
  readonly quote: Locator;
  readonly quoteText: Locator;
  readonly quoteMark: Locator;
  readonly showWholeSource: Locator;
  readonly closeDetails: Locator;
  readonly previousEvent: Locator;
  readonly nextEvent: Locator;

  constructor(readonly page: Page) {
    page.on('request', (r) => this.requests.push(r.url()));

    this.brand = page.getByRole('heading', { name: 'Dateline', exact: true });
    this.eventCount = page.getByTestId('event-count');
    this.reportButton = page.getByTestId('report-button');
    this.reportDialog = page.getByTestId('report');
    this.loadError = page.getByRole('alert').filter({ hasText: 'could not be opened' });
    this.announcer = page.getByTestId('announcer');

    this.timeline = page.getByTestId('timeline');
    this.timelinePanel = this.timeline.locator('.vis-panel.vis-center');
    this.timelineLabels = this.timeline.locator('.dl-item-label[data-event-id]');
    // vis-timeline keeps two hidden `.vis-measure` texts ("0") to size its labels: not labels.
    this.axisLabels = this.timeline.locator('.vis-time-axis .vis-text:not(.vis-measure)');
    // vis-timeline draws a box item as three `.vis-item`s (box, dot, line); count the boxes.
    this.selectedTimelineItems = this.timeline.locator(
      '.vis-item.vis-selected:has(.dl-item-label)',
    );
    this.densityBand = this.timeline.getByRole('toolbar', { name: /^Events over time/ });
    this.densitySlices = this.densityBand.getByRole('button', { name: /events?, .*: zoom in$/ });

    this.map = page.locator('.leaflet-container');
    this.markers = this.map.locator('.leaflet-marker-icon[data-place]');
    this.selectedMarkers = this.markers.and(page.locator('.dl-selected'));
    this.clusters = this.map.locator('.leaflet-marker-icon[data-cluster]');
    this.mapTiles = this.map.locator('.leaflet-tile');
    this.zoomOutButton = this.map.locator('.leaflet-control-zoom-out');
    this.unplacedCount = page.getByTestId('unplaced-count');
    this.chooser = this.map.locator('.dl-chooser');

    this.eventList = page.getByTestId('event-list');
    this.listOptions = this.eventList.locator('[role=option][data-event-id]');
    this.selectedListOptions = this.listOptions.and(page.locator('[aria-selected=true]'));

    this.details = page.getByTestId('details');
    this.detailsArticle = this.details.locator('article[data-event-id]');
    this.detailsTitle = this.details.locator('#dl-event-title');
    this.when = this.details.getByTestId('when');
    this.where = this.details.getByTestId('where');
    this.claim = this.details.getByTestId('claim');
    this.quote = this.details.getByTestId('quote');
    this.quoteText = this.quote.locator('blockquote');
    this.quoteMark = this.quote.locator('mark.dl-quote-mark');
    this.showWholeSource = this.details.getByRole('button', { name: 'Show the whole source' });
    this.closeDetails = this.details.getByRole('button', { name: 'Close details (Esc)' });
    this.previousEvent = this.details.getByRole('button', { name: 'Previous event' });
    this.nextEvent = this.details.getByRole('button', { name: 'Next event' });
  }

  // --- Navigation ------------------------------------------------------------------------------

  /** Opens the app without waiting for anything (for datasets that should fail). */
  async open(): Promise<void> {
    await this.page.goto('/');
  }

  /**
   * Opens the app and waits until the dataset is shown: the header counts `expectedEvents`, the
   * timeline has an item for each, and the offline basemap is drawn.
   */
  async goto(expectedEvents = seed.events.length): Promise<void> {
    await this.open();
    await expect(this.eventCount).toHaveText(`${expectedEvents} events`);
    await expect(this.timelineLabels).toHaveCount(expectedEvents);
    await expect(this.map).toHaveAttribute('data-basemap', /^(50m|10m)$/);
  }

  /** Serves `body` (a dataset object, or raw text) instead of the seed file. Call before goto. */
  async serveDataset(body: SeedDataset | string): Promise<void> {
    await this.page.route(DATASET_URL_PATTERN, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    );
  }

  // --- Locators for one event or place ----------------------------------------------------------

  /** The timeline box of an event: the `.vis-item` holding its label (not its dot or line). */
  timelineItem(eventId: string): Locator {
    return this.timeline.locator(
      `.vis-item:has(.dl-item-label[data-event-id=${cssString(eventId)}])`,
    );
  }

  marker(placeKey: string): Locator {
    return this.map.locator(`.leaflet-marker-icon[data-place=${cssString(placeKey)}]`);
  }

  /** The marker that holds an event (its `data-events` lists the event's id). */
  markerOf(eventId: string): Locator {
    return this.map.locator(`.leaflet-marker-icon[data-events~=${cssString(eventId)}]`);
  }

  listOption(eventId: string): Locator {
    return this.eventList.locator(`[role=option][data-event-id=${cssString(eventId)}]`);
  }

  chooserOption(eventId: string): Locator {
    return this.chooser.locator(`button[data-event-id=${cssString(eventId)}]`);
  }

  /** The load report's entry for the item at `index` of a collection. */
  reportProblem(collection: string, index: number): Locator {
    return this.reportDialog.getByRole('listitem').filter({ hasText: `${collection}[${index}]` });
  }

  // --- Actions ---------------------------------------------------------------------------------

  /**
   * Scrolls the timeline's stack of items with the mouse wheel, as a user would, until the
   * event's box is wholly inside the timeline's visible panel, and returns the box. (vis-timeline
   * scrolls its stack itself, so Playwright's own scrolling into view cannot reach a hidden item.)
   */
  async revealOnTimeline(eventId: string): Promise<Locator> {
    const item = this.timelineItem(eventId);
    await expect(async () => {
      const { hiddenAbove, hiddenBelow, panel } = await this.timelineOverflow(eventId);
      if (hiddenAbove <= 0 && hiddenBelow <= 0) return;
      await this.page.mouse.move(panel.x + 4, panel.y + panel.height / 2);
      await this.page.mouse.wheel(0, hiddenAbove > 0 ? -hiddenAbove - 8 : hiddenBelow + 8);
      throw new Error(`${eventId} is not yet in view on the timeline`);
    }).toPass();
    return item;
  }

  /** How many pixels of an event's timeline box lie above and below the visible panel. */
  async timelineOverflow(eventId: string) {
    const [box, panel] = await Promise.all([
      this.timelineItem(eventId).boundingBox(),
      this.timelinePanel.boundingBox(),
    ]);
    if (!box || !panel) throw new Error('the timeline is not drawn');
    return {
      hiddenAbove: panel.y - box.y,
      hiddenBelow: box.y + box.height - (panel.y + panel.height),
      panel,
    };
  }

  /** The ids of events whose timeline box does not start inside the panel's width (in time). */
  async timelineItemsOutsideWindow(): Promise<string[]> {
    const panel = await this.timelinePanel.boundingBox();
    if (!panel) throw new Error('the timeline is not drawn');
    const boxes = await this.timelineLabels.evaluateAll((labels) =>
      labels.map((label) => {
        const item = label.closest('.vis-item') ?? label;
        const r = item.getBoundingClientRect();
        return { id: (label as HTMLElement).dataset.eventId ?? '', left: r.left, right: r.right };
      }),
    );
    return boxes
      .filter((b) => b.right < panel.x || b.left > panel.x + panel.width)
      .map((b) => b.id);
  }

  /** Whether an event's timeline box is wholly inside the timeline's visible rows. */
  async isInTimelineView(eventId: string): Promise<boolean> {
    const { hiddenAbove, hiddenBelow } = await this.timelineOverflow(eventId);
    return hiddenAbove <= 0 && hiddenBelow <= 0;
  }

  async selectOnTimeline(eventId: string): Promise<void> {
    await (await this.revealOnTimeline(eventId)).click();
  }

  async selectOnMap(placeKey: string): Promise<void> {
    await this.marker(placeKey).click();
  }

  /**
   * Brings a row of the windowed list into the DOM, scrolling the list from the top half a
   * screen at a time until the row is rendered, and returns it.
   */
  async revealListOption(eventId: string): Promise<Locator> {
    const option = this.listOption(eventId);
    if ((await option.count()) > 0) return option;
    await this.eventList.evaluate((el) => el.scrollTo({ top: 0 }));
    await expect(async () => {
      if ((await option.count()) === 0)
        await this.eventList.evaluate((el) => el.scrollBy({ top: el.clientHeight / 2 }));
      await expect(option).toBeAttached({ timeout: 250 });
    }).toPass();
    return option;
  }

  async selectInList(eventId: string): Promise<void> {
    await (await this.revealListOption(eventId)).click();
  }

  async pressEscape(): Promise<void> {
    await this.page.keyboard.press('Escape');
  }

  /** Zooms the map out to its least zoom with Leaflet's own control, one settled step at a time. */
  async zoomMapOutFully(): Promise<void> {
    const disabled = () =>
      this.zoomOutButton.evaluate((el) => el.classList.contains('leaflet-disabled'));
    for (let step = 0; step < 25 && !(await disabled()); step++) {
      await this.zoomOutButton.click();
      // Leaflet ignores a click while a zoom animation runs: wait for it to settle.
      await expect(this.map.locator('.leaflet-zoom-anim')).toHaveCount(0);
    }
    await expect(this.zoomOutButton).toHaveClass(/leaflet-disabled/);
  }

  /** Opens the load report dialog. */
  async openReport(): Promise<void> {
    await this.reportButton.click();
    await expect(this.reportDialog).toBeVisible();
  }

  // --- Assertions ------------------------------------------------------------------------------

  /** Every view shows `event` as the one selected: timeline, map (when placed), list, details. */
  async expectSelected(event: SeedEvent): Promise<void> {
    await expect(this.timelineItem(event.id)).toHaveClass(/\bvis-selected\b/);
    await expect(this.selectedTimelineItems).toHaveCount(1);
    const placeKey = placeKeyOf(event);
    if (placeKey === null) await expect(this.selectedMarkers).toHaveCount(0);
    else {
      await expect(this.marker(placeKey)).toHaveClass(/\bdl-selected\b/);
      await expect(this.selectedMarkers).toHaveCount(1);
    }
    await expect(this.selectedListOptions).toHaveCount(1);
    await expect(this.selectedListOptions).toHaveAttribute('data-event-id', event.id);
    await expect(this.detailsArticle).toHaveAttribute('data-event-id', event.id);
    await expect(this.detailsTitle).toHaveText(event.title);
  }

  /** No view shows a selection and the details panel is closed. */
  async expectNothingSelected(): Promise<void> {
    await expect(this.selectedTimelineItems).toHaveCount(0);
    await expect(this.selectedMarkers).toHaveCount(0);
    await expect(this.selectedListOptions).toHaveCount(0);
    await expect(this.detailsArticle).toHaveCount(0);
    await expect(this.announcer).toHaveText('');
  }

  /**
   * Brings the selected event into view on the timeline and waits until the map and the
   * timeline have stopped moving (each reveals a selection with an animation): Playwright's trial
   * click waits for an element to be visible, stable and the target of a click.
   */
  async waitForViewsAtRest(event: SeedEvent): Promise<void> {
    await (await this.revealOnTimeline(event.id)).click({ trial: true });
    const placeKey = placeKeyOf(event);
    if (placeKey !== null) await this.marker(placeKey).click({ trial: true });
  }

  /** Moves the pointer onto the page header, away from every event. */
  async movePointerAway(): Promise<void> {
    await this.brand.hover();
  }

  /**
   * Opens `?data=<path>` (serve the path with `page.route` first) and waits until both views
   * show it: the header counts `expectedEvents`, the timeline has drawn its items or its density
   * band, and the map a marker or a cluster. Large datasets take a while: pass a `timeout`.
   */
  async gotoDataset(path: string, expectedEvents: number, timeout = 7_000): Promise<void> {
    await this.page.goto(`/?data=${encodeURIComponent(path)}`);
    await expect(this.eventCount).toHaveText(`${expectedEvents} events`, { timeout });
    await expect(this.timeline).toHaveAttribute('data-drawing', /^(all|items|density)$/, {
      timeout,
    });
    await expect(this.timeline.locator('.vis-item').or(this.densitySlices).first()).toBeVisible({
      timeout,
    });
    await expect(this.markers.or(this.clusters).first()).toBeVisible({ timeout });
  }

  /** The density band's slices as drawn: their span (ms) and the count their name gives. */
  async densityCounts(): Promise<Array<{ start: number; end: number; count: number }>> {
    return this.densitySlices.evaluateAll((els) =>
      els.map((el) => ({
        start: Number((el as HTMLElement).dataset.start),
        end: Number((el as HTMLElement).dataset.end),
        count: Number(el.getAttribute('aria-label')?.split(' ')[0]?.replaceAll(',', '')),
      })),
    );
  }

  /**
   * A slice wholly in view (the band also draws slices beyond the window's edges, clipped): the
   * middle one of those, so a click on it lands on it.
   */
  async densitySliceInView(): Promise<Locator> {
    const panel = await this.timelinePanel.boundingBox();
    if (!panel) throw new Error('the timeline is not drawn');
    const boxes = await this.densitySlices.evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return { left: r.left, right: r.right };
      }),
    );
    const inView = boxes.flatMap((b, i) =>
      b.left >= panel.x && b.right <= panel.x + panel.width ? [i] : [],
    );
    const middle = inView[Math.floor(inView.length / 2)];
    if (middle === undefined) throw new Error('no density slice wholly in view');
    return this.densitySlices.nth(middle);
  }

  /**
   * Zooms the timeline in with its own button until it draws events one by one rather than as
   * a density band (it does so once the window holds few enough events).
   */
  async zoomTimelineToItems(): Promise<void> {
    const zoomIn = this.page.getByRole('button', { name: 'Zoom in on the timeline' });
    for (let step = 0; step < 16; step++) {
      if ((await this.timeline.getAttribute('data-drawing')) !== 'density') return;
      await zoomIn.click();
      await this.page.waitForTimeout(350); // the zoom animates for 200 ms, then settles
    }
    await expect(this.timeline).not.toHaveAttribute('data-drawing', 'density');
  }
}

// ---------------------------------------------------------------------------------------------
// Fixtures.

interface Fixtures {
  dateline: DatelinePage;
  /** Auto: fails the test on any console error or uncaught exception in the page. */
  failOnPageErrors: void;
  /** Auto: fails the test on any request that leaves localhost. */
  failOnExternalRequests: void;
}

export const test = base.extend<Fixtures>({
  failOnPageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
      });
      page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
      await use();
      expect(errors, 'console errors and uncaught exceptions in the page').toEqual([]);
    },
    { auto: true },
  ],
  failOnExternalRequests: [
    async ({ context }, use) => {
      const external: string[] = [];
      context.on('request', (r) => {
        if (!isLocalUrl(r.url())) external.push(`${r.method()} ${r.url()}`);
      });
      await use();
      expect(external, 'requests that left localhost').toEqual([]);
    },
    { auto: true },
  ],
  dateline: async ({ page }, use) => {
    await use(new DatelinePage(page));
  },
});

export { expect };
