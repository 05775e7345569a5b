// Files as people really have them open whole and show on both views: an ACLED monadic export
// (one row per actor: one event per event, with every side), an ACLED export a spreadsheet has
// re-saved (`;`, `5-Aug-24`, decimal commas), and a USGS earthquake feed (epoch-ms times, its own
// `type` kept and said once).
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';
import { ImportPage, mappingStep } from './import.po';

const FIXTURES = fileURLToPath(new URL('../src/formats/fixtures/', import.meta.url));
const fixture = (name: string) => `${FIXTURES}${name}`;

test('an ACLED monadic export opens as one event per event, each with every side', async ({
  dateline,
  page,
}) => {
  const io = new ImportPage(page);
  await dateline.goto();
  await io.pickFile(fixture('acled-monadic.csv'));
  // 11 rows: four events given as two rows each, and a repeated id kept as its own event.
  await io.expectEvents(7);
  await expect(io.reportButton).toContainText('7 events loaded, 0 rejected');
  await expect(dateline.timelineLabels).toHaveCount(7);
  await expect(dateline.markers.or(dateline.clusters).first()).toBeVisible();

  await dateline.selectInList('xmp3001');
  await expect(dateline.selectedTimelineItems).toHaveCount(1);
  await expect(dateline.selectedMarkers).toHaveCount(1);
  await expect(dateline.detailsTitle).toHaveText('Armed clash in Ridgeford');
  await expect(dateline.details).toContainText('Military Forces of Sampleland (2019-)');
  await expect(dateline.details).toContainText('Sample Rebel Front');

  await dateline.selectInList('xmp3004-2');
  await expect(dateline.detailsTitle).toHaveText('Remote explosive/landmine/IED in Northern Road');
});

test('an ACLED export re-saved by a spreadsheet opens whole, on the timeline and the map', async ({
  dateline,
  page,
}) => {
  const io = new ImportPage(page);
  await dateline.goto();
  await io.pickFile(fixture('acled-excel.csv'));
  await io.expectEvents(5);
  await expect(io.reportButton).toContainText('5 events loaded, 0 rejected');
  await expect(dateline.timelineLabels).toHaveCount(5);
  await dateline.selectInList('xmp1001');
  await expect(dateline.when).toContainText('2024');
  await expect(dateline.selectedMarkers).toHaveCount(1);
  await expect(dateline.where).toContainText('Port Sample, Sampleland');
});

test('a USGS earthquake feed opens with its times, places and one line for its own types', async ({
  dateline,
  page,
}) => {
  const io = new ImportPage(page);
  await dateline.goto();
  await io.pickFile(fixture('usgs-significant-week.geojson'));
  await io.expectEvents(2);
  await expect(dateline.timelineLabels).toHaveCount(2);
  await expect(dateline.markers.or(dateline.clusters).first()).toBeVisible();

  await dateline.selectInList('us700061e9');
  await expect(dateline.detailsTitle).toHaveText('M 6.5 - 1km S of Kisante, Philippines');
  await expect(dateline.where).toContainText('1km S of Kisante, Philippines');
  await expect(dateline.when).toContainText('2019');
  await expect(dateline.selectedMarkers).toHaveCount(1);
  await expect(dateline.selectedTimelineItems).toHaveCount(1);

  await io.reportButton.click();
  await expect(io.reportDialog).toBeVisible();
  await expect(
    io.reportDialog.getByRole('listitem').filter({ hasText: 'type: 2 values kept as they are' }),
  ).toHaveCount(1);
});

const CORPUS = fileURLToPath(new URL('../corpus/', import.meta.url));

test('TimelineJS3’s own { timeline: { slides } } example opens with its title and places', async ({
  dateline,
  page,
}) => {
  const io = new ImportPage(page);
  await dateline.goto();
  await io.pickFile(`${CORPUS}timelinejs3-marktwain-slides.json`);
  await io.expectEvents(5);
  await expect(io.reportButton).toContainText('5 events loaded, 0 rejected');
  await expect(page.getByRole('banner')).toContainText('Mark Twain');
  await expect(dateline.markers.or(dateline.clusters).first()).toBeVisible();
  await dateline.selectInList('hawaii-5');
  await expect(dateline.detailsTitle).toHaveText('Hawaii');
  await expect(dateline.selectedMarkers).toHaveCount(1);
});

test('a sheet with words for some dates loads every row that has one date, and says how', async ({
  dateline,
  page,
}) => {
  const io = new ImportPage(page);
  await dateline.goto();
  await io.pickFile(`${CORPUS}fivethirtyeight-cabinet-turnover.csv`);
  // No column is named as a title: the user picks one in the column-mapping step.
  const step = mappingStep(page);
  await expect(step.count).toContainText('12 of 12 rows would load');
  await step.field('Title').selectOption('Appointee');
  await step.load.click();
  await io.expectEvents(12);
  await dateline.selectInList('lauro-cavazos-6');
  await expect(dateline.when).toContainText('Reagan admin – 12/15/1990');
  await io.reportButton.click();
  await expect(io.reportDialog).toContainText('the event is placed at its end date');
  await expect(io.reportDialog).toContainText('the event is read without an end');
});
