// Pure helpers for the map layer: grouping events by place, a place's name for screen readers,
// and how big its halo is.
import type { DatelineEvent, ResolvedPlace } from '../../model/dataset';
import type { Place } from '../../model/schema';

export interface PlaceGroup {
  place: ResolvedPlace;
  events: DatelineEvent[];
}

/** Events grouped by place key, in the events' own order; events without a place are left out. */
export function groupByPlace(
  events: readonly DatelineEvent[],
  places: ReadonlyMap<string, ResolvedPlace>,
): Map<string, PlaceGroup> {
  const groups = new Map<string, PlaceGroup>();
  for (const e of events) {
    if (e.placeKey === null) continue;
    // A place's key is the key it has in `places`: one lookup per event once its group exists.
    const g = groups.get(e.placeKey);
    if (g) g.events.push(e);
    else {
      const place = places.get(e.placeKey);
      if (place) groups.set(e.placeKey, { place, events: [e] });
    }
  }
  return groups;
}

/** Default uncertainty radius by precision, used when a place gives no `radiusKm`. */
const DEFAULT_RADIUS_KM: Record<Place['precision'], number> = {
  exact: 0,
  city: 10,
  area: 25,
  region: 400,
  country: 250,
};

export function haloRadiusMeters(place: Pick<Place, 'precision' | 'radiusKm'>): number {
  return (place.radiusKm ?? DEFAULT_RADIUS_KM[place.precision]) * 1000;
}

/** The zoom at which a selected place is worth looking at: closer for precise places. */
export function revealZoom(precision: Place['precision']): number {
  switch (precision) {
    case 'exact':
      return 12;
    case 'city':
    case 'area':
      return 7;
    case 'region':
      return 5;
    case 'country':
      return 5;
  }
}
