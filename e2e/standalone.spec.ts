// "Export… → Standalone page (.html)": one HTML file with the app, the events shown and the coarse
// basemap, which opens from file:// with no server and makes no request at all (not even to
// localhost), and in which the timeline, the map, filters, details with quotes in context and
// links (a query on the file's address) work.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdtempSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, seed, test } from './fixtures';
import { FiltersPanel } from './filters.po';
import { ImportPage } from './import.po';
import { FilePage } from './publish.po';
import { StorySlides } from './slideshow.po';
import { StoryPage } from './story.po';

const dir = mkdtempSync(join(tmpdir(), 'dateline-standalone-'));

type SeedStory = { id: string; title: string; steps: Array<{ event?: string; text: string }> };
const story = (seed as unknown as { stories: SeedStory[] }).stories[0]!;
const eventOf = (i: number) => seed.events.find((e) => e.id === story.steps[i]!.event)!;

/** Exports the page on show as a standalone page, saved (under `prefix` + its name) to `dir`. */
async function exportPage(page: Page, prefix = ''): Promise<{ name: string; path: string }> {
  const download = await new ImportPage(page).export('Standalone page (.html)');
  const name = download.suggestedFilename();
  const path = join(dir, `${prefix}${name}`);
  await download.saveAs(path);
  return { name, path };
}

test('the standalone page opens from a file and works with no request at all', async ({
  dateline,
  page,
  browser,
}) => {
  await dateline.goto();
  const { name, path } = await exportPage(page);
  expect(name).toMatch(/^gaza-ceasefire-2025-02-page-\d{4}-\d{2}-\d{2}\.html$/);
  const html = readFileSync(path, 'utf8');
  // One file: no script, style or icon from elsewhere.
  expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+rel="stylesheet"|href="\.\/favicon/);

  const file = await FilePage.open(browser, path);
  try {
    await file.waitUntilShown(seed.events.length);
    await expect(file.page).toHaveTitle(`${seed.title} · Dateline`);
    await expect(file.page.locator('.leaflet-control-attribution')).toContainText(
      'holds no detailed outlines',
    );
    // Nothing that needs more files: no Open data, no Embed.
    await expect(file.page.getByTestId('open-data')).toHaveCount(0);
    await expect(file.page.getByTestId('embed')).toHaveCount(0);

    // Details with the quote in its context; the selection is a link on the file's address.
    const option = file.options.first();
    const id = (await option.getAttribute('data-event-id'))!;
    const event = seed.events.find((e) => e.id === id)!;
    await option.click();
    await expect(file.page.locator('#dl-event-title')).toContainText(event.title.slice(0, 30));
    await expect(file.page.getByText('In the source’s words')).toBeVisible();
    await expect(file.page.locator('mark').first()).toBeVisible();
    await expect.poll(() => new URL(file.page.url()).searchParams.get('event')).toBe(event.id);

    // Filters.
    await file.page.getByRole('searchbox', { name: 'Search' }).fill('Cairo');
    await expect(file.eventCount).toHaveText(/ of 16 events/);

    // The link opens the same view from the file (a reload, and the link in a new tab).
    // The address bar is written at most every 400 ms after a filter change.
    await expect.poll(() => new URL(file.page.url()).searchParams.get('q')).toBe('Cairo');
    const link = file.page.url();
    await file.page.goto(link);
    await expect(file.eventCount).toHaveText(/ of 16 events/, { timeout: 60_000 });
    await expect(file.page.locator('#dl-event-title')).toContainText(event.title.slice(0, 30));

    // Zoomed in to a city (the app would fetch its detailed outlines from zoom 7), the map keeps
    // its coarse outlines and fetches none.
    await file.page.goto(`${link}&map=31.5000,34.4000,9`);
    await expect(file.eventCount).toHaveText(/ of 16 events/, { timeout: 60_000 });
    await expect(file.map).toHaveAttribute('data-basemap', '50m', { timeout: 30_000 });
    await expect(file.map).not.toHaveAttribute('data-basemap-parts', '0');
    await file.page.waitForTimeout(4000); // past the app's idle preload of detailed outlines

    // The recorder sees requests (each navigation to the file is one), and there is no other.
    expect(file.requests.length).toBeGreaterThanOrEqual(3);
    expect(file.otherRequests(), 'requests made by the standalone page').toEqual([]);
    expect(file.errors, 'console errors and policy violations').toEqual([]);
    if (process.env.DATELINE_SHOTS) {
      await file.page.setViewportSize({ width: 1280, height: 720 });
      await file.page.screenshot({ path: 'test-results/standalone-1280x720.png' });
    }
  } finally {
    await file.close();
  }
});

test('the standalone page holds only the events the filters show', async ({
  dateline,
  page,
  browser,
}) => {
  await dateline.goto();
  const filters = new FiltersPanel(dateline);
  await filters.typeSearch('Cairo');
  await expect(filters.count).toHaveText(/ of /);
  const shown = Number(/(\d+) of/.exec((await dateline.eventCount.textContent()) ?? '')![1]);
  const { name, path } = await exportPage(page);
  expect(name).toMatch(/-page-filtered-[0-9a-z]{6}-/);

  const file = await FilePage.open(browser, path);
  try {
    await file.waitUntilShown(shown);
    await expect(file.options).toHaveCount(shown);
    expect(file.otherRequests()).toEqual([]);
    expect(file.errors).toEqual([]);
  } finally {
    await file.close();
  }
});

test('the standalone page plays the dataset’s story from a file, with no request at all', async ({
  dateline,
  page,
  browser,
}) => {
  await dateline.goto();
  const { path } = await exportPage(page, 'story-');

  const file = await FilePage.open(browser, path);
  try {
    await file.waitUntilShown(seed.events.length);
    const stories = new StoryPage(file.page);
    const slides = new StorySlides(file.page);
    await stories.play(story.title);
    await stories.expectAt(1, story.steps.length);
    await slides.expectSelected(eventOf(0));
    await expect(file.page.locator('#dl-event-title')).toContainText(eventOf(0).title.slice(0, 30));

    // Next, by its button and by the keyboard: each step's event in the timeline, map and details.
    await stories.next.click();
    await stories.expectAt(2, story.steps.length);
    await slides.expectSelected(eventOf(1));
    await file.page.locator('body').press('ArrowRight');
    await stories.expectAt(3, story.steps.length);
    await slides.expectSelected(eventOf(2));
    await expect(stories.text).toContainText(
      story.steps[2]!.text.replace(/\*\*/g, '').slice(0, 40),
    );
    // Each step is a link on the file's address, and Back goes to the step before.
    await expect.poll(() => new URL(file.page.url()).searchParams.get('step')).toBe('3');
    await file.page.goBack();
    await stories.expectAt(2, story.steps.length);
    await slides.expectSelected(eventOf(1));

    // The story's link opens the file at that step (a reload from the file).
    await file.page.goto(`${file.url}?story=${story.id}&step=4`);
    await stories.expectAt(4, story.steps.length);
    await slides.expectSelected(eventOf(3));

    expect(file.otherRequests(), 'requests made by the standalone page').toEqual([]);
    expect(file.errors, 'console errors and policy violations').toEqual([]);
  } finally {
    await file.close();
  }
});
