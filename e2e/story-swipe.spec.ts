// A finger's swipe on a phone moves a story's step (issue 13), sent as real touches through
// Chromium's input pipeline (CDP Input.dispatchTouchEvent), so the browser itself turns them into
// touch pointer events, decides what scrolls (the panel lets vertical pans scroll the page) and
// what reaches the page; a short or mostly vertical move is not a swipe.
import type { Page } from '@playwright/test';
import { findEvent, seed, test } from './fixtures';
import { StoryPage } from './story.po';

type SeedStep = { event?: string };
const story = (seed as unknown as { stories: Array<{ id: string; steps: SeedStep[] }> })
  .stories[0]!;
const total = story.steps.length;
const eventOf = (i: number) =>
  findEvent(`the event of step ${i + 1}`, (e) => e.id === story.steps[i]!.event);

/** A finger moving from one point to another over a few frames, then lifted. */
async function swipe(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  const cdp = await page.context().newCDPSession(page);
  const point = (t: number) => [
    { x: from.x + (to.x - from.x) * t, y: from.y + (to.y - from.y) * t, id: 1 },
  ];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(0) });
  for (const t of [0.25, 0.5, 0.75, 1])
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(t) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

test('@phone a finger swiping the story panel moves a step; a short or upward move does not', async ({
  dateline,
  page,
}) => {
  const stories = new StoryPage(page);
  await stories.gotoStep(dateline, story.id, 2);
  await stories.expectAt(2, total);
  const box = (await stories.step.boundingBox())!;
  const y = box.y + Math.min(box.height / 2, 20);
  const left = box.x + box.width * 0.15;
  const right = box.x + box.width * 0.85;

  await swipe(page, { x: right, y }, { x: left, y });
  await stories.expectAt(3, total);
  await dateline.expectSelected(eventOf(2));
  await swipe(page, { x: left, y }, { x: right, y });
  await stories.expectAt(2, total);
  await dateline.expectSelected(eventOf(1));

  // Too short, or more up than sideways: no step moves.
  await swipe(page, { x: right, y }, { x: right - 30, y });
  await swipe(page, { x: right, y: y + 60 }, { x: right - 60, y: y - 60 });
  await page.waitForTimeout(300);
  await stories.expectAt(2, total);
});
