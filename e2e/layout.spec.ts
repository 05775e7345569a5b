// The layout holds at any size and zoom (WCAG 1.4.4, 1.4.10): at 200% zoom of a 1440×900 window
// (720×450 CSS px), at 1024×600 and at 400% zoom of 1280×720 (320×180) every view keeps a usable
// size and the page scrolls to it, with nothing cut off and no sideways scrolling; on wide
// screens everything still fits one screen. On a phone: the header's actions fold into a menu,
// the details sheet has three sizes and keeps the selection above it, swipes on the map and the
// timeline scroll the page, and every target is at least 24×24 px.
import { expect, inTimeOrder, placedEvent, singleEventPlace, test } from './fixtures';
import { ShellPage } from './layout.po';

/** WCAG 2.2's least target size (2.5.8), in CSS px. */
const MIN_TARGET = 24;
/** The least height of the map and of the timeline (the "usable minimum"). */
const MIN_VIEW = 200;

for (const size of [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
]) {
  test.describe(`at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size });

    test('every view fits one screen, at a usable size', async ({ dateline, page }) => {
      await dateline.goto();
      const shell = new ShellPage(page);
      expect(await shell.verticalOverflow(), 'px taller than the screen').toBeLessThanOrEqual(0);
      expect(await shell.horizontalOverflow()).toBeLessThanOrEqual(0);
      expect((await shell.box(shell.mapCanvas)).height).toBeGreaterThanOrEqual(MIN_VIEW);
      expect((await shell.box(shell.timelineCanvas)).height).toBeGreaterThanOrEqual(MIN_VIEW);
      await expect(shell.search).toBeInViewport({ ratio: 1 });
      await expect(shell.menuToggle).toBeHidden();
      await expect(dateline.views.header.reportButton).toBeVisible();
    });
  });
}

test.describe('between the narrow layout and room for every action (1180×800)', () => {
  test.use({ viewport: { width: 1180, height: 800 } });

  test('the header folds its actions into the menu instead of overflowing, and keeps the title', async ({
    dateline,
    page,
  }) => {
    await dateline.goto();
    const shell = new ShellPage(page);
    expect(await shell.horizontalOverflow()).toBeLessThanOrEqual(0);
    await expect(shell.menuToggle).toBeVisible();
    expect((await shell.box(page.locator('.dl-dataset-title'))).width).toBeGreaterThan(200);
    await shell.menuToggle.click();
    await expect(dateline.views.header.reportButton).toBeVisible();
  });
});

for (const size of [
  { width: 720, height: 450, name: '200% zoom of 1440×900' },
  { width: 1024, height: 600, name: '1024×600' },
]) {
  test.describe(`at ${size.name} (${size.width}×${size.height} CSS px)`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test('every view keeps a usable size and the page scrolls to it', async ({
      dateline,
      page,
    }) => {
      await dateline.goto();
      const shell = new ShellPage(page);
      const map = await shell.box(shell.mapCanvas);
      const timeline = await shell.box(shell.timelineCanvas);
      const list = await shell.box(shell.list);
      test.info().annotations.push({
        type: 'sizes',
        description: `map ${Math.round(map.width)}×${Math.round(map.height)}, timeline ${Math.round(timeline.width)}×${Math.round(timeline.height)}, list ${Math.round(list.height)} px tall`,
      });
      expect(map.height).toBeGreaterThanOrEqual(MIN_VIEW);
      expect(timeline.height).toBeGreaterThanOrEqual(MIN_VIEW);
      expect(list.height).toBeGreaterThanOrEqual(160);
      // The filters show their search box, whole, and the count above it.
      await expect(shell.search).toBeInViewport({ ratio: 1 });
      expect(await shell.horizontalOverflow(), 'px wider than the screen').toBeLessThanOrEqual(0);
      expect(await shell.cutOff()).toEqual([]);
      // Each view is reached by scrolling the page, and is then wholly on screen (or fills it).
      for (const view of [shell.list, shell.mapCanvas, shell.timelineCanvas]) {
        await view.scrollIntoViewIfNeeded();
        await expect(view).toBeInViewport({ ratio: 0.9 });
      }
      // The header is one line: the actions are in its menu.
      expect((await shell.box(shell.header)).height).toBeLessThanOrEqual(48);
      await expect(shell.menuToggle).toBeVisible();
    });

    test('an open event is a sheet over the page that keeps its row above it', async ({
      dateline,
      page,
    }) => {
      await dateline.goto();
      const shell = new ShellPage(page);
      const events = inTimeOrder();
      const event = events[Math.floor(events.length / 2)];
      if (!event) throw new Error('the seed has no events');
      await dateline.selectInList(event.id);
      await dateline.expectSelected(event);
      await expect(shell.details).toHaveCSS('position', 'fixed');
      await expect(shell.details).toHaveAttribute('data-sheet-size', 'half');
      const sheet = await shell.sheet();
      await expect
        .poll(async () => {
          const row = await shell.box(dateline.listOption(event.id));
          return row.y + row.height <= sheet.top + 1;
        })
        .toBe(true);
      expect(await shell.horizontalOverflow()).toBeLessThanOrEqual(0);
    });
  });
}

test.describe('at 400% zoom of 1280×720 (320×180 CSS px)', () => {
  test.use({ viewport: { width: 320, height: 180 } });

  test('nothing is cut off: every view and control is reached by scrolling down', async ({
    dateline,
    page,
  }) => {
    await dateline.goto();
    const shell = new ShellPage(page);
    expect(await shell.horizontalOverflow(), 'px wider than the screen').toBeLessThanOrEqual(0);
    expect(await shell.cutOff()).toEqual([]);
    for (const view of [shell.search, shell.list, shell.mapCanvas, shell.timelineCanvas]) {
      await view.scrollIntoViewIfNeeded();
      await expect(view).toBeInViewport();
    }
    // The header's menu opens, and each of its items can be reached.
    await page.evaluate(() => window.scrollTo(0, 0));
    await shell.openMenu();
    for (const item of await shell.menuPanel.locator(':scope > button').all()) {
      await item.scrollIntoViewIfNeeded();
      await expect(item).toBeInViewport();
    }
    await page.keyboard.press('Escape');
    await expect(shell.menuToggle).toHaveAttribute('aria-expanded', 'false');

    // An open event: the sheet's head is on screen, and its text is reached by scrolling it.
    const event = placedEvent();
    await dateline.selectInList(event.id);
    await expect(shell.details).toHaveCSS('position', 'fixed');
    await expect(dateline.closeDetails).toBeInViewport();
    const sheet = await shell.sheet();
    expect(sheet.height).toBeLessThanOrEqual(180);
    await dateline.quote.first().scrollIntoViewIfNeeded();
    await expect(dateline.quote.first()).toBeInViewport();
    expect(await shell.cutOff()).toEqual([]);
    expect(await shell.horizontalOverflow()).toBeLessThanOrEqual(0);
  });
});

test('@phone the header is one line and its actions are in a menu button', async ({
  dateline,
  page,
  dataDialog,
}) => {
  await dateline.goto();
  const shell = new ShellPage(page);
  const screen = shell.viewport();
  const header = await shell.box(shell.header);
  expect(header.height / screen.height, 'share of the first screen').toBeLessThan(0.08);
  await expect(shell.menuToggle).toHaveAttribute('aria-expanded', 'false');
  await expect(dataDialog.openButton).toBeHidden();

  // The keyboard: Enter opens it on its first item; the arrows move; Esc closes it, back on the button.
  await shell.menuToggle.focus();
  await page.keyboard.press('Enter');
  await expect(shell.menuToggle).toHaveAttribute('aria-expanded', 'true');
  const items = shell.menuPanel.locator(':scope > button');
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(items.nth(1)).toBeFocused();
  await page.keyboard.press('End');
  await expect(items.last()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(shell.menuToggle).toHaveAttribute('aria-expanded', 'false');
  await expect(shell.menuToggle).toBeFocused();
  await expect(items.first()).toBeHidden();

  // A tap: the item opens its dialog over the page; closing it closes the menu, focus on its button.
  await shell.menuToggle.tap();
  await dataDialog.openButton.tap();
  await expect(dataDialog.dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dataDialog.dialog).toBeHidden();
  await expect(shell.menuToggle).toHaveAttribute('aria-expanded', 'false');
  await expect(shell.menuToggle).toBeFocused();

  // A tap outside closes it.
  await shell.menuToggle.tap();
  await expect(items.first()).toBeVisible();
  const filtersBox = await shell.box(shell.filters);
  await page.touchscreen.tap(filtersBox.x + 12, filtersBox.y + filtersBox.height - 12);
  await expect(shell.menuToggle).toHaveAttribute('aria-expanded', 'false');
});

test('@phone the details sheet is resized (peek, half, full) and keeps the selection above it', async ({
  dateline,
  page,
}) => {
  await dateline.goto();
  const shell = new ShellPage(page);
  const screen = shell.viewport();
  const events = inTimeOrder();
  const last = events.at(-1);
  if (!last) throw new Error('the seed has no events');

  // A row low in the list: once the sheet opens at half, the page has scrolled it above the sheet.
  await (await dateline.revealListOption(last.id)).tap();
  await dateline.expectSelected(last);
  await expect(shell.details).toHaveAttribute('data-sheet-size', 'half');
  let sheet = await shell.sheet();
  expect(Math.abs(sheet.height - screen.height / 2)).toBeLessThan(4);
  await expect
    .poll(async () => {
      const row = await shell.box(dateline.listOption(last.id));
      return row.y >= 0 && row.y + row.height <= sheet.top + 1;
    }, 'the tapped row is above the sheet')
    .toBe(true);

  // By its buttons (keyboard too): full, then peek.
  await shell.sheetSizeButton('full').focus();
  await page.keyboard.press('Enter');
  await expect(shell.details).toHaveAttribute('data-sheet-size', 'full');
  await expect(shell.sheetSizeButton('full')).toHaveAttribute('aria-pressed', 'true');
  sheet = await shell.sheet();
  expect(sheet.height).toBeGreaterThan(screen.height * 0.9);
  await shell.sheetSizeButton('peek').tap();
  await expect(shell.details).toHaveAttribute('data-sheet-size', 'peek');
  sheet = await shell.sheet();
  expect(sheet.height).toBeLessThan(screen.height * 0.25);
  await expect(dateline.detailsTitle).toBeInViewport();
  await expect(dateline.closeDetails).toBeInViewport();

  // By its handle: dragged up to near the top, it snaps to full; down a little, to half.
  const handle = await shell.box(shell.sheetHandle);
  const hx = handle.x + handle.width / 4;
  const hy = handle.y + handle.height / 2;
  await page.mouse.move(hx, hy);
  await page.mouse.down();
  await page.mouse.move(hx, 60, { steps: 8 });
  await page.mouse.up();
  await expect(shell.details).toHaveAttribute('data-sheet-size', 'full');
  const top = (await shell.sheet()).top;
  await page.mouse.move(hx, top + 16);
  await page.mouse.down();
  await page.mouse.move(hx, screen.height / 2 + 10, { steps: 8 });
  await page.mouse.up();
  await expect(shell.details).toHaveAttribute('data-sheet-size', 'half');
});

test('@phone a place selected on the map stays above the sheet at every size', async ({
  dateline,
  page,
}) => {
  await dateline.goto();
  const shell = new ShellPage(page);
  const place = singleEventPlace();
  if (!place) throw new Error('the seed has no place with one event');
  // The map at the top of the screen, as after scrolling down to it.
  await shell.mapCanvas.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await dateline.selectOnMap(place.placeKey);
  await expect(dateline.detailsArticle).toHaveAttribute('data-event-id', place.eventId);
  const marker = dateline.marker(place.placeKey);
  await expect(marker).toHaveClass(/\bdl-selected\b/);
  for (const size of ['half', 'peek', 'half'] as const) {
    if (size !== (await shell.details.getAttribute('data-sheet-size')))
      await shell.sheetSizeButton(size).tap();
    await expect(shell.details).toHaveAttribute('data-sheet-size', size);
    const sheet = await shell.sheet();
    await expect
      .poll(async () => {
        const m = await shell.box(marker);
        return m.y + m.height <= sheet.top;
      }, `the selected marker is above the ${size} sheet`)
      .toBe(true);
  }
});

test('@phone swiping over the map or the timeline scrolls the page', async ({ dateline, page }) => {
  await dateline.goto();
  const shell = new ShellPage(page);
  // Real touch input, through the browser's own gesture handling (touch-action and all).
  const cdp = await page.context().newCDPSession(page);
  const swipeUp = async (x: number, y: number) => {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
    for (let i = 1; i <= 10; i++)
      await cdp.send('Input.dispatchTouchEvent', {
        type: 'touchMove',
        touchPoints: [{ x, y: y - i * 12 }],
      });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  };
  for (const view of [shell.mapCanvas, shell.timelineCanvas]) {
    await view.scrollIntoViewIfNeeded();
    const box = await shell.box(view);
    const before = await page.evaluate(() => window.scrollY);
    await swipeUp(Math.round(box.x + 20), Math.round(box.y + Math.min(box.height - 10, 150)));
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(before + 40);
  }
});

test('@phone every target is at least 24×24 px, the details sheet included', async ({
  dateline,
  page,
  filters,
}) => {
  await dateline.goto();
  const shell = new ShellPage(page);
  for (const title of ['Actors', 'Type and status', 'Dates'] as const)
    await filters.sectionTitle(title).tap();
  expect(await shell.smallTargets(MIN_TARGET)).toEqual([]);
  const event = placedEvent();
  await (await dateline.revealListOption(event.id)).tap();
  await expect(shell.details).toHaveCSS('position', 'fixed');
  expect(await shell.smallTargets(MIN_TARGET)).toEqual([]);
  await shell.openMenu();
  expect(await shell.smallTargets(MIN_TARGET)).toEqual([]);
});
