// Export as a GeoJSON FeatureCollection: one feature per event, a Point where it has a place and
// `geometry: null` where it has none, its fields as properties in the Dateline vocabulary (the
// same names as the CSV columns) and its `extra` keys beside them. A place Dateline found by its
// name says so (`geocoded_from`, `geocoded_match`, `geocoded_by`), as Dateline JSON's `geocoded`.
import type { Dataset, DatelineEvent } from '../model/dataset';
import { headerKey } from './csv';
import { eventFields, extraName, GEOCODING_COLUMNS } from './eventFields';
import { DATELINE_COLUMNS } from './fields';
import { setOwn } from '../model/own';

/** Property names the GeoJSON import reads as event fields: `extra` keys must not use them. */
const RESERVED = new Set(
  [
    ...DATELINE_COLUMNS,
    ...GEOCODING_COLUMNS,
    'summary_html',
    'summaryhtml',
    'media',
    'name',
    'description',
    'date',
    'time',
    'when',
    'location',
    'place_name',
  ].map(headerKey),
);

export function exportGeojson(dataset: Dataset, events: readonly DatelineEvent[]): string {
  const features = events.map((e) => {
    const f = eventFields(e, dataset);
    const properties: Record<string, unknown> = {
      id: f.id,
      title: f.title,
      ...(f.summary && { summary: f.summary }),
      ...(e.summaryHtml && { summary_html: e.summaryHtml }),
      ...(e.media && { media: e.media }),
      type: f.type,
      status: f.status,
      start: f.start,
      ...(f.end && { end: f.end }),
      precision: f.precision,
      approximate: f.approximate,
      ...(f.time_text && { time_text: f.time_text }),
      ...(f.place && { place: f.place, place_precision: f.place_precision }),
      ...(f.geocoded_by && {
        geocoded_from: f.geocoded_from,
        geocoded_match: f.geocoded_match,
        geocoded_by: f.geocoded_by,
      }),
      actors: f.actors,
      claim_by: f.claim_by,
      claim_status: f.claim_status,
      tags: f.tags,
    };
    for (const [key, value] of Object.entries(e.extra ?? {})) {
      setOwn(properties, extraName(key, RESERVED), value);
    }
    return {
      type: 'Feature',
      id: e.id,
      geometry:
        f.lat === undefined || f.lon === undefined
          ? null
          : { type: 'Point', coordinates: [f.lon, f.lat] },
      properties,
    };
  });
  const collection = {
    type: 'FeatureCollection',
    name: dataset.title,
    ...(dataset.description && { description: dataset.description }),
    features,
  };
  return `${JSON.stringify(collection, null, 2)}\n`;
}
