// timemap (Forensic Architecture; Bellingcat's Civilian Harm in Ukraine) exports: a JSON array of
// events with `id`, `description`, `date` (MM/DD/YYYY unless the instance was configured
// otherwise), `time`, `location`, `latitude`, `longitude`, `sources` (ids, or Bellingcat's
// `{ id, path, description }`) and `associations` (filter paths) or Bellingcat's `filters`
// (`{ key, value }`). Associations that name who acted become actors; the others become tags.
import { readClock, readDateColumn, toEventTime, type DateValue } from './dates';
import { baseName, Draft, type Imported, type Origin } from './draft';
import { EventIds, hostOf } from './eventIds';
import { hasMarkup, htmlToText } from './html';
import { setOwn } from '../model/own';
import { readPlace } from './place';
import { fieldLocator, ObjectRecord, text } from './record';
import { slugify } from './slug';
import type { ImportOptions, RawEvent } from './types';
import { quote } from '../model/quote';
import { safeJson } from '../model/nesting';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Whether a JSON array is a timemap export rather than any array of objects: its first object
 * has a description, a date or coordinates, and sources or associations as arrays.
 */
export function looksLikeTimemap(items: readonly unknown[]): boolean {
  const first = items.find(isRecord);
  if (!first) return false;
  return (
    'description' in first &&
    ('date' in first || 'latitude' in first) &&
    ['associations', 'filters', 'sources'].some((k) => Array.isArray(first[k]))
  );
}

/** An association whose filter names who acted ("Perpetrator/Russian forces") is an actor. */
const ACTOR_KEY =
  /\b(?:actors?|perpetrators?|part(?:y|ies)|forces?|units?|army|armed groups?|responsib\w*|attackers?)\b/i;

const FIELD_RULES = [
  ['time.start', 'date'],
  ['time.text', 'time_display'],
  ['time', 'date'],
  ['title', 'description'],
  ['summary', 'description'],
  ['place.lat', 'latitude'],
  ['place.lon', 'longitude'],
  ['place', 'location'],
  ['claim', 'sources'],
  ['actors', 'associations'],
  ['tags', 'associations'],
  ['id', 'id'],
] as const;

const pad = (n: number) => String(n).padStart(2, '0');

export function importTimemap(items: readonly unknown[], opts: ImportOptions): Imported {
  const draft = new Draft('timemap-json', opts, fieldLocator(FIELD_RULES));
  draft.title = baseName(opts.fileName);
  // timemap writes dates month first (its default DATE_FMT) unless an instance was set up
  // otherwise: the column's own values decide, month first when they cannot.
  const dates = readDateColumn(
    items.map((item) => (isRecord(item) ? text({ value: item.date, key: '', where: {} }) : '')),
    { column: 'date', convention: 'mdy' },
  );
  for (const warning of dates.warnings) {
    draft.warn({ collection: 'dataset' }, warning, { field: 'date' });
  }
  const ids = new EventIds();
  items.forEach((item, i) => {
    draft.progress(i, items.length);
    const origin: Origin = { collection: 'events', index: i };
    if (!isRecord(item)) {
      draft.reject(origin, 'a timemap event must be an object');
      return;
    }
    const read = readEvent(new ObjectRecord(item), draft, origin, i, dates.values[i]!, ids);
    if (read) draft.add(read.event, origin, read.sources);
  });
  return draft.load();
}

function readEvent(
  rec: ObjectRecord,
  draft: Draft,
  origin: Origin,
  index: number,
  day: DateValue | string,
  ids: EventIds,
): { event: RawEvent; sources: string[] } | null {
  const description = text(rec.take('description'));
  const summary = hasMarkup(description) ? htmlToText(description) : description;
  const firstLine = summary.split(/\n|(?<=[.!?])\s/)[0]!.trim();
  const title =
    firstLine.length > 100 ? `${firstLine.slice(0, 99).replace(/\s+\S*$/, '')}…` : firstLine;
  const id = ids.take(
    text(rec.take('id')),
    `${slugify(title) || 'event'}-${index + 1}`,
    { label: `events[${index}]`, n: index + 1 },
    draft,
    origin,
    { field: 'id' },
  );
  const at = (field: string) => ({ field, id });

  const dateField = rec.take('date');
  const date = text(dateField);
  if (!date) {
    draft.reject(origin, 'no date: “date” is empty', at('date'));
    return null;
  }
  if (typeof day === 'string') {
    draft.reject(origin, day, at('date'));
    return null;
  }
  const read = toEventTime(day);
  let { start, precision } = read;
  const time = text(rec.take('time'));
  if (time && precision === 'day' && read.end === undefined) {
    const clock = readClock(time);
    if (typeof clock === 'string') {
      draft.warn(origin, `${clock}; the day is kept without it`, at('time'));
    } else {
      start += `T${pad(clock.hour)}:${pad(clock.minute ?? 0)}`;
      precision = 'minute';
    }
  }
  const display = text(rec.take('time_display'));

  const location = text(rec.take('location'));
  const lat = rec.take('latitude');
  const lon = rec.take('longitude');
  const place = readPlace(
    {
      name: location,
      lat: lat?.value,
      lon: lon?.value,
      where: {
        name: { field: 'location' },
        lat: { field: 'latitude' },
        lon: { field: 'longitude' },
      },
      id,
    },
    draft,
    origin,
  );
  if (!place.ok) return null;

  const extra: Record<string, unknown> = {};
  const sourcesField = rec.take('sources');
  const sources = readSources(sourcesField?.value, draft, origin, id);
  const listed = sourceList(sourcesField?.value);
  if (listed) extra.sources = listed;
  const { actors, tags } = readAssociations(rec, draft, origin, id, extra);
  // A text field: tags in it are read as text once, and the field is kept as written.
  if (summary !== description) extra.description = description;
  if (place.unplaced) extra.location = location;
  for (const [key, value] of Object.entries(rec.rest() ?? {})) {
    if (value !== '[]') setOwn(extra, key, value);
  }

  const event: RawEvent = {
    id,
    title: title || location || `Event ${index + 1}`,
    summary,
    type: 'other',
    time: {
      start,
      ...(read.end !== undefined && { end: read.end }),
      precision,
      approximate: read.approximate,
      ...((display || read.text) && { text: display || read.text }),
    },
    status: 'occurred',
    place: place.place,
    actors,
    claim: { by: sources[0] ?? draft.fileSource(), status: 'reported' },
    tags,
  };
  if (Object.keys(extra).length > 0) event.extra = extra;
  return { event, sources };
}

/**
 * Every source of the event, one a line ("id · description · address"), kept in extra: a
 * Dateline event cites one source (its claim), and the others must stay tied to it, readable.
 */
function sourceList(value: unknown): string {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list
    .map((src) => {
      if (!isRecord(src)) return text({ value: src, key: '', where: {} });
      const parts = [src.id, src.description ?? src.title, src.path ?? src.url];
      const known = new Set(['id', 'description', 'title', 'path', 'url']);
      const more = Object.keys(src).filter((k) => !known.has(k));
      return [...parts, ...more.map((k) => `${k}: ${text({ value: src[k], key: k, where: {} })}`)]
        .map((v) => text({ value: v, key: '', where: {} }))
        .filter(Boolean)
        .join(' · ');
    })
    .filter(Boolean)
    .join('\n');
}

/** Each source becomes a Dateline source; the event is claimed by the first. */
function readSources(value: unknown, draft: Draft, origin: Origin, id: string): string[] {
  if (value === undefined || value === null || value === '') return [];
  const list = Array.isArray(value) ? value : [value];
  const out: string[] = [];
  list.forEach((src, i) => {
    if (typeof src === 'string' || typeof src === 'number') {
      const name = String(src).trim();
      if (!name) return;
      out.push(
        draft.source(name, {
          publisher: 'timemap source',
          note: 'The export names this source by its id only.',
        }),
      );
      return;
    }
    if (!isRecord(src)) {
      draft.warn(origin, `sources[${i}] is neither an id nor an object; it is kept in extra`, {
        field: `sources[${i}]`,
        id,
      });
      return;
    }
    const srcId = text({ value: src.id, key: '', where: {} });
    const url = text({ value: src.path ?? src.url, key: '', where: {} });
    const about = text({ value: src.description ?? src.title, key: '', where: {} });
    const host = hostOf(url);
    const http = host !== '';
    const name = srcId || url || about;
    if (!name) return;
    out.push(
      draft.source(name, {
        title: about || url || name,
        publisher: host || 'timemap source',
        ...(http && { url }),
        ...(!http && url && { note: `The export gives its path as ${quote(url)}.` }),
      }),
    );
  });
  return [...new Set(out)];
}

/** One association as a path of names: "Weapon/Cluster munitions", `{ key, value }`, `{ filter_paths }`. */
function pathOf(a: unknown): string[] | null {
  if (typeof a === 'string')
    return a
      .split('/')
      .map((s) => s.trim())
      .filter(Boolean);
  if (!isRecord(a)) return null;
  if (Array.isArray(a.filter_paths)) return a.filter_paths.map(String).filter(Boolean);
  if (a.key !== undefined || a.value !== undefined) {
    return [a.key, a.value].map((v) => text({ value: v, key: '', where: {} })).filter(Boolean);
  }
  const title = text({ value: a.title ?? a.id, key: '', where: {} });
  return title ? [title] : null;
}

function readAssociations(
  rec: ObjectRecord,
  draft: Draft,
  origin: Origin,
  id: string,
  extra: Record<string, unknown>,
): { actors: NonNullable<RawEvent['actors']>; tags: string[] } {
  const actors: NonNullable<RawEvent['actors']> = [];
  const tags: string[] = [];
  for (const key of ['associations', 'filters']) {
    const field = rec.take(key);
    if (field === undefined || field.value === null || field.value === '') continue;
    const list = Array.isArray(field.value) ? field.value : [field.value];
    const unread: unknown[] = [];
    for (const a of list) {
      const path = pathOf(a);
      if (!path || path.length === 0) {
        unread.push(a);
        continue;
      }
      const leaf = path.at(-1)!;
      if (path.length > 1 && path.slice(0, -1).some((p) => ACTOR_KEY.test(p))) {
        const actor = draft.actor(leaf, 'organisation');
        if (!actors.some((x) => x.actor === actor)) actors.push({ actor, role: 'party' });
      } else {
        const tag = path.join(': ');
        if (!tags.includes(tag)) tags.push(tag);
      }
    }
    if (unread.length > 0) {
      draft.warn(
        origin,
        `${unread.length} of ${key} could not be read as a filter; kept in extra`,
        {
          field: key,
          id,
        },
      );
      setOwn(extra, key, safeJson(unread));
    }
  }
  return { actors, tags };
}
