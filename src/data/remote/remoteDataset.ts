// The service's answers as the model the views read: its rows as `DatelineEvent`s (made once per
// id and kept, so a view diffing the events sees the same object again), the actors and sources
// its summary names, and a `Dataset` holding only the events the page has been given. The service
// has read and checked the rows (scripts/serve-data/database.ts); this only reshapes them.
import type { Dataset, DatelineEvent, ResolvedPlace } from '../../model/dataset';
import type { Actor, EventInput, Source } from '../../model/schema';
import { PRECISIONS, parsePartialDate, type Precision } from '../../model/time';
import type { RemoteEventRow, RemoteSummary } from './protocol';

/** The source standing for the service, for events its rows attribute to no one. */
const serviceSourceId = 'query-service';

export interface RemoteModel {
  title: string;
  actors: ReadonlyMap<string, Actor>;
  sources: ReadonlyMap<string, Source>;
  span: Dataset['span'];
  /** Every event made so far, by id. */
  events: Map<string, DatelineEvent>;
  places: Map<string, ResolvedPlace>;
}

export function remoteModel(summary: RemoteSummary, source: string): RemoteModel {
  const actors = new Map<string, Actor>(
    summary.actors.map((a) => [
      a.id,
      { id: a.id, name: a.name, kind: 'organisation', aliases: [] },
    ]),
  );
  const sources = new Map<string, Source>(
    summary.sources.map((s) => [s.id, { id: s.id, title: s.name, publisher: s.name }]),
  );
  sources.set(serviceSourceId, {
    id: serviceSourceId,
    title: summary.title,
    publisher: 'Query service',
    note: `The table served at ${source}; it names no source for these events.`,
  });
  return {
    title: summary.title,
    actors,
    sources,
    span: summary.span,
    events: new Map(),
    places: new Map(),
  };
}

function placeOf(model: RemoteModel, row: RemoteEventRow): ResolvedPlace | null {
  if (row.lat === null || row.lon === null) return null;
  const precision = row.place_precision as ResolvedPlace['precision'];
  const name = row.place ?? `${row.lat}, ${row.lon}`;
  const key = `${name}@${row.lat},${row.lon},${precision}`;
  let place = model.places.get(key);
  if (!place) {
    place = { key, inline: true, id: key, name, lat: row.lat, lon: row.lon, precision };
    model.places.set(key, place);
  }
  return place;
}

/** The event a row stands for: the one made before for its id, or a new one. */
export function eventOf(model: RemoteModel, row: RemoteEventRow): DatelineEvent {
  const known = model.events.get(row.id);
  if (known) return known;
  const startDate = parsePartialDate(row.start);
  const endDate = row.end === null ? undefined : parsePartialDate(row.end);
  if (typeof startDate === 'string' || typeof endDate === 'string')
    throw new Error(`the service sent event ${row.id} with a date it should have refused`);
  const precision: Precision = (PRECISIONS as readonly string[]).includes(row.precision ?? '')
    ? (row.precision as Precision)
    : startDate.resolution;
  const place = placeOf(model, row);
  const time: EventInput['time'] = {
    start: row.start,
    precision,
    approximate: row.approximate,
    ...(row.end !== null && { end: row.end }),
    ...(row.time_text !== null && { text: row.time_text }),
  };
  const event: DatelineEvent = {
    id: row.id,
    title: row.title,
    summary: row.summary,
    type: row.type as DatelineEvent['type'],
    status: row.status as DatelineEvent['status'],
    time,
    place: place && {
      name: place.name,
      lat: place.lat,
      lon: place.lon,
      precision: place.precision,
    },
    actors: row.actors as DatelineEvent['actors'],
    claim: {
      by: row.claim_id ?? serviceSourceId,
      status: row.claim_status as DatelineEvent['claim']['status'],
    },
    evidence: [],
    tags: row.tags,
    index: row.pos,
    earliest: row.earliest,
    latest: row.latest,
    startDate,
    endDate,
    placeKey: place?.key ?? null,
  };
  model.events.set(row.id, event);
  return event;
}

/** By earliest, then position: the order the dataset and every filtered list keep. */
export const byTime = (a: DatelineEvent, b: DatelineEvent) =>
  a.earliest - b.earliest || a.index - b.index;

/**
 * The one dataset of a query source, for as long as the page shows it: the views are made once
 * per dataset (and remade for a new one), so each answer refills this one (`refill`) instead.
 */
export type RemoteDatasetObject = Dataset;

export function remoteDataset(model: RemoteModel): RemoteDatasetObject {
  return {
    title: model.title,
    description: '',
    actors: model.actors,
    places: model.places,
    sources: model.sources,
    events: [],
    eventById: new Map(),
    span: model.span,
    stories: [],
  };
}

/** Holds the events shown now (`shown`, in time order) and any others the page knows (`others`). */
export function refill(
  dataset: RemoteDatasetObject,
  shown: readonly DatelineEvent[],
  others: readonly DatelineEvent[],
): void {
  const byId = dataset.eventById as Map<string, DatelineEvent>;
  byId.clear();
  for (const e of shown) byId.set(e.id, e);
  for (const e of others) byId.set(e.id, e);
  (dataset as { events: readonly DatelineEvent[] }).events = shown;
}
