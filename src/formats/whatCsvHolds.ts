// What a Dateline CSV row holds of an event (see exportCsv.test.ts): the tests of every format
// with Dateline CSV's columns (CSV, Parquet, Arrow IPC) compare events through it.
import type { Dataset, DatelineEvent } from '../model/dataset';

export function whatCsvHolds(e: DatelineEvent, d: Dataset) {
  const place = e.placeKey === null ? null : d.places.get(e.placeKey)!;
  return {
    id: e.id,
    title: e.title,
    summary: e.summary,
    type: e.type,
    time: e.time,
    status: e.status,
    place: place && {
      name: place.name,
      lat: place.lat,
      lon: place.lon,
      precision: place.precision,
      geocoded: place.geocoded,
    },
    actors: e.actors.map((a) => ({ name: d.actors.get(a.actor)!.name, role: a.role })),
    claim: {
      name: d.actors.get(e.claim.by)?.name ?? d.sources.get(e.claim.by)!.title,
      status: e.claim.status,
    },
    tags: e.tags,
    extra: e.extra,
  };
}
