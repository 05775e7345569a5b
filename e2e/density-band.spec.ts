// Zoomed out on 10,000 events the timeline draws a density band: slices of time whose counts
// add up to the events shown, each a named button; a click or Enter zooms into a slice until
// events are drawn one by one, and a filter changes the counts.
import { AxeBuilder } from '@axe-core/playwright';
import type { Locator } from '@playwright/test';
import { generateDataset } from '../scripts/generate';
import { expect, READY, test, type DatelinePage } from './fixtures';
import { FiltersPanel } from './filters.po';

const EVENTS = 10_000;
const DATA_PATH = '/scale/events-10k.json';
const SLICE_NAME = /^[\d,]+ events?, \d{4}-\d{2}-\d{2}( [\d:]+)?( to [\d-: ]+)?( UTC)?: zoom in$/;

const body = JSON.stringify(generateDataset({ events: EVENTS, seed: 1 }));

test.beforeEach(async ({ dateline, page }) => {
  test.setTimeout(300_000);
  await page.route(`**${DATA_PATH}`, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body }),
  );
  await dateline.gotoDataset(DATA_PATH, EVENTS, 120_000);
  await expect(dateline.timeline).toHaveAttribute('data-drawing', 'density');
});

/** The number of events the header says are shown ("N events" or "N of M events"). */
async function shownCount(dateline: DatelinePage): Promise<number> {
  return Number((await dateline.eventCount.textContent())?.split(' ')[0]);
}

/** The slice's span, ms. */
async function spanOf(slice: Locator): Promise<{ start: number; end: number }> {
  const [start, end] = await slice.evaluate((el: HTMLElement) => [
    el.dataset.start,
    el.dataset.end,
  ]);
  return { start: Number(start), end: Number(end) };
}

/**
 * Waits until the timeline's window (the link's `t`, written once the window settles) is the
 * slice with a tenth of it either side, as a zoom into it leaves it.
 */
async function expectZoomedInto(dateline: DatelinePage, span: { start: number; end: number }) {
  const pad = (span.end - span.start) * 0.1;
  await expect(() => {
    const t = new URL(dateline.page.url()).searchParams.get('t') ?? '';
    const [from = NaN, to = NaN] = t.split('..').map((s) => Date.parse(s));
    // The link gives minutes.
    expect(Math.abs(from - (span.start - pad))).toBeLessThan(60_000);
    expect(Math.abs(to - (span.end + pad))).toBeLessThan(60_000);
  }).toPass(READY);
}

async function expectCountsAddUpToShown(dateline: DatelinePage): Promise<number[]> {
  // The window is fitted to the data and the band covers it with a margin: every event is in it.
  const slices = await dateline.densityCounts();
  expect(slices.reduce((n, s) => n + s.count, 0)).toBe(await shownCount(dateline));
  return slices.map((s) => s.count);
}

test('the band is named buttons in one tab stop, counting every event shown', async ({
  dateline,
  page,
}) => {
  await expect(dateline.densitySlices.first()).toBeVisible();
  // vis-timeline holds no slice: the band is Dateline's own.
  await expect(dateline.timeline.locator('.vis-item')).toHaveCount(0);
  const names = await dateline.densitySlices.evaluateAll((els) =>
    els.map((el) => el.getAttribute('aria-label') ?? ''),
  );
  expect(names.length).toBeGreaterThan(10);
  for (const name of names) expect(name).toMatch(SLICE_NAME);
  await expect(dateline.densitySlices.and(page.locator('[tabindex="0"]'))).toHaveCount(1);
  await expectCountsAddUpToShown(dateline);

  const results = await new AxeBuilder({ page }).include('[data-testid=timeline]').analyze();
  const blocking = results.violations.filter((v) =>
    ['serious', 'critical'].includes(v.impact ?? ''),
  );
  expect(
    blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
});

test('an actor filter changes the counts', async ({ dateline }) => {
  const before = await expectCountsAddUpToShown(dateline);
  const filters = new FiltersPanel(dateline);
  await filters.openSection('Actors');
  await filters.actorCheckboxes.first().check();
  await expect(dateline.eventCount).toHaveText(/^\d+ of 10000 events$/, READY);
  await expect(async () => {
    const after = await expectCountsAddUpToShown(dateline);
    expect(after).not.toEqual(before);
  }).toPass(READY);
  await expect(dateline.timeline).toHaveAttribute('data-drawing', 'density');
});

test('a click on a slice zooms into it, until events are drawn one by one', async ({
  dateline,
}) => {
  for (let step = 0; step < 6; step++) {
    if ((await dateline.timeline.getAttribute('data-drawing')) !== 'density') break;
    const slice = await dateline.densitySliceInView();
    const span = await spanOf(slice);
    await slice.click();
    await expectZoomedInto(dateline, span);
  }
  await expect(dateline.timeline).toHaveAttribute('data-drawing', 'items');
  await expect(dateline.densitySlices).toHaveCount(0);
  await expect(dateline.timelineLabels.first()).toBeVisible();
});

test('Enter on the focused slice zooms into it; arrows move between slices', async ({
  dateline,
  page,
}) => {
  await dateline.densitySlices.and(page.locator('[tabindex="0"]')).focus();
  const first = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
  await page.keyboard.press('ArrowRight');
  const second = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
  expect(second).toMatch(SLICE_NAME);
  expect(second).not.toBe(first);
  // The arrow moved between slices, not the selection between events.
  await expect(dateline.detailsArticle).toHaveCount(0);
  for (let step = 0; step < 6; step++) {
    if ((await dateline.timeline.getAttribute('data-drawing')) !== 'density') break;
    // After each zoom, focus stays on the band: on the slice nearest the one zoomed into.
    const focused = dateline.densitySlices.and(page.locator(':focus'));
    await expect(focused).toHaveCount(1);
    const span = await spanOf(focused);
    await page.keyboard.press('Enter');
    await expectZoomedInto(dateline, span);
  }
  await expect(dateline.timeline).toHaveAttribute('data-drawing', 'items');
  // The band went; focus is on the timeline, where the arrows step through events.
  await expect(dateline.timeline).toBeFocused();
});

test('the selected event stands above the band and stays clickable', async ({ dateline }) => {
  const id = await dateline.listOptions.first().getAttribute('data-event-id');
  if (!id) throw new Error('the list has no rows');
  await dateline.selectInList(id);
  const item = dateline.timelineItem(id).and(dateline.selectedTimelineItems);
  await expect(item).toBeVisible(READY);
  await expect(dateline.timeline).toHaveAttribute('data-drawing', 'density');
  const [box, band] = await Promise.all([item.boundingBox(), dateline.densityBand.boundingBox()]);
  if (!box || !band) throw new Error('the item or the band is not drawn');
  expect(box.y + box.height).toBeLessThanOrEqual(band.y);
  await item.click({ trial: true });
  // A click on a slice zooms in and keeps the selection.
  const slice = await dateline.densitySliceInView();
  const span = await spanOf(slice);
  await slice.click();
  await expectZoomedInto(dateline, span);
  await expect(dateline.detailsArticle).toHaveAttribute('data-event-id', id);
});
