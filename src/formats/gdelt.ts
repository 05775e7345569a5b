// GDELT event exports: tab-separated, no header, one machine-coded event per line. GDELT 2.0
// writes 61 columns (`*.export.CSV`, every 15 minutes); GDELT 1.0's daily files 57, or 58 with
// SOURCEURL. Who did what to whom comes from CAMEO codes, the place from ActionGeo. Every event
// is marked as machine-coded (a tag and `extra.coding`), since no person read the article.
import type { ActorKind, EventType } from '../model/schema';
import { Columns, isBlankRow } from './csv';
import { baseName, Draft, type Imported, type Origin } from './draft';
import { EventIds, hostOf } from './eventIds';
import { readPlace, type PlacePrecision } from './place';
import { columnLocator, CsvRecord, text } from './record';
import type { ImportOptions, RawEvent } from './types';
import { quote } from '../model/quote';

const ACTOR = [
  'Code',
  'Name',
  'CountryCode',
  'KnownGroupCode',
  'EthnicCode',
  'Religion1Code',
  'Religion2Code',
  'Type1Code',
  'Type2Code',
  'Type3Code',
];
const EVENT = [
  'IsRootEvent',
  'EventCode',
  'EventBaseCode',
  'EventRootCode',
  'QuadClass',
  'GoldsteinScale',
  'NumMentions',
  'NumSources',
  'NumArticles',
  'AvgTone',
];
const geo = (prefix: string, adm2: boolean) =>
  [
    'Type',
    'FullName',
    'CountryCode',
    'ADM1Code',
    ...(adm2 ? ['ADM2Code'] : []),
    'Lat',
    'Long',
    'FeatureID',
  ].map((c) => `${prefix}Geo_${c}`);

function layout(adm2: boolean, sourceUrl: boolean): string[] {
  return [
    'GLOBALEVENTID',
    'SQLDATE',
    'MonthYear',
    'Year',
    'FractionDate',
    ...ACTOR.map((c) => `Actor1${c}`),
    ...ACTOR.map((c) => `Actor2${c}`),
    ...EVENT,
    ...geo('Actor1', adm2),
    ...geo('Actor2', adm2),
    ...geo('Action', adm2),
    'DATEADDED',
    ...(sourceUrl ? ['SOURCEURL'] : []),
  ];
}

/** The column names of each layout, by how many columns a line has. */
export const GDELT_LAYOUTS: Readonly<Record<number, readonly string[]>> = {
  61: layout(true, true),
  58: layout(false, true),
  57: layout(false, false),
};

/** Whether text looks like a GDELT event export: its first line, split at tabs, is one. */
export function looksLikeGdelt(content: string): boolean {
  const end = content.indexOf('\n');
  const cells = (end < 0 ? content : content.slice(0, end)).replace(/\r$/, '').split('\t');
  return cells.length in GDELT_LAYOUTS && /^\d+$/.test(cells[0]!) && /^\d{8}$/.test(cells[1]!);
}

/** CAMEO's twenty root codes: what GDELT says happened, in words, and the Dateline type. */
export const CAMEO_ROOTS: Readonly<Record<string, { label: string; type: EventType }>> = {
  '01': { label: 'Make public statement', type: 'statement' },
  '02': { label: 'Appeal', type: 'statement' },
  '03': { label: 'Express intent to cooperate', type: 'statement' },
  '04': { label: 'Consult', type: 'negotiation' },
  '05': { label: 'Engage in diplomatic cooperation', type: 'negotiation' },
  '06': { label: 'Engage in material cooperation', type: 'other' },
  '07': { label: 'Provide aid', type: 'humanitarian' },
  '08': { label: 'Yield', type: 'other' },
  '09': { label: 'Investigate', type: 'other' },
  '10': { label: 'Demand', type: 'statement' },
  '11': { label: 'Disapprove', type: 'statement' },
  '12': { label: 'Reject', type: 'statement' },
  '13': { label: 'Threaten', type: 'statement' },
  '14': { label: 'Protest', type: 'other' },
  '15': { label: 'Exhibit military posture', type: 'military' },
  '16': { label: 'Reduce relations', type: 'other' },
  '17': { label: 'Coerce', type: 'other' },
  '18': { label: 'Assault', type: 'military' },
  '19': { label: 'Fight', type: 'military' },
  '20': { label: 'Use unconventional mass violence', type: 'military' },
};

/**
 * ActionGeo_Type → place precision: 1 a country, 2 a US state, 3 a US city or landmark, 4 a
 * city or landmark elsewhere, 5 a first-order division (a province) elsewhere.
 */
const GEO_PRECISIONS: Readonly<Record<string, PlacePrecision>> = {
  '1': 'country',
  '2': 'region',
  '3': 'city',
  '4': 'city',
  '5': 'region',
};

/** CAMEO actor type codes → Dateline kinds; a bare country code is the state. */
const TYPE_KINDS: Readonly<Record<string, ActorKind>> = {
  GOV: 'government',
  LEG: 'government',
  JUD: 'government',
  ELI: 'government',
  MIL: 'state',
  COP: 'state',
  SPY: 'state',
  REB: 'armed-group',
  INS: 'armed-group',
  SEP: 'armed-group',
  UAF: 'armed-group',
  MED: 'media',
  CVL: 'people',
  REF: 'people',
  LAB: 'people',
  EDU: 'people',
  HLH: 'people',
  AGR: 'people',
  CRM: 'people',
  BUS: 'organisation',
  NGO: 'organisation',
  IGO: 'organisation',
  MNC: 'organisation',
};

export function actorKind(code: string, country: string, type1: string): ActorKind {
  const kind = TYPE_KINDS[type1.toUpperCase()];
  if (kind) return kind;
  if (country && code.toUpperCase() === country.toUpperCase()) return 'state';
  return 'organisation';
}

/** The tag every GDELT event carries, so a filter can show or hide machine-coded events. */
export const MACHINE_CODED_TAG = 'machine-coded';

const COLUMN_RULES = [
  ['time', ['sqldate']],
  ['place.lat', ['actiongeo_lat']],
  ['place.lon', ['actiongeo_long']],
  ['place', ['actiongeo_fullname']],
  ['id', ['globaleventid']],
  ['claim', ['sourceurl']],
  ['actors', ['actor1name']],
  ['type', ['eventrootcode']],
] as const;

export function importGdelt(content: string, opts: ImportOptions): Imported {
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length > 0 && lines.at(-1)!.trim() === '') lines.pop();
  const width = lines[0]!.split('\t').length;
  const names = GDELT_LAYOUTS[width] ?? GDELT_LAYOUTS[61]!;
  const columns = new Columns(names);
  const draft = new Draft('gdelt', opts, columnLocator(columns, COLUMN_RULES));
  draft.title = baseName(opts.fileName);
  draft.description = `GDELT ${width === 61 ? '2.0' : '1.0'} events, machine-coded from news reports by the GDELT Project; no person has checked them.`;
  const ids = new EventIds();
  lines.forEach((line, i) => {
    draft.progress(i, lines.length);
    const row = i + 1;
    const origin: Origin = { collection: 'events', row };
    const cells = line.split('\t');
    if (isBlankRow(cells)) return;
    if (cells.length !== names.length) {
      draft.reject(
        origin,
        `this line has ${cells.length} columns; the others have ${names.length} (a GDELT ${names.length === 61 ? '2.0' : '1.0'} export)`,
      );
      return;
    }
    const event = readRow(new CsvRecord(columns, cells), draft, origin, row, ids);
    if (event) draft.add(event, origin);
  });
  return draft.load();
}

function readRow(
  rec: CsvRecord,
  draft: Draft,
  origin: Origin,
  row: number,
  ids: EventIds,
): RawEvent | null {
  const given = text(rec.take('globaleventid'));
  const id = ids.take(
    given && `gdelt-${given}`,
    `gdelt-row-${row}`,
    { label: `row ${row}`, n: row },
    draft,
    origin,
    { column: 'GLOBALEVENTID' },
  );

  const dateField = rec.take('sqldate');
  const date = /^(\d{4})(\d{2})(\d{2})$/.exec(text(dateField));
  if (!date) {
    draft.reject(origin, `SQLDATE ${quote(text(dateField))} is not a date written YYYYMMDD`, {
      column: 'SQLDATE',
      id,
    });
    return null;
  }
  const start = `${date[1]}-${date[2]}-${date[3]}`;

  const actor1 = text(rec.take('actor1name'));
  const actor2 = text(rec.take('actor2name'));
  const code = text(rec.peek('eventcode'));
  const rootField = rec.peek('eventrootcode');
  const root = text(rootField) || code.slice(0, 2);
  const cameo = CAMEO_ROOTS[root.padStart(2, '0')];
  if (!cameo) {
    draft.warn(
      origin,
      `EventRootCode ${quote(root)} is not a CAMEO root code (01–20); type “other”`,
      {
        column: 'EventRootCode',
        id,
      },
    );
  }
  const action = cameo?.label ?? `CAMEO ${code || root || '?'}`;
  const title = [actor1, actor2].some(Boolean)
    ? `${actor1 || 'Unnamed actor'}: ${action.toLowerCase()}${actor2 ? ` → ${actor2}` : ''}`
    : action;

  const geoType = text(rec.peek('actiongeo_type'));
  const placeName = text(rec.take('actiongeo_fullname'));
  const lat = rec.take('actiongeo_lat');
  const lon = rec.take('actiongeo_long');
  const place = readPlace(
    {
      name: placeName,
      lat: lat?.value,
      lon: lon?.value,
      precision: GEO_PRECISIONS[geoType] ?? 'city',
      where: {
        name: { column: 'ActionGeo_FullName' },
        lat: { column: 'ActionGeo_Lat' },
        lon: { column: 'ActionGeo_Long' },
      },
      id,
    },
    draft,
    origin,
  );
  if (!place.ok) return null;

  // The outlet is the source; the article's own address stays in extra.SOURCEURL.
  const url = text(rec.peek('sourceurl'));
  const host = hostOf(url);
  const by = host ? draft.source(host) : draft.fileSource();
  const actors: NonNullable<RawEvent['actors']> = [];
  for (const n of ['1', '2']) {
    const name = n === '1' ? actor1 : actor2;
    if (!name) continue;
    const kind = actorKind(
      text(rec.peek(`actor${n}code`)),
      text(rec.peek(`actor${n}countrycode`)),
      text(rec.peek(`actor${n}type1code`)),
    );
    const actor = draft.actor(name, kind);
    if (!actors.some((a) => a.actor === actor)) actors.push({ actor, role: 'party' });
  }
  const summary = [
    `Machine-coded by GDELT: ${actor1 || 'an unnamed actor'} — ${action.toLowerCase()} (CAMEO ${code || root})${actor2 ? ` — ${actor2}` : ''}.`,
    url && `Source article: ${url}`,
  ]
    .filter(Boolean)
    .join('\n');
  return {
    id,
    title,
    summary,
    type: cameo?.type ?? 'other',
    time: { start, precision: 'day', approximate: false },
    status: 'occurred',
    place: place.place,
    actors,
    claim: { by, status: 'reported' },
    tags: [MACHINE_CODED_TAG, ...(cameo ? [cameo.label] : [])],
    extra: {
      coding: 'machine (GDELT)',
      ...(place.unplaced && { ActionGeo_FullName: placeName }),
      ...rec.rest(),
    },
  };
}
