// GeoJSON FeatureCollection: one event per feature, in the Dateline field vocabulary (fields.ts)
// read from `properties` under the names people use (PROPERTY_ALIASES; the time in propertyTime.ts,
// USGS's epoch-ms `time` included), and Linked Places `when`s (linkedPlaces.ts). A feature's own
// `type`/`status` that is not Dateline's is kept, said once per file. A Point places the event;
// other geometries place it at the centre of their bounding box, with a warning. Problems name
// the feature by its index in `features`.
import { EVENT_STATUSES, EVENT_TYPES } from '../model/schema';
import type { DateValue } from './dates';
import { baseName, Draft, type Imported, type Origin } from './draft';
import { readEventFields, type ReadOptions } from './fields';
import { locate } from './geometry';
import { featureWhen } from './linkedPlaces';
import { resolveMedia } from './mediaUrl';
import { setOwn } from '../model/own';
import { readPlace, takeGeocoding } from './place';
import { PropertyTimes } from './propertyTime';
import { ObjectRecord, text, type Field } from './record';
import type { ImportOptions } from './types';
import { quote } from '../model/quote';
import { safeJson } from '../model/nesting';

const FEATURE_MEMBERS = new Set(['type', 'id', 'geometry', 'properties', 'bbox', 'when']);
const COLLECTION_MEMBERS = new Set(['type', 'features', 'name', 'title', 'description']);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Other names people give Dateline's fields in GeoJSON properties (the time: propertyTime.ts). */
export const PROPERTY_ALIASES = {
  title: ['name', 'headline', 'label', 'event', 'subject'],
  summary: ['description', 'desc', 'notes', 'content', 'text', 'details'],
  summary_html: ['summaryhtml'],
  place: ['place_name', 'location', 'city', 'town', 'locality', 'address'],
} satisfies ReadOptions['aliases'];

/** Whether the file is Linked Places (its features are places, its `title` a place's name). */
function isLinkedPlaces(doc: Record<string, unknown>, feature: Record<string, unknown>): boolean {
  const context = safeJson(doc['@context'] ?? '');
  const geometry = isRecord(feature.geometry) ? feature.geometry : {};
  const props = isRecord(feature.properties) ? feature.properties : {};
  return (
    /linked-?places|lpf/i.test(context) ||
    feature.when !== undefined ||
    geometry.when !== undefined ||
    (Array.isArray(geometry.geometries) &&
      geometry.geometries.some((g: unknown) => isRecord(g) && g.when !== undefined)) ||
    props.ccodes !== undefined
  );
}

/** What every feature is read with, decided once for the file. */
interface FileReading {
  doc: Record<string, unknown>;
  times: PropertyTimes;
  /** `type` and `status` values that are not Dateline's, counted for one line per file. */
  kept: Map<string, { count: number; values: Set<string> }>;
}

export function importGeojson(doc: Record<string, unknown>, opts: ImportOptions): Imported {
  const draft = new Draft('geojson', opts);
  draft.title =
    text({ value: doc.name ?? doc.title, key: '', where: {} }) || baseName(opts.fileName);
  draft.description = typeof doc.description === 'string' ? doc.description : '';
  for (const [key, value] of Object.entries(doc)) {
    if (!COLLECTION_MEMBERS.has(key)) setOwn(draft.extra, key, value);
  }
  const features = Array.isArray(doc.features) ? doc.features : [];
  const times = new PropertyTimes(
    features.map((f: unknown) => (isRecord(f) && isRecord(f.properties) ? f.properties : {})),
  );
  for (const { key, message } of times.warnings) {
    draft.warn({ collection: 'dataset' }, message, { field: `properties.${key}` });
  }
  const file: FileReading = { doc, times, kept: new Map() };
  features.forEach((feature: unknown, i) => {
    draft.progress(i, features.length);
    const origin: Origin = { collection: 'features', index: i };
    if (!isRecord(feature) || feature.type !== 'Feature') {
      draft.reject(origin, 'not a GeoJSON Feature');
      return;
    }
    const read = readFeature(feature, draft, origin, i, file);
    if (read) draft.add(read, origin);
  });
  for (const [name, { count, values }] of file.kept) {
    const some = [...values].slice(0, 3).map((v) => quote(v));
    const allowed = name === 'type' ? EVENT_TYPES : EVENT_STATUSES;
    draft.warn(
      { collection: 'dataset' },
      `${name}: ${count.toLocaleString('en')} ${count === 1 ? 'value' : 'values'} kept as they are (${some.join(', ')}${values.size > 3 ? ', …' : ''}), in each event’s extra: not one of ${allowed.join(', ')}, so those events are ${quote(name === 'type' ? 'other' : 'occurred')}`,
      { field: `properties.${name}` },
    );
  }
  return draft.load();
}

/** The time a feature's properties give, for `readEventFields`, once the file has decided. */
function propertyTime(
  props: Record<string, unknown>,
  times: PropertyTimes,
): { time?: NonNullable<ReadOptions['fallbackTime']>; used: string[] } {
  const start = times.start(props);
  if (!start) return { used: [] };
  const end = times.end(props);
  const field = (key: string, value: string): Field => ({
    value,
    key,
    where: { field: `properties.${key}` },
  });
  const iso = (picked: { read: DateValue | string }, raw: unknown) =>
    typeof picked.read === 'string' ? text({ value: raw, key: '', where: {} }) : picked.read.iso;
  const startRead = start.read;
  const spanEnd = typeof startRead === 'string' ? undefined : startRead.end?.iso;
  const endValue = end ? iso(end, props[end.key]) : spanEnd;
  return {
    time: {
      start: field(start.key, iso(start, props[start.key])),
      ...(endValue !== undefined && { end: field(end?.key ?? start.key, endValue) }),
      approximate:
        (typeof startRead !== 'string' && !!startRead.approximate) ||
        (end !== undefined && typeof end.read !== 'string' && !!end.read.approximate),
    },
    used: [start.key, ...(end ? [end.key] : [])],
  };
}

function readFeature(
  feature: Record<string, unknown>,
  draft: Draft,
  origin: Origin,
  i: number,
  file: FileReading,
) {
  let props = isRecord(feature.properties) ? feature.properties : {};
  if (
    props.id === undefined &&
    (typeof feature.id === 'string' || typeof feature.id === 'number')
  ) {
    props = { id: String(feature.id), ...props };
  }
  if (props.media !== undefined) {
    props = { ...props, media: resolveMedia(props.media, draft.opts.fileUrl) };
  }
  const fromProps = propertyTime(props, file.times);
  // The properties that gave the time are read here; the rest go through the field reader.
  const rest = Object.fromEntries(
    Object.entries(props).filter(([key]) => !fromProps.used.includes(key)),
  );
  const rec = new ObjectRecord(rest, 'properties');
  const whenField = rec.take('when');
  const geocoded = takeGeocoding(rec);
  const when = featureWhen(feature, whenField);
  const fallbackTime = fromProps.time ?? when.time;
  const fields = readEventFields(rec, draft, origin, {
    position: i + 1,
    aliases: PROPERTY_ALIASES,
    ...(fallbackTime && { fallbackTime }),
    keepQuietly: (name, value) => {
      let tally = file.kept.get(name);
      if (!tally) file.kept.set(name, (tally = { count: 0, values: new Set() }));
      tally.count++;
      tally.values.add(value);
      return true;
    },
  });
  if (!fields) return null;
  const { event } = fields;
  const extra: Record<string, unknown> = { ...event.extra };
  if (when.kept) extra.when = when.kept;
  for (const [key, value] of Object.entries(feature)) {
    if (!FEATURE_MEMBERS.has(key)) setOwn(extra, key, text({ value, key, where: {} }));
  }

  const geometry = locate(feature.geometry);
  const at = { field: 'geometry', id: event.id };
  if (geometry.kind === 'invalid') {
    draft.reject(origin, geometry.reason, at);
    return null;
  }
  // A Linked Places feature is a place: its title names it, not its coordinates.
  const placeName =
    fields.place.name ||
    (isLinkedPlaces(file.doc, feature) ? text(rec.peek('title', ...PROPERTY_ALIASES.title)) : '');
  const coordinates = { field: 'geometry.coordinates' };
  const place = readPlace(
    {
      name: placeName,
      lat: geometry.kind === 'none' ? undefined : geometry.lat,
      lon: geometry.kind === 'none' ? undefined : geometry.lon,
      precision: fields.place.precision ?? (geometry.kind === 'centre' ? 'area' : undefined),
      where: { name: fields.place.where, lat: coordinates, lon: coordinates },
      id: event.id,
      geocoded,
    },
    draft,
    origin,
  );
  if (!place.ok) return null;
  if (geometry.kind === 'centre' && place.place) {
    place.place.radiusKm = geometry.radiusKm;
    draft.warn(
      origin,
      `a ${geometry.type}, placed at the centre of its bounding box (within ${geometry.radiusKm} km)`,
      at,
    );
  }
  event.place = place.place;
  if (place.unplaced) extra[fields.place.key] = place.unplaced;
  if (Object.keys(extra).length > 0) event.extra = extra;
  else delete event.extra;
  return event;
}
