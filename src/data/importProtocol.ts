// Messages between the page and the import worker. The worker reads, detects, maps and validates
// a file off the main thread; the page shows its progress and may terminate it to cancel.
import type { ProblemGroup } from '../model/problemGroups';
import type { ColumnMapping, ColumnPreview } from '../formats';
import type { Dataset, LoadReport } from '../model/dataset';
import type { DatasetPart } from './datasetParts';

export type ImportSource =
  | { kind: 'blob'; blob: Blob; name: string }
  /** `url`: where a downloaded file came from, so its relative media addresses resolve. */
  | { kind: 'buffer'; buffer: ArrayBuffer; name: string; url?: string }
  | { kind: 'text'; text: string; name: string };

export interface ImportRequest {
  type: 'import';
  source: ImportSource;
  /** The app's base URL, where the worker finds the geocoder's data. */
  baseUrl: string;
  /** A column mapping to read a table with (from a link); the worker then never asks. */
  columns?: ColumnMapping;
  /**
   * When a table's columns are not recognised with certainty (`unsure`), or always, the worker
   * answers `columns` and waits for `count` and `load` messages instead of importing.
   */
  ask?: 'unsure' | 'always';
}

/**
 * What index.html's early script (./earlyStart.ts) asks of a worker it starts while the app's
 * code is still loading, in the worker's name (./earlyData.ts `workerNameFor`): download
 * `href`, then import it as the app would (`ImportRequest` with a buffer source named `name`),
 * or, for Dateline JSON, which the page reads itself (./importOnPage.ts), hand the bytes back as
 * `source`.
 */
export interface FetchRequest {
  type: 'fetch';
  href: string;
  name: string;
  baseUrl: string;
  ask: 'unsure';
}

/**
 * Sent while the worker waits in the column-mapping step (`count`, `load`), and for each part of
 * a dataset the page has taken (`ack`).
 */
export type MappingRequest =
  | { type: 'count'; seq: number; columns: ColumnMapping }
  | { type: 'load'; columns: ColumnMapping }
  | { type: 'ack' };

/** How many rows a mapping would load, over the whole file. */
export interface RowCount {
  seq: number;
  accepted: number;
  rejected: number;
  /** The most frequent reason rows fail, grouped ("3 rows: “soon” is not a date…"), with its first problems. */
  reason?: ProblemGroup;
}

/**
 * `download`: the worker index.html started downloads a ?data= link itself (`FetchRequest`);
 * `receive`: the page takes the dataset from the worker, a part at a time.
 */
export type ImportPhase = 'download' | 'read' | 'parse' | 'geocoder' | 'receive';

export interface ImportOutcome {
  /** Human name of the detected format ("ACLED export CSV"). */
  formatName: string;
  dataset: Dataset | null;
  report: LoadReport;
  /** The column mapping the file was read with, as a link writes it, when one was chosen. */
  columns?: string;
  /** Whether the file is a table a column mapping can read (the mapping step can be offered). */
  mappable?: boolean;
}

export type ImportReply =
  | { type: 'progress'; phase: ImportPhase; done: number; total: number }
  /** The downloaded file, for the page to read (Dateline JSON, after a `FetchRequest`). */
  | { type: 'source'; source: ImportSource }
  | { type: 'columns'; preview: ColumnPreview }
  | ({ type: 'count' } & RowCount)
  /** One part of the dataset (./datasetParts.ts); the page answers each with `ack`. */
  | { type: 'part'; part: DatasetPart }
  /** With `parts`, the dataset and the report's problems came as parts before. */
  | { type: 'done'; outcome: ImportOutcome; parts?: boolean }
  | { type: 'error'; message: string };
