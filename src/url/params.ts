// The link's parameters as a table of codecs, in the order a built link writes them. Each names
// its parameter, reads its value into the view (saying what it drops and why), writes it back,
// and gives the values a valid view can hold, for the round-trip property test. Adding a filter
// to links is one entry here (and its field in `Filters`). The rules of the values are in
// ./fields.ts; parseViewState and buildViewState (./viewState.ts) only run the table.
import type * as FastCheck from 'fast-check';
import { t } from '../i18n';
import { formatCount } from '../model/readerLocale';
import { isSlug } from '../model/ids';
import type { Filters } from '../model/filter/types';
import { isoDay } from '../model/time';
import { CLAIM_STATUSES, EVENT_STATUSES, EVENT_TYPES, ROLES } from '../model/schema';
import { formatMapping, parseMapping } from '../formats/columns';
import { isDataUrl } from './dataRef';
import { LANGUAGE_PARAMS } from './params/lang';
import {
  canonical,
  dedupe,
  formatInstant,
  isDay,
  isDayAfter,
  isValidMapView,
  isValidWindow,
  normaliseQuery,
  parseInstant,
  roundMapView,
  roundWindow,
  toWellFormed,
} from './fields';
import { MAX_Q_LENGTH, MAX_WINDOW_MS, MAX_ZOOM, MIN_WINDOW_MS } from './limits';
import type { ViewState } from './types';
import { SOURCE_PARAMS } from './params/source';
import { AREA_PARAMS } from './params/area';
import { PLAYBACK_PARAMS } from './params/playback';
import { STORY_PARAMS } from './params/story';
import { LANES_PARAMS } from './params/lanes';
import { EMBED_PARAMS } from './params/embed';

/** fast-check, handed in by the test so that the app's bundle does not hold it. */
type Fc = typeof FastCheck;
type Arbitrary<T> = FastCheck.Arbitrary<T>;

/**
 * What a parameter's reader may say: a notice of its own, or "ignored <name> <value>: why", in
 * the page's language (link.* in the catalogues).
 */
export interface Notes {
  note(text: string): void;
  reject(why: string): void;
}

export interface LinkParam {
  readonly name: string;
  /** Reads the parameter's value (present, trimmed, not blank) into the view being built. */
  read(value: string, view: ViewState, notes: Notes): ViewState;
  /** The value the view gives the parameter; null leaves it out of the link. */
  write(view: ViewState): string | null;
  /** The parameter's values in valid views, each as a change to a view (applied in order). */
  arbitrary(fc: Fc): Arbitrary<(view: ViewState) => ViewState>;
}

/** Where a parameter's value sits in a view. */
interface Place<T> {
  get(view: ViewState): T;
  set(view: ViewState, value: T): ViewState;
}

const inView = <K extends 'event' | 'window' | 'map' | 'data'>(key: K): Place<ViewState[K]> => ({
  get: (view) => view[key],
  set: (view, value) => ({ ...view, [key]: value }),
});

const inFilters = <K extends keyof Filters>(key: K): Place<Filters[K]> => ({
  get: (view) => view.filters[key],
  set: (view, value) => ({ ...view, filters: { ...view.filters, [key]: value } }),
});

/** A parameter holding one value of the view: `parse` gives undefined for a value it drops. */
function param<T>(
  name: string,
  place: Place<T>,
  codec: {
    parse(value: string, notes: Notes): T | undefined;
    build(value: T): string | null;
    arbitrary(fc: Fc): Arbitrary<T>;
  },
): LinkParam {
  return {
    name,
    read(value, view, notes) {
      const parsed = codec.parse(value, notes);
      return parsed === undefined ? view : place.set(view, parsed);
    },
    write: (view) => codec.build(place.get(view)),
    arbitrary: (fc) => codec.arbitrary(fc).map((value) => (view) => place.set(view, value)),
  };
}

// ---------------------------------------------------------------------------------------------
// Notices

const MAX_LISTED_BAD = 3;

/** A value as a notice quotes it: cut to about `n` characters. */
export function clip(s: string, n = 40): string {
  const text = toWellFormed(s);
  return text.length > n ? `${text.slice(0, n)}…` : text;
}

function listValues(values: readonly string[]): string {
  const shown = values.slice(0, MAX_LISTED_BAD).map((v) => `"${clip(v)}"`);
  const more = values.length - shown.length;
  if (more > 0) return t('link.listMore', { values: shown.join(', '), n: formatCount(more) });
  if (shown.length === 1) return shown[0] ?? '';
  return t('link.listLast', {
    values: shown.slice(0, -1).join(', '),
    last: shown[shown.length - 1] ?? '',
  });
}

// ---------------------------------------------------------------------------------------------
// Kinds of value

/** Reads a comma-separated list; blank items are skipped, bad ones reported together. */
function parseList(
  name: string,
  value: string,
  accept: (item: string) => boolean,
  rule: () => string,
  notes: Notes,
): string[] {
  const good: string[] = [];
  const bad: string[] = [];
  for (const raw of value.split(',')) {
    const item = raw.trim();
    if (item === '') continue;
    (accept(item) ? good : bad).push(item);
  }
  if (bad.length > 0) notes.note(t('link.ignored', { name, value: listValues(bad), why: rule() }));
  return good;
}

const slugArb = (fc: Fc) =>
  fc.array(fc.stringMatching(/^[a-z0-9]{1,8}$/), { minLength: 1, maxLength: 4 }).chain((parts) =>
    fc
      .array(fc.constantFrom('-', '_', '.'), {
        minLength: parts.length - 1,
        maxLength: parts.length - 1,
      })
      .map((seps) => parts.map((p, i) => (i === 0 ? p : seps[i - 1] + p)).join('')),
  );

/** Some of a closed set of values, written in the set's order. */
function enumList<T extends string>(
  name: string,
  place: Place<readonly T[]>,
  all: readonly T[],
): LinkParam {
  const known = new Set<string>(all);
  const rule = () => t('link.why.oneOrMore', { values: all.join(', ') });
  return param(name, place, {
    parse: (value, notes) =>
      canonical(
        all,
        parseList(name, value, (v) => known.has(v), rule, notes),
      ),
    build: (picked) => canonical(all, picked).join(','),
    arbitrary: (fc) => fc.subarray([...all]).map((xs) => all.filter((v) => xs.includes(v))),
  });
}

/** A yes/no parameter: `1` (or `true`) when on, left out of the link when off. */
function flag(name: string, place: Place<boolean>): LinkParam {
  return param(name, place, {
    parse(value, notes) {
      if (value === '1' || value === 'true') return true;
      if (value === '0' || value === 'false') return false;
      notes.reject(t('link.why.oneOrZero'));
      return undefined;
    },
    build: (on) => (on ? '1' : null),
    arbitrary: (fc) => fc.boolean(),
  });
}

const dayArb = (fc: Fc) =>
  fc
    .date({
      min: new Date('-003000-01-01T00:00Z'),
      max: new Date('9999-12-31T00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => isoDay(d.getTime()));

const validDay = (day: string | null) => (day !== null && isDay(day) ? day : null);

/**
 * `from` and `to`, whole UTC days. A link whose start is after its end gives neither: `to` reads
 * after `from` and drops both, and neither is written for such a view.
 */
const dayParams: LinkParam[] = [
  {
    name: 'from',
    read(value, view, notes) {
      if (isDay(value)) return inFilters('from').set(view, value);
      notes.reject(t('link.why.day'));
      return view;
    },
    write: ({ filters: { from, to } }) => (inOrder(from, to) ? validDay(from) : null),
    arbitrary: (fc) =>
      fc.option(dayArb(fc)).map((from) => (view) => inFilters('from').set(view, from)),
  },
  {
    name: 'to',
    read(value, view, notes) {
      if (!isDay(value)) {
        notes.reject(t('link.why.day'));
        return view;
      }
      const { from } = view.filters;
      if (from !== null && isDayAfter(from, value)) {
        notes.note(t('link.fromAfterTo', { from, to: value }));
        return inFilters('from').set(view, null);
      }
      return inFilters('to').set(view, value);
    },
    write: ({ filters: { from, to } }) => (inOrder(from, to) ? validDay(to) : null),
    // With `from` already drawn: two days are put in order, as a valid view holds them.
    arbitrary: (fc) =>
      fc.option(dayArb(fc)).map((to) => (view) => {
        const { from } = view.filters;
        if (from === null || to === null || !isDayAfter(from, to))
          return inFilters('to').set(view, to);
        return { ...view, filters: { ...view.filters, from: to, to: from } };
      }),
  },
];

function inOrder(from: string | null, to: string | null): boolean {
  const a = validDay(from);
  const b = validDay(to);
  return a === null || b === null || !isDayAfter(a, b);
}

const DECIMAL_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const MAX_MS = 8.64e15;

// ---------------------------------------------------------------------------------------------
// The table

export const LINK_PARAMS: readonly LinkParam[] = [
  param('event', inView('event'), {
    parse(value, notes) {
      if (isSlug(value)) return value;
      notes.reject(t('link.why.eventId', { rule: t('link.why.idRule') }));
      return undefined;
    },
    build: (event) => (event !== null && isSlug(event) ? event : null),
    arbitrary: (fc) => fc.option(slugArb(fc)),
  }),
  param('data', inView('data'), {
    parse(value, notes) {
      if (isDataUrl(value)) return value;
      notes.reject(t('link.why.data', { local: 'local:<id>' }));
      return undefined;
    },
    build: (data) => (data !== null && isDataUrl(data) ? data : null),
    arbitrary: (fc) =>
      fc.option(
        fc.oneof(
          fc.webUrl({ withQueryParameters: true, withFragments: true }),
          fc.webPath().filter((p) => p.startsWith('/') && !p.startsWith('//')),
          fc.webSegment().map((p) => `./${p}`),
        ),
      ),
  }),
  {
    // The column mapping a table is read with: meaningful only with `data`, read after it.
    name: 'cols',
    read(value, view, notes) {
      const mapping = parseMapping(value);
      if (typeof mapping === 'string') notes.reject(mapping);
      else if (view.data === null) notes.reject(t('link.why.cols'));
      else {
        const cols = formatMapping(mapping);
        if (cols) return { ...view, cols };
      }
      return view;
    },
    write(view) {
      if (view.data === null || !isDataUrl(view.data) || !view.cols) return null;
      const mapping = parseMapping(view.cols);
      return typeof mapping === 'string' ? null : formatMapping(mapping) || null;
    },
    arbitrary: (fc) =>
      fc
        .option(
          fc
            .uniqueArray(
              fc.record({
                field: fc.constantFrom('title', 'start', 'summary', 'place', 'lat'),
                column: fc
                  .string({ minLength: 1, maxLength: 12 })
                  .filter((c) => c.trim() === c && c !== ''),
              }),
              { minLength: 1, maxLength: 4, selector: (p) => p.field },
            )
            .map((pairs) =>
              formatMapping(Object.fromEntries(pairs.map((p) => [p.field, [p.column]]))),
            ),
        )
        .map((cols) => (view: ViewState) => {
          if (cols === null || view.data === null) return view;
          return { ...view, cols };
        }),
  },
  param('q', inFilters('q'), {
    parse(value, notes) {
      const q = normaliseQuery(value);
      if (q.length < toWellFormed(value).length) {
        notes.note(
          t('link.shortenedQ', {
            value: `"${clip(value)}"`,
            max: formatCount(MAX_Q_LENGTH),
            length: formatCount(value.length),
          }),
        );
      }
      return q;
    },
    build: normaliseQuery,
    arbitrary: (fc) =>
      fc
        .oneof(
          fc.string(),
          fc.string({ unit: 'grapheme', maxLength: 250 }),
          fc.string({
            unit: fc.constantFrom('&', '#', '+', '%', ' ', '=', '?', 'a', 'é', '😀', ',', '..'),
          }),
        )
        .map((s) => s.trim())
        .filter((s) => s.length <= MAX_Q_LENGTH),
  }),
  param('actors', inFilters('actors'), {
    parse: (value, notes) =>
      dedupe(
        parseList(
          'actors',
          value,
          isSlug,
          () => t('link.why.actorIds', { rule: t('link.why.idRule') }),
          notes,
        ),
      ),
    build: (actors) => dedupe(actors.filter(isSlug)).join(','),
    arbitrary: (fc) => fc.uniqueArray(slugArb(fc), { maxLength: 6 }),
  }),
  param('match', inFilters('actorMode'), {
    parse(value, notes) {
      if (value === 'all' || value === 'any') return value;
      notes.reject(t('link.why.allOrAny'));
      return undefined;
    },
    build: (mode) => (mode === 'all' ? 'all' : null),
    arbitrary: (fc) => fc.constantFrom('any' as const, 'all' as const),
  }),
  flag('members', inFilters('includeMembers')),
  param('role', inFilters('role'), {
    parse(value, notes) {
      const found = ROLES.find((r) => r === value);
      if (!found) notes.reject(t('link.why.oneOf', { values: ROLES.join(', ') }));
      return found;
    },
    build: (role) => (role !== null && ROLES.includes(role) ? role : null),
    arbitrary: (fc) => fc.option(fc.constantFrom(...ROLES)),
  }),
  enumList('types', inFilters('types'), EVENT_TYPES),
  enumList('status', inFilters('statuses'), EVENT_STATUSES),
  enumList('claims', inFilters('claims'), CLAIM_STATUSES),
  ...dayParams,
  // How an event of uncertain date meets the range: written only for "whole span inside".
  flag('within', inFilters('dateWithin')),
  param('t', inView('window'), {
    parse(value, notes) {
      const ends = value.split('..');
      const start = ends.length === 2 ? parseInstant((ends[0] ?? '').trim()) : NaN;
      const end = ends.length === 2 ? parseInstant((ends[1] ?? '').trim()) : NaN;
      if (Number.isNaN(start) || Number.isNaN(end)) {
        notes.reject(t('link.why.window'));
      } else if (end - start < MIN_WINDOW_MS) {
        notes.reject(t('link.why.windowShort'));
      } else if (end - start > MAX_WINDOW_MS) {
        notes.reject(t('link.why.windowLong'));
      } else {
        return { start, end };
      }
      return undefined;
    },
    build(window) {
      if (!window) return null;
      const w = roundWindow(window);
      return isValidWindow(w) ? `${formatInstant(w.start)}..${formatInstant(w.end)}` : null;
    },
    arbitrary: (fc) =>
      fc.option(
        fc
          .tuple(
            fc.integer({ min: -MAX_MS / 60_000, max: MAX_MS / 60_000 - 1 }),
            fc.oneof(
              fc.integer({ min: 1, max: 60 * 24 * 366 }),
              fc.integer({ min: 1, max: Math.floor(MAX_WINDOW_MS / 60_000) }),
            ),
          )
          .map(([startMin, spanMin]) => ({
            start: startMin * 60_000,
            end: (startMin + spanMin) * 60_000,
          }))
          .filter((w) => w.end <= MAX_MS),
      ),
  }),
  param('map', inView('map'), {
    parse(value, notes) {
      const parts = value.split(',').map((p) => p.trim());
      if (parts.length !== 3 || !parts.every((p) => DECIMAL_RE.test(p))) {
        notes.reject(t('link.why.map'));
        return undefined;
      }
      const [lat, lon, zoom] = parts.map(Number) as [number, number, number];
      if (Math.abs(lat) > 90) notes.reject(t('link.why.latitude'));
      else if (Math.abs(lon) > 180) notes.reject(t('link.why.longitude'));
      else if (!(zoom >= 0 && zoom <= MAX_ZOOM)) {
        notes.reject(t('link.why.zoom', { max: formatCount(MAX_ZOOM) }));
      } else return roundMapView({ lat, lon, zoom });
      return undefined;
    },
    build(map) {
      if (!map || !isValidMapView(map)) return null;
      const m = roundMapView(map);
      return `${m.lat.toFixed(4)},${m.lon.toFixed(4)},${m.zoom}`;
    },
    arbitrary: (fc) =>
      fc.option(
        fc
          .record({
            lat: fc.double({ min: -90, max: 90, noNaN: true }),
            lon: fc.double({ min: -180, max: 180, noNaN: true }),
            zoom: fc.double({ min: 0, max: MAX_ZOOM, noNaN: true }),
          })
          .map(roundMapView),
      ),
  }),
  ...SOURCE_PARAMS,
  ...AREA_PARAMS,
  ...PLAYBACK_PARAMS,
  ...STORY_PARAMS,
  ...LANGUAGE_PARAMS,
  ...LANES_PARAMS,
  ...EMBED_PARAMS,
];
