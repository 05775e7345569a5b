// `?embed=1&story=…` is a slide show (issue 13): inside another site's sandboxed iframe, in a
// column as narrow as a phone's, the story comes first — its title, "2 of 6", the whole step
// text, Previous/Next, the progress bar — with the views below it; Next and a swipe move a step
// and select its event in every view; the host sizes the frame from the height the embed posts;
// leaving the story gives the embed's usual layout back.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, findEvent, seed, test } from './fixtures';
import { EmbedHost } from './publish.po';
import { StorySlides } from './slideshow.po';

type SeedStep = { event?: string; text: string };
const story = (seed as unknown as { stories: Array<{ id: string; steps: SeedStep[] }> })
  .stories[0]!;
const total = story.steps.length;
const eventOf = (i: number) =>
  findEvent(`the event of step ${i + 1}`, (e) => e.id === story.steps[i]!.event);
/** The last words of a step's text as the panel shows it (Markdown's ** gone). */
const closing = (i: number) => story.steps[i]!.text.replace(/\*\*/g, '').trim().slice(-40);

async function shot(page: Page, name: string) {
  if (process.env.DATELINE_SHOTS)
    await page.screenshot({ path: `test-results/embed-slideshow-${name}.png`, fullPage: true });
}

test('an embedded story in a sandboxed frame 320 px wide is a slide show sized by its posted height', async ({
  page,
}) => {
  await page.setViewportSize({ width: 320, height: 560 });
  const host = new EmbedHost(page);
  await host.open(`?story=${story.id}&step=2`, 320);
  await host.waitUntilShown(seed.events.length);
  const slides = new StorySlides(host.frame);
  await expect(slides.panel).toBeVisible();
  await slides.expectAt(2, total);
  await slides.expectSelected(eventOf(1));

  // The story first, the map and timeline below it, the filters and list last.
  const top = async (l: typeof slides.panel) => (await l.boundingBox())!.y;
  expect(await top(slides.panel)).toBeLessThan(await top(slides.map));
  expect(await top(slides.map)).toBeLessThan(await top(slides.timeline));
  expect(await top(slides.timeline)).toBeLessThan(await top(slides.sidebar));
  // The whole step text is shown: nothing scrolls within it or is cut by a box around it, and
  // its last words are on the host page, inside the frame.
  expect(await slides.clipped()).toBe(0);
  await expect(slides.text).toContainText(closing(1));
  const text = (await slides.text.boundingBox())!;
  const frame = (await host.iframe.boundingBox())!;
  expect(text.width).toBeLessThanOrEqual(320);
  expect(text.y + text.height).toBeLessThanOrEqual(frame.y + frame.height);
  await host.settledHeight();
  await shot(page, '320-step2');

  // Next: step 3, its event in every view, its text whole; the frame follows the new height.
  await slides.next.click();
  await slides.expectAt(3, total);
  await slides.expectSelected(eventOf(2));
  await expect(slides.text).toContainText(closing(2));
  expect(await slides.clipped()).toBe(0);
  await host.settledHeight();

  // A finger's swipe to the left is Next, to the right Previous.
  await slides.swipe(260, 60);
  await slides.expectAt(4, total);
  await slides.expectSelected(eventOf(3));
  await slides.swipe(60, 260);
  await slides.expectAt(3, total);
  const overflow = await host.frame
    .locator('html')
    .evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow, 'content wider than the frame').toBeLessThanOrEqual(0);

  // Leaving the story keeps the selection and gives the embed's own layout back (filters first).
  await slides.leave.click();
  await expect(slides.panel).toHaveCount(0);
  await slides.expectSelected(eventOf(2));
  expect(await top(slides.sidebar)).toBeLessThan(await top(slides.map));
  await host.settledHeight();
});

for (const [width, height] of [
  [640, 480],
  [1280, 720],
] as const) {
  test(`an embedded story ${width} px wide shows its step whole beside or above the map`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    const host = new EmbedHost(page);
    await host.open(`?story=${story.id}&step=1`, width);
    await host.waitUntilShown(seed.events.length);
    const slides = new StorySlides(host.frame);
    await slides.expectAt(1, total);
    await slides.expectSelected(eventOf(0));
    expect(await slides.clipped()).toBe(0);
    const panel = (await slides.panel.boundingBox())!;
    const map = (await slides.map.boundingBox())!;
    // Wide, beside the map (a slide beside its picture); narrower, above it.
    if (width > 1100) expect(panel.x + panel.width).toBeLessThanOrEqual(map.x + 1);
    else expect(panel.y + panel.height).toBeLessThanOrEqual(map.y + 1);
    await slides.next.click();
    await slides.expectAt(2, total);
    await slides.expectSelected(eventOf(1));
    await host.settledHeight();
    await shot(page, `${width}x${height}`);
  });
}

test('axe finds nothing in the slide show', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 560 });
  await page.goto(`/?embed=1&story=${story.id}&step=2`);
  const slides = new StorySlides(page);
  await slides.expectAt(2, total);
  await slides.expectSelected(eventOf(1));
  const found = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  expect(
    found.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`),
  ).toEqual([]);
});
