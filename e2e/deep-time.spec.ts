// Deep time: a TimelineJS file from 5411 BCE to 1985 (cut from TimelineJS3's own samples) loads,
// "Fit all" shows every event with an axis that says BCE, and the list and details say BCE
// dates; a cosmological file (13.8 billion years ago) loads and is drawn at the timeline's edge
// with its true date in its label.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type DatelinePage } from './fixtures';
import { FiltersPanel } from './filters.po';
import { ImportPage } from './import.po';

// Each test opens a file through the import worker, then zooms and filters: on a busy machine
// that takes longer than the default 30 s.
test.slow();

const fixture = (name: string) =>
  fileURLToPath(new URL(`../src/formats/fixtures/${name}`, import.meta.url));

/** Opens a fixture through the file picker; its events shown, all loaded. */
async function openFixture(dateline: DatelinePage, name: string, events: number) {
  const io = new ImportPage(dateline.page);
  await dateline.goto();
  await io.pickFile(fixture(name));
  await io.expectEvents(events);
  await expect(io.notices.filter({ hasText: `${events} events loaded, 0 rejected` })).toHaveCount(
    1,
  );
  return new FiltersPanel(dateline);
}

test('a BCE-to-modern TimelineJS file loads and “Fit all” shows all of it, BCE on the axis', async ({
  dateline,
  page,
}, testInfo) => {
  const filters = await openFixture(dateline, 'timelinejs-bce.json', 6);
  await expect(dateline.timelineLabels).toHaveCount(6);

  // Zoomed in on the latest event, most of the file is out of view (vis-timeline drops what it
  // does not show); Fit all brings all of it back into the window.
  await dateline.selectInList('the-mother-of-the-internet-6');
  await filters.zoomTimelineIn();
  await filters.zoomTimelineIn();
  await expect(dateline.timelineLabels).not.toHaveCount(6);
  await filters.fitAll.click();
  await expect(dateline.timelineLabels).toHaveCount(6);
  await expect.poll(() => dateline.timelineItemsOutsideWindow()).toEqual([]);
  await expect(dateline.axisLabels.filter({ hasText: /^\d[\d,]* BCE$/ }).first()).toBeVisible();
  await expect(dateline.axisLabels.filter({ hasText: /-\d/ })).toHaveCount(0);
  await dateline.movePointerAway();
  const path = testInfo.outputPath('deep-time.png');
  await page.screenshot({ path, animations: 'disabled' });
  await testInfo.attach('deep-time', { path, contentType: 'image/png' });

  // Filtering to the window takes days before 1 CE; the facet says them in words.
  await filters.filterToWindow.click();
  await filters.openSection('Dates');
  await expect(filters.dateRangeWords).toHaveText(/^From \d+ \w{3} \d+ BCE to \d+ \w{3} \d{4}$/);
  await expect(dateline.eventCount).toHaveText('6 events');
  await expect(dateline.timelineLabels).toHaveCount(6);

  // The list and the details say BCE dates as people do.
  await dateline.selectInList('geological-timeline-test-1');
  await expect(dateline.when).toContainText('5410 BCE');
  await expect(dateline.listOptions.first()).toContainText('5410 BCE');
});

test('a cosmological file loads; its first events are drawn at the edge with their true date', async ({
  dateline,
  page,
}, testInfo) => {
  const filters = await openFixture(dateline, 'timelinejs-cosmological.json', 3);
  await filters.fitAll.click();
  await expect(dateline.timelineLabels).toHaveCount(3);
  await expect(dateline.axisLabels.filter({ hasText: /^24\d,000 BCE$/ }).first()).toBeVisible();
  await expect(dateline.timelineLabels.filter({ hasText: '13.8 billion BCE' })).toHaveCount(1);
  await expect.poll(() => dateline.timelineItemsOutsideWindow()).toEqual([]);
  await dateline.selectInList('the-big-bang-1');
  await expect(dateline.when).toContainText('13.8 billion BCE');

  // With a modern event too, Fit all shows all the timeline can draw, labelled every so many
  // thousand years (vis-timeline alone stops at 1000-year steps and falls back to days).
  const doc = JSON.parse(readFileSync(fixture('timelinejs-cosmological.json'), 'utf8')) as {
    events: unknown[];
  };
  doc.events.push({ start_date: { year: '1985' }, text: { headline: 'Modern times' } });
  await new ImportPage(page).pickContent('cosmos-to-1985.json', JSON.stringify(doc));
  await expect(dateline.eventCount).toHaveText('4 events');
  await filters.fitAll.click();
  await expect(dateline.timelineLabels).toHaveCount(4);
  await expect(dateline.axisLabels.filter({ hasText: /^\d{2,3},000 BCE$/ }).first()).toBeVisible();
  await expect(dateline.axisLabels.filter({ hasText: /^\d{1,2}$/ })).toHaveCount(0);

  await dateline.movePointerAway();
  const path = testInfo.outputPath('cosmological.png');
  await page.screenshot({ path, animations: 'disabled' });
  await testInfo.attach('cosmological', { path, contentType: 'image/png' });
});

test('@phone the BCE axis and dates on a phone', async ({ dateline, page }, testInfo) => {
  const filters = await openFixture(dateline, 'timelinejs-bce.json', 6);
  await filters.fitAll.click();
  await expect(dateline.axisLabels.filter({ hasText: /BCE$/ }).first()).toBeVisible();
  await expect(dateline.axisLabels.filter({ hasText: /^\d{1,2}$/ })).toHaveCount(0);
  const path = testInfo.outputPath('deep-time-phone.png');
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  await testInfo.attach('deep-time-phone', { path, contentType: 'image/png' });
});
