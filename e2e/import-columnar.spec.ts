// Parquet (GeoParquet too) and Arrow IPC files open through the "Open data" dialog and from
// `?data=`, read in the import worker with Dateline CSV's columns and rules; the filtered view
// exports as Parquet and opens again the same.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { largeParquet } from '../scripts/gen-parquet';
import { expect, READY, test } from './fixtures';
import { ImportPage } from './import.po';
import { FiltersPanel } from './filters.po';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../src/formats/fixtures/${name}`, import.meta.url));

test('a Parquet file opens from the Open data dialog, its place and actors read', async ({
  dateline,
  page,
}) => {
  const io = new ImportPage(page);
  await dateline.goto();
  await io.pickFile(fixture('dateline.parquet'));
  await io.expectEvents(5);
  await expect(io.notices.first()).toContainText('(Parquet): 5 events loaded, 0 rejected');
  await dateline.selectInList('talks-begin-cairo');
  await expect(dateline.where).toContainText('Cairo, Egypt');
  await expect(dateline.details).toContainText('Egypt');
});

test('an Arrow IPC file opens from the Open data dialog', async ({ dateline, page }) => {
  const io = new ImportPage(page);
  await dateline.goto();
  await io.pickFile(fixture('dateline.arrow'));
  await io.expectEvents(5);
  await expect(io.reportButton).toContainText('5 events loaded, 0 rejected');
  await dateline.selectInList('talks-begin-cairo');
  await expect(dateline.where).toContainText('Cairo, Egypt');
});

test('a GeoParquet file places its events from their geometry', async ({ dateline, page }) => {
  const io = new ImportPage(page);
  await dateline.goto();
  await io.pickFile(fixture('events.geoparquet'));
  await io.expectEvents(3);
  // Doha stands alone; Cairo and Rafah, close at this zoom, make a cluster of two.
  await expect(dateline.map.getByRole('button', { name: /2 events/ })).toBeVisible();
  await dateline.selectInList('geo-2');
  await expect(dateline.where).toContainText('31.28, 34.25');
});

test('a bad row of a Parquet file is reported by row and column; the others load', async ({
  dateline,
  page,
}) => {
  const io = new ImportPage(page);
  await dateline.goto();
  await io.pickFile(fixture('dateline-bad-row.parquet'));
  await io.expectEvents(5);
  await dateline.openReport();
  await expect(io.reportDialog).toContainText('row 6 “overnight-exchange” · column start');
});

test('the filtered view exports as Parquet, which opens again the same', async ({
  dateline,
  page,
}, testInfo) => {
  const io = new ImportPage(page);
  await dateline.goto();
  await io.pickFile(fixture('dateline.parquet'));
  await io.expectEvents(5);
  const filters = new FiltersPanel(dateline);
  await filters.search.fill('Cairo');
  await expect(dateline.eventCount).toContainText('1 of 5');
  const download = await io.export('Parquet');
  expect(download.suggestedFilename()).toMatch(/\.parquet$/);
  const saved = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(saved);
  expect(readFileSync(saved).subarray(0, 4).toString('latin1')).toBe('PAR1');
  await io.pickFile(saved);
  await io.expectEvents(1);
  await expect(dateline.listOption('talks-begin-cairo')).toBeVisible();
});

test('100,000 events open from a Parquet file given by ?data=', async ({ dateline, page }) => {
  test.setTimeout(600_000);
  const events = 100_000;
  const body = Buffer.from(largeParquet(events));
  await page.route('**/scale/events-100k.parquet', (route) =>
    route.fulfill({ status: 200, contentType: 'application/vnd.apache.parquet', body }),
  );
  await dateline.gotoDataset('/scale/events-100k.parquet', events, 480_000);
  await expect(dateline.timeline).toHaveAttribute('data-drawing', 'density', READY);
});
