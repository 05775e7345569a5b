// ACLED export CSV (the Data Export Tool or the API's CSV): one row per event, with ACLED's codes
// for how sure its date and place are, actor types, and the sources that reported it.
import type { ActorKind, EventType, Role } from '../model/schema';
import type { Precision } from '../model/time';
import { cell, Columns, type CsvTable } from './csv';
import { eachCsvRow } from './csvRows';
import { decideDateColumn, readDate, shiftDay, type ReadDateOptions } from './dates';
import { baseName, Draft, type Imported, type Origin } from './draft';
import { readPlace, type PlacePrecision } from './place';
import { columnLocator, CsvRecord, text, type FieldRecord } from './record';
import { slugify } from './slug';
import type { ImportOptions, RawEvent } from './types';

/** ACLED's actor type (inter1/inter2, as a code or, since 2024, as words) → a Dateline kind. */
const INTER_KINDS: Record<string, ActorKind> = {
  '1': 'state',
  'state forces': 'state',
  '2': 'armed-group',
  'rebel group': 'armed-group',
  'rebel groups': 'armed-group',
  '3': 'armed-group',
  'political militia': 'armed-group',
  'political militias': 'armed-group',
  '4': 'armed-group',
  'identity militia': 'armed-group',
  'identity militias': 'armed-group',
  '5': 'people',
  rioters: 'people',
  '6': 'people',
  protesters: 'people',
  '7': 'people',
  civilians: 'people',
  '8': 'organisation',
  'external/other forces': 'organisation',
};

export function actorKind(inter: string): ActorKind {
  return INTER_KINDS[inter.trim().toLowerCase()] ?? 'organisation';
}

const isCivilian = (inter: string) => ['7', 'civilians'].includes(inter.trim().toLowerCase());

/** ACLED's event_type / sub_event_type → a Dateline type (the ACLED values stay in extra). */
export function eventType(type: string, subType: string): EventType {
  if (subType.toLowerCase() === 'agreement') return 'agreement';
  const t = type.toLowerCase();
  if (t === 'battles' || t === 'explosions/remote violence' || t === 'violence against civilians') {
    return 'military';
  }
  return 'other';
}

/** geo_precision → place precision: 1 the town itself, 2 near it, 3 the region around. */
const GEO_PRECISIONS: Record<string, PlacePrecision> = { '1': 'city', '2': 'area', '3': 'region' };

/**
 * ACLED writes dates day first (15-03-2024, 15/03/2024), or as 2024-03-15 or 15 March 2024;
 * `options` are the column's, when a file's own values settle another order.
 */
export function readAcledDate(
  value: string,
  options: ReadDateOptions = { order: 'dmy' },
): ReturnType<typeof readDate> {
  return readDate(value, options);
}

const COLUMN_RULES = [
  ['time', ['event_date']],
  ['place.lat', ['latitude']],
  ['place.lon', ['longitude']],
  ['place', ['location']],
  ['id', ['event_id_cnty']],
  ['claim', ['source']],
  ['actors', ['actor1']],
  ['summary', ['notes']],
  ['tags', ['tags']],
  ['title', ['sub_event_type']],
] as const;

type Time = RawEvent['time'];

/** The event's time from event_date and time_precision; a reason when the date is unusable. */
export function acledTime(
  date: string,
  timePrecision: string,
  options?: ReadDateOptions,
): Time | string {
  const read = readAcledDate(date, options);
  if (typeof read === 'string') return read;
  const { iso, resolution } = read;
  if (resolution === 'day' && timePrecision === '2') {
    return {
      start: shiftDay(iso, -3),
      end: shiftDay(iso, 3),
      precision: 'day',
      approximate: true,
      text: `ACLED time precision 2: some day in the week around ${iso}`,
    };
  }
  if (resolution === 'day' && timePrecision === '3') {
    return {
      start: iso.slice(0, 7),
      precision: 'month' satisfies Precision,
      approximate: true,
      text: `ACLED time precision 3: some day in the month (coded as ${iso})`,
    };
  }
  return { start: iso, precision: resolution, approximate: false };
}

function splitNames(value: string): string[] {
  return value
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function importAcled(table: CsvTable, opts: ImportOptions): Imported {
  const columns = new Columns(table.header);
  const draft = new Draft('acled-csv', opts, columnLocator(columns, COLUMN_RULES));
  draft.title = baseName(opts.fileName);
  const dates = acledDates(table, columns, draft);
  eachCsvRow(table, draft, (cells, origin, row) => {
    const read = readRow(new CsvRecord(columns, cells), draft, origin, row, dates);
    if (read) draft.add(read.event, origin, read.sources);
  });
  return draft.load();
}

/** How event_date is written in this file, decided from all its values (ACLED: day first). */
function acledDates(table: CsvTable, columns: Columns, draft: Draft): ReadDateOptions {
  const i = columns.find('event_date');
  if (i === undefined) return { order: 'dmy' };
  const column = columns.name(i);
  const decided = decideDateColumn(
    table.rows.map((cells) => cell(cells, i)),
    { column, convention: 'dmy' },
  );
  for (const warning of decided.warnings) draft.warn({ collection: 'events' }, warning, { column });
  return decided.options;
}

function readRow(
  rec: FieldRecord,
  draft: Draft,
  origin: Origin,
  row: number,
  dates: ReadDateOptions,
): { event: RawEvent; sources: string[] } | null {
  const type = text(rec.peek('event_type'));
  const subType = text(rec.peek('sub_event_type'));
  const country = text(rec.peek('country'));
  const location = text(rec.take('location'));
  const title = `${subType || type || 'Event'}${location ? ` in ${location}` : country ? ` in ${country}` : ''}`;
  const givenId = rec.take('event_id_cnty');
  const id = slugify(text(givenId), 120) || `${slugify(title)}-${row}`;

  const dateField = rec.take('event_date');
  const precisionField = rec.peek('time_precision');
  const date = text(dateField);
  if (!date) {
    draft.reject(origin, 'no date: event_date is empty', {
      column: dateField?.key ?? 'event_date',
      id,
    });
    return null;
  }
  const time = acledTime(date, text(precisionField), dates);
  if (typeof time === 'string') {
    draft.reject(origin, time, { column: dateField!.key, id });
    return null;
  }

  const geoField = rec.peek('geo_precision');
  const geo = text(geoField);
  const precision = GEO_PRECISIONS[geo];
  if (geo && !precision) {
    draft.warn(origin, `geo_precision “${geo}” is not 1, 2 or 3; reading it as 1 (the town)`, {
      column: geoField!.key,
      id,
    });
  }
  const lat = rec.take('latitude');
  const lon = rec.take('longitude');
  const place = readPlace(
    {
      name: location && country ? `${location}, ${country}` : location || country,
      query: location || country,
      lat: lat?.value,
      lon: lon?.value,
      precision: precision ?? 'city',
      countryHint: country || undefined,
      where: {
        name: { column: 'location' },
        lat: lat?.where ?? { column: 'latitude' },
        lon: lon?.where ?? { column: 'longitude' },
      },
      id,
    },
    draft,
    origin,
  );
  if (!place.ok) return null;

  const actors: NonNullable<RawEvent['actors']> = [];
  const add = (name: string, kind: ActorKind, role: Role) => {
    const actor = draft.actor(name, kind);
    if (!actors.some((a) => a.actor === actor && a.role === role)) actors.push({ actor, role });
  };
  const civilianTargeting = text(rec.peek('civilian_targeting'));
  for (const n of ['1', '2'] as const) {
    const name = text(rec.take(`actor${n}`));
    const inter = text(rec.peek(`inter${n}`));
    const kind = actorKind(inter);
    const targeted =
      n === '2' &&
      (isCivilian(inter) ||
        type.toLowerCase() === 'violence against civilians' ||
        !!civilianTargeting);
    if (name) add(name, kind, targeted ? 'target' : 'party');
    for (const assoc of splitNames(text(rec.take(`assoc_actor_${n}`))))
      add(assoc, kind, 'participant');
  }

  // Every source becomes a Dateline source; the event is claimed by the first, and the column
  // stays in extra so the others remain tied to the event.
  const sources = splitNames(text(rec.peek('source'))).map((name) => draft.source(name));
  const tags = [...new Set([type, subType, ...splitNames(text(rec.take('tags')))].filter(Boolean))];
  const event: RawEvent = {
    id,
    title,
    summary: text(rec.take('notes')),
    type: eventType(type, subType),
    time,
    status: 'occurred',
    place: place.place,
    actors,
    claim: { by: sources[0] ?? draft.fileSource(), status: 'reported' },
    tags,
  };
  const extra = { ...rec.rest(), ...(place.unplaced && { location }) };
  if (Object.keys(extra).length > 0) event.extra = extra;
  return { event, sources };
}
