// The words of the map's markers and chooser, in the reader's language: the accessible names of
// place and cluster markers and the chooser's title. Apart from clusters.ts and places.ts, which
// the cluster worker runs without the i18n setup.
import { t } from '../../i18n';
import { isolatedParts, type Segment } from '../../i18n/isolated';
import { shownTitle } from '../../model/longText';
import { formatCount } from '../../model/readerLocale';
import type { ClusterItem } from './clusters';
import type { PlaceGroup } from './places';

/** The accessible name of a place's marker: "Cairo (city): 3 events", or the one event's title. */
export function placeLabel(g: PlaceGroup): string {
  const n = g.events.length;
  return t('map.placeLabel', {
    place: g.place.name,
    precision: t(`values.precision.${g.place.precision}`),
    count: n,
    n: formatCount(n),
    title: shownTitle(g.events[0]?.title ?? ''),
  });
}

/**
 * The accessible name of a cluster marker. Only at the map's closest zoom can a cluster no longer
 * zoom in; there it opens a chooser.
 */
export function clusterLabel(c: Pick<ClusterItem, 'places' | 'events'>, canZoom: boolean): string {
  return t(canZoom ? 'map.clusterZoom' : 'map.clusterChoose', {
    places: c.places,
    placesN: formatCount(c.places, true),
    count: c.events,
    n: formatCount(c.events, true),
  });
}

/** The chooser's title for the events at one place: "Cairo: 3 events", the place isolated. */
export function placeChooserTitle(g: PlaceGroup): Segment[] {
  const n = g.events.length;
  return isolatedParts('map.chooserPlace', { place: g.place.name, count: n, n: formatCount(n) }, [
    'place',
  ]);
}

/** The chooser's title for the events of a cluster that cannot zoom further. */
export function clusterChooserTitle(places: number, events: number): string {
  return t('map.chooserCluster', {
    places,
    placesN: formatCount(places),
    count: events,
    n: formatCount(events, true),
  });
}
