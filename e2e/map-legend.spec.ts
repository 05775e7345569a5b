// The map's legend: it says what a marker's fill, border, halo, number and badges mean; it opens
// and closes from the keyboard and remembers being open; it starts closed and hides no marker
// (on a phone too); axe finds nothing in it (WCAG 2.2 AA).
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

function legendOf(page: Page) {
  const root = page.getByTestId('map-legend');
  return {
    root,
    toggle: root.getByRole('button', { name: /legend/i }),
    list: root.getByRole('list', { name: 'Map legend' }),
  };
}

test('the map legend explains the markers and works from the keyboard', async ({
  dateline,
  page,
}) => {
  await dateline.goto();
  const legend = legendOf(page);
  // Closed at first, so it hides no marker; opened, it says what the markers mean.
  await expect(legend.toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(legend.list).toBeHidden();
  await legend.toggle.click();
  await expect(legend.toggle).toHaveAttribute('aria-expanded', 'true');
  for (const words of [
    'exact spot',
    'city or area',
    'region or country',
    'halo',
    'approximate',
    'scheduled or expected',
    'events at one place',
  ])
    await expect(legend.list).toContainText(words);

  await legend.toggle.focus();
  await page.keyboard.press('Enter');
  await expect(legend.list).toBeHidden();
  await expect(legend.toggle).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Space');
  await expect(legend.list).toBeVisible();
  // Opened, it stays open on the next visit.
  await dateline.goto();
  await expect(legend.list).toBeVisible();

  const results = await new AxeBuilder({ page })
    .withTags(WCAG_22_AA)
    .include('[data-testid=map-legend]')
    .analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
});

test('the markers carry the legend’s badges for time: ≈ approximate, ◷ still to come', async ({
  dateline,
  page,
}) => {
  await dateline.goto();
  // The seed's region ("the region", Witkoff expected) holds only an expected, approximate event.
  const marker = dateline.markerOf('witkoff-expected-in-region');
  await expect(marker).toHaveClass(/dl-time-future/);
  await expect(marker).toHaveClass(/dl-time-approx/);
  const badge = await marker.evaluate((el) => getComputedStyle(el, '::after').content);
  expect(badge).toBe('"◷≈"');
  await expect(page.getByTestId('map-legend')).toBeVisible();
});

test('@phone the legend starts closed and covers no marker', async ({ dateline, page }) => {
  await dateline.goto();
  const legend = legendOf(page);
  await expect(legend.toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(legend.list).toBeHidden();
  const box = await legend.root.boundingBox();
  if (!box) throw new Error('the legend is not drawn');
  const markers = await dateline.markers.evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    }),
  );
  expect(markers.length).toBeGreaterThan(0);
  const covered = markers.filter(
    (m) =>
      m.left < box.x + box.width &&
      m.right > box.x &&
      m.top < box.y + box.height &&
      m.bottom > box.y,
  );
  expect(covered).toEqual([]);
  await legend.toggle.click();
  await expect(legend.list).toBeVisible();
});
