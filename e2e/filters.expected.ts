// What the filters should show, computed from the seed file alone: a small, plain model of the
// documented rules (README, "Filter"), written without the app's code, so that a test fails
// when the app filters differently. Every rule here is the one a user is told:
//
// - actors: "any of" (at least one picked actor) or "all of" (every picked actor), each picked
//   actor standing, with "include members", for itself and everything `memberOf` it at any depth;
//   a role keeps only the links in that role (and on its own, events with any link in that role);
// - type, status and claim status: any of the values picked in a facet, and every facet at once;
// - dates: inclusive UTC days; an event is in when its possible span overlaps the range, or with
//   "whole span inside", when all of it is in the range;
// - text: every word of the query, case- and accent-insensitively, as a word or the start of a
//   word (and, for words longer than four letters, a word one edit away per five letters) in the
//   title, the summary, the quotes, the names and aliases of its actors or its place's name;
// - each facet counts the events that pass every *other* filter.
import { seed, type SeedDataset, type SeedEvent } from './seed';

/** The seed's fields that fixtures.ts does not type, read here for the filters. */
export interface FilterSeedActor {
  id: string;
  name: string;
  aliases?: string[];
  memberOf?: string;
}

export type FilterSeedEvent = SeedEvent & { summary?: string };

export type FilterSeed = Omit<SeedDataset, 'actors' | 'events'> & {
  actors: FilterSeedActor[];
  events: FilterSeedEvent[];
};

/** A state of the filters, as a user sets it in the panel. Missing fields are off. */
export interface FilterSpec {
  actors?: readonly string[];
  mode?: 'any' | 'all';
  members?: boolean;
  role?: string | null;
  types?: readonly string[];
  statuses?: readonly string[];
  claims?: readonly string[];
  from?: string | null;
  to?: string | null;
  /** Only events whose whole possible span is inside the range. */
  within?: boolean;
  q?: string;
}

/** Whether the spec narrows anything (a role on its own does). */
export function isFiltering(f: FilterSpec): boolean {
  return (
    !!f.actors?.length ||
    !!f.role ||
    !!f.types?.length ||
    !!f.statuses?.length ||
    !!f.claims?.length ||
    !!f.from ||
    !!f.to ||
    !!f.q?.trim()
  );
}

type Dimension = 'actors' | 'types' | 'statuses' | 'claims' | 'dates' | 'text';
export type Facet = 'types' | 'statuses' | 'claims';
export const TEXT_FIELDS = ['title', 'summary', 'quotes', 'actors', 'place'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

const DAY = 86_400_000;

const facetValue: Record<Facet, (e: SeedEvent) => string> = {
  types: (e) => e.type,
  statuses: (e) => e.status,
  claims: (e) => e.claim.status,
};

// --- Time --------------------------------------------------------------------------------------

/** First and last millisecond of a year, month or day written as "2025", "2025-02", "2025-02-27". */
function unitSpan(text: string): [number, number] {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!m) throw new Error(`the filter model reads years, months and days only, not “${text}”`);
  const [y, mo, d] = [Number(m[1]), m[2] && Number(m[2]), m[3] && Number(m[3])];
  if (!mo) return [Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1) - 1];
  if (!d) return [Date.UTC(y, mo - 1, 1), Date.UTC(y, mo, 1) - 1];
  return [Date.UTC(y, mo - 1, d), Date.UTC(y, mo - 1, d + 1) - 1];
}

/** The whole span an event's date may cover, [earliest, latest] in epoch ms. */
export function possibleSpan(e: SeedEvent): [number, number] {
  const [earliest] = unitSpan(e.time.start);
  const [, latest] = unitSpan(e.time.end ?? e.time.start);
  return [earliest, latest];
}

/** A UTC day as the date inputs write it, "2025-02-27". */
export const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

function inDates(e: SeedEvent, f: FilterSpec) {
  const [earliest, latest] = possibleSpan(e);
  const lo = f.from ? Date.parse(`${f.from}T00:00:00Z`) : -Infinity;
  const hi = f.to ? Date.parse(`${f.to}T00:00:00Z`) + DAY - 1 : Infinity;
  return f.within ? earliest >= lo && latest <= hi : latest >= lo && earliest <= hi;
}

// --- Text --------------------------------------------------------------------------------------

/** Lower case without accents: "Égypte" → "egypte". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of a text: split at spaces and punctuation, folded. */
export function words(text: string): string[] {
  return text
    .split(/[\n\r\p{Z}\p{P}]+/u)
    .map(fold)
    .filter((w) => w !== '');
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(
        (row[j] ?? 0) + 1,
        (next[j - 1] ?? 0) + 1,
        (row[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    row = next;
  }
  return row[b.length] ?? 0;
}

/** Whether a query word finds a word of the text. */
export function wordMatches(term: string, word: string): boolean {
  if (word.startsWith(term)) return true;
  return term.length > 4 && editDistance(term, word) <= Math.round(term.length * 0.2);
}

// --- The model ---------------------------------------------------------------------------------

/** The filter rules applied to one dataset (the seed, or a variant a test serves). */
export class FilterModel {
  constructor(readonly data: FilterSeed) {}

  actor(id: string): FilterSeedActor {
    const actor = this.data.actors.find((a) => a.id === id);
    if (!actor) throw new Error(`the dataset has no actor “${id}”`);
    return actor;
  }

  event(id: string): FilterSeedEvent {
    const event = this.data.events.find((e) => e.id === id);
    if (!event) throw new Error(`the dataset has no event “${id}”`);
    return event;
  }

  /** Every actor that is a member of `id`, directly or through other members, in file order. */
  membersOf(id: string): FilterSeedActor[] {
    const found = new Set<string>([id]);
    for (let grew = true; grew;) {
      grew = false;
      for (const a of this.data.actors)
        if (a.memberOf !== undefined && found.has(a.memberOf) && !found.has(a.id)) {
          found.add(a.id);
          grew = true;
        }
    }
    return this.data.actors.filter((a) => a.id !== id && found.has(a.id));
  }

  /** The actor ids a picked actor stands for. */
  private standsFor(id: string, members: boolean): Set<string> {
    return new Set([id, ...(members ? this.membersOf(id).map((a) => a.id) : [])]);
  }

  /** The searchable text of an event, field by field. */
  searchableText(e: FilterSeedEvent): Record<TextField, string> {
    const names = (e.actors ?? []).flatMap(({ actor }) => {
      const a = this.data.actors.find((x) => x.id === actor);
      return a ? [a.name, ...(a.aliases ?? [])] : [];
    });
    const place =
      typeof e.place === 'string'
        ? this.data.places.find((p) => p.id === e.place)?.name
        : e.place?.name;
    return {
      title: e.title,
      summary: e.summary ?? '',
      quotes: (e.evidence ?? []).map((q) => q.quote).join(' '),
      actors: names.join(' '),
      place: place ?? '',
    };
  }

  /** Whether every word of `q` finds a word in the event's text (in `fields`, by default all). */
  matchesText(e: FilterSeedEvent, q: string, fields?: readonly TextField[]): boolean {
    const text = this.searchableText(e);
    const all = (fields ?? TEXT_FIELDS).flatMap((f) => words(text[f]));
    return words(q).every((t) => all.some((w) => wordMatches(t, w)));
  }

  private linksIn(e: SeedEvent, actors: Set<string> | null, role: string | null | undefined) {
    return (e.actors ?? []).some(
      (l) => (actors === null || actors.has(l.actor)) && (!role || l.role === role),
    );
  }

  private passesActors(e: SeedEvent, f: FilterSpec): boolean {
    const picked = f.actors ?? [];
    if (picked.length === 0) return f.role ? this.linksIn(e, null, f.role) : true;
    const groups = picked.map((id) => this.standsFor(id, f.members ?? false));
    const hit = (g: Set<string>) => this.linksIn(e, g, f.role);
    return f.mode === 'all' ? groups.every(hit) : groups.some(hit);
  }

  private passes(e: FilterSeedEvent, f: FilterSpec, except?: Dimension): boolean {
    const checks: Record<Dimension, () => boolean> = {
      actors: () => this.passesActors(e, f),
      types: () => !f.types?.length || f.types.includes(e.type),
      statuses: () => !f.statuses?.length || f.statuses.includes(e.status),
      claims: () => !f.claims?.length || f.claims.includes(e.claim.status),
      dates: () => inDates(e, f),
      text: () => !f.q?.trim() || this.matchesText(e, f.q),
    };
    return (Object.keys(checks) as Dimension[]).every((d) => d === except || checks[d]());
  }

  /** The events the filters should show, in file order. */
  events(f: FilterSpec): FilterSeedEvent[] {
    return this.data.events.filter((e) => this.passes(e, f));
  }

  ids(f: FilterSpec): string[] {
    return this.events(f).map((e) => e.id);
  }

  /** The count beside an actor: events passing the other filters with that actor (in the role). */
  actorCount(f: FilterSpec, actorId: string): number {
    const group = this.standsFor(actorId, f.members ?? false);
    return this.data.events.filter(
      (e) => this.passes(e, f, 'actors') && this.linksIn(e, group, f.role),
    ).length;
  }

  /** The count beside a value of the type, status or claim facet, under the other filters. */
  facetCount(f: FilterSpec, facet: Facet, value: string): number {
    return this.data.events.filter(
      (e) => this.passes(e, f, facet) && facetValue[facet](e) === value,
    ).length;
  }

  /** The values of a facet that the dataset's events have, in first-seen order. */
  facetValues(facet: Facet): string[] {
    return [...new Set(this.data.events.map(facetValue[facet]))];
  }
}

/** The model of the seed dataset. */
export const model = new FilterModel(seed as FilterSeed);

/**
 * A word (five letters or more) that finds some but not all events, and only through `field`:
 * searching it proves that field is searched. `candidates` narrows where the word comes from
 * (say, only actors' aliases); by default, any word of that field.
 */
export function wordOnlyIn(
  field: TextField,
  candidates?: readonly string[],
  m: FilterModel = model,
): string {
  const others = TEXT_FIELDS.filter((f) => f !== field);
  const pool =
    candidates?.flatMap(words) ?? m.data.events.flatMap((e) => words(m.searchableText(e)[field]));
  const found = [...new Set(pool)]
    .filter((w) => w.length >= 5)
    .find((w) => {
      const hits = m.data.events.filter((e) => m.matchesText(e, w)).length;
      return (
        hits > 0 &&
        hits < m.data.events.length &&
        !m.data.events.some((e) => m.matchesText(e, w, others))
      );
    });
  if (!found) throw new Error(`the dataset has no word that only its ${field} field has`);
  return found;
}
