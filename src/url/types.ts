// The whole view as a link carries it: selection, filters, timeline window, map view, dataset.
import type { Filters } from '../model/filter/types';
import type { TimeWindow } from '../model/time';
import type { Calendar, Language } from '../i18n/languages';
import type { PlaybackMode, PlaybackSpeed } from '../model/playback/playback';

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
  // Languages (issue 14): the language and calendar chosen in the app; absent, the browser's.
  lang?: Language;
  calendar?: Calendar;
  // Query source (issue 15.3): the DuckDB service the page asks instead of downloading data.
  /** Address of a query service (?source=); absent for data held in the page. */
  source?: string;
  // Playback (issue 14): a link opens paused at its playhead (?play=MODE,SPEED,PLAYHEAD[,loop]).
  play?: PlayLink;
  // Stories (issue 13): the story playing and its step, 1-based as the link writes it.
  story?: { id: string; step: number };
}

/** A playback as a link carries it: never playing (a link opens paused). */
export interface PlayLink {
  mode: PlaybackMode;
  speed: PlaybackSpeed;
  /** Epoch ms, to the minute. */
  playhead: number;
  loop: boolean;
}
