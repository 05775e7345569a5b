// The import/export API's types. The UI, a Web Worker and IndexedDB build on these.
import type { z } from 'zod';
import type { Geocoded, GeocodeFn } from '../geocode/types';
import type { ColumnMapping } from './columns';
import type { actorSchema, eventSchema, inlinePlaceSchema, sourceSchema } from '../model/schema';

export type FormatId =
  | 'dateline-json'
  | 'dateline-csv'
  | 'timelinejs-csv'
  | 'timelinejs-json'
  | 'acled-csv'
  | 'ucdp-ged-csv'
  | 'geojson'
  | 'timemap-json'
  | 'timelinejs2-json'
  | 'storymap-json'
  | 'kml'
  | 'ical'
  | 'gdelt'
  | 'columns-csv'
  | 'columns-json'
  | 'parquet'
  | 'arrow-ipc';

export type ExportFormat = 'dateline-json' | 'csv' | 'geojson' | 'timelinejs-json' | 'parquet';

export type { Geocoded, GeocodeFn };

export interface ImportOptions {
  /** Names the file in every message and titles the dataset when the file has no title. */
  fileName: string;
  /** Called every few thousand rows, and once at the end with done === total. */
  onProgress?: (done: number, total: number) => void;
  /** Checked as often as progress is reported; when set, the import throws an `AbortError`. */
  signal?: { aborted: boolean };
  /** Used for rows that name a place but give no coordinates. */
  geocode?: GeocodeFn;
  /** The address the file was opened from, if any: relative media addresses resolve against it. */
  fileUrl?: string;
  /**
   * Which column holds which field, for a table read through the column mapping (any CSV with
   * recognisable columns, Dateline CSV, a JSON array of objects): chosen in the column-mapping
   * step or given in a link. Columns the file lacks are left out with a warning.
   */
  columns?: ColumnMapping;
}

/** What a mapper writes: `dateline/1` input, before the loader validates it. */
export type RawEvent = z.input<ReturnType<typeof eventSchema>>;
export type RawActor = z.input<ReturnType<typeof actorSchema>>;
export type RawSource = z.input<ReturnType<typeof sourceSchema>>;
export type RawPlace = z.input<ReturnType<typeof inlinePlaceSchema>>;
