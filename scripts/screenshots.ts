// Pictures of the app for people to look at (the README's, and the phone's), taken from the built
// app through the e2e page objects, in the tests' Chromium:
//
//   npm run build && npm run screenshots            # writes docs/screenshot*.png
//   npm run screenshots -- --out /tmp/pictures      # somewhere else
//
// docs/screenshot.png: the desktop (1440×900, the e2e desktop size) with the first placed event
// of the seed selected; docs/screenshot-phone.png: the whole scrolling column on a phone;
// docs/screenshot-phone-details.png: the phone's screen with that event open in the bottom sheet
// (a full-page capture would stretch the fixed sheet over the page); docs/screen-<size>.png: the
// first screen, nothing selected, at 1440×900, 1280×720, 720×450 (200% zoom of 1440×900) and on a
// 390×844 phone. It stops, writing nothing
// more, if the page reports an error or asks for anything beyond this machine. Not a test: a
// picture is looked at, not compared.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  chromium,
  devices,
  expect,
  type Browser,
  type BrowserContextOptions,
} from '@playwright/test';
import { preview } from 'vite';
import { DatelinePage, isLocalUrl } from '../e2e/app.po';
import { chromiumLaunchOptions } from '../e2e/chromium';
import { placedEvent } from '../e2e/seed';

const { values: args } = parseArgs({
  options: { out: { type: 'string', default: 'docs' } },
});

/** Opens the app in a fresh context and fails on page errors and outside requests. */
async function open(browser: Browser, origin: string, options: BrowserContextOptions) {
  const context = await browser.newContext({ ...options, baseURL: origin });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console.error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  context.on('request', (r) => {
    if (!isLocalUrl(r.url())) problems.push(`request outside this machine: ${r.url()}`);
  });
  const dateline = new DatelinePage(page);
  await dateline.goto();
  const check = () => {
    if (problems.length) throw new Error(`the page reported: ${problems.join(' | ')}`);
  };
  return { context, page, dateline, check };
}

/** Selects the first placed event from the list and waits until every view is still. */
async function selectForPicture(dateline: DatelinePage): Promise<void> {
  const event = placedEvent();
  await dateline.selectInList(event.id);
  await dateline.expectSelected(event);
  await dateline.waitForViewsAtRest(event);
  await dateline.movePointerAway();
  await dateline.views.map.waitForBasemap();
}

async function main(): Promise<void> {
  if (!existsSync('dist/index.html')) throw new Error('no build in dist/: run npm run build first');
  mkdirSync(args.out, { recursive: true });
  const server = await preview({
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
    logLevel: 'warn',
  });
  const origin = server.resolvedUrls?.local[0]?.replace(/\/$/, '');
  if (!origin) throw new Error('vite preview gave no address');
  const browser = await chromium.launch(chromiumLaunchOptions());
  const written: string[] = [];
  const shoot = async (page: DatelinePage['page'], name: string, fullPage: boolean) => {
    const path = join(args.out, name);
    await page.screenshot({ path, fullPage, animations: 'disabled' });
    written.push(path);
  };
  try {
    const desktop = await open(browser, origin, {
      ...devices['Desktop Chrome'],
      viewport: { width: 1440, height: 900 },
    });
    await selectForPicture(desktop.dateline);
    desktop.check();
    await shoot(desktop.page, 'screenshot.png', true);
    await desktop.context.close();

    const phone = await open(browser, origin, devices['Pixel 7']);
    await expect(phone.dateline.markers.first()).toBeVisible();
    phone.check();
    await shoot(phone.page, 'screenshot-phone.png', true);
    await selectForPicture(phone.dateline);
    await expect(phone.dateline.detailsTitle).toBeInViewport();
    phone.check();
    await shoot(phone.page, 'screenshot-phone-details.png', false);
    await phone.context.close();

    const firstScreens: Array<[string, BrowserContextOptions]> = [
      ['1440x900', { ...devices['Desktop Chrome'], viewport: { width: 1440, height: 900 } }],
      ['1280x720', { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 720 } }],
      ['720x450', { ...devices['Desktop Chrome'], viewport: { width: 720, height: 450 } }],
      ['phone', { ...devices['Pixel 7'], viewport: { width: 390, height: 844 } }],
    ];
    for (const [name, options] of firstScreens) {
      const screen = await open(browser, origin, options);
      await expect(screen.dateline.markers.first()).toBeVisible();
      await screen.dateline.movePointerAway();
      screen.check();
      await shoot(screen.page, `screen-${name}.png`, false);
      await screen.context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  for (const path of written) console.log(`wrote ${path}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
