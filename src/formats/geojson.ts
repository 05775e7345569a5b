// GeoJSON FeatureCollection: one event per feature, in the Dateline field vocabulary (fields.ts)
// read from `properties`, with `name`/`description`/`date`/`time` accepted too, and Linked Places
// Format `when` timespans. A Point places the event; other geometries place it at the centre of
// their bounding box, with a warning. Problems name the feature by its index in `features`.
import { baseName, Draft, type Imported, type Origin } from './draft';
import {
  dateKeys,
  decideDateFields,
  objectDateValues,
  readEventFields,
  type DateFields,
  type ReadOptions,
} from './fields';
import { locate } from './geometry';
import { readPlace } from './place';
import { ObjectRecord, text, type Field } from './record';
import type { ImportOptions } from './types';

const FEATURE_MEMBERS = new Set(['type', 'id', 'geometry', 'properties', 'bbox', 'when']);
const COLLECTION_MEMBERS = new Set(['type', 'features', 'name', 'title', 'description']);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The first timespan of a Linked Places `when`: `in`, else `earliest`/`latest` (approximate). */
export function readWhen(
  when: unknown,
  path: string,
): { time?: ReadOptions['fallbackTime']; more: boolean } {
  if (!isRecord(when) || !Array.isArray(when.timespans) || !isRecord(when.timespans[0])) {
    return { more: false };
  }
  const span = when.timespans[0];
  const end = (key: 'start' | 'end', order: readonly string[]) => {
    const point = span[key];
    if (!isRecord(point)) return { field: undefined, approximate: false };
    for (const k of order) {
      if (point[k] !== undefined && point[k] !== null && point[k] !== '') {
        const field: Field = {
          value: point[k],
          key: 'when',
          where: { field: `${path}.timespans[0].${key}.${k}` },
        };
        return { field, approximate: k !== 'in' };
      }
    }
    return { field: undefined, approximate: false };
  };
  const start = end('start', ['in', 'earliest', 'latest']);
  const finish = end('end', ['in', 'latest', 'earliest']);
  const more = when.timespans.length > 1 || Object.keys(when).some((k) => k !== 'timespans');
  if (!start.field) return { more };
  return {
    time: {
      start: start.field,
      ...(finish.field && { end: finish.field }),
      approximate: start.approximate || finish.approximate,
    },
    more,
  };
}

export function importGeojson(doc: Record<string, unknown>, opts: ImportOptions): Imported {
  const draft = new Draft('geojson', opts);
  draft.title =
    text({ value: doc.name ?? doc.title, key: '', where: {} }) || baseName(opts.fileName);
  draft.description = typeof doc.description === 'string' ? doc.description : '';
  for (const [key, value] of Object.entries(doc)) {
    if (!COLLECTION_MEMBERS.has(key)) draft.extra[key] = value;
  }
  const features = Array.isArray(doc.features) ? doc.features : [];
  // Each date property is read one way for the whole file (day order, epoch ms in `time`).
  const dates = decideDateFields(
    objectDateValues(
      features.flatMap((f: unknown) =>
        isRecord(f) && isRecord(f.properties) ? [f.properties] : [],
      ),
      dateKeys(ALIASES),
    ),
    'mdy',
    draft,
    (key) => ({ field: `properties.${key}` }),
  );
  features.forEach((feature: unknown, i) => {
    draft.progress(i, features.length);
    const origin: Origin = { collection: 'features', index: i };
    if (!isRecord(feature) || feature.type !== 'Feature') {
      draft.reject(origin, 'not a GeoJSON Feature');
      return;
    }
    const read = readFeature(feature, draft, origin, i, dates);
    if (read) draft.add(read, origin);
  });
  return draft.load();
}

const ALIASES: ReadOptions['aliases'] = {
  title: ['name'],
  summary: ['description'],
  summary_html: ['summaryhtml'],
  start: ['date', 'time'],
  place: ['place_name', 'location'],
};

function readFeature(
  feature: Record<string, unknown>,
  draft: Draft,
  origin: Origin,
  i: number,
  dates: DateFields,
) {
  let props = isRecord(feature.properties) ? feature.properties : {};
  if (
    props.id === undefined &&
    (typeof feature.id === 'string' || typeof feature.id === 'number')
  ) {
    props = { id: String(feature.id), ...props };
  }
  const rec = new ObjectRecord(props, 'properties');
  const whenField = rec.take('when');
  const when = readWhen(whenField?.value ?? feature.when, whenField ? 'properties.when' : 'when');
  const fields = readEventFields(rec, draft, origin, {
    position: i + 1,
    aliases: ALIASES,
    dates,
    ...(when.time && { fallbackTime: when.time }),
  });
  if (!fields) return null;
  const { event } = fields;
  const extra: Record<string, unknown> = { ...event.extra };
  if (when.more) extra.when = JSON.stringify(whenField?.value ?? feature.when);
  for (const [key, value] of Object.entries(feature)) {
    if (!FEATURE_MEMBERS.has(key)) extra[key] = text({ value, key, where: {} });
  }

  const geometry = locate(feature.geometry);
  const at = { field: 'geometry', id: event.id };
  if (geometry.kind === 'invalid') {
    draft.reject(origin, geometry.reason, at);
    return null;
  }
  const coordinates = { field: 'geometry.coordinates' };
  const place = readPlace(
    {
      name: fields.place.name,
      lat: geometry.kind === 'none' ? undefined : geometry.lat,
      lon: geometry.kind === 'none' ? undefined : geometry.lon,
      precision: fields.place.precision ?? (geometry.kind === 'centre' ? 'area' : undefined),
      where: { name: fields.place.where, lat: coordinates, lon: coordinates },
      id: event.id,
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
