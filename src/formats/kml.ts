// KML (Google Earth, My Maps, QGIS): one event per Placemark, in any Document or Folder. Its time
// is its TimeStamp `when` or TimeSpan `begin`/`end` (gYear, gYearMonth, date or dateTime), or the
// nearest enclosing Folder's; the place is a Point (KML writes longitude first), the centre of a
// line's or polygon's bounding box, or a geocoded `address`. `name` is the title, `description` (HTML) the summary
// with its HTML kept as summaryHtml, ExtendedData goes to extra, Folder names become tags. XML is
// read with fast-xml-parser: DOMParser does not exist in the Web Worker that imports.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { readDate, toEventTime, type DateValue } from './dates';
import { baseName, Draft, type Imported, type Origin } from './draft';
import { EventIds } from './eventIds';
import { locate } from './geometry';
import { hasMarkup, htmlToText } from './html';
import { setOwn } from '../model/own';
import { readPlace } from './place';
import { slugify } from './slug';
import type { ImportOptions, RawEvent } from './types';
import { quote } from '../model/quote';
import { safeJson } from '../model/nesting';

type Node = Record<string, unknown>;

const LISTS = new Set([
  'Document',
  'Folder',
  'Placemark',
  'Data',
  'SchemaData',
  'SimpleData',
  'Point',
  'LineString',
  'LinearRing',
  'Polygon',
  'MultiGeometry',
  'Track',
  'coord',
  'when',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => LISTS.has(name),
});

/** Placemark children read into Dateline fields; the others go to extra. */
const READ = new Set([
  'name',
  'description',
  'TimeStamp',
  'TimeSpan',
  'Point',
  'LineString',
  'LinearRing',
  'Polygon',
  'MultiGeometry',
  'Track',
  'ExtendedData',
  'address',
  '@id',
]);

function isNode(v: unknown): v is Node {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function list(v: unknown): unknown[] {
  return v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
}

/** An element's text: a string, or an element with attributes' `#text`. */
function txt(v: unknown): string {
  const first = Array.isArray(v) ? v[0] : v;
  if (typeof first === 'string' || typeof first === 'number') return String(first).trim();
  if (isNode(first) && first['#text'] !== undefined) return String(first['#text']).trim();
  return '';
}

interface TimeSource {
  node: Node;
  /** Where it was found, for messages: "TimeSpan", or "the Folder “Phase 1”". */
  from: string;
}

interface Context {
  folders: string[];
  time?: TimeSource;
}

interface Found {
  placemark: Node;
  folders: string[];
  inherited?: TimeSource;
}

function timeOf(node: Node): Node | undefined {
  for (const key of ['TimeSpan', 'TimeStamp']) {
    const t = node[key];
    if (isNode(t)) return { [key]: t };
  }
  return undefined;
}

/** Every Placemark under a container, with its folders and the time it may inherit. */
function collect(node: Node, ctx: Context, out: Found[]): void {
  for (const placemark of list(node.Placemark)) {
    if (isNode(placemark)) out.push({ placemark, folders: ctx.folders, inherited: ctx.time });
  }
  for (const key of ['Document', 'Folder']) {
    for (const child of list(node[key])) {
      if (!isNode(child)) continue;
      const name = txt(child.name);
      const own = timeOf(child);
      collect(
        child,
        {
          folders: key === 'Folder' && name ? [...ctx.folders, name] : ctx.folders,
          time: own ? { node: own, from: `the ${key} ${quote(name || 'unnamed')}` } : ctx.time,
        },
        out,
      );
    }
  }
}

export function importKml(text: string, opts: ImportOptions): Imported {
  const draft = new Draft('kml', opts);
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    draft.warn(
      { collection: 'dataset' },
      `the file is not well-formed XML (line ${valid.err.line}: ${valid.err.msg}); what could be read is imported`,
    );
  }
  let doc: Node;
  try {
    doc = parser.parse(text) as Node;
  } catch (err) {
    draft.warn({ collection: 'dataset' }, `the XML cannot be read: ${(err as Error).message}`);
    doc = {};
  }
  const kml = isNode(doc.kml) ? doc.kml : doc;
  const documents = list(kml.Document).filter(isNode);
  draft.title = txt(documents[0]?.name) || baseName(opts.fileName);
  draft.description = htmlToText(txt(documents[0]?.description));
  const found: Found[] = [];
  collect(kml, { folders: [] }, found);
  const ids = new EventIds();
  found.forEach((f, i) => {
    draft.progress(i, found.length);
    const origin: Origin = { collection: 'events', index: i };
    const event = readPlacemark(f, draft, origin, i, ids);
    if (event) draft.add(event, origin);
  });
  return draft.load();
}

function readPlacemark(
  { placemark, folders, inherited }: Found,
  draft: Draft,
  origin: Origin,
  index: number,
  ids: EventIds,
): RawEvent | null {
  // <name> is text (KML: a label); <description> is HTML (Google Earth renders it so).
  const name = txt(placemark.name).replace(/\s+/g, ' ');
  const html = txt(placemark.description);
  const summary = hasMarkup(html) ? htmlToText(html) : htmlToText(html.replace(/\n/g, '<br>'));
  const title = name || summary.split('\n')[0]!.slice(0, 80) || `Placemark ${index + 1}`;
  const given = txt(placemark['@id']);
  const id = ids.take(
    given,
    `${slugify(title) || 'placemark'}-${index + 1}`,
    { label: `events[${index}]`, n: index + 1 },
    draft,
    origin,
    { field: '@id' },
  );
  const at = (field: string) => ({ field, id });
  if (!name) draft.warn(origin, `no name; using ${quote(title)}`, at('name'));

  const own = timeOf(placemark);
  const source: TimeSource | undefined = own ? { node: own, from: '' } : inherited;
  if (!source) {
    draft.reject(
      origin,
      'no TimeStamp or TimeSpan: a placemark needs a time to be an event',
      at('TimeStamp'),
    );
    return null;
  }
  const time = readKmlTime(source.node);
  if (typeof time === 'string' || 'reason' in time) {
    const reason = typeof time === 'string' ? time : time.reason;
    const field = typeof time === 'string' ? 'TimeStamp.when' : time.field;
    draft.reject(origin, source.from ? `${reason} (in ${source.from})` : reason, at(field));
    return null;
  }
  if (time.warning) draft.warn(origin, time.warning, at(time.field));
  const aligned = toEventTime(time.start, time.end);
  const notes = [aligned.text, source.from && `from the time of ${source.from}`].filter(Boolean);

  const address = txt(placemark.address);
  const geometry = kmlGeometry(placemark);
  if (typeof geometry === 'string') {
    draft.reject(origin, geometry, at('coordinates'));
    return null;
  }
  const located = locate(geometry);
  if (located.kind === 'invalid') {
    draft.reject(origin, located.reason, at('coordinates'));
    return null;
  }
  const where = { field: 'Point.coordinates' };
  // Only an <address> is geocoded: a placemark's name is as often an event's title as a place.
  const place: ReturnType<typeof readPlace> =
    located.kind === 'none' && !address
      ? { ok: true, place: null }
      : readPlace(
          {
            name: address || name,
            query: address || undefined,
            lat: located.kind === 'none' ? undefined : located.lat,
            lon: located.kind === 'none' ? undefined : located.lon,
            precision: located.kind === 'centre' ? 'area' : 'exact',
            where: { name: { field: address ? 'address' : 'name' }, lat: where, lon: where },
            id,
          },
          draft,
          origin,
        );
  if (!place.ok) return null;
  if (located.kind === 'centre' && place.place) {
    place.place.radiusKm = located.radiusKm;
    draft.warn(
      origin,
      `a ${located.type}, placed at the centre of its bounding box (within ${located.radiusKm} km)`,
      at('coordinates'),
    );
  }
  const extra: Record<string, unknown> = {};
  readExtendedData(placemark.ExtendedData, extra);
  for (const [key, value] of Object.entries(placemark)) {
    if (READ.has(key) || value === '' || value === undefined) continue;
    const kept =
      typeof value === 'string'
        ? value
        : isNode(value) && Object.keys(value).length === 1 && '#text' in value
          ? txt(value)
          : safeJson(value);
    setOwn(extra, Object.hasOwn(extra, key) ? `${key} (element)` : key, kept);
  }
  if (place.unplaced && address) extra.address = address;

  const event: RawEvent = {
    id,
    title,
    summary,
    ...(hasMarkup(html) && { summaryHtml: html }),
    type: 'other',
    time: {
      start: aligned.start,
      ...(aligned.end !== undefined && aligned.end !== aligned.start && { end: aligned.end }),
      precision: aligned.precision,
      approximate: aligned.approximate,
      ...(notes.length > 0 && { text: notes.join('; ') }),
    },
    status: 'occurred',
    place: place.place,
    actors: [],
    claim: { by: draft.fileSource(), status: 'reported' },
    tags: folders.slice(-1),
  };
  if (Object.keys(extra).length > 0) event.extra = extra;
  return event;
}

type KmlTime =
  | { start: DateValue; end?: DateValue; field: string; warning?: string }
  | { reason: string; field: string };

function readKmlTime(node: Node): KmlTime | string {
  const stamp = node.TimeStamp;
  if (isNode(stamp)) {
    const when = txt(stamp.when);
    if (!when) return { reason: 'the TimeStamp has no <when>', field: 'TimeStamp.when' };
    const read = readDate(when);
    return typeof read === 'string'
      ? { reason: `TimeStamp: ${read}`, field: 'TimeStamp.when' }
      : { start: read, field: 'TimeStamp.when' };
  }
  const span = node.TimeSpan as Node;
  const begin = txt(span.begin);
  const end = txt(span.end);
  const b = begin ? readDate(begin) : undefined;
  const e = end ? readDate(end) : undefined;
  if (typeof b === 'string') return { reason: `TimeSpan begin: ${b}`, field: 'TimeSpan.begin' };
  if (typeof e === 'string') return { reason: `TimeSpan end: ${e}`, field: 'TimeSpan.end' };
  if (b && e) return { start: b, end: e, field: 'TimeSpan' };
  if (b) {
    return {
      start: b,
      field: 'TimeSpan.end',
      warning: 'the TimeSpan has no end; the event is placed at its begin',
    };
  }
  if (e) {
    return {
      start: e,
      field: 'TimeSpan.begin',
      warning: 'the TimeSpan has no begin; the event is placed at its end',
    };
  }
  return { reason: 'the TimeSpan has neither begin nor end', field: 'TimeSpan' };
}

/** "lon,lat[,alt] lon,lat[,alt] …" → positions; a reason for a tuple that is not numbers. */
function tuples(text: string): Array<[number, number]> | string {
  const out: Array<[number, number]> = [];
  for (const tuple of text.trim().split(/\s+/).filter(Boolean)) {
    const [lon, lat] = tuple.split(',').map(Number);
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) {
      return `coordinates ${quote(tuple)} are not longitude,latitude`;
    }
    out.push([lon!, lat!]);
  }
  return out;
}

/** The placemark's geometry as GeoJSON (a Point, else every position as a MultiPoint). */
function kmlGeometry(node: Node): Record<string, unknown> | null | string {
  const all: Array<[number, number]> = [];
  let points = 0;
  let shapes = 0;
  /** Adds the positions of each element's `coordinates`; a reason when one is not numbers. */
  const add = (elements: unknown[]): string | null => {
    for (const el of elements) {
      if (!isNode(el)) continue;
      const read = tuples(txt(el.coordinates));
      if (typeof read === 'string') return read;
      all.push(...read);
    }
    return null;
  };
  const walk = (n: Node): string | null => {
    const before = all.length;
    const bad = add(list(n.Point));
    if (bad) return bad;
    points += all.length - before;
    const rings = list(n.Polygon).flatMap((p) =>
      isNode(p) && isNode(p.outerBoundaryIs) ? list(p.outerBoundaryIs.LinearRing) : [],
    );
    for (const shape of [list(n.LineString), list(n.LinearRing), rings]) {
      const badShape = add(shape);
      if (badShape) return badShape;
      shapes += shape.length;
    }
    for (const track of list(n.Track)) {
      if (!isNode(track)) continue;
      for (const c of list(track.coord)) {
        const [lon, lat] = txt(c).split(/\s+/).map(Number);
        if (Number.isFinite(lon) && Number.isFinite(lat)) all.push([lon!, lat!]);
      }
      shapes++;
    }
    for (const multi of list(n.MultiGeometry)) {
      if (!isNode(multi)) continue;
      const badMulti = walk(multi);
      if (badMulti) return badMulti;
    }
    return null;
  };
  const bad = walk(node);
  if (bad) return bad;
  if (all.length === 0) return null;
  if (points === 1 && shapes === 0) return { type: 'Point', coordinates: all[0] };
  return { type: shapes > 0 ? 'LineString' : 'MultiPoint', coordinates: all };
}

/** ExtendedData's `<Data name><value>` and `<SchemaData><SimpleData name>` into extra. */
function readExtendedData(value: unknown, extra: Record<string, unknown>): void {
  if (!isNode(value)) return;
  for (const data of list(value.Data)) {
    if (!isNode(data)) continue;
    const key = txt(data['@name']) || txt(data.displayName);
    if (key) setOwn(extra, key, txt(data.value));
  }
  for (const schema of list(value.SchemaData)) {
    if (!isNode(schema)) continue;
    for (const simple of list(schema.SimpleData)) {
      const key = isNode(simple) ? txt(simple['@name']) : '';
      if (key) setOwn(extra, key, txt(simple));
    }
  }
}
