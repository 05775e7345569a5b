import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateDataset } from '../../scripts/generate';
import { fastEvent } from './fastEvent';
import { eventSchema } from './schema';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const readJson = (path: string) =>
  JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as { events: Json[] };

/** Events of every kind the loader meets: the seed, a fixture, generated ones, odd hand-made ones. */
function baseEvents(): Json[] {
  const seed = readJson('../../public/data/gaza-ceasefire-2025-02.json').events;
  const fixture = readJson('../formats/fixtures/dateline.json').events;
  const generated = generateDataset({ events: 300, seed: 7, places: 40 }).events as Json[];
  const handMade: Json[] = [
    {
      id: 'inline-place',
      title: '  Padded title ',
      summary: 'S',
      summaryHtml: '<b>S</b>',
      type: 'visit',
      time: {
        start: '2025-02-27T23:00+02:00',
        precision: 'hour',
        approximate: true,
        text: 'night',
      },
      status: 'expected',
      place: { id: 'p-1', name: ' Doha ', lat: 25.3, lon: 51.5, precision: 'city', radiusKm: 5 },
      actors: [
        { actor: 'a', role: 'host' },
        { actor: 'b', role: 'observer' },
      ],
      claim: { by: 'src', status: 'disputed' },
      evidence: [{ source: 'src', quote: ' a quote ', start: 0, end: 9 }],
      tags: [' one ', 'two'],
      extra: { 'Event type': 'x', nested: { a: [1, 2] }, empty: null },
    },
    {
      id: 'minimal',
      title: 'Minimal',
      type: 'other',
      time: { start: '2025', end: '2026', precision: 'year' },
      status: 'occurred',
      claim: { by: 'src', status: 'reported' },
    },
    {
      id: 'unplaced-inline',
      title: 'No id place',
      type: 'other',
      time: { start: '2025-02', precision: 'month' },
      status: 'scheduled',
      place: { name: 'Somewhere', lat: -90, lon: 180, precision: 'exact', note: 'n' },
      claim: { by: 'src', status: 'claimed' },
      unknownKey: 'dropped by both',
    },
    {
      id: 'unclaimed',
      title: 'No claim: the loader attributes it',
      type: 'other',
      time: { start: '-0499', precision: 'year' },
      status: 'occurred',
    },
  ];
  return [...seed, ...fixture, ...generated, ...handMade];
}

/** Small deterministic random numbers (mulberry32). */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REPLACEMENTS: Json[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  200,
  1e300,
  '',
  '   ',
  ' padded ',
  'Not A Slug',
  'ok-slug',
  'x'.repeat(201),
  'day',
  'hour',
  'city',
  'party',
  'occurred',
  'claimed',
  'statement',
  '2025-13-01',
  'https://example.org/x',
  [],
  [{}],
  ['tag'],
  {},
  { actor: 'a', role: 'party' },
];

/** Every place inside a value where a mutation can land: [parent, key]. */
function slots(v: Json, out: Array<[Json[] | Record<string, Json>, string | number]> = []) {
  if (Array.isArray(v)) {
    v.forEach((child, i) => {
      out.push([v, i]);
      slots(child, out);
    });
  } else if (v !== null && typeof v === 'object') {
    for (const [k, child] of Object.entries(v)) {
      out.push([v, k]);
      slots(child, out);
    }
  }
  return out;
}

function mutate(event: Json, random: () => number): Json {
  const copy = structuredClone(event);
  const times = 1 + Math.floor(random() * 3);
  for (let i = 0; i < times; i++) {
    const all = slots(copy);
    const [parent, key] = all[Math.floor(random() * all.length)]!;
    const action = random();
    if (action < 0.15 && !Array.isArray(parent)) delete (parent as Record<string, Json>)[key];
    else if (action < 0.25 && !Array.isArray(parent))
      (parent as Record<string, Json>)[`added${i}`] = 'x';
    else
      (parent as Record<string | number, Json>)[key] = structuredClone(
        REPLACEMENTS[Math.floor(random() * REPLACEMENTS.length)]!,
      );
  }
  return copy;
}

describe('fastEvent', () => {
  const events = baseEvents();

  it('reads ordinary events exactly as the schema does', () => {
    const fast = events.map(fastEvent);
    // It is a fast path only if the ordinary event takes it: all of these (none has media).
    expect(fast.filter((e) => e === undefined)).toHaveLength(0);
    expect(fast).toEqual(events.map((e) => eventSchema().parse(e)));
  });

  it('never accepts what the schema rejects, nor reads it differently (mutated events)', () => {
    const random = rng(42);
    const acceptedWrongly: Json[] = [];
    const read: Array<{ fast: unknown; zod: unknown }> = [];
    let bothReject = 0;
    for (let round = 0; round < 20; round++) {
      for (const event of events) {
        const m = mutate(event, random);
        const fast = fastEvent(m);
        const parsed = eventSchema().safeParse(m);
        if (fast !== undefined && !parsed.success) acceptedWrongly.push(m);
        else if (fast !== undefined) read.push({ fast, zod: parsed.data });
        else if (!parsed.success) bothReject++;
      }
    }
    expect(acceptedWrongly).toEqual([]);
    expect(read.map((r) => r.fast)).toEqual(read.map((r) => r.zod));
    // The mutations must exercise both sides, or this test proves nothing.
    expect(read.length).toBeGreaterThan(500);
    expect(bothReject).toBeGreaterThan(500);
  });

  it('leaves media, geocoded places and odd extra fields to the schema', () => {
    const base = { ...(events.at(-2) as Record<string, Json>) };
    expect(fastEvent({ ...base, media: [{ url: 'https://example.org/a.jpg' }] })).toBeUndefined();
    const geocoded = {
      ...base,
      place: {
        name: 'Gaza',
        lat: 31.5,
        lon: 34.46,
        precision: 'city',
        geocoded: { query: 'Gaza', matched: 'Gaza', by: 'geonames' },
      },
    };
    expect(fastEvent(geocoded)).toBeUndefined();
    expect(eventSchema().safeParse(geocoded).success).toBe(true);
    expect(fastEvent({ ...base, extra: JSON.parse('{"__proto__": {"x": 1}}') })).toBeUndefined();
  });
});
