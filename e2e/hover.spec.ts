// Hovering an event in one view highlights it in the others, and only while the pointer is on it.
import { eventsByPlace, expect, placedEvent, test } from './fixtures';

const HIGHLIGHT = /\bdl-highlight\b/;

test.beforeEach(async ({ dateline }) => {
  await dateline.goto();
});

test('hovering a timeline item highlights its marker until the pointer leaves', async ({
  dateline,
}) => {
  const event = placedEvent();
  const option = await dateline.revealListOption(event.id);
  const item = await dateline.revealOnTimeline(event.id);
  await dateline.movePointerAway();
  await expect(dateline.marker(event.placeKey)).not.toHaveClass(HIGHLIGHT);

  await item.hover();
  await expect(dateline.marker(event.placeKey)).toHaveClass(HIGHLIGHT);
  await expect(option).toHaveClass(HIGHLIGHT);
  for (const [placeKey] of eventsByPlace()) {
    if (placeKey !== event.placeKey)
      await expect(dateline.marker(placeKey), placeKey).not.toHaveClass(HIGHLIGHT);
  }

  await dateline.movePointerAway();
  await expect(dateline.marker(event.placeKey)).not.toHaveClass(HIGHLIGHT);
  await expect(option).not.toHaveClass(HIGHLIGHT);
});

test('hovering a marker highlights its timeline items until the pointer leaves', async ({
  dateline,
}) => {
  const [placeKey, ids] = [...eventsByPlace()][0] ?? [];
  if (!placeKey || !ids) throw new Error('the seed has no placed event');
  const marker = dateline.marker(placeKey);

  await marker.hover();
  for (const id of ids) await expect(dateline.timelineItem(id), id).toHaveClass(HIGHLIGHT);
  await expect(marker, 'the hovered marker itself is not highlighted').not.toHaveClass(HIGHLIGHT);

  await dateline.movePointerAway();
  for (const id of ids) await expect(dateline.timelineItem(id), id).not.toHaveClass(HIGHLIGHT);
});
