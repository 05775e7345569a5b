// An event in the Dateline field vocabulary (fields.ts), for the CSV and GeoJSON exports: names
// instead of ids, so a spreadsheet reads on its own and re-imports the same way. A place Dateline
// found by its name says so, as Dateline JSON's `geocoded` does (GEOCODING_COLUMNS).
import type { Dataset, DatelineEvent } from '../model/dataset';
import { headerKey } from './csv';
import { DATELINE_COLUMNS } from './fields';
import { safeJson } from '../model/nesting';

/**
 * Where a place's coordinates came from when an importer looked its name up: the name as the
 * file wrote it, the gazetteer entry it matched, and which gazetteer (geonames, country, alias).
 * Empty for a place the file gave coordinates for.
 */
export const GEOCODING_COLUMNS = ['geocoded_from', 'geocoded_match', 'geocoded_by'] as const;

export interface FieldValues {
  id: string;
  title: string;
  summary: string;
  type: string;
  start: string;
  end: string;
  precision: string;
  approximate: boolean;
  time_text: string;
  status: string;
  place: string;
  lat: number | undefined;
  lon: number | undefined;
  place_precision: string;
  /** "name:role" */
  actors: string[];
  /** The actor's name or the source's title. */
  claim_by: string;
  claim_status: string;
  tags: string[];
  geocoded_from: string;
  geocoded_match: string;
  geocoded_by: string;
}

export function eventFields(e: DatelineEvent, dataset: Dataset): FieldValues {
  const place = e.placeKey === null ? undefined : dataset.places.get(e.placeKey);
  const claimer =
    dataset.actors.get(e.claim.by)?.name ?? dataset.sources.get(e.claim.by)?.title ?? e.claim.by;
  return {
    id: e.id,
    title: e.title,
    summary: e.summary,
    type: e.type,
    start: e.time.start,
    end: e.time.end ?? '',
    precision: e.time.precision,
    approximate: e.time.approximate,
    time_text: e.time.text ?? '',
    status: e.status,
    place: place?.name ?? '',
    lat: place?.lat,
    lon: place?.lon,
    place_precision: place?.precision ?? '',
    actors: e.actors.map((a) => `${dataset.actors.get(a.actor)?.name ?? a.actor}:${a.role}`),
    claim_by: claimer,
    claim_status: e.claim.status,
    tags: e.tags,
    geocoded_from: place?.geocoded?.query ?? '',
    geocoded_match: place?.geocoded?.matched ?? '',
    geocoded_by: place?.geocoded?.by ?? '',
  };
}

const RESERVED = new Set<string>([...DATELINE_COLUMNS, ...GEOCODING_COLUMNS].map(headerKey));

/**
 * The column (or property) name for an `extra` key: the key itself, or `extra.<key>` when it
 * would clash with a Dateline field (the importers strip the prefix again).
 */
export function extraName(key: string, reserved: ReadonlySet<string> = RESERVED): string {
  return reserved.has(headerKey(key)) || key.startsWith('extra.') ? `extra.${key}` : key;
}

/** The `extra` keys of the events, in order of first appearance. */
export function extraKeys(events: readonly DatelineEvent[]): string[] {
  const keys = new Set<string>();
  for (const e of events) for (const key of Object.keys(e.extra ?? {})) keys.add(key);
  return [...keys];
}

/** An `extra` value as text: strings as they are, anything else as JSON. */
export function extraText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : safeJson(value);
}
