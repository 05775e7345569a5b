// Which column holds which Dateline field, in a table whose columns people named themselves (a
// CSV header, the keys of a JSON array of flat objects): the synonyms people use ("headline",
// "event_date", "lng", "town/city", "actor1"…), checked against the values (a date column must
// hold dates, a latitude numbers within ±90), and whether the guess is sure enough to load without
// asking. A mapping is also what a person chooses in the column-mapping step and what a link's
// `cols=` carries; this module writes and reads that form too.
import { EVENT_STATUSES, EVENT_TYPES } from '../model/schema';
import { decideDateColumn, readDate } from './dates';
import { readCoordinate } from './place';
import { quote } from '../model/quote';

/** The fields a column can be mapped to. */
export const MAPPED_FIELDS = [
  'title',
  'summary',
  'start',
  'end',
  'time_text',
  'place',
  'place_detail',
  'lat',
  'lon',
  'actors',
  'source',
  'url',
  'id',
  'type',
  'status',
  'tags',
  'precision',
  'approximate',
  'place_precision',
  'claim_by',
  'claim_status',
  'summary_html',
] as const;
export type MappedField = (typeof MAPPED_FIELDS)[number];

/** Fields that may take several columns: actor1 and actor2; admin1, admin2 and country. */
export const LIST_FIELDS: ReadonlySet<MappedField> = new Set(['place_detail', 'actors', 'tags']);

/** What the column-mapping step shows, in order, with the words people know them by. */
export const FIELD_LABELS: ReadonlyArray<readonly [MappedField, string]> = [
  ['title', 'Title'],
  ['start', 'Date (start)'],
  ['end', 'End date'],
  ['time_text', 'Date as written'],
  ['summary', 'Summary'],
  ['place', 'Place name'],
  ['place_detail', 'Region or country'],
  ['lat', 'Latitude'],
  ['lon', 'Longitude'],
  ['actors', 'Actors'],
  ['source', 'Source'],
  ['url', 'Link (URL)'],
];

/** Column → field mapping: each field's columns, as the header writes them. */
export type ColumnMapping = Partial<Record<MappedField, string[]>>;

/** "Start Date", "start-date", " start_date " → "start_date": how names are compared. */
export function nameKey(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s_\-.]+/g, '_')
    .replace(/^_|_$/g, '');
}

/** The synonyms of each field, by `nameKey`, in order of preference. */
const SYNONYMS: Record<MappedField, readonly string[]> = {
  title: ['title', 'name', 'headline', 'event', 'label', 'subject', 'event_name', 'event_title'],
  summary: [
    'summary',
    'description',
    'desc',
    'notes',
    'note',
    'content',
    'text',
    'details',
    'brief_description',
    'event_description',
  ],
  start: [
    'start',
    'date',
    'start_date',
    'startdate',
    'date_start',
    'begin',
    'from',
    'when',
    'date_ad',
    'event_date',
    'datetime',
    'date_time',
    'time',
    'timestamp',
    'year',
  ],
  end: ['end', 'end_date', 'enddate', 'date_end', 'to', 'until', 'end_year'],
  time_text: ['time_text', 'display_date', 'date_text'],
  place: [
    'place',
    'location',
    'city',
    'town',
    'town/city',
    'locality',
    'address',
    'place_name',
    'location_name',
    'site',
    'village',
  ],
  place_detail: [],
  lat: ['lat', 'latitude', 'y'],
  lon: ['lon', 'lng', 'long', 'longitude', 'x'],
  actors: ['actors', 'actor', 'actor1', 'actor2', 'actor_1', 'actor_2', 'party', 'parties', 'who'],
  source: ['source', 'sources', 'publisher', 'source_name'],
  url: ['url', 'link', 'source_url', 'sourceurl', 'source_link', 'href', 'web'],
  id: ['id', 'event_id', 'uid', 'unique_id'],
  type: ['type'],
  status: ['status'],
  tags: ['tags', 'tag', 'keywords'],
  precision: ['precision'],
  approximate: ['approximate'],
  place_precision: ['place_precision'],
  claim_by: ['claim_by'],
  claim_status: ['claim_status'],
  summary_html: ['summary_html'],
};

/** Title names that say so; "name", "event" or "label" may hold a type, a person or a code. */
const SURE_TITLES = new Set(['title', 'headline', 'event_title', 'event_name']);

/** Place-detail columns, joined after the place name: admin3, admin2, admin1, …, country. */
const PLACE_DETAIL =
  /^(admin_?\d|adm_?\d|admin|district|county|province|state|region|country|country_name)$/;
/** Other `*_date` columns that may be the start ("publication_date" is a last resort). */
const ANY_DATE = /(^|_)date$|^date_/;
const ACTOR_LIKE = /^(actor|actors|party|participants?)(_?\d)?$|^participants$/;

export interface Recognised {
  mapping: ColumnMapping;
  /** Why a person should check the mapping before loading; empty when it is sure. */
  unsure: string[];
}

/** A column's sampled values, for checking that a guess holds what it should. */
export type SampleOf = (column: string) => readonly string[];

/** The share of non-empty sampled values that pass; 0 for a column with none. */
function share(values: readonly string[], test: (v: string) => boolean): number {
  let n = 0;
  let ok = 0;
  for (const v of values) {
    if (!v.trim()) continue;
    n++;
    if (test(v)) ok++;
  }
  return n === 0 ? 0 : ok / n;
}

/** The share of a column's sampled values that read as dates, read as the column writes them. */
function dateShare(column: string, values: readonly string[]): number {
  const { options } = decideDateColumn(values, { column, convention: 'mdy' });
  return share(values, (v) => typeof readDate(v, options) !== 'string');
}
const isLat = (v: string) => typeof readCoordinate(v, 'lat') === 'number';
const isLon = (v: string) => typeof readCoordinate(v, 'lon') === 'number';
/** Most values must pass for a guess to stand. */
const MOST = 0.5;

/**
 * The columns of a header that hold each field, from their names and, where a name is not
 * enough, their values (`sample`). The first start column whose values are dates wins.
 */
export function recogniseColumns(header: readonly string[], sample: SampleOf): Recognised {
  const byKey = new Map<string, string>();
  for (const name of header) {
    const key = nameKey(name);
    if (key && !byKey.has(key)) byKey.set(key, name);
  }
  const taken = new Set<string>();
  const mapping: ColumnMapping = {};
  const unsure: string[] = [];
  const put = (field: MappedField, column: string) => {
    (mapping[field] ??= []).push(column);
    taken.add(column);
  };
  const first = (field: MappedField, test?: (column: string) => boolean) => {
    for (const key of SYNONYMS[field]) {
      const column = byKey.get(key);
      if (column !== undefined && !taken.has(column) && (!test || test(column))) return column;
    }
    return undefined;
  };
  const holds = (test: (v: string) => boolean) => (column: string) =>
    share(sample(column), test) >= MOST;

  // Dates first, so "date" is not taken for something else.
  const dateColumns = [
    ...SYNONYMS.start.map((k) => byKey.get(k)).filter((c): c is string => c !== undefined),
    ...header.filter((c) => ANY_DATE.test(nameKey(c)) && !SYNONYMS.end.includes(nameKey(c))),
  ].filter((c, i, all) => all.indexOf(c) === i);
  const isDates = (c: string) => dateShare(c, sample(c)) >= MOST;
  const starts = dateColumns.filter(isDates);
  // A column named as a date whose values do not read is still the date: each row then says why.
  const start = starts[0] ?? dateColumns[0];
  if (start !== undefined) put('start', start);
  if (starts.length === 0) {
    unsure.push(
      dateColumns.length > 0
        ? `no column holds dates Dateline reads (${dateColumns.join(', ')} looked like one)`
        : 'no column is named as a date',
    );
  } else if (starts.length > 1 && !isYearOnly(starts, sample)) {
    unsure.push(`${starts.length} columns hold dates: ${starts.join(', ')}`);
  }
  const end = first('end', (c) => !['to', 'until'].includes(nameKey(c)) || isDates(c));
  if (end !== undefined) put('end', end);

  // Coordinates: x and y only as a pair, and only with values in range.
  // x and y are coordinates only when their values are; a column named latitude always is.
  const lat = first('lat', (c) => nameKey(c) !== 'y' || holds(isLat)(c));
  const lon = first('lon', (c) => nameKey(c) !== 'x' || holds(isLon)(c));
  const xy =
    (lat !== undefined && nameKey(lat) === 'y') || (lon !== undefined && nameKey(lon) === 'x');
  if (!xy || (lat !== undefined && lon !== undefined)) {
    if (lat !== undefined) put('lat', lat);
    if (lon !== undefined) put('lon', lon);
  }

  for (const field of ['title', 'summary', 'time_text', 'place', 'source', 'url'] as const) {
    const column = first(field);
    if (column !== undefined) put(field, column);
  }
  // An "ID" column that repeats ("Secret Identity", a category) is not the events' id.
  const id = first('id', (c) => {
    const values = sample(c).map((v) => v.trim());
    return new Set(values).size === values.length;
  });
  if (id !== undefined) put('id', id);
  if (!mapping.title) unsure.push('no column is named as a title');
  else if (!SURE_TITLES.has(nameKey(mapping.title[0]!))) {
    unsure.push(`the title is guessed from the column ${quote(mapping.title[0])}`);
  }
  // Dateline's own vocabulary, used only where the values are Dateline's.
  for (const field of MAPPED_FIELDS.slice(MAPPED_FIELDS.indexOf('type'))) {
    const column = first(field);
    if (column === undefined || LIST_FIELDS.has(field)) continue;
    if (field === 'type' || field === 'status') {
      const allowed = field === 'type' ? DATELINE_TYPES : DATELINE_STATUSES;
      if (share(sample(column), (v) => allowed.has(v.trim().toLowerCase())) < MOST) continue;
    }
    put(field, column);
  }
  for (const column of header) {
    if (taken.has(column)) continue;
    const key = nameKey(column);
    if (ACTOR_LIKE.test(key) || SYNONYMS.actors.includes(key)) put('actors', column);
    else if (SYNONYMS.tags.includes(key)) put('tags', column);
  }
  // The details go from the narrowest (admin3) to the widest (country).
  const details = header
    .filter((c) => !taken.has(c) && PLACE_DETAIL.test(nameKey(c)))
    .sort((a, b) => detailRank(a) - detailRank(b));
  for (const column of details) put('place_detail', column);
  return { mapping, unsure };
}

/** Dateline CSV's own columns, by their exact names: no synonyms, no guessing from values. */
export function datelineMapping(header: readonly string[]): ColumnMapping {
  const byKey = new Map(header.map((h) => [nameKey(h), h] as const));
  const mapping: ColumnMapping = {};
  const names: Partial<Record<MappedField, readonly string[]>> = {
    ...Object.fromEntries(MAPPED_FIELDS.map((f) => [f, [f]])),
    start: ['start', 'date'],
    lat: ['lat', 'latitude'],
    lon: ['lon', 'lng', 'longitude'],
    place_detail: [],
    source: [],
    url: [],
  };
  for (const field of MAPPED_FIELDS) {
    const column = (names[field] ?? []).map((k) => byKey.get(k)).find((c) => c !== undefined);
    if (column !== undefined) mapping[field] = [column];
  }
  return mapping;
}

/** A year column beside a fuller date is not a second candidate (ACLED-like files have both). */
function isYearOnly(starts: readonly string[], sample: SampleOf): boolean {
  return (
    starts.length === 2 &&
    share(sample(starts[1]!), (v) => /^-?\d{1,4}$/.test(v.trim())) >= MOST &&
    nameKey(starts[1]!) === 'year'
  );
}

/** Narrow to wide: district, admin3, admin2, admin1, region, country. */
function detailRank(column: string): number {
  const key = nameKey(column);
  const admin = /^adm(?:in)?_?(\d)$/.exec(key);
  if (admin) return 10 - Number(admin[1]);
  if (key === 'district' || key === 'county') return 5;
  if (key === 'state' || key === 'province' || key === 'region' || key === 'admin') return 10;
  return 11;
}

const DATELINE_TYPES: ReadonlySet<string> = new Set(EVENT_TYPES);
const DATELINE_STATUSES: ReadonlySet<string> = new Set(EVENT_STATUSES);

// ---------------------------------------------------------------------------------------------
// The link form: `title:event,start:date,actors:actor1,actors:actor2`. Column names keep `,`,
// `:` and `%` escaped as %2C, %3A and %25, so any header survives.

const escapeName = (s: string) => s.replace(/%/g, '%25').replace(/,/g, '%2C').replace(/:/g, '%3A');
const unescapeName = (s: string) =>
  s.replace(/%2C/gi, ',').replace(/%3A/gi, ':').replace(/%25/g, '%');

/** A mapping as a link writes it; '' for an empty one. */
export function formatMapping(mapping: ColumnMapping): string {
  const out: string[] = [];
  for (const field of MAPPED_FIELDS) {
    for (const column of mapping[field] ?? []) out.push(`${field}:${escapeName(column)}`);
  }
  return out.join(',');
}

/** A mapping from its link form; a reason when a part is not `field:column` of a known field. */
export function parseMapping(text: string): ColumnMapping | string {
  const mapping: ColumnMapping = {};
  for (const part of text.split(',')) {
    if (!part.trim()) continue;
    const colon = part.indexOf(':');
    const field = part.slice(0, colon) as MappedField;
    const column = unescapeName(part.slice(colon + 1)).trim();
    if (colon <= 0 || !(MAPPED_FIELDS as readonly string[]).includes(field) || !column) {
      return `${quote(part)} is not field:column with a field among ${MAPPED_FIELDS.join(', ')}`;
    }
    const columns = (mapping[field] ??= []);
    if (!LIST_FIELDS.has(field) && columns.length > 0) {
      return `${field} is given twice; it takes one column`;
    }
    if (!columns.includes(column)) columns.push(column);
  }
  return mapping;
}

/**
 * A mapping given for another file, fitted to this header: columns it names that the header
 * lacks are dropped and listed (compared as `nameKey`s, and written as this header writes them).
 */
export function fitMapping(
  mapping: ColumnMapping,
  header: readonly string[],
): { mapping: ColumnMapping; missing: string[] } {
  const byKey = new Map(header.map((h) => [nameKey(h), h]));
  const out: ColumnMapping = {};
  const missing: string[] = [];
  for (const field of MAPPED_FIELDS) {
    for (const column of mapping[field] ?? []) {
      const found = byKey.get(nameKey(column));
      if (found === undefined) missing.push(column);
      else (out[field] ??= []).push(found);
    }
  }
  return { mapping: out, missing };
}

/** A short, stable key for a header, so a mapping chosen once applies to files shaped alike. */
export function headerHash(header: readonly string[]): string {
  // FNV-1a over the compared names: a few bytes to key localStorage, not a security measure.
  let h = 0x811c9dc5;
  for (const ch of header.map(nameKey).join('\u0000')) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}
