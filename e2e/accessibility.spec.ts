// axe-core finds no serious or critical accessibility violation, before and after a selection.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, placedEvent, test } from './fixtures';

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
