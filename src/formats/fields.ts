// The Dateline field vocabulary (id, title, summary, type, start, end, precision, approximate,
// time_text, status, place, place_precision, actors, claim_by, claim_status, tags), read from one
// item: a Dateline CSV row or a GeoJSON feature's properties. Missing fields get defaults; values
// it cannot use are reported and kept in `extra`; an item with no usable date is rejected.
import {
  CLAIM_STATUSES,
  EVENT_STATUSES,
  EVENT_TYPES,
  mediaSchema,
  PLACE_PRECISIONS,
  ROLES,
  type Media,
  type Role,
} from '../model/schema';
import { PRECISIONS, type Precision } from '../model/time';
import { headerKey } from './csv';
import {
  decideDateColumn,
  readDate,
  toEventTime,
  type DateValue,
  type DayOrder,
  type ReadDateOptions,
} from './dates';
import type { Draft, Origin, Where } from './draft';
import { cellText, hasMarkup, htmlToText } from './html';
import type { PlacePrecision } from './place';
import { text, type Field, type FieldRecord } from './record';
import { setOwn } from '../model/own';
import { isSlug, slugify } from './slug';
import type { RawEvent } from './types';
import { quote } from '../model/quote';

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
  /** How each date column or property is written, from `decideDateFields`. */
  dates?: DateFields;
  /** The row's year from a year column beside its dates (see `ReadDateOptions.yearHint`). */
  yearHint?: number;
  /**
   * Called for a `type` or `status` that is not a Dateline value; when it returns true the value
   * is kept in `extra` without a warning (the caller says it once for the file).
   */
  keepQuietly?: (name: FieldName, value: string) => boolean;
}

/** How each date field is written, keyed by its name compared case- and space-insensitively. */
export type DateFields = ReadonlyMap<string, ReadDateOptions>;

/** The names of the fields that hold an event's start or end, as the vocabulary and aliases say. */
export function dateKeys(aliases: ReadOptions['aliases'] = {}): Set<string> {
  return new Set(['start', 'end', ...(aliases.start ?? []), ...(aliases.end ?? [])]);
}

/** Each date column of a CSV (by header name) with all its cells. */
export function csvDateValues(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  keys: ReadonlySet<string>,
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  header.forEach((name, i) => {
    if (keys.has(headerKey(name)) && !out.has(name)) {
      out.set(
        name,
        rows.map((row) => row[i]?.trim() ?? ''),
      );
    }
  });
  return out;
}

/** Each date property of a list of objects (GeoJSON properties) with all its values. */
export function objectDateValues(
  objects: Iterable<Readonly<Record<string, unknown>>>,
  keys: ReadonlySet<string>,
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const object of objects) {
    for (const [key, value] of Object.entries(object)) {
      if (!keys.has(headerKey(key))) continue;
      let values = out.get(key);
      if (!values) out.set(key, (values = []));
      values.push(text({ value, key, where: {} }));
    }
  }
  return out;
}

/**
 * Decides how each date column (or property) is written from all of its values, once for the
 * file (day or month first, Excel days, epoch times), and reports what it chose as warnings that
 * name the column.
 */
export function decideDateFields(
  values: ReadonlyMap<string, readonly string[]>,
  convention: DayOrder,
  draft: Draft,
  where: (key: string) => Where,
  /** A year column beside the dates (see `ReadDateOptions.yearHint`). */
  yearColumn?: string,
): DateFields {
  const out = new Map<string, ReadDateOptions>();
  for (const [key, column] of values) {
    const decided = decideDateColumn(column, {
      column: key,
      convention,
      ...(yearColumn !== undefined && { yearColumn }),
    });
    out.set(headerKey(key), decided.options);
    for (const warning of decided.warnings)
      draft.warn({ collection: 'events' }, warning, where(key));
  }
  return out;
}

export interface EventFields {
  /** The event, with no place yet and `extra` holding every field it has no place for. */
  event: RawEvent;
  place: { name: string; key: string; where: Where; precision?: PlacePrecision };
}

const TRUE = new Set(['true', 'yes', 'y', '1', 'x']);
const FALSE = new Set(['false', 'no', 'n', '0']);

/** One item being read: its fields, where problems go, and what is kept in `extra`. */
class ItemReader {
  readonly extra: Record<string, string> = {};
  id = '';

  constructor(
    private readonly rec: FieldRecord,
    readonly draft: Draft,
    readonly origin: Origin,
    private readonly aliases: NonNullable<ReadOptions['aliases']> = {},
    private readonly keepQuietly?: ReadOptions['keepQuietly'],
  ) {}

  take(name: FieldName): Field | undefined {
    return this.rec.take(name, ...(this.aliases[name] ?? []));
  }

  /** Where a field is, for a problem: the field's own place, else the vocabulary name. */
  at(field: Field | undefined, name: string): Where & { id: string } {
    return { ...(field?.where ?? { field: name }), id: this.id };
  }

  warn(field: Field | undefined, name: string, message: string): void {
    this.draft.warn(this.origin, message, this.at(field, name));
  }

  reject(field: Field | undefined, name: string, message: string): null {
    this.draft.reject(this.origin, message, this.at(field, name));
    return null;
  }

  /** Keeps a value the event has no place for, under the file's name for it. */
  keep(field: Field): void {
    setOwn(this.extra, field.key, text(field));
  }

  /** One of `allowed` (any case); else `fallback`, with a warning and the value kept. */
  choice<T extends string>(name: FieldName, allowed: readonly T[], fallback: T): T {
    const field = this.take(name);
    const value = text(field);
    if (!value) return fallback;
    const lower = value.toLowerCase();
    if ((allowed as readonly string[]).includes(lower)) return lower as T;
    if (this.keepQuietly?.(name, value)) {
      this.keep(field!);
      return fallback;
    }
    this.warn(
      field,
      name,
      `${name} ${quote(value)} is not one of ${allowed.join(', ')}; using ${quote(fallback)} (the value is kept in extra)`,
    );
    this.keep(field!);
    return fallback;
  }

  rest(): Record<string, string> | undefined {
    return this.rec.rest();
  }
}

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

export function readActorItem(item: unknown): ReturnType<typeof readActorToken> | null {
  if (typeof item === 'string') return readActorToken(item);
  if (typeof item === 'object' && item !== null && 'name' in item) {
    const { name, role } = item as { name: unknown; role?: unknown };
    if (typeof name !== 'string') return null;
    return readActorToken(typeof role === 'string' ? `${name}:${role}` : name);
  }
  return null;
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
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((m) => mediaSchema().safeParse(m).success)
  );
}

function readBoolean(field: Field | undefined): boolean | undefined {
  if (typeof field?.value === 'boolean') return field.value;
  const value = text(field).toLowerCase();
  if (value === '' || FALSE.has(value)) return false;
  return TRUE.has(value) ? true : undefined;
}

export function cutAtWord(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** start, end (or a span in start), precision, approximate, time_text. */
function readTime(
  r: ItemReader,
  fallback: ReadOptions['fallbackTime'],
  dates: DateFields | undefined,
  yearHint: number | undefined,
): RawEvent['time'] | null {
  let startField = r.take('start');
  let endField = r.take('end');
  let approximate = false;
  if (!text(startField) && fallback) {
    ({ start: startField, end: endField, approximate } = fallback);
  }
  // An interval in the start cell ("2025-01-01/2025-01-05") is read by readDate as a span.
  const startText = text(startField);
  const endText = text(endField);
  if (!startText) return r.reject(startField, 'start', 'no date: the event needs a start');
  const options = (field: Field | undefined): ReadDateOptions | undefined => {
    const decided = field && dates ? dates.get(headerKey(field.key)) : undefined;
    return yearHint === undefined ? decided : { ...decided, yearHint };
  };
  let start = readDate(startText, options(startField));
  let end: DateValue | undefined;
  /** The cells' own words, when one of them is not a date. */
  let words: string | undefined;
  if (endText) {
    const read = readDate(endText, options(endField ?? startField));
    if (typeof read !== 'string') end = read;
    else if (typeof start !== 'string') {
      // The start is known: the event loads without its end, and the cell stays in extra.
      r.warn(endField ?? startField, 'end', `${read}; the event is read without an end`);
      if (endField) r.keep(endField);
      words = `${startText} – ${endText}`;
    } else return r.reject(startField, 'start', start);
  }
  if (typeof start === 'string') {
    if (!end) return r.reject(startField, 'start', start);
    // Only the end is a date ("Reagan admin" to 12/15/1990): the event is placed at its end,
    // marked approximate, with both cells' words kept.
    r.warn(
      startField,
      'start',
      `${start}; the event is placed at its end date (${quote(endText)}) and marked approximate`,
    );
    r.keep(startField!);
    start = end;
    end = undefined;
    approximate = true;
    words = `${startText} – ${endText}`;
  }
  const aligned = toEventTime(start, end);
  if (aligned.coarsened) {
    r.warn(
      aligned.coarsened === 'start' ? startField : endField,
      aligned.coarsened,
      `start and end are written to different precisions; both are read to the ${aligned.precision}`,
    );
  }
  approximate ||= aligned.approximate;

  let precision: Precision = aligned.precision;
  const precisionField = r.take('precision');
  const stated = text(precisionField).toLowerCase();
  if ((PRECISIONS as readonly string[]).includes(stated)) precision = stated as Precision;
  else if (stated) {
    r.warn(
      precisionField,
      'precision',
      `precision ${quote(text(precisionField))} is not one of ${PRECISIONS.join(', ')}; using ${precision}, read from the date`,
    );
    r.keep(precisionField!);
  }

  const approximateField = r.take('approximate');
  if (approximateField && (typeof approximateField.value === 'boolean' || text(approximateField))) {
    const said = readBoolean(approximateField);
    if (said === undefined) {
      r.warn(
        approximateField,
        'approximate',
        `approximate ${quote(text(approximateField))} is not yes or no; reading it as no`,
      );
      r.keep(approximateField);
    }
    approximate = (said ?? false) || aligned.approximate;
  }
  const timeText = text(r.take('time_text')) || words || aligned.text;
  return {
    start: aligned.start,
    ...(aligned.end !== undefined && { end: aligned.end }),
    precision,
    approximate,
    ...(timeText && { text: timeText }),
  };
}

/** `name:role` items; actors are created as organisations, their ids made from their names. */
function readActors(r: ItemReader): NonNullable<RawEvent['actors']> {
  const field = r.take('actors');
  const actors: NonNullable<RawEvent['actors']> = [];
  for (const item of list(field)) {
    const token = readActorItem(item);
    if (!token?.name) continue;
    if (token.unknownRole) {
      r.warn(
        field,
        'actors',
        `role ${quote(token.unknownRole)} of ${token.name} is not one of ${ROLES.join(', ')}; using party`,
      );
    }
    const actor = r.draft.actor(token.name, 'organisation');
    if (!actors.some((a) => a.actor === actor && a.role === token.role)) {
      actors.push({ actor, role: token.role });
    }
  }
  return actors;
}

function readMedia(r: ItemReader): Media[] | undefined {
  const field = r.take('media');
  if (!field || !text(field)) return undefined;
  if (isMediaList(field.value)) return field.value;
  r.warn(
    field,
    'media',
    'media must be a list of { url, caption, credit, thumbnail } with http(s) URLs; it is kept in extra',
  );
  r.keep(field);
  return undefined;
}

/** Reads one item's Dateline fields; null when the item was rejected (its date is unusable). */
export function readEventFields(
  rec: FieldRecord,
  draft: Draft,
  origin: Origin,
  opts: ReadOptions,
): EventFields | null {
  const r = new ItemReader(rec, draft, origin, opts.aliases, opts.keepQuietly);
  // `summary` and `title` are text fields and `summary_html` the one HTML field (README, "HTML or
  // text"). A text cell with tags is read as the text a reader sees once (`cellText`), and the
  // cell is kept in `extra` as written, as text: a tag in a text field never becomes markup.
  const summaryField = r.take('summary');
  const summaryCell = text(summaryField);
  if (hasMarkup(summaryCell)) r.keep(summaryField!);
  const summaryHtml = text(r.take('summary_html')) || undefined;
  const summary = summaryCell ? cellText(summaryCell) : summaryHtml ? htmlToText(summaryHtml) : '';
  const titleField = r.take('title');
  const titleCell = text(titleField);
  if (hasMarkup(titleCell)) r.keep(titleField!);
  const idField = r.take('id');
  const given = text(idField);
  const title =
    cellText(titleCell) ||
    (summary ? cutAtWord(summary.split('\n')[0]!, 80) : '') ||
    'Untitled event';
  r.id = eventId(given, title, opts.position);
  if (!titleCell) r.warn(titleField, 'title', `no title; using ${quote(title)}`);
  if (given && given !== r.id) {
    r.warn(idField, 'id', `id ${quote(given)} is not a lowercase slug; using ${quote(r.id)}`);
  }

  const time = readTime(r, opts.fallbackTime, opts.dates, opts.yearHint);
  if (!time) return null;
  const type = r.choice('type', EVENT_TYPES, 'other');
  const status = r.choice('status', EVENT_STATUSES, 'occurred');
  const claimStatus = r.choice('claim_status', CLAIM_STATUSES, 'reported');
  const placePrecision = r.choice<PlacePrecision | ''>('place_precision', PLACE_PRECISIONS, '');
  const placeField = r.take('place');
  const actors = readActors(r);
  const tags = [
    ...new Set(list(r.take('tags')).map((t) => text({ value: t, key: '', where: {} }))),
  ];
  const media = readMedia(r);
  const claimBy = text(r.take('claim_by'));

  const event: RawEvent = {
    id: r.id,
    title,
    summary,
    ...(summaryHtml && { summaryHtml }),
    ...(media && { media }),
    type,
    time,
    status,
    place: null,
    actors,
    claim: { by: claimBy ? '' : draft.fileSource(), status: claimStatus },
    tags: tags.filter((t) => t !== ''),
  };
  if (claimBy) draft.claimBy(event, claimBy);
  const extra = { ...r.rest(), ...r.extra };
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
