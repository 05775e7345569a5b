// Filtering by actor: one actor, two with "any of" or "all of", a group with its members, a role,
// and the counts beside each actor. Expected sets come from the seed file (./filters.expected.ts).
import { eventsByPlace, expect, test } from './fixtures';
import { model, type FilterSpec } from './filters.expected';
import { FiltersPanel } from './filters.po';

const total = model.data.events.length;
const countWith = (f: FilterSpec) => model.ids(f).length;
const byCount = (a: string, b: string) =>
  countWith({ actors: [b] }) - countWith({ actors: [a] }) || a.localeCompare(b);
const actorIds = model.data.actors.map((a) => a.id);

/** The busiest actor that leaves some events out and keeps some, but not all, markers. */
function actorThatNarrows(): string {
  const places = eventsByPlace(model.data.events).size;
  const found = actorIds
    .filter((id) => {
      const events = model.events({ actors: [id] });
      const markers = eventsByPlace(events).size;
      return events.length < total && markers > 0 && markers < places;
    })
    .toSorted(byCount)[0];
  if (!found) throw new Error('no actor of the seed narrows both the events and the places');
  return found;
}

/** Two actors that share some events but not all: "all of" gives fewer than either alone. */
function actorsThatOverlap(): [string, string] {
  for (const a of actorIds.toSorted(byCount))
    for (const b of actorIds.toSorted(byCount)) {
      if (a === b) continue;
      const [one, other] = [countWith({ actors: [a] }), countWith({ actors: [b] })];
      const all = countWith({ actors: [a, b], mode: 'all' });
      const any = countWith({ actors: [a, b] });
      if (all > 0 && all < Math.min(one, other) && any > Math.max(one, other)) return [a, b];
    }
  throw new Error('the seed has no two actors that share some events but not all');
}

/** An actor whose members (memberOf) take part in events that it does not. */
function groupWithMembers(): string {
  const found = actorIds.find(
    (id) => countWith({ actors: [id], members: true }) > countWith({ actors: [id] }),
  );
  if (!found) throw new Error('no actor of the seed has members with events of their own');
  return found;
}

/** An actor and a role it has in some but not all of its events; Qatar as mediator if so. */
function actorInRole(): { actor: string; role: string } {
  const cases = model.data.events.flatMap((e) =>
    (e.actors ?? []).map((l) => ({ actor: l.actor, role: l.role })),
  );
  const narrows = ({ actor, role }: { actor: string; role: string }) =>
    countWith({ actors: [actor], role }) < countWith({ actors: [actor] });
  const found =
    cases.find((c) => c.actor === 'qatar' && c.role === 'mediator' && narrows(c)) ??
    cases.find(narrows);
  if (!found) throw new Error('no actor of the seed has a role in only some of its events');
  return found;
}

test.beforeEach(async ({ dateline }) => {
  await dateline.goto();
});

test('one actor narrows the timeline, the map, the list and the count; unpicking restores', async ({
  dateline,
}) => {
  const filters = new FiltersPanel(dateline);
  const actor = actorThatNarrows();
  await filters.expectShown({});

  await filters.toggleActor(actor);
  await expect(filters.actor(actor)).toBeChecked();
  await expect(filters.sectionTitle('Actors')).toHaveText('Actors (1)');
  await filters.expectShown({ actors: [actor] });

  await filters.toggleActor(actor);
  await expect(filters.actor(actor)).not.toBeChecked();
  await filters.expectShown({});
});

test('two actors: “any of” shows events with either, “all of” only events with both', async ({
  dateline,
}) => {
  const filters = new FiltersPanel(dateline);
  const pair = actorsThatOverlap();
  await filters.pickActors(pair);
  await expect(filters.anyOf).toBeChecked();
  await filters.expectShown({ actors: pair });

  await filters.allOf.check();
  await filters.expectShown({ actors: pair, mode: 'all' });
  // The same two actors, the other way round, give the same events.
  await filters.actor(pair[0]).uncheck();
  await filters.actor(pair[0]).check();
  await filters.expectShown({ actors: pair.toReversed(), mode: 'all' });

  await filters.anyOf.check();
  await filters.expectShown({ actors: pair });
});

test('including members: a group stands for its members too, the panel says so, and turning it off narrows', async ({
  dateline,
}) => {
  const filters = new FiltersPanel(dateline);
  const group = groupWithMembers();
  const members = model.membersOf(group);
  await filters.toggleActor(group);
  await expect(filters.includeMembers).not.toBeChecked();
  await filters.expectShown({ actors: [group] });
  await expect(filters.membersNote).toHaveCount(0);

  await filters.includeMembers.check();
  await filters.expectShown({ actors: [group], members: true });
  await expect(filters.membersNote).toContainText(`${model.actor(group).name} includes `);
  for (const m of members) await expect(filters.membersNote).toContainText(m.name);
  // The group's count now counts its members' events too.
  await expect(filters.actor(group)).toHaveAccessibleName(
    `${model.actor(group).name} ${model.actorCount({ members: true }, group)}`,
  );
  await filters.expectActorCounts({ actors: [group], members: true });

  await filters.includeMembers.uncheck();
  await filters.expectShown({ actors: [group] });
  await expect(filters.membersNote).toHaveCount(0);
  await filters.expectActorCounts({ actors: [group] });
});

test('a role narrows an actor to the events where it has that role', async ({ dateline }) => {
  const filters = new FiltersPanel(dateline);
  const { actor, role } = actorInRole();
  await filters.toggleActor(actor);
  await filters.expectShown({ actors: [actor] });

  await filters.role.selectOption(role);
  await filters.expectShown({ actors: [actor], role });
  await filters.expectActorCounts({ actors: [actor], role });

  await filters.role.selectOption({ label: 'any role' });
  await filters.expectShown({ actors: [actor] });
});

test('a role on its own keeps the events where anyone has that role, and counts as a filter', async ({
  dateline,
}) => {
  const filters = new FiltersPanel(dateline);
  const { role } = actorInRole();
  expect(countWith({ role }), `some events have no one as ${role}`).toBeLessThan(total);
  await filters.openActors();
  await filters.role.selectOption(role);
  await filters.expectShown({ role });

  await filters.clearButton.click();
  await expect(filters.role).toHaveValue('');
  await filters.expectShown({});
});

test('the count beside each actor follows the other filters, not the actors picked', async ({
  dateline,
}) => {
  const filters = new FiltersPanel(dateline);
  await filters.expectActorCounts({});

  // Picking an actor leaves the actor counts as they were (they count the other filters)…
  const actor = actorThatNarrows();
  await filters.toggleActor(actor);
  await filters.expectActorCounts({ actors: [actor] });

  // …but a type changes them: find the type that changes the most counts.
  const [best] = model
    .facetValues('types')
    .map((type) => ({
      type,
      changed: actorIds.filter(
        (id) => model.actorCount({ types: [type] }, id) !== model.actorCount({}, id),
      ).length,
    }))
    .toSorted((a, b) => b.changed - a.changed);
  expect(best?.changed, 'some type changes some actor counts').toBeGreaterThan(0);
  const type = best?.type ?? '';
  await filters.toggleFacet('types', type);
  await filters.expectShown({ actors: [actor], types: [type] });
  await filters.expectActorCounts({ actors: [actor], types: [type] });
  // And the type counts follow the actor picked.
  await filters.expectFacetCounts('types', { actors: [actor], types: [type] });
});
