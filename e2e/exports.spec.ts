// What leaves Dateline says where it came from: exported files are named for the dataset, what
// they hold and the day, and never share a name; CSV and GeoJSON mark the places Dateline found
// by name, as Dateline JSON does; a link to a dataset kept only in this browser says it opens
// only here and offers the export instead.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { FiltersPanel } from './filters.po';
import { expect, READY, test } from './fixtures';
import { ImportPage } from './import.po';
import { NoticesPage } from './notices.po';

/** Today as the file names write it, in the browser's own day. */
async function today(page: import('@playwright/test').Page): Promise<string> {
  return page.evaluate(() => {
    const d = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  });
}

test('exports are named for the dataset, what they hold and the day, and never collide', async ({
  dateline,
  page,
}) => {
  await dateline.goto();
  const io = new ImportPage(page);
  const day = await today(page);
  const names: string[] = [];
  for (const format of ['Dateline JSON', 'CSV', 'GeoJSON', 'TimelineJS JSON'])
    names.push((await io.export(format)).suggestedFilename());
  expect(names).toEqual([
    `gaza-ceasefire-2025-02-dateline-${day}.json`,
    `gaza-ceasefire-2025-02-events-${day}.csv`,
    `gaza-ceasefire-2025-02-events-${day}.geojson`,
    `gaza-ceasefire-2025-02-timelinejs-${day}.json`,
  ]);
  await expect(
    new NoticesPage(page).notice(`as CSV: gaza-ceasefire-2025-02-events-${day}.csv`),
  ).toHaveCount(1);

  // Filtered two ways: two more names, each its own.
  const filters = new FiltersPanel(dateline);
  await filters.typeSearch('Cairo');
  await expect(filters.count).toHaveText(/ of /);
  const cairo = (await io.export('CSV')).suggestedFilename();
  await filters.search.fill('Hamas');
  await expect(filters.count).toHaveText(/ of /);
  const hamas = (await io.export('CSV')).suggestedFilename();
  for (const name of [cairo, hamas])
    expect(name).toMatch(
      new RegExp(`^gaza-ceasefire-2025-02-events-filtered-[0-9a-z]{6}-${day}\\.csv$`),
    );
  expect(new Set([...names, cairo, hamas]).size).toBe(names.length + 2);
});

/** A CSV whose second row names a city with no coordinates: the geocoder places it. */
const GEOCODED_CSV = [
  'id,title,start,place,lat,lon',
  'given,Talks in a place with coordinates,2025-02-27,Cairo,30.0444,31.2357',
  'found,A visit to a city named without coordinates,2025-02-28,Doha,,',
].join('\n');

test('CSV and GeoJSON mark the places Dateline found by name, as Dateline JSON does', async ({
  dateline,
  page,
}, testInfo) => {
  test.setTimeout(180_000); // the geocoder's data loads on first use
  await dateline.goto();
  const io = new ImportPage(page);
  await io.pickContent('visits.csv', GEOCODED_CSV);
  await io.expectEvents(2);
  await dateline.selectInList('found');
  await expect(dateline.views.details.root.getByTestId('geocoded')).toBeVisible(READY);

  const saved = async (format: string) => {
    const download = await io.export(format);
    const path = testInfo.outputPath(download.suggestedFilename());
    await download.saveAs(path);
    return readFileSync(path, 'utf8');
  };

  const json = JSON.parse(await saved('Dateline JSON')) as {
    events: Array<{ id: string; place: { geocoded?: { query: string; by: string } } | null }>;
  };
  const geocoded = json.events.find((e) => e.id === 'found')!.place!.geocoded!;
  expect(geocoded.query).toBe('Doha');
  expect(json.events.find((e) => e.id === 'given')!.place!.geocoded).toBeUndefined();

  const csv = Papa.parse<Record<string, string>>(await saved('CSV'), { header: true }).data;
  const row = (id: string) => csv.find((r) => r.id === id)!;
  expect(row('found')).toMatchObject({ geocoded_from: 'Doha', geocoded_by: geocoded.by });
  expect(row('found').geocoded_match).not.toBe('');
  expect(row('given')).toMatchObject({ geocoded_from: '', geocoded_by: '' });

  const geojson = JSON.parse(await saved('GeoJSON')) as {
    features: Array<{ id: string; properties: Record<string, unknown> }>;
  };
  const props = (id: string) => geojson.features.find((f) => f.id === id)!.properties;
  expect(props('found')).toMatchObject({ geocoded_from: 'Doha', geocoded_by: geocoded.by });
  expect(props('given')).not.toHaveProperty('geocoded_from');
});

test.describe('a link to a dataset kept only in this browser', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('says plainly it opens only here, and offers the export', async ({ dateline, page }) => {
    await dateline.goto();
    const io = new ImportPage(page);
    await io.pickContent('notes.csv', 'id,title,start\na,Talks,2025-02-27\nb,Visit,2025-02-28\n');
    await io.expectEvents(2);
    await expect(page).toHaveURL(/[?&]data=local(%3A|:)[a-z0-9]+/);
    const notices = new NoticesPage(page);

    await page.getByTestId('share-view').click();
    const warning = notices.notice('Link to this view copied, but');
    await expect(warning).toHaveCount(1);
    await expect(warning).toContainText(
      'Link to this view copied, but it opens only in this browser',
    );
    // The way to share it: a standalone page (issue 13), or the data as a file.
    await expect(warning).toContainText('export a standalone page (one HTML file with the data');
    await expect(warning).toContainText('export the data and send the file');
    // The link is still on the clipboard: it works here, after a reload.
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/data=local/);

    // "Copy link" of an event says the same.
    await dateline.selectInList('a');
    await dateline.views.details.root.getByTestId('copy-link').click();
    await expect(
      notices.notice('Link to “Talks” copied, but it opens only in this browser'),
    ).toHaveCount(1);

    await notices
      .notice('Link to “Talks” copied')
      .getByRole('button', { name: 'Export the data…' })
      .click();
    await expect(io.exportDialog).toBeVisible();
    await expect(
      io.exportDialog.getByRole('button', { name: 'Standalone page (.html)' }),
    ).toBeEnabled();
  });

  test('a link to the bundled dataset carries no such warning', async ({ dateline, page }) => {
    await dateline.goto();
    await page.getByTestId('share-view').click();
    const notices = new NoticesPage(page);
    await expect(notices.notice('Link to this view copied to the clipboard.')).toHaveCount(1);
    await expect(notices.notice('opens only in this browser')).toHaveCount(0);
  });
});

/** Whether two boxes overlap. */
function overlap(
  a: { x: number; y: number; width: number; height: number },
  b: { x: number; y: number; width: number; height: number },
): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

for (const size of [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
  { width: 1024, height: 600 },
  { width: 390, height: 844 },
])
  test(`notices stack in one region that leaves the map’s controls free, at ${size.width}×${size.height}`, async ({
    dateline,
    page,
  }) => {
    await page.setViewportSize(size);
    // Five malformed parameters: five notices at once.
    await page.goto('/?event=Not%20An%20Id&from=soon&to=later&map=here&t=now&types=bogus');
    await expect(dateline.eventCount).toHaveText(/16 events/, READY);
    const notices = new NoticesPage(page);
    // The newest three (one where the page scrolls, up to 1,100 px); the rest counted.
    const few = size.width <= 1100 ? 1 : 3;
    await expect(notices.notices).toHaveCount(few);
    await expect(notices.more).toHaveText(`${6 - few} more notices`);

    const region = (await notices.region.boundingBox())!;
    for (const control of [
      page.locator('.leaflet-control-zoom'),
      page.locator('.leaflet-control-attribution'),
    ]) {
      const box = await control.boundingBox();
      if (box) expect(overlap(region, box), 'a notice covers a map control').toBe(false);
    }
    // The map's zoom control still works with the notices shown.
    await page.locator('.leaflet-control-zoom-in').click();

    await notices.more.click();
    await expect(notices.notices).toHaveCount(6);
    await notices.dismissAll.click();
    await expect(notices.notices).toHaveCount(0);
  });

test('the coarse outlines are drawn while the detailed ones load', async ({ dateline, page }) => {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/countries-50m*.json', async (route) => {
    await held;
    await route.continue();
  });
  await dateline.open();
  await expect(dateline.map).toHaveAttribute('data-basemap', '110m', READY);
  const painted = () => dateline.views.map.landPainted();
  await expect.poll(painted, READY).toBeGreaterThan(0);
  release();
  await expect(dateline.map).toHaveAttribute('data-basemap', '50m', READY);
  await expect.poll(painted, READY).toBeGreaterThan(0);
});
