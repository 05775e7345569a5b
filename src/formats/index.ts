// The import/export API: detect a file's format, import it into a validated Dataset with a report
// that names rows and columns, and export events in any of the export formats. Pure functions with
// no DOM, so a Web Worker can run them.
import type { Dataset, DatelineEvent, LoadReport } from '../model/dataset';
import { importAcled } from './acled';
import { parseCsv } from './csv';
import { importDatelineCsv } from './datelineCsv';
import { importDatelineJson } from './datelineJson';
import { sniff } from './detect';
import type { Imported } from './draft';
import { abortError, UnsupportedFormatError } from './errors';
import { exportCsv } from './exportCsv';
import { exportDatelineJson } from './exportDatelineJson';
import { exportGeojson } from './exportGeojson';
import { exportTimelineJson } from './exportTimelineJson';
import { importGdelt } from './gdelt';
import { importGeojson } from './geojson';
import { importIcal } from './ical';
import { importKml } from './kml';
import { importStoryMap } from './storyMap';
import { importTimelineCsv } from './timelineCsv';
import { importTimelineJs2 } from './timelineJs2';
import { importTimelineJson } from './timelineJson';
import { importUcdp } from './ucdp';
import { importTimemap } from './timemap';
import type { ExportFormat, FormatId, ImportOptions } from './types';

export { FORMAT_NAMES } from './names';
export { ImportError, UnsupportedFormatError } from './errors';
export { isZip, kmlFromKmz } from './kmz';
export type { ExportFormat, FormatId, GeocodeFn, Geocoded, ImportOptions } from './types';

/** The format of a file's text, or null when it is none Dateline imports. */
export function detectFormat(text: string, fileName?: string): FormatId | null {
  return sniff(text, fileName).format;
}

/**
 * Detects the format, maps the file to `dateline/1` and validates it. Throws
 * `UnsupportedFormatError` for a file of no known format, `ImportError` for a `dateline/1` file
 * that cannot load at all, and an Error named `AbortError` when `opts.signal.aborted` is set.
 */
export function importDataset(
  text: string,
  opts: ImportOptions,
): { format: FormatId; dataset: Dataset; report: LoadReport } {
  if (opts.signal?.aborted) throw abortError(opts.fileName);
  const sniffed = sniff(text, opts.fileName);
  let imported: Imported;
  switch (sniffed.format) {
    case null:
      throw new UnsupportedFormatError(opts.fileName, sniffed.reason);
    case 'dateline-json':
      imported = importDatelineJson(sniffed.json, opts);
      break;
    case 'timelinejs-json':
      imported = importTimelineJson(sniffed.json, opts);
      break;
    case 'geojson':
      imported = importGeojson(sniffed.json, opts);
      break;
    case 'dateline-csv':
      imported = importDatelineCsv(parseCsv(text), opts);
      break;
    case 'timelinejs-csv':
      imported = importTimelineCsv(parseCsv(text), opts);
      break;
    case 'acled-csv':
      imported = importAcled(parseCsv(text), opts);
      break;
    case 'ucdp-ged-csv':
      imported = importUcdp(parseCsv(text), opts);
      break;
    case 'timemap-json':
      imported = importTimemap(sniffed.items, opts);
      break;
    case 'timelinejs2-json':
      imported = importTimelineJs2(sniffed.json, opts);
      break;
    case 'storymap-json':
      imported = importStoryMap(sniffed.json, opts);
      break;
    case 'kml':
      imported = importKml(text, opts);
      break;
    case 'ical':
      imported = importIcal(text, opts);
      break;
    case 'gdelt':
      imported = importGdelt(text, opts);
      break;
  }
  return { format: sniffed.format, ...imported };
}

/** The given events (typically the filtered ones) as a file in `format`. */
export function exportEvents(
  format: ExportFormat,
  dataset: Dataset,
  events: readonly DatelineEvent[],
): { text: string; mime: string; extension: string } {
  switch (format) {
    case 'dateline-json':
      return {
        text: exportDatelineJson(dataset, events),
        mime: 'application/json',
        extension: 'json',
      };
    case 'csv':
      return { text: exportCsv(dataset, events), mime: 'text/csv;charset=utf-8', extension: 'csv' };
    case 'geojson':
      return {
        text: exportGeojson(dataset, events),
        mime: 'application/geo+json',
        extension: 'geojson',
      };
    case 'timelinejs-json':
      return {
        text: exportTimelineJson(dataset, events),
        mime: 'application/json',
        extension: 'json',
      };
  }
}
