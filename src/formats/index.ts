// The import/export API: detect a file's format, import it into a validated Dataset with a report
// that names rows and columns, and export events in any of the export formats. Pure functions with
// no DOM, so a Web Worker can run them.
import type { Dataset, DatelineEvent, LoadReport } from '../model/dataset';
import { importAcled } from './acled';
import {
  datelineMapping,
  fitMapping,
  headerHash,
  type ColumnMapping,
  type Recognised,
} from './columns';
import { parseCsv } from './csv';
import { importDatelineCsv } from './datelineCsv';
import { importDatelineJson } from './datelineJson';
import { sniff } from './detect';
import type { Imported } from './draft';
import { abortError, ExportError, UnsupportedFormatError } from './errors';
import { exportCsv } from './exportCsv';
import { exportDatelineJson } from './exportDatelineJson';
import { exportGeojson } from './exportGeojson';
import { exportTimelineJson } from './exportTimelineJson';
import { importGdelt } from './gdelt';
import { importGeojson } from './geojson';
import { importIcal } from './ical';
import { importKml } from './kml';
import { importStoryMap } from './storyMap';
import { csvTable, importTable, jsonTable, recogniseTable, type Table } from './table';
import { importTimelineCsv } from './timelineCsv';
import { importTimelineJs2 } from './timelineJs2';
import { importTimelineJson } from './timelineJson';
import { importUcdp } from './ucdp';
import { importTimemap } from './timemap';
import type { ExportFormat, FormatId, ImportOptions } from './types';
import { capMessage } from '../model/quote';

export { FORMAT_NAMES } from './names';
export { ExportError, ImportError, UnsupportedFormatError } from './errors';
export { isZip, kmlFromKmz } from './kmz';
export type { ExportFormat, FormatId, GeocodeFn, Geocoded, ImportOptions } from './types';
export type { ColumnMapping } from './columns';
export { formatMapping, parseMapping } from './columns';

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
      imported = opts.columns
        ? importMapped(csvTable(parseCsv(text), true), 'dateline-csv', opts)
        : importDatelineCsv(parseCsv(text), opts);
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
    case 'columns-csv':
      imported = importMapped(csvTable(parseCsv(text)), 'columns-csv', opts);
      break;
    case 'columns-json':
      imported = importMapped(jsonTable(sniffed.rows), 'columns-json', opts);
      break;
    case 'parquet':
    case 'arrow-ipc':
      // Never sniffed from text: the import worker reads these from their bytes.
      throw new UnsupportedFormatError(opts.fileName, 'a columnar file is read from its bytes');
  }
  return { format: sniffed.format, ...imported };
}

/** A table read through `opts.columns` when given (fitted to its header), else the guess. */
function importMapped(table: Table, format: FormatId, opts: ImportOptions): Imported {
  if (!opts.columns) return importTable(table, format, opts);
  const { mapping, missing } = fitMapping(opts.columns, table.header);
  return importTable(table, format, opts, mapping, missing);
}

/** What the column-mapping step shows of a file: its columns, first rows and the guess. */
export interface ColumnPreview {
  format: FormatId;
  header: string[];
  /** The first rows, as text cells in header order. */
  rows: string[][];
  /** How many data rows the file has. */
  total: number;
  /** The mapping Dateline would use: the guess, or the given one fitted to this header. */
  mapping: ColumnMapping;
  /** Why a person should check it; empty when the columns were recognised with certainty. */
  unsure: string[];
  /** Keys a mapping remembered for files with the same header. */
  headerHash: string;
}

const PREVIEW_ROWS = 5;

/**
 * The column preview of a file read through a column mapping (a CSV with named columns,
 * Dateline CSV, a JSON array of objects); null for every other format. Dateline CSV is never
 * unsure: its columns are its own.
 */
export function previewColumns(text: string, fileName = ''): ColumnPreview | null {
  const sniffed = sniff(text, fileName);
  let table: Table;
  let recognised: Recognised;
  switch (sniffed.format) {
    case 'dateline-csv': {
      const csv = parseCsv(text);
      table = csvTable(csv, true);
      recognised = { mapping: datelineMapping(csv.header), unsure: [] };
      break;
    }
    case 'columns-csv':
      table = csvTable(parseCsv(text));
      recognised = recogniseTable(table);
      break;
    case 'columns-json':
      table = jsonTable(sniffed.rows);
      recognised = recogniseTable(table);
      break;
    default:
      return null;
  }
  return {
    format: sniffed.format,
    header: table.header,
    rows: table.preview(PREVIEW_ROWS),
    total: table.rows,
    ...recognised,
    headerHash: headerHash(table.header),
  };
}

/**
 * The given events (typically the filtered ones) as a file in `format`. Throws `ExportError`,
 * naming the event and field, when a value cannot be written.
 */
export function exportEvents(
  format: TextExportFormat,
  dataset: Dataset,
  events: readonly DatelineEvent[],
): { text: string; mime: string; extension: string } {
  try {
    return writeEvents(format, dataset, events);
  } catch (err) {
    throw unwritable(format, events, err);
  }
}

/** The formats written as text (Parquet is bytes, written by a module loaded when asked). */
export type TextExportFormat = Exclude<ExportFormat, 'parquet'>;

/** Like `exportEvents`, for every format: Parquet's writer is loaded only when asked for. */
export async function exportFile(
  format: ExportFormat,
  dataset: Dataset,
  events: readonly DatelineEvent[],
): Promise<{ data: string | Uint8Array<ArrayBuffer>; mime: string; extension: string }> {
  if (format !== 'parquet') {
    const { text, ...rest } = exportEvents(format, dataset, events);
    return { data: text, ...rest };
  }
  const { exportParquet } = await import('./exportParquet');
  try {
    return {
      data: exportParquet(dataset, events),
      mime: 'application/vnd.apache.parquet',
      extension: 'parquet',
    };
  } catch (err) {
    throw unwritable(format, events, err);
  }
}

const EXPORT_NAMES: Record<ExportFormat, string> = {
  'dateline-json': 'Dateline JSON',
  csv: 'CSV',
  geojson: 'GeoJSON',
  'timelinejs-json': 'TimelineJS JSON',
  parquet: 'Parquet',
};

/** Why an export failed, told by the first event and field that cannot be written as JSON. */
function unwritable(format: ExportFormat, events: readonly DatelineEvent[], err: unknown) {
  const reason = (e: unknown) =>
    e instanceof RangeError
      ? `it is nested too deeply to write (${e.message})`
      : capMessage(e instanceof Error ? e.message : String(e), 200);
  for (const event of events) {
    const fields: Array<[string, unknown]> = [
      ...Object.entries(event).filter(([key]) => key !== 'extra'),
      ...Object.entries(event.extra ?? {}).map(([key, v]): [string, unknown] => [
        `extra.${key}`,
        v,
      ]),
    ];
    for (const [field, value] of fields) {
      try {
        JSON.stringify(value);
      } catch (e) {
        return new ExportError(EXPORT_NAMES[format], event.id, field, reason(e));
      }
    }
  }
  return new ExportError(EXPORT_NAMES[format], undefined, undefined, reason(err));
}

function writeEvents(
  format: TextExportFormat,
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
