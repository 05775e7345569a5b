// The dark theme: it follows the system's setting (emulated prefers-color-scheme), a choice in
// the header overrides the system and survives a reload, and both themes pass axe's WCAG 2.2 AA
// rules (contrast included) with the basemap's canvas, the timeline and the map in the theme.
import { generateDataset } from '../scripts/generate';
import { expect, placedEvent, test, type DatelinePage } from './fixtures';
import { ThemePage } from './theme.po';

/** Below this the colour reads as dark, above it as light (white is 1, the dark page ~0.01). */
const DARK = 0.1;
const LIGHT = 0.5;

/** Enough events for the fitted timeline to count them by slices (the density band's shades). */
const BAND_EVENTS = 1_000;
const BAND_PATH = '/scale/theme-1k.json';
const bandBody = JSON.stringify(generateDataset({ events: BAND_EVENTS, seed: 3 }));

/** Opens the app with the system set to `scheme`. */
async function openWithSystem(
  dateline: DatelinePage,
  scheme: 'light' | 'dark',
): Promise<ThemePage> {
  await dateline.page.emulateMedia({ colorScheme: scheme });
  await dateline.goto();
  return new ThemePage(dateline.page);
}

/** The page and the basemap's land read as `shade` (the canvas may take a frame to redraw). */
async function expectShade(theme: ThemePage, shade: 'light' | 'dark'): Promise<void> {
  const check = (v: number) =>
    shade === 'dark' ? expect(v).toBeLessThan(DARK) : expect(v).toBeGreaterThan(LIGHT);
  check(await theme.pageLuminance());
  await expect(async () => check(await theme.landLuminance())).toPass();
}

test('with the system set to dark the page, the map and its land are dark, and axe finds nothing', async ({
  dateline,
}) => {
  const theme = await openWithSystem(dateline, 'dark');
  await expect(theme.option('system')).toHaveAttribute('aria-checked', 'true');
  expect(await theme.seaLuminance()).toBeLessThan(DARK);
  await expectShade(theme, 'dark');
  await expect(dateline.markers.first()).toBeVisible();
  expect(await theme.axeViolations()).toEqual([]);

  // With an event open: the details, the selected item and marker, the list's selected row.
  const event = placedEvent();
  await dateline.selectInList(event.id);
  await dateline.expectSelected(event);
  expect(await theme.axeViolations()).toEqual([]);
});

test('with the system set to light the page and its land are light', async ({ dateline }) => {
  const theme = await openWithSystem(dateline, 'light');
  expect(await theme.seaLuminance()).toBeGreaterThan(LIGHT);
  await expectShade(theme, 'light');
});

test('a chosen theme overrides the system, redraws the basemap, and survives a reload', async ({
  dateline,
  page,
}) => {
  const theme = await openWithSystem(dateline, 'light');
  // The canvas is restyled at once, without a reload or a move of the map.
  await theme.choose('dark');
  await expectShade(theme, 'dark');

  await page.reload();
  await dateline.views.map.waitForBasemap();
  expect(await theme.chosen()).toBe('dark');
  await expectShade(theme, 'dark');

  // Light over a dark system, then back to the system's.
  await page.emulateMedia({ colorScheme: 'dark' });
  await theme.choose('light');
  await expectShade(theme, 'light');
  await theme.choose('system');
  await expectShade(theme, 'dark');
  await page.reload();
  await dateline.views.map.waitForBasemap();
  expect(await theme.chosen()).toBe('system');
});

test('the theme is one stop in the Tab order, chosen with the arrow keys', async ({
  dateline,
  page,
}) => {
  const theme = await openWithSystem(dateline, 'light');
  await expect(theme.option('system')).toHaveAttribute('tabindex', '0');
  await expect(theme.option('dark')).toHaveAttribute('tabindex', '-1');
  await theme.option('system').focus();
  await page.keyboard.press('ArrowRight');
  await expect(theme.option('light')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(theme.option('dark')).toBeFocused();
  expect(await theme.chosen()).toBe('dark');
  await expectShade(theme, 'dark');
  await page.keyboard.press('Home');
  expect(await theme.chosen()).toBe('system');
  await page.keyboard.press('Tab');
  // One Tab leaves the group: its other radios are not stops.
  await expect(page.locator('.dl-theme-option:focus')).toHaveCount(0);
});

test('the system changing while the page is open changes a page that follows it', async ({
  dateline,
  page,
}) => {
  const theme = await openWithSystem(dateline, 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectShade(theme, 'dark');
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
  const theme = await openWithSystem(dateline, 'light');
  await theme.choose('dark');
  await expectShade(theme, 'dark');
  expect(await theme.axeViolations()).toEqual([]);
  await page.keyboard.press('Escape');
  const event = placedEvent();
  await (await dateline.revealListOption(event.id)).tap();
  await dateline.expectSelected(event);
  expect(await theme.axeViolations()).toEqual([]);
});
