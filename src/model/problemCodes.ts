// What each problem of a load report says, as a stable code and the values it names, so the
// report can be read in the reader's language (`problem.<code>` in src/i18n/*.json). The English
// sentence each importer and the loader write (`Problem.message`) stays what it was; this table
// holds each sentence's shape, and `codeOf` reads a message back into its code and values.
//
// Why read the sentence back rather than have every caller name its code: the reasons come from
// deep inside the date, geometry and schema readers (a date reader's reason becomes the clause of
// an importer's sentence, which the loader's rewrite moves to a row), as plain strings through
// dozens of `typeof x === 'string'` checks; one table read at the door gives every problem its
// code without changing those readers, and `problemCodes.test.ts` proves that every problem the
// importers make over the fixtures is read back, and that the English catalogue writes each
// message back exactly.
import type { Problem } from './dataset';
import { once } from './once';

/** A value a problem names: data (a cell, an id), a count, or a clause with its own code. */
export type ProblemArg = string | number | Said;

export interface Said {
  code: string;
  args: Record<string, ProblemArg>;
}

/**
 * Placeholders: `{x}` a value from the data (isolated when shown), `{x, number}` a count,
 * `{x, term}` one of Dateline's words (a date resolution, a JSON type: `problem.term.*`),
 * `{x, reason}` a clause that is itself a problem's sentence, `{x, where}` an item's place
 * ("row 12", "events[3]"). “{x}” also matches the value in ASCII quotes, as the ISO date
 * reader writes it.
 */
interface Shape {
  code: string;
  en: string;
  /** Values the sentence implies (the "1" of "1 event has …"). */
  fixed?: Record<string, number>;
}

const SHAPES: Shape[] = [
  // Places in a file, as a clause.
  { code: 'where.row', en: 'row {row, number}' },
  { code: 'where.item', en: '{collection, term}[{index, number}]' },

  // The loader: the file as a whole.
  { code: 'load.notObject', en: 'the file is not a JSON object' },
  { code: 'load.formatMissing', en: '“format” must be “{format}”; found no “format” field' },
  { code: 'load.formatWrong', en: '“format” must be “{format}”; found “{found}”' },
  { code: 'load.eventsNotArray', en: '“events” must be an array of events' },
  { code: 'load.storiesNotArray', en: '“stories” must be an array of stories' },
  { code: 'load.stepsNotArray', en: '“steps” must be an array of steps' },
  { code: 'load.notArray', en: '“{collection}” must be an array' },
  { code: 'load.noTitle', en: 'the dataset has no title; using the file name' },
  {
    code: 'load.language',
    en: '“language” must be a BCP 47 language tag such as "ar" or "en-GB"; found “{value}”, ignored',
  },
  {
    code: 'load.nested',
    en: 'nested more than {max, number} levels deep; kept to {max, number} levels, and what lay deeper is cut',
  },
  { code: 'load.duplicateId', en: 'duplicate id: {first, where} already uses “{id}”' },
  {
    code: 'load.placeIdTaken',
    en: 'the id “{id}” is already used by “{name}” at {lat}, {lon}; this place (“{place}” at {placeLat}, {placeLon}) is given its own id, “{own}”',
  },
  {
    code: 'load.memberUnknown',
    en: 'memberOf “{actor}” is not a known actor; the link is ignored',
  },
  { code: 'load.memberCycle', en: 'memberOf makes a cycle ({chain}); the link is ignored' },
  { code: 'load.publishedNotDate', en: '“{value}” is not an ISO 8601 date' },
  {
    code: 'load.precisionHour',
    en: '“{value}” is written to the {resolution, term} but precision is “{precision}” (write an hour as T23:00)',
  },
  {
    code: 'load.precision',
    en: '“{value}” is written to the {resolution, term} but precision is “{precision}”',
  },
  { code: 'load.endBeforeStart', en: 'end “{end}” is before start “{start}”' },
  { code: 'load.unknownPlace', en: 'unknown place “{place}”' },
  { code: 'load.unknownActor', en: 'unknown actor “{actor}”' },
  { code: 'load.unknownClaimant', en: '“{by}” is neither a known actor nor a known source' },
  { code: 'load.unknownSource', en: 'unknown source “{source}”' },
  { code: 'load.offsets', en: 'end offset {end} is not after start offset {start}' },
  {
    code: 'load.quoteMoved',
    en: 'quote not found at offsets {start}–{end}; it is at {foundStart}–{foundEnd}',
  },
  {
    code: 'load.quoteMissing',
    en: 'quote not found at offsets {start}–{end}; the quote is not in the source text at all',
  },
  {
    code: 'load.unclaimed',
    en: '1 event has no claim; attributed to {who, reason}, as reported ({items})',
    fixed: { n: 1 },
  },
  {
    code: 'load.unclaimed',
    en: '{n, number} events have no claim; attributed to {who, reason}, as reported ({items})',
  },
  { code: 'load.claimFirstSource', en: '“{title}”, the dataset’s first source' },
  { code: 'load.claimUnattributed', en: '“Unattributed”, a source for events the file gives none' },

  // The schema (src/model/schema.ts): its own words, then zod's for each issue code.
  { code: 'schema.slug', en: 'must be a lowercase slug: letters, digits and - _ .' },
  { code: 'schema.empty', en: 'must not be empty' },
  { code: 'schema.latitude', en: 'latitude must be between -90 and 90' },
  { code: 'schema.longitude', en: 'longitude must be between -180 and 180' },
  { code: 'schema.httpUrl', en: 'must be an http(s) URL' },
  {
    code: 'zod.invalid_type',
    en: 'Invalid input: expected {expected, term}, received {received, term}',
  },
  { code: 'zod.invalid_literal', en: 'Invalid input: expected {expected}' },
  { code: 'zod.invalid_value', en: 'Invalid option: expected one of {values}' },
  {
    code: 'zod.too_small_size',
    en: 'Too small: expected {origin, term} to have {relation}{minimum} {unit, term}',
  },
  { code: 'zod.too_small', en: 'Too small: expected {origin, term} to be {relation}{minimum}' },
  {
    code: 'zod.too_big_size',
    en: 'Too big: expected {origin, term} to have {relation}{maximum} {unit, term}',
  },
  { code: 'zod.too_big', en: 'Too big: expected {origin, term} to be {relation}{maximum}' },
  { code: 'zod.invalid_pattern', en: 'Invalid string: must match pattern {pattern}' },
  { code: 'zod.invalid_union', en: 'Invalid input' },
  { code: 'zod.unrecognized_keys', en: 'Unrecognized keys: {keys}' },
  { code: 'zod.unrecognized_key', en: 'Unrecognized key: {keys}' },
  { code: 'zod.invalid_element', en: 'Invalid value in {origin, term}' },
  { code: 'zod.invalid_key', en: 'Invalid key in {origin, term}' },
  // Last of zod's: it would take the others' words as its format.
  { code: 'zod.invalid_format', en: 'Invalid {format}' },

  // ISO 8601 dates (model/time.ts).
  {
    code: 'date.notIso',
    en: '“{value}” is not an ISO 8601 date such as 2025, 2025-02, 2025-02-27 or 2025-02-27T23:00+02:00',
  },
  { code: 'date.noMonth', en: '“{value}” has no month {month, number}' },
  { code: 'date.noDay', en: '“{value}” has no day {day, number} in that month' },
  { code: 'date.noHour', en: '“{value}” has no hour {hour, number}' },
  { code: 'date.noMinute', en: '“{value}” has no minute {minute, number}' },
  { code: 'date.noSecond', en: '“{value}” has no second {second, number}' },
  { code: 'date.offset', en: '“{value}” has an offset out of range' },
  { code: 'date.onlyYear', en: '“{value}” is too far from today to give more than its year' },

  // Dates as files write them (formats/dates.ts).
  { code: 'date.empty', en: 'the date is empty' },
  { code: 'date.missing', en: 'the date is missing' },
  {
    code: 'date.notDate',
    en: '“{value}” is not a date; write it as 2025, 2025-02, 2025-02-27 or 2025-02-27T14:30',
  },
  {
    code: 'date.beforeCE',
    en: '“{value}”: a year before 1 CE is counted from 1 (1 BC is the first)',
  },
  { code: 'date.noYearCE', en: '“{value}”: there is no year {year} CE' },
  {
    code: 'date.bigNumber',
    en: '“{value}” is a number, not a date: a year has at most four digits (write -13800000000 for 13.8 billion years ago), and epoch times are read only in a column named like a time (time, timestamp, …_ms)',
  },
  { code: 'date.excelRange', en: '“{value}” is not an Excel day number (1 to 2958465)' },
  { code: 'date.excelLeap', en: '“{value}” is Excel’s 29 February 1900, a day that never was' },
  { code: 'date.epochLarge', en: '“{value}” is too large for an epoch time' },
  { code: 'date.epochRange', en: '“{value}” as an epoch time falls outside 0000–9999' },
  { code: 'date.notWhole', en: '{part, term} “{value}” is not a whole number' },
  { code: 'date.partRange', en: '{part, term} {value} is out of range ({min}–{max})' },
  { code: 'date.noYear', en: 'there is no year' },
  { code: 'date.dayNeedsMonth', en: 'a day needs a month' },
  { code: 'date.timeNeedsDay', en: 'a time needs a day' },
  { code: 'date.minutesNeedHour', en: 'minutes need an hour' },
  { code: 'date.yearOnlyMonth', en: 'year {year} is too far from today to give a month' },
  { code: 'date.notTimeOfDay', en: '“{value}” is not a time such as 14:30 or 2:30 PM' },
  { code: 'date.notTime', en: '“{value}” is not a time' },
  { code: 'date.endDate', en: 'end date: {reason, reason}' },
  { code: 'date.noDateYear', en: 'no date: the year is empty' },
  { code: 'date.noStart', en: 'no date: the event needs a start' },
  { code: 'date.noDateField', en: 'no date: “{column}” is empty' },
  { code: 'date.noDateColumn', en: 'no date: {column} is empty' },

  // How a date column was read (one warning per column).
  {
    code: 'dates.mixedOrder',
    en: '{column} mixes day-first ({dayFirst, number}) and month-first ({monthFirst, number}) dates; a value with a part above 12 is read the way it must be, the others {order, term}',
  },
  {
    code: 'dates.ambiguousOrder',
    en: '{column}: no date has a day above 12, so dates such as “{value}” could be day or month first; read {order, term}, as this format usually writes them',
  },
  {
    code: 'dates.twoDigitYearColumn',
    en: '{column}: two-digit years (“{value}”) take their century from the column {yearColumn} where its year ends in the same two digits, else are read as {range}',
  },
  { code: 'dates.twoDigitYear', en: '{column}: two-digit years (“{value}”) are read as {range}' },
  {
    code: 'dates.epoch',
    en: '{column} holds numbers: read as epoch time (seconds, or milliseconds from 1e11)',
  },
  {
    code: 'dates.excel',
    en: '{column} holds only numbers: read as Excel day numbers (45000 is 15 Mar 2023)',
  },

  // Reading an event's fields (formats/fields.ts and the mappers that share its words).
  {
    code: 'field.notOneOf',
    en: '{name} “{value}” is not one of {allowed}; using “{fallback}” (the value is kept in extra)',
  },
  { code: 'field.endUnread', en: '{reason, reason}; the event is read without an end' },
  {
    code: 'field.placedAtEnd',
    en: '{reason, reason}; the event is placed at its end date (“{end}”) and marked approximate',
  },
  {
    code: 'field.precisionsDiffer',
    en: 'start and end are written to different precisions; both are read to the {precision, term}',
  },
  {
    code: 'field.precisionUnknown',
    en: 'precision “{value}” is not one of {allowed}; using {precision, term}, read from the date',
  },
  { code: 'field.approximate', en: 'approximate “{value}” is not yes or no; reading it as no' },
  {
    code: 'field.role',
    en: 'role “{role}” of {name} is not one of {allowed}; using party',
  },
  {
    code: 'field.media',
    en: 'media must be a list of {shape} with http(s) URLs; it is kept in extra',
  },
  { code: 'field.noTitle', en: 'no title; using “{title}”' },
  { code: 'field.noHeadline', en: 'no headline; using “{title}”' },
  { code: 'field.noName', en: 'no name; using “{title}”' },
  { code: 'field.noSummary', en: 'no SUMMARY; using “{title}”' },
  { code: 'field.idNotSlug', en: 'id “{given}” is not a lowercase slug; using “{id}”' },
  {
    code: 'field.uniqueIdNotSlug',
    en: 'unique_id “{given}” is not a lowercase slug; using “{id}”',
  },
  {
    code: 'field.idTaken',
    en: 'id “{id}” is already used by {first, where}; this one is kept as “{own}”',
  },
  { code: 'field.idAlsoUsed', en: 'id “{id}” is also used by {first, where}; this one is “{own}”' },
  { code: 'field.notHttp', en: '“{value}” is not an http(s) address; it is kept in extra' },
  {
    code: 'field.mediaNotHttp',
    en: 'media is not an http(s) URL (an embed or a local file?); it is kept in extra',
  },

  // Places.
  { code: 'place.notNumber', en: '“{value}” is not a number' },
  { code: 'place.outOfRange', en: '{name, term} {value} is not between -{limit} and {limit}' },
  { code: 'place.needBoth', en: 'a place needs both latitude and longitude' },
  {
    code: 'place.unplaced',
    en: '{reason, reason}; the event has no place (the name is kept in extra)',
  },
  { code: 'place.notKnown', en: 'the geocoder does not know “{name}”' },
  { code: 'place.noGeocoder', en: '“{name}” has no coordinates and no geocoder was given' },
  { code: 'geometry.notObject', en: 'geometry must be an object or null' },
  { code: 'geometry.point', en: 'a Point needs coordinates [longitude, latitude]' },
  { code: 'geometry.type', en: '“{type}” is not a GeoJSON geometry type' },
  { code: 'geometry.noCoordinates', en: 'the {type} has no valid coordinates' },
  { code: 'geometry.outOfRange', en: 'the {type} has a position out of range ({lon}, {lat})' },
  {
    code: 'geometry.centred',
    en: 'a {type}, placed at the centre of its bounding box (within {km} km)',
  },

  // Tables (CSV, JSON records).
  { code: 'table.malformed', en: 'the CSV is malformed here: {detail}' },
  { code: 'table.notRecord', en: 'not an object with named fields' },
  {
    code: 'table.noDateColumn',
    en: 'no column is read as the date; the columns are {columns}. Choose the date column in the column-mapping step, or name it start or date',
  },
  {
    code: 'table.missingColumns',
    en: 'the column mapping names columns this file does not have ({columns}); they are left out',
  },
  {
    code: 'table.noTitleColumn',
    en: 'no column is read as the title; each event is titled from its summary or its place',
  },

  // TimelineJS, StoryMapJS, timemap.
  {
    code: 'timeline.typeNotEra',
    en: 'Type “{value}” is not title or era; the row is read as an event',
  },
  {
    code: 'timeline.eraLeftOut',
    en: 'era “{title}” is left out: its {part, term}: {reason, reason}',
  },
  { code: 'timeline.secondTitle', en: 'a second title slide; only the first titles the dataset' },
  { code: 'timeline.eventNotObject', en: 'an event must be an object' },
  { code: 'storymap.slideNotObject', en: 'a slide must be an object' },
  { code: 'storymap.noDate', en: 'this slide has no date; a Dateline event needs one' },
  {
    code: 'storymap.noDateNamed',
    en: 'this slide (“{title}”) has no date; a Dateline event needs one',
  },
  { code: 'storymap.badDate', en: 'slide: {reason, reason}' },
  { code: 'storymap.badDateNamed', en: 'slide (“{title}”): {reason, reason}' },
  { code: 'timemap.notObject', en: 'a timemap event must be an object' },
  { code: 'timemap.clock', en: '{reason, reason}; the day is kept without it' },
  {
    code: 'timemap.source',
    en: 'sources[{index, number}] is neither an id nor an object; it is kept in extra',
  },
  {
    code: 'timemap.filters',
    en: '{n, number} of {key} could not be read as a filter; kept in extra',
  },

  // GeoJSON.
  { code: 'geojson.notFeature', en: 'not a GeoJSON Feature' },
  {
    code: 'geojson.keptOne',
    en: '{name}: 1 value kept as they are ({values}), in each event’s extra: not one of {allowed}, so those events are “{fallback}”',
    fixed: { n: 1 },
  },
  {
    code: 'geojson.keptOne',
    en: '{name}: {n, number} values kept as they are ({values}), in each event’s extra: not one of {allowed}, so those events are “{fallback}”',
  },

  // KML.
  {
    code: 'kml.notWellFormed',
    en: 'the file is not well-formed XML (line {line, number}: {detail}); what could be read is imported',
  },
  { code: 'kml.unreadable', en: 'the XML cannot be read: {detail}' },
  {
    code: 'kml.noTime',
    en: 'no TimeStamp or TimeSpan: a placemark needs a time to be an event',
  },
  { code: 'kml.inherited', en: '{reason, reason} (in {from})' },
  { code: 'kml.noWhen', en: 'the TimeStamp has no {element}' },
  { code: 'kml.timeStamp', en: 'TimeStamp: {reason, reason}' },
  { code: 'kml.spanBegin', en: 'TimeSpan begin: {reason, reason}' },
  { code: 'kml.spanEnd', en: 'TimeSpan end: {reason, reason}' },
  { code: 'kml.noEnd', en: 'the TimeSpan has no end; the event is placed at its begin' },
  { code: 'kml.noBegin', en: 'the TimeSpan has no begin; the event is placed at its end' },
  { code: 'kml.noSpan', en: 'the TimeSpan has neither begin nor end' },
  { code: 'kml.coordinates', en: 'coordinates “{value}” are not longitude,latitude' },

  // iCalendar.
  {
    code: 'ical.whole',
    en: 'the calendar does not parse as a whole ({detail}); each event is read on its own',
  },
  { code: 'ical.vevent', en: 'this VEVENT does not parse: {detail}' },
  { code: 'ical.unreadable', en: '{name} cannot be read: {detail}' },
  { code: 'ical.noStart', en: 'no DTSTART: an event needs a start' },
  { code: 'ical.noEnd', en: '{reason, reason}; the event has no end' },
  {
    code: 'ical.repeats',
    en: 'a repeating event: only its first occurrence is imported (RRULE kept in extra)',
  },
  {
    code: 'ical.zone',
    en: 'time zone “{zone}” is neither defined in the file nor known; the time is read as UTC',
  },
  { code: 'ical.floating', en: 'a floating time (no time zone): read as UTC' },

  // ACLED, UCDP, GDELT.
  {
    code: 'acled.monadic',
    en: '1 row repeats the event_id_cnty of an earlier row with the same date, place and notes (a monadic export: one row per actor), e.g. row {rows}; each was merged into that event with its actors',
    fixed: { n: 1 },
  },
  {
    code: 'acled.monadic',
    en: '{n, number} rows repeat the event_id_cnty of an earlier row with the same date, place and notes (a monadic export: one row per actor), e.g. rows {rows}; each was merged into that event with its actors',
  },
  {
    code: 'acled.geoPrecision',
    en: 'geo_precision “{value}” is not 1, 2 or 3; reading it as 1 (the town)',
  },
  {
    code: 'ucdp.wherePrecision',
    en: 'where_prec “{value}” is not one of 1–7; reading it as 1 (the place)',
  },
  {
    code: 'gdelt.columns',
    en: 'this line has {cells, number} columns; the others have {columns, number} (a GDELT {version} export)',
  },
  { code: 'gdelt.date', en: 'SQLDATE “{value}” is not a date written YYYYMMDD' },
  {
    code: 'gdelt.root',
    en: 'EventRootCode “{value}” is not a CAMEO root code (01–20); type “other”',
  },

  // Stories.
  { code: 'story.dropped', en: '{reason, reason}; the story plays without this step' },
  {
    code: 'story.unknownEvent',
    en: 'unknown event “{event}” (not in the dataset, or rejected above); the story plays without this step',
  },
  {
    code: 'story.emptyStep',
    en: 'a step must show an event, a view or some text; the story plays without it',
  },
  { code: 'story.notDay', en: '“{value}” is not a day (YYYY-MM-DD)' },
  { code: 'story.inverted', en: 'the range starts after it ends' },
  {
    code: 'story.unknownActor',
    en: '“{actors}” is not a known actor; left out of the step’s filters',
  },
  {
    code: 'story.unknownActors',
    en: '{actors} are not known actors; left out of the step’s filters',
  },
  {
    code: 'story.window',
    en: 'expected ISO 8601 instants, such as 2025-02-01T00:00Z; found “{start}” and “{end}”',
  },
  {
    code: 'story.windowSize',
    en: 'the window must end at least a minute after it starts and span at most 500,000 years',
  },
  {
    code: 'story.map',
    en: 'expected latitude −90 to 90, longitude −180 to 180 and zoom 0 to 20',
  },
  { code: 'story.noSteps', en: 'no step of this story could be read; it has nothing to play' },

  // A query service's rows (data/querySource.ts).
  { code: 'remote.leftOut', en: '{reason, reason} (left out by the query service)' },
];

/** A problem's sentence that matches no shape: its English, shown as it is. */
export const UNKNOWN_CODE = 'unknown';

type Kind = 'data' | 'number' | 'term' | 'reason' | 'where';
interface Compiled {
  shape: Shape;
  /** The literal text the sentence starts and ends with: a quick test before the pattern. */
  prefix: string;
  suffix: string;
  re: RegExp;
  names: Array<{ name: string; kind: Kind }>;
}

const PLACEHOLDER = /\{(\w+)(?:, (number|term|reason|where))?\}/g;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compile(shape: Shape): Compiled {
  const names: Compiled['names'] = [];
  let re = '';
  let last = 0;
  for (const m of shape.en.matchAll(PLACEHOLDER)) {
    re += escape(shape.en.slice(last, m.index));
    const kind = (m[2] as Kind | undefined) ?? 'data';
    names.push({ name: m[1]!, kind });
    re += kind === 'number' ? '(-?[\\d,]+)' : '([\\s\\S]*?)';
    last = m.index + m[0].length;
  }
  re += escape(shape.en.slice(last));
  // A value in quotation marks: as quote() writes it (“…”, with the length of a long one), or
  // as the ISO reader does ("…").
  re = re
    .replaceAll('“([\\s\\S]*?)”', '\uE002([\\s\\S]*?)\uE003(?: \\([\\d,]+ characters\\))?')
    .replaceAll(/[“\uE002]/g, '[“"]')
    .replaceAll(/[”\uE003]/g, '[”"]');
  const literal = /[{}“”]/;
  const cut = shape.en.search(literal);
  const prefix = cut < 0 ? shape.en : shape.en.slice(0, cut);
  const tail = [...shape.en].reverse().join('').search(literal);
  const suffix = tail < 0 ? shape.en : shape.en.slice(shape.en.length - tail);
  return { shape, prefix, suffix, re: new RegExp(`^${re}$`), names };
}

/** The shapes, for tests that build a message of each. */
export const PROBLEM_SHAPES: readonly Shape[] = SHAPES;

// Made on first use, not when the module loads: ~150 patterns cost 50 ms of a cold worker's
// import of a file with no problem at all (traced, 100,000-event Parquet).
const compiled = once(() => SHAPES.map(compile));

/** What each value of a code is: data, a count, a term, a clause or a place. */
const kindsByCode = once(() => {
  const byCode = new Map<string, Map<string, Kind>>();
  for (const c of compiled()) {
    const ofCode = byCode.get(c.shape.code) ?? new Map<string, Kind>();
    for (const { name, kind } of c.names) ofCode.set(name, kind);
    byCode.set(c.shape.code, ofCode);
  }
  return byCode;
});

/** The kind of a code's value (`data` for the sentence of an unknown problem). */
export function argKind(code: string, name: string): Kind {
  return kindsByCode().get(code)?.get(name) ?? 'data';
}

export type { Kind as ProblemArgKind };

/** Every code a problem can carry, with its catalogue key `problem.<code>`. */
export const PROBLEM_CODES: readonly string[] = [
  ...new Set([...SHAPES.map((s) => s.code), UNKNOWN_CODE]),
];

/** The words a `term` value may be, with their catalogue key `problem.term.<word>`. */
export const TERMS = [
  'year',
  'month',
  'day',
  'hour',
  'minute',
  'second',
  'string',
  'number',
  'boolean',
  'object',
  'array',
  'null',
  'undefined',
  'int',
  'NaN',
  'value',
  'characters',
  'items',
  'entries',
  'day first',
  'month first',
  'latitude',
  'longitude',
  'start',
  'end',
  'actors',
  'places',
  'sources',
  'events',
  'features',
  'stories',
  'dataset',
] as const;

/** The catalogue key of a term, or undefined for a word Dateline does not translate. */
export function termKey(word: string): string | undefined {
  return (TERMS as readonly string[]).includes(word)
    ? `problem.term.${word.replace(/\W+/g, '_')}`
    : undefined;
}

function read(message: string, only?: (code: string) => boolean): Said | undefined {
  for (const c of compiled()) {
    if (only && !only(c.shape.code)) continue;
    if (!message.startsWith(c.prefix) || !message.endsWith(c.suffix)) continue;
    const m = c.re.exec(message);
    if (!m) continue;
    const args: Record<string, ProblemArg> = { ...c.shape.fixed };
    let ok = true;
    c.names.forEach(({ name, kind }, i) => {
      const text = m[i + 1]!;
      if (kind === 'number') args[name] = Number(text.replaceAll(',', ''));
      else if (kind === 'reason') {
        const inner = read(text);
        if (inner) args[name] = inner;
        else ok = false;
      } else if (kind === 'where') {
        const inner = read(text, (code) => code.startsWith('where.'));
        if (inner) args[name] = inner;
        else ok = false;
      } else args[name] = text;
    });
    if (ok) return { code: c.shape.code, args };
  }
  return undefined;
}

const known = new Map<string, Said>();

/** The code and values of a problem's English sentence (`unknown` with the sentence if none). */
export function codeOf(message: string): Said {
  let said = known.get(message);
  if (said === undefined) {
    said = read(message) ?? { code: UNKNOWN_CODE, args: { message } };
    // Rejected rows repeat a handful of sentences; a file of distinct ones must not grow this.
    if (known.size > 5000) known.clear();
    known.set(message, said);
  }
  return said;
}

/** The problem with its code and values, read from its message (kept when it has them). */
export function withCode(p: Problem): Problem {
  if (p.code !== undefined) return p;
  const { code, args } = codeOf(p.message);
  return { ...p, code, args };
}
