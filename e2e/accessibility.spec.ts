// axe-core finds no serious or critical accessibility violation, before and after a selection;
// and, with the WCAG 2.2 AA rule set and best practices, no violation of any impact on the six
// screens of issue 11: the first screen, filters open, an event selected, each dialog, the
// phone layout (menu and sheet), and 200% zoom.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, placedEvent, test } from './fixtures';
import { FiltersPanel } from './filters.po';
import { ImportPage } from './import.po';
import { ShellPage } from './layout.po';

/** The rule set of WCAG 2.2 AA and axe's best practices. */
const WCAG22_AA = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Every violation of WCAG 2.2 AA and best practice, whatever its impact, in the whole page. */
async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG22_AA).analyze();
  expect(results.passes.length, 'axe checked the page').toBeGreaterThan(0);
  return results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')),
  }));
}

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

test.describe('WCAG 2.2 AA and best practice, every impact', () => {
  test('the first screen', async ({ dateline, page }) => {
    await expect(dateline.markers.first()).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });

  test('the filters open', async ({ dateline, page }) => {
    const filters = new FiltersPanel(dateline);
    for (const title of ['Actors', 'Type and status', 'Dates'] as const)
      await filters.sectionTitle(title).click();
    await filters.showAllActors.click();
    await filters.search.fill('Cairo');
    expect(await violations(page)).toEqual([]);
  });

  test('an event selected', async ({ dateline, page }) => {
    const event = placedEvent();
    await dateline.selectInList(event.id);
    await dateline.expectSelected(event);
    expect(await violations(page)).toEqual([]);
  });

  test('each dialog: Open data, Export, the load report, the shortcuts', async ({
    dateline,
    page,
  }) => {
    const io = new ImportPage(page);
    const shell = new ShellPage(page);
    await io.openDialog();
    expect(await violations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await io.exportButton.click();
    await expect(io.exportDialog).toBeVisible();
    expect(await violations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await dateline.openReport();
    expect(await violations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await shell.shortcutsButton.click();
    await expect(shell.shortcutsDialog).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });

  test.describe('at 200% zoom (720×450 CSS px)', () => {
    test.use({ viewport: { width: 720, height: 450 } });
    test('with the menu open, then an event in the sheet', async ({ dateline, page }) => {
      const shell = new ShellPage(page);
      expect(await violations(page)).toEqual([]);
      await shell.openMenu();
      expect(await violations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await dateline.selectInList(placedEvent().id);
      await expect(shell.details).toHaveCSS('position', 'fixed');
      expect(await violations(page)).toEqual([]);
    });
  });
});

test('@phone the phone layout: first screen, menu open, an event in the sheet', async ({
  dateline,
  page,
}) => {
  const shell = new ShellPage(page);
  expect(await violations(page)).toEqual([]);
  await shell.openMenu();
  expect(await violations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await (await dateline.revealListOption(placedEvent().id)).tap();
  await expect(shell.details).toHaveCSS('position', 'fixed');
  expect(await violations(page)).toEqual([]);
});
