// The whole view as a link carries it: selection, filters, timeline window, map view, dataset.
import type { Filters } from '../model/filter/types';
import type { TimeWindow } from '../model/time';

export type { TimeWindow };

export interface MapViewState {
  lat: number;
  lon: number;
  zoom: number;
}

export interface ViewState {
  event: string | null;
  filters: Filters;
  window: TimeWindow | null;
  map: MapViewState | null;
  /** URL of a dataset loaded from the web (?data=); null for the bundled one. */
  data: string | null;
  /**
   * The column mapping a table is read with (?cols=, `field:column,…` as `formatMapping` writes
   * it); only with `data`.
   */
  cols?: string;
  // Embeds (issue 13): the page is in another site's iframe (?embed=1).
  embed?: boolean;
}
