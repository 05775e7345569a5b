// Dataset slice: the loaded dataset and its load report. Set only through `setLoaded` or
// `replaceDataset`, after the model's validator has run; views trust what is here.
import type { StateCreator } from 'zustand';
import type { RowCount } from '../data/importProtocol';
import type { ColumnMapping, ColumnPreview } from '../formats';
import type { Dataset, LoadReport } from '../model/dataset';
import { NO_FILTERS } from '../model/filter/types';
import { NO_PLAYBACK } from './playbackSlice';
import type { AppState } from './index';
import { setWithText } from './textSlice';

export type LoadStatus = 'loading' | 'ready' | 'failed';

/** A load in progress: what is being read, how far it is, and how to stop it. */
export interface Importing {
  label: string;
  phase: 'download' | 'read' | 'parse' | 'geocoder' | 'receive' | 'prepare';
  done: number;
  total: number;
  cancel: () => void;
  /**
   * Set when nothing has moved for a while (a worker that died, a server that never answers):
   * since when, in `performance.now()` time, and how to start the same load again.
   */
  stalled?: { since: number; retry: () => void };
}

/** The column-mapping step: a table's columns to confirm or choose before it loads. */
export interface ColumnStep {
  /** The file, for people: "events.csv". */
  label: string;
  preview: ColumnPreview;
  /** How many rows a mapping would load (null when a newer question replaced this one). */
  count: (columns: ColumnMapping) => Promise<RowCount | null>;
  load: (columns: ColumnMapping) => void;
  cancel: () => void;
}

/** A load that was not shown because no row of it loaded: its report stays to be read. */
export interface RejectedLoad {
  report: LoadReport;
  formatName: string;
  /** Opens the same file again through the column-mapping step, for tables. */
  remap?: () => void;
}

export interface DatasetSlice {
  dataset: Dataset | null;
  report: LoadReport | null;
  /** Human name of the format the dataset was read from. */
  dataFormat: string | null;
  loadStatus: LoadStatus;
  /** Why nothing could be shown (network error, invalid JSON, wrong format). */
  loadError: string | null;
  /**
   * Where the dataset came from, as links carry it: a ?data= URL, `local:<id>` for one kept in
   * this browser, or null for the bundled dataset.
   */
  dataUrl: string | null;
  /**
   * A `local:<id>` this browser could not keep (its storage was full): the dataset it names is on
   * screen, but no link, not even a reload, can open it again.
   */
  unkeptRef: string | null;
  /** Goes up with every dataset shown, so views made for the previous one start afresh. */
  datasetVersion: number;
  importing: Importing | null;
  columnStep: ColumnStep | null;
  /** The column mapping the dataset was read with, as `cols=` writes it; null for none. */
  dataColumns: string | null;
  /** Opens the shown dataset's file again through the column-mapping step (tables only). */
  remap: (() => void) | null;
  rejectedLoad: RejectedLoad | null;
  /** Goes up each time something asks for the load report to be shown. */
  reportRequests: number;
  requestReport: () => void;
  /** Goes up each time something asks for the Export dialog (a notice's "Export the data…"). */
  exportRequests: number;
  requestExport: () => void;
  setDataUrl: (url: string | null) => void;
  setUnkeptRef: (ref: string | null) => void;
  setLoaded: (dataset: Dataset | null, report: LoadReport, format?: string) => void;
  setLoadFailed: (message: string, report?: LoadReport) => void;
  /** Shows another dataset in place of this one, with a fresh view (no selection or filters). */
  replaceDataset: (
    dataset: Dataset,
    report: LoadReport,
    format: string,
    dataUrl: string | null,
  ) => void;
  setImporting: (importing: Importing | null) => void;
  setColumnStep: (step: ColumnStep | null) => void;
  /** How the dataset just shown was read: its mapping, and how to choose its columns again. */
  setReadWith: (columns: string | null, remap: (() => void) | null) => void;
  setRejectedLoad: (rejected: RejectedLoad | null) => void;
}

export const createDatasetSlice: StateCreator<AppState, [], [], DatasetSlice> = (set, get) => ({
  dataset: null,
  report: null,
  dataFormat: null,
  loadStatus: 'loading',
  loadError: null,
  dataUrl: null,
  unkeptRef: null,
  datasetVersion: 0,
  importing: null,
  reportRequests: 0,
  requestReport: () => set((s) => ({ reportRequests: s.reportRequests + 1 })),
  exportRequests: 0,
  requestExport: () => set((s) => ({ exportRequests: s.exportRequests + 1 })),
  setDataUrl: (dataUrl) => set({ dataUrl }),
  setUnkeptRef: (unkeptRef) => set({ unkeptRef }),
  setLoaded: (dataset, report, format = 'Dateline JSON') =>
    setWithText(set, get, (s) => ({
      dataset,
      report,
      dataFormat: format,
      loadStatus: dataset ? 'ready' : 'failed',
      loadError: dataset ? null : (report.problems[0]?.message ?? 'the dataset could not be read'),
      selectedId: null,
      hoveredIds: [],
      ...NO_PLAYBACK,
      datasetVersion: s.datasetVersion + 1,
    })),
  setLoadFailed: (message, report) =>
    setWithText(set, get, () => ({
      dataset: null,
      report: report ?? null,
      loadStatus: 'failed',
      loadError: message,
    })),
  replaceDataset: (dataset, report, dataFormat, dataUrl) =>
    setWithText(set, get, (s) => ({
      dataset,
      report,
      dataFormat,
      dataUrl,
      loadStatus: 'ready',
      loadError: null,
      selectedId: null,
      selectionOrigin: 'url',
      hoveredIds: [],
      filters: NO_FILTERS,
      filterResets: s.filterResets + 1,
      timeWindow: null,
      timeWindowOrigin: null,
      mapView: null,
      mapViewOrigin: null,
      viewPinned: false,
      ...NO_PLAYBACK,
      datasetVersion: s.datasetVersion + 1,
    })),
  setImporting: (importing) => set({ importing }),
  columnStep: null,
  dataColumns: null,
  remap: null,
  rejectedLoad: null,
  setColumnStep: (columnStep) => set({ columnStep }),
  setReadWith: (dataColumns, remap) => set({ dataColumns, remap }),
  setRejectedLoad: (rejectedLoad) => set({ rejectedLoad }),
});
