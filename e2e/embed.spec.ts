// ?embed=1 inside another site's sandboxed iframe: minimal chrome (the dataset's title, the views,
// "Open in Dateline"), sized by the host page from the height the embed posts, at every width
// from 320 px, without touching the host's history; and "Embed…", which gives the snippet.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, seed, test } from './fixtures';
import { APP_ORIGIN, EmbedDialog, EmbedHost } from './publish.po';

const EVENT = seed.events[0]!.id;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

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

  const height = await host.settledHeight();
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
    const before = await host.settledHeight();
    await noSidewaysScroll(host);
    await shot(page, `${width}x${height}`);
    const historyBefore = await page.evaluate(() => history.length);

    // Selecting an event shows its details in the page, in place of the dataset's description
    // (no sheet over the frame's bottom): the content's height changes, and the frame's with it.
    await host.frame.locator('[role=option][data-event-id]').first().click();
    await expect(host.frame.locator('.dl-details-open')).toBeVisible();
    await expect(host.frame.locator('.dl-details-open')).toHaveCSS('position', 'static');
    await expect.poll(() => host.contentHeight()).not.toBe(before);
    await host.settledHeight();
    await noSidewaysScroll(host);
    await shot(page, `${width}x${height}-selected`);
    // The embed never writes the address bar: the host's Back button stays the host's.
    expect(await page.evaluate(() => history.length)).toBe(historyBefore);
  });
}

test.describe('the Embed dialog', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('gives the current view as an iframe snippet that copies, and the snippet embeds it', async ({
    dateline,
    page,
  }) => {
    await dateline.goto();
    await dateline.selectInList(EVENT);
    const embed = new EmbedDialog(page);
    // By keyboard: the button, Enter, the code, Tab to Copy, Enter.
    await embed.button.focus();
    await page.keyboard.press('Enter');
    await expect(embed.dialog).toBeVisible();
    await expect(embed.dialog).toHaveAccessibleName('Embed this view');
    const frame = await embed.frameAttributes();
    const src = new URL(frame.src!);
    expect(src.origin).toBe(APP_ORIGIN);
    expect(src.searchParams.get('event')).toBe(EVENT);
    expect(src.searchParams.get('embed')).toBe('1');
    expect(frame.title).toBe(`${seed.title} (Dateline: timeline and map)`);
    expect(Number(frame.height)).toBeGreaterThanOrEqual(600);
    expect(frame.sandbox!.split(' ')).toEqual(
      expect.arrayContaining(['allow-scripts', 'allow-same-origin', 'allow-popups']),
    );
    await embed.snippet.focus();
    await page.keyboard.press('Tab');
    await expect(embed.copySnippet).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(embed.dialog.getByRole('status').first()).toHaveText('Copied to the clipboard.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await embed.snippet.inputValue());

    const found = await new AxeBuilder({ page })
      .include('[data-testid=embed-dialog]')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice'])
      .analyze();
    expect(found.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

    await page.keyboard.press('Escape');
    await expect(embed.dialog).toBeHidden();
    await expect(embed.button).toBeFocused();

    // The copied snippet and script, pasted into an article, show that view at its height.
    const script = await embed.script.inputValue();
    // A page of its own (written into the app's page, the app's policy would apply to it).
    const article = await page.context().newPage();
    await article.setContent(
      `<!doctype html><html lang="en"><title>An article</title><body style="margin:0">${copied.replace('<iframe ', '<iframe id="embed" ')}${script}</body></html>`,
    );
    const host = new EmbedHost(article);
    await host.waitUntilShown(seed.events.length);
    await expect(
      host.frame.getByRole('heading', { level: 2, name: seed.events[0]!.title }),
    ).toBeVisible();
    await expect
      .poll(async () => Math.round(await host.frameHeight()) - (await host.contentHeight()))
      .toBe(0);
  });
});
