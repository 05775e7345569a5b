// What the DuckDB query service (scripts/serve-data/) answers, as the page reads it, and how the
// page asks: the filters in the link's own parameters (src/url/params.ts), so a view's link and
// its question to the service read alike. Shared by the page, the service's tests and the e2e.
import type { Filters } from '../../model/filter/types';
import { buildViewState, DEFAULT_VIEW_STATE } from '../../url/viewState';

export const API_PATH = '/api/v1';

/** One event as the service lists it: the Dateline CSV columns, read and resolved. */
export interface RemoteEventRow {
  id: string;
  title: string;
  summary: string;
  type: string;
  status: string;
  start: string;
  end: string | null;
  precision: string | null;
  approximate: boolean;
  time_text: string | null;
  place: string | null;
  lat: number | null;
  lon: number | null;
  place_precision: string;
  tags: string[];
  actors: Array<{ actor: string; role: string }>;
  claim_by: string | null;
  claim_status: string;
  claim_id: string | null;
  claim_kind: 'actor' | 'source' | null;
  earliest: number;
  latest: number;
  pos: number;
  file_row: number;
}

export interface RemoteSummary {
  format: 'dateline-query/1';
  title: string;
  count: number;
  span: { earliest: number; latest: number } | null;
  bounds: { south: number; west: number; north: number; east: number } | null;
  unplaced: number;
  facets: Record<'types' | 'statuses' | 'claims', Record<string, number>>;
  actors: Array<{ id: string; name: string; count: number }>;
  sources: Array<{ id: string; name: string }>;
  rejected: {
    count: number;
    examples: Array<{ file: string; row: number; id: string | null; problem: string }>;
  };
  /** What one answer holds at most (a service older than these limits sends none). */
  limits?: { eventsRows: number; listPage: number; exportRows: number };
}

/** `/list`: one page of the events under the filters, in time order. */
export interface RemoteListPage {
  total: number;
  /** The row the page starts at (null for keyset paging, `after`). */
  offset: number | null;
  after: number | null;
  /** With `at`: the event's row under the filters, null when they hide it. */
  rank?: number | null;
  events: RemoteEventRow[];
}

/** A map's bounds as the service reads `bbox` (degrees). */
export interface RemoteBbox {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** `bbox=` for the map's bounds: longitudes kept to one world, as the service takes them. */
export function bboxParam(b: RemoteBbox): string {
  const clamp = (v: number, lim: number) => Math.max(-lim, Math.min(lim, v));
  const whole = b.east - b.west >= 360;
  const round = (v: number) => Math.round(v * 1e4) / 1e4;
  return [
    whole ? -180 : clamp(b.west, 180),
    clamp(b.south, 90),
    whole ? 180 : clamp(b.east, 180),
    clamp(b.north, 90),
  ]
    .map(round)
    .join(',');
}

export interface RemoteFacets {
  /** Events under the filters. */
  total: number;
  /** Events in the source. */
  all: number;
  counts: Record<'types' | 'statuses' | 'claims' | 'actors', Record<string, number>>;
}

export interface RemoteBin {
  start: number;
  end: number;
  count: number;
}

export interface RemoteCell {
  lat: number;
  lon: number;
  count: number;
  south: number;
  west: number;
  north: number;
  east: number;
}

export type RemoteEvents =
  | { mode: 'events'; total: number; events: RemoteEventRow[] }
  | {
      mode: 'bins';
      total: number;
      limit: number;
      slice: number;
      bins: RemoteBin[];
      cell: number;
      cells: RemoteCell[];
      cellsCut: boolean;
      unplaced: number;
    };

export type RemoteEventDetail = RemoteEventRow & { passes: boolean };

/** The filters as query parameters, without the leading `?` ("" for none). */
export function filtersQuery(filters: Filters): string {
  return buildViewState({ ...DEFAULT_VIEW_STATE, filters }).replace(/^\?/, '');
}
