// Filtering as a pure function of (index, filters, text hits): the visible events in time order
// and the facet counts, each facet counted under all the *other* current filters (so picking one
// type still shows how many events the other types would add). One pass per active dimension
// over typed arrays, then one pass to combine and count. The text query is searched apart
// (./textSearch.ts: in a worker for a large dataset), and comes here as the positions it matches.
import type { DatelineEvent } from '../dataset';
import { daysToMs } from '../time';
import { columnsOf, eventsOfRows } from '../eventColumns';
import {
  CLAIM_STATUSES,
  EVENT_STATUSES,
  EVENT_TYPES,
  type ClaimStatus,
  type EventStatus,
  type EventType,
} from '../schema';
import { inArea, type GeoArea } from './area';
import { claimCode, roleCode, statusCode, typeCode, type EventIndex } from './eventIndex';
import type { Filters } from './types';

export interface FacetCounts {
  actors: ReadonlyMap<string, number>;
  types: ReadonlyMap<EventType, number>;
  statuses: ReadonlyMap<EventStatus, number>;
  claims: ReadonlyMap<ClaimStatus, number>;
}

export interface FilterResult {
  /** Visible events in time order. */
  visible: readonly DatelineEvent[];
  total: number;
  counts: FacetCounts;
  /** For each picked actor, the actors it stands for (itself and, with members, its members). */
  expanded: ReadonlyMap<string, readonly string[]>;
}

/** The filter dimensions, as positions in the list of masks. */
const Dim = { Actor: 0, Type: 1, Status: 2, Claim: 3, Date: 4, Text: 5, Area: 6 } as const;

/** The actor and, with `withMembers`, everything that is a member of it, at any depth. */
export function expandActor(index: EventIndex, actor: number, withMembers: boolean): number[] {
  if (!withMembers) return [actor];
  const out = [actor];
  const seen = new Set(out);
  for (let i = 0; i < out.length; i++) {
    const up = out[i]!;
    for (let a = 0; a < index.parent.length; a++) {
      if (index.parent[a] === up && !seen.has(a)) {
        seen.add(a);
        out.push(a);
      }
    }
  }
  return out;
}

function hasLink(index: EventIndex, pos: number, actor: number, role: number): boolean {
  for (let k = index.linkStart[pos]!; k < index.linkStart[pos + 1]!; k++) {
    if (index.linkActor[k] === actor && (role < 0 || index.linkRole[k] === role)) return true;
  }
  return false;
}

function actorMask(
  index: EventIndex,
  groups: number[][],
  mode: Filters['actorMode'],
  role: number,
): Uint8Array {
  const mask = new Uint8Array(index.n);
  if (mode === 'any' || groups.length <= 1) {
    for (const group of groups)
      for (const a of group)
        for (const pos of index.postings[a]!)
          if (!mask[pos] && hasLink(index, pos, a, role)) mask[pos] = 1;
    return mask;
  }
  const hits = new Uint16Array(index.n);
  const lastGroup = new Int32Array(index.n).fill(-1);
  groups.forEach((group, g) => {
    for (const a of group)
      for (const pos of index.postings[a]!) {
        if (lastGroup[pos] !== g && hasLink(index, pos, a, role)) {
          lastGroup[pos] = g;
          hits[pos]!++;
        }
      }
  });
  for (let i = 0; i < index.n; i++) mask[i] = hits[i] === groups.length ? 1 : 0;
  return mask;
}

function roleOnlyMask(index: EventIndex, role: number): Uint8Array {
  const mask = new Uint8Array(index.n);
  for (let i = 0; i < index.n; i++)
    for (let k = index.linkStart[i]!; k < index.linkStart[i + 1]!; k++)
      if (index.linkRole[k] === role) mask[i] = 1;
  return mask;
}

function codeMask(
  codes: Uint8Array,
  wanted: readonly string[],
  code: (v: string) => number,
): Uint8Array {
  const allowed = new Uint8Array(256);
  for (const v of wanted) allowed[code(v)] = 1;
  const mask = new Uint8Array(codes.length);
  for (let i = 0; i < codes.length; i++) mask[i] = allowed[codes[i]!]!;
  return mask;
}

/**
 * In if the event's possible span overlaps [from, to] (whole UTC days, inclusive), or with
 * `within`, if all of it is inside. An inverted range is never applied (the store refuses it).
 */
function dateMask(
  index: EventIndex,
  from: string | null,
  to: string | null,
  within: boolean,
): Uint8Array {
  // Days of any era ("-0499-03-15"); a day beyond what a Date holds leaves that side open.
  const days = daysToMs(from, to);
  const lo = days.start;
  const hi = days.end - 1;
  const mask = new Uint8Array(index.n);
  // Events are sorted by earliest: everything from the first one starting after `hi` is out.
  let end = index.n;
  if (Number.isFinite(hi)) {
    let a = 0;
    let b = index.n;
    while (a < b) {
      const m = (a + b) >>> 1;
      if (index.earliest[m]! <= hi) a = m + 1;
      else b = m;
    }
    end = a;
  }
  if (within) {
    for (let i = 0; i < end; i++)
      mask[i] = index.earliest[i]! >= lo && index.latest[i]! <= hi ? 1 : 0;
  } else for (let i = 0; i < end; i++) mask[i] = index.latest[i]! >= lo ? 1 : 0;
  return mask;
}

function textMask(index: EventIndex, hits: Uint32Array): Uint8Array {
  const mask = new Uint8Array(index.n);
  for (const pos of hits) mask[pos] = 1;
  return mask;
}

/** In if the event's place lies in the area; an event with no place is in only with `unplaced`. */
function areaMask(index: EventIndex, area: GeoArea, unplaced: boolean): Uint8Array {
  const mask = new Uint8Array(index.n);
  const keep = unplaced ? 1 : 0;
  for (let i = 0; i < index.n; i++) {
    const lat = index.lat[i]!;
    if (Number.isNaN(lat)) mask[i] = keep;
    else mask[i] = inArea(area, lat, index.lon[i]!) ? 1 : 0;
  }
  return mask;
}

/**
 * The events the filters let through, and the facet counts. `textHits` stands for the text
 * query: the positions it matches, or null for none (`f.q` itself is not read here).
 */
export function applyFilters(
  index: EventIndex,
  f: Filters,
  textHits: Uint32Array | null,
): FilterResult {
  const masks: Array<Uint8Array | null> = [null, null, null, null, null, null, null];
  const role = f.role === null ? -1 : roleCode(f.role);
  const expanded = new Map<string, string[]>();
  const groups: number[][] = [];
  for (const id of f.actors) {
    const a = index.actorNumber.get(id);
    const group = a === undefined ? [] : expandActor(index, a, f.includeMembers);
    groups.push(group);
    expanded.set(
      id,
      group.map((g) => index.actorIds[g]!),
    );
  }
  if (groups.length) masks[Dim.Actor] = actorMask(index, groups, f.actorMode, role);
  else if (role >= 0) masks[Dim.Actor] = roleOnlyMask(index, role);
  if (f.types.length) masks[Dim.Type] = codeMask(index.type, f.types, typeCode);
  if (f.statuses.length) masks[Dim.Status] = codeMask(index.status, f.statuses, statusCode);
  if (f.claims.length) masks[Dim.Claim] = codeMask(index.claim, f.claims, claimCode);
  if (f.from !== null || f.to !== null)
    masks[Dim.Date] = dateMask(index, f.from, f.to, f.dateWithin);
  if (textHits) masks[Dim.Text] = textMask(index, textHits);
  if (f.area) masks[Dim.Area] = areaMask(index, f.area, f.areaUnplaced);

  const active = masks.flatMap((m, dim) => (m ? [{ m, dim }] : []));
  const columns = columnsOf(index.dataset);
  if (active.length === 0) {
    // No filter on: every event shows (the dataset's own array), and the counts are the
    // dataset's, made once per dataset (and whether members count for their groups).
    return {
      visible: index.dataset.events,
      total: index.n,
      expanded,
      counts: unfilteredCounts(index, f.includeMembers),
    };
  }
  const { counts, rows } = countAndPass(index, f, role, active);
  // The views read the rows' columns for their passes over every shown event.
  const visible = eventsOfRows(columns, rows);
  return { visible, total: index.n, expanded, counts };
}

/** The facet counts with no filter on, per index and members setting. */
const unfiltered = new WeakMap<EventIndex, Map<boolean, FacetCounts>>();

function unfilteredCounts(index: EventIndex, includeMembers: boolean): FacetCounts {
  let byMembers = unfiltered.get(index);
  if (!byMembers) unfiltered.set(index, (byMembers = new Map()));
  let counts = byMembers.get(includeMembers);
  if (!counts) {
    counts = countAndPass(
      index,
      { includeMembers } as Pick<Filters, 'includeMembers'>,
      -1,
      [],
    ).counts;
    byMembers.set(includeMembers, counts);
  }
  return counts;
}

/**
 * One pass over every event: the rows that pass every active mask (ascending), and each facet
 * counted under the *other* filters. One filter on (the usual case) takes a loop of its own.
 */
function countAndPass(
  index: EventIndex,
  f: Pick<Filters, 'includeMembers'>,
  role: number,
  active: ReadonlyArray<{ m: Uint8Array; dim: number }>,
): { counts: FacetCounts; rows: Uint32Array } {
  return active.length === 1
    ? countAndPassOne(index, f, role, active[0]!)
    : countAndPassMany(index, f, role, active);
}

/** The counters of one pass, and how an event's actors are counted. */
function counters(index: EventIndex, f: Pick<Filters, 'includeMembers'>, role: number) {
  const actorCounts = new Uint32Array(index.actorIds.length);
  const actorStamp = new Int32Array(index.actorIds.length).fill(-1);
  return {
    types: new Uint32Array(EVENT_TYPES.length),
    statuses: new Uint32Array(EVENT_STATUSES.length),
    claims: new Uint32Array(CLAIM_STATUSES.length),
    actorCounts,
    countActors(i: number): void {
      for (let k = index.linkStart[i]!; k < index.linkStart[i + 1]!; k++) {
        if (role >= 0 && index.linkRole[k] !== role) continue;
        let a = index.linkActor[k]!;
        // With members included, an event counts for the actor and every group above it.
        for (let guard = 0; a >= 0 && guard < 64; guard++) {
          if (actorStamp[a] !== i) {
            actorStamp[a] = i;
            actorCounts[a]!++;
          }
          if (!f.includeMembers) break;
          a = index.parent[a]!;
        }
      }
    },
  };
}

function facetCounts(
  index: EventIndex,
  f: Pick<Filters, 'includeMembers'>,
  c: ReturnType<typeof counters>,
  actorsUnfiltered: boolean,
): FacetCounts {
  return {
    actors: actorsUnfiltered
      ? unfilteredCounts(index, f.includeMembers).actors
      : new Map(index.actorIds.map((id, a) => [id, c.actorCounts[a]!])),
    types: new Map(EVENT_TYPES.map((t, k) => [t, c.types[k]!])),
    statuses: new Map(EVENT_STATUSES.map((s, k) => [s, c.statuses[k]!])),
    claims: new Map(CLAIM_STATUSES.map((s, k) => [s, c.claims[k]!])),
  };
}

/**
 * One filter on: an event that passes counts in every facet; one that fails counts only in its
 * filter's own facet. At a million events the general loop (a mask loop per event) took ~45 ms
 * of a type filter's change.
 */
function countAndPassOne(
  index: EventIndex,
  f: Pick<Filters, 'includeMembers'>,
  role: number,
  { m, dim }: { m: Uint8Array; dim: number },
): { counts: FacetCounts; rows: Uint32Array } {
  const c = counters(index, f, role);
  const { types, statuses, claims } = c;
  const passing = new Uint32Array(index.n);
  let passed = 0;
  // With the actor filter alone on (and no role), the actor facet counts under every *other*
  // filter, that is under none: the dataset's counts, made once. Counting every event's actors
  // again was most of an actor filter's time at a million events.
  const actorsUnfiltered = dim === Dim.Actor && role < 0;
  const own =
    dim === Dim.Type
      ? { codes: index.type, counts: types }
      : dim === Dim.Status
        ? { codes: index.status, counts: statuses }
        : dim === Dim.Claim
          ? { codes: index.claim, counts: claims }
          : null;
  const failedActors = dim === Dim.Actor && !actorsUnfiltered;
  for (let i = 0; i < index.n; i++) {
    if (m[i]) {
      passing[passed++] = i;
      types[index.type[i]!]!++;
      statuses[index.status[i]!]!++;
      claims[index.claim[i]!]!++;
      if (!actorsUnfiltered) c.countActors(i);
    } else if (own) own.counts[own.codes[i]!]!++;
    else if (failedActors) c.countActors(i);
  }
  return {
    rows: passing.slice(0, passed),
    counts: facetCounts(index, f, c, actorsUnfiltered),
  };
}

/** No filter on (the dataset's own counts) or several: each event's masks looked at in turn. */
function countAndPassMany(
  index: EventIndex,
  f: Pick<Filters, 'includeMembers'>,
  role: number,
  active: ReadonlyArray<{ m: Uint8Array; dim: number }>,
): { counts: FacetCounts; rows: Uint32Array } {
  const c = counters(index, f, role);
  const { types, statuses, claims, countActors } = c;
  const passing = new Uint32Array(active.length > 0 ? index.n : 0);
  let passed = 0;

  for (let i = 0; i < index.n; i++) {
    let failed = -1;
    let failures = 0;
    for (let d = 0; d < active.length; d++) {
      const { m, dim } = active[d]!;
      if (!m[i]) {
        failures++;
        failed = dim;
        if (failures > 1) break;
      }
    }
    if (failures > 1) continue;
    if (failures === 0 && active.length > 0) passing[passed++] = i;
    // A facet counts the events that pass every *other* filter.
    if (failures === 0 || failed === Dim.Type) types[index.type[i]!]!++;
    if (failures === 0 || failed === Dim.Status) statuses[index.status[i]!]!++;
    if (failures === 0 || failed === Dim.Claim) claims[index.claim[i]!]!++;
    if (failures === 0 || failed === Dim.Actor) countActors(i);
  }

  return {
    rows: passing.slice(0, passed),
    counts: facetCounts(index, f, c, false),
  };
}
