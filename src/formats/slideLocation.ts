// A slide's `location` ({ lat, lon, name, …}), as StoryMapJS writes it and as TimelineJS3's own
// examples do beside `start_date`: the event's place, read like any importer's (coordinates
// checked, a name alone geocoded), with the location's other fields (zoom, icon, line) kept in
// `extra` under `location.`.
import type { Draft, Origin } from './draft';
import { readPlace } from './place';
import { ObjectRecord, text } from './record';
import type { RawEvent } from './types';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Places `event` at `location`; false when the row was rejected for its coordinates. */
export function readLocation(
  location: unknown,
  event: RawEvent,
  draft: Draft,
  origin: Origin,
): boolean {
  const loc = new ObjectRecord(isRecord(location) ? location : {}, 'location', 'location.');
  const lat = loc.take('lat');
  const lon = loc.take('lon');
  const name = text(loc.take('name'));
  const place = readPlace(
    {
      name,
      lat: lat?.value,
      lon: lon?.value,
      where: {
        name: { field: 'location.name' },
        lat: { field: 'location.lat' },
        lon: { field: 'location.lon' },
      },
      id: event.id,
    },
    draft,
    origin,
  );
  if (!place.ok) return false;
  event.place = place.place;
  const extra = {
    ...event.extra,
    ...loc.rest(),
    ...(place.unplaced && { 'location.name': name }),
  };
  if (Object.keys(extra).length > 0) event.extra = extra;
  return true;
}
