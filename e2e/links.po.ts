// Page-object additions for links: the filter controls, notices, "Copy link" and "Share this
// view", what the timeline and the map show (read from the screen, to compare two browsers), the
// address bar and the history, and a fixture that opens a link in a fresh browser context with
// the same guards as the test's own page (no console error, no request leaving localhost).
import type {
  Browser,
  BrowserContext,
  BrowserContextOptions,
  Locator,
  Page,
} from '@playwright/test';
import {
  DatelinePage,
  expect,
  isLocalUrl,
  READY,
  seed,
  test as base,
  type SeedEvent,
} from './fixtures';

const cssString = (s: string) => JSON.stringify(s);

export type CheckFacetName = 'types' | 'statuses' | 'claims';

/** What the filter controls show, and the counts they lead to. */
export interface FilterControls {
  q: string;
  actors: string[];
  match: 'any' | 'all';
  role: string;
  types: string[];
  statuses: string[];
  claims: string[];
  from: string;
  to: string;
  filterCount: string;
  eventCount: string;
  listCount: string;
}

/**
 * The timeline as drawn: the axis labels and the centres of the event boxes, in pixels from the
 * left edge of the panel that shows the time window, and that panel's width.
 */
export interface TimelineShown {
  axis: Array<{ text: string; x: number }>;
  items: Record<string, number>;
  width: number;
}

/** The map as drawn: each marker's centre in pixels, and the centre and zoom they imply. */
export interface MapShown {
  markers: Record<string, { x: number; y: number }>;
  lat: number;
  lon: number;
  zoom: number;
}

// Web Mercator, as Leaflet draws it: the world is 256 · 2^zoom pixels wide.
const TILE = 256;
function project(lat: number, lon: number): { x: number; y: number } {
  const s = Math.sin((lat * Math.PI) / 180);
  return { x: (lon + 180) / 360, y: 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI) };
}
function unproject(x: number, y: number): { lat: number; lon: number } {
  const lat = (Math.atan(Math.exp((0.5 - y) * 2 * Math.PI)) * 360) / Math.PI - 90;
  return { lat, lon: x * 360 - 180 };
}

function placeOf(placeKey: string): { lat: number; lon: number } {
  const listed = seed.places.find((p) => p.id === placeKey);
  if (listed) return listed;
  const inline = seed.events
    .map((e) => e.place)
    .find((p) => typeof p === 'object' && p !== null && p.id === placeKey);
  if (inline && typeof inline === 'object') return inline;
  throw new Error(`the seed has no place “${placeKey}”`);
}

export class LinksPage extends DatelinePage {
  // Header actions and notices
  readonly shareView: Locator;
  readonly notices: Locator;

  // Details
  readonly copyLink: Locator;
  readonly outsideFilters: Locator;
  readonly showItInDetails: Locator;

  // Filters
  readonly filters: Locator;
  readonly search: Locator;
  readonly filterCount: Locator;
  readonly clearFilters: Locator;
  readonly actorFacet: Locator;
  readonly matchAll: Locator;
  readonly role: Locator;
  readonly showAllActors: Locator;
  readonly dateFrom: Locator;
  readonly dateTo: Locator;
  readonly listCount: Locator;

  // Timeline and map controls
  readonly timelineZoomIn: Locator;
  readonly timelineAxis: Locator;
  readonly mapZoomIn: Locator;

  constructor(page: Page) {
    super(page);
    this.shareView = page.getByRole('button', { name: 'Share this view' });
    this.notices = page.getByTestId('notices').getByTestId('notice');

    this.copyLink = this.details.getByRole('button', { name: 'Copy link' });
    this.outsideFilters = this.details.getByTestId('outside-filters');
    this.showItInDetails = this.outsideFilters.getByRole('button', { name: 'Show it' });

    this.filters = page.getByRole('region', { name: 'Filters' });
    this.search = this.filters.getByRole('searchbox', { name: 'Search' });
    this.filterCount = this.filters.getByTestId('filter-count');
    this.clearFilters = this.filters.getByRole('button', { name: 'Clear filters' });
    this.actorFacet = this.filters.getByTestId('facet-actors');
    // Read even while its section is closed (a closed <details> hides its controls from roles).
    this.matchAll = this.actorFacet.getByRole('radio', { name: 'all of', includeHidden: true });
    this.role = this.actorFacet.getByTestId('role');
    this.showAllActors = this.actorFacet.getByRole('button', { name: /^Show all \d+ actors$/ });
    this.dateFrom = this.filters.getByLabel('From', { exact: true });
    this.dateTo = this.filters.getByLabel('To', { exact: true });
    this.listCount = page.getByRole('region', { name: 'Events' }).getByText(/^\d+ in time order$/);

    this.timelineZoomIn = this.views.timeline.zoomInButton;
    this.timelineAxis = this.timeline.locator('.vis-time-axis.vis-foreground');
    this.mapZoomIn = this.views.map.zoomInButton;
  }

  // --- Locators ----------------------------------------------------------------------------------

  /** The notice whose text contains `text`. */
  notice(text: string | RegExp): Locator {
    return this.notices.filter({ hasText: text });
  }

  /** A button a notice offers ("Show it"). */
  noticeAction(notice: Locator, label: string): Locator {
    return notice.getByRole('button', { name: label, exact: true });
  }

  actorCheckbox(actorId: string): Locator {
    return this.actorFacet.locator(`input[type=checkbox][value=${cssString(actorId)}]`);
  }

  facetCheckbox(facet: CheckFacetName, value: string): Locator {
    return this.filters
      .getByTestId(`facet-${facet}`)
      .locator(`input[type=checkbox][value=${cssString(value)}]`);
  }

  /** The collapsible filter section whose title starts with `title` ("Actors", "Dates"…). */
  filterSection(title: string): Locator {
    return this.filters.locator('details').filter({
      has: this.page.locator('summary', { hasText: new RegExp(`^${title}`) }),
    });
  }

  // --- Actions -----------------------------------------------------------------------------------

  async openFilterSection(title: string): Promise<void> {
    const section = this.filterSection(title);
    if ((await section.getAttribute('open')) === null)
      await section.locator('summary').first().click();
    await expect(section).toHaveAttribute('open', '');
  }

  /** Types into the search box and waits until the filters have taken the text. */
  async searchFor(text: string): Promise<void> {
    const before = await this.filterCount.textContent();
    await this.search.fill(text);
    await expect(this.filterCount).not.toHaveText(before ?? '');
  }

  async checkActor(actorId: string): Promise<void> {
    await this.openFilterSection('Actors');
    const box = this.actorCheckbox(actorId);
    if ((await box.count()) === 0) await this.showAllActors.click();
    await box.check();
  }

  async checkFacet(facet: CheckFacetName, value: string): Promise<void> {
    await this.openFilterSection('Type and status');
    await this.facetCheckbox(facet, value).check();
  }

  async setDates(from: string, to: string): Promise<void> {
    await this.openFilterSection('Dates');
    await this.dateFrom.fill(from);
    await this.dateTo.fill(to);
  }

  /** Drags the timeline sideways by `dx` pixels, holding it by its time axis (never an item). */
  dragTimeline(dx: number): Promise<void> {
    return this.views.timeline.drag(dx);
  }

  /** Drags the map by (dx, dy) pixels from an empty point, and waits until it stops gliding. */
  dragMap(dx: number, dy: number): Promise<void> {
    return this.views.map.drag(dx, dy);
  }

  /** Zooms the map in one step with Leaflet's control and waits for the zoom to settle. */
  zoomMapIn(): Promise<void> {
    return this.views.map.zoomIn();
  }

  async readClipboard(): Promise<string> {
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  async historyLength(): Promise<number> {
    return this.page.evaluate(() => window.history.length);
  }

  /**
   * The address once it has stopped changing: the app rewrites it (throttled) after every move,
   * so wait until two reads, one poll interval apart (longer than the throttle), agree.
   */
  async settledUrl(): Promise<string> {
    let last = '';
    await expect
      .poll(
        () => {
          const now = this.page.url();
          const same = now === last;
          last = now;
          return same;
        },
        { message: 'the address bar settles', intervals: [600] },
      )
      .toBe(true);
    return last;
  }

  // --- Reading what is shown ---------------------------------------------------------------------

  async filterControls(): Promise<FilterControls> {
    const checked = (facet: Locator) =>
      facet
        .locator('input[type=checkbox]:checked')
        .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value).sort());
    return {
      q: await this.search.inputValue(),
      actors: await checked(this.actorFacet.locator('ul')),
      match: (await this.matchAll.isChecked()) ? 'all' : 'any',
      role: await this.role.inputValue(),
      types: await checked(this.filters.getByTestId('facet-types')),
      statuses: await checked(this.filters.getByTestId('facet-statuses')),
      claims: await checked(this.filters.getByTestId('facet-claims')),
      from: await this.dateFrom.inputValue(),
      to: await this.dateTo.inputValue(),
      filterCount: (await this.filterCount.textContent()) ?? '',
      eventCount: (await this.eventCount.textContent()) ?? '',
      listCount: (await this.listCount.textContent()) ?? '',
    };
  }

  async timelineShown(): Promise<TimelineShown> {
    return this.timeline.evaluate((root) => {
      const panel = root.querySelector('.vis-panel.vis-center')?.getBoundingClientRect();
      if (!panel) throw new Error('the timeline is not drawn');
      const left = panel.left;
      // The axis labels in order along the axis (vis-timeline reuses them in any DOM order);
      // `.vis-measure` ones are hidden samples it measures characters with.
      const axis = [...root.querySelectorAll<HTMLElement>('.vis-time-axis .vis-text')]
        .filter((el) => !el.matches('.vis-measure') && el.offsetParent !== null)
        .map((el) => ({
          text: el.textContent ?? '',
          x: Math.round(el.getBoundingClientRect().left - left),
        }))
        .sort((a, b) => a.x - b.x || a.text.localeCompare(b.text));
      const items: Record<string, number> = {};
      for (const label of root.querySelectorAll<HTMLElement>('.dl-item-label[data-event-id]')) {
        const box = label.closest('.vis-item')?.getBoundingClientRect();
        if (box && label.dataset.eventId)
          items[label.dataset.eventId] = Math.round(box.left + box.width / 2 - left);
      }
      return { axis, items, width: panel.width };
    });
  }

  async mapShown(): Promise<MapShown> {
    const drawn = await this.map.evaluate((root) => {
      const r = root.getBoundingClientRect();
      const markers: Record<string, { x: number; y: number }> = {};
      for (const m of root.querySelectorAll<HTMLElement>('.leaflet-marker-icon[data-place]')) {
        const b = m.getBoundingClientRect();
        if (m.dataset.place)
          markers[m.dataset.place] = {
            x: b.left + b.width / 2 - r.left,
            y: b.top + b.height / 2 - r.top,
          };
      }
      return { markers, width: r.width, height: r.height };
    });
    const keys = Object.keys(drawn.markers);
    const [a, b] = keys;
    const pa = a === undefined ? undefined : drawn.markers[a];
    const pb = b === undefined ? undefined : drawn.markers[b];
    if (a === undefined || b === undefined || !pa || !pb)
      throw new Error(`the map needs two markers to tell its view, it has ${keys.length}`);
    const ma = project(placeOf(a).lat, placeOf(a).lon);
    const mb = project(placeOf(b).lat, placeOf(b).lon);
    const pixels = Math.hypot(pb.x - pa.x, pb.y - pa.y);
    const world = Math.hypot(mb.x - ma.x, mb.y - ma.y);
    const scale = pixels / world; // pixels per world width
    const centre = unproject(
      ma.x + (drawn.width / 2 - pa.x) / scale,
      ma.y + (drawn.height / 2 - pa.y) / scale,
    );
    return { markers: drawn.markers, ...centre, zoom: Math.log2(scale / TILE) };
  }

  /** Every view shows `event` selected, and the timeline and the map have stopped moving. */
  async expectSelectedAtRest(event: SeedEvent): Promise<void> {
    await this.expectSelected(event);
    await this.waitForViewsAtRest(event);
  }
}

// ---------------------------------------------------------------------------------------------
// Comparing what two browsers show.

/** How the timeline in `actual` differs from `expected` beyond `px` pixels; empty when alike. */
export function timelineDifferences(
  actual: TimelineShown,
  expected: TimelineShown,
  px = 2,
): string[] {
  const out: string[] = [];
  const texts = (t: TimelineShown) => t.axis.map((a) => a.text).join(' | ');
  if (texts(actual) !== texts(expected))
    out.push(`axis labels “${texts(actual)}” instead of “${texts(expected)}”`);
  else
    actual.axis.forEach((a, i) => {
      const e = expected.axis[i];
      if (e && Math.abs(a.x - e.x) > px)
        out.push(`axis label “${a.text}” at ${a.x} px, not ${e.x}`);
    });
  const ids = (t: TimelineShown) => Object.keys(t.items).sort().join(' ');
  if (ids(actual) !== ids(expected))
    out.push(`timeline shows [${ids(actual)}] instead of [${ids(expected)}]`);
  for (const [id, x] of Object.entries(expected.items)) {
    const got = actual.items[id];
    if (got !== undefined && Math.abs(got - x) > px) out.push(`${id} at ${got} px, not ${x}`);
  }
  return out;
}

/** How the map in `actual` differs from `expected` beyond `px` pixels; empty when alike. */
export function mapDifferences(actual: MapShown, expected: MapShown, px = 3): string[] {
  const out: string[] = [];
  // One pixel in degrees of longitude at this zoom; latitude is finer here, so this bounds both.
  const degreesPerPixel = 360 / (TILE * 2 ** expected.zoom);
  if (Math.abs(actual.zoom - expected.zoom) > 0.05)
    out.push(`zoom ${actual.zoom.toFixed(2)}, not ${expected.zoom.toFixed(2)}`);
  if (
    Math.abs(actual.lat - expected.lat) > px * degreesPerPixel ||
    Math.abs(actual.lon - expected.lon) > px * degreesPerPixel
  )
    out.push(
      `centre ${actual.lat.toFixed(4)},${actual.lon.toFixed(4)}, not ${expected.lat.toFixed(4)},${expected.lon.toFixed(4)}`,
    );
  const keys = (m: MapShown) => Object.keys(m.markers).sort().join(' ');
  if (keys(actual) !== keys(expected))
    out.push(`markers [${keys(actual)}] instead of [${keys(expected)}]`);
  for (const [key, p] of Object.entries(expected.markers)) {
    const got = actual.markers[key];
    if (got && Math.hypot(got.x - p.x, got.y - p.y) > px)
      out.push(
        `marker ${key} at ${got.x.toFixed(0)},${got.y.toFixed(0)}, not ${p.x.toFixed(0)},${p.y.toFixed(0)}`,
      );
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Fixtures: the test's page as a LinksPage, and fresh browser contexts to open links in.

interface LinkFixtures {
  links: LinksPage;
  /**
   * Opens `url` in a new browser context (no storage, no history shared with the test's page),
   * sized like the test's own, and returns its page object. Each such context gets the same
   * guards as the test's page: any console error, uncaught exception or request that leaves
   * localhost fails the test.
   */
  openFresh: (url: string) => Promise<LinksPage>;
}

function contextOptionsLike(
  use: Pick<
    BrowserContextOptions,
    | 'viewport'
    | 'deviceScaleFactor'
    | 'isMobile'
    | 'hasTouch'
    | 'userAgent'
    | 'permissions'
    | 'baseURL'
  >,
): BrowserContextOptions {
  const options: BrowserContextOptions = {};
  if (use.viewport !== undefined) options.viewport = use.viewport;
  if (use.deviceScaleFactor !== undefined) options.deviceScaleFactor = use.deviceScaleFactor;
  if (use.isMobile !== undefined) options.isMobile = use.isMobile;
  if (use.hasTouch !== undefined) options.hasTouch = use.hasTouch;
  if (use.userAgent !== undefined) options.userAgent = use.userAgent;
  if (use.permissions !== undefined) options.permissions = use.permissions;
  if (use.baseURL !== undefined) options.baseURL = use.baseURL;
  return options;
}

async function guardedContext(
  browser: Browser,
  options: BrowserContextOptions,
  problems: string[],
): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  context.on('request', (r) => {
    if (!isLocalUrl(r.url())) problems.push(`request left localhost: ${r.method()} ${r.url()}`);
  });
  context.on('page', (p) => {
    p.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console.error: ${m.text()}`);
    });
    p.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  });
  return context;
}

export const test = base.extend<LinkFixtures>({
  links: async ({ page }, use) => {
    await use(new LinksPage(page));
  },
  openFresh: async (
    { browser, viewport, deviceScaleFactor, isMobile, hasTouch, userAgent, permissions, baseURL },
    use,
  ) => {
    const contexts: BrowserContext[] = [];
    const problems: string[] = [];
    const options = contextOptionsLike({
      viewport,
      deviceScaleFactor,
      isMobile,
      hasTouch,
      userAgent,
      permissions,
      baseURL,
    });
    await use(async (url) => {
      const context = await guardedContext(browser, options, problems);
      contexts.push(context);
      const page = await context.newPage();
      const fresh = new LinksPage(page);
      await page.goto(url);
      // Shown once the app says so: the header counts the events, the timeline has drawn its
      // window and the map its basemap.
      await expect(fresh.eventCount).toHaveText(/^\d+ (of \d+ )?events$/, READY);
      await fresh.views.timeline.waitUntilDrawn();
      await fresh.views.map.waitForBasemap();
      return fresh;
    });
    for (const context of contexts) await context.close();
    expect(problems, 'problems in the fresh browser contexts').toEqual([]);
  },
});

export { expect };
