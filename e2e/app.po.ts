// The page object for the whole app: opening it (with the seed, a variant of it, or `?data=`),
// the views' own page objects (header, timeline, map, list, details), and what spans several
// views (one selection shown everywhere, the views at rest). Its older flat names (`timeline`
// for the timeline's locator, `selectOnMap`, …) stay as short delegations: many specs use them.
import { expect, type Locator, type Page } from '@playwright/test';
import { DetailsPage } from './details.po';
import { HeaderBar } from './header.po';
import { EventListPage } from './list.po';
import { MapPage } from './map.po';
import { READY } from './readiness';
import {
  DATASET_URL_PATTERN,
  eventsText,
  placeKeyOf,
  seed,
  type SeedDataset,
  type SeedEvent,
} from './seed';
import { TimelinePage } from './timeline.po';

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Whether a request stays on this machine (data: and blob: URLs never leave the page). */
export function isLocalUrl(url: string): boolean {
  const u = new URL(url);
  if (u.protocol === 'data:' || u.protocol === 'blob:') return true;
  return LOCAL_HOSTS.has(u.hostname);
}

/** The views' page objects, one each. */
export interface Views {
  header: HeaderBar;
  timeline: TimelinePage;
  map: MapPage;
  list: EventListPage;
  details: DetailsPage;
}

export class DatelinePage {
  /** Every URL the page requested, in order. */
  readonly requests: string[] = [];
  readonly views: Views;

  // Header
  readonly brand: Locator;
  readonly eventCount: Locator;
  readonly reportButton: Locator;
  readonly reportDialog: Locator;
  readonly loadError: Locator;
  readonly announcer: Locator;

  // Timeline
  readonly timeline: Locator;
  readonly timelinePanel: Locator;
  readonly timelineLabels: Locator;
  /** The time axis' labels (years, months, days), as vis-timeline draws them. */
  readonly axisLabels: Locator;
  readonly selectedTimelineItems: Locator;
  readonly densityBand: Locator;
  readonly densitySlices: Locator;

  // Map
  readonly map: Locator;
  readonly markers: Locator;
  readonly selectedMarkers: Locator;
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
    const header = new HeaderBar(page);
    const timeline = new TimelinePage(page);
    const map = new MapPage(page);
    const list = new EventListPage(page);
    const details = new DetailsPage(page);
    this.views = { header, timeline, map, list, details };

    this.brand = header.brand;
    this.eventCount = header.eventCount;
    this.reportButton = header.reportButton;
    this.reportDialog = header.reportDialog;
    this.loadError = header.loadError;
    this.announcer = header.announcer;

    this.timeline = timeline.root;
    this.timelinePanel = timeline.panel;
    this.timelineLabels = timeline.labels;
    this.axisLabels = timeline.axisLabels;
    this.selectedTimelineItems = timeline.selectedItems;
    this.densityBand = timeline.densityBand;
    this.densitySlices = timeline.densitySlices;

    this.map = map.root;
    this.markers = map.markers;
    this.selectedMarkers = map.selectedMarkers;
    this.clusters = map.clusters;
    this.mapTiles = map.tiles;
    this.zoomOutButton = map.zoomOutButton;
    this.unplacedCount = map.unplacedCount;
    this.chooser = map.chooser;

    this.eventList = list.root;
    this.listOptions = list.options;
    this.selectedListOptions = list.selectedOptions;

    this.details = details.root;
    this.detailsArticle = details.article;
    this.detailsTitle = details.title;
    this.when = details.when;
    this.where = details.where;
    this.claim = details.claim;
    this.quote = details.quote;
    this.quoteText = details.quoteText;
    this.quoteMark = details.quoteMark;
    this.showWholeSource = details.showWholeSource;
    this.closeDetails = details.close;
    this.previousEvent = details.previous;
    this.nextEvent = details.next;
  }

  // --- Opening the app ---------------------------------------------------------------------------

  /** Opens the app without waiting for anything (for datasets that should fail). */
  async open(): Promise<void> {
    await this.page.goto('/');
  }

  /**
   * Waits on the app's own signals that a dataset of `expectedEvents` is shown: the header's
   * count, the timeline's `data-drawing`, and the map's markers or clusters.
   */
  async waitUntilShown(expectedEvents: number): Promise<void> {
    await expect(this.eventCount).toHaveText(eventsText(expectedEvents), READY);
    await this.views.timeline.waitUntilDrawn();
    await expect(this.timeline.locator('.vis-item').or(this.densitySlices).first()).toBeVisible(
      READY,
    );
    await this.views.map.waitForMarkers();
  }

  /**
   * Opens the app and waits until the dataset is shown: the header counts `expectedEvents`, the
   * timeline has an item for each, and the offline basemap is drawn.
   */
  async goto(expectedEvents = seed.events.length): Promise<void> {
    await this.open();
    await expect(this.eventCount).toHaveText(eventsText(expectedEvents), READY);
    await this.views.timeline.waitUntilDrawn();
    await expect(this.timelineLabels).toHaveCount(expectedEvents, READY);
    await this.views.map.waitForBasemap();
  }

  /**
   * Opens `?data=<path>` (serve the path with `page.route` first) and waits until both views
   * show it: the header counts `expectedEvents`, the timeline has drawn its items or its density
   * band, and the map a marker or a cluster. The waits end on the app's signals; `timeout` only
   * bounds them.
   */
  async gotoDataset(path: string, expectedEvents: number, timeout = READY.timeout): Promise<void> {
    await this.page.goto(`/?data=${encodeURIComponent(path)}`);
    await expect(this.eventCount).toHaveText(eventsText(expectedEvents), { timeout });
    await this.views.timeline.waitUntilDrawn(timeout);
    await expect(this.timeline.locator('.vis-item').or(this.densitySlices).first()).toBeVisible({
      timeout,
    });
    await this.views.map.waitForMarkers(timeout);
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

  // --- The views' locators and actions, by their older names ------------------------------------

  timelineItem(eventId: string): Locator {
    return this.views.timeline.item(eventId);
  }
  marker(placeKey: string): Locator {
    return this.views.map.marker(placeKey);
  }
  markerOf(eventId: string): Locator {
    return this.views.map.markerOf(eventId);
  }
  listOption(eventId: string): Locator {
    return this.views.list.option(eventId);
  }
  chooserOption(eventId: string): Locator {
    return this.views.map.chooserOption(eventId);
  }
  reportProblem(collection: string, index: number): Locator {
    return this.views.header.reportProblem(collection, index);
  }
  revealOnTimeline(eventId: string): Promise<Locator> {
    return this.views.timeline.reveal(eventId);
  }
  timelineOverflow(eventId: string) {
    return this.views.timeline.overflow(eventId);
  }
  /** The ids of events whose timeline box lies outside the panel's width (in time). */
  timelineItemsOutsideWindow(): Promise<string[]> {
    return this.views.timeline.itemsOutsideWindow();
  }

  isInTimelineView(eventId: string): Promise<boolean> {
    return this.views.timeline.isInView(eventId);
  }
  selectOnTimeline(eventId: string): Promise<void> {
    return this.views.timeline.select(eventId);
  }
  selectOnMap(placeKey: string): Promise<void> {
    return this.views.map.select(placeKey);
  }
  revealListOption(eventId: string): Promise<Locator> {
    return this.views.list.reveal(eventId);
  }
  selectInList(eventId: string): Promise<void> {
    return this.views.list.select(eventId);
  }
  zoomMapOutFully(): Promise<void> {
    return this.views.map.zoomOutFully();
  }
  openReport(): Promise<void> {
    return this.views.header.openReport();
  }
  movePointerAway(): Promise<void> {
    return this.views.header.movePointerAway();
  }
  densityCounts() {
    return this.views.timeline.densityCounts();
  }
  densitySliceInView(): Promise<Locator> {
    return this.views.timeline.densitySliceInView();
  }
  zoomTimelineToItems(): Promise<void> {
    return this.views.timeline.zoomToItems();
  }

  async pressEscape(): Promise<void> {
    await this.page.keyboard.press('Escape');
  }

  // --- Across views -----------------------------------------------------------------------------

  /** Every view shows `event` as the one selected: timeline, map (when placed), list, details. */
  async expectSelected(event: SeedEvent): Promise<void> {
    // One item, or with lanes one copy per lane the event is drawn in: every copy drawn is
    // selected, and nothing else is.
    const copies = this.timelineItem(event.id);
    await expect(copies.first()).toHaveClass(/\bvis-selected\b/);
    await expect(this.selectedTimelineItems.and(copies)).toHaveCount(await copies.count());
    await expect(this.selectedTimelineItems).toHaveCount(await copies.count());
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
}
