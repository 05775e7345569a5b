// The timeline shows what it holds: at the first window every label is in sight or counted in a
// visible "N more" marker (the bundled dataset at 1440×900 and 1280×720, and 30 events on one
// day); the wheel zooms and only zooms (Shift pans, Alt or the scroll bar scrolls the rows); a
// day's event covers its whole day when zoomed in; eras are labelled bands; zooms are instant
// when the user asks for less motion; axe finds nothing on the timeline (WCAG 2.2 AA).
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import {
  expect,
  readSeed,
  seed,
  test,
  type DatelinePage,
  type SeedDataset,
  type SeedEvent,
} from './fixtures';
import { FiltersPanel } from './filters.po';
import { ImportPage } from './import.po';
import type { LabelVisibility, TimelinePage } from './timeline.po';

const DAY = 86_400_000;
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
/** Set it to write the screenshots the docs show (docs/timeline-*.png). */
const DOCS_SHOTS = process.env.DATELINE_DOCS_SHOTS === '1';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../src/formats/fixtures/${name}`, import.meta.url));

/** The seed's events replaced by `n` events on one day, a third of them approximate. */
function oneDay(n: number): SeedDataset {
  const data = readSeed();
  const model = seed.events.find((e) => e.id === 'talks-begin-cairo');
  if (!model) throw new Error('the seed has no talks-begin-cairo');
  data.events = Array.from({ length: n }, (_, i): SeedEvent => ({
    ...model,
    id: `same-day-${i + 1}`,
    title: `Event ${i + 1} of ${n} on 10 March`,
    status: i % 5 === 4 ? 'scheduled' : 'occurred',
    time: { start: '2025-03-10', precision: 'day', approximate: i % 3 === 0 },
  }));
  return data;
}

/** Opens the bundled dataset at a window size; every label in sight or counted. */
async function openFirstWindow(
  { dateline, timeline, page }: { dateline: DatelinePage; timeline: TimelinePage; page: Page },
  width: number,
  height: number,
): Promise<LabelVisibility> {
  await page.setViewportSize({ width, height });
  await dateline.goto();
  return timeline.expectEveryLabelVisibleOrCounted();
}

for (const [width, height] of [
  [1440, 900],
  [1280, 720],
] as const) {
  test(`at ${width}×${height} every label of the first window is in sight or counted`, async ({
    dateline,
    timeline,
    page,
  }) => {
    const v = await openFirstWindow({ dateline, timeline, page }, width, height);
    expect(v.outside, 'the first window holds every event').toEqual([]);
    expect(v.visible.length + v.above.length + v.below.length).toBe(seed.events.length);
    // The surest events stack nearest the axis: the two exact-date events are in sight.
    expect(v.visible).toEqual(
      expect.arrayContaining(['talks-begin-cairo', 'ceasefire-phase-one-expiry']),
    );
    if (v.above.length > 0) {
      await expect(timeline.moreAbove).toBeVisible();
      await expect(timeline.scrollbar).toBeVisible();
      // The marker scrolls to what it counts; the counts follow.
      await timeline.moreAbove.click();
      await expect.poll(() => timeline.moreCount('below')).toBeGreaterThan(0);
      await timeline.expectEveryLabelVisibleOrCounted();
    }
    if (DOCS_SHOTS) {
      if (await timeline.moreBelow.isVisible()) await timeline.moreBelow.click();
      await dateline.movePointerAway();
      await page.screenshot({ path: `docs/timeline-${width}x${height}.png` });
    }
  });
}

test('30 events on one day: every label in sight or counted, at 1280×720', async ({
  dateline,
  timeline,
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await dateline.serveDataset(oneDay(30));
  await dateline.goto(30);
  const v = await timeline.expectEveryLabelVisibleOrCounted();
  expect(v.outside).toEqual([]);
  expect(v.above.length).toBeGreaterThan(0);
  await expect(timeline.moreAbove).toHaveText(`▲ ${v.above.length} more above`);
  // Scrolled all the way up with the keys, the rows below are counted instead.
  await timeline.root.focus();
  for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowUp');
  const top = await timeline.expectEveryLabelVisibleOrCounted();
  expect(top.above).toEqual([]);
  expect(top.below.length).toBeGreaterThan(0);
});

test('the wheel zooms without scrolling the stack; Shift pans; over the scroll bar it scrolls', async ({
  dateline,
  timeline,
  page,
}) => {
  await openFirstWindow({ dateline, timeline, page }, 1280, 720);
  const stack = async () => ({
    offset: Number(await timeline.root.getAttribute('data-stack-offset')),
    range: Number(await timeline.root.getAttribute('data-stack-range')),
  });
  const before = await stack();
  expect(before.range, 'the stack is taller than the panel').toBeGreaterThan(0);
  expect(before.offset).toBe(before.range); // the rows next to the axis

  const panel = await timeline.panel.boundingBox();
  if (!panel) throw new Error('the timeline is not drawn');
  const scale = await timeline.scale();
  await page.mouse.move(panel.x + panel.width / 2, panel.y + panel.height / 2);
  await page.mouse.wheel(0, -200);
  await expect.poll(() => timeline.scale()).toBeGreaterThan(scale * 1.2);
  const zoomed = await stack();
  expect(zoomed.offset, 'the stack did not scroll').toBe(zoomed.range);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);

  // Shift + wheel moves through time at the same scale.
  const scaleNow = await timeline.scale();
  const x = await timeline.anchorX('talks-begin-cairo');
  await page.keyboard.down('Shift');
  await page.mouse.wheel(0, 200);
  await page.keyboard.up('Shift');
  await expect.poll(() => timeline.anchorX('talks-begin-cairo')).toBeLessThan(x - 50);
  expect(await timeline.scale()).toBeCloseTo(scaleNow, 12);

  // Fitted again, the wheel over the scroll bar scrolls the rows and does not zoom.
  await new FiltersPanel(dateline).fitAll.click();
  await expect.poll(async () => (await stack()).range).toBeGreaterThan(0);
  const fitted = await timeline.scale();
  const bar = await timeline.scrollbar.boundingBox();
  if (!bar) throw new Error('no scroll bar');
  await page.mouse.move(bar.x + bar.width / 2, bar.y + bar.height / 2);
  const rows = await stack();
  await page.mouse.wheel(0, -60);
  await expect.poll(async () => (await stack()).offset).toBe(Math.max(0, rows.offset - 60));
  expect(await timeline.scale()).toBeCloseTo(fitted, 12);
});

test('a day’s event covers its whole day when zoomed in, not a point at noon', async ({
  dateline,
  timeline,
}) => {
  await dateline.goto();
  await dateline.selectInList('talks-begin-cairo');
  for (let i = 0; i < 8 && DAY * (await timeline.scale()) < 400; i++) await timeline.zoomIn();
  const scale = await timeline.scale();
  expect(DAY * scale, 'a day is wide on screen').toBeGreaterThan(400);
  const bar = await timeline.spanBar('talks-begin-cairo').boundingBox();
  if (!bar) throw new Error('the day’s bar is not drawn');
  // The box stands at the day's middle; its bar runs from midnight to midnight.
  const noon = await timeline.anchorX('talks-begin-cairo');
  expect(bar.width).toBeCloseTo(DAY * scale, -0.5);
  expect(bar.x).toBeCloseTo(noon - (DAY / 2) * scale, -0.5);
});

test('TimelineJS eras are drawn as labelled bands behind the events', async ({
  dateline,
  timeline,
  page,
}) => {
  await dateline.goto();
  const io = new ImportPage(page);
  await io.pickFile(fixture('timelinejs.json'));
  await io.expectEvents(4);
  await expect(timeline.eras).toHaveCount(1);
  await expect(timeline.eraLabels).toHaveText('Ceasefire, phase one');
  await expect(timeline.eraLabels).toBeVisible();
  await expect(timeline.legend.getByText('era', { exact: true })).toBeVisible();
  // The era ends with 1 March: the expiry on that day is inside it, its right edge after it.
  const band = await timeline.eras.boundingBox();
  if (!band) throw new Error('the era is not drawn');
  const expiry = await timeline.anchorX('ceasefire-phase-one-expiry');
  const scale = await timeline.scale();
  expect(band.x + band.width).toBeCloseTo(expiry + (DAY / 2) * scale, -0.5);
  if (DOCS_SHOTS) {
    await dateline.movePointerAway();
    await timeline.root.screenshot({ path: 'docs/timeline-eras.png' });
  }
});

test('with reduced motion the zoom buttons zoom at once, without animation', async ({
  dateline,
  timeline,
  page,
}) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await dateline.goto();
  const before = await timeline.scale();
  // Every frame's scale from the click on: none lies between the old scale and the new one.
  const frames = page.evaluate(
    () =>
      new Promise<number[]>((resolve) => {
        const root = document.querySelector('[data-testid=timeline]') as HTMLElement;
        const seen: number[] = [];
        const t0 = performance.now();
        const sample = () => {
          seen.push(Number(getComputedStyle(root).getPropertyValue('--dl-px-per-ms')));
          if (performance.now() - t0 < 600) requestAnimationFrame(sample);
          else resolve(seen);
        };
        requestAnimationFrame(sample);
      }),
  );
  await timeline.zoomInButton.click();
  const seen = await frames;
  expect(seen.at(-1)! / before).toBeCloseTo(2, 3);
  expect(seen.filter((s) => s / before > 1.02 && s / before < 1.98)).toEqual([]);
});

test('the legend, the help and the “more” marker pass axe’s WCAG 2.2 AA rules', async ({
  dateline,
  timeline,
  page,
}) => {
  await openFirstWindow({ dateline, timeline, page }, 1280, 720);
  // At this width the legend lives in the help, to keep the header one line.
  await expect(timeline.legend).toBeHidden();
  await timeline.helpButton.click();
  await expect(timeline.help).toBeVisible();
  await expect(timeline.legend).toBeVisible();
  await expect(timeline.legend).toContainText('≈ approximate');
  await expect(timeline.help).toContainText('Shift + wheel');
  const results = await new AxeBuilder({ page })
    .withTags(WCAG_22_AA)
    .include('.dl-timeline')
    .analyze();
  expect(results.passes.length).toBeGreaterThan(0);
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`),
  ).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(timeline.help).toBeHidden();
  await expect(timeline.helpButton).toBeFocused();
});

test('“Fit all” fits a file from year 0 to 2025, with BCE on the axis', async ({
  dateline,
  timeline,
  page,
}) => {
  await dateline.goto();
  const io = new ImportPage(page);
  const doc = {
    events: [
      { start_date: { year: '0' }, text: { headline: 'Year zero (1 BCE)' } },
      { start_date: { year: '1000' }, text: { headline: 'A thousand years on' } },
      { start_date: { year: '2025' }, text: { headline: 'Today' } },
    ],
  };
  await io.pickContent('year-0-to-2025.json', JSON.stringify(doc));
  await io.expectEvents(3);
  await dateline.selectInList(
    (await dateline.listOptions.last().getAttribute('data-event-id')) ?? '',
  );
  await timeline.zoomIn();
  await new FiltersPanel(dateline).fitAll.click();
  await expect(timeline.labels).toHaveCount(3);
  await expect.poll(() => timeline.itemsOutsideWindow()).toEqual([]);
  await expect(timeline.axisLabels.filter({ hasText: /BCE$/ }).first()).toBeVisible();
});

/**
 * Asserts the timeline's header (legend, buttons) lies above the panel its items are drawn in
 * (the panel clips them) and does not cover it.
 */
async function expectHeaderClearOfItems(page: Page) {
  const { bar, canvas, panel } = await page.evaluate(() => {
    const rect = (css: string) => {
      const r = document.querySelector(css)!.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom };
    };
    return {
      bar: rect('.dl-timeline .dl-view-bar'),
      canvas: rect('[data-testid=timeline]'),
      panel: rect('[data-testid=timeline] .vis-panel.vis-center'),
    };
  });
  // 1 px: the header's bottom border and subpixel rounding.
  expect(canvas.top).toBeGreaterThanOrEqual(bar.bottom - 1.5);
  expect(panel.top).toBeGreaterThanOrEqual(bar.bottom - 1.5);
  expect(panel.bottom).toBeGreaterThan(panel.top + 40);
}

test('at 720×450 (200% zoom of 1440×900) the header clears the items; all in sight or counted', async ({
  dateline,
  timeline,
  page,
}) => {
  await page.setViewportSize({ width: 720, height: 450 });
  await dateline.goto();
  await timeline.expectEveryLabelVisibleOrCounted();
  await expectHeaderClearOfItems(page);
  if (DOCS_SHOTS) {
    await dateline.movePointerAway();
    await page.screenshot({ path: 'docs/timeline-720x450.png' });
  }
});

test('@phone the header clears the items; all in sight or counted', async ({
  dateline,
  timeline,
  page,
}) => {
  await dateline.goto();
  await timeline.root.scrollIntoViewIfNeeded();
  await timeline.expectEveryLabelVisibleOrCounted();
  await expectHeaderClearOfItems(page);
  if (DOCS_SHOTS) {
    await dateline.movePointerAway();
    await page.screenshot({ path: 'docs/timeline-phone.png' });
  }
});
