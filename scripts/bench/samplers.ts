// The benchmark's interactions, each one measured sample at a time in a freshly loaded page:
// filter changes (actors, dates, text), selection from the timeline and from the map, a pan
// of each view, and switching the timeline's lanes (group by actor and back). They drive the page through the e2e page objects (e2e/*.po.ts), so the bench
// clicks what the tests click; the in-page timer (./page.ts) says when the views were painted.
import type { Page } from '@playwright/test';
import { DatelinePage } from '../../e2e/app.po';
import { FiltersPanel } from '../../e2e/filters.po';
import { MAP_CSS } from '../../e2e/map.po';
import { LanesPage } from '../../e2e/lanes.po';
import { TIMELINE_CSS } from '../../e2e/timeline.po';
import { ACT, CLICK, PAN_MS, QUIET_MS, STEP_TIMEOUT_MS } from './config';
import type { BenchTiming } from './page';
import { frameGaps, type PanResult, type Series, type View } from './report';
import { message, round, sleep, within } from './util';

/** The page being measured, through its page objects, and the ids of its placed events. */
export class BenchPage {
  readonly app: DatelinePage;
  readonly filters: FiltersPanel;

  constructor(
    readonly page: Page,
    /** Ids of the events that have a place: only those can be selected on the map. */
    readonly placedIds: ReadonlySet<string>,
    /** How many events the page shows. */
    readonly events = 0,
    /** The text queries to search, one per sample (each matching a count unlike the last). */
    readonly queries: readonly string[] = GENERATED_QUERIES,
  ) {
    this.app = new DatelinePage(page);
    this.filters = new FiltersPanel(this.app);
  }

  get timeline() {
    return this.app.views.timeline;
  }

  get map() {
    return this.app.views.map;
  }

  /** Starts watching for `selector` (see the in-page `arm`); the next input starts a sample. */
  arm(selector?: string): Promise<void> {
    return this.page.evaluate((s) => window.datelineBench!.arm(s), selector);
  }

  /** Waits until the views changed after the armed input and then stayed quiet. */
  settle(needHeaderChange = true): Promise<BenchTiming> {
    return this.page.evaluate(([q, t, h]) => window.datelineBench!.settle(q, t, h), [
      QUIET_MS,
      STEP_TIMEOUT_MS,
      needHeaderChange,
    ] as const);
  }

  /** Waits until the views have not changed for a quiet period. */
  quiet(): Promise<void> {
    return this.page.evaluate(([q, t]) => window.datelineBench!.quiet(q, t), [
      QUIET_MS,
      STEP_TIMEOUT_MS,
    ] as const);
  }

  /**
   * Waits until the text search's index is built (its workers report it; the page sends them
   * the events' text in slices after a load), and a second more: work the app starts by itself
   * after a load is over. Below 2,000 events the index is built on the first query instead.
   */
  async warmedUp(): Promise<void> {
    if (this.events >= TEXT_WORKERS_FROM)
      await this.page.waitForFunction(
        () => performance.getEntriesByName('dl:text:index').length > 0,
        null,
        { timeout: STEP_TIMEOUT_MS },
      );
    await sleep(1000);
  }

  /** Waits until `selector` matches, after the armed input. */
  waitFor(selector: string): Promise<BenchTiming> {
    return this.page.evaluate(([s, t]) => window.datelineBench!.waitFor(s, t), [
      selector,
      STEP_TIMEOUT_MS,
    ] as const);
  }
}

/** From this many events the text index is built in workers after a load (ARCHITECTURE.md). */
const TEXT_WORKERS_FROM = 2000;

type Sampler = (b: BenchPage) => Promise<BenchTiming>;

export const newSeries = (): Series => ({ samples: [], details: [], errors: [], unchanged: [] });

const FILTER_VIEWS: View[] = ['timeline', 'map', 'header'];

/** Takes one sample into `series`; false when it failed (the error is in the series). */
export async function sample(
  series: Series,
  b: BenchPage,
  what: string,
  act: Sampler,
  expected: View[] = FILTER_VIEWS,
): Promise<boolean> {
  try {
    const t = await within(act(b), STEP_TIMEOUT_MS + 10_000, what);
    const ms = round(t.paintedAt - t.inputAt);
    const rel = (xs: BenchTiming['first']) =>
      Object.fromEntries(
        Object.entries(xs).map(([k, v]) => [k, v === null ? null : round(v - t.inputAt)]),
      );
    series.samples.push(ms);
    series.details.push({ what, ms, first: rel(t.first), last: rel(t.last) });
    const stale = expected.filter((v) => !t.changed[v]);
    if (stale.length) series.unchanged.push(`${what}: ${stale.join(', ')} unchanged`);
    return true;
  } catch (err) {
    series.errors.push(`${what}: ${message(err)}`);
    return false;
  }
}

// --- Filters -------------------------------------------------------------------------------------

/**
 * The actor facet, one checkbox at a time among the eight most frequent actors, keeping one or
 * two ticked: tick a0 (every event → a0's), tick a1 (→ a0 or a1), untick a0 (→ a1), tick a2 …
 * Each click is one sample. Going back to every event is measured once, by "Clear filters".
 */
export async function filterByActor(
  b: BenchPage,
  n: number,
): Promise<{ actor: Series; clear: Series }> {
  const actor = newSeries();
  const clear = newSeries();
  await b.filters.openSection('Actors');
  const ids = await b.filters.actorCheckboxes.evaluateAll((els) =>
    els.slice(0, 8).map((el) => (el as HTMLInputElement).value),
  );
  if (ids.length < 2) throw new Error('the actor facet shows fewer than two actors');
  for (let k = 0; k < n; k++) {
    // k = 0: tick ids[0]; odd k: tick the next; even k: untick the one before it.
    const i = k === 0 ? 0 : k % 2 ? (k + 1) / 2 : k / 2 - 1;
    const id = ids[i % ids.length]!;
    const ok = await sample(actor, b, `${k === 0 || k % 2 ? 'tick' : 'untick'} ${id}`, async () => {
      await b.arm();
      await b.filters.actorCheckbox(id).click(CLICK);
      return b.settle();
    });
    if (!ok) return { actor, clear };
  }
  await sample(clear, b, 'clear filters (back to every event)', async () => {
    await b.arm();
    await b.filters.clearButton.click(CLICK);
    return b.settle();
  });
  return { actor, clear };
}

/**
 * The type facet, as the actor facet: one checkbox at a time among the first eight types that
 * have events (a type with none would leave the count as it was), keeping one or two ticked (tick
 * t0, tick t1, untick t0, tick t2 …); each click is one sample.
 */
export async function filterByType(b: BenchPage, n: number): Promise<Series> {
  const series = newSeries();
  await b.filters.openSection('Type and status');
  const values = (await typesWithEvents(b)).slice(0, 8);
  if (values.length < 2) throw new Error('the type facet shows fewer than two types');
  for (let k = 0; k < n; k++) {
    const i = k === 0 ? 0 : k % 2 ? (k + 1) / 2 : k / 2 - 1;
    const value = values[i % values.length]!;
    const box = b.filters
      .facet('types')
      .locator(`input[type=checkbox][value=${JSON.stringify(value)}]`);
    const ok = await sample(
      series,
      b,
      `${k === 0 || k % 2 ? 'tick' : 'untick'} ${value}`,
      async () => {
        await b.arm();
        await box.click(CLICK);
        return b.settle();
      },
    );
    if (!ok) break;
  }
  return series;
}

/** The type facet's values that count any event with no filter on. */
async function typesWithEvents(b: BenchPage): Promise<string[]> {
  await b.filters.openSection('Type and status');
  const counted = await b.filters
    .facet('types')
    .getByRole('checkbox')
    .evaluateAll((els) =>
      els.map((el) => {
        const input = el as HTMLInputElement;
        // The count beside the value (its label's last part); only "is it 0" matters here.
        const text = input.labels?.[0]?.querySelector('.dl-facet-count')?.textContent ?? '0';
        return { value: input.value, count: Number(text.replace(/\D/g, '') || 0) };
      }),
    );
  return counted.filter((c) => c.count > 0).map((c) => c.value);
}

const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The date facet: a 90-day range, then moved 60 days at a time; each move is two changes (the
 * end, then the start) and each change one sample. The first two changes set the range up.
 */
export async function filterByDates(b: BenchPage, n: number): Promise<Series> {
  const series = newSeries();
  await b.filters.openSection('Dates');
  const { dateFrom: from, dateTo: to } = b.filters;
  let start = '2020-01-01';
  // Setting the range up need not change the count (a range from the data's first day): each
  // step waits for the views to be still instead.
  for (const [input, value] of [
    [to, addDays(start, 90)],
    [from, start],
  ] as const) {
    await input.fill(value, ACT);
    await sleep(QUIET_MS);
    await b.quiet();
  }
  for (let k = 0; k < n; k++) {
    const moveEnd = k % 2 === 0;
    if (moveEnd) start = addDays(start, 60);
    const input = moveEnd ? to : from;
    const value = moveEnd ? addDays(start, 90) : start;
    const ok = await sample(series, b, `date ${moveEnd ? 'to' : 'from'} ${value}`, async () => {
      await b.arm();
      await input.fill(value, ACT);
      return b.settle();
    });
    if (!ok) break;
  }
  return series;
}

const QUERIES = ['ceasefire', 'convoy', 'envoy', 'summit', 'border', 'release', 'corridor'];
const QUERIES_MORE = ['protest', 'delegation', 'hostages', 'withdrawal', 'mediators', 'visit'];
/** The generated data's queries (scripts/generate.ts): consecutive ones match different counts. */
export const GENERATED_QUERIES = [...QUERIES, ...QUERIES_MORE];
/**
 * The large Parquet file's (scripts/largeCsv.ts): each of its seven common words is in 4 of 7
 * events, 'envoy', 'summit', 'protest' and 'deadline' in every one, 'release', 'crossing' and
 * 'agreement' in none; a query matching as many events as the one before would leave the count
 * as it was, so these alternate.
 */
export const LARGE_QUERIES = [
  'ceasefire',
  'envoy',
  'convoy',
  'release',
  'border',
  'summit',
  'talks',
  'crossing',
  'delegation',
  'protest',
  'aid',
  'agreement',
  'statement',
];

/** The search box: one word, then another in its place; each is one change of the query. */
export async function filterByText(b: BenchPage, n: number): Promise<Series> {
  const series = newSeries();
  const words = b.queries;
  for (let k = 0; k < n; k++) {
    const q = words[k % words.length]!;
    const ok = await sample(series, b, `search "${q}"`, async () => {
      await b.arm();
      await b.filters.search.fill(q, ACT);
      return b.settle();
    });
    if (!ok) break;
  }
  return series;
}

// --- Selection -----------------------------------------------------------------------------------

/** A timeline item in view whose event has a place, and the point to click it at. */
async function pickTimelineItem(b: BenchPage, nth: number) {
  let clickable = await b.timeline.clickableItems();
  // Zoomed in on events dated to the day, each item is a range wider than the view: one whose
  // rows are in view is clicked near the view's left edge instead.
  if (clickable.length === 0) clickable = await wideItems(b);
  const candidates = clickable.filter((c) => b.placedIds.has(c.id));
  return candidates.length ? candidates[(nth * 7919) % candidates.length]! : null;
}

/** Timeline items in view from top to bottom, wider than the view, and a point inside each. */
function wideItems(b: BenchPage): Promise<Array<{ id: string; x: number; y: number }>> {
  return b.timeline.panel.evaluate((panel, labelCss) => {
    const p = panel.getBoundingClientRect();
    const found: Array<{ id: string; x: number; y: number }> = [];
    for (const label of panel.querySelectorAll<HTMLElement>(labelCss)) {
      const item = label.closest('.vis-item');
      const id = label.dataset.eventId;
      if (!item || !id || item.classList.contains('vis-selected')) continue;
      const r = item.getBoundingClientRect();
      if (r.top < p.top || r.bottom > p.bottom || r.right < p.left + 40 || r.left > p.right - 40)
        continue;
      const x = Math.max(r.left, p.left) + 20;
      const y = r.top + r.height / 2;
      if (!item.contains(document.elementFromPoint(x, y))) continue;
      found.push({ id, x, y });
    }
    return found;
  }, TIMELINE_CSS.label);
}

/**
 * Drags the timeline so that the first item box in view vertically is in its middle, and says
 * whether it moved. A box sits at the middle of its event's span: zoomed in to hours on events
 * dated to the day (the large Parquet file, one type), every box is hours outside the window and
 * only the span's bars cross it, which take no clicks.
 */
async function centreOnABox(b: BenchPage): Promise<boolean> {
  const dx = await b.timeline.panel.evaluate((panel, labelCss) => {
    const p = panel.getBoundingClientRect();
    for (const label of panel.querySelectorAll<HTMLElement>(labelCss)) {
      const r = label.closest('.vis-item')?.getBoundingClientRect();
      if (r && r.top >= p.top && r.bottom <= p.bottom)
        return p.left + p.width / 2 - (r.left + r.width / 2);
    }
    return null;
  }, TIMELINE_CSS.label);
  if (dx === null || Math.abs(dx) < 1) return false;
  await b.timeline.drag(dx);
  await b.quiet();
  return true;
}

/** A marker (not a cluster) well inside the map's view that a click at its centre reaches. */
async function pickMarker(b: BenchPage, nth: number) {
  const candidates = (await b.map.clickableMarkers(30)).filter((m) => m.events.length > 0);
  return candidates.length ? candidates[(nth * 7919) % candidates.length]! : null;
}

/** Zooms the map into its biggest cluster until single places (markers with events) show. */
async function zoomMapToPlaces(b: BenchPage): Promise<void> {
  for (let step = 0; step < 10; step++) {
    if ((await pickMarker(b, 0)) !== null) return;
    const clusters = (await b.map.clickableMarkers(0)).filter((m) => m.clustered > 0);
    const biggest = clusters.sort((x, y) => y.clustered - x.clustered)[0];
    if (!biggest) return;
    await b.page.mouse.click(biggest.x, biggest.y);
    await b.map.waitForZoomToSettle();
    await b.quiet();
  }
}

/**
 * From this many events the timeline is given one type first, for its selection: the large
 * Parquet file has 547 events on each day, every one dated to the day, so no window of the
 * timeline holds few enough of them to draw single items (ITEMS_IN_WINDOW_LIMIT).
 */
const ONE_TYPE_FROM = 500_000;

export async function selectOnTimeline(b: BenchPage, n: number): Promise<Series> {
  const series = newSeries();
  if (b.events >= ONE_TYPE_FROM) {
    const [first] = await typesWithEvents(b);
    if (first === undefined) throw new Error('the type facet shows no type with events');
    await b.filters
      .facet('types')
      .locator(`input[type=checkbox][value=${JSON.stringify(first)}]`)
      .click(ACT);
    await sleep(QUIET_MS);
    await b.quiet();
  }
  await b.timeline.zoomToItems();
  await b.quiet();
  for (let k = 0; k < n; k++) {
    let item = await pickTimelineItem(b, k);
    if (!item && (await centreOnABox(b))) item = await pickTimelineItem(b, k);
    if (!item) {
      series.errors.push('no timeline item with a place fully in view to click');
      break;
    }
    const selected = MAP_CSS.selectedMarkerOf(item.id);
    const ok = await sample(
      series,
      b,
      `timeline item ${item.id}`,
      async () => {
        await b.arm(selected);
        await b.page.mouse.click(item.x, item.y, CLICK);
        return b.waitFor(selected);
      },
      ['map'],
    );
    if (!ok) break;
    await b.quiet();
  }
  return series;
}

export async function selectOnMap(b: BenchPage, n: number): Promise<Series> {
  const series = newSeries();
  await zoomMapToPlaces(b);
  await b.quiet();
  for (let k = 0; k < n; k++) {
    let marker = await pickMarker(b, k);
    if (!marker) {
      // The last selection moved the map onto a cluster: zoom into places again.
      await zoomMapToPlaces(b);
      marker = await pickMarker(b, k);
    }
    if (!marker) {
      series.errors.push('no marker in the map view to click');
      break;
    }
    let ok: boolean;
    if (marker.events.length === 1) {
      const id = marker.events[0]!;
      const selected = TIMELINE_CSS.selectedLabel(id);
      const { x, y } = marker;
      ok = await sample(
        series,
        b,
        `marker of ${id}`,
        async () => {
          await b.arm(selected);
          await b.page.mouse.click(x, y, CLICK);
          return b.waitFor(selected);
        },
        ['timeline'],
      );
    } else {
      // Several events at one place: the marker opens a chooser (not measured); the sample is
      // the click on one of its events.
      await b.page.mouse.click(marker.x, marker.y);
      const options = b.map.chooserOptions;
      await options.first().waitFor({ timeout: STEP_TIMEOUT_MS });
      // The popup pans the map to fit it (an animation): a press while its options still move
      // is taken for a miss and pressed again, and the first release would start the figure.
      await b.quiet();
      const count = await options.count();
      const option = options.nth((k * 31) % count);
      const id = (await option.getAttribute('data-event-id')) ?? '';
      const selected = TIMELINE_CSS.selectedLabel(id);
      ok = await sample(
        series,
        b,
        `chooser option ${id}`,
        async () => {
          await b.arm(selected);
          await option.click(CLICK);
          return b.waitFor(selected);
        },
        ['timeline'],
      );
    }
    if (!ok) break;
    await b.quiet();
    await b.page.keyboard.press('Escape');
    await b.quiet();
  }
  return series;
}

// --- Pans ----------------------------------------------------------------------------------------

/** Drags from (x, y) for PAN_MS along a path, sampling animation frames in the page. */
async function drag(
  page: Page,
  x: number,
  y: number,
  path: (t: number) => [number, number],
): Promise<PanResult> {
  await page.mouse.move(x, y);
  await page.evaluate(() => window.datelineBench!.startFrames());
  await page.mouse.down();
  const t0 = Date.now();
  let moves = 0;
  for (let t = 0; t < PAN_MS; t = Date.now() - t0) {
    const [dx, dy] = path(t / 1000);
    await page.mouse.move(x + dx, y + dy);
    moves++;
    await sleep(16);
  }
  await page.mouse.up();
  const frames = await page.evaluate(() => window.datelineBench!.stopFrames());
  return {
    ...frameGaps(frames),
    pointerMoves: moves,
  };
}

/** Drags the timeline's items to and fro for PAN_MS (a sine, one period a second). */
export async function panTimeline(b: BenchPage): Promise<PanResult> {
  const box = await b.timeline.panel.boundingBox();
  if (!box) throw new Error('the timeline has no centre panel');
  const a = Math.min(300, box.width / 4);
  const result = await drag(b.page, box.x + box.width / 2, box.y + box.height / 2, (t) => [
    a * Math.sin(2 * Math.PI * t),
    0,
  ]);
  await b.quiet();
  return result;
}

/** Drags the map around a loop for PAN_MS, from a point that holds no marker or control. */
export async function panMap(b: BenchPage): Promise<PanResult> {
  const start = await b.map.emptyPoint();
  const result = await drag(b.page, start.x, start.y, (t) => [
    150 * Math.sin(2 * Math.PI * t),
    100 * (1 - Math.cos(2 * Math.PI * t)),
  ]);
  await b.quiet();
  return result;
}

// --- Swimlanes -----------------------------------------------------------------------------------

/**
 * "Group by" actor and back (issue 14): each switch is one sample, from the select's input until
 * the timeline is painted and quiet (the header's count does not change). Alternates, so every
 * "actor" sample starts from one stack and every "none" sample from the lanes.
 */
export async function groupByActor(
  b: BenchPage,
  n: number,
): Promise<{ actor: Series; none: Series }> {
  const actor = newSeries();
  const none = newSeries();
  const lanes = new LanesPage(b.page);
  for (let k = 0; k < n; k++) {
    for (const [series, value] of [
      [actor, 'actor'],
      [none, 'none'],
    ] as const) {
      const ok = await sample(
        series,
        b,
        `group by ${value} (${k + 1})`,
        async () => {
          await b.arm();
          await lanes.groupBy.selectOption(value);
          return b.settle(false);
        },
        ['timeline'],
      );
      if (!ok) return { actor, none };
    }
  }
  return { actor, none };
}
