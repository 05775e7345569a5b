// Dataset slice: the loaded dataset and its load report. Set only through `setLoaded` or
// `replaceDataset`, after the model's validator has run; views trust what is here.
import type { StateCreator } from 'zustand';
import type { Dataset, LoadReport } from '../model/dataset';
import { NO_FILTERS } from '../model/filter/types';
import type { AppState } from './index';
import { setWithText } from './textSlice';

export type LoadStatus = 'loading' | 'ready' | 'failed';

/** A load in progress: what is being read, how far it is, and how to stop it. */
export interface Importing {
  label: string;
  phase: 'download' | 'read' | 'parse' | 'geocoder';
  done: number;
  total: number;
  cancel: () => void;
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
  /** Goes up with every dataset shown, so views made for the previous one start afresh. */
  datasetVersion: number;
  importing: Importing | null;
  /** Goes up each time something asks for the load report to be shown. */
  reportRequests: number;
  requestReport: () => void;
  setDataUrl: (url: string | null) => void;
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
}

export const createDatasetSlice: StateCreator<AppState, [], [], DatasetSlice> = (set, get) => ({
  dataset: null,
  report: null,
  dataFormat: null,
  loadStatus: 'loading',
  loadError: null,
  dataUrl: null,
  datasetVersion: 0,
  importing: null,
  reportRequests: 0,
  requestReport: () => set((s) => ({ reportRequests: s.reportRequests + 1 })),
  setDataUrl: (dataUrl) => set({ dataUrl }),
  setLoaded: (dataset, report, format = 'Dateline JSON') =>
    setWithText(set, get, (s) => ({
      dataset,
      report,
      dataFormat: format,
      loadStatus: dataset ? 'ready' : 'failed',
      loadError: dataset ? null : (report.problems[0]?.message ?? 'the dataset could not be read'),
      selectedId: null,
      hoveredIds: [],
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
      datasetVersion: s.datasetVersion + 1,
    })),
  setImporting: (importing) => set({ importing }),
});
