// A dataset with thousands of places: the map clusters them (off the main thread from 2,000
// places), draws only a few hundred markers, and keeps them usable by keyboard and selection.
import { generate } from '../scripts/generate';
import { expect, inTimeOrder, placeKeyOf, READY, test, type SeedDataset } from './fixtures';

const EVENTS = 3000;
// ~2,400 distinct places: enough for the cluster worker.
const data = generate(EVENTS, 7, 10_000) as SeedDataset;

test.beforeEach(async ({ dateline }) => {
  await dateline.serveDataset(data);
  await dateline.open();
  await expect(dateline.eventCount).toHaveText(`${EVENTS} events`, READY);
  // The clusters come from a worker: they are the map's sign that it shows the data.
  await expect(dateline.clusters.first()).toBeVisible(READY);
});

test('thousands of places are drawn as a few hundred markers, clusters named by what they hold', async ({
  dateline,
  page,
}) => {
  // The index is built off the main thread, in one worker (text search and the basemap have
  // their own).
  const clusterWorkers = page.workers().filter((w) => w.url().includes('clusterWorker'));
  expect(clusterWorkers).toHaveLength(1);
  const drawn = await dateline.map.locator('.leaflet-marker-icon').count();
  expect(drawn).toBeLessThan(600);
  await expect(dateline.clusters.first()).toHaveAttribute('role', 'button');
  await expect(dateline.clusters.first()).toHaveAttribute(
    'aria-label',
    /^[\d,]+ places, [\d,]+ events? — zoom in$/,
  );
});

test('Enter on a cluster zooms in and focuses what it split into', async ({ dateline, page }) => {
  const cluster = await dateline.clusters.first().elementHandle();
  await cluster?.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => cluster?.evaluate((el) => el.isConnected)).toBe(false);
  await expect(page.locator('.leaflet-marker-icon:focus')).toHaveCount(1);
});

test('an event selected in the list shows its place on the map, even inside a cluster', async ({
  dateline,
}) => {
  const event = inTimeOrder(data.events).find((e) => placeKeyOf(e) !== null);
  if (!event) throw new Error('the generated data has no placed event');
  await dateline.selectInList(event.id);
  await expect(dateline.selectedMarkers).toHaveCount(1);
  await expect(dateline.markerOf(event.id)).toHaveClass(/\bdl-selected\b/);
});
