// A ?data= link starts loading before the app's code has: index.html starts the import worker,
// which downloads the file and reads it while the page loads the app (src/data/earlyStart.ts);
// the app adopts what it has done. The file is downloaded once, by the worker (the page's own
// resource timing never sees it), and everything a load through the app does still happens:
// the column-mapping step, the page reading Dateline JSON itself, the download's errors.
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ImportPage, mappingStep } from './import.po';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../src/formats/fixtures/${name}`, import.meta.url)));

/** Serves `body` at /links/<name>, counting the requests for it. */
async function serve(page: Page, name: string, body: Buffer | string, status = 200) {
  const asked: string[] = [];
  await page.route(
    (url) => url.pathname === `/links/${name}`,
    (route) => {
      asked.push(route.request().url());
      return route.fulfill({ status, body });
    },
  );
  return asked;
}

/** The page's own downloads of a file (the worker's are not in the page's resource timing). */
const pageDownloads = (page: Page, name: string) =>
  page.evaluate(
    (file) =>
      performance
        .getEntriesByType('resource')
        .filter((e) => new URL(e.name).pathname === `/links/${file}`).length,
    name,
  );

test('a Parquet link is downloaded once, by the import worker, and opens', async ({
  dateline,
  page,
}) => {
  const asked = await serve(page, 'dateline.parquet', fixture('dateline.parquet'));
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto('/?data=/links/dateline.parquet');
  const io = new ImportPage(page);
  await io.expectEvents(5);
  await expect(io.reportButton).toContainText('5 events loaded, 0 rejected');
  expect(asked).toHaveLength(1);
  expect(await pageDownloads(page, 'dateline.parquet')).toBe(0);
  // One import worker: the one index.html started, which the app adopted.
  expect(workers.filter((url) => /import\.worker/.test(url))).toHaveLength(1);
  await dateline.selectInList('talks-begin-cairo');
  await expect(dateline.where).toContainText('Cairo, Egypt');
});

test('a Dateline JSON link comes back to the page, which reads it', async ({ dateline, page }) => {
  const seed = readFileSync(
    fileURLToPath(new URL('../public/data/gaza-ceasefire-2025-02.json', import.meta.url)),
    'utf8',
  );
  const events = (JSON.parse(seed) as { events: unknown[] }).events.length;
  const asked = await serve(page, 'seed.json', seed);
  await dateline.gotoDataset('/links/seed.json', events);
  expect(asked).toHaveLength(1);
  expect(await pageDownloads(page, 'seed.json')).toBe(0);
});

test('a CSV link whose columns are unsure goes through the column-mapping step', async ({
  page,
}) => {
  const asked = await serve(
    page,
    'chronology.csv',
    'date,event,source\n1946-01-10,General Assembly opens in London,UN Archives\n1946-02-01,Trygve Lie elected Secretary-General,UN Archives\n',
  );
  await page.goto('/?data=/links/chronology.csv');
  const step = mappingStep(page);
  await expect(step.count).toContainText('2 of 2 rows would load');
  await step.load.click();
  const io = new ImportPage(page);
  await io.expectEvents(2);
  await expect(page.getByText('Trygve Lie elected Secretary-General').first()).toBeVisible();
  expect(asked).toHaveLength(1);
});

test('a link whose server answers 404 says so, as the page’s own download would', async ({
  dateline,
  page,
}) => {
  await serve(page, 'gone.parquet', 'Not Found', 404);
  await page.goto('/?data=/links/gone.parquet');
  await expect(dateline.loadError).toContainText('gone.parquet: the server answered 404');
});
