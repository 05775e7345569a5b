// Selecting an event in any view selects it in all of them: timeline, map, list and details.
import {
  eventsByPlace,
  expect,
  findEvent,
  inTimeOrder,
  placedEvent,
  readSeed,
  singleEventPlace,
  test,
  type SeedDataset,
  type SeedEvent,
} from './fixtures';
import { generate } from '../scripts/generate';

const byId = (id: string): SeedEvent => findEvent(`event “${id}”`, (e) => e.id === id);

test.describe('with the seed dataset', () => {
  test.beforeEach(async ({ dateline }) => {
    await dateline.goto();
  });

  test('clicking a timeline item selects it on the map, in the list and opens its details', async ({
    dateline,
  }) => {
    const event = placedEvent();
    await dateline.selectOnTimeline(event.id);
    await dateline.expectSelected(event);
    await expect(dateline.announcer).toContainText(`Selected: ${event.title}`);
  });

  test('clicking a single-event marker selects its event on the timeline and opens details', async ({
    dateline,
  }) => {
    const single = singleEventPlace();
    test.skip(!single, 'the seed has no place with exactly one event');
    if (!single) return;
    await dateline.selectOnMap(single.placeKey);
    await expect(dateline.chooser).toHaveCount(0);
    await dateline.expectSelected(byId(single.eventId));
  });

  test('selecting in the list selects on the timeline and the map', async ({ dateline }) => {
    const event = placedEvent();
    await dateline.selectInList(event.id);
    await dateline.expectSelected(event);
  });

  test('selecting in the list brings the event into view on the timeline', async ({ dateline }) => {
    let hidden: SeedEvent | undefined;
    for (const e of inTimeOrder())
      if (!(await dateline.isInTimelineView(e.id))) {
        hidden = e;
        break;
      }
    test.skip(!hidden, 'every item of the seed fits in the timeline at this size');
    if (!hidden) return;
    await dateline.selectInList(hidden.id);
    await dateline.expectSelected(hidden);
    await expect.poll(() => dateline.isInTimelineView(hidden.id)).toBe(true);
  });

  test('Esc clears the selection in every view', async ({ dateline }) => {
    const event = placedEvent();
    await dateline.selectOnTimeline(event.id);
    await dateline.expectSelected(event);
    await dateline.pressEscape();
    await dateline.expectNothingSelected();
  });

  test('the details close button clears the selection in every view', async ({ dateline }) => {
    const event = placedEvent();
    await dateline.selectInList(event.id);
    await dateline.expectSelected(event);
    await dateline.closeDetails.click();
    await dateline.expectNothingSelected();
  });

  test('keyboard: ArrowDown in the list selects the first event', async ({ dateline }) => {
    const [first] = inTimeOrder();
    if (!first) throw new Error('the seed has no events');
    await dateline.eventList.focus();
    await dateline.page.keyboard.press('ArrowDown');
    await dateline.expectSelected(first);
  });

  test('keyboard: ArrowRight and ArrowLeft on the timeline step through events in time order', async ({
    dateline,
  }) => {
    const [first, second] = inTimeOrder();
    if (!first || !second) throw new Error('the seed needs two events');
    await dateline.timeline.focus();
    await dateline.page.keyboard.press('ArrowRight');
    await dateline.expectSelected(first);
    await dateline.page.keyboard.press('ArrowRight');
    await dateline.expectSelected(second);
    await dateline.page.keyboard.press('ArrowLeft');
    await dateline.expectSelected(first);
  });

  test('the details Next and Previous buttons step through events in time order', async ({
    dateline,
  }) => {
    const [first, second] = inTimeOrder();
    if (!first || !second) throw new Error('the seed needs two events');
    await dateline.selectInList(first.id);
    await dateline.expectSelected(first);
    await dateline.nextEvent.click();
    await dateline.expectSelected(second);
    await dateline.previousEvent.click();
    await dateline.expectSelected(first);
  });

  test('keyboard: a marker activated with Enter selects its event', async ({ dateline }) => {
    const single = singleEventPlace();
    test.skip(!single, 'the seed has no place with exactly one event');
    if (!single) return;
    await dateline.marker(single.placeKey).focus();
    await dateline.page.keyboard.press('Enter');
    await dateline.expectSelected(byId(single.eventId));
  });
});

test.describe('with a place that holds several events (a variant of the seed)', () => {
  // The seed has one event per place: this copy moves two of its unplaced events to the place of
  // a placed one, so that one marker holds three events.
  const data = readSeed();
  const target = placedEvent();
  const moved = data.events.filter((e) => !e.place).slice(0, 2);
  for (const e of moved) e.place = target.placeKey;
  const variantEvent = (id: string): SeedEvent => {
    const found = data.events.find((e) => e.id === id);
    if (!found) throw new Error(`the variant has no event “${id}”`);
    return found;
  };

  test.beforeEach(async ({ dateline }) => {
    expect(moved, 'the seed has two events without a place').toHaveLength(2);
    await dateline.serveDataset(data);
    await dateline.goto(data.events.length);
  });

  test('the place’s marker holds each of its events', async ({ map }) => {
    const ids = [target.id, ...moved.map((e) => e.id)];
    const shown = (await map.marker(target.placeKey).getAttribute('data-events'))?.split(' ');
    expect(shown?.toSorted()).toEqual(ids.toSorted());
  });

  test('clicking a marker with several events lets one choose among them', async ({
    dateline,
    map,
  }) => {
    const group = [...eventsByPlace(data.events)].find(([, ids]) => ids.length > 1);
    if (!group) throw new Error('the variant has no place with several events');
    const [placeKey, ids] = group;
    await map.select(placeKey);
    for (const id of ids) await expect(map.chooserOption(id)).toBeVisible();
    await expect(map.chooserOptions).toHaveCount(ids.length);
    // Not the first: choosing must select the one chosen, not the place's first event.
    const chosen = variantEvent(ids.at(-1) ?? '');
    await map.chooserOption(chosen.id).click();
    await expect(map.chooser).toHaveCount(0);
    await dateline.expectSelected(chosen);
  });

  test('an event selected elsewhere marks its shared marker, and Esc clears it', async ({
    dateline,
    list,
  }) => {
    const [, second] = moved;
    if (!second) throw new Error('unreachable');
    await list.select(second.id);
    await dateline.expectSelected(variantEvent(second.id));
    await dateline.pressEscape();
    await dateline.expectNothingSelected();
  });
});

test('a place with hundreds of events: its chooser scrolls inside the map, which stays on the place', async ({
  dateline,
  page,
}) => {
  // 300 generated events at a single place (a tenth have none).
  const data = generate(300, 5, 1) as SeedDataset;
  const placed = data.events.filter((e) => e.place);
  await dateline.serveDataset(data);
  await dateline.open();
  await expect(dateline.eventCount).toHaveText('300 events');
  const marker = dateline.map.locator('.leaflet-marker-icon[data-place]');
  await expect(marker).toHaveCount(1);
  await marker.click();
  const options = dateline.chooser.locator('button[data-event-id]');
  await expect(options).toHaveCount(100);
  await expect(dateline.chooser).toContainText(`and ${placed.length - 100} more`);
  // The popup fits in the map, so Leaflet had no reason to pan the place out of view.
  const mapBox = (await dateline.map.boundingBox())!;
  const popupBox = (await page.locator('.leaflet-popup').boundingBox())!;
  expect(popupBox.height).toBeLessThan(mapBox.height);
  const markerBox = (await marker.boundingBox())!;
  expect(markerBox.y).toBeGreaterThan(mapBox.y);
  expect(markerBox.y + markerBox.height).toBeLessThan(mapBox.y + mapBox.height);
  // The last option is reached by scrolling the list, and selects its event.
  const last = options.last();
  const id = (await last.getAttribute('data-event-id')) ?? '';
  await last.scrollIntoViewIfNeeded();
  await last.click();
  await expect(dateline.chooser).toHaveCount(0);
  await expect(dateline.detailsArticle).toHaveAttribute('data-event-id', id);
  await expect(marker).toHaveClass(/\bdl-selected\b/);
});
