import { describe, it, expect } from 'vitest';
import * as fc from 'fast-check';
import { NO_FILTERS, type Filters } from '../model/filter/types';
import { CLAIM_STATUSES, EVENT_STATUSES, EVENT_TYPES, ROLES } from '../model/schema';
import { parsePartialDate } from '../model/time';
import type { ViewState } from './types';
import { MAX_WINDOW_MS } from './limits';
import { LINK_PARAMS } from './params';
import { buildViewState, parseViewState, viewStateArbitrary } from './viewState';

const DEFAULT: ViewState = {
  event: null,
  filters: NO_FILTERS,
  window: null,
  map: null,
  data: null,
};

function view(patch: Partial<Omit<ViewState, 'filters'>> & { filters?: Partial<Filters> } = {}) {
  return { ...DEFAULT, ...patch, filters: { ...NO_FILTERS, ...patch.filters } };
}

const ms = (iso: string) => Date.parse(iso);

// ---------------------------------------------------------------------------------------------
// What a valid state is, written independently of the implementation.

const SLUG = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/;
const isSlug = (s: unknown) => typeof s === 'string' && s.length <= 200 && SLUG.test(s);
const isDay = (s: unknown) => {
  if (typeof s !== 'string' || !/^(?:\d{4}|-\d{4,6})-\d{2}-\d{2}$/.test(s)) return false;
  const p = parsePartialDate(s);
  return typeof p !== 'string' && p.resolution === 'day';
};
const dayMs = (s: string) => {
  const p = parsePartialDate(s);
  return typeof p === 'string' ? NaN : p.earliest;
};
const isCanonicalSubset = (all: readonly string[], xs: readonly string[]) =>
  xs.join(',') === all.filter((v) => xs.includes(v)).join(',');
const hasDecimals = (x: number, n: number) => Number(x.toFixed(n)) === x && !Object.is(x, -0);

function problems(s: ViewState): string[] {
  const p: string[] = [];
  const f = s.filters;
  if (s.event !== null && !isSlug(s.event)) p.push('event');
  if (!f.actors.every(isSlug) || new Set(f.actors).size !== f.actors.length) p.push('actors');
  if (f.actorMode !== 'any' && f.actorMode !== 'all') p.push('actorMode');
  if (typeof f.includeMembers !== 'boolean') p.push('includeMembers');
  if (f.role !== null && !ROLES.includes(f.role)) p.push('role');
  if (!isCanonicalSubset(EVENT_TYPES, f.types)) p.push('types');
  if (!isCanonicalSubset(EVENT_STATUSES, f.statuses)) p.push('statuses');
  if (!isCanonicalSubset(CLAIM_STATUSES, f.claims)) p.push('claims');
  if (f.from !== null && !isDay(f.from)) p.push('from');
  if (f.to !== null && !isDay(f.to)) p.push('to');
  if (typeof f.dateWithin !== 'boolean') p.push('dateWithin');
  if (f.from !== null && f.to !== null && dayMs(f.from) > dayMs(f.to)) p.push('from > to');
  if (f.q !== f.q.trim() || f.q.length > 200) p.push('q');
  if (s.window) {
    const { start, end } = s.window;
    if (!Number.isFinite(start) || !Number.isFinite(end)) p.push('window finite');
    if (!(end - start >= 60_000 && end - start <= MAX_WINDOW_MS)) p.push('window span');
  }
  if (s.map) {
    const { lat, lon, zoom } = s.map;
    if (!(Math.abs(lat) <= 90 && Math.abs(lon) <= 180 && zoom >= 0 && zoom <= 20)) p.push('map');
    if (!hasDecimals(lat, 4) || !hasDecimals(lon, 4) || !hasDecimals(zoom, 2)) p.push('map dp');
  }
  if (s.data !== null) {
    const d = s.data;
    const ok =
      d.startsWith('/') || d.startsWith('./')
        ? !d.startsWith('//') && !d.startsWith('/\\')
        : /^https?:$/.test(new URL(d).protocol);
    if (!ok) p.push('data');
  }
  return p;
}

// ---------------------------------------------------------------------------------------------
// Examples

describe('parseViewState: examples', () => {
  it("reads the issue's example link", () => {
    const { state, notices } = parseViewState(
      '?event=talks-begin-cairo&actors=hamas,israel&from=2025-02-20&to=2025-03-05&q=prisoners',
    );
    expect(notices).toEqual([]);
    expect(state).toEqual(
      view({
        event: 'talks-begin-cairo',
        filters: {
          actors: ['hamas', 'israel'],
          from: '2025-02-20',
          to: '2025-03-05',
          q: 'prisoners',
        },
      }),
    );
  });

  it('reads every parameter', () => {
    const { state, notices } = parseViewState(
      'event=e1&data=https://example.org/d.json&q=a%20b%2Bc&actors=hamas&match=all&members=1' +
        '&role=mediator&types=visit,statement&status=scheduled&claims=disputed,claimed' +
        '&from=2025-02-20&to=2025-03-05&within=1&t=2025-02-01T00:00Z..2025-03-01T00:00Z&map=31.4200,34.3800,7' +
        '&area=31.2,34.2,31.6,34.6&unplaced=1',
    );
    expect(notices).toEqual([]);
    expect(state).toEqual({
      event: 'e1',
      data: 'https://example.org/d.json',
      filters: {
        actors: ['hamas'],
        actorMode: 'all',
        includeMembers: true,
        role: 'mediator',
        types: ['statement', 'visit'],
        statuses: ['scheduled'],
        claims: ['claimed', 'disputed'],
        from: '2025-02-20',
        to: '2025-03-05',
        dateWithin: true,
        q: 'a b+c',
        area: { south: 31.2, west: 34.2, north: 31.6, east: 34.6 },
        areaUnplaced: true,
      },
      window: { start: ms('2025-02-01T00:00Z'), end: ms('2025-03-01T00:00Z') },
      map: { lat: 31.42, lon: 34.38, zoom: 7 },
    });
  });

  it('gives the default view for an empty query', () => {
    for (const s of ['', '?', '?&&', '?utm_source=newsletter&utm_medium=email']) {
      expect(parseViewState(s)).toEqual({ state: DEFAULT, notices: [] });
    }
  });

  it('reads a TimelineJS-style hash link', () => {
    expect(parseViewState('', '#event-talks-begin-cairo')).toEqual({
      state: view({ event: 'talks-begin-cairo' }),
      notices: [],
    });
    expect(parseViewState('?q=x', 'event-talks-begin-cairo').state.event).toBe('talks-begin-cairo');
  });

  it('prefers ?event= to the hash, and ignores other hashes', () => {
    expect(parseViewState('?event=a', '#event-b').state.event).toBe('a');
    expect(parseViewState('', '#map')).toEqual({ state: DEFAULT, notices: [] });
    expect(parseViewState('', '')).toEqual({ state: DEFAULT, notices: [] });
  });

  it('reports a bad hash id', () => {
    const { state, notices } = parseViewState('', '#event-Not%20A%20Slug');
    expect(state.event).toBeNull();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('#event-Not A Slug');
  });

  it('accepts other ISO forms for the window ends', () => {
    const { state, notices } = parseViewState('?t=2025..2025-02-01T12:30:15%2B02:00');
    expect(notices).toEqual([]);
    expect(state.window).toEqual({
      start: ms('2025-01-01T00:00Z'),
      end: ms('2025-02-01T10:30:15Z'),
    });
    expect(parseViewState('?t=2025-02-01T00:00..2025-02-02').state.window).toEqual({
      start: ms('2025-02-01T00:00Z'),
      end: ms('2025-02-02T00:00Z'),
    });
  });

  it('writes years beyond 9999 so they read back', () => {
    const w = { start: ms('2025-01-01T00:00Z'), end: ms('+012025-01-01T00:00Z') };
    const url = buildViewState(view({ window: w }));
    expect(url).toBe('?t=2025-01-01T00:00Z..%2B012025-01-01T00:00Z');
    expect(parseViewState(url)).toEqual({ state: view({ window: w }), notices: [] });
  });

  it('reads rounded map views and strips extra precision', () => {
    expect(parseViewState('?map=-33.867851,151.20732,12.5').state.map).toEqual({
      lat: -33.8679,
      lon: 151.2073,
      zoom: 12.5,
    });
    expect(parseViewState('?map=-0,180,0').state.map).toEqual({ lat: 0, lon: 180, zoom: 0 });
  });

  it('accepts relative dataset paths on this origin', () => {
    for (const d of ['/data/gaza.json', './data/gaza.json', 'http://example.org/x.json']) {
      expect(parseViewState(`?data=${encodeURIComponent(d)}`)).toEqual({
        state: view({ data: d }),
        notices: [],
      });
    }
  });

  it('reads member and mode spellings', () => {
    const f = (s: string) => parseViewState(s).state.filters;
    expect(f('?members=true').includeMembers).toBe(true);
    expect(f('?members=0').includeMembers).toBe(false);
    expect(f('?match=any').actorMode).toBe('any');
    expect(f('?within=true').dateWithin).toBe(true);
    expect(f('?within=0').dateWithin).toBe(false);
  });

  it('writes “whole span inside” as within=1, and the default overlap rule not at all', () => {
    const dates = { from: '2025-02-20', to: '2025-03-05' };
    expect(buildViewState(view({ filters: { ...dates, dateWithin: true } }))).toBe(
      '?from=2025-02-20&to=2025-03-05&within=1',
    );
    expect(buildViewState(view({ filters: { ...dates, dateWithin: false } }))).toBe(
      '?from=2025-02-20&to=2025-03-05',
    );
  });

  it('dedupes lists, keeps actor order and puts enums in canonical order', () => {
    const { state, notices } = parseViewState(
      '?actors=israel,hamas,israel,,qatar&types=other,statement,other&status=expected,occurred',
    );
    expect(notices).toEqual([]);
    expect(state.filters.actors).toEqual(['israel', 'hamas', 'qatar']);
    expect(state.filters.types).toEqual(['statement', 'other']);
    expect(state.filters.statuses).toEqual(['occurred', 'expected']);
  });

  it('keeps the good items of a list and reports the bad ones', () => {
    const { state, notices } = parseViewState('?types=visit,bogus,Statement&actors=hamas,Bad!');
    expect(state.filters.types).toEqual(['visit']);
    expect(state.filters.actors).toEqual(['hamas']);
    expect(notices).toHaveLength(2);
    expect(notices[0]).toMatch(/actors "Bad!"/);
    expect(notices[1]).toMatch(/types "bogus" and "Statement"/);
  });

  it('cuts a long q to 200 characters, with a notice', () => {
    const { state, notices } = parseViewState(`?q=${'ab '.repeat(100)}&event=e`);
    expect(state.filters.q).toBe('ab '.repeat(100).slice(0, 200).trim());
    expect(state.event).toBe('e');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/^Shortened q "ab ab/);
    // a cut never splits a surrogate pair
    const cut = parseViewState(`?q=${'a'.repeat(199)}😀`).state.filters.q;
    expect(cut).toBe('a'.repeat(199));
  });
  it('reads a column mapping with its dataset, and drops one without or malformed', () => {
    const d = 'https://example.org/x.csv';
    expect(parseViewState(`?data=${d}&cols=title:event,start:date`).state).toEqual(
      view({ data: d, cols: 'title:event,start:date' }),
    );
    const alone = parseViewState('?cols=title:event');
    expect(alone.state).toEqual(view());
    expect(alone.notices).toEqual([
      'Ignored cols "title:event": a column mapping needs a dataset (data=).',
    ]);
    const bad = parseViewState(`?data=${d}&cols=headline:x`);
    expect(bad.state).toEqual(view({ data: d }));
    expect(bad.notices[0]).toMatch(/^Ignored cols "headline:x": “headline:x” is not field:column/);
  });
});

describe('parseViewState: malformed parameters', () => {
  // Each case: one bad parameter, the field it leaves at its default, and a good neighbour.
  const cases: [query: string, param: string, field: (s: ViewState) => unknown][] = [
    ['event=Talks%20Begin', 'event', (s) => s.event],
    ['event=talks--begin', 'event', (s) => s.event],
    [`event=${'a'.repeat(201)}`, 'event', (s) => s.event],
    ['actors=Hamas', 'actors', (s) => s.filters.actors],
    ['actors=hamas%26israel', 'actors', (s) => s.filters.actors],
    ['match=some', 'match', (s) => s.filters.actorMode],
    ['members=yes', 'members', (s) => s.filters.includeMembers],
    ['role=king', 'role', (s) => s.filters.role],
    ['types=bogus', 'types', (s) => s.filters.types],
    ['status=done', 'status', (s) => s.filters.statuses],
    ['claims=true', 'claims', (s) => s.filters.claims],
    ['from=2025-02-30', 'from', (s) => s.filters.from],
    ['from=2025-02', 'from', (s) => s.filters.from],
    ['from=20250220', 'from', (s) => s.filters.from],
    ['to=2025-13-01', 'to', (s) => s.filters.to],
    ['to=yesterday', 'to', (s) => s.filters.to],
    ['within=inside', 'within', (s) => s.filters.dateWithin],
    ['t=2025-02-01T00:00Z', 't', (s) => s.window],
    ['t=2025-03-01T00:00Z..2025-02-01T00:00Z', 't', (s) => s.window],
    ['t=2025-02-01T00:00Z..2025-02-01T00:00:30Z', 't', (s) => s.window],
    ['t=-250000-01-01T00:00Z..%2B250001-01-01T00:00Z', 't', (s) => s.window],
    ['t=2025-02-30T00:00Z..2025-03-01T00:00Z', 't', (s) => s.window],
    ['t=%2B010000-02-30T00:00Z..%2B010000-03-01T00:00Z', 't', (s) => s.window],
    ['t=March%207..March%208', 't', (s) => s.window],
    ['t=1..2', 't', (s) => s.window],
    ['map=91,0,3', 'map', (s) => s.map],
    ['map=0,180.5,3', 'map', (s) => s.map],
    ['map=0,0,21', 'map', (s) => s.map],
    ['map=0,0', 'map', (s) => s.map],
    ['map=1e1,0,3', 'map', (s) => s.map],
    ['map=NaN,0,3', 'map', (s) => s.map],
    ['data=javascript:alert(1)', 'data', (s) => s.data],
    ['data=data:application/json,{}', 'data', (s) => s.data],
    ['data=//evil.example/x.json', 'data', (s) => s.data],
    ['data=/%5Cevil.example/x.json', 'data', (s) => s.data],
    ['data=ftp://example.org/x.json', 'data', (s) => s.data],
    ['data=junk', 'data', (s) => s.data],
    [`q=${'x'.repeat(2001)}`, 'q', (s) => s.filters.q],
    [`actors=${'a,'.repeat(1001)}`, 'actors', (s) => s.filters.actors],
  ];

  it.each(cases)('%s: ignored with a notice naming %s', (query, param, field) => {
    const neighbour = param === 'members' ? 'match=all' : 'members=1';
    const { state, notices } = parseViewState(`?${query}&${neighbour}`);
    expect(field(state)).toEqual(field(DEFAULT));
    const { actorMode, includeMembers } = state.filters;
    expect({ actorMode, includeMembers }).toEqual(
      param === 'members'
        ? { actorMode: 'all', includeMembers: false }
        : { actorMode: 'any', includeMembers: true },
    );
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(param);
  });

  it('names the value, cut to about 40 characters', () => {
    const { notices } = parseViewState(`?event=${'X'.repeat(500)}`);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(`event "${'X'.repeat(40)}…"`);
    expect(notices[0]!.length).toBeLessThan(150);
  });

  it('takes the first of a repeated parameter', () => {
    const { state, notices } = parseViewState('?event=first&event=second&q=x&q=y&q=z');
    expect(state.event).toBe('first');
    expect(state.filters.q).toBe('x');
    expect(notices).toEqual([
      'The link gives event 2 times; only the first is used.',
      'The link gives q 3 times; only the first is used.',
    ]);
  });

  it('ignores from and to when from is after to', () => {
    const { state, notices } = parseViewState('?from=2025-03-05&to=2025-02-20&q=x');
    expect(state.filters).toEqual({ ...NO_FILTERS, q: 'x' });
    expect(notices).toEqual([
      'Ignored from "2025-03-05" and to "2025-02-20": the start is after the end.',
    ]);
  });

  it('keeps one end when the other is malformed', () => {
    const { state, notices } = parseViewState('?from=nope&to=2025-02-20');
    expect(state.filters.from).toBeNull();
    expect(state.filters.to).toBe('2025-02-20');
    expect(notices).toHaveLength(1);
  });

  it('survives a 100,000-character junk query', () => {
    const junk = Array.from({ length: 100_000 }, (_, i) => '%&=#+?,.aZ\u00e9\ud800'[i % 12]).join(
      '',
    );
    expect(() => parseViewState(junk, junk)).not.toThrow();
    expect(() => parseViewState(`?q=${junk}&event=${junk}&actors=${junk}`)).not.toThrow();
    const { state, notices } = parseViewState(`?q=${'a'.repeat(100_000)}&event=ok`);
    expect(state.event).toBe('ok');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/^Ignored q "a{40}…": too long \(100000 characters/);
  });
});

describe('buildViewState: examples', () => {
  it('writes nothing for the default view', () => {
    expect(buildViewState(DEFAULT)).toBe('');
  });

  it('writes the example link back', () => {
    const url =
      '?event=talks-begin-cairo&q=prisoners&actors=hamas,israel&from=2025-02-20&to=2025-03-05';
    expect(buildViewState(parseViewState(url).state)).toBe(url);
  });

  it('writes parameters in a fixed order, readably', () => {
    const s: ViewState = {
      event: 'e1',
      data: 'https://example.org/d.json?v=1&x=2#y',
      filters: {
        actors: ['qatar', 'hamas'],
        actorMode: 'all',
        includeMembers: true,
        role: 'mediator',
        types: ['visit', 'statement'],
        statuses: ['scheduled'],
        claims: ['disputed'],
        from: '2025-02-20',
        to: '2025-03-05',
        dateWithin: true,
        q: 'a&b #c +d 100% é',
        area: null,
        areaUnplaced: false,
      },
      window: { start: ms('2025-02-01T00:00Z'), end: ms('2025-03-01T00:00:29.999Z') },
      map: { lat: 31.42, lon: 34.38, zoom: 7.25 },
    };
    expect(buildViewState(s)).toBe(
      '?event=e1&data=https://example.org/d.json%3Fv%3D1%26x%3D2%23y' +
        '&q=a%26b%20%23c%20%2Bd%20100%25%20%C3%A9&actors=qatar,hamas&match=all&members=1' +
        '&role=mediator&types=statement,visit&status=scheduled&claims=disputed' +
        '&from=2025-02-20&to=2025-03-05&within=1&t=2025-02-01T00:00Z..2025-03-01T00:00Z' +
        '&map=31.4200,34.3800,7.25',
    );
  });

  it('leaves out what a link could not carry', () => {
    const s = view({
      event: 'Bad Id',
      data: 'javascript:alert(1)',
      filters: { actors: ['ok', 'Not,Ok'], from: '2025-03-05', to: '2025-02-20', q: '  ' },
      window: { start: 5, end: 5 },
      map: { lat: Number.NaN, lon: 0, zoom: 3 },
    });
    expect(buildViewState(s)).toBe('?actors=ok');
  });

  it('never throws on lone surrogates', () => {
    expect(buildViewState(view({ filters: { q: 'a\ud800b' } }))).toBe('?q=a%EF%BF%BDb');
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const viewStateArb = viewStateArbitrary(fc);

describe('properties', () => {
  it('the state arbitrary only makes valid states', () => {
    fc.assert(
      fc.property(viewStateArb, (s) => {
        expect(problems(s)).toEqual([]);
      }),
    );
  });

  it('parse(build(s)) is s, without notices', () => {
    fc.assert(
      fc.property(viewStateArb, (s) => {
        const { state, notices } = parseViewState(buildViewState(s));
        expect(notices).toEqual([]);
        expect(state).toEqual(s);
      }),
      { numRuns: 1000 },
    );
  });

  it('build(parse(build(s))) is build(s)', () => {
    fc.assert(
      fc.property(viewStateArb, (s) => {
        const url = buildViewState(s);
        expect(buildViewState(parseViewState(url).state)).toBe(url);
      }),
    );
  });

  it('build rounds any window to the minute, and the rounded one reads back', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e15, max: 1e15 }),
        fc.integer({ min: 60_000, max: 1e12 }),
        (start, span) => {
          const url = buildViewState(view({ window: { start, end: start + span } }));
          const { state, notices } = parseViewState(url);
          expect(notices).toEqual([]);
          expect(state.window!.start % 60_000 === 0).toBe(true);
          expect(Math.abs(state.window!.start - start)).toBeLessThanOrEqual(30_000);
          expect(buildViewState(state)).toBe(url);
        },
      ),
    );
  });

  const keys = [...LINK_PARAMS.map((p) => p.name), 'utm_source'];
  /** A value some parameter accepts: a day, an id, a window, a map view, a list… */
  const goodValue = viewStateArb
    .map((s) => [...new URLSearchParams(buildViewState(s)).values()])
    .filter((values) => values.length > 0)
    .chain((values) => fc.constantFrom(...values));
  const value = fc.oneof(
    fc.string({ unit: 'binary' }),
    fc.webQueryParameters(),
    goodValue,
    fc.constantFrom(...EVENT_TYPES, ...ROLES, '2025-02-01T00:00Z..2025-03-01T00:00Z', '1,2,3'),
  );
  const junkQuery = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.webQueryParameters(),
    fc
      .array(fc.tuple(fc.constantFrom(...keys), value), { maxLength: 20 })
      .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&')),
  );

  it('parse never throws and always gives a valid state, which builds and reads back', () => {
    fc.assert(
      fc.property(junkQuery, fc.option(fc.string({ unit: 'binary' })), (search, hash) => {
        const { state, notices } = parseViewState(search, hash ?? undefined);
        expect(problems(state)).toEqual([]);
        expect(notices.every((n) => typeof n === 'string' && n.length < 400)).toBe(true);
        const again = parseViewState(buildViewState(state));
        expect(again.notices).toEqual([]);
        expect(again.state).toEqual(state);
      }),
      { numRuns: 2000 },
    );
  });
});
