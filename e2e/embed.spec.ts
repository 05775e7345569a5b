// ?embed=1 inside another site's sandboxed iframe: minimal chrome (the dataset's title, the views,
// "Open in Dateline"), sized by the host page from the height the embed posts, at every width
// from 320 px, without touching the host's history.
import type { Page } from '@playwright/test';
import { expect, seed, test } from './fixtures';
import { APP_ORIGIN, EmbedHost } from './publish.po';

const EVENT = seed.events[0]!.id;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Waits until the host has sized the frame to the embed's content height; returns it. */
async function settledHeight(host: EmbedHost): Promise<number> {
  await expect.poll(async () => (await host.heights()).length).toBeGreaterThan(0);
  await expect
    .poll(async () => Math.round(await host.frameHeight()) - (await host.contentHeight()))
    .toBe(0);
  const content = await host.contentHeight();
  await expect.poll(async () => (await host.heights()).at(-1)).toBe(content);
  return content;
}

async function noSidewaysScroll(host: EmbedHost): Promise<void> {
  const overflow = await host.frame
    .locator('html')
    .evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow, 'content wider than the frame').toBeLessThanOrEqual(0);
}

async function shot(page: Page, name: string) {
  if (process.env.DATELINE_SHOTS)
    await page.screenshot({ path: `test-results/embed-${name}.png`, fullPage: true });
}

test('an embed in a sandboxed iframe shows the views and is sized by the height it posts', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const host = new EmbedHost(page);
  await host.open(`?event=${EVENT}`, 1280);
  await host.waitUntilShown(seed.events.length);
  await expect(host.title).toHaveText(seed.title);
  await expect(
    host.frame.getByRole('heading', { level: 2, name: seed.events[0]!.title }),
  ).toBeVisible();
  // No import, export, share or load-report buttons; the one action opens the full page.
  for (const id of ['open-data', 'export', 'share-view', 'report-button', 'menu-toggle'])
    await expect(host.frame.getByTestId(id)).toHaveCount(0);
  await expect(host.openInDateline).toHaveAttribute('target', '_blank');
  await expect(host.openInDateline).toHaveAttribute('rel', 'noopener');
  await expect(host.openInDateline).toHaveAttribute(
    'href',
    new RegExp(`^${escape(APP_ORIGIN)}/\\?event=${escape(EVENT)}(&|$)`),
  );
  await expect(host.openInDateline).not.toHaveAttribute('href', /embed/);

  const height = await settledHeight(host);
  expect(height).toBeGreaterThan(500);
  await noSidewaysScroll(host);
  await shot(page, '1280x720');

  // "Open in Dateline": the same view, as the full page, in a new tab.
  const [tab] = await Promise.all([page.waitForEvent('popup'), host.openInDateline.click()]);
  await expect(tab.getByTestId('event-count')).toHaveText(`${seed.events.length} events`, {
    timeout: 60_000,
  });
  expect(new URL(tab.url()).searchParams.get('event')).toBe(EVENT);
  expect(new URL(tab.url()).searchParams.has('embed')).toBe(false);
  await expect(tab.getByTestId('export')).toBeVisible();
  await tab.close();
});

for (const [width, height] of [
  [320, 480],
  [640, 400],
] as const) {
  test(`an embed ${width} px wide fits its column and the frame follows what it shows`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    const host = new EmbedHost(page);
    await host.open('', width);
    await host.waitUntilShown(seed.events.length);
    const before = await settledHeight(host);
    await noSidewaysScroll(host);
    await shot(page, `${width}x${height}`);
    const historyBefore = await page.evaluate(() => history.length);

    // Selecting an event shows its details in the page, in place of the dataset's description
    // (no sheet over the frame's bottom): the content's height changes, and the frame's with it.
    await host.frame.locator('[role=option][data-event-id]').first().click();
    await expect(host.frame.locator('.dl-details-open')).toBeVisible();
    await expect(host.frame.locator('.dl-details-open')).toHaveCSS('position', 'static');
    await expect.poll(() => host.contentHeight()).not.toBe(before);
    await settledHeight(host);
    await noSidewaysScroll(host);
    await shot(page, `${width}x${height}-selected`);
    // The embed never writes the address bar: the host's Back button stays the host's.
    expect(await page.evaluate(() => history.length)).toBe(historyBefore);
  });
}
