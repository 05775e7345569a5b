// The first filter changes of a page were slow because V8 had not yet compiled the filters'
// loops: at 100,000 events the first type filter took 31 ms and the first actor filter 27 ms in
// Node, against 3 ms and 2–6 ms once compiled (13, 14 and 39 ms for the first three type changes
// in a bench trace of the page, then 3–4 ms). So, once the page is idle, the filters run a few
// dozen times over the first few thousand events of the dataset's own index, each dimension in
// turn: the loops are then compiled for the arrays the user's filters will read, and the user's
// first change costs what the later ones do. The result is thrown away; nothing is kept.
import { applyFilters } from './apply';
import type { EventIndex } from './eventIndex';
import { NO_FILTERS, type Filters } from './types';
import { EVENT_TYPES, CLAIM_STATUSES, EVENT_STATUSES } from '../schema';
import type { Steps } from '../steps';
import { isoDay } from '../time';

/** Events the warm-up runs over: enough for the loops to be compiled, a fraction of a ms each. */
const WARM_EVENTS = 4000;
/** Rounds of every filter state below. */
const ROUNDS = 6;

/**
 * The first `n` events of `index`, as an index of the same kind (its arrays are views): filters
 * pass the same events among them as the whole index does, and count only them. (With no filter
 * on, `applyFilters` answers with the dataset's own array, as for any index of it.)
 */
export function headOfIndex(index: EventIndex, n: number): EventIndex {
  if (n >= index.n) return index;
  const cut = (p: Uint32Array) => {
    let a = 0;
    let b = p.length;
    while (a < b) {
      const m = (a + b) >>> 1;
      if (p[m]! < n) a = m + 1;
      else b = m;
    }
    return p.subarray(0, a);
  };
  return {
    ...index,
    n,
    earliest: index.earliest.subarray(0, n),
    latest: index.latest.subarray(0, n),
    type: index.type.subarray(0, n),
    status: index.status.subarray(0, n),
    claim: index.claim.subarray(0, n),
    lat: index.lat.subarray(0, n),
    lon: index.lon.subarray(0, n),
    linkStart: index.linkStart.subarray(0, n + 1),
    postings: index.postings.map(cut),
  };
}

/** The filter states the warm-up runs: every dimension alone, and some together. */
function warmStates(index: EventIndex, round: number): Filters[] {
  const first = index.earliest[0] ?? 0;
  const last = index.latest[index.n - 1] ?? first;
  const mid = first + (last - first) / 2;
  const actor = index.actorIds[round % Math.max(1, index.actorIds.length)];
  const actors = actor === undefined ? [] : [actor];
  const type = EVENT_TYPES[round % EVENT_TYPES.length]!;
  return [
    { ...NO_FILTERS, types: [type] },
    { ...NO_FILTERS, types: [type, EVENT_TYPES[(round + 1) % EVENT_TYPES.length]!] },
    { ...NO_FILTERS, statuses: [EVENT_STATUSES[round % EVENT_STATUSES.length]!] },
    { ...NO_FILTERS, claims: [CLAIM_STATUSES[round % CLAIM_STATUSES.length]!] },
    { ...NO_FILTERS, actors },
    { ...NO_FILTERS, actors, types: [type] },
    { ...NO_FILTERS, actors, includeMembers: true, actorMode: 'all' },
    { ...NO_FILTERS, from: isoDay(first), to: isoDay(mid), dateWithin: round % 2 === 1 },
    { ...NO_FILTERS, from: isoDay(mid), types: [type] },
    {
      ...NO_FILTERS,
      area: { south: -45, west: -90, north: 45, east: 90 },
      areaUnplaced: round % 2 === 0,
    },
  ];
}

/** Runs the filters over the head of `index`, yielding after each run (./steps.ts). */
export function* warmFiltersSteps(index: EventIndex): Steps<void> {
  if (index.n === 0) return;
  const head = headOfIndex(index, Math.min(index.n, WARM_EVENTS));
  const hits = new Uint32Array(Math.ceil(head.n / 7)).map((_, i) => i * 7);
  for (let round = 0; round < ROUNDS; round++) {
    for (const f of warmStates(head, round)) {
      applyFilters(head, f, null);
      yield;
    }
    applyFilters(head, NO_FILTERS, hits);
    yield;
  }
}
