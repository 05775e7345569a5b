import type { FormatId } from './types';

/** Human names of the import formats, for messages and the UI. */
export const FORMAT_NAMES: Record<FormatId, string> = {
  'dateline-json': 'Dateline JSON (dateline/1)',
  'dateline-csv': 'Dateline CSV',
  'timelinejs-csv': 'TimelineJS spreadsheet (CSV)',
  'timelinejs-json': 'TimelineJS JSON',
  'acled-csv': 'ACLED export (CSV)',
  geojson: 'GeoJSON FeatureCollection',
  'columns-csv': 'CSV with named columns',
  'columns-json': 'JSON array of records',
};
