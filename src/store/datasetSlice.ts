// Dataset slice: the loaded dataset and its load report. Set only through `setLoaded`, after
// the model's validator has run; views trust what is here.
import type { StateCreator } from 'zustand';
import type { Dataset, LoadReport } from '../model/dataset';
import type { AppState } from './index';

export type LoadStatus = 'loading' | 'ready' | 'failed';

export interface DatasetSlice {
  dataset: Dataset | null;
  report: LoadReport | null;
  loadStatus: LoadStatus;
  /** Why nothing could be shown (network error, invalid JSON, wrong format). */
  loadError: string | null;
  /** The ?data= URL the dataset came from; null for the bundled dataset. Links carry it. */
  dataUrl: string | null;
  setDataUrl: (url: string | null) => void;
  setLoaded: (dataset: Dataset | null, report: LoadReport) => void;
  setLoadFailed: (message: string, report?: LoadReport) => void;
}

export const createDatasetSlice: StateCreator<AppState, [], [], DatasetSlice> = (set) => ({
  dataset: null,
  report: null,
  loadStatus: 'loading',
  loadError: null,
  dataUrl: null,
  setDataUrl: (dataUrl) => set({ dataUrl }),
  setLoaded: (dataset, report) =>
    set({
      dataset,
      report,
      loadStatus: dataset ? 'ready' : 'failed',
      loadError: dataset ? null : (report.problems[0]?.message ?? 'the dataset could not be read'),
      selectedId: null,
      hoveredIds: [],
    }),
  setLoadFailed: (message, report) =>
    set({ dataset: null, report: report ?? null, loadStatus: 'failed', loadError: message }),
});
