// Swimlanes (issue 14): "Group by" on the timeline draws one labelled lane per value; an event
// with three actors is drawn in three lanes and selecting or hovering it marks every copy; the
// link carries the grouping; lanes collapse and expand from the keyboard; at scale each lane has
// its own density band and the quietest values fold into "Other (N)"; axe finds nothing.
import { AxeBuilder } from '@axe-core/playwright';
import { generateDataset } from '../scripts/generate';
import { eventsText, expect, findEvent, READY, seed, test } from './fixtures';
import { LanesPage } from './lanes.po';

const WCAG22_AA = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice'];

const actorName = (id: string) => seed.actors?.find((a) => a.id === id)?.name ?? id;
/** An event of the seed with exactly three actors (the seed has several; the first is used). */
const threeActors = findEvent('an event with three actors', (e) => e.actors?.length === 3);
const threeLanes = threeActors.actors!.map((a) => actorName(a.actor)).sort();

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
    expect(violations.violations.map((v) => `${v.id}: ${v.nodes[0]?.target}`)).toEqual([]);
  });

  test('an event with three actors is in three lanes, and selecting it marks all three', async ({
    dateline,
    page,
  }) => {
    await dateline.goto();
    const lanes = new LanesPage(page);
    await lanes.groupByValue('actor');
    await expect(lanes.copies(threeActors.id)).toHaveCount(3);
    expect(await lanes.lanesOf(threeActors.id)).toEqual(threeLanes);

    await lanes.clickCopy(threeActors.id, 1);
    await dateline.expectSelected(threeActors);
    await lanes.expectAllCopiesSelected(threeActors.id, 3);
    // Only its copies are selected.
    await expect(lanes.root.locator('.vis-item.vis-selected:has(.dl-item-label)')).toHaveCount(3);

    // A selection made elsewhere (the list) marks every copy too.
    const other = findEvent('another event with two actors', (e) => e.actors?.length === 2);
    await dateline.views.list.select(other.id);
    await lanes.expectAllCopiesSelected(other.id, 2);
    await expect(lanes.copies(threeActors.id).and(page.locator('.vis-selected'))).toHaveCount(0);

    // Hovering one copy lights up the others (and the list's row, as any hover does).
    await lanes.copies(threeActors.id).first().locator('.dl-item-label').hover();
    await lanes.expectAllCopiesHighlighted(threeActors.id, 3);
  });

  test('the link restores the grouping and the selection in every lane', async ({
    dateline,
    page,
  }) => {
    await page.goto(`/?event=${threeActors.id}&lanes=actor`);
    await expect(dateline.eventCount).toHaveText(eventsText(seed.events.length), READY);
    const lanes = new LanesPage(page);
    await lanes.expectGrouped('actor');
    await lanes.expectAllCopiesSelected(threeActors.id, 3);
    await dateline.expectSelected(threeActors);

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
    const israel = lanes.lane('Israel');
    const before = await lanes.laneNames();

    // The lanes are one tab stop: arrows move between them.
    await lanes.lane('Hamas').focus();
    await page.keyboard.press('ArrowDown');
    await expect(page.locator(':focus .dl-lane-label')).toHaveText(before[1]!);
    await israel.focus();
    await page.keyboard.press('Enter');
    await expect(israel).toHaveAttribute('aria-expanded', 'false');
    await expect(israel).toBeFocused();
    // Its members' lanes are hidden, its own events are not drawn.
    await expect(lanes.lane('Israeli government')).toHaveCount(0);
    expect(await lanes.lanesOf(threeActors.id)).toEqual(threeLanes.filter((n) => n !== 'Israel'));

    await page.keyboard.press(' ');
    await expect(israel).toHaveAttribute('aria-expanded', 'true');
    expect(await lanes.laneNames()).toEqual(before);
    expect(await lanes.lanesOf(threeActors.id)).toEqual(threeLanes);
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
      new RegExp(`^No place: ${unplaced} events`),
    );
    await lanes.groupByValue('status');
    expect(new Set(await lanes.laneNames())).toEqual(new Set(seed.events.map((e) => e.status)));
    await expect(dateline.timelineLabels).toHaveCount(seed.events.length);
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
    // A lane's slice zooms in on a click, until its events are drawn one by one.
    await lanes.laneBins.first().click({ position: { x: 4, y: 4 } });
    await expect(page).toHaveURL(/[?&]t=/, READY);
  });
});
