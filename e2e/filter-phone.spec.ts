// The filters on a phone: reachable in the one scrolling column, nothing wider than the screen,
// every control big enough to tap, and searching, picking and clearing all work by touch.
// Runs in the "phone" project only (its grep picks titles with @phone).
import { expect, test } from './fixtures';
import { model, wordOnlyIn } from './filters.expected';
import { FiltersPanel } from './filters.po';

/** WCAG 2.2's least target size (2.5.8), in CSS pixels. */
const MIN_TARGET = 24;

test('@phone the filters work by touch on a phone-sized screen', async ({ dateline, page }) => {
  await dateline.goto();
  const filters = new FiltersPanel(dateline);
  await filters.search.scrollIntoViewIfNeeded();
  await expect(filters.search).toBeInViewport();
  await expect(filters.count).toBeInViewport();

  // Search: tap the box and type.
  const word = wordOnlyIn('title');
  await filters.search.tap();
  await page.keyboard.type(word, { delay: 20 });
  await filters.expectShown({ q: word });
  await filters.clearButton.tap();
  await filters.expectShown({});

  // Every section opens by a tap, and then every control fits the screen and is big enough.
  for (const title of ['Actors', 'Type and status', 'Dates'] as const) {
    await filters.sectionTitle(title).tap();
    await expect(filters.section(title)).toHaveAttribute('open', '');
  }
  await filters.showAllActors.tap();
  expect(await filters.horizontalOverflow(), 'pixels wider than the screen').toBe(0);
  expect(await filters.smallTouchTargets(MIN_TARGET), 'controls too small to tap').toEqual([]);

  // An actor and a type, by touch.
  const [actor] = model.data.actors
    .map((a) => a.id)
    .filter((id) => model.ids({ actors: [id] }).length < model.data.events.length)
    .toSorted((a, b) => model.ids({ actors: [b] }).length - model.ids({ actors: [a] }).length);
  if (!actor) throw new Error('no actor of the seed narrows the events');
  await filters.actor(actor).tap();
  await filters.expectShown({ actors: [actor] });
  const [type] = model.facetValues('types');
  if (!type) throw new Error('the seed has no event types');
  await filters.facetOption('types', type).tap();
  await filters.expectShown({ actors: [actor], types: [type] });

  await filters.clearButton.scrollIntoViewIfNeeded();
  await filters.clearButton.tap();
  await filters.expectShown({});
});
