// Swimlanes: which lane (or lanes) of a "Group by" each event belongs to, as a pure function of the
// events shown. One lane per value, in order of how many events it holds; actors nest under the
// actor they are a member of (`memberOf`); events without a value share a "(none)" lane; past
// LANE_LIMIT lanes, the quietest values fold into one "Other (N)" lane. An event with several
// values (actors, tags) is in the lane of each: the timeline draws one copy of it per lane.
import type { DatelineEvent, ResolvedPlace } from './dataset';
import type { Actor } from './schema';
import { inPieces, runSteps, type Steps } from './steps';
import { once } from './once';

/** What the timeline can group by; `none` draws one stack, as without lanes. */
export const GROUP_BYS = ['none', 'actor', 'type', 'status', 'claim', 'place', 'tag'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

/** How many value lanes are drawn before the rest fold into "Other (N)". */
export const LANE_LIMIT = 30;

export const NONE_LANE = 'lane:none';
export const OTHER_LANE = 'lane:other';

export interface Lane {
  /** vis-timeline's group id: `lane:v:<value>`, NONE_LANE or OTHER_LANE; never an event id. */
  id: string;
  kind: 'value' | 'none' | 'other';
  /** The value the lane holds (an actor id, a type, a tag, a place key); null for none/other. */
  value: string | null;
  /** What people read: the actor's or place's name, the type, the tag; "Other (N)", "(none)". */
  label: string;
  /** 0 for a lane at the top; an actor's members are one deeper than it. */
  depth: number;
  /** The lane this one is nested in (an actor's `memberOf`), or null. */
  parent: string | null;
  /** Events in this lane itself. */
  count: number;
  /** Events in this lane or any lane nested in it, each counted once. */
  total: number;
  /** For "Other": how many values it folds together; else 0. */
  folded: number;
}

export interface LaneLayout {
  groupBy: GroupBy;
  /** In the order drawn: each lane's members right after it (depth first). */
  lanes: Lane[];
  byId: ReadonlyMap<string, Lane>;
  /** The lanes an event is drawn in, each once, in the order drawn. */
  lanesOf(e: DatelineEvent): string[];
  /** `lanesOf` of each event given, in their order: found once, for the lanes' own bands. */
  laneIds: ReadonlyArray<readonly string[]>;
}

/** What labels and nesting need from the dataset. */
export interface LaneContext {
  actors?: ReadonlyMap<string, Pick<Actor, 'name' | 'memberOf'>>;
  places?: ReadonlyMap<string, Pick<ResolvedPlace, 'name'>>;
}

const laneId = (value: string) => `lane:v:${value}`;

/** The values an event has for a grouping, each once. */
export function valuesOf(e: DatelineEvent, groupBy: GroupBy): readonly string[] {
  switch (groupBy) {
    case 'actor': {
      const [a, b] = e.actors;
      if (e.actors.length === 1) return [a!.actor];
      // Most events name one or two actors: no Set for those (100k events are read per switch).
      if (e.actors.length === 2) return a!.actor === b!.actor ? [a!.actor] : [a!.actor, b!.actor];
      return [...new Set(e.actors.map((x) => x.actor))];
    }
    case 'type':
      return [e.type];
    case 'status':
      return [e.status];
    case 'claim':
      return [e.claim.status];
    case 'place':
      return e.placeKey === null ? [] : [e.placeKey];
    case 'tag':
      return e.tags.length <= 1 ? e.tags : [...new Set(e.tags)];
    case 'none':
      return [];
  }
}

/**
 * Each actor's parent for nesting: its `memberOf` when that actor is known and the chain above
 * it does not come back to it. Every actor on a cycle is put at the top (the loader already
 * breaks cycles; a model built another way may not), so nesting always ends.
 */
export function actorParents(
  actors: ReadonlyMap<string, Pick<Actor, 'memberOf'>>,
): Map<string, string | null> {
  const parents = new Map<string, string | null>();
  for (const [id, actor] of actors) {
    const up = actor.memberOf;
    if (up === undefined || !actors.has(up)) {
      parents.set(id, null);
      continue;
    }
    // Walk up at most actors.size steps: coming back to `id` means it sits on a cycle.
    let at: string | undefined = up;
    let onCycle = false;
    for (let steps = 0; at !== undefined && steps <= actors.size; steps++) {
      if (at === id) {
        onCycle = true;
        break;
      }
      at = actors.get(at)?.memberOf;
    }
    parents.set(id, onCycle ? null : up);
  }
  // An actor whose chain leads into a cycle (but is not on it) keeps its parent: the walk from
  // any actor now ends at an actor with no parent.
  return parents;
}

function labelOf(value: string, groupBy: GroupBy, ctx: LaneContext): string {
  if (groupBy === 'actor') return ctx.actors?.get(value)?.name ?? value;
  if (groupBy === 'place') return ctx.places?.get(value)?.name ?? value;
  return value;
}

// One collator: `localeCompare` with a locale builds one per call, which dominated sorting
// thousands of actors.
const collator = once(() => new Intl.Collator('en'));
const byLabel = (a: Lane, b: Lane) =>
  collator().compare(a.label, b.label) || collator().compare(a.value ?? '', b.value ?? '');

/**
 * The lanes of these events under a grouping. Value lanes are kept by how many events they
 * hold (their own and their members'), at most `limit`, and drawn with each lane's members under
 * it, busiest first; the rest fold into "Other (N)". "(none)" comes last.
 */
export function assignLanes(
  events: readonly DatelineEvent[],
  groupBy: GroupBy,
  ctx: LaneContext = {},
  limit = LANE_LIMIT,
): LaneLayout {
  return runSteps(assignLanesSteps(events, groupBy, ctx, limit));
}

/** The layouts made per array of events (the filters' result), for the grouping and context. */
const laid = new WeakMap<
  readonly DatelineEvent[],
  Array<{ groupBy: GroupBy; ctx: LaneContext; layout: LaneLayout }>
>();

/**
 * `assignLanes` at the default limit, kept per array of events, grouping and context (its actors
 * and places): a large dataset's lanes are laid out ahead, in slices (data/prepareViews.ts), and
 * the timeline finds them. Made at once unless made before.
 */
export function laneLayoutOf(
  events: readonly DatelineEvent[],
  groupBy: GroupBy,
  ctx: LaneContext = {},
): LaneLayout {
  return runSteps(laneLayoutSteps(events, groupBy, ctx));
}

/** `laneLayoutOf`'s work, a piece at a time (nothing to do when it was made before). */
export function* laneLayoutSteps(
  events: readonly DatelineEvent[],
  groupBy: GroupBy,
  ctx: LaneContext = {},
): Steps<LaneLayout> {
  const made = laid.get(events) ?? [];
  const hit = made.find(
    (m) => m.groupBy === groupBy && m.ctx.actors === ctx.actors && m.ctx.places === ctx.places,
  );
  if (hit) return hit.layout;
  const layout = yield* assignLanesSteps(events, groupBy, ctx, LANE_LIMIT);
  // One per grouping and context is enough: the others are forgotten.
  laid.set(events, [
    ...made.filter((m) => m.groupBy !== groupBy),
    { groupBy, ctx: { actors: ctx.actors, places: ctx.places }, layout },
  ]);
  return layout;
}

function* assignLanesSteps(
  events: readonly DatelineEvent[],
  groupBy: GroupBy,
  ctx: LaneContext,
  limit: number,
): Steps<LaneLayout> {
  if (groupBy === 'none')
    return { groupBy, lanes: [], byId: new Map(), lanesOf: () => [], laneIds: [] };
  const parents =
    groupBy === 'actor' && ctx.actors ? actorParents(ctx.actors) : new Map<string, null>();
  const parentOf = (v: string) => parents.get(v) ?? null;

  // One pass: each value's own count, and the distinct events in it or its members.
  const own = new Map<string, number>();
  const total = new Map<string, number>();
  let noValue = 0;
  const touched = new Set<string>();
  // Each event's values, read once: at 100k events, reading the events again cost seconds.
  const valuesList: Array<readonly string[]> = new Array<readonly string[]>(events.length);
  yield* inPieces(events.length, (from, to) => {
    for (let i = from; i < to; i++) {
      const values = valuesOf(events[i] as DatelineEvent, groupBy);
      valuesList[i] = values;
      if (values.length === 0) {
        noValue++;
        continue;
      }
      touched.clear();
      for (const v of values) {
        own.set(v, (own.get(v) ?? 0) + 1);
        for (let at: string | null = v; at !== null && !touched.has(at); at = parentOf(at))
          touched.add(at);
      }
      for (const v of touched) total.set(v, (total.get(v) ?? 0) + 1);
    }
  });

  const all = new Map<string, Lane>();
  for (const [value, t] of total) {
    const parent = parentOf(value);
    all.set(value, {
      id: laneId(value),
      kind: 'value',
      value,
      label: labelOf(value, groupBy, ctx),
      depth: 0,
      parent: parent === null ? null : laneId(parent),
      count: own.get(value) ?? 0,
      total: t,
      folded: 0,
    });
  }
  const depthOf = (v: string): number => {
    let d = 0;
    for (let at = parentOf(v); at !== null; at = parentOf(at)) d++;
    return d;
  };
  for (const lane of all.values()) lane.depth = depthOf(lane.value as string);

  // Keep the busiest; a parent holds at least its members' events and ties go to the shallower,
  // so a kept lane's parent is always kept too.
  const ranked = [...all.values()].sort(
    (a, b) => b.total - a.total || a.depth - b.depth || byLabel(a, b),
  );
  const kept = new Set(ranked.slice(0, limit).map((l) => l.value as string));
  const foldedValues = ranked.slice(limit).map((l) => l.value as string);

  // Depth first: each lane, then its kept members, siblings busiest first.
  const children = new Map<string | null, Lane[]>();
  for (const v of kept) {
    const lane = all.get(v) as Lane;
    const p = parentOf(v);
    const list = children.get(p) ?? [];
    list.push(lane);
    children.set(p, list);
  }
  const lanes: Lane[] = [];
  const visit = (parent: string | null) => {
    const list = (children.get(parent) ?? []).sort((a, b) => b.total - a.total || byLabel(a, b));
    for (const lane of list) {
      lanes.push(lane);
      visit(lane.value);
    }
  };
  visit(null);

  const laneOfValue = new Map<string, string>();
  for (const lane of lanes) laneOfValue.set(lane.value as string, lane.id);
  const rank = new Map(lanes.map((l, i) => [l.id, i]));
  // Other and then none come after every value lane.
  rank.set(OTHER_LANE, lanes.length);
  rank.set(NONE_LANE, lanes.length + 1);
  const byRank = (a: string, b: string) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0);
  const idsOf = (values: readonly string[]): string[] => {
    if (values.length === 0) return [NONE_LANE];
    if (values.length === 1) return [laneOfValue.get(values[0] as string) ?? OTHER_LANE];
    const ids: string[] = [];
    for (const v of values) {
      const id = laneOfValue.get(v) ?? OTHER_LANE;
      if (!ids.includes(id)) ids.push(id);
    }
    return ids.length === 1 ? ids : ids.sort(byRank);
  };
  const laneIds: string[][] = new Array<string[]>(events.length);
  let inOther = 0;
  yield* inPieces(events.length, (from, to) => {
    for (let i = from; i < to; i++) {
      const ids = idsOf(valuesList[i] as readonly string[]);
      laneIds[i] = ids;
      if (ids.includes(OTHER_LANE)) inOther++;
    }
  });
  if (foldedValues.length > 0)
    lanes.push({
      id: OTHER_LANE,
      kind: 'other',
      value: null,
      label: `Other (${foldedValues.length})`,
      depth: 0,
      parent: null,
      count: inOther,
      total: inOther,
      folded: foldedValues.length,
    });
  if (noValue > 0)
    lanes.push({
      id: NONE_LANE,
      kind: 'none',
      value: null,
      label: '(none)',
      depth: 0,
      parent: null,
      count: noValue,
      total: noValue,
      folded: 0,
    });

  const lanesOf = (e: DatelineEvent): string[] => idsOf(valuesOf(e, groupBy));
  return { groupBy, lanes, byId: new Map(lanes.map((l) => [l.id, l])), lanesOf, laneIds };
}

/** Lanes nested, at any depth, under a lane: those hidden while it is collapsed. */
export function lanesUnder(layout: LaneLayout, id: string): string[] {
  const under: string[] = [];
  const start = layout.lanes.findIndex((l) => l.id === id);
  if (start < 0) return under;
  const depth = (layout.lanes[start] as Lane).depth;
  for (let i = start + 1; i < layout.lanes.length; i++) {
    const lane = layout.lanes[i] as Lane;
    if (lane.kind !== 'value' || lane.depth <= depth) break;
    under.push(lane.id);
  }
  return under;
}
