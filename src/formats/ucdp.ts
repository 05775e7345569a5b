// UCDP GED (Uppsala Conflict Data Program, Georeferenced Event Dataset) as CSV: one row per event
// of organised violence, with its two sides, a date range and how precise it is (date_prec), a
// place and how precise it is (where_prec), and deaths as best/low/high estimates. The codes are
// read as the GED codebook defines them; the codes themselves stay in `extra`.
import type { ActorKind, Role } from '../model/schema';
import { Columns, type CsvTable } from './csv';
import { eachCsvRow } from './csvRows';
import { readDate, truncateIso, type ReadDateOptions } from './dates';
import { baseName, Draft, type Imported, type Origin } from './draft';
import { dateColumnOptions, rowPlace, splitList } from './eventDataset';
import type { PlacePrecision } from './place';
import { columnLocator, CsvRecord, text, type FieldRecord } from './record';
import { slugify } from './slug';
import type { ImportOptions, RawEvent } from './types';
import { quote } from '../model/quote';

/** date_prec: how well UCDP knows the day; the event spans date_start–date_end. */
export const DATE_PRECISIONS: Record<string, string> = {
  '1': 'the exact day is known',
  '2': 'some day within a range of 2–6 days',
  '3': 'some day within the week',
  '4': 'some day within a range of 8–30 days, or within the month',
  '5': 'some day within a range of more than a month, or within the year',
};

/** where_prec: how well UCDP knows the place, as a Dateline precision and halo. */
export const WHERE_PRECISIONS: Record<
  string,
  { precision: PlacePrecision; radiusKm?: number; meaning: string }
> = {
  '1': { precision: 'city', meaning: 'the exact place (a village or town)' },
  '2': { precision: 'area', radiusKm: 25, meaning: 'within about 25 km of the point' },
  '3': { precision: 'area', radiusKm: 50, meaning: 'somewhere in the district (adm_2)' },
  '4': { precision: 'region', radiusKm: 150, meaning: 'somewhere in the province (adm_1)' },
  '5': { precision: 'region', meaning: 'along a road, river or border, or a wider area' },
  '6': { precision: 'country', meaning: 'somewhere in the country' },
  '7': { precision: 'region', meaning: 'international waters or airspace' },
};

/** type_of_violence → words, for titles. */
const VIOLENCE: Record<string, string> = {
  '1': 'State-based violence',
  '2': 'Non-state violence',
  '3': 'One-sided violence',
};

/** A side's kind from its name: UCDP names states "Government of …" and victims "Civilians". */
export function sideKind(name: string): ActorKind {
  if (/^government of\b/i.test(name)) return 'state';
  if (/^civilians\b/i.test(name)) return 'people';
  return 'armed-group';
}

const COLUMN_RULES = [
  ['time.start', ['date_start']],
  ['time.end', ['date_end']],
  ['time', ['date_start']],
  ['place.lat', ['latitude']],
  ['place.lon', ['longitude']],
  ['place', ['where_coordinates']],
  ['id', ['id', 'relid']],
  ['claim', ['source_office']],
  ['actors', ['side_a']],
] as const;

export function importUcdp(table: CsvTable, opts: ImportOptions): Imported {
  const columns = new Columns(table.header);
  const draft = new Draft('ucdp-ged-csv', opts, columnLocator(columns, COLUMN_RULES));
  draft.title = baseName(opts.fileName);
  const dates = {
    // GED writes ISO dates; a spreadsheet re-save in the US writes 3/1/2002.
    start: dateColumnOptions(columns, table.rows, 'date_start', 'mdy', draft),
    end: dateColumnOptions(columns, table.rows, 'date_end', 'mdy', draft),
  };
  eachCsvRow(table, draft, (cells, origin, row) => {
    const read = readRow(new CsvRecord(columns, cells), draft, dates, origin, row);
    if (read) draft.add(read.event, origin, read.sources);
  });
  return draft.load();
}

type Time = RawEvent['time'];

/** The time from date_start, date_end and date_prec; a reason (and its column) when unusable. */
export function ucdpTime(
  start: string,
  end: string,
  datePrec: string,
  options: { start?: ReadDateOptions; end?: ReadDateOptions } = {},
): Time | { column: 'date_start' | 'date_end'; reason: string } {
  if (!start) return { column: 'date_start', reason: 'no date: date_start is empty' };
  const first = readDate(start, options.start);
  if (typeof first === 'string') return { column: 'date_start', reason: first };
  const last = end ? readDate(end, options.end) : undefined;
  if (typeof last === 'string') return { column: 'date_end', reason: last };
  // GED writes midnight times (2002-03-01T00:00:00) on what are days.
  const day = (iso: string, resolution: string) =>
    resolution === 'hour' || resolution === 'minute' ? truncateIso(iso, 'day') : iso;
  const from = day(first.iso, first.resolution);
  const to = last ? day(last.iso, last.resolution) : from;
  const precision = from.length === to.length && from.length === 10 ? 'day' : 'year';
  const meaning = DATE_PRECISIONS[datePrec];
  const approximate = datePrec !== '' && datePrec !== '1';
  return {
    start: precision === 'day' ? from : from.slice(0, 4),
    ...(to !== from && { end: precision === 'day' ? to : to.slice(0, 4) }),
    precision,
    approximate,
    ...(approximate &&
      meaning && { text: `UCDP date precision ${datePrec}: ${meaning}, ${from} to ${to}` }),
  };
}

function readRow(
  rec: FieldRecord,
  draft: Draft,
  dates: { start?: ReadDateOptions; end?: ReadDateOptions },
  origin: Origin,
  row: number,
): { event: RawEvent; sources: string[] } | null {
  const violence = text(rec.peek('type_of_violence'));
  const country = text(rec.peek('country'));
  const where = text(rec.take('where_coordinates'));
  const sideA = text(rec.take('side_a'));
  const sideB = text(rec.take('side_b'));
  const dyad = text(rec.peek('dyad_name')) || [sideA, sideB].filter(Boolean).join(' – ');
  const what = VIOLENCE[violence] ?? 'Organised violence';
  const title = `${what} in ${where || country || 'an unknown place'}`;
  const given = text(rec.take('id')) || text(rec.peek('relid'));
  const id = slugify(given, 120) || `${slugify(title)}-${row}`;

  const startField = rec.take('date_start');
  const endField = rec.take('date_end');
  const datePrec = text(rec.peek('date_prec'));
  const time = ucdpTime(text(startField), text(endField), datePrec, dates);
  if ('reason' in time) {
    const field = time.column === 'date_start' ? startField : endField;
    draft.reject(origin, time.reason, { column: field?.key ?? time.column, id });
    return null;
  }
  const wherePrecField = rec.peek('where_prec');
  const wherePrec = text(wherePrecField);
  const placeCode = WHERE_PRECISIONS[wherePrec];
  if (wherePrec && !placeCode) {
    draft.warn(
      origin,
      `where_prec ${quote(wherePrec)} is not one of 1–7; reading it as 1 (the place)`,
      {
        column: wherePrecField!.key,
        id,
      },
    );
  }
  const place = rowPlace(rec, draft, origin, {
    location: where,
    locationColumn: 'where_coordinates',
    country,
    precision: placeCode?.precision ?? 'city',
    id,
  });
  if (!place.ok) return null;
  if (place.place && placeCode?.radiusKm && !place.place.geocoded) {
    place.place.radiusKm = placeCode.radiusKm;
  }

  const actors: NonNullable<RawEvent['actors']> = [];
  const add = (name: string, role: Role) => {
    const actor = draft.actor(name, sideKind(name));
    if (!actors.some((a) => a.actor === actor)) actors.push({ actor, role });
  };
  if (sideA) add(sideA, 'party');
  // One-sided violence: side_b is the people attacked.
  if (sideB) add(sideB, violence === '3' || sideKind(sideB) === 'people' ? 'target' : 'party');

  const sources = splitList(text(rec.peek('source_office'))).map((name) => draft.source(name));
  const best = text(rec.peek('best'));
  const low = text(rec.peek('low'));
  const high = text(rec.peek('high'));
  const deaths =
    best === ''
      ? ''
      : `Deaths: ${best} (best estimate${low || high ? `; low ${low || '?'}, high ${high || '?'}` : ''}).`;
  const description = text(rec.peek('where_description'));
  const summary = [
    dyad && `${dyad}.`,
    deaths,
    description && `Place: ${description}.`,
    placeCode && `Place precision ${wherePrec}: ${placeCode.meaning}.`,
  ]
    .filter(Boolean)
    .join(' ');
  const event: RawEvent = {
    id,
    title,
    summary,
    type: 'military',
    time,
    status: 'occurred',
    place: place.place,
    actors,
    claim: { by: sources[0] ?? draft.fileSource(), status: 'reported' },
    tags: [what],
  };
  const extra = { ...rec.rest(), ...(place.unplaced && { where_coordinates: where }) };
  if (Object.keys(extra).length > 0) event.extra = extra;
  return { event, sources };
}
