// The keyboard path is as good as the mouse's: skip links first, a Tab order that follows the
// page (the search box right after the header), focus never dropped to the page's body after an
// action takes away the focused control, Esc in the order people expect, one-key shortcuts with
// a `?` dialog that lists them, a toolbar that moves with the arrows, Previous/Next disabled at
// the ends, a focus ring that stands out on every background, and reduced motion honoured.
import {
  eventsByPlace,
  expect,
  inTimeOrder,
  placedEvent,
  seed,
  test,
  type SeedDataset,
  type SeedEvent,
} from './fixtures';
import { REGIONS, ShellPage } from './layout.po';

const timeOrder = inTimeOrder();
const nth = (i: number): SeedEvent => {
  const e = timeOrder.at(i);
  if (!e) throw new Error(`the seed has no event ${i}`);
  return e;
};

/**
 * The seed with two of its unplaced events put in the place of a placed one, so that place's
 * marker holds three events and opens the map's chooser; and that place.
 */
function withSharedPlace(): { data: SeedDataset; placeKey: string; ids: string[] } {
  const data = structuredClone(seed);
  const placed = data.events.find((e) => typeof e.place === 'string');
  const unplaced = data.events.filter((e) => e.place === null).slice(0, 2);
  if (!placed || unplaced.length < 2)
    throw new Error('the seed has too few events to share a place');
  for (const e of unplaced) e.place = placed.place;
  const [placeKey, ids] =
    [...eventsByPlace(data.events)].find(([, events]) => events.length > 1) ?? [];
  if (!placeKey || !ids) throw new Error('no shared place');
  return { data, placeKey, ids };
}

test.beforeEach(async ({ dateline }) => {
  await dateline.goto();
});

test('skip links come first and each takes focus to its view', async ({ page }) => {
  const shell = new ShellPage(page);
  const stops = await shell.tabStops(5);
  expect(stops.map((s) => s.region)).toEqual(['skip', 'skip', 'skip', 'skip', 'skip']);
  await expect(shell.skipLinks).toHaveText([
    'Skip to search',
    'Skip to the event list',
    'Skip to the map',
    'Skip to the timeline',
    'Skip to the details',
  ]);
  const targets = [shell.search, shell.list, shell.mapCanvas, shell.timelineCanvas, shell.details];
  for (const [i, target] of targets.entries()) {
    await shell.skipLinks.nth(i).focus();
    await expect(shell.skipLinks.nth(i)).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(target).toBeFocused();
  }
  expect(new URL(page.url()).hash, 'the address bar is left alone').toBe('');
});

test('the Tab order follows the page: header, filters, list, map, timeline, details', async ({
  page,
  dateline,
}) => {
  const shell = new ShellPage(page);
  await dateline.selectInList(placedEvent().id);
  const all = await shell.tabStops(45);
  // One round of the page: up to where Tab comes back to the start.
  const back = all.findIndex((s, i) => i > 5 && (s.region === 'skip' || s.region === 'body'));
  const stops = back < 0 ? all : all.slice(0, back);
  const regions = stops.map((s) => s.region).filter((r, i, seq) => r !== seq[i - 1]);
  expect(regions).toEqual([...REGIONS]);
  // Five skip links, the header's seven actions (Stories and Embed among them), its language menu
  // and the theme (one stop), Clear filters, then the search box.
  expect(stops.findIndex((s) => s.id === 'dl-search-input') + 1).toBe(16);
});

test('one Esc in the search box clears the search only; a second clears the selection', async ({
  page,
  dateline,
  filters,
}) => {
  const event = placedEvent();
  await dateline.selectInList(event.id);
  await filters.search.fill('Cairo');
  await expect(filters.count).not.toHaveText(/^all/);
  await page.keyboard.press('Escape');
  await expect(filters.search).toHaveValue('');
  await expect(filters.count).toHaveText(/^all/);
  await expect(dateline.detailsArticle).toHaveAttribute('data-event-id', event.id);
  await expect(filters.search).toBeFocused();
  await page.keyboard.press('Escape');
  await dateline.expectNothingSelected();
});

test('Esc closes the map chooser with focus back on its marker; a pick keeps focus there', async ({
  page,
  dateline,
}) => {
  const { data, placeKey, ids } = withSharedPlace();
  await dateline.serveDataset(data);
  await dateline.goto();
  const marker = dateline.marker(placeKey);
  await marker.focus();
  await page.keyboard.press('Enter');
  await expect(dateline.chooser).toBeVisible();
  const first = dateline.chooserOption(ids[0] ?? '');
  await expect(dateline.views.map.chooserOptions.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(dateline.views.map.chooserOptions.nth(1)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dateline.chooser).toHaveCount(0);
  await expect(marker).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(first).toBeVisible();
  await first.focus();
  await page.keyboard.press('Enter');
  await expect(dateline.chooser).toHaveCount(0);
  await expect(dateline.detailsArticle).toHaveAttribute('data-event-id', ids[0] ?? '');
  await expect(marker).toBeFocused();
});

test('closing the details (✕ or Esc) gives focus back to where the event was opened', async ({
  page,
  dateline,
}) => {
  const shell = new ShellPage(page);
  // Opened from the list by the keyboard: back to the list.
  await shell.list.focus();
  await page.keyboard.press('ArrowDown');
  await expect(dateline.detailsArticle).toBeVisible();
  await dateline.closeDetails.focus();
  await page.keyboard.press('Enter');
  await dateline.expectNothingSelected();
  await expect(shell.list).toBeFocused();

  // Opened from a marker: Esc inside the details gives focus back to the marker.
  const event = placedEvent();
  const marker = dateline.marker(event.placeKey);
  await marker.focus();
  await page.keyboard.press('Enter');
  const chooser = dateline.views.map.chooserOptions.first();
  if (await chooser.isVisible()) await page.keyboard.press('Enter');
  await expect(dateline.detailsArticle).toBeVisible();
  await dateline.details.getByTestId('copy-link').focus();
  await page.keyboard.press('Escape');
  await dateline.expectNothingSelected();
  await expect(marker).toBeFocused();
});

test('after Clear filters and Show it, focus stays on a control, never the page body', async ({
  page,
  dateline,
  filters,
}) => {
  const shell = new ShellPage(page);
  await filters.search.fill('Cairo');
  await expect(filters.clearButton).toBeEnabled();
  await filters.clearButton.focus();
  await page.keyboard.press('Enter');
  await expect(filters.count).toHaveText(/^all/);
  await expect(filters.clearButton).toBeDisabled();
  await expect(filters.clearButton).toBeFocused();

  // "Show it" (the selected event is outside the filters) goes with its note: focus the event.
  const event = placedEvent();
  await dateline.selectInList(event.id);
  await filters.search.fill('zzzz-no-such-word');
  const showIt = dateline.details.getByRole('button', { name: 'Show it' });
  await showIt.focus();
  await page.keyboard.press('Enter');
  await expect(showIt).toHaveCount(0);
  await expect(dateline.detailsTitle).toBeFocused();
  expect((await shell.focused()).region).toBe('details');
});

test('Previous and Next are disabled, and look it, at the ends of the time order', async ({
  dateline,
}) => {
  await dateline.selectInList(nth(0).id);
  await expect(dateline.previousEvent).toBeDisabled();
  await expect(dateline.nextEvent).toBeEnabled();
  await expect(dateline.previousEvent).toHaveCSS('border-style', 'dashed');
  await expect(dateline.nextEvent).toHaveCSS('border-style', 'solid');
  await dateline.selectInList(nth(-1).id);
  await expect(dateline.nextEvent).toBeDisabled();
  await expect(dateline.previousEvent).toBeEnabled();
});

test('shortcuts: / searches, [ ] and ← → step through events, ? lists them all', async ({
  page,
  dateline,
  filters,
}) => {
  const shell = new ShellPage(page);
  await page.keyboard.press('/');
  await expect(filters.search).toBeFocused();
  await expect(filters.search).toHaveValue('');
  // In a text field the keys are text.
  await page.keyboard.type('[a]');
  await expect(filters.search).toHaveValue('[a]');
  await page.keyboard.press('Escape');
  await filters.search.blur();

  await page.keyboard.press(']');
  await expect(dateline.detailsArticle).toHaveAttribute('data-event-id', nth(0).id);
  await page.keyboard.press(']');
  await expect(dateline.detailsArticle).toHaveAttribute('data-event-id', nth(1).id);
  await page.keyboard.press('[');
  await expect(dateline.detailsArticle).toHaveAttribute('data-event-id', nth(0).id);
  await page.keyboard.press('ArrowRight');
  await expect(dateline.detailsArticle).toHaveAttribute('data-event-id', nth(1).id);
  await page.keyboard.press('ArrowLeft');
  await expect(dateline.detailsArticle).toHaveAttribute('data-event-id', nth(0).id);

  // Within the filters: with a search, ] goes to the next event the filters show.
  await filters.search.fill('Cairo');
  await filters.search.blur();
  const shown = await dateline.views.list.allIds();
  await page.keyboard.press(']');
  const at = shown.indexOf(nth(0).id);
  await expect(dateline.detailsArticle).toHaveAttribute(
    'data-event-id',
    shown[at < 0 ? 0 : Math.min(shown.length - 1, at + 1)] ?? '',
  );
  await filters.clearButton.click();

  // On the focused map, the arrows are the map's (they pan it): no step.
  const before = await dateline.detailsArticle.getAttribute('data-event-id');
  await shell.mapCanvas.focus();
  await page.keyboard.press('ArrowRight');
  await expect(dateline.detailsArticle).toHaveAttribute('data-event-id', before ?? '');

  // ? opens the list of shortcuts; Esc closes it and focus comes back.
  await shell.mapCanvas.focus();
  await page.keyboard.press('?');
  await expect(shell.shortcutsDialog).toBeVisible();
  for (const does of [
    'Go to the search box',
    'Previous event',
    'Next event',
    'Show these shortcuts',
  ])
    await expect(shell.shortcutsDialog).toContainText(does);
  await expect(shell.shortcutsDialog.locator('kbd', { hasText: /^\[$/ })).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(shell.shortcutsDialog).toBeHidden();
  await expect(shell.mapCanvas).toBeFocused();
  await expect(dateline.detailsArticle).toHaveAttribute('data-event-id', before ?? '');
});

test('the timeline toolbar is one Tab stop whose buttons the arrows move through', async ({
  page,
}) => {
  const shell = new ShellPage(page);
  const buttons = shell.timelineToolbar.getByRole('button');
  await expect(shell.timelineToolbar.locator('[tabindex="0"]')).toHaveCount(1);
  await buttons.first().focus();
  await page.keyboard.press('ArrowRight');
  await expect(buttons.nth(1)).toBeFocused();
  await page.keyboard.press('End');
  await expect(buttons.last()).toBeFocused();
  await page.keyboard.press('Home');
  await expect(buttons.first()).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(buttons.last()).toBeFocused();
  await expect(shell.timelineToolbar.locator('[tabindex="0"]')).toHaveCount(1);
  // Tab leaves the toolbar for "Group by" (a select: the arrows are its own), then the Help;
  // the playback's controls come next, then the timeline itself.
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('timeline-group-by')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.locator('.dl-timeline').getByRole('button', { name: 'Help' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(buttons.last()).toBeFocused();
});

test('the focus ring has at least 3:1 contrast with what is around it, everywhere', async ({
  page,
  dateline,
}) => {
  const shell = new ShellPage(page);
  await dateline.selectInList(placedEvent().id);
  await shell.tabStops(0);
  const low: string[] = [];
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const found = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const parse = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
      const lum = ([r = 0, g = 0, b = 0]: number[]) => {
        const f = (v: number) => {
          const s = v / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
      };
      const style = getComputedStyle(el);
      if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) < 2)
        return `${el.tagName} “${el.textContent?.trim().slice(0, 30)}”: no outline`;
      // The ring lies outside the element: the background there is its nearest painted ancestor's.
      let bg = [255, 255, 255];
      for (let a = el.parentElement; a; a = a.parentElement) {
        const c = parse(getComputedStyle(a).backgroundColor);
        if (c.length >= 3 && (c[3] ?? 1) > 0.5) {
          bg = c;
          break;
        }
      }
      const ring = parse(style.outlineColor);
      const [l1, l2] = [lum(ring), lum(bg)].sort((x, y) => y - x) as [number, number];
      const ratio = (l1 + 0.05) / (l2 + 0.05);
      return ratio < 3
        ? `${el.tagName} “${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}”: ${ratio.toFixed(2)}:1`
        : '';
    });
    if (found) low.push(found);
  }
  expect(low).toEqual([]);
});

test('with reduced motion the map jumps instead of animating its zoom', async ({
  page,
  dateline,
}) => {
  const watchZoomAnimation = () =>
    page.evaluate(() => {
      const map = document.querySelector('.dl-map .leaflet-container');
      const seen = { animated: false };
      // Leaflet marks its map pane while a zoom animates.
      new MutationObserver(() => {
        if (map?.querySelector('.leaflet-zoom-anim')) seen.animated = true;
      }).observe(map as Element, { attributes: true, attributeFilter: ['class'], subtree: true });
      (window as unknown as { dlSeen: typeof seen }).dlSeen = seen;
    });
  const animated = () =>
    page.evaluate(() => (window as unknown as { dlSeen: { animated: boolean } }).dlSeen.animated);

  // As it is without the preference (so the checks below can fail).
  await watchZoomAnimation();
  await dateline.views.map.zoomInButton.click();
  await expect.poll(animated).toBe(true);
  await expect(page.locator('.dl-skip-links a').first()).not.toHaveCSS('transition-duration', '0s');

  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.reload();
  await dateline.views.map.waitForBasemap();
  await watchZoomAnimation();
  await dateline.views.map.zoomInButton.click();
  // Leaflet's zoom animation lasts 250 ms: long enough to have shown.
  await page.waitForTimeout(400);
  expect(await animated()).toBe(false);
  // CSS transitions are off too (the skip links slide in otherwise).
  await expect(page.locator('.dl-skip-links a').first()).toHaveCSS('transition-duration', '0s');
});

test('titles cut to one line keep the full title as tooltip and accessible name', async ({
  page,
  dateline,
}) => {
  const long = [...seed.events].sort((a, b) => b.title.length - a.title.length)[0];
  if (!long) throw new Error('the seed has no events');
  const row = await dateline.revealListOption(long.id);
  const rowTitle = row.locator('.dl-option-title');
  // Cut on screen…
  expect(await rowTitle.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  // …whole in the tooltip and in the name a screen reader reads.
  await expect(rowTitle).toHaveAttribute('title', long.title);
  await expect(row).toHaveAccessibleName(
    new RegExp(`^${long.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
  );
  await expect(
    dateline.timeline.locator(`.dl-item-label[data-event-id="${long.id}"]`),
  ).toHaveAttribute(
    'title',
    new RegExp(long.title.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
  );
  const header = page.locator('.dl-dataset-title');
  await expect(header).toHaveAttribute('title', seed.title);
  await expect(header).toHaveText(seed.title);
});
