// Swimlanes (issue 14): "Group by" on the timeline draws one labelled lane per value; an event
// with three actors is drawn in three lanes and selecting or hovering it marks every copy; the
// link carries the grouping; lanes collapse and expand from the keyboard; at scale each lane has
// its own density band and the quietest values fold into "Other (N)"; axe finds nothing.
import { AxeBuilder } from '@axe-core/playwright';
import { generateDataset } from '../scripts/generate';
import {
  eventsText,
  expect,
  findEvent,
  READY,
  seed,
  test,
  type DatelinePage,
  type SeedEvent,
} from './fixtures';
import { LanesPage } from './lanes.po';

const WCAG22_AA = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice'];

const actorName = (id: string) => seed.actors?.find((a) => a.id === id)?.name ?? id;
/** An event of the seed with exactly three actors (the seed has several; the first is used). */
const threeActors = findEvent('an event with three actors', (e) => e.actors?.length === 3);
const threeLanes = threeActors.actors!.map((a) => actorName(a.actor)).sort();

/** The list and the details show `event` selected (the timeline's copies are checked apart). */
async function expectSelectedInListAndDetails(dateline: DatelinePage, event: SeedEvent) {
  await expect(dateline.selectedListOptions).toHaveAttribute('data-event-id', event.id);
  await expect(dateline.detailsTitle).toHaveText(event.title);
  await expect(dateline.page).toHaveURL(new RegExp(`[?&]event=${event.id}(&|$)`));
}

test.describe('swimlanes', () => {
  test('group by actor draws labelled lanes, members nested under their state', async ({
    dateline,
    page,
  }) => {
    await dateline.goto();
    const lanes = new LanesPage(page);
    await lanes.groupByValue('actor');
    const names = await lanes.laneNames();
    // Every actor of the seed that takes part in an event, or has a member that does.
    for (const id of ['hamas', 'israel', 'egypt', 'qatar', 'united-states'])
      expect(names).toContain(actorName(id));
    // The busiest first: Hamas takes part in most of the seed's events.
    expect(names[0]).toBe('Hamas');
    // Members come right after the actor they belong to, and say so to screen readers.
    const gov = names.indexOf('Israeli government');
    expect(names.slice(gov - 0, gov + 1)).toEqual(['Israeli government']);
    expect(names.indexOf('Israel')).toBeLessThan(gov);
    await expect(lanes.lane('Israeli government')).toHaveAccessibleName(
      /^Israeli government, member of Israel: \d+ events?/,
    );
    await expect(lanes.lane('Hamas')).toHaveAttribute('aria-expanded', 'true');
    await expect(page).toHaveURL(/[?&]lanes=actor(&|$)/);

    const violations = await new AxeBuilder({ page })
      .withTags(WCAG22_AA)
      .include('[data-testid=timeline]')
      .include('.dl-lane-select')
      .analyze();
    expect(
      violations.violations.map(
        (v) => `${v.id}: ${v.nodes.map((n) => `${n.target} ${n.failureSummary}`).join('; ')}`,
      ),
    ).toEqual([]);
  });

  test('an event with three actors is in three lanes, and selecting it marks all three', async ({
    dateline,
    page,
  }) => {
    await dateline.goto();
    const lanes = new LanesPage(page);
    await lanes.groupByValue('actor');
    // Every lane is scrolled into view in turn: the event is in its three actors' lanes only.
    expect(await lanes.lanesHolding(threeActors.id)).toEqual(threeLanes);

    await lanes.revealLane(threeLanes[1]!);
    await lanes.clickCopyInView(threeActors.id);
    await expectSelectedInListAndDetails(dateline, threeActors);
    expect(await lanes.lanesHolding(threeActors.id, '.vis-selected')).toEqual(threeLanes);
    // Nothing else is selected.
    await expect(
      lanes.root.locator(
        `.vis-item.vis-selected .dl-item-label:not([data-event-id="${threeActors.id}"])`,
      ),
    ).toHaveCount(0);

    // A selection made elsewhere (the list) marks every copy too, and the old one's go.
    const other = findEvent('an event with two actors', (e) => e.actors?.length === 2);
    await dateline.views.list.select(other.id);
    await expectSelectedInListAndDetails(dateline, other);
    const otherLanes = other.actors!.map((a) => actorName(a.actor)).sort();
    expect(await lanes.lanesHolding(other.id, '.vis-selected')).toEqual(otherLanes);
    expect(await lanes.lanesHolding(threeActors.id, '.vis-selected')).toEqual([]);
  });

  test('with every lane in view, all three copies are drawn at once and all three selected', async ({
    dateline,
    page,
  }) => {
    // The events naming the Palestinian prisoners, by actor: a handful of lanes, all in view.
    await page.goto('/?actors=palestinian-prisoners&lanes=actor');
    await expect(dateline.eventCount).toContainText(' of ', READY);
    const lanes = new LanesPage(page);
    await lanes.expectGrouped('actor');
    await expect(lanes.copies(threeActors.id)).toHaveCount(3);
    expect(await lanes.lanesOf(threeActors.id)).toEqual(threeLanes);

    await lanes.clickCopyInView(threeActors.id);
    // The page object's check holds with lanes: every copy selected, nothing else.
    await dateline.expectSelected(threeActors);
    await expect(dateline.selectedTimelineItems).toHaveCount(3);
    expect(await lanes.lanesOf(threeActors.id, '.vis-selected')).toEqual(threeLanes);
  });

  test('with a filter, lanes hold only what it shows; hovering a copy lights up the others', async ({
    dateline,
    page,
  }) => {
    // The events naming the Palestinian prisoners, by actor: a handful of lanes, all in view.
    const shown = seed.events.filter((e) =>
      e.actors?.some((a) => a.actor === 'palestinian-prisoners'),
    );
    await page.goto('/?actors=palestinian-prisoners&lanes=actor');
    await expect(dateline.eventCount).toContainText(`${shown.length} of`, READY);
    const lanes = new LanesPage(page);
    await lanes.expectGrouped('actor');
    const expected = [...new Set(shown.flatMap((e) => e.actors!.map((a) => actorName(a.actor))))];
    expect((await lanes.laneNames()).sort()).toEqual(expected.sort());
    await expect(lanes.lane(actorName('palestinian-prisoners'))).toHaveAccessibleName(
      new RegExp(`^${actorName('palestinian-prisoners')}: ${shown.length} events`),
    );

    const option = await dateline.revealListOption(threeActors.id);
    await lanes.copyInView(threeActors.id).then((copy) => copy.hover());
    await lanes.expectDrawnCopiesMarked(threeActors.id, '.dl-highlight', 3);
    // The list follows the hover, as from any view; and the copies go out with the pointer.
    await expect(option).toHaveClass(/\bdl-highlight\b/);
    await dateline.movePointerAway();
    expect(await lanes.lanesOf(threeActors.id, '.dl-highlight')).toEqual([]);
  });

  test('the link restores the grouping and the selection in every lane', async ({
    dateline,
    page,
  }) => {
    await page.goto(`/?event=${threeActors.id}&lanes=actor`);
    await expect(dateline.eventCount).toHaveText(eventsText(seed.events.length), READY);
    const lanes = new LanesPage(page);
    await lanes.expectGrouped('actor');
    await expectSelectedInListAndDetails(dateline, threeActors);
    expect(await lanes.lanesHolding(threeActors.id, '.vis-selected')).toEqual(threeLanes);

    // Back to one stack: the link drops lanes, each event is one item again.
    await lanes.groupByValue('none');
    await expect(lanes.laneButtons).toHaveCount(0);
    await expect(lanes.copies(threeActors.id)).toHaveCount(1);
    await expect(page).not.toHaveURL(/lanes=/);

    // A grouping the app does not know is named in a notice and ignored.
    await page.goto(`/?lanes=colour`);
    await expect(dateline.eventCount).toHaveText(eventsText(seed.events.length), READY);
    await expect(page.getByText('Ignored lanes "colour"')).toBeVisible();
    await lanes.expectGrouped('none');
  });

  test('lanes collapse and expand from the keyboard; members go with their lane', async ({
    dateline,
    page,
  }) => {
    await page.goto('/?lanes=actor');
    await expect(dateline.eventCount).toHaveText(eventsText(seed.events.length), READY);
    const lanes = new LanesPage(page);
    await lanes.expectGrouped('actor');
    const before = await lanes.laneNames();

    // The lanes are one tab stop: arrows move between them.
    await lanes.lane(before[0]!).focus();
    await page.keyboard.press('ArrowDown');
    await expect(lanes.lane(before[1]!)).toBeFocused();
    await page.keyboard.press('End');
    await expect(lanes.lane(before.at(-1)!)).toBeFocused();

    const israel = lanes.lane('Israel');
    await lanes.revealLane('Israel');
    await israel.focus();
    await page.keyboard.press('Enter');
    await expect(israel).toHaveAttribute('aria-expanded', 'false');
    await expect(israel).toBeFocused();
    // Its members' lanes are hidden, its own events are not drawn.
    await expect(lanes.lane('Israeli government')).toHaveCount(0);
    expect(await lanes.lanesHolding(threeActors.id)).toEqual(
      threeLanes.filter((n) => n !== 'Israel'),
    );

    await israel.focus();
    await page.keyboard.press(' ');
    await expect(israel).toHaveAttribute('aria-expanded', 'true');
    expect(await lanes.laneNames()).toEqual(before);
    expect(await lanes.lanesHolding(threeActors.id)).toEqual(threeLanes);
  });

  test('the other groupings: one lane per value, "(none)" for events without one', async ({
    dateline,
    page,
  }) => {
    await dateline.goto();
    const lanes = new LanesPage(page);
    await lanes.groupByValue('place');
    const names = await lanes.laneNames();
    expect(names.at(-1)).toBe('(none)');
    const unplaced = seed.events.filter((e) => !e.place).length;
    await expect(lanes.lane('(none)')).toHaveAccessibleName(
      new RegExp(`^\\(none\\): ${unplaced} events without a place`),
    );
    await lanes.groupByValue('status');
    expect(new Set(await lanes.laneNames())).toEqual(new Set(seed.events.map((e) => e.status)));
    // One value each: an event is in its status's lane only.
    const scheduled = findEvent('a scheduled event', (e) => e.status === 'scheduled');
    expect(await lanes.lanesHolding(scheduled.id)).toEqual(['scheduled']);
  });
});

test.describe('swimlanes at scale', () => {
  const EVENTS = 10_000;
  const DATA_PATH = '/scale/lanes-10k.json';
  const body = JSON.stringify(generateDataset({ events: EVENTS, seed: 1 }));

  test('each lane draws its own density band, and past 30 lanes the rest are "Other (N)"', async ({
    dateline,
    page,
  }) => {
    test.setTimeout(300_000);
    await page.route(`**${DATA_PATH}`, (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body }),
    );
    await dateline.gotoDataset(DATA_PATH, EVENTS, 120_000);
    const lanes = new LanesPage(page);
    await lanes.groupByValue('actor');
    await expect(dateline.timeline).toHaveAttribute('data-drawing', 'density');
    // The timeline's own band gives way to one per lane.
    await expect(dateline.densityBand).toBeHidden();
    await expect(lanes.laneBins.first()).toBeVisible(READY);
    const names = await lanes.laneNames();
    expect(names.length).toBeLessThanOrEqual(32);
    expect(names).toContainEqual(expect.stringMatching(/^Other \(\d+\)$/));
    // Each lane's band is one tab stop, its slices buttons named by lane, count and dates.
    await lanes.revealLane(names[0]!);
    const first = lanes.binsOf(names[0]!);
    await expect(first.and(lanes.binTabStops)).toHaveCount(1);
    const lanesWithBands = await lanes.root
      .locator('button.dl-lane-bin-label')
      .evaluateAll((bs) => new Set(bs.map((b) => (b as HTMLElement).dataset.laneId)).size);
    await expect(lanes.binTabStops).toHaveCount(lanesWithBands);
    const start = first.and(lanes.binTabStops);
    await expect(start).toHaveAccessibleName(
      new RegExp(`^${names[0]}: [\\d,]+ events?, \\d{4}-\\d\\d-\\d\\d.*: zoom in$`),
    );
    // The arrows move through the lane's slices (the tab stop moves with them); Enter zooms.
    await start.focus();
    const before = await start.getAttribute('aria-label');
    await page.keyboard.press('ArrowRight');
    const moved = lanes.root.locator('button.dl-lane-bin-label:focus');
    await expect(moved).toHaveAttribute('tabindex', '0');
    expect(await moved.getAttribute('aria-label')).not.toBe(before);
    await page.keyboard.press('Home');
    await expect(moved).toHaveAttribute('aria-label', before!);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/[?&]t=/, READY);
    // Focus stays in the lane: on one of its slices, or its name once its events are drawn.
    await expect(
      lanes.root.locator(`button.dl-lane-bin-label:focus, button.dl-lane-toggle:focus`),
    ).toHaveCount(1, READY);

    // A pointer's click on a slice zooms in as well.
    await page.getByRole('button', { name: 'Fit all' }).click();
    await expect(dateline.timeline).toHaveAttribute('data-drawing', 'density', READY);
    await lanes.revealLane(names[0]!);
    const fitted = new URL(page.url()).searchParams.get('t');
    await lanes.laneBins.first().click({ position: { x: 4, y: 8 } });
    await expect.poll(() => new URL(page.url()).searchParams.get('t'), READY).not.toBe(fitted);
  });
});

/** Lanes at a laptop's size, at 200% zoom (1440×900 seen as 720×450) and on a phone. */
async function expectUsableLanes(page: import('@playwright/test').Page, shot: string) {
  const lanes = new LanesPage(page);
  await lanes.groupByValue('actor');
  // The first lane's name and its button are in sight and at least 24 px tall (a touch target).
  const first = lanes.laneButtons.first();
  // On a phone the page scrolls to the timeline, as a user would.
  await lanes.groupBy.scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 200);
  await expect(first).toBeInViewport();
  const box = await first.boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(24);
  // Its name may be cut on a narrow screen; the whole of it is its accessible name.
  await expect(first).toHaveAccessibleName(/^Hamas: \d+ events/);
  await page.screenshot({ path: test.info().outputPath(shot) });
  const results = await new AxeBuilder({ page }).withTags(WCAG22_AA).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes[0]?.target}`)).toEqual([]);
}

for (const size of [
  { width: 1280, height: 720 },
  { width: 720, height: 450 },
]) {
  test.describe(`swimlanes at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size });
    test('lanes are readable and axe finds nothing', async ({ dateline, page }) => {
      await dateline.goto();
      await expectUsableLanes(page, `lanes-${size.width}x${size.height}.png`);
    });
  });
}

test('@phone lanes on a phone: short names, whole to screen readers, axe finds nothing', async ({
  dateline,
  page,
}) => {
  await dateline.goto();
  await expectUsableLanes(page, 'lanes-phone.png');
});
