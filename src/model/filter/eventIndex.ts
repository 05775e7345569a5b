// Indexes over a dataset's events, built once per dataset, so that a filter change costs a pass
// over typed arrays instead of a scan of event objects: times as sorted Float64Arrays, codes per
// facet as Uint8Arrays, actor links in compressed rows, postings per actor. The full-text index
// is apart (./textSearch.ts): for a large dataset it lives in a worker.
import type { Dataset } from '../dataset';
import { CLAIM_STATUSES, EVENT_STATUSES, EVENT_TYPES, ROLES } from '../schema';

export interface EventIndex {
  dataset: Dataset;
  /** Number of events; positions 0..n-1 follow `dataset.events` (sorted by earliest). */
  n: number;
  earliest: Float64Array;
  latest: Float64Array;
  type: Uint8Array;
  status: Uint8Array;
  claim: Uint8Array;
  /** Each event's place, in degrees; NaN for an event with no place. */
  lat: Float64Array;
  lon: Float64Array;
  /** Actor links in compressed rows: links of event i are linkStart[i]..linkStart[i+1]. */
  linkStart: Uint32Array;
  linkActor: Uint32Array;
  linkRole: Uint8Array;
  actorIds: readonly string[];
  actorNumber: ReadonlyMap<string, number>;
  /** Parent actor number per actor number (memberOf), -1 for none. */
  parent: Int32Array;
  /** Event positions per actor number, ascending. */
  postings: readonly Uint32Array[];
}

const codeOf = <T extends string>(values: readonly T[]) => {
  const m = new Map<string, number>(values.map((v, i) => [v, i]));
  return (v: string) => m.get(v) ?? 0;
};
export const typeCode = codeOf(EVENT_TYPES);
export const statusCode = codeOf(EVENT_STATUSES);
export const claimCode = codeOf(CLAIM_STATUSES);
export const roleCode = codeOf(ROLES);

export function buildEventIndex(d: Dataset): EventIndex {
  const n = d.events.length;
  const actorIds = [...d.actors.keys()];
  const actorNumber = new Map(actorIds.map((id, i) => [id, i]));
  const parent = new Int32Array(actorIds.length).fill(-1);
  actorIds.forEach((id, i) => {
    const up = d.actors.get(id)?.memberOf;
    if (up !== undefined) parent[i] = actorNumber.get(up) ?? -1;
  });

  const earliest = new Float64Array(n);
  const latest = new Float64Array(n);
  const type = new Uint8Array(n);
  const status = new Uint8Array(n);
  const claim = new Uint8Array(n);
  const lat = new Float64Array(n).fill(NaN);
  const lon = new Float64Array(n).fill(NaN);
  const linkStart = new Uint32Array(n + 1);
  let links = 0;
  for (const e of d.events) links += e.actors.length;
  const linkActor = new Uint32Array(links);
  const linkRole = new Uint8Array(links);

  let l = 0;
  d.events.forEach((e, i) => {
    earliest[i] = e.earliest;
    latest[i] = e.latest;
    type[i] = typeCode(e.type);
    status[i] = statusCode(e.status);
    claim[i] = claimCode(e.claim.status);
    const place = e.placeKey === null ? undefined : d.places.get(e.placeKey);
    if (place) {
      lat[i] = place.lat;
      lon[i] = place.lon;
    }
    linkStart[i] = l;
    for (const link of e.actors) {
      const a = actorNumber.get(link.actor) ?? 0;
      linkActor[l] = a;
      linkRole[l] = roleCode(link.role);
      l++;
    }
  });
  linkStart[n] = l;

  const postings = postingsOf(n, linkStart, linkActor, actorIds.length);

  return {
    dataset: d,
    n,
    earliest,
    latest,
    type,
    status,
    claim,
    lat,
    lon,
    linkStart,
    linkActor,
    linkRole,
    actorIds,
    actorNumber,
    parent,
    postings,
  };
}

/** Event positions per actor number, ascending, each event once (an event may name an actor twice). */
export function postingsOf(
  n: number,
  linkStart: Uint32Array,
  linkActor: Uint32Array,
  actors: number,
): Uint32Array[] {
  const postingCounts = new Uint32Array(actors);
  const stamp = new Int32Array(actors).fill(-1);
  for (let i = 0; i < n; i++) {
    for (let k = linkStart[i]!; k < linkStart[i + 1]!; k++) {
      const a = linkActor[k]!;
      if (stamp[a] !== i) {
        stamp[a] = i;
        postingCounts[a]!++;
      }
    }
  }
  const postings = Array.from({ length: actors }, (_, a) => new Uint32Array(postingCounts[a]!));
  const fill = new Uint32Array(actors);
  stamp.fill(-1);
  for (let i = 0; i < n; i++) {
    for (let k = linkStart[i]!; k < linkStart[i + 1]!; k++) {
      const a = linkActor[k]!;
      if (stamp[a] !== i) {
        stamp[a] = i;
        postings[a]![fill[a]!++] = i;
      }
    }
  }
  return postings;
}

/** An index without its dataset: what the import worker builds and hands to the page. */
export type EventIndexColumns = Omit<EventIndex, 'dataset' | 'actorNumber'>;

export function indexColumnsOf({
  dataset: _dataset,
  actorNumber: _actorNumber,
  ...columns
}: EventIndex): EventIndexColumns {
  return columns;
}

/** The buffers of an index's typed arrays, to transfer rather than copy. */
export function transferablesOf(c: EventIndexColumns): ArrayBuffer[] {
  const arrays = [c.earliest, c.latest, c.type, c.status, c.claim, c.linkStart, c.linkActor];
  const buffers = [...arrays, c.linkRole, c.parent, ...c.postings].map((a) => a.buffer);
  return [...new Set(buffers)].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
}

const cache = new WeakMap<Dataset, EventIndex>();

/**
 * Takes an index built elsewhere (the import worker) as the index of `d`, whose events are the
 * ones it was built from, in the same order.
 */
export function adoptEventIndex(d: Dataset, columns: EventIndexColumns): void {
  if (columns.n !== d.events.length) return;
  const actorNumber = new Map(columns.actorIds.map((id, i) => [id, i]));
  cache.set(d, { ...columns, dataset: d, actorNumber });
}

/** The index of a dataset, built on first request and kept while the dataset lives. */
export function eventIndexOf(d: Dataset): EventIndex {
  let index = cache.get(d);
  if (!index) {
    index = buildEventIndex(d);
    cache.set(d, index);
  }
  return index;
}
