// Which format a file is in: by its content first (a JSON document's shape, a CSV header's
// columns); the file name only breaks ties between CSV formats and explains a failure.
import { headerKey, readHeader, stripBom } from './csv';
import { looksLikeGdelt } from './gdelt';
import { looksLikeTimemap } from './timemap';
import type { FormatId } from './types';

type JsonFormat = Extract<
  FormatId,
  'dateline-json' | 'timelinejs-json' | 'geojson' | 'timelinejs2-json' | 'storymap-json'
>;
type TextFormat = Extract<FormatId, 'kml' | 'ical' | 'gdelt'>;
type CsvFormat = Exclude<FormatId, JsonFormat | TextFormat | 'timemap-json'>;

export type Sniffed =
  | { format: JsonFormat; json: Record<string, unknown> }
  | { format: 'timemap-json'; items: unknown[] }
  | { format: CsvFormat | TextFormat }
  | { format: null; reason: string };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function extension(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

function classifyJson(json: unknown): Sniffed {
  if (Array.isArray(json) && looksLikeTimemap(json)) return { format: 'timemap-json', items: json };
  if (!isRecord(json)) {
    return { format: null, reason: 'it is JSON, but not an object' };
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
  return {
    format: null,
    reason:
      'it is JSON, but not one Dateline reads: no "format": "dateline/1", no TimelineJS "events" with "start_date", and not a GeoJSON FeatureCollection',
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
  if (has.has('title') && (has.has('start') || has.has('date'))) out.push('dateline-csv');
  return out;
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
  const shown = header.slice(0, 6).join(', ') + (header.length > 6 ? ', …' : '');
  return {
    format: null,
    reason: `its first line (${shown || 'empty'}) is not a header Dateline knows: Dateline CSV needs title and start columns, a TimelineJS sheet Year and Headline, an ACLED export event_id_cnty and event_date`,
  };
}

export function sniff(text: string, fileName = ''): Sniffed {
  const clean = stripBom(text).trimStart();
  if (!clean.trim()) return { format: null, reason: 'the file is empty' };
  if (clean.startsWith('{') || clean.startsWith('[')) {
    let json: unknown;
    try {
      json = JSON.parse(clean);
    } catch (e) {
      return { format: null, reason: `it is not valid JSON (${(e as Error).message})` };
    }
    return classifyJson(json);
  }
  if (/^BEGIN:VCALENDAR\b/i.test(clean)) return { format: 'ical' };
  if (clean.startsWith('<')) {
    if (/<(?:\w+:)?kml[\s>]/.test(clean.slice(0, 8192))) return { format: 'kml' };
    return { format: null, reason: 'it is XML (or HTML), but not KML: it has no <kml> element' };
  }
  if (looksLikeGdelt(clean)) return { format: 'gdelt' };
  const csv = classifyCsv(clean, fileName);
  if (csv.format === null && ['json', 'geojson'].includes(extension(fileName))) {
    return { format: null, reason: 'it is named as JSON but does not start with { or [' };
  }
  return csv;
}
