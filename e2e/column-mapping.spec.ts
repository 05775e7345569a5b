// Tables whose columns people named themselves: the column-mapping step when Dateline is not
// sure which column is which (with a live count of the rows that would load), the mapping
// remembered for files with the same header and carried by links (cols=), and a file in which
// no row loads leaving the open dataset in place with its report.
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { ImportPage, mappingStep } from './import.po';

const CHRONOLOGY = [
  'date,event,source',
  '1946-01-10,First session of the General Assembly opens in London,UN Archives',
  '1946-02-01,Trygve Lie elected Secretary-General,UN Archives',
  '1946-03-25,Security Council moves to New York,UN Archives',
].join('\n');

test('a CSV with date,event,source goes through the column-mapping step and loads', async ({
  dateline,
  page,
}) => {
  test.slow(); // two imports and an axe scan
  const io = new ImportPage(page);
  await dateline.goto();
  await io.pickContent('chronology.csv', CHRONOLOGY, 'text/csv');
  const step = mappingStep(page);
  await expect(step.dialog).toBeVisible();
  await expect(step.dialog).toContainText('the title is guessed from the column “event”');
  await expect(step.dialog.getByRole('table')).toContainText('Trygve Lie elected');
  await expect(step.field('Title')).toHaveValue('event');
  await expect(step.field('Date (start)')).toHaveValue('date');
  await expect(step.field('Source')).toHaveValue('source');
  await expect(step.count).toContainText('3 of 3 rows would load');

  const axe = await new AxeBuilder({ page }).include('[data-testid=column-mapping]').analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);

  // A wrong choice shows at once in the count; the keyboard reaches every field.
  await step.field('Date (start)').selectOption('source');
  await expect(step.count).toContainText('0 of 3 rows would load');
  await step.field('Date (start)').focus();
  await step.field('Date (start)').selectOption('date');
  await expect(step.count).toContainText('3 of 3 rows would load');
  await step.load.click();

  await io.expectEvents(3);
  await expect(dateline.timelineLabels.first()).toBeVisible();
  await expect(page.getByText('Trygve Lie elected Secretary-General').first()).toBeVisible();
  await expect(page).toHaveURL(/cols=/);

  // The same header again: remembered, no step.
  await io.pickContent(
    'chronology-2.csv',
    `${CHRONOLOGY}\n1946-04-18,League of Nations dissolved,UN Archives`,
    'text/csv',
  );
  await io.expectEvents(4);
  await expect(step.dialog).toHaveCount(0);
});

test('a file whose rows all fail leaves the open dataset in place and shows why', async ({
  dateline,
  page,
}) => {
  const io = new ImportPage(page);
  await dateline.goto();
  const before = await io.eventCount.textContent();
  const rows = ['title,start', 'A,31-31-19', 'B,someday', 'C,31-31-19'].join('\n');
  await io.pickContent('broken.csv', rows, 'text/csv');
  const report = page.getByTestId('rejected-report');
  await expect(report).toBeVisible();
  await expect(report).toContainText('0 events loaded, 3 rejected');
  await expect(report).toContainText('2 rows · column start');
  await expect(report).toContainText('e.g. rows 2, 4');
  await report.getByRole('button', { name: 'Close' }).click();
  await expect(io.notices.filter({ hasText: 'broken.csv: 0 of 3 rows loaded' })).toHaveCount(1);
  await expect(io.eventCount).toHaveText(before ?? '');
  await expect(dateline.timelineLabels.first()).toBeVisible();
});

test('a column mapping given in the link is applied', async ({ dateline, page }) => {
  const io = new ImportPage(page);
  await page.route(
    (url) => url.pathname.startsWith('/imports/'),
    (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/csv',
        body: 'when,what,notes\n2024-05-01,Envoy visits Cairo,Said so\n2024-05-03,Talks resume,\n',
      }),
  );
  await page.goto('/?data=/imports/chron.csv&cols=start:when,title:what,summary:notes');
  await io.expectEvents(2);
  await expect(mappingStep(page).dialog).toHaveCount(0);
  await expect(page.getByText('Envoy visits Cairo').first()).toBeVisible();
  await expect(dateline.timelineLabels).toHaveCount(2);
  await expect(page).toHaveURL(/cols=start:when,title:what,summary:notes|cols=title:what/);
});

test('the column-mapping step works on a phone', async ({ dateline, page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const io = new ImportPage(page);
  await dateline.goto();
  await io.pickContent('chronology.csv', CHRONOLOGY, 'text/csv');
  const step = mappingStep(page);
  await expect(step.count).toContainText('3 of 3 rows would load');
  const box = await step.dialog.boundingBox();
  expect(box!.width).toBeLessThanOrEqual(390);
  await step.load.scrollIntoViewIfNeeded();
  await step.load.click();
  await io.expectEvents(3);
});
