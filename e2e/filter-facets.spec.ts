// The type, status and claim-status facets: counts beside each value, any of the values picked
// in a facet, every facet at once; an empty result says so and offers a way out; "Clear filters"
// puts every filter back. Expected sets come from the seed file (./filters.expected.ts).
import { expect, test } from './fixtures';
import { model, type Facet, type FilterSpec } from './filters.expected';
import { FiltersPanel } from './filters.po';

const total = model.data.events.length;
const countWith = (f: FilterSpec) => model.ids(f).length;

/** A facet's values that the seed has, busiest first. */
const busiest = (facet: Facet) =>
  model
    .facetValues(facet)
    .toSorted((a, b) => countWith({ [facet]: [b] }) - countWith({ [facet]: [a] }));

test.beforeEach(async ({ dateline }) => {
  await dateline.goto();
});

test('type: each type shows its count, and picking types shows the events of any of them', async ({
  dateline,
}) => {
  const filters = new FiltersPanel(dateline);
  const [first, second] = busiest('types');
  if (!first || !second) throw new Error('the seed needs events of two types');
  await filters.expectFacetCounts('types', {});

  await filters.toggleFacet('types', first);
  await expect(filters.facetOption('types', first)).toBeChecked();
  await expect(filters.sectionTitle('Type and status')).toHaveText('Type and status (1)');
  await filters.expectShown({ types: [first] });
  // A facet counts under the *other* filters: the type counts stay, the status counts follow.
  await filters.expectFacetCounts('types', { types: [first] });
  await filters.expectFacetCounts('statuses', { types: [first] });

  await filters.toggleFacet('types', second);
  await filters.expectShown({ types: [first, second] });
});

test('status: occurred, scheduled and expected, with their counts', async ({ dateline }) => {
  const filters = new FiltersPanel(dateline);
  await filters.expectFacetCounts('statuses', {});
  for (const status of ['occurred', 'scheduled', 'expected'])
    await expect(filters.facetOption('statuses', status)).toBeVisible();

  // What has not happened yet: scheduled and expected events.
  const future = ['scheduled', 'expected'].filter((s) => countWith({ statuses: [s] }) > 0);
  expect(future, 'the seed has scheduled or expected events').not.toHaveLength(0);
  for (const s of future) await filters.toggleFacet('statuses', s);
  await filters.expectShown({ statuses: future });
  await filters.expectFacetCounts('types', { statuses: future });
  await filters.expectFacetCounts('claims', { statuses: future });

  await filters.toggleFacet('statuses', 'occurred');
  await filters.expectShown({ statuses: [...future, 'occurred'] });
});

test('claim status: picking one narrows to it, and the other facets count within it', async ({
  dateline,
}) => {
  const filters = new FiltersPanel(dateline);
  await filters.expectFacetCounts('claims', {});
  const [claim] = busiest('claims').filter((c) => countWith({ claims: [c] }) < total);
  if (!claim) throw new Error('the seed has a single claim status');

  await filters.toggleFacet('claims', claim);
  await filters.expectShown({ claims: [claim] });
  await filters.expectFacetCounts('types', { claims: [claim] });
  await filters.expectFacetCounts('statuses', { claims: [claim] });
  await filters.expectActorCounts({ claims: [claim] });
});

test('facets combine: a type and a status no event has together say so and offer to clear', async ({
  dateline,
}) => {
  const filters = new FiltersPanel(dateline);
  // A type and a status that each have events, but never the same one.
  const pair = model
    .facetValues('types')
    .flatMap((type) => model.facetValues('statuses').map((status) => ({ type, status })))
    .find(({ type, status }) => countWith({ types: [type], statuses: [status] }) === 0);
  if (!pair) throw new Error('every type of the seed has every status');
  const f = { types: [pair.type], statuses: [pair.status] };

  await filters.toggleFacet('types', pair.type);
  await filters.toggleFacet('statuses', pair.status);
  await filters.expectShown(f);
  await expect(filters.emptyResult).toContainText('No events match these filters.');
  await expect(filters.emptyResult).toBeVisible();
  await expect(filters.count).toHaveText(`0 of ${total} events`);
  await expect(dateline.markers).toHaveCount(0);
  // Each facet still counts what picking another value would give.
  await filters.expectFacetCounts('types', f);
  await filters.expectFacetCounts('statuses', f);

  await filters.emptyResultClear.click();
  await expect(filters.emptyResult).toHaveCount(0);
  await filters.expectCleared();
});

test('“Clear filters” resets every filter and shows every event again', async ({ dateline }) => {
  const filters = new FiltersPanel(dateline);
  await expect(filters.clearButton).toBeDisabled();
  // Everything at once, loose enough to leave something: the busiest value of each facet.
  const [actor] = model.data.actors
    .map((a) => a.id)
    .toSorted((a, b) => countWith({ actors: [b] }) - countWith({ actors: [a] }));
  const everything: FilterSpec = {
    actors: actor ? [actor] : [],
    mode: 'all',
    members: true,
    types: busiest('types').slice(0, 1),
    statuses: busiest('statuses').slice(0, 1),
    claims: busiest('claims').slice(0, 1),
    from: '2000-01-01',
    to: '2100-12-31',
  };
  const busyRole = model.data.events
    .flatMap((e) => e.actors ?? [])
    .find((l) => l.actor === actor && countWith({ ...everything, role: l.role }) > 0)?.role;
  if (busyRole) everything.role = busyRole;
  const q = model.events(everything)[0]?.title.split(' ')[0] ?? '';
  if (q) everything.q = q;
  expect(countWith(everything), 'every filter set still leaves an event').toBeGreaterThan(0);

  await filters.apply(everything);
  await filters.expectShown(everything);
  await expect(filters.clearButton).toBeEnabled();

  await filters.clearButton.click();
  await filters.expectCleared();
  await expect(filters.clearButton).toBeDisabled();
});
