// The Dateline field vocabulary (id, title, summary, type, start, end, precision, approximate,
// time_text, status, place, place_precision, actors, claim_by, claim_status, tags), read from one
// item: a Dateline CSV row or a GeoJSON feature's properties. Missing fields get defaults; values
// it cannot use are reported and kept in `extra`; a row with no usable date is rejected.
import {
  CLAIM_STATUSES,
  EVENT_STATUSES,
  EVENT_TYPES,
  MediaSchema,
  PLACE_PRECISIONS,
  ROLES,
  type Media,
  type Role,
} from '../model/schema';
import { PRECISIONS, type Precision } from '../model/time';
import { alignTime, readDate, type DateValue } from './dates';
import type { Draft, Origin, Where } from './draft';
import { htmlToText } from './html';
import type { PlacePrecision } from './place';
import { text, type Field, type FieldRecord } from './record';
import { isSlug, slugify } from './slug';
import type { RawEvent } from './types';

/** The columns of a Dateline CSV, in the order the export writes them. */
export const DATELINE_COLUMNS = [
  'id',
  'title',
  'summary',
  'type',
  'start',
  'end',
  'precision',
  'approximate',
  'time_text',
  'status',
  'place',
  'lat',
  'lon',
  'place_precision',
  'actors',
  'claim_by',
  'claim_status',
  'tags',
] as const;

export type FieldName = (typeof DATELINE_COLUMNS)[number] | 'summary_html' | 'media';

export interface ReadOptions {
  /** The row (or item number) that makes generated ids unique: "talks-begin-12". */
  position: number;
  /** Other names a file may use for a field, e.g. GeoJSON's `name` for `title`. */
  aliases?: Partial<Record<FieldName, string[]>>;
  /** Where the time is when the item has no `start` (GeoJSON's Linked Places `when`). */
  fallbackTime?: { start: Field; end?: Field; approximate: boolean };
}

export interface EventFields {
  /** The event, with no place yet and `extra` holding every field it has no place for. */
  event: RawEvent;
  place: { name: string; key: string; where: Where; precision?: PlacePrecision };
}

const TRUE = new Set(['true', 'yes', 'y', '1', 'x']);
const FALSE = new Set(['false', 'no', 'n', '0']);

/** Dateline's id rule for imports: a slug as given, a slugified id, or title + position. */
function eventId(given: string, title: string, position: number): string {
  if (isSlug(given)) return given;
  const fromGiven = slugify(given, 120);
  if (fromGiven) return fromGiven;
  return `${slugify(title) || 'event'}-${position}`;
}

/** "Qatar:mediator" → Qatar as mediator; a name with no known role suffix is a party. */
export function readActorToken(token: string): { name: string; role: Role; unknownRole?: string } {
  const colon = token.lastIndexOf(':');
  if (colon > 0) {
    const suffix = token.slice(colon + 1).trim();
    const name = token.slice(0, colon).trim();
    const role = suffix.toLowerCase();
    if ((ROLES as readonly string[]).includes(role)) return { name, role: role as Role };
    if (/^[a-z][a-z-]*$/.test(suffix)) return { name, role: 'party', unknownRole: suffix };
  }
  return { name: token.trim(), role: 'party' };
}

/** A list written as `a; b; c`, or a JSON array. */
function list(field: Field | undefined): unknown[] {
  const v = field?.value;
  if (Array.isArray(v)) return v;
  const s = text(field);
  return s ? s.split(';') : [];
}

export function isMediaList(value: unknown): value is Media[] {
  return (
    Array.isArray(value) && value.length > 0 && value.every((m) => MediaSchema.safeParse(m).success)
  );
}

/** Reads one item's Dateline fields; null when the item was rejected (its date is unusable). */
export function readEventFields(
  rec: FieldRecord,
  draft: Draft,
  origin: Origin,
  opts: ReadOptions,
): EventFields | null {
  const take = (name: FieldName) => rec.take(name, ...(opts.aliases?.[name] ?? []));
  const extra: Record<string, string> = {};
  const keep = (field: Field) => (extra[field.key] = text(field));

  const summaryHtml = text(take('summary_html')) || undefined;
  const summary = text(take('summary')) || (summaryHtml ? htmlToText(summaryHtml) : '');
  const titleField = take('title');
  let title = text(titleField);
  const idField = take('id');
  const given = text(idField);
  if (!title) {
    title = summary ? cutAtWord(summary.split('\n')[0]!, 80) : 'Untitled event';
  }
  const id = eventId(given, title, opts.position);
  const at = (field: Field | undefined, fallback: string): Where & { id: string } => ({
    ...(field?.where ?? { field: fallback }),
    id,
  });
  if (!text(titleField)) {
    draft.warn(origin, `no title; using “${title}”`, at(titleField, 'title'));
  }
  if (given && given !== id) {
    draft.warn(origin, `id “${given}” is not a lowercase slug; using “${id}”`, at(idField, 'id'));
  }

  // Time: the row is rejected without a usable start.
  let startField = take('start');
  let endField = take('end');
  let approximate = false;
  if (!text(startField) && opts.fallbackTime) {
    ({ start: startField, end: endField, approximate } = opts.fallbackTime);
  }
  let startText = text(startField);
  let endText = text(endField);
  const interval = /^([^/]+)\/([^/]+)$/.exec(startText);
  if (interval && !endText) [startText, endText] = [interval[1]!, interval[2]!];
  if (!startText) {
    draft.reject(origin, 'no date: the event needs a start', at(startField, 'start'));
    return null;
  }
  const start = readDate(startText);
  if (typeof start === 'string') {
    draft.reject(origin, start, at(startField, 'start'));
    return null;
  }
  let end: DateValue | undefined;
  if (endText) {
    const read = readDate(endText);
    if (typeof read === 'string') {
      draft.reject(origin, read, at(endField ?? startField, 'end'));
      return null;
    }
    end = read;
  }
  const aligned = alignTime(start, end);
  if (aligned.coarsened) {
    draft.warn(
      origin,
      `start and end are written to different precisions; both are read to the ${aligned.precision}`,
      at(aligned.coarsened === 'start' ? startField : endField, aligned.coarsened),
    );
  }
  let precision: Precision = aligned.precision;
  const precisionField = take('precision');
  const statedPrecision = text(precisionField).toLowerCase();
  if (statedPrecision) {
    if ((PRECISIONS as readonly string[]).includes(statedPrecision)) {
      precision = statedPrecision as Precision;
    } else {
      draft.warn(
        origin,
        `precision “${text(precisionField)}” is not one of ${PRECISIONS.join(', ')}; using ${precision}, read from the date`,
        at(precisionField, 'precision'),
      );
      keep(precisionField!);
    }
  }
  const approximateField = take('approximate');
  if (approximateField && (typeof approximateField.value === 'boolean' || text(approximateField))) {
    const stated = readBoolean(approximateField);
    if (stated === undefined) {
      draft.warn(
        origin,
        `approximate “${text(approximateField)}” is not yes or no; reading it as no`,
        at(approximateField, 'approximate'),
      );
      keep(approximateField);
      approximate = false;
    } else approximate = stated;
  }
  const timeText = text(take('time_text'));

  const choice = <T extends string>(name: FieldName, allowed: readonly T[], fallback: T): T => {
    const field = take(name);
    const value = text(field);
    if (!value) return fallback;
    const lower = value.toLowerCase();
    if ((allowed as readonly string[]).includes(lower)) return lower as T;
    draft.warn(
      origin,
      `${name} “${value}” is not one of ${allowed.join(', ')}; using “${fallback}” (the value is kept in extra)`,
      at(field, name),
    );
    keep(field!);
    return fallback;
  };
  const type = choice('type', EVENT_TYPES, 'other');
  const status = choice('status', EVENT_STATUSES, 'occurred');
  const claimStatus = choice('claim_status', CLAIM_STATUSES, 'reported');
  const placePrecision = choice<PlacePrecision | ''>('place_precision', PLACE_PRECISIONS, '');

  const placeField = take('place');
  const actorsField = take('actors');
  const actors: RawEvent['actors'] = [];
  for (const item of list(actorsField)) {
    const token = readActorItem(item);
    if (!token?.name) continue;
    if (token.unknownRole) {
      draft.warn(
        origin,
        `role “${token.unknownRole}” of ${token.name} is not one of ${ROLES.join(', ')}; using party`,
        at(actorsField, 'actors'),
      );
    }
    const actor = draft.actor(token.name, 'organisation');
    if (!actors.some((a) => a.actor === actor && a.role === token.role)) {
      actors.push({ actor, role: token.role });
    }
  }
  const tags = [
    ...new Set(list(take('tags')).map((t) => text({ value: t, key: '', where: {} }))),
  ].filter((t) => t !== '');

  const mediaField = take('media');
  let media: Media[] | undefined;
  if (mediaField && text(mediaField)) {
    if (isMediaList(mediaField.value)) media = mediaField.value;
    else {
      draft.warn(
        origin,
        'media must be a list of { url, caption, credit, thumbnail } with http(s) URLs; it is kept in extra',
        at(mediaField, 'media'),
      );
      keep(mediaField);
    }
  }

  const claimBy = text(take('claim_by'));
  const event: RawEvent = {
    id,
    title,
    summary,
    ...(summaryHtml && { summaryHtml }),
    ...(media && { media }),
    type,
    time: {
      start: aligned.start,
      ...(aligned.end !== undefined && { end: aligned.end }),
      precision,
      approximate,
      ...(timeText && { text: timeText }),
    },
    status,
    place: null,
    actors,
    claim: { by: claimBy ? '' : draft.fileSource(), status: claimStatus },
    tags,
  };
  if (claimBy) draft.claimBy(event, claimBy);
  Object.assign(extra, rec.rest());
  if (Object.keys(extra).length > 0) event.extra = extra;
  return {
    event,
    place: {
      name: text(placeField),
      key: placeField?.key ?? 'place',
      where: placeField?.where ?? {},
      ...(placePrecision && { precision: placePrecision }),
    },
  };
}

function readBoolean(field: Field | undefined): boolean | undefined {
  if (typeof field?.value === 'boolean') return field.value;
  const value = text(field).toLowerCase();
  if (value === '' || FALSE.has(value)) return false;
  return TRUE.has(value) ? true : undefined;
}

function readActorItem(item: unknown): { name: string; role: Role; unknownRole?: string } | null {
  if (typeof item === 'string') return readActorToken(item);
  if (typeof item === 'object' && item !== null && 'name' in item) {
    const { name, role } = item as { name: unknown; role?: unknown };
    if (typeof name !== 'string') return null;
    return readActorToken(typeof role === 'string' ? `${name}:${role}` : name);
  }
  return null;
}

function cutAtWord(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
