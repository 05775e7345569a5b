// Stories (issue 13): a story drives every view. Opened by a link at a step, it selects that
// step's event in the timeline, the map, the list and the details and shows its text; the
// keyboard's ← and → and the panel's buttons move between steps; each step is a history entry,
// so Back and Forward move between steps; leaving keeps the view; the panel passes axe and reads
// well at 1280×720 and on a phone, where a swipe moves a step.
import { AxeBuilder } from '@axe-core/playwright';
import { expect, findEvent, READY, seed, test } from './fixtures';
import { StoryPage } from './story.po';

type SeedStep = { event?: string; title?: string; text: string };
const story = (
  seed as unknown as { stories: Array<{ id: string; title: string; steps: SeedStep[] }> }
).stories[0]!;
const total = story.steps.length;
const eventOf = (i: number) =>
  findEvent(`the event of step ${i + 1}`, (e) => e.id === story.steps[i]!.event);
const hamasEvents = seed.events.filter((e) => e.actors?.some((a) => a.actor === 'hamas')).length;
/** The first words of a step's text as the panel shows it (Markdown's ** gone). */
const opening = (i: number) =>
  story.steps[i]!.text.replace(/\*\*/g, '').split('\n')[0]!.slice(0, 60);

test('a story opened by a link at step 3 selects that event in every view and shows its text', async ({
  dateline,
  page,
}) => {
  const stories = new StoryPage(page);
  // Step 3 narrows to the events Hamas takes part in: the link's step applied its filters.
  await stories.gotoStep(dateline, story.id, 3, hamasEvents);
  await expect(stories.panel).toBeVisible();
  await expect(stories.title).toContainText(story.title);
  await stories.expectAt(3, total);
  await dateline.expectSelected(eventOf(2));
  await expect(stories.text).toContainText(opening(2));
});

test('next and previous with the keyboard, the buttons, and Back and Forward between steps', async ({
  dateline,
  page,
}) => {
  const stories = new StoryPage(page);
  await dateline.goto();
  await stories.play(story.title);
  await stories.expectAt(1, total);
  await dateline.expectSelected(eventOf(0));
  expect(await stories.linkStep()).toEqual({ story: story.id, step: '1' });

  await page.locator('body').press('ArrowRight');
  await stories.expectAt(2, total);
  await dateline.expectSelected(eventOf(1));
  await page.locator('body').press('ArrowRight');
  await stories.expectAt(3, total);
  await page.locator('body').press('ArrowLeft');
  await stories.expectAt(2, total);
  await stories.next.click();
  await stories.next.click();
  await stories.expectAt(4, total);
  await dateline.expectSelected(eventOf(3));
  await expect(stories.text).toContainText(opening(3));
  await expect.poll(() => stories.linkStep()).toEqual({ story: story.id, step: '4' });

  // In a text field the arrows are the field's.
  await page.locator('#dl-search-input').focus();
  await page.keyboard.press('ArrowLeft');
  await stories.expectAt(4, total);
  await page.locator('#dl-search-input').blur();

  await page.goBack();
  await stories.expectAt(3, total);
  await dateline.expectSelected(eventOf(2));
  await page.goBack();
  await stories.expectAt(2, total);
  await page.goForward();
  await stories.expectAt(3, total);
  await dateline.expectSelected(eventOf(2));
  await expect(stories.text).toContainText(opening(2));

  // Leaving keeps the reader where they are.
  await stories.leave.click();
  await expect(stories.panel).toHaveCount(0);
  await dateline.expectSelected(eventOf(2));
  await expect.poll(() => stories.linkStep()).toEqual({ story: null, step: null });
  // Without a story, → steps through events again.
  await page.locator('body').press('ArrowRight');
  await expect(dateline.detailsTitle).not.toHaveText(eventOf(2).title);
});

test('the last step has its window; Next stops there', async ({ dateline, page }) => {
  const stories = new StoryPage(page);
  await stories.gotoStep(dateline, story.id, total);
  await stories.expectAt(total, total);
  await expect(stories.next).toBeDisabled();
  await expect(page).toHaveURL(/[?&]t=2025-02-23T00:00Z\.\.2025-03-04T00:00Z/, READY);
});

test('a link to a story the dataset does not have says so and shows the rest', async ({
  dateline,
  page,
}) => {
  const event = seed.events[0]!;
  await page.goto(`/?story=no-such-story&step=2&event=${event.id}`);
  await dateline.waitUntilShown(seed.events.length);
  await expect(
    page.getByText('The link’s story “no-such-story” is not in this dataset'),
  ).toBeVisible();
  await dateline.expectSelected(event);
});

test('axe finds nothing with the story panel open', async ({ dateline, page }) => {
  const stories = new StoryPage(page);
  await stories.gotoStep(dateline, story.id, 2);
  await stories.expectAt(2, total);
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`),
  ).toEqual([]);
  await stories.openDialog();
  const dialog = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  expect(
    dialog.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`),
  ).toEqual([]);
});

test('the story panel at 1280×720', async ({ dateline, page }, info) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const stories = new StoryPage(page);
  await stories.gotoStep(dateline, story.id, 3, hamasEvents);
  await stories.expectAt(3, total);
  const box = await stories.panel.boundingBox();
  expect(box!.height).toBeLessThan(200);
  // The views stay on the first screen below it.
  await expect(page.locator('.dl-map')).toBeInViewport();
  await page.screenshot({ path: info.outputPath('story-1280.png') });
});

test('on a phone the panel stays on top and a swipe moves a step @phone', async ({
  dateline,
  page,
}, info) => {
  const stories = new StoryPage(page);
  await stories.gotoStep(dateline, story.id, 2);
  await stories.expectAt(2, total);
  await page.screenshot({ path: info.outputPath('story-phone.png') });
  const box = (await stories.panel.boundingBox())!;
  const y = box.y + box.height / 2;
  const swipe = async (from: number, to: number) => {
    await stories.panel.dispatchEvent('pointerdown', {
      pointerType: 'touch',
      pointerId: 7,
      clientX: from,
      clientY: y,
      isPrimary: true,
    });
    await stories.panel.dispatchEvent('pointerup', {
      pointerType: 'touch',
      pointerId: 7,
      clientX: to,
      clientY: y + 5,
      isPrimary: true,
    });
  };
  await swipe(300, 100);
  await stories.expectAt(3, total);
  await dateline.expectSelected(eventOf(2));
  await swipe(100, 300);
  await stories.expectAt(2, total);
  // The panel stays at the top as the page scrolls to the timeline.
  await page.locator('.dl-timeline').scrollIntoViewIfNeeded();
  await expect(stories.panel).toBeInViewport();
});

test('everything else in a story’s link applies over its step: another event, a search', async ({
  dateline,
  page,
}) => {
  const stories = new StoryPage(page);
  const other = eventOf(0);
  await page.goto(`/?story=${story.id}&step=2&event=${other.id}&q=Hamas`);
  await expect(dateline.eventCount).toHaveText(
    new RegExp(` of ${seed.events.length} events`),
    READY,
  );
  await dateline.views.timeline.waitUntilDrawn();
  await stories.expectAt(2, total);
  await expect(stories.text).toContainText(opening(1));
  await dateline.expectSelected(other);
  await expect(page.locator('#dl-search-input')).toHaveValue('Hamas');
});
