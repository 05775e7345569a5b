// What a user can narrow the events by. Plain data: the store holds it, the URL carries it,
// and `applyFilters` (./apply.ts) turns it into the visible events and the facet counts.
import type { ClaimStatus, EventStatus, EventType, Role } from '../schema';
import { dayStart } from '../time';
import type { GeoArea } from './area';

export interface Filters {
  /** Actor ids picked; empty means no actor filter. */
  actors: readonly string[];
  /** "any": an event with at least one picked actor; "all": with every picked actor. */
  actorMode: 'any' | 'all';
  /** Picking an actor also picks its members (memberOf, transitively). */
  includeMembers: boolean;
  /** Only links where the actor has this role (e.g. Qatar as mediator); null: any role. */
  role: Role | null;
  types: readonly EventType[];
  statuses: readonly EventStatus[];
  claims: readonly ClaimStatus[];
  /** Inclusive UTC days, "2025-02-20"; null: open-ended. */
  from: string | null;
  to: string | null;
  /**
   * How an event of uncertain date meets the range: false (the default), it is in when its
   * possible span overlaps the range; true, only when its whole span is inside the range.
   */
  dateWithin: boolean;
  /** Free text; matched case- and accent-insensitively. */
  q: string;
  // Map area (issue 14): the events whose place lies in a rectangle of the map.
  /** The rectangle (./area.ts); null: no map area filter. */
  area: GeoArea | null;
  /** With an area: whether events with no place are kept (true) or left out (false, the default). */
  areaUnplaced: boolean;
}

export const NO_FILTERS: Filters = {
  actors: [],
  actorMode: 'any',
  includeMembers: false,
  role: null,
  types: [],
  statuses: [],
  claims: [],
  from: null,
  to: null,
  dateWithin: false,
  q: '',
  area: null,
  areaUnplaced: false,
};

/**
 * Whether a range starts after it ends ("2025-03-01" to "2025-02-20"): such a range is refused,
 * never applied (it would keep only the events whose span crosses both days, which is not what
 * anyone asking for it meant). Days of any era ("-0499-03-15") compare as days.
 */
export function isInvertedRange(from: string | null, to: string | null): boolean {
  return from !== null && to !== null && dayStart(from) > dayStart(to);
}

/**
 * Whether the filters narrow anything: a role on its own does (events with a link in it); how
 * dates are matched (`dateWithin`) does not without a range.
 */
export function isFiltering(f: Filters): boolean {
  return (
    f.actors.length > 0 ||
    f.role !== null ||
    f.types.length > 0 ||
    f.statuses.length > 0 ||
    f.claims.length > 0 ||
    f.from !== null ||
    f.to !== null ||
    f.q.trim() !== '' ||
    f.area !== null
  );
}
