// `npm run check:firefox`: the standalone page in Firefox (issue 13 asks that it work from
// file:// in Chromium and Firefox; the e2e suite runs Chromium only, as Playwright's Firefox is
// a patched build that cannot be downloaded here). The app is built and served, Chromium exports
// "Standalone page (.html)" from the bundled dataset as a user would, and a stock Firefox
// (DATELINE_FIREFOX, else /usr/bin/firefox-esr, else /usr/bin/firefox), driven by puppeteer-core
// over WebDriver BiDi, opens the file from file:// and is checked for: the dataset shown, no
// request at all, a click on an event showing its details, and the bundled story opened at a
// step by its link. Prints what it found, writes bench-results/firefox-standalone.json and a
// screenshot beside it; exits 1 if a check fails.
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import puppeteer from 'puppeteer-core';
import { chromiumLaunchOptions } from '../e2e/chromium';
import { RESULTS } from './bench/config';
import { build, serve } from './bench/serve';
import { log } from './bench/util';

const FIREFOXES = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];
const STORY = 'end-of-phase-one';
const TIMEOUT = 60_000;

function firefoxPath(): string {
  const chosen = process.env.DATELINE_FIREFOX ?? FIREFOXES.find((p) => existsSync(p));
  if (!chosen)
    throw new Error(
      `no Firefox: set DATELINE_FIREFOX, or install one (apt-get install firefox-esr)`,
    );
  return chosen;
}

/** Exports the standalone page from the served app in Chromium; returns the file's path. */
async function exportStandalone(origin: string): Promise<string> {
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const page = await browser.newPage({ acceptDownloads: true });
    await page.goto(origin);
    await page.getByTestId('event-count').filter({ hasText: /\d/ }).waitFor({ timeout: TIMEOUT });
    const toggle = page.getByTestId('menu-toggle');
    if (await toggle.isVisible()) await toggle.click();
    await page.getByTestId('export').click();
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Standalone page (.html)', exact: true }).click();
    const download = await downloading;
    const path = join(
      mkdtempSync(join(tmpdir(), 'dateline-firefox-')),
      download.suggestedFilename(),
    );
    await download.saveAs(path);
    return path;
  } finally {
    await browser.close();
  }
}

interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

async function checkInFirefox(file: string, screenshot: string): Promise<Check[]> {
  const executablePath = firefoxPath();
  log(`opening ${file} in ${executablePath} …`);
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath, headless: true });
  const checks: Check[] = [];
  const check = (name: string, ok: boolean, detail: string) => checks.push({ name, ok, detail });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 720 });
    const requests: string[] = [];
    page.on('request', (r) => {
      if (
        !r.url().startsWith('file:') &&
        !r.url().startsWith('data:') &&
        !r.url().startsWith('blob:')
      )
        requests.push(`${r.method()} ${r.url()}`);
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const url = pathToFileURL(file).href;
    await page.goto(url);
    const count = await page.waitForFunction(
      () => {
        const text = document.querySelector('[data-testid=event-count]')?.textContent ?? '';
        return /\d/.test(text) && document.querySelector('.dl-list [role=option]') ? text : false;
      },
      { timeout: TIMEOUT },
    );
    check('the dataset is shown', true, String(await count.jsonValue()));
    const basemap = await page.waitForFunction(
      () => document.querySelector('.dl-map [data-basemap]')?.getAttribute('data-basemap'),
      { timeout: TIMEOUT },
    );
    check('the map draws its outlines', true, `basemap ${String(await basemap.jsonValue())}`);
    const timelineItems = await page.$$eval('.dl-item-label', (els) => els.length);
    check('the timeline draws its events', timelineItems > 0, `${timelineItems} labels`);

    const option = await page.waitForSelector('.dl-list [role=option]');
    const id = await option?.evaluate((el) => el.getAttribute('data-event-id'));
    await option?.click();
    const title = await page.waitForFunction(
      () => document.querySelector('#dl-event-title')?.textContent,
      { timeout: TIMEOUT },
    );
    const quote = await page.$$eval('.dl-quote mark', (els) => els.length);
    check(
      'a click on an event shows its details, with its quote',
      quote > 0,
      `${id}: “${String(await title.jsonValue()).slice(0, 60)}…”, ${quote} quote(s)`,
    );

    await page.goto(`${url}?story=${STORY}&step=3`);
    const step = await page.waitForFunction(
      () => document.querySelector('[data-testid=story-count]')?.textContent,
      { timeout: TIMEOUT },
    );
    const selected = await page.waitForFunction(
      () => document.querySelector('#dl-event-title')?.textContent,
      { timeout: TIMEOUT },
    );
    check(
      'the story opens at step 3 by its link, its event selected',
      /3/.test(String(await step.jsonValue())),
      `${String(await step.jsonValue())}: “${String(await selected.jsonValue()).slice(0, 60)}…”`,
    );
    await page.click('[data-testid=story-next]');
    const next = await page.waitForFunction(
      () => {
        const text = document.querySelector('[data-testid=story-count]')?.textContent ?? '';
        return /4/.test(text) ? text : false;
      },
      { timeout: TIMEOUT },
    );
    check('Next moves to step 4', true, String(await next.jsonValue()));
    await page.screenshot({ path: screenshot as `${string}.png` });

    check('no request at all', requests.length === 0, requests.slice(0, 5).join(', ') || 'none');
    check('no error in the page', errors.length === 0, errors.slice(0, 3).join(' | ') || 'none');
    const version = await browser.version();
    check('browser', true, version);
  } catch (e) {
    check('the checks ran to the end', false, String(e));
  } finally {
    await browser.close();
  }
  return checks;
}

async function main() {
  build();
  const { server, origin } = await serve();
  let file: string;
  try {
    file = await exportStandalone(origin);
  } finally {
    server.close();
  }
  mkdirSync(RESULTS, { recursive: true });
  const screenshot = join(RESULTS, 'firefox-standalone.png');
  const checks = await checkInFirefox(file, screenshot);
  for (const c of checks) console.log(`${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}`);
  writeFileSync(
    join(RESULTS, 'firefox-standalone.json'),
    JSON.stringify({ file, when: new Date().toISOString(), checks }, null, 2),
  );
  log(`screenshot: ${screenshot}`);
  if (checks.some((c) => !c.ok)) process.exit(1);
}

await main();
