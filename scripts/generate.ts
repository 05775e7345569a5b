// Writes a synthetic but valid `dateline/1` dataset for scale tests and benchmarks:
//   npm run gen -- --events 100000 --seed 1 --out bench-results/events-100k.json
//   npm run gen -- --events 100000 --places 20000   (many distinct places, for the map)
// Dates over several years with bursts, places clustered around real cities, 50-500 actors with a
// skewed frequency, a share of approximate dates, scheduled or expected events and no place.
// Same seed, same file.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { ACTOR_KINDS, CLAIM_STATUSES, EVENT_TYPES, ROLES } from '../src/model/schema';

/** mulberry32: small, fast, and the same sequence on every machine. */
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const CITIES: Array<[string, number, number]> = [
  ['Cairo', 30.0444, 31.2357],
  ['Gaza City', 31.5017, 34.4668],
  ['Doha', 25.2854, 51.531],
  ['Jerusalem', 31.7683, 35.2137],
  ['Amman', 31.9539, 35.9106],
  ['Beirut', 33.8938, 35.5018],
  ['Damascus', 33.5138, 36.2765],
  ['Baghdad', 33.3152, 44.3661],
  ['Riyadh', 24.7136, 46.6753],
  ['Istanbul', 41.0082, 28.9784],
  ['Kyiv', 50.4501, 30.5234],
  ['Khartoum', 15.5007, 32.5599],
  ['Washington', 38.9072, -77.0369],
  ['Brussels', 50.8503, 4.3517],
  ['Geneva', 46.2044, 6.1432],
  ['Nairobi', -1.2921, 36.8219],
];

export const WORDS = [
  'talks',
  'ceasefire',
  'statement',
  'convoy',
  'aid',
  'delegation',
  'border',
  'crossing',
  'envoy',
  'summit',
  'agreement',
  'protest',
  'strike',
  'release',
  'prisoners',
  'hostages',
  'deadline',
  'mediators',
  'withdrawal',
  'corridor',
  'negotiation',
  'meeting',
  'visit',
  'report',
  'résumé',
];

export interface GenerateOptions {
  /** How many events, 1 to 2,000,000. */
  events: number;
  /** The same seed gives the same dataset. */
  seed: number;
  /**
   * null or absent: 12 places around each city (the default, small). A number: that many places,
   * 80% scattered within a few degrees of a city and the rest anywhere, so the map has to cluster.
   */
  places?: number | null;
}

/** A synthetic `dateline/1` dataset as a plain object (JSON.stringify it to write a file). Pure. */
export function generateDataset({ events, seed, places: placeCount = null }: GenerateOptions) {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const actorCount = Math.min(500, Math.max(50, Math.round(Math.sqrt(events) * 1.6)));
  const actors = Array.from({ length: actorCount }, (_, i) => ({
    id: `actor-${i}`,
    name: `Actor ${i} ${pick(WORDS)}`,
    kind: pick(ACTOR_KINDS),
    aliases: i % 7 === 0 ? [`A${i}`] : [],
    // Every tenth actor belongs to an earlier one, so member inclusion has something to do.
    ...(i > 10 && i % 10 === 0 && { memberOf: `actor-${Math.floor(r() * i)}` }),
  }));
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  const places =
    placeCount === null
      ? CITIES.flatMap(([name, lat, lon], c) =>
          Array.from({ length: 12 }, (_, k) => ({
            id: `place-${c}-${k}`,
            name: `${name} ${k}`,
            lat: round(lat + (r() - 0.5) * 0.6),
            lon: round(lon + (r() - 0.5) * 0.6),
            precision: pick(['exact', 'exact', 'city', 'area'] as const),
          })),
        )
      : Array.from({ length: placeCount }, (_, k) => {
          const [name, lat, lon] = pick(CITIES);
          const near = r() < 0.8;
          // Spread grows with distance from the city: dense near it, sparse far out.
          const spread = 8 * Math.pow(r(), 2);
          return {
            id: `place-${k}`,
            name: near ? `${name} ${k}` : `Place ${k}`,
            lat: round(
              near ? Math.max(-80, Math.min(80, lat + (r() - 0.5) * spread)) : -60 + r() * 135,
            ),
            lon: round(near ? lon + (r() - 0.5) * spread : -180 + r() * 360),
            precision: pick(['exact', 'exact', 'city', 'area', 'region'] as const),
          };
        });
  const start = Date.UTC(2019, 0, 1);
  const span = 6 * 365 * 86_400_000;
  const bursts = Array.from({ length: 12 }, () => start + r() * span);
  // Skewed actor frequency: low ids are far more common (a power law).
  const actorIndex = () => Math.min(actorCount - 1, Math.floor(actorCount * Math.pow(r(), 3)));
  const list = Array.from({ length: events }, (_, i) => {
    const t = r() < 0.4 ? pick(bursts) + (r() - 0.5) * 20 * 86_400_000 : start + r() * span;
    const day = new Date(t).toISOString().slice(0, 10);
    const approximate = r() < 0.2;
    const status = r() < 0.9 ? 'occurred' : pick(['scheduled', 'expected'] as const);
    const n = 1 + Math.floor(r() * 3);
    const links = new Map<string, string>();
    for (let k = 0; k < n; k++) links.set(`actor-${actorIndex()}`, pick(ROLES));
    const words = Array.from({ length: 4 }, () => pick(WORDS)).join(' ');
    return {
      id: `event-${i}`,
      title: `Event ${i}: ${words}`,
      summary: `Synthetic event ${i} about ${words}.`,
      type: pick(EVENT_TYPES),
      time: approximate
        ? {
            start: day,
            end: new Date(t + (1 + Math.floor(r() * 10)) * 86_400_000).toISOString().slice(0, 10),
            precision: 'day',
            approximate: true,
            text: 'synthetic approximate date',
          }
        : { start: day, precision: 'day' },
      status,
      place: r() < 0.1 ? null : pick(places).id,
      actors: [...links].map(([actor, role]) => ({ actor, role })),
      claim: {
        by: r() < 0.5 ? 'synthetic' : `actor-${actorIndex()}`,
        status: pick(CLAIM_STATUSES),
      },
      evidence: [],
      tags: [pick(WORDS)],
    };
  });
  return {
    format: 'dateline/1',
    title: `Synthetic dataset: ${events} events (seed ${seed})`,
    description: 'Generated by scripts/generate.ts for scale tests. Not news.',
    actors,
    places,
    sources: [{ id: 'synthetic', title: 'Generator', publisher: 'Dateline' }],
    events: list,
  };
}

/** The same as `generateDataset({ events, seed, places })`. */
export function generate(events: number, seed: number, places: number | null = null): unknown {
  return generateDataset({ events, seed, places });
}

function main() {
  const { values } = parseArgs({
    options: {
      events: { type: 'string', default: '10000' },
      seed: { type: 'string', default: '1' },
      places: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const events = Number(values.events);
  const seed = Number(values.seed);
  if (!Number.isInteger(events) || events < 1 || events > 2_000_000) {
    throw new Error(`--events must be a whole number from 1 to 2,000,000 (got ${values.events})`);
  }
  if (!Number.isInteger(seed))
    throw new Error(`--seed must be a whole number (got ${values.seed})`);
  const places = values.places === undefined ? null : Number(values.places);
  if (places !== null && (!Number.isInteger(places) || places < 1 || places > 2_000_000))
    throw new Error(`--places must be a whole number from 1 to 2,000,000 (got ${values.places})`);
  const out = values.out ?? `bench-results/events-${events}-seed${seed}.json`;
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(generateDataset({ events, seed, places })));
  console.log(`wrote ${out}: ${events} events, ${places ?? 'default'} places, seed ${seed}`);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*[\\/]/, ''))) main();
