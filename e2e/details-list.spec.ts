// Reading an event: a link to it scrolls the list to its row (and keeps it there when the window
// changes size); "Show the whole source" opens scrolled to the quote; the search's words are
// marked in the list and in the details, as text; a very long title or summary is held to a few
// lines with "Show more", so the facts stay in reach; counts say "1 event".
import { generateDataset } from '../scripts/generate';
import { FiltersPanel } from './filters.po';
import {
  expect,
  inTimeOrder,
  READY,
  seed,
  test,
  type DatelinePage,
  type SeedDataset,
  type SeedEvent,
} from './fixtures';
import { ImportPage } from './import.po';

/** A dataset of 300 generated events: far more rows than the list shows at once. */
const many = generateDataset({ events: 300, seed: 7 }) as unknown as SeedDataset;

test('a link to an event far down the list scrolls the list to its row, and keeps it in view on resize', async ({
  dateline,
  page,
}) => {
  await dateline.serveDataset(many);
  const target = inTimeOrder(many.events)[240]!;
  await page.goto(`/?event=${target.id}`);
  await dateline.waitUntilShown(many.events.length);
  const { list } = dateline.views;
  const row = list.option(target.id);
  await expect(row).toHaveAttribute('aria-selected', 'true', READY);
  // Far down: many rows above it, none of which fit with it in the list's height.
  expect(Number(await row.getAttribute('aria-posinset'))).toBeGreaterThan(200);
  await expect.poll(() => list.rowInView(target.id)).toBe(true);
  // In the middle of the list, with rows around it, not jammed at an edge.
  const [r, l] = [await row.boundingBox(), await list.root.boundingBox()];
  expect(r!.y - l!.y).toBeGreaterThan(r!.height);
  expect(l!.y + l!.height - (r!.y + r!.height)).toBeGreaterThan(r!.height);

  for (const size of [
    { width: 1280, height: 720 },
    { width: 1024, height: 600 },
    { width: 1440, height: 900 },
  ]) {
    await page.setViewportSize(size);
    await expect
      .poll(() => list.rowInView(target.id), `at ${size.width}×${size.height}`)
      .toBe(true);
  }
});

test('“Show the whole source” opens scrolled to the quote', async ({ dateline }) => {
  await dateline.goto();
  // The event quoted farthest into its source: its quote is below the first screen of the text.
  const deepest = seed.events
    .filter((e) => e.evidence?.length)
    .reduce((a, b) => (b.evidence![0]!.start > a.evidence![0]!.start ? b : a));
  await dateline.selectInList(deepest.id);
  const { details } = dateline.views;
  await details.showWholeSource.click();
  await expect(details.wholeSource).toBeVisible();
  const box = details.wholeSource;
  await expect.poll(() => box.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
  // The quote's first line is inside the box's visible part.
  const [mark, view] = [await details.quoteMark.boundingBox(), await box.boundingBox()];
  expect(mark!.y).toBeGreaterThanOrEqual(view!.y - 1);
  expect(mark!.y + 10).toBeLessThanOrEqual(view!.y + view!.height);
  // And the box is a keyboard stop, so it can be scrolled without a mouse.
  await expect(box).toHaveAttribute('tabindex', '0');
  await details.root.getByRole('button', { name: 'Show the paragraph only' }).click();
  await expect(details.wholeSource).toHaveCount(0);
});

test('the search’s words are marked in the list and the details, as text', async ({
  dateline,
  page,
}) => {
  // A title with markup in it: it must read as the characters it is, with the word marked.
  const event = seed.events.find((e) => e.evidence?.length)!;
  const title = 'Talks <img src=x onerror="window.pwned=1"> resume in <b>Cairo</b>';
  const variant = {
    ...seed,
    events: seed.events.map((e) => (e.id === event.id ? { ...e, title } : e)),
  };
  await dateline.serveDataset(variant);
  await dateline.goto();
  const filters = new FiltersPanel(dateline);
  await filters.typeSearch('resume');
  await expect(dateline.eventCount).not.toHaveText(`${seed.events.length} events`);

  const { list, details } = dateline.views;
  const row = await list.reveal(event.id);
  await expect(row.locator('mark.dl-hit')).toHaveText(['resume']);
  await expect(row.locator('.dl-option-title')).toHaveText(title);
  await list.select(event.id);
  await expect(details.title).toHaveText(title);
  await expect(details.title.locator('mark.dl-hit')).toHaveText(['resume']);
  // Every mark holds only a word the search found, and nothing of the data became an element.
  for (const text of await details.hits.allTextContents()) expect(text).toMatch(/^resum/i);
  await expect(details.root.locator('img, b')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();

  // Another word, in a quote: marked inside the quote's own highlight.
  const word = /\p{L}{6,}/u.exec(event.evidence![0]!.quote)![0];
  await filters.search.fill(word);
  await expect(details.quoteMark.locator('mark.dl-hit').first()).toBeVisible();

  // No query, no marks.
  await filters.search.fill('');
  await expect(list.hits).toHaveCount(0);
  await expect(details.hits).toHaveCount(0);
});

/** The seed with one event's title and summary made very long. */
function longTextSeed(): { data: SeedDataset; event: SeedEvent } {
  const event = seed.events.find((e) => e.evidence?.length && e.place)!;
  const title = `${'A very long title that goes on and on about the talks, '.repeat(10).slice(0, 496)} end`;
  const summary = `${'The summary repeats what the statement said, sentence after sentence. '.repeat(290)}`;
  expect(title).toHaveLength(500);
  expect(summary.length).toBeGreaterThan(20_000);
  const data = {
    ...seed,
    events: seed.events.map((e) => (e.id === event.id ? { ...e, title, summary } : e)),
  };
  return { data, event };
}

async function expectFactsInReach(dateline: DatelinePage): Promise<void> {
  const { details } = dateline.views;
  for (const fact of [details.when, details.where, details.claim])
    await expect(fact).toBeInViewport({ ratio: 1 });
  await expect(details.more('title')).toHaveAttribute('aria-expanded', 'false');
  await expect(details.more('summary')).toHaveAttribute('aria-expanded', 'false');
  // The facts sit just below the held text: the panel's first screen shows them.
  const [whenBox, panel] = [await details.when.boundingBox(), await details.root.boundingBox()];
  expect(whenBox!.y + whenBox!.height).toBeLessThanOrEqual(panel!.y + panel!.height);
}

test('a 500-character title and a 20,000-character summary are held with “Show more”; the facts stay in reach', async ({
  dateline,
  page,
}) => {
  const { data, event } = longTextSeed();
  await dateline.serveDataset(data);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`/?event=${event.id}`);
  await dateline.waitUntilShown(seed.events.length);
  const { details } = dateline.views;
  await expect(details.article).toHaveAttribute('data-event-id', event.id);
  await expectFactsInReach(dateline);

  // "Show more" opens the whole summary; "Show less" holds it again.
  const held = (await details.summary.boundingBox())!.height;
  await details.more('summary').click();
  await expect(details.more('summary')).toHaveAttribute('aria-expanded', 'true');
  await expect(details.more('summary')).toHaveText('Show less');
  expect((await details.summary.boundingBox())!.height).toBeGreaterThan(held * 10);
  await details.more('summary').click();
  await expect(details.more('summary')).toHaveText('Show more');
  expect((await details.summary.boundingBox())!.height).toBeLessThanOrEqual(held + 1);

  // A short title and summary have no button.
  await dateline.selectInList(seed.events.find((e) => e.id !== event.id)!.id);
  await expect(details.more('title')).toHaveCount(0);
  await expect(details.more('summary')).toHaveCount(0);
});

test('@phone a long title and summary leave the facts in reach in the bottom sheet', async ({
  dateline,
  page,
}) => {
  const { data, event } = longTextSeed();
  await dateline.serveDataset(data);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/?event=${event.id}`);
  await expect(dateline.eventCount).toHaveText(`${seed.events.length} events`, READY);
  // The sheet opens at half the screen, with the title and when in it; pulled up to its full
  // height it holds every fact below the held title and summary.
  await expect(dateline.views.details.when).toBeInViewport();
  await dateline.views.details.root.getByRole('button', { name: 'Full', exact: true }).click();
  await expectFactsInReach(dateline);
});

test('a 10-million-character summary is shown cut, with a note; clicks and search stay quick', async ({
  dateline,
  page,
}) => {
  const event = seed.events.find((e) => e.evidence?.length && e.place)!;
  const other = seed.events.find((e) => e.id !== event.id)!;
  const summary = `${'A notes cell that holds a whole archive, word after word. '.repeat(180_000)}needle`;
  expect(summary.length).toBeGreaterThan(10_000_000);
  const data = {
    ...seed,
    events: seed.events.map((e) => (e.id === event.id ? { ...e, summary } : e)),
  };
  await dateline.serveDataset(data);
  await page.goto(`/?event=${event.id}`);
  await dateline.waitUntilShown(seed.events.length);
  const { details } = dateline.views;
  await expect(details.article).toHaveAttribute('data-event-id', event.id);
  await expect(details.root.getByTestId('summary-cut')).toContainText(
    'This summary is 10,440,006 characters long: the page shows its first 50,000 characters',
  );
  expect((await details.summary.textContent())!.length).toBeLessThanOrEqual(50_000);
  await expect(details.when).toBeInViewport();
  // Another event and back, as quickly as any other.
  await dateline.selectInList(other.id);
  await expect(details.article).toHaveAttribute('data-event-id', other.id);
  await dateline.selectInList(event.id);
  await expect(details.article).toHaveAttribute('data-event-id', event.id);
  // Search reads the start of the text: its first words find it, the last one does not.
  const filters = new FiltersPanel(dateline);
  await filters.search.fill('archive');
  await expect(dateline.eventCount).toContainText('1 of');
  await filters.search.fill('needle');
  await expect(dateline.eventCount).toContainText('0 of');
});

test('a dataset of one event says “1 event”, not “1 events”', async ({ dateline, page }) => {
  const io = new ImportPage(page);
  await dateline.goto();
  await io.pickContent('one.csv', 'id,title,start\nonly,The only event,2025-02-27\n');
  await expect(io.eventCount).toHaveText('1 event', READY);
  const filters = new FiltersPanel(dateline);
  await expect(filters.count).toHaveText('the only event');
  await io.exportButton.click();
  await expect(io.exportDialog).toContainText('The dataset’s one event.');
  await expect(page.getByText(/\b1 events\b/)).toHaveCount(0);
});
