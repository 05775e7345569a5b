// Full-page screenshots of the app for people to look at (not compared with a baseline):
// test-results/screenshots/dateline-desktop.png with an event selected; on the phone,
// dateline-phone.png (the whole scrolling column) and dateline-phone-details.png (the screen with
// an event open in the bottom sheet; a full-page capture would stretch the fixed sheet over the
// page). With UPDATE_SCREENSHOT=1 the desktop one is also copied to docs/screenshot.png, the
// picture in the README.
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, placedEvent, test, type DatelinePage } from './fixtures';

const README_SCREENSHOT = fileURLToPath(new URL('../docs/screenshot.png', import.meta.url));

/** Selects the first placed event (the Cairo talks in the seed) and waits until all is still. */
async function selectForPicture(dateline: DatelinePage) {
  const event = placedEvent();
  await dateline.selectInList(event.id);
  await dateline.expectSelected(event);
  await dateline.waitForViewsAtRest(event);
  await dateline.movePointerAway();
  await expect(dateline.map).toHaveAttribute('data-basemap', /^(50m|10m)$/);
}

test('desktop screenshot with an event selected', async ({ dateline, page }, testInfo) => {
  await dateline.goto();
  await selectForPicture(dateline);
  const path = join(testInfo.project.outputDir, 'screenshots', 'dateline-desktop.png');
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  await testInfo.attach('dateline-desktop', { path, contentType: 'image/png' });
  if (process.env.UPDATE_SCREENSHOT === '1') {
    mkdirSync(dirname(README_SCREENSHOT), { recursive: true });
    copyFileSync(path, README_SCREENSHOT);
  }
});

test('@phone phone screenshots: the whole page, and an event in the bottom sheet', async ({
  dateline,
  page,
}, testInfo) => {
  await dateline.goto();
  await expect(dateline.markers.first()).toBeVisible();
  const path = join(testInfo.project.outputDir, 'screenshots', 'dateline-phone.png');
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  await testInfo.attach('dateline-phone', { path, contentType: 'image/png' });

  await selectForPicture(dateline);
  await expect(dateline.detailsTitle).toBeInViewport();
  const sheetPath = join(testInfo.project.outputDir, 'screenshots', 'dateline-phone-details.png');
  await page.screenshot({ path: sheetPath, animations: 'disabled' });
  await testInfo.attach('dateline-phone-details', { path: sheetPath, contentType: 'image/png' });
});
