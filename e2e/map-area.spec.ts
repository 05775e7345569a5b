// Filter by map area (issue 14): "Filter to this map view" and a rectangle drawn on the map
// narrow the events to those placed inside (events with no place by an explicit choice); the
// header and facet counts, the timeline and the list follow; the area is in the link (across the
// antimeridian too), is drawn on the map, and clears; axe finds no violation.
import { expect, test } from './fixtures';
import { axeViolations, openDays, daysDataset, MapAreaControls } from './playback.po';

const MAP = 'map=28.0000,41.0000,5';

test.beforeEach(async ({ dateline }) => {
  await dateline.serveDataset(daysDataset());
});

test('“Filter to this map view” keeps the events placed in view; the views and counts follow', async ({
  page,
  dateline,
  list,
  filters,
}) => {
  await openDays(page, MAP);
  await dateline.views.map.waitForMarkers();
  const area = new MapAreaControls(page);
  await area.filterToView.click();
  // Gaza, Cairo and Doha are in view (two events each); Suva is not; the event with no place is
  // left out by default.
  await expect(dateline.eventCount).toHaveText('6 of 8 events');
  await expect(filters.count).toHaveText('6 of 8 events');
  await expect
    .poll(() => list.renderedIds())
    .toEqual(['e1-gaza', 'e2-cairo', 'e3-doha', 'e6-gaza', 'e7-cairo', 'e8-doha']);
  await expect(dateline.timelineLabels).toHaveCount(6);
  await filters.openSection('Type and status');
  await expect(page.getByRole('checkbox', { name: 'statement 6' })).toBeVisible();
  await expect(area.shownArea).toHaveCount(1);
  await expect
    .poll(() => area.linkArea())
    .toMatch(/^-?\d+\.\d{4},-?\d+\.\d{4},-?\d+\.\d{4},-?\d+\.\d{4}$/);

  // Events with no place, by choice.
  await expect(area.section).toHaveAttribute('open', '');
  await expect(area.description).toContainText('Only events placed in');
  await area.unplaced.check();
  await expect(dateline.eventCount).toHaveText('7 of 8 events');
  await expect.poll(() => list.renderedIds()).toContain('e4-nowhere');
  await expect.poll(() => new URL(page.url()).searchParams.get('unplaced')).toBe('1');
  // Hidden again by the same choice, and the link says so by leaving `unplaced` out.
  await area.unplaced.uncheck();
  await expect(dateline.eventCount).toHaveText('6 of 8 events');
  await expect.poll(() => new URL(page.url()).searchParams.get('unplaced')).toBeNull();
  await area.unplaced.check();
  await expect(dateline.eventCount).toHaveText('7 of 8 events');

  await area.clear.click();
  await expect(dateline.eventCount).toHaveText('8 events');
  await expect(area.shownArea).toHaveCount(0);
  await expect.poll(() => area.linkArea()).toBeNull();
  // Without an area the choice has nothing to say: every event is shown, placed or not.
  await expect(area.unplaced).toBeDisabled();
  await expect.poll(() => new URL(page.url()).searchParams.get('unplaced')).toBeNull();
});

test('a rectangle drawn on the map filters to it; Escape cancels drawing', async ({
  page,
  dateline,
  list,
  map,
}) => {
  await openDays(page, MAP);
  await map.waitForMarkers();
  await map.waitUntilStill();
  const area = new MapAreaControls(page);
  const box = async (id: string) => {
    const b = await map.markerOf(id).boundingBox();
    if (!b) throw new Error(`no marker for ${id}`);
    return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  };
  const gaza = await box('e1-gaza');
  const cairo = await box('e2-cairo');
  const doha = await box('e3-doha');
  expect(doha.x - Math.max(gaza.x, cairo.x)).toBeGreaterThan(60);

  // Escape leaves draw mode with nothing changed.
  await area.draw.click();
  await expect(area.draw).toHaveAttribute('aria-pressed', 'true');
  await expect(area.hint).toHaveText('Drag on the map to draw an area; Escape cancels.');
  await page.keyboard.press('Escape');
  await expect(area.draw).toHaveAttribute('aria-pressed', 'false');
  await expect(dateline.eventCount).toHaveText('8 events');

  // A rectangle around Gaza and Cairo, short of Doha.
  await area.drawRectangle(
    { x: Math.min(gaza.x, cairo.x) - 25, y: Math.min(gaza.y, cairo.y) - 25 },
    { x: Math.max(gaza.x, cairo.x) + 25, y: Math.max(gaza.y, cairo.y) + 25 },
  );
  await expect(area.draw).toHaveAttribute('aria-pressed', 'false');
  await expect(dateline.eventCount).toHaveText('4 of 8 events');
  await expect
    .poll(() => list.renderedIds())
    .toEqual(['e1-gaza', 'e2-cairo', 'e6-gaza', 'e7-cairo']);
  await expect(area.shownArea).toHaveCount(1);
  await expect(map.markerOf('e3-doha')).toHaveCount(0);
  await expect.poll(() => area.linkArea()).not.toBeNull();

  // The map moves as before (drawing ended).
  await map.drag(-40, 0);
  await expect(dateline.eventCount).toHaveText('4 of 8 events');
  expect(await axeViolations(page)).toEqual([]);
});

test('a link carries the area, across the antimeridian too', async ({ page, dateline, list }) => {
  await openDays(page, 'area=-20.0000,170.0000,-10.0000,-170.0000');
  await expect(dateline.eventCount).toHaveText('1 of 8 events');
  await expect.poll(() => list.renderedIds()).toEqual(['e5-suva']);
  const area = new MapAreaControls(page);
  await expect(area.description).toHaveText(
    'Only events placed in 20.0°S–10.0°S, 170.0°E–170.0°W.',
  );
  await expect(area.shownArea).toHaveCount(1);
  expect(await area.linkArea()).toBe('-20.0000,170.0000,-10.0000,-170.0000');
  await page.goto('/?area=31.0000,34.0000,32.0000,35.0000&unplaced=1');
  await expect(dateline.eventCount).toHaveText('3 of 8 events');
  await expect(area.unplaced).toBeChecked();
});
