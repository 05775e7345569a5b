import type { FormatId } from './types';

/** Human names of the import formats, for messages and the UI. */
export const FORMAT_NAMES: Record<FormatId, string> = {
  'dateline-json': 'Dateline JSON (dateline/1)',
  'dateline-csv': 'Dateline CSV',
  'timelinejs-csv': 'TimelineJS spreadsheet (CSV)',
  'timelinejs-json': 'TimelineJS JSON',
  'acled-csv': 'ACLED export (CSV)',
  'ucdp-ged-csv': 'UCDP GED (CSV)',
  geojson: 'GeoJSON FeatureCollection',
  'timemap-json': 'timemap export (JSON)',
  'timelinejs2-json': 'TimelineJS 2 JSON',
  'storymap-json': 'StoryMapJS JSON',
  kml: 'KML/KMZ placemarks',
  ical: 'iCalendar (.ics)',
  gdelt: 'GDELT event export (tab-separated)',
  'columns-csv': 'CSV with named columns',
  'columns-json': 'JSON array of records',
  parquet: 'Parquet',
  'arrow-ipc': 'Arrow IPC',
};
