// The bundled seed dataset is shown whole: every event on the timeline, in the list and (when it
// has a place) on the map, drawn on the offline basemap, with its certainty and status visible.
import {
  DATASET_FILE,
  eventsByPlace,
  expect,
  inTimeOrder,
  placeKeyOf,
  READY,
  seed,
  test,
} from './fixtures';

test.beforeEach(async ({ dateline }) => {
  await dateline.goto();
});

test('every event of the seed has exactly one item on the timeline', async ({ dateline }) => {
  await expect(dateline.timelineLabels).toHaveCount(seed.events.length);
  for (const e of seed.events) {
    await expect(dateline.timelineItem(e.id), e.id).toHaveCount(1);
    await expect(dateline.timelineItem(e.id), e.id).toContainText(e.title);
  }
});

test('the header and the list count every event', async ({ dateline }) => {
  const n = seed.events.length;
  await expect(dateline.eventCount).toHaveText(`${n} events`);
  await expect(dateline.listOptions.first()).toHaveAttribute('aria-setsize', String(n));
});

test('the list holds every event, in time order', async ({ dateline }) => {
  const order = inTimeOrder();
  await dateline.eventList.focus();
  for (const [i, e] of order.entries()) {
    await dateline.page.keyboard.press('ArrowDown');
    await expect(dateline.selectedListOptions, `row ${i + 1}`).toHaveAttribute(
      'data-event-id',
      e.id,
    );
    await expect(dateline.selectedListOptions).toHaveAttribute('aria-posinset', String(i + 1));
  }
});

test('every place used by an event has one marker holding its events', async ({ dateline }) => {
  const places = eventsByPlace();
  expect(places.size, 'the seed places some events').toBeGreaterThan(0);
  await expect(dateline.markers).toHaveCount(places.size);
  for (const [placeKey, ids] of places) {
    const marker = dateline.marker(placeKey);
    await expect(marker, placeKey).toHaveCount(1);
    const shown = (await marker.getAttribute('data-events'))?.split(' ') ?? [];
    expect(shown.toSorted(), placeKey).toEqual(ids.toSorted());
  }
});

test('the map says how many events have no place', async ({ dateline }) => {
  const unplaced = seed.events.filter((e) => placeKeyOf(e) === null).length;
  test.skip(unplaced === 0, 'every event of the seed has a place');
  const phrase = unplaced === 1 ? '1 event has' : `${unplaced} events have`;
  await expect(dateline.unplacedCount).toHaveText(`${phrase} no place in the source`);
});

test('the offline basemap is drawn and no map tile is ever requested', async ({ dateline }) => {
  await dateline.zoomMapOutFully();
  await dateline.views.map.waitForBasemap('50m');
  await expect(dateline.mapTiles).toHaveCount(0);
  const tileLike = dateline.requests.filter((url) =>
    /\/\d+\/\d+\/\d+(@2x)?\.(png|jpe?g|webp|pbf|mvt)\b|tile/i.test(url),
  );
  expect(tileLike).toEqual([]);
});

test('zoomed into a place, the detailed outlines are drawn, and only those near the view', async ({
  dateline,
  page,
}) => {
  await dateline.zoomMapOutFully();
  await dateline.views.map.waitForBasemap('50m');
  const parts = async () => Number(await dateline.map.getAttribute('data-basemap-parts'));
  // The whole world is in view: every outline of the 50m file (~1,400 polygons).
  await expect.poll(parts, READY).toBeGreaterThan(1000);
  await page.goto('/?map=31.45,34.4,9');
  await dateline.views.map.waitForBasemap('10m');
  // Only what is near Gaza: a handful of polygons, not the 10m file's thousands.
  await expect.poll(parts, READY).toBeLessThan(100);
  expect(await parts()).toBeGreaterThan(0);
  await expect(dateline.mapTiles).toHaveCount(0);
});

test('a selection that jumps the map from the world to its place keeps the land drawn there', async ({
  dateline,
}) => {
  await dateline.zoomMapOutFully();
  const parts = async () => Number(await dateline.map.getAttribute('data-basemap-parts'));
  await expect.poll(parts, READY).toBeGreaterThan(1000);
  const placed = seed.events.find((e) => placeKeyOf(e) !== null)!;
  await dateline.selectInList(placed.id);
  await dateline.expectSelected(placed);
  // The outlines of the whole world were put aside for the jump; those near the place are back.
  await expect.poll(parts, READY).toBeLessThan(1000);
  expect(await parts()).toBeGreaterThan(0);
  const drawn = await dateline.views.map.landPainted();
  expect(drawn).toBeGreaterThan(0);
});

test('a jump into the detailed zone before its outlines are in keeps the coarse land drawn', async ({
  dateline,
  page,
}) => {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/countries-10m*.json', async (route) => {
    await held;
    await route.continue();
  });
  await dateline.goto(); // again, with the detailed file held back
  await dateline.zoomMapOutFully();
  const placed = seed.events.find((e) => placeKeyOf(e) !== null)!;
  await dateline.selectInList(placed.id);
  await dateline.expectSelected(placed);
  const painted = () => dateline.views.map.landPainted();
  // The 50m outlines near the place stand in…
  await expect.poll(painted, READY).toBeGreaterThan(0);
  await dateline.views.map.waitForBasemap('50m');
  // …until the 10m ones arrive.
  release();
  await dateline.views.map.waitForBasemap('10m');
  await expect.poll(painted, READY).toBeGreaterThan(0);
});

test('approximate and exact events look different on the timeline', async ({ dateline }) => {
  for (const e of seed.events) {
    const item = dateline.timelineItem(e.id);
    if (e.time.approximate) {
      await expect(item, e.id).toHaveClass(/\bdl-approx\b/);
      await expect(item, e.id).not.toHaveClass(/\bdl-exact\b/);
    } else {
      await expect(item, e.id).toHaveClass(/\bdl-exact\b/);
      await expect(item, e.id).not.toHaveClass(/\bdl-approx\b/);
    }
  }
});

test('scheduled and expected events carry their status on the timeline', async ({ dateline }) => {
  const future = seed.events.filter((e) => e.status !== 'occurred');
  expect(
    future.map((e) => e.status).toSorted(),
    'the seed has a scheduled deadline and an expected visit',
  ).toEqual(['expected', 'scheduled']);
  for (const e of seed.events) {
    const item = dateline.timelineItem(e.id);
    await expect(item, e.id).toHaveClass(new RegExp(`\\bdl-status-${e.status}\\b`));
  }
});

test('the load report says every event loaded and none was rejected', async ({ dateline }) => {
  const summary = `${seed.events.length} events loaded, 0 rejected`;
  await expect(dateline.reportButton).toHaveText(summary);
  await dateline.openReport();
  await expect(dateline.reportDialog).toContainText(`Load report: ${DATASET_FILE}`);
  await expect(dateline.reportDialog).toContainText('Every item passed validation.');
});
