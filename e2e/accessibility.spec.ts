// axe-core finds no serious or critical accessibility violation, before and after a selection.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, placedEvent, test } from './fixtures';
import { ImportPage } from './import.po';

const BLOCKING = new Set(['serious', 'critical']);

/**
 * Serious and critical violations in the whole page. Nothing is excluded: the vis-timeline and
 * Leaflet markup pass too (with the app's roles and labels on markers and the timeline canvas).
 */
async function blockingViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.passes.length, 'axe checked the page').toBeGreaterThan(0);
  return results.violations
    .filter((v) => BLOCKING.has(v.impact ?? ''))
    .map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
}

test.beforeEach(async ({ dateline }) => {
  await dateline.goto();
});

test('the loaded page has no serious or critical violations', async ({ dateline, page }) => {
  await expect(dateline.markers.first()).toBeVisible();
  expect(await blockingViolations(page)).toEqual([]);
});

test('with an event selected there are no serious or critical violations', async ({
  dateline,
  page,
}) => {
  const event = placedEvent();
  await dateline.selectInList(event.id);
  await dateline.expectSelected(event);
  expect(await blockingViolations(page)).toEqual([]);
});

test('the load report dialog has no serious or critical violations', async ({ dateline, page }) => {
  await dateline.openReport();
  expect(await blockingViolations(page)).toEqual([]);
});

test('the Open data and Export dialogs have no serious or critical violations', async ({
  page,
}) => {
  const io = new ImportPage(page);
  await io.openDialog();
  expect(await blockingViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await io.exportButton.click();
  await expect(io.exportDialog).toBeVisible();
  expect(await blockingViolations(page)).toEqual([]);
});

test('an imported event with rich text, media and extra fields has no serious or critical violations', async ({
  dateline,
  page,
}) => {
  const io = new ImportPage(page);
  await io.pickContent(
    'rich.json',
    JSON.stringify({
      events: [
        {
          unique_id: 'rich',
          start_date: { year: '2025', month: '2', day: '27' },
          text: { headline: 'Rich', text: '<p>With a <a href="https://example.org">link</a></p>' },
          media: { url: 'https://example.org/a.jpg', thumbnail: 'https://example.org/t.jpg' },
          group: 'Talks',
          background: { color: '#123456' },
        },
      ],
    }),
  );
  await io.expectEvents(1);
  await dateline.selectInList('rich');
  await expect(page.getByTestId('summary-html')).toBeVisible();
  expect(await blockingViolations(page)).toEqual([]);
});
