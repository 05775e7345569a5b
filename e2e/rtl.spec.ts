// Right to left: with dir=rtl on <html> (as Arabic and Hebrew set it) the panels mirror, time
// runs right to left on the timeline and its density band, the arrow keys go the way they point,
// the map's controls change corners, and axe finds nothing. Text from the data runs in its own
// direction whatever the page's (dir=auto), isolated where it sits inside a sentence of the UI:
// an Arabic title with a Latin name and a number reads correctly in an English page.
import { generateDataset } from '../scripts/generate';
import {
  expect,
  inTimeOrder,
  placedEvent,
  readSeed,
  test,
  type SeedDataset,
  type SeedEvent,
} from './fixtures';
import { ShellPage } from './layout.po';
import { openRightToLeft, resolvedDirection, textBox, ThemePage } from './theme.po';

/** The left edge of a box is at least `by` px right of another's right edge. */
function expectRightOf(a: { x: number; width: number }, b: { x: number; width: number }, by = 0) {
  expect(a.x).toBeGreaterThanOrEqual(b.x + b.width + by - 1);
}

test.describe('with the page right to left', () => {
  test.beforeEach(async ({ page }) => {
    await openRightToLeft(page);
  });

  test('the panels mirror: filters and list on the right, details on the left, the header from the right', async ({
    dateline,
    page,
  }) => {
    await dateline.goto();
    const shell = new ShellPage(page);
    const event = placedEvent();
    await dateline.selectInList(event.id);
    await dateline.expectSelected(event);

    const list = await shell.box(shell.filters);
    const map = await shell.box(shell.mapSection);
    const timeline = await shell.box(shell.timelineSection);
    const details = await shell.box(shell.details);
    expectRightOf(list, map);
    expectRightOf(map, details);
    expectRightOf(timeline, details);
    // The header reads from the right: the app's name first, the actions at the left end.
    const brand = await shell.box(page.locator('.dl-brand'));
    const actions = await shell.box(page.locator('.dl-menu-panel'));
    expectRightOf(brand, actions);
    expect(brand.x + brand.width).toBeGreaterThan(shell.viewport().width - 40);

    // Leaflet's zoom buttons in the map's top right, the legend in its top left.
    const zoom = await shell.box(page.locator('.leaflet-control-zoom'));
    const legend = await shell.box(page.getByRole('button', { name: 'Legend' }));
    expect(zoom.x).toBeGreaterThan(map.x + map.width / 2);
    expect(legend.x + legend.width).toBeLessThan(map.x + map.width / 2);

    // The details read from the right: Previous first (rightmost), its arrow pointing right.
    const previous = await shell.box(dateline.views.details.previous);
    const next = await shell.box(dateline.views.details.next);
    expectRightOf(previous, next);
    const arrow = dateline.views.details.previous.locator('.dl-arrow');
    await expect(arrow).toHaveCSS('transform', 'matrix(-1, 0, 0, 1, 0, 0)');
    // The list's selected row has its bar at its start, the right.
    await expect(dateline.selectedListOptions).toHaveCSS(
      'box-shadow',
      /inset -4px 0px 0px|-4px 0px 0px 0px .*inset/,
    );
    // The timeline's toolbar reads from the right: zoom in, zoom out, Fit all.
    const zoomIn = await shell.box(page.getByRole('button', { name: 'Zoom in on the timeline' }));
    const fit = await shell.box(page.getByRole('button', { name: 'Fit all' }));
    expectRightOf(zoomIn, fit);
  });

  test('time runs right to left, and the arrow keys step the way they point', async ({
    dateline,
    page,
  }) => {
    await dateline.goto();
    const order = inTimeOrder();
    const first = order[0] as SeedEvent;
    const second = order[1] as SeedEvent;
    const last = order.at(-1) as SeedEvent;
    const timeline = dateline.views.timeline;
    expect(await timeline.anchorX(first.id)).toBeGreaterThan(await timeline.anchorX(last.id));

    await dateline.selectInList(first.id);
    await dateline.expectSelected(first);
    await timeline.root.focus();
    // Left is later: the next event.
    await page.keyboard.press('ArrowLeft');
    await dateline.expectSelected(second);
    await page.keyboard.press('ArrowRight');
    await dateline.expectSelected(first);

    // In the timeline's toolbar, ArrowLeft goes on to the next button (to its left).
    const zoomIn = page.getByRole('button', { name: 'Zoom in on the timeline' });
    await zoomIn.focus();
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByRole('button', { name: 'Zoom out on the timeline' })).toBeFocused();

    // The shortcuts dialog lists → for the previous event, as it is the key that does it.
    await page.keyboard.press('Escape');
    await new ShellPage(page).shortcutsButton.click();
    const previousRow = page
      .getByTestId('shortcuts-dialog')
      .locator('.dl-shortcut')
      .filter({ hasText: 'Previous event' });
    await expect(previousRow.locator('kbd').nth(1)).toHaveText('→');
  });

  test('the density band counts from the right, and its arrows follow', async ({
    dateline,
    page,
  }) => {
    test.setTimeout(240_000);
    const path = '/scale/rtl-1k.json';
    const body = JSON.stringify(generateDataset({ events: 1_000, seed: 5 }));
    await page.route(`**${path}`, (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body }),
    );
    await dateline.gotoDataset(path, 1_000, 120_000);
    const timeline = dateline.views.timeline;
    await expect(timeline.root).toHaveAttribute('data-drawing', 'density');
    const slices = await timeline.densitySlices.evaluateAll((els) =>
      els
        .filter((el) => el.getBoundingClientRect().width > 0)
        .map((el) => ({
          start: Number((el as HTMLElement).dataset.start),
          x: el.getBoundingClientRect().x,
        }))
        .sort((a, b) => a.start - b.start),
    );
    expect(slices.length).toBeGreaterThan(3);
    for (let i = 1; i < slices.length; i++)
      expect(slices[i]!.x, 'a later slice stands left of an earlier one').toBeLessThan(
        slices[i - 1]!.x,
      );

    // The band is one tab stop: the slice that holds it is where the arrows start.
    const slice = timeline.densitySlices.and(page.locator('[tabindex="0"]'));
    await slice.focus();
    const from = Number(await slice.getAttribute('data-start'));
    await page.keyboard.press('ArrowLeft');
    const focused = page.locator('.dl-bin:focus');
    await expect(focused).toHaveCount(1);
    expect(Number(await focused.getAttribute('data-start'))).toBeGreaterThan(from);
  });

  test('axe finds nothing, in the light and the dark theme', async ({ dateline, page }) => {
    await dateline.goto();
    const theme = new ThemePage(page);
    const event = placedEvent();
    await dateline.selectInList(event.id);
    await dateline.expectSelected(event);
    expect(await theme.axeViolations()).toEqual([]);
    await theme.choose('dark');
    expect(await theme.axeViolations()).toEqual([]);
  });

  test('a Latin title in a right-to-left page still runs left to right', async ({ dateline }) => {
    await dateline.goto();
    const [first] = inTimeOrder();
    if (!first) throw new Error('the seed has no events');
    const row = (await dateline.revealListOption(first.id)).locator('.dl-option-title');
    expect(await resolvedDirection(row)).toBe('ltr');
  });

  test('@phone the header menu opens from the left and the sheet reads from the right', async ({
    dateline,
    page,
  }) => {
    await dateline.goto();
    const shell = new ShellPage(page);
    await shell.menuToggle.tap();
    const menu = await shell.box(shell.menuPanel);
    expect(menu.x).toBeLessThan(shell.viewport().width / 2);
    await page.keyboard.press('Escape');
    const event = placedEvent();
    await (await dateline.revealListOption(event.id)).tap();
    await dateline.expectSelected(event);
    const close = await shell.box(dateline.closeDetails);
    expect(close.x).toBeLessThan(shell.viewport().width / 2);
    expect(await new ThemePage(page).axeViolations()).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Mixed-direction data, in the English (left-to-right) page.

/** An Arabic title holding a Latin name and a number: logical order Arabic, Latin, Arabic, 3. */
const MIXED_TITLE = 'محادثات Steve Witkoff في القاهرة حول 3 مراحل';
const ARABIC_PLACE = 'القاهرة';
const ARABIC_CLAIMANT = 'حركة حماس 2';

/** The seed, with the Cairo event titled in Arabic, Cairo named in Arabic and holding a second event. */
function mixedDataset(): { data: SeedDataset; mixed: SeedEvent; other: SeedEvent } {
  const data = readSeed();
  const mixed = data.events.find((e) => e.place === 'cairo');
  const other = data.events.find((e) => e.place === null || e.place === undefined);
  const cairo = data.places.find((p) => p.id === 'cairo');
  // The claim is by an actor (named by its name) or a source (named by its publisher).
  const actor = data.actors.find((a) => a.id === mixed?.claim.by);
  const source = data.sources.find((src) => src.id === mixed?.claim.by);
  if (!mixed || !other || !cairo || !(actor || source)) throw new Error('the seed has changed');
  mixed.title = MIXED_TITLE;
  other.place = 'cairo';
  cairo.name = ARABIC_PLACE;
  if (actor) actor.name = ARABIC_CLAIMANT;
  if (source) source.publisher = ARABIC_CLAIMANT;
  return { data, mixed, other };
}

test('mixed-direction data text runs in its own direction, isolated inside the sentences of the UI', async ({
  dateline,
  page,
}) => {
  const { data, mixed } = mixedDataset();
  await dateline.serveDataset(data);
  await dateline.goto(data.events.length);

  // The list row: an RTL paragraph of its own. Its first word stands rightmost; the Latin name
  // inside keeps its order (Steve before Witkoff); the number stays between its neighbours.
  const row = (await dateline.revealListOption(mixed.id)).locator('.dl-option-title');
  await expect(row).toHaveAttribute('dir', 'auto');
  expect(await resolvedDirection(row)).toBe('rtl');
  await dateline.selectInList(mixed.id);
  const title = dateline.detailsTitle;
  await expect(title).toHaveText(MIXED_TITLE);
  for (const where of [row, title]) {
    const first = await textBox(where, 'محادثات');
    const steve = await textBox(where, 'Steve');
    const witkoff = await textBox(where, 'Witkoff');
    const before = await textBox(where, 'حول');
    const three = await textBox(where, '3');
    const after = await textBox(where, 'مراحل');
    expect(first.left).toBeGreaterThan(witkoff.right);
    expect(steve.right).toBeLessThanOrEqual(witkoff.left);
    expect(before.left).toBeGreaterThanOrEqual(three.right - 1);
    expect(three.left).toBeGreaterThanOrEqual(after.right - 1);
  }
  expect(await resolvedDirection(title)).toBe('rtl');

  // On the timeline, its label.
  const label = dateline.views.timeline.item(mixed.id).locator('.dl-item-label');
  await expect(label).toHaveAttribute('dir', 'auto');
  expect(await resolvedDirection(label)).toBe('rtl');

  // In the UI's sentences the data is isolated: "Reported by <bdi>حركة حماس 2</bdi>" keeps the
  // English words in order, left of the name, and the 2 with the name.
  const claim = dateline.views.details.root.getByTestId('claim');
  const name = claim.locator('bdi');
  await expect(name).toHaveText(ARABIC_CLAIMANT);
  const nameBox = await textBox(claim, ARABIC_CLAIMANT);
  const by = await textBox(claim, 'by');
  expect(by.right).toBeLessThanOrEqual(nameBox.left + 1);
  const where = dateline.views.details.root.getByTestId('where');
  expect(await resolvedDirection(where.locator('[dir=auto]').first())).toBe('rtl');

  // The map's chooser for Cairo's two events: the place isolated in its heading, each title in
  // its own direction.
  await dateline.views.map.marker('cairo').click();
  const chooser = dateline.views.map.chooser;
  await expect(chooser.locator('.dl-chooser-title bdi')).toHaveText(ARABIC_PLACE);
  await expect(chooser.locator('.dl-chooser-title')).toHaveText(`${ARABIC_PLACE}: 2 events`);
  const option = dateline.views.map.chooserOption(mixed.id);
  expect(await resolvedDirection(option)).toBe('rtl');
  await page.keyboard.press('Escape');

  expect(await new ThemePage(page).axeViolations()).toEqual([]);
});
