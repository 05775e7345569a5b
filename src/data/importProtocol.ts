// Messages between the page and the import worker. The worker reads, detects, maps and validates
// a file off the main thread; the page shows its progress and may terminate it to cancel.
import type { Dataset, LoadReport } from '../model/dataset';

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
}

export type ImportPhase = 'read' | 'parse' | 'geocoder';

export interface ImportOutcome {
  /** Human name of the detected format ("ACLED export CSV"). */
  formatName: string;
  dataset: Dataset | null;
  report: LoadReport;
}

export type ImportReply =
  | { type: 'progress'; phase: ImportPhase; done: number; total: number }
  | { type: 'done'; outcome: ImportOutcome }
  | { type: 'error'; message: string };
