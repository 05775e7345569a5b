// Random filter states for the differential tests of the two data sources (in the browser and
// the DuckDB service): every dimension (the map area too), often several at once, from a seeded `random`. Text
// queries mix word starts of at most four letters (matched as prefixes) with words of five
// letters or more given one or two random slips (a letter changed, dropped, added or two
// swapped), which both sources must match as near misses, or not, alike.
import { roundArea, type GeoArea } from '../model/filter/area';
import { NO_FILTERS, type Filters } from '../model/filter/types';
import { CLAIM_STATUSES, EVENT_STATUSES, EVENT_TYPES, ROLES } from '../model/schema';

const WORD_STARTS = ['conv', 'talk', 'aid', 'summ', 'hos', 'ham', 'cai', 'gaza', 'repo', 'the'];
const LONG_WORDS = [
  'ceasefire',
  'delegation',
  'negotiation',
  'hostages',
  'mediators',
  'israel',
  'hamas',
  'qatar',
  'convoy',
  'summit',
  'crossing',
  'withdrawal',
];

/** `word` with `slips` random one-letter slips: changed, dropped, added, or two swapped. */
export function misspelt(random: () => number, word: string, slips: number): string {
  let w = word;
  for (let k = 0; k < slips; k++) {
    const at = Math.floor(random() * w.length);
    const letter = String.fromCharCode(97 + Math.floor(random() * 26));
    const kind = Math.floor(random() * 4);
    if (kind === 0) w = w.slice(0, at) + letter + w.slice(at + 1);
    else if (kind === 1) w = w.slice(0, at) + w.slice(at + 1);
    else if (kind === 2) w = w.slice(0, at) + letter + w.slice(at);
    else if (at + 1 < w.length) w = w.slice(0, at) + w[at + 1] + w[at] + w.slice(at + 2);
  }
  return w;
}

export function randomFilters(random: () => number, actorIds: readonly string[]): Filters {
  const some = <T>(xs: readonly T[], max: number): T[] => {
    const n = Math.floor(random() * (max + 1));
    const out = new Set<T>();
    for (let i = 0; i < n; i++) out.add(xs[Math.floor(random() * xs.length)]!);
    return [...out];
  };
  const chance = (p: number) => random() < p;
  const day = () => {
    const ms = Date.UTC(2015, 0, 1) + random() * 10 * 365 * 86_400_000;
    return new Date(ms).toISOString().slice(0, 10);
  };
  // A map area over the generated places (the Middle East and around), now and then one across
  // the antimeridian (none of them there: only the events with no place, if kept).
  const area = (): GeoArea => {
    if (chance(0.1)) return { south: -20, west: 170, north: 20, east: -170 };
    const south = 15 + random() * 20;
    const west = 25 + random() * 25;
    return roundArea({
      south,
      west,
      north: south + 1 + random() * 12,
      east: west + 1 + random() * 15,
    });
  };
  let from = chance(0.4) ? day() : null;
  let to = chance(0.4) ? day() : null;
  if (from !== null && to !== null && from > to) [from, to] = [to, from];
  return {
    ...NO_FILTERS,
    actors: chance(0.5) ? some(actorIds.slice(0, 12), 2) : [],
    actorMode: chance(0.3) ? 'all' : 'any',
    role: chance(0.15) ? ROLES[Math.floor(random() * 6)]! : null,
    types: chance(0.5) ? some(EVENT_TYPES, 3) : [],
    statuses: chance(0.3) ? some(EVENT_STATUSES, 2) : [],
    claims: chance(0.3) ? some(CLAIM_STATUSES, 2) : [],
    from,
    to,
    dateWithin: chance(0.3),
    ...(chance(0.3) && { area: area(), areaUnplaced: chance(0.5) }),
    q: chance(0.35)
      ? [
          ...some(WORD_STARTS, 1),
          ...some(LONG_WORDS, 1).map((w) => misspelt(random, w, chance(0.7) ? 1 : 2)),
        ].join(' ')
      : '',
  };
}
