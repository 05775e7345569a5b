// The dark theme: it follows the system's setting (emulated prefers-color-scheme), a choice in
// the header overrides the system and survives a reload, and both themes pass axe's WCAG 2.2 AA
// rules (contrast included) with the basemap's canvas, the timeline and the map in the theme.
import { generateDataset } from '../scripts/generate';
import { expect, placedEvent, test } from './fixtures';
import { ThemePage } from './theme.po';

/** Below this the colour reads as dark, above it as light (white is 1, the dark page ~0.01). */
const DARK = 0.1;
const LIGHT = 0.5;

/** Enough events for the fitted timeline to count them by slices (the density band's shades). */
const BAND_EVENTS = 1_000;
const BAND_PATH = '/scale/theme-1k.json';
const bandBody = JSON.stringify(generateDataset({ events: BAND_EVENTS, seed: 3 }));

test('with the system set to dark the page, the map and its land are dark, and axe finds nothing', async ({
  dateline,
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await dateline.goto();
  const theme = new ThemePage(page);
  await expect(theme.option('system')).toHaveAttribute('aria-pressed', 'true');
  expect(await theme.pageLuminance()).toBeLessThan(DARK);
  expect(await theme.seaLuminance()).toBeLessThan(DARK);
  expect(await theme.landLuminance()).toBeLessThan(DARK);
  await expect(dateline.markers.first()).toBeVisible();
  expect(await theme.axeViolations()).toEqual([]);

  // With an event open: the details, the selected item and marker, the list's selected row.
  const event = placedEvent();
  await dateline.selectInList(event.id);
  await dateline.expectSelected(event);
  expect(await theme.axeViolations()).toEqual([]);
});

test('with the system set to light the page and its land are light', async ({ dateline, page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await dateline.goto();
  const theme = new ThemePage(page);
  expect(await theme.pageLuminance()).toBeGreaterThan(LIGHT);
  expect(await theme.seaLuminance()).toBeGreaterThan(LIGHT);
  expect(await theme.landLuminance()).toBeGreaterThan(LIGHT);
});

test('a chosen theme overrides the system, redraws the basemap, and survives a reload', async ({
  dateline,
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await dateline.goto();
  const theme = new ThemePage(page);

  await theme.choose('dark');
  expect(await theme.pageLuminance()).toBeLessThan(DARK);
  // The canvas is restyled at once, without a reload or a move of the map.
  await expect.poll(() => theme.landLuminance()).toBeLessThan(DARK);

  await page.reload();
  await dateline.views.map.waitForBasemap();
  expect(await theme.chosen()).toBe('dark');
  expect(await theme.pageLuminance()).toBeLessThan(DARK);
  expect(await theme.landLuminance()).toBeLessThan(DARK);

  // Light over a dark system, then back to the system's.
  await page.emulateMedia({ colorScheme: 'dark' });
  await theme.choose('light');
  expect(await theme.pageLuminance()).toBeGreaterThan(LIGHT);
  await expect.poll(() => theme.landLuminance()).toBeGreaterThan(LIGHT);
  await theme.choose('system');
  expect(await theme.pageLuminance()).toBeLessThan(DARK);
  await expect.poll(() => theme.landLuminance()).toBeLessThan(DARK);
  await page.reload();
  await dateline.views.map.waitForBasemap();
  expect(await theme.chosen()).toBe('system');
});

test('the system changing while the page is open changes a page that follows it', async ({
  dateline,
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await dateline.goto();
  const theme = new ThemePage(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await theme.pageLuminance()).toBeLessThan(DARK);
  await expect.poll(() => theme.landLuminance()).toBeLessThan(DARK);
});

test('the dark theme passes axe with the timeline drawn as a density band, and in a dialog', async ({
  dateline,
  page,
  dataDialog,
}) => {
  test.setTimeout(240_000);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.route(`**${BAND_PATH}`, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: bandBody }),
  );
  await dateline.gotoDataset(BAND_PATH, BAND_EVENTS, 120_000);
  await expect(dateline.timeline).toHaveAttribute('data-drawing', 'density');
  const theme = new ThemePage(page);
  expect(await theme.axeViolations()).toEqual([]);
  await dataDialog.openDialog();
  expect(await theme.axeViolations()).toEqual([]);
});

test('@phone the theme is chosen in the header menu, and the dark phone layout passes axe', async ({
  dateline,
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await dateline.goto();
  const theme = new ThemePage(page);
  await theme.choose('dark');
  expect(await theme.pageLuminance()).toBeLessThan(DARK);
  expect(await theme.axeViolations()).toEqual([]);
  await page.keyboard.press('Escape');
  const event = placedEvent();
  await (await dateline.revealListOption(event.id)).tap();
  await dateline.expectSelected(event);
  expect(await theme.axeViolations()).toEqual([]);
});
