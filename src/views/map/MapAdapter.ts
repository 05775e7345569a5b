// The map as a linked view (LinkedView.ts): the markers (markerLayer.ts) and the camera
// (camera.ts) of one Leaflet map, fed by the binder, and reporting what the user does. Every
// move of the map goes through the camera. No React and no store here.
import type L from 'leaflet';
import type { Dataset, DatelineEvent } from '../../model/dataset';
import type { MapViewState } from '../../url/types';
import { UNCONNECTED, type LinkedView, type LinkedViewReports } from '../linked/LinkedView';
import { MapCamera, type CoveredBelow } from './camera';
import { MarkerLayer } from './markerLayer';
import { calmMap } from './motion';
import { twoFingerPanWhenPageScrolls } from './touchPan';

export interface MapAdapterOptions {
  /** How much of the screen's bottom the phone's details sheet covers, px (0 when none). */
  coveredBelow?: CoveredBelow;
}

export class MapAdapter implements LinkedView<MapViewState> {
  readonly origin = 'map';
  private reports: LinkedViewReports<MapViewState> = UNCONNECTED;
  private readonly camera: MapCamera;
  private readonly markers: MarkerLayer;
  /** Undoes what the adapter set up on the map itself (reduced motion, the sheet's listener). */
  private readonly undo: Array<() => void> = [];

  constructor(
    map: L.Map,
    dataset: Pick<Dataset, 'places' | 'eventById'>,
    options: MapAdapterOptions = {},
  ) {
    // The camera first: a settled move is reported before the markers ask for the new view.
    this.camera = new MapCamera(map, options.coveredBelow ?? (() => 0), (view, byUser) =>
      this.reports.settled(view, byUser),
    );
    this.markers = new MarkerLayer(map, dataset, this.camera, {
      onSelect: (id) => this.reports.selected(id),
      onHover: (ids) => this.reports.hovered(ids),
    });
    this.undo.push(calmMap(map), twoFingerPanWhenPageScrolls(map));
    // The sheet resized (dragged, or set to peek, half or full): keep the selected place above it.
    const unsubscribe = options.coveredBelow?.subscribe?.(() => {
      const place = this.markers.selectedPlace();
      if (place) this.camera.keepAboveCover(place);
    });
    if (unsubscribe) this.undo.push(unsubscribe);
  }

  connect(reports: LinkedViewReports<MapViewState>): void {
    this.reports = reports;
  }

  setEvents(events: readonly DatelineEvent[]): void {
    const wasShown = this.markers.selectedPlace() !== undefined;
    this.markers.setEvents(events);
    // The selected event came back (the filters that hid it were cleared): bring it into view.
    const place = this.markers.selectedPlace();
    if (!wasShown && place) this.camera.reveal(place);
  }

  select(id: string | null, reveal: boolean): void {
    this.markers.select(id);
    const place = this.markers.selectedPlace();
    if (reveal && place) this.camera.reveal(place);
  }

  /** While a playback plays: marks places events enter, for `ms` (null: stops). */
  markEntries(ms: number | null): void {
    this.markers.markEntries(ms);
  }

  highlight(ids: readonly string[]): void {
    this.markers.highlight(ids);
  }

  showView(view: MapViewState): void {
    this.camera.show(view);
  }

  destroy(): void {
    for (const undo of this.undo.splice(0)) undo();
    this.markers.destroy();
    this.camera.destroy();
  }
}
