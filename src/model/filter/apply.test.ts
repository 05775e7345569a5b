import { describe, expect, it } from 'vitest';
import { loadDataset } from '../load';
import { applyFilters } from './apply';
import { buildEventIndex, eventIndexOf } from './eventIndex';
import { generatedDataset } from '../../test-utils/generated';
import { LocalTextSearch } from './textSearch';
import { NO_FILTERS, type Filters } from './types';
import { deepTimeDataset } from '../../test-utils/deepTime';

// Six events over three weeks: Israel's government and prime minister, Hamas, and the mediators.
const { dataset } = loadDataset(
  {
    format: 'dateline/1',
    title: 'Filter fixture',
    actors: [
      { id: 'israel', name: 'Israel', kind: 'state' },
      {
        id: 'israeli-government',
        name: 'Israeli government',
        kind: 'government',
        memberOf: 'israel',
      },
      {
        id: 'netanyahu',
        name: 'Benjamin Netanyahu',
        kind: 'person',
        memberOf: 'israeli-government',
      },
      { id: 'hamas', name: 'Hamas', kind: 'organisation' },
      { id: 'qatar', name: 'Qatar', kind: 'state' },
      { id: 'egypt', name: 'Égypte', kind: 'state', aliases: ['Arab Republic of Egypt'] },
    ],
    places: [{ id: 'cairo', name: 'Cairo', lat: 30, lon: 31, precision: 'city' }],
    sources: [{ id: 'wire', title: 'Wire', publisher: 'Wire' }],
    events: [
      ev('pm-speech', '2025-02-10', 'statement', [['netanyahu', 'spokesperson']], {
        summary: 'The prime minister speaks.',
      }),
      ev(
        'cairo-talks',
        '2025-02-27',
        'negotiation',
        [
          ['israeli-government', 'party'],
          ['hamas', 'party'],
          ['egypt', 'host'],
          ['qatar', 'mediator'],
        ],
        { place: 'cairo' },
      ),
      ev('hamas-statement', '2025-02-27', 'statement', [['hamas', 'spokesperson']], {
        claim: { by: 'hamas', status: 'claimed' },
        summary: 'Hamas says the prisoners’ release went ahead.',
      }),
      ev(
        'exchange',
        '2025-02-26',
        'exchange',
        [
          ['hamas', 'party'],
          ['israel', 'party'],
        ],
        { time: { start: '2025-02-26', end: '2025-02-27', precision: 'day', approximate: true } },
      ),
      ev(
        'deadline',
        '2025-03-01',
        'deadline',
        [
          ['israel', 'party'],
          ['hamas', 'party'],
        ],
        { status: 'scheduled' },
      ),
      ev('qatar-host', '2025-02-15', 'negotiation', [['qatar', 'host']], {}),
    ],
  },
  'filters.json',
);

function ev(
  id: string,
  day: string,
  type: string,
  actors: Array<[string, string]>,
  over: Record<string, unknown>,
) {
  return {
    id,
    title: `Event ${id}`,
    type,
    status: 'occurred',
    time: { start: day, precision: 'day' },
    actors: actors.map(([actor, role]) => ({ actor, role })),
    claim: { by: 'wire', status: 'reported' },
    ...over,
  };
}

const index = buildEventIndex(dataset!);
const text = new LocalTextSearch(dataset!);
const run = (f: Partial<Filters>) => {
  const q = f.q?.trim();
  return applyFilters(index, { ...NO_FILTERS, ...f }, q ? text.peek(q) : null);
};
const ids = (f: Partial<Filters>) => run(f).visible.map((e) => e.id);

describe('applyFilters', () => {
  it('shows everything in time order with no filters, and counts every facet', () => {
    const r = run({});
    expect(r.visible.map((e) => e.id)).toEqual([
      'pm-speech',
      'qatar-host',
      'exchange',
      'cairo-talks',
      'hamas-statement',
      'deadline',
    ]);
    expect(r.total).toBe(6);
    expect(r.counts.types.get('statement')).toBe(2);
    expect(r.counts.statuses.get('scheduled')).toBe(1);
    expect(r.counts.claims.get('claimed')).toBe(1);
    expect(r.counts.actors.get('hamas')).toBe(4);
  });

  it('filters by one actor', () => {
    expect(ids({ actors: ['qatar'] })).toEqual(['qatar-host', 'cairo-talks']);
  });

  it('filters by two actors, any of them or all of them', () => {
    expect(ids({ actors: ['qatar', 'israel'] })).toEqual([
      'qatar-host',
      'exchange',
      'cairo-talks',
      'deadline',
    ]);
    expect(ids({ actors: ['hamas', 'israel'], actorMode: 'all' })).toEqual([
      'exchange',
      'deadline',
    ]);
  });

  it('includes members of a picked actor only when asked, and says which', () => {
    expect(ids({ actors: ['israel'] })).toEqual(['exchange', 'deadline']);
    const r = run({ actors: ['israel'], includeMembers: true });
    expect(r.visible.map((e) => e.id)).toEqual([
      'pm-speech',
      'exchange',
      'cairo-talks',
      'deadline',
    ]);
    expect(r.expanded.get('israel')).toEqual(['israel', 'israeli-government', 'netanyahu']);
  });

  it('counts a member’s events for the group above it when members are included', () => {
    expect(run({}).counts.actors.get('israel')).toBe(2);
    expect(run({ includeMembers: true }).counts.actors.get('israel')).toBe(4);
  });

  it('narrows by role: only events where Qatar is mediator', () => {
    expect(ids({ actors: ['qatar'], role: 'mediator' })).toEqual(['cairo-talks']);
    expect(ids({ role: 'host' })).toEqual(['qatar-host', 'cairo-talks']);
  });

  it('filters by type, status and claim status', () => {
    expect(ids({ types: ['statement', 'deadline'] })).toEqual([
      'pm-speech',
      'hamas-statement',
      'deadline',
    ]);
    expect(ids({ statuses: ['scheduled'] })).toEqual(['deadline']);
    expect(ids({ claims: ['claimed'] })).toEqual(['hamas-statement']);
  });

  it('counts each facet under the other filters only', () => {
    const r = run({ types: ['statement'], actors: ['hamas'] });
    expect(r.visible.map((e) => e.id)).toEqual(['hamas-statement']);
    // Type counts ignore the type filter but keep the actor filter: Hamas's events by type.
    expect(r.counts.types.get('statement')).toBe(1);
    expect(r.counts.types.get('exchange')).toBe(1);
    expect(r.counts.types.get('deadline')).toBe(1);
    expect(r.counts.types.get('negotiation')).toBe(1);
    // Actor counts ignore the actor filter but keep the type filter: statements by actor.
    expect(r.counts.actors.get('netanyahu')).toBe(1);
    expect(r.counts.actors.get('hamas')).toBe(1);
    expect(r.counts.actors.get('qatar')).toBe(0);
  });

  it('counts actors with the actor filter alone on as with no filter, members or not, but not with a role', () => {
    for (const includeMembers of [false, true]) {
      const all = run({ includeMembers }).counts.actors;
      const picked = run({ actors: ['qatar'], includeMembers });
      expect([...picked.counts.actors]).toEqual([...all]);
      // The other facets count only the events the actor filter lets through.
      expect(picked.counts.types.get('negotiation')).toBe(
        picked.visible.filter((e) => e.type === 'negotiation').length,
      );
    }
    const mediators = run({ actors: ['qatar'], role: 'mediator' }).counts.actors;
    expect(mediators.get('hamas')).toBeLessThan(run({}).counts.actors.get('hamas')!);
  });

  it('keeps an event whose uncertain span overlaps the date range', () => {
    // The exchange may have happened on the 26th or the 27th: a range of the 27th includes it.
    expect(ids({ from: '2025-02-27', to: '2025-02-27' })).toEqual([
      'exchange',
      'cairo-talks',
      'hamas-statement',
    ]);
    expect(ids({ from: '2025-02-28' })).toEqual(['deadline']);
    expect(ids({ to: '2025-02-15' })).toEqual(['pm-speech', 'qatar-host']);
  });

  it('with “whole span inside”, keeps only the events whose every possible day is in the range', () => {
    // The exchange (26th or 27th) overlaps the 27th but is not inside it.
    expect(ids({ from: '2025-02-27', to: '2025-02-27', dateWithin: true })).toEqual([
      'cairo-talks',
      'hamas-statement',
    ]);
    expect(ids({ from: '2025-02-26', to: '2025-02-27', dateWithin: true })).toEqual([
      'exchange',
      'cairo-talks',
      'hamas-statement',
    ]);
    // An open end stays open: everything that ends by the 26th is inside "up to the 26th".
    expect(ids({ to: '2025-02-26', dateWithin: true })).toEqual(['pm-speech', 'qatar-host']);
    expect(ids({ from: '2025-02-27', dateWithin: true })).toEqual([
      'cairo-talks',
      'hamas-statement',
      'deadline',
    ]);
    // Without a range, the choice narrows nothing.
    expect(ids({ dateWithin: true })).toHaveLength(6);
  });

  it('counts the other facets under the “inside” rule', () => {
    const r = run({ from: '2025-02-27', to: '2025-02-27', dateWithin: true });
    expect(r.counts.types.get('exchange')).toBe(0);
    expect(run({ from: '2025-02-27', to: '2025-02-27' }).counts.types.get('exchange')).toBe(1);
  });

  it('searches titles, summaries, actor names and aliases, and place names, ignoring case and accents', () => {
    expect(ids({ q: 'PRISONERS' })).toEqual(['hamas-statement']);
    expect(ids({ q: 'egypte' })).toEqual(['cairo-talks']);
    expect(ids({ q: 'arab republic' })).toEqual(['cairo-talks']);
    expect(ids({ q: 'cairo' })).toEqual(['cairo-talks']);
    expect(ids({ q: 'netanya' })).toEqual(['pm-speech']);
  });

  it('returns nothing, with counts, when nothing matches', () => {
    const r = run({ q: 'zzzz-nothing' });
    expect(r.visible).toEqual([]);
    expect(r.counts.types.get('statement')).toBe(0);
  });

  it('ignores an actor id the dataset does not have (no event matches it)', () => {
    expect(ids({ actors: ['nobody'] })).toEqual([]);
    expect(ids({ actors: ['nobody', 'qatar'] })).toEqual(['qatar-host', 'cairo-talks']);
  });
});

describe('dates across eras', () => {
  const deep = deepTimeDataset([
    ['big-bang', '-13799999999'],
    ['marathon', '-0489'],
    ['ides', '-0043-03-15'],
    ['today', '2025'],
  ]);
  const deepIndex = buildEventIndex(deep);
  const deepIds = (f: Partial<Filters>) =>
    applyFilters(deepIndex, { ...NO_FILTERS, ...f }, null).visible.map((e) => e.id);

  it('loads every era, sorted by time', () => {
    expect(deep.events.map((e) => e.id)).toEqual(['big-bang', 'marathon', 'ides', 'today']);
  });

  it('filters by days before 1 CE', () => {
    expect(deepIds({ from: '-0489-01-01', to: '-0043-03-15' })).toEqual(['marathon', 'ides']);
    expect(deepIds({ to: '-0043-03-14' })).toEqual(['big-bang', 'marathon']);
  });

  it('leaves a side open when its day is beyond what a Date holds', () => {
    expect(deepIds({ from: '-271821-04-20', to: '-0400-01-01' })).toEqual(['big-bang', 'marathon']);
  });

  it('keeps a year BCE inside a range of its days, and not inside a range of part of it', () => {
    expect(deepIds({ from: '-0489-01-01', to: '-0489-12-31', dateWithin: true })).toEqual([
      'marathon',
    ]);
    expect(deepIds({ from: '-0489-01-01', to: '-0489-06-30', dateWithin: true })).toEqual([]);
  });
});

describe('one filter on', () => {
  const large = eventIndexOf(generatedDataset(3000));
  // Every event matches this "text query": a second filter on that keeps everything, so the
  // result comes from the general pass over several masks.
  const everyRow = Uint32Array.from({ length: large.n }, (_, i) => i);
  const [a0, a1, a2] = large.actorIds;
  const single: Array<Partial<Filters>> = [
    { types: ['statement'] },
    { types: ['negotiation', 'military'] },
    { statuses: ['occurred'] },
    { claims: ['disputed', 'reported'] },
    { actors: [a0!] },
    { actors: [a1!, a2!], actorMode: 'any' },
    { actors: [a1!, a2!], actorMode: 'all' },
    { actors: [a0!], includeMembers: true },
    { role: 'mediator' },
    { actors: [a1!], role: 'target' },
    { from: '2021-03-01', to: '2021-06-30' },
    { from: '2021-03-01', to: '2021-06-30', dateWithin: true },
    { area: { south: 20, west: 20, north: 40, east: 50 } },
    { area: { south: 20, west: 20, north: 40, east: 50 }, areaUnplaced: true },
  ];

  it('passes and counts what the general pass over several filters does', () => {
    for (const change of single) {
      const f = { ...NO_FILTERS, ...change };
      const one = applyFilters(large, f, null);
      const many = applyFilters(large, f, everyRow);
      expect({ change, ids: one.visible.map((e) => e.id), counts: one.counts }).toEqual({
        change,
        ids: many.visible.map((e) => e.id),
        counts: many.counts,
      });
    }
  });
});
