// Filtering by date: the From and To days (inclusive, UTC), where an event whose uncertain span
// overlaps the range counts as in (or, ticked, only one wholly inside it); a range that ends
// before it starts is refused; and the range taken from the timeline's window, after zooming
// or dragging it. Expected sets come from the seed file (./filters.expected.ts).
import { dayWords, expect, READY, test } from './fixtures';
import { isoDay, model, possibleSpan, type FilterSpec } from './filters.expected';
import { FiltersPanel } from './filters.po';

const DAY = 86_400_000;
const total = model.data.events.length;
const countWith = (f: FilterSpec) => model.ids(f).length;
const startOfDay = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** Every day from the seed's first possible moment to its last. */
function seedDays(): string[] {
  const spans = model.data.events.map(possibleSpan);
  const first = Math.min(...spans.map(([a]) => a));
  const last = Math.max(...spans.map(([, b]) => b));
  const days: string[] = [];
  for (let t = first; t <= last; t += DAY) days.push(isoDay(t));
  return days;
}

/**
 * A "from" day that falls inside an uncertain event's span, after its first possible day, and
 * that leaves some events out: the event is in only because its span overlaps the range.
 */
function fromInsideASpan(): { from: string; eventId: string } {
  for (const day of seedDays())
    for (const e of model.data.events) {
      const [earliest, latest] = possibleSpan(e);
      if (
        earliest < startOfDay(day) &&
        latest >= startOfDay(day) &&
        countWith({ from: day }) < total
      )
        return { from: day, eventId: e.id };
    }
  throw new Error('no event of the seed has a span that a “from” day can cut');
}

/** A "to" day before the end of an uncertain event's span, that leaves some events out. */
function toInsideASpan(): { to: string; eventId: string } {
  for (const day of seedDays())
    for (const e of model.data.events) {
      const [earliest, latest] = possibleSpan(e);
      const end = startOfDay(day) + DAY - 1;
      if (earliest <= end && latest > end && countWith({ to: day }) < total)
        return { to: day, eventId: e.id };
    }
  throw new Error('no event of the seed has a span that a “to” day can cut');
}

test.beforeEach(async ({ dateline }) => {
  await dateline.goto();
});

test('“from” keeps the events that may still be going on that day, and says why', async ({
  dateline,
}) => {
  const filters = new FiltersPanel(dateline);
  const { from, eventId } = fromInsideASpan();
  await filters.setDates(from, null);
  await filters.expectShown({ from });
  // The event began before the range but its possible span reaches into it: it is in.
  await expect(await dateline.revealListOption(eventId)).toBeAttached();
  await expect(filters.dateNote).toHaveText(
    'Dates are UTC days. Events whose uncertain dates overlap the range are included; tick to require the whole span inside.',
  );
  await expect(filters.dateNote).toBeVisible();
  await expect(filters.sectionTitle('Dates')).toHaveText(`Dates (${dayWords(from)} – …)`);
  // The range is shaded on the timeline.
  await expect(filters.dateRangeShading).toHaveCount(1);

  // One day only: "to" the same day.
  await filters.setDates(null, from);
  await filters.expectShown({ from, to: from });

  await filters.dateFrom.fill('');
  await filters.expectShown({ to: from });
  await filters.dateTo.fill('');
  await filters.expectShown({});
  await expect(filters.dateRangeShading).toHaveCount(0);
});

test('“to” keeps the events that may have begun by then', async ({ dateline }) => {
  const filters = new FiltersPanel(dateline);
  const { to, eventId } = toInsideASpan();
  await filters.setDates(null, to);
  await filters.expectShown({ to });
  await expect(await dateline.revealListOption(eventId)).toBeAttached();
});

test('zooming the timeline and “Filter to this window” narrows to the window’s days', async ({
  dateline,
}) => {
  const filters = new FiltersPanel(dateline);
  await filters.zoomTimelineIn();
  await filters.zoomTimelineIn();
  await filters.filterToWindow.click();
  await filters.openSection('Dates');
  await expect(filters.dateFrom).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  await expect(filters.dateTo).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  const { from, to } = await filters.dateRange();
  expect(countWith({ from, to }), 'the zoomed window leaves some events out').toBeLessThan(total);
  await expectRangeCoversWindow(filters);

  // The date facet's own button takes the same window.
  await filters.clearButton.click();
  await expect(filters.dateFrom).toHaveValue('');
  await expect(filters.dateTo).toHaveValue('');
  await filters.onlyInView.click();
  await expect(filters.dateFrom).toHaveValue(from);
  await expect(filters.dateTo).toHaveValue(to);

  // Every view shows the events of those days (with the timeline fitted to them all).
  await filters.fitAll.click();
  await filters.expectShown({ from, to });
});

test('dragging the timeline, then “Filter to this window”, takes the new window', async ({
  dateline,
}) => {
  const filters = new FiltersPanel(dateline);
  await filters.zoomTimelineIn();
  await filters.zoomTimelineIn();
  await filters.filterToWindow.click();
  const before = await filters.dateRange();

  // Drag to the right by half the timeline: earlier days come into view.
  const panel = await dateline.timelinePanel.boundingBox();
  if (!panel) throw new Error('the timeline is not drawn');
  await filters.dragTimeline(panel.width / 2);
  await filters.filterToWindow.click();
  await expect(filters.dateFrom).not.toHaveValue(before.from);
  const after = await filters.dateRange();
  expect(after.from < before.from && after.to < before.to, 'the range moved earlier').toBe(true);
  await expectRangeCoversWindow(filters);

  await filters.fitAll.click();
  await filters.expectShown(after);
});

/**
 * The date range is the window's days: its shading on the timeline covers the whole visible
 * panel and reaches less than a day beyond either side.
 */
async function expectRangeCoversWindow(filters: FiltersPanel): Promise<void> {
  await expect(filters.dateRangeShading).toHaveCount(1);
  const [shade, panel, scale] = await Promise.all([
    filters.dateRangeShading.boundingBox(),
    filters.dateline.timelinePanel.boundingBox(),
    filters.timelineScale(),
  ]);
  if (!shade || !panel) throw new Error('the timeline is not drawn');
  const dayPx = DAY * scale;
  expect(shade.x).toBeLessThanOrEqual(panel.x + 1);
  expect(shade.x + shade.width).toBeGreaterThanOrEqual(panel.x + panel.width - 1);
  expect(shade.x).toBeGreaterThan(panel.x - dayPx - 1);
  expect(shade.x + shade.width).toBeLessThan(panel.x + panel.width + dayPx + 1);
}

test('a range that ends before it starts is refused with a message, and never reaches the link', async ({
  dateline,
  page,
}) => {
  const filters = new FiltersPanel(dateline);
  const { from, to } = aRangeThatLeavesSomeOut();
  await filters.setDates(from, null);
  await filters.expectShown({ from });
  await expect(page).toHaveURL(new RegExp(`[?&]from=${from}`));

  // A "to" before "from": refused, said, and the inputs keep what was typed to be corrected.
  const before = isoDay(startOfDay(from) - 3 * DAY);
  await filters.dateTo.fill(before);
  await expect(filters.dateError).toHaveText(
    `Not applied: “From” (${dayWords(from)}) is after “To” (${dayWords(before)}). Change one of them.`,
  );
  await expect(filters.dateError).toHaveAttribute('role', 'alert');
  await expect(filters.dateTo).toHaveValue(before);
  await expect(filters.dateTo).toHaveAttribute('aria-invalid', 'true');
  await filters.expectShown({ from });
  await page.waitForTimeout(500); // longer than the address bar's throttle: nothing was written
  expect(new URL(page.url()).searchParams.get('to')).toBeNull();
  expect(new URL(page.url()).searchParams.get('from')).toBe(from);

  // Corrected: applied, the message gone, the link carrying both days.
  await filters.dateTo.fill(to);
  await expect(filters.dateError).toBeEmpty();
  await expect(filters.dateTo).not.toHaveAttribute('aria-invalid');
  await filters.expectShown({ from, to });
  await expect(page).toHaveURL(new RegExp(`[?&]to=${to}`));

  // Typed the other way round ("from" after "to"): refused the same way.
  await filters.dateFrom.fill(isoDay(startOfDay(to) + 2 * DAY));
  await expect(filters.dateError).toContainText('is after “To”');
  await filters.expectShown({ from, to });
  // Clear filters drops the refused range too.
  await filters.clearButton.click();
  await expect(filters.dateError).toBeEmpty();
  await expect(filters.dateFrom).toHaveValue('');
});

test('“whole span inside” keeps only the events wholly in the range, and the link carries it', async ({
  dateline,
  page,
}) => {
  const filters = new FiltersPanel(dateline);
  const { from, to } = aRangeWhereTheRuleMatters();
  await filters.setDates(from, to);
  await filters.expectShown({ from, to });
  await expect(filters.dateWithin).not.toBeChecked();

  await filters.dateWithin.check();
  await filters.expectShown({ from, to, within: true });
  expect(countWith({ from, to, within: true })).toBeLessThan(countWith({ from, to }));
  await expect(page).toHaveURL(/[?&]within=1(&|$)/);

  // The link opens the same view.
  await page.goto(`/?from=${from}&to=${to}&within=1`);
  await expect(dateline.eventCount).toHaveText(
    `${countWith({ from, to, within: true })} of ${total} events`,
    READY,
  );
  await filters.openSection('Dates');
  await expect(filters.dateWithin).toBeChecked();
  await filters.expectShown({ from, to, within: true });

  // The link's timeline was fitted to the events wholly inside; the ones unticking brings back
  // reach outside that window (filters never move it): "Fit all" shows them all.
  await filters.dateWithin.uncheck();
  await filters.fitAll.click();
  await filters.expectShown({ from, to });
  await expect(page).not.toHaveURL(/within=/);
});

/** A from/to range of the seed that leaves some events out and some in. */
function aRangeThatLeavesSomeOut(): { from: string; to: string } {
  const days = seedDays();
  for (let i = 0; i < days.length; i++)
    for (let j = days.length - 1; j > i; j--) {
      const n = countWith({ from: days[i], to: days[j] });
      if (n > 0 && n < total && countWith({ from: days[i] }) < total)
        return { from: days[i]!, to: days[j]! };
    }
  throw new Error('the seed has no such range');
}

/** A range where some uncertain event overlaps but is not inside, and some event is inside. */
function aRangeWhereTheRuleMatters(): { from: string; to: string } {
  const days = seedDays();
  for (let i = 0; i < days.length; i++)
    for (let j = i; j < days.length; j++) {
      const range = { from: days[i]!, to: days[j]! };
      const inside = countWith({ ...range, within: true });
      if (inside > 0 && inside < countWith(range)) return range;
    }
  throw new Error('no range of the seed tells the two rules apart');
}
