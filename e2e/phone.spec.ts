// On a phone the views stack in one scrolling column, and the details open as a bottom sheet.
// Runs in the "phone" project only (its grep picks titles with @phone).
import { expect, inTimeOrder, test } from './fixtures';

test.beforeEach(async ({ dateline }) => {
  await dateline.goto();
});

test('@phone the map, the timeline and the list are each reachable by scrolling', async ({
  dateline,
}) => {
  for (const view of [dateline.map, dateline.timeline, dateline.eventList]) {
    await view.scrollIntoViewIfNeeded();
    await expect(view).toBeInViewport();
    await expect(view).toBeVisible();
  }
  await expect(dateline.markers.first()).toBeVisible();
  await expect(dateline.timelineLabels.first()).toBeAttached();
});

test('@phone choosing from the list opens the details as a bottom sheet that closes', async ({
  dateline,
  page,
}) => {
  const [first] = inTimeOrder();
  if (!first) throw new Error('the seed has no events');
  await (await dateline.revealListOption(first.id)).tap();
  await dateline.expectSelected(first);

  // A sheet fixed to the bottom of the screen, wholly on screen, whatever the page's scroll.
  await expect(dateline.details).toHaveCSS('position', 'fixed');
  await expect(dateline.details).toBeInViewport({ ratio: 1 });
  const sheet = await dateline.details.boundingBox();
  const viewport = page.viewportSize();
  expect(sheet && viewport && Math.round(sheet.y + sheet.height)).toBe(viewport?.height);
  await expect(dateline.detailsTitle).toBeInViewport();
  await expect(dateline.closeDetails).toBeInViewport();

  await dateline.closeDetails.tap();
  await dateline.expectNothingSelected();
  await expect(dateline.details).not.toHaveCSS('position', 'fixed');
});
