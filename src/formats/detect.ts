// Which format a file is in: by its content first (a JSON document's shape, a CSV header's
// columns); the file name only breaks ties between CSV formats and explains a failure. A file of
// no known kind is described as what it looks like (XML, a calendar, JSON of another shape, a
// table without a header), so the message helps.
import { datelineMapping, recogniseColumns } from './columns';
import { headerKey, readHeader, sniffDelimiter, stripBom } from './csv';
import { looksLikeGdelt } from './gdelt';
import { looksLikeTimemap } from './timemap';
import type { FormatId } from './types';
import { capMessage, clip } from '../model/quote';

type JsonFormat = Extract<
  FormatId,
  'dateline-json' | 'timelinejs-json' | 'geojson' | 'timelinejs2-json' | 'storymap-json'
>;
type TextFormat = Extract<FormatId, 'kml' | 'ical' | 'gdelt'>;
type CsvFormat = Exclude<FormatId, JsonFormat | TextFormat | 'timemap-json' | 'columns-json'>;

export type Sniffed =
  | { format: JsonFormat; json: Record<string, unknown> }
  | { format: 'timemap-json'; items: unknown[] }
  | { format: 'columns-json'; rows: unknown[] }
  | { format: CsvFormat | TextFormat }
  | { format: null; reason: string };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function extension(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/** Most items of an array are objects: a table of records. */
function isRecordArray(v: unknown): v is unknown[] {
  if (!Array.isArray(v) || v.length === 0) return false;
  let records = 0;
  for (const item of v) if (isRecord(item)) records++;
  return records >= v.length / 2;
}

function kindOf(v: unknown): string {
  if (Array.isArray(v)) return 'arrays';
  if (v === null) return 'nulls';
  return typeof v === 'object' ? 'objects' : `${typeof v}s`;
}

/** "an array of 3 numbers", "an object with keys type, arcs, objects". */
function describeJson(json: unknown): string {
  if (Array.isArray(json)) {
    if (json.length === 0) return 'an empty array';
    const kinds = [...new Set(json.slice(0, 50).map(kindOf))];
    return `an array of ${json.length.toLocaleString('en-US')} ${kinds.join(' and ')}`;
  }
  if (isRecord(json)) {
    const keys = Object.keys(json);
    if (keys.length === 0) return 'an empty object';
    const shown =
      keys
        .slice(0, 6)
        .map((k) => clip(k))
        .join(', ') + (keys.length > 6 ? ', …' : '');
    return `an object with keys ${shown}`;
  }
  return `a single ${kindOf(json).slice(0, -1)}`;
}

/** The one array of records an object holds (`{ "data": [{…}, …] }`), if it holds exactly one. */
function onlyRecordArray(json: Record<string, unknown>): unknown[] | undefined {
  const arrays = Object.values(json).filter(isRecordArray);
  return arrays.length === 1 ? arrays[0] : undefined;
}

function classifyJson(json: unknown): Sniffed {
  if (Array.isArray(json) && looksLikeTimemap(json)) return { format: 'timemap-json', items: json };
  if (isRecordArray(json)) return { format: 'columns-json', rows: json };
  if (!isRecord(json)) {
    return {
      format: null,
      reason: `it is JSON, ${describeJson(json)}, not a list of events (an array of objects) nor a document Dateline reads`,
    };
  }
  if (typeof json.format === 'string' && json.format.startsWith('dateline/')) {
    return { format: 'dateline-json', json };
  }
  if (json.type === 'FeatureCollection') return { format: 'geojson', json };
  if (json.type === 'Feature') {
    return { format: 'geojson', json: { type: 'FeatureCollection', features: [json] } };
  }
  if (isRecord(json.timeline) && Array.isArray(json.timeline.date)) {
    return { format: 'timelinejs2-json', json };
  }
  if (isRecord(json.timeline) && Array.isArray(json.timeline.slides)) {
    return { format: 'timelinejs-json', json };
  }
  if (isRecord(json.storymap) && Array.isArray(json.storymap.slides)) {
    return { format: 'storymap-json', json };
  }
  const events = Array.isArray(json.events) ? (json.events as unknown[]) : undefined;
  if (events) {
    const timeline =
      events.some((e) => isRecord(e) && 'start_date' in e) ||
      (isRecord(json.title) && isRecord(json.title.text));
    if (timeline) return { format: 'timelinejs-json', json };
    // Events shaped like Dateline's but no format: the loader will say what is missing.
    if (events.some((e) => isRecord(e) && 'time' in e)) return { format: 'dateline-json', json };
  }
  const rows = onlyRecordArray(json);
  if (rows) return { format: 'columns-json', rows };
  return {
    format: null,
    reason: `it is JSON of another shape (${describeJson(json)}): not an array of events, no "format": "dateline/1", no TimelineJS "events" with "start_date", and not a GeoJSON FeatureCollection`,
  };
}

/** The CSV formats whose required columns a header has. */
export function csvFormatsOf(header: readonly string[]): CsvFormat[] {
  const has = new Set(header.map(headerKey));
  const out: CsvFormat[] = [];
  if (
    has.has('event_date') &&
    (has.has('event_id_cnty') || (has.has('event_type') && has.has('actor1')))
  ) {
    out.push('acled-csv');
  }
  if (
    has.has('date_start') &&
    has.has('side_a') &&
    has.has('side_b') &&
    (has.has('date_prec') || has.has('where_prec'))
  ) {
    out.push('ucdp-ged-csv');
  }
  if (has.has('year') && has.has('headline')) out.push('timelinejs-csv');
  if (has.has('title') && (has.has('start') || has.has('date')) && !namesMore(header)) {
    out.push('dateline-csv');
  }
  return out;
}

/** Whether a header names fields by synonyms Dateline CSV does not read (actor1, url, admin1…). */
function namesMore(header: readonly string[]): boolean {
  const own = new Set(Object.values(datelineMapping(header)).flat());
  const { mapping } = recogniseColumns(header, () => []);
  return Object.values(mapping).some((columns) => columns.some((c) => !own.has(c)));
}

function classifyCsv(text: string, fileName: string): Sniffed {
  const header = readHeader(text);
  const formats = csvFormatsOf(header);
  if (formats.length > 1) {
    const name = fileName.toLowerCase();
    const hinted = formats.find(
      (f) =>
        (f === 'acled-csv' && name.includes('acled')) ||
        (f === 'timelinejs-csv' && name.includes('timeline')),
    );
    return { format: hinted ?? formats[0]! };
  }
  if (formats.length === 1) return { format: formats[0]! };
  const shown =
    header
      .slice(0, 6)
      .map((h) => clip(h))
      .join(', ') + (header.length > 6 ? ', …' : '');
  if (looksLikeData(header)) {
    const delimiter = sniffDelimiter(text);
    const kind =
      delimiter === '\t'
        ? 'tab-separated'
        : delimiter === ';'
          ? 'semicolon-separated'
          : 'comma-separated';
    return {
      format: null,
      reason: `it is ${kind} text whose first line (${shown}) is data, not a header: Dateline needs a first line naming the columns (a date column such as date or start, a title…)`,
    };
  }
  // Any other header with a column Dateline recognises is read through the column mapping.
  const { mapping } = recogniseColumns(header, () => []);
  if (Object.keys(mapping).length > 0) return { format: 'columns-csv' };
  return {
    format: null,
    reason: `its first line (${shown || 'empty'}) names no column Dateline recognises: it needs at least a date column (date, start, event_date…) and a title (title, headline, event…); a TimelineJS sheet has Year and Headline, an ACLED export event_id_cnty and event_date`,
  };
}

const DATA_CELL = /^[-+]?[\d.,:/\s-]+[a-z]?$|^\d{4}-\d{2}/i;

/** A first line most of whose cells are numbers or dates: a table without a header. */
function looksLikeData(header: readonly string[]): boolean {
  const filled = header.filter((h) => h.trim() !== '');
  if (filled.length < 2) return false;
  return filled.filter((h) => DATA_CELL.test(h)).length >= filled.length / 2;
}

/** What a text that is neither JSON nor a table looks like, when it is something known. */
function describeText(clean: string): string | undefined {
  const head = clean.slice(0, 2000);
  if (head.startsWith('<')) {
    if (/^<!doctype html|^<html/i.test(head)) {
      return 'it is a web page (HTML), not a data file: download the data file itself';
    }
    const body = head.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<![^>]*>/g, '').trimStart();
    const root = /^<([A-Za-z][\w:.-]*)/.exec(body);
    return `it is XML${root ? ` (a <${root[1]}> document)` : ''}, but not KML (it has no <kml> element), the only XML Dateline reads`;
  }
  return undefined;
}

export function sniff(text: string, fileName = ''): Sniffed {
  const clean = stripBom(text).trimStart();
  if (!clean.trim()) return { format: null, reason: 'the file is empty' };
  if (clean.startsWith('{') || clean.startsWith('[')) {
    let json: unknown;
    try {
      json = JSON.parse(clean);
    } catch (e) {
      return {
        format: null,
        reason: `it is not valid JSON (${capMessage((e as Error).message, 200)})`,
      };
    }
    return classifyJson(json);
  }
  if (/^BEGIN:VCALENDAR\b/i.test(clean)) return { format: 'ical' };
  if (clean.startsWith('<')) {
    if (/<(?:\w+:)?kml[\s>]/.test(clean.slice(0, 8192))) return { format: 'kml' };
  }
  if (looksLikeGdelt(clean)) return { format: 'gdelt' };
  const described = describeText(clean);
  if (described) return { format: null, reason: described };
  const csv = classifyCsv(clean, fileName);
  const guessed = csv.format === null || csv.format === 'columns-csv';
  if (guessed && ['json', 'geojson'].includes(extension(fileName))) {
    return { format: null, reason: 'it is named as JSON but does not start with { or [' };
  }
  return csv;
}
