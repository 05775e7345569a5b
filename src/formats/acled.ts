// ACLED export CSV (the Data Export Tool or the API's CSV, today's schema and older ones): one
// row per event (or, in a monadic export, per actor of an event), with ACLED's codes for how sure
// its date and place are, actor types, and the sources that reported it.
import type { Role } from '../model/schema';
import type { Precision } from '../model/time';
import { Columns, type CsvTable } from './csv';
import { eachCsvRow } from './csvRows';
import { readDate, shiftDay, toEventTime, type ReadDateOptions } from './dates';
import { baseName, describeOrigin, Draft, type Imported, type Origin } from './draft';
import {
  ActorKinds,
  eventType,
  GEO_PRECISIONS,
  isCivilian,
  isViolenceAgainstCivilians,
  readableType,
} from './acledCodes';
import { dateColumnOptions, rowPlace, splitList } from './eventDataset';
import { columnLocator, CsvRecord, text, type FieldRecord } from './record';
import { slugify } from './slug';
import type { ImportOptions, RawEvent } from './types';
import { quote } from '../model/quote';

export { actorKind, eventType } from './acledCodes';

/**
 * How ACLED writes a date: day first (15-03-2024, 15/03/2024, and as Excel re-saves them,
 * 15-03-24 or 5-Aug-24), or as 2024-03-15 or 15 March 2024. `options` are those the whole
 * event_date column was found to need (`decideDateColumn`); by default, ACLED's convention.
 */
export function readAcledDate(value: string, options: ReadDateOptions = { order: 'dmy' }) {
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
  if (resolution === 'day' && !read.end && timePrecision === '2') {
    return {
      start: shiftDay(iso, -3),
      end: shiftDay(iso, 3),
      precision: 'day',
      approximate: true,
      text: `ACLED time precision 2: some day in the week around ${iso}`,
    };
  }
  if (resolution === 'day' && !read.end && timePrecision === '3') {
    return {
      start: iso.slice(0, 7),
      precision: 'month' satisfies Precision,
      approximate: true,
      text: `ACLED time precision 3: some day in the month (coded as ${iso})`,
    };
  }
  const { coarsened: _coarsened, ...time } = toEventTime(read);
  return time;
}

/** The columns of one side's associated actors: `assoc_actor_1`, or `ally_actor_1` before 2019. */
const ASSOCIATED = (n: '1' | '2') => [`assoc_actor_${n}`, `ally_actor_${n}`];

/** What two rows of one event in a monadic export have in common; other repeats differ here. */
const SAME_EVENT = [
  'event_date',
  'location',
  'latitude',
  'longitude',
  'event_type',
  'sub_event_type',
  'notes',
];

/** Every actor's code in every row, so each actor gets one kind whatever row it is first in. */
function actorKinds(columns: Columns, rows: readonly string[][]): ActorKinds {
  const kinds = new ActorKinds();
  const at = (...keys: string[]) => columns.find(...keys);
  for (const n of ['1', '2'] as const) {
    const actor = at(`actor${n}`);
    const inter = at(`inter${n}`);
    const associated = at(...ASSOCIATED(n));
    if (inter === undefined) continue;
    for (const cells of rows) {
      const code = cells[inter] ?? '';
      if (actor !== undefined) kinds.add((cells[actor] ?? '').trim(), code, 'main');
      if (associated === undefined) continue;
      for (const name of splitList(cells[associated] ?? '')) kinds.add(name, code, 'associated');
    }
  }
  return kinds;
}

/** What every row is read with: each actor's kind and how event_date is written. */
interface FileReading {
  kinds: ActorKinds;
  dates: ReadDateOptions;
}

interface Read {
  event: RawEvent;
  sources: string[];
  origin: Origin;
  /** The row's cells: its SAME_EVENT cells are compared only when an id repeats. */
  cells: readonly string[];
}

export function importAcled(table: CsvTable, opts: ImportOptions): Imported {
  const columns = new Columns(table.header);
  const draft = new Draft('acled-csv', opts, columnLocator(columns, COLUMN_RULES));
  draft.title = baseName(opts.fileName);
  const kinds = actorKinds(columns, table.rows);
  const dates = dateColumnOptions(columns, table.rows, 'event_date', 'dmy', draft);
  const sameEvent = SAME_EVENT.map((k) => columns.find(k));
  const byId = new Map<string, Read>();
  const merged: Origin[] = [];
  eachCsvRow(table, draft, (cells, origin, rowNumber) => {
    const read = readRow(new CsvRecord(columns, cells), draft, { kinds, dates }, origin, rowNumber);
    if (!read) return;
    const row: Read = { event: read.event, sources: read.sources, origin, cells };
    const first = byId.get(read.event.id);
    if (first && sameEvent.every((c) => c === undefined || sameCell(first.cells, cells, c))) {
      mergeInto(first, row);
      draft.keep(row.sources);
      merged.push(origin);
      return;
    }
    if (!first) byId.set(read.event.id, row);
    draft.add(row.event, origin, row.sources);
  });
  if (merged.length > 0) {
    const some = merged.slice(0, 5).map((o) => describeOrigin(o).replace('row ', ''));
    draft.warn(
      { collection: 'dataset' },
      `${merged.length.toLocaleString('en')} ${merged.length === 1 ? 'row repeats' : 'rows repeat'} the event_id_cnty of an earlier row with the same date, place and notes (a monadic export: one row per actor), e.g. ${merged.length === 1 ? 'row' : 'rows'} ${some.join(', ')}${merged.length > 5 ? ', …' : ''}; each was merged into that event with its actors`,
    );
  }
  return draft.load();
}

const sameCell = (a: readonly string[], b: readonly string[], i: number) =>
  (a[i] ?? '').trim() === (b[i] ?? '').trim();

/** One actor's row of a monadic export, added to the event its first row made. */
function mergeInto(first: Read, row: Read): void {
  const e = first.event;
  const actors = (e.actors ??= []);
  for (const a of row.event.actors ?? []) {
    if (!actors.some((b) => b.actor === a.actor)) actors.push(a);
  }
  for (const s of row.sources) if (!first.sources.includes(s)) first.sources.push(s);
  e.tags = [...new Set([...(e.tags ?? []), ...(row.event.tags ?? [])])];
  const extra = (e.extra ??= {});
  const rowNumber = row.origin.row;
  for (const [key, value] of Object.entries(row.event.extra ?? {})) {
    if (extra[key] !== value) extra[`${key} (row ${rowNumber})`] = value;
  }
}

function readRow(
  rec: FieldRecord,
  draft: Draft,
  { kinds, dates }: FileReading,
  origin: Origin,
  row: number,
): { event: RawEvent; sources: string[] } | null {
  const type = text(rec.peek('event_type'));
  const subType = text(rec.peek('sub_event_type'));
  const country = text(rec.peek('country'));
  const location = text(rec.take('location'));
  const what = subType || readableType(type) || 'Event';
  const title = `${what}${location ? ` in ${location}` : country ? ` in ${country}` : ''}`;
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
    draft.warn(origin, `geo_precision ${quote(geo)} is not 1, 2 or 3; reading it as 1 (the town)`, {
      column: geoField!.key,
      id,
    });
  }
  const place = rowPlace(rec, draft, origin, {
    location,
    locationColumn: 'location',
    country,
    precision: precision ?? 'city',
    id,
  });
  if (!place.ok) return null;

  const actors: NonNullable<RawEvent['actors']> = [];
  const add = (name: string, role: Role) => {
    const actor = draft.actor(name, kinds.kind(name));
    if (!actors.some((a) => a.actor === actor)) actors.push({ actor, role });
  };
  const againstCivilians =
    isViolenceAgainstCivilians(type) || !!text(rec.peek('civilian_targeting'));
  for (const n of ['1', '2'] as const) {
    const name = text(rec.take(`actor${n}`));
    const inter = text(rec.peek(`inter${n}`));
    // actor2 of an attack on civilians is its target; so is a monadic export's civilians row.
    const targeted =
      n === '2' ? isCivilian(inter) || againstCivilians : isCivilian(inter) && againstCivilians;
    if (name) add(name, targeted ? 'target' : 'party');
    for (const assoc of splitList(text(rec.take(...ASSOCIATED(n))))) add(assoc, 'participant');
  }

  // Every source becomes a Dateline source; the event is claimed by the first, and the column
  // stays in extra so the others remain tied to the event.
  const sources = splitList(text(rec.peek('source'))).map((name) => draft.source(name));
  const tags = [...new Set([type, subType, ...splitList(text(rec.take('tags')))].filter(Boolean))];
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
