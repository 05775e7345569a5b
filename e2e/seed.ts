// The seed dataset as the file says it (not as the app resolves it), read from disk so tests and
// page objects follow the data, and the small rules over it that several specs need (the map's
// place key, time order, events by place).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LOCALE } from './chromium';

export const DATASET_FILE = 'gaza-ceasefire-2025-02.json';
/** The URL pattern the app fetches the seed from; `page.route` uses it to serve variants. */
export const DATASET_URL_PATTERN = `**/data/${DATASET_FILE}`;

export interface SeedPlace {
  id?: string;
  name: string;
  lat: number;
  lon: number;
  precision: string;
}

export interface SeedEvidence {
  source: string;
  quote: string;
  start: number;
  end: number;
}

export interface SeedEvent {
  id: string;
  title: string;
  type: string;
  status: 'occurred' | 'scheduled' | 'expected';
  time: {
    start: string;
    end?: string;
    precision: string;
    approximate?: boolean;
    text?: string;
  };
  place?: string | SeedPlace | null;
  actors?: Array<{ actor: string; role: string }>;
  claim: { by: string; status: 'claimed' | 'reported' | 'confirmed' | 'disputed' };
  evidence?: SeedEvidence[];
}

export interface SeedDataset {
  format: string;
  title: string;
  actors: Array<{ id: string; name: string }>;
  places: Array<SeedPlace & { id: string }>;
  sources: Array<{ id: string; title: string; publisher: string; text?: string }>;
  events: SeedEvent[];
}

const SEED_PATH = fileURLToPath(new URL(`../public/data/${DATASET_FILE}`, import.meta.url));

/** A fresh copy of the seed dataset each call, so a test may change it freely. */
export function readSeed(): SeedDataset {
  return JSON.parse(readFileSync(SEED_PATH, 'utf8')) as SeedDataset;
}

export const seed: SeedDataset = readSeed();

/** The key the map uses for an event's place (the rule of src/model/load.ts), or null. */
export function placeKeyOf(e: SeedEvent): string | null {
  if (!e.place) return null;
  if (typeof e.place === 'string') return e.place;
  const { lat, lon, precision, name } = e.place;
  return e.place.id ?? `@${lat.toFixed(5)},${lon.toFixed(5)}:${precision}:${name}`;
}

/** Event ids by place key, in file order. */
export function eventsByPlace(events: readonly SeedEvent[] = seed.events): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const e of events) {
    const key = placeKeyOf(e);
    if (key === null) continue;
    groups.set(key, [...(groups.get(key) ?? []), e.id]);
  }
  return groups;
}

/** The events in the order every view shows them: by earliest moment, then file order. */
export function inTimeOrder(events: readonly SeedEvent[] = seed.events): SeedEvent[] {
  return events
    .map((e, index) => ({ e, index, at: Date.parse(e.time.start) }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map(({ e }) => e);
}

/** The first event that passes `test`; fails loudly when the data has none. */
export function findEvent(what: string, test: (e: SeedEvent) => boolean): SeedEvent {
  const found = seed.events.find(test);
  if (!found) throw new Error(`the seed dataset has no ${what}`);
  return found;
}

/** An event that has a place, so it shows on the map (the first such in file order). */
export function placedEvent(): SeedEvent & { placeKey: string } {
  const e = findEvent('event with a place', (x) => placeKeyOf(x) !== null);
  return { ...e, placeKey: placeKeyOf(e) ?? '' };
}

/** The place whose marker holds exactly one event, and that event's id. */
export function singleEventPlace(): { placeKey: string; eventId: string } | undefined {
  for (const [placeKey, ids] of eventsByPlace())
    if (ids.length === 1 && ids[0]) return { placeKey, eventId: ids[0] };
  return undefined;
}

/** "1 event", "16 events": how the app counts events. */
export function eventsText(n: number): string {
  return n === 1 ? '1 event' : `${n} events`;
}

/** A UTC day as the app writes it in the tests' locale (e2e/chromium.ts): "27 Feb 2025". */
export function dayWords(isoDay: string): string {
  return new Intl.DateTimeFormat(LOCALE, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(Date.parse(`${isoDay}T00:00:00Z`));
}
