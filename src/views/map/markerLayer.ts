// The map's markers. Places (events at one place grouped) are clustered (placeIndex.ts: in a
// worker when there are many); only the clusters and places in view are drawn, each as one DOM
// marker, and a halo shows how precisely each place drawn on its own is known. The selected and
// hovered places are always drawn on their own, above any cluster. `setEvents` rebuilds the
// index; a settled move asks it again for the view; the answer changes only the markers that
// differ. It never moves the map but through the camera (a cluster opened). No React here.
import L from 'leaflet';
import type { Dataset, DatelineEvent, ResolvedPlace } from '../../model/dataset';
import { indexOfEvent } from '../../model/sortedEvents';
import { nearestLon } from './antimeridian';
import type { MapCamera } from './camera';
import { openChooser, type ChooserTitle } from './chooser';
import { pointsOf, type BBox, type ClusterItem } from './clusters';
import { clusterChooserTitle, clusterLabel, placeChooserTitle, placeLabel } from './markerLabels';
import {
  clusterIcon,
  decorateCluster,
  decoratePlace,
  placeIcon,
  type PlaceState,
} from './markerIcons';
import { PlaceIndex, withPinned, type MapItem } from './placeIndex';
import { groupByPlace, haloRadiusMeters, type PlaceGroup } from './places';

export interface MarkerCallbacks {
  /** The user picked an event (a place's only one, or one in a chooser). */
  onSelect: (id: string) => void;
  onHover: (ids: readonly string[]) => void;
}

/** One item drawn on the map: its marker, its halo (places only), and what it was drawn with. */
interface Drawn {
  item: MapItem;
  /** For places: the place and its events, as last drawn. */
  group: PlaceGroup | null;
  marker: L.Marker;
  halo: L.Circle | null;
  /** For places: the state the icon shows, so that only a change redraws it. */
  state: PlaceState;
}

/** What the draw step knows about the pinned places. */
interface Pins {
  selected: string | undefined;
  highlighted: ReadonlySet<string>;
  /** Places an event just entered (a playback). */
  entered: ReadonlyMap<string, number>;
}

/** Part of the view's size drawn beyond each edge, so a short pan shows no empty margin. */
const VIEW_PADDING = 0.25;
/** Pinned places (selected, hovered) sit above the clusters they may belong to. */
const PINNED_Z = 1000;

export class MarkerLayer {
  private readonly layer = L.layerGroup();
  private readonly halos = L.layerGroup();
  private readonly index: PlaceIndex;
  private groups = new Map<string, PlaceGroup>();
  /** What the index holds for the current view (before pinned places are added). */
  private inView: MapItem[] = [];
  /** The latest question to the index about the view: older answers are dropped. */
  private viewRequest = 0;
  private destroyed = false;
  private readonly drawn = new Map<string, Drawn>();
  private selectedId: string | null = null;
  private highlightedIds: readonly string[] = [];
  /**
   * While a playback plays (issue 14): how long a place counts as just entered, ms; null: off.
   * `enteredAt` is when an event last entered each place.
   */
  private entryMs: number | null = null;
  private readonly enteredAt = new Map<string, number>();
  /** After a cluster opened from the keyboard: focus the marker nearest here once drawn. */
  private focusNear: L.LatLng | null = null;

  constructor(
    private readonly map: L.Map,
    private readonly dataset: Pick<Dataset, 'places' | 'eventById'>,
    private readonly camera: MapCamera,
    private readonly callbacks: MarkerCallbacks,
  ) {
    // User Timing: shows in the browser's performance panel, and `npm run bench:map` reads it.
    this.index = new PlaceIndex(map.getMaxZoom(), (ms) => {
      const end = performance.now();
      performance.measure('dl:map:index', { start: end - ms, end });
    });
    this.halos.addTo(map);
    this.layer.addTo(map);
    map.on('moveend', this.onMoveEnd, this);
  }

  /** Marks places an event enters for `ms` (a playback plays), or stops marking (null). */
  markEntries(ms: number | null): void {
    this.entryMs = ms;
    if (ms === null && this.enteredAt.size) {
      this.enteredAt.clear();
      this.draw();
    }
  }

  setEvents(events: readonly DatelineEvent[]): void {
    const start = performance.now();
    const before = this.groups;
    this.groups = groupByPlace(events, this.dataset.places);
    if (this.entryMs !== null) this.noteEntries(before, start);
    const { keys, points } = pointsOf(this.groups);
    this.index.load(keys, points);
    // Places no longer there go now; clusters stay until the new index answers.
    this.draw();
    performance.measure('dl:map:setEvents', { start });
    void this.refreshView();
  }

  select(id: string | null): void {
    this.selectedId = id;
    this.draw();
  }

  /** Notes the places that gained an event since `before` (events enter a place at its end). */
  private noteEntries(before: ReadonlyMap<string, PlaceGroup>, now: number): void {
    for (const [key, g] of this.groups) {
      const old = before.get(key);
      if (!old || g.events.length > old.events.length || g.events.at(-1) !== old.events.at(-1))
        this.enteredAt.set(key, now);
    }
    const ms = this.entryMs ?? 0;
    for (const [key, at] of this.enteredAt) if (now - at >= ms) this.enteredAt.delete(key);
  }

  /** The place of the selected event, if the map shows it. */
  selectedPlace(): ResolvedPlace | undefined {
    const key = this.selectedKey();
    return key === undefined ? undefined : this.groups.get(key)?.place;
  }

  highlight(ids: readonly string[]): void {
    this.highlightedIds = ids;
    this.draw();
  }

  destroy(): void {
    this.destroyed = true;
    this.index.destroy();
    this.map.off('moveend', this.onMoveEnd, this);
    this.layer.remove();
    this.halos.remove();
    this.drawn.clear();
  }

  private onMoveEnd(): void {
    void this.refreshView();
  }

  /** Asks the index for the view (and a margin around it) and draws the answer, if still wanted. */
  private async refreshView(): Promise<void> {
    const start = performance.now();
    const request = ++this.viewRequest;
    const b = this.map.getBounds().pad(VIEW_PADDING);
    const bbox: BBox = [
      b.getWest(),
      Math.max(-90, b.getSouth()),
      b.getEast(),
      Math.min(90, b.getNorth()),
    ];
    if (b.getEast() - b.getWest() >= 360) [bbox[0], bbox[2]] = [-180, 180];
    const items = await this.index.inView(bbox, this.map.getZoom());
    if (this.destroyed || request !== this.viewRequest) return;
    this.inView = items;
    const drawStart = performance.now();
    this.draw();
    performance.measure('dl:map:draw', { start: drawStart });
    performance.measure('dl:map:clusters', { start });
    this.focusPending();
  }

  /**
   * The key of the place where the map shows this event, if it shows it. (A lookup, not a map of
   * every event to its place, which would be rebuilt on every filter change.)
   */
  private placeOf(id: string): string | undefined {
    const e = this.dataset.eventById.get(id);
    if (!e || e.placeKey === null) return undefined;
    // A group's events are in the dataset's order: found by halving, not by a scan (which would
    // make every object of a group read from columns).
    const g = this.groups.get(e.placeKey);
    return g && indexOfEvent(g.events, e) >= 0 ? e.placeKey : undefined;
  }

  private selectedKey(): string | undefined {
    return this.selectedId === null ? undefined : this.placeOf(this.selectedId);
  }

  private pins(): Pins {
    const highlighted = new Set<string>();
    for (const id of this.highlightedIds) {
      const key = this.placeOf(id);
      if (key !== undefined) highlighted.add(key);
    }
    return { selected: this.selectedKey(), highlighted, entered: this.enteredAt };
  }

  /** Brings the markers in line with the view and the pinned places, touching only changes. */
  private draw(): void {
    const pins = this.pins();
    const pinned = new Set(pins.highlighted);
    if (pins.selected !== undefined) pinned.add(pins.selected);
    const items = withPinned(this.inView, pinned, (key) => this.groups.has(key));
    const center = this.map.getCenter().lng;
    const wanted = new Set(items.map((i) => i.id));
    for (const [id, d] of this.drawn) if (!wanted.has(id)) this.remove(d);
    for (const item of items) {
      const d = this.drawn.get(item.id);
      const group = item.kind === 'place' ? this.groups.get(item.key) : undefined;
      if (!d) this.add(item, group, center, pins);
      else if (group && d.group) {
        const state = stateOf(group, pins);
        const changed = !sameEvents(d.group, group);
        d.group = group;
        if (changed || !sameState(d.state, state)) this.refreshPlace(d, state);
        this.keepNearCenter(d, center);
      } else this.keepNearCenter(d, center);
    }
  }

  private add(item: MapItem, group: PlaceGroup | undefined, center: number, pins: Pins): void {
    if (item.kind === 'cluster') {
      const latlng = L.latLng(item.lat, nearestLon(item.lon, center));
      const canZoom = this.map.getZoom() < this.map.getMaxZoom();
      const label = clusterLabel(item, canZoom);
      const marker = L.marker(latlng, { icon: clusterIcon(item), keyboard: true, title: label });
      marker.on('add', () => {
        const el = marker.getElement();
        if (el) decorateCluster(el, item, canZoom);
      });
      this.bindActivate(marker, (byKeyboard) => void this.openCluster(item, byKeyboard));
      const state = { selected: false, highlighted: false };
      this.drawn.set(item.id, { item, group: null, marker, halo: null, state });
      this.layer.addLayer(marker);
      return;
    }
    if (!group) return;
    const g = group;
    const latlng = L.latLng(g.place.lat, nearestLon(g.place.lon, center));
    const state = stateOf(g, pins);
    const marker = L.marker(latlng, {
      icon: placeIcon(g, state),
      keyboard: true,
      title: placeLabel(g),
      riseOnHover: true,
      zIndexOffset: state.selected || state.highlighted ? PINNED_Z : 0,
    });
    const d: Drawn = { item, group: g, marker, halo: null, state };
    const radius = haloRadiusMeters(g.place);
    if (radius > 0) {
      d.halo = L.circle(latlng, {
        radius,
        className: `dl-halo dl-precision-${g.place.precision}`,
        interactive: false,
      });
      this.halos.addLayer(d.halo);
    }
    marker.on('add', () => this.decorate(d));
    this.bindActivate(marker, () => this.openPlace(d));
    marker.on('mouseover focus', () => this.callbacks.onHover(idsOf(this.groupOf(d))));
    marker.on('mouseout blur', () => this.callbacks.onHover([]));
    this.drawn.set(item.id, d);
    this.layer.addLayer(marker);
  }

  private remove(d: Drawn): void {
    this.layer.removeLayer(d.marker);
    if (d.halo) this.halos.removeLayer(d.halo);
    this.drawn.delete(d.item.id);
  }

  /** Moves a marker by a whole turn of the world when the view crossed the antimeridian. */
  private keepNearCenter(d: Drawn, center: number): void {
    const at = d.marker.getLatLng();
    const lon = nearestLon(at.lng, center);
    if (lon === at.lng) return;
    const latlng = L.latLng(at.lat, lon);
    d.marker.setLatLng(latlng);
    d.halo?.setLatLng(latlng);
  }

  private groupOf(d: Drawn): PlaceGroup {
    if (!d.group) throw new Error('not a place marker');
    return d.group;
  }

  private decorate(d: Drawn): void {
    const el = d.marker.getElement();
    if (el && d.group) decoratePlace(el, d.group, d.state);
  }

  private refreshPlace(d: Drawn, state: PlaceState): void {
    const g = this.groupOf(d);
    const focused = document.activeElement === d.marker.getElement();
    d.state = state;
    d.marker.options.title = placeLabel(g);
    d.marker.setIcon(placeIcon(g, state));
    d.marker.setZIndexOffset(state.selected || state.highlighted ? PINNED_Z : 0);
    this.decorate(d);
    if (focused) d.marker.getElement()?.focus();
  }

  /** Click, and Enter or Space on the focused marker (Leaflet makes markers focusable). */
  private bindActivate(marker: L.Marker, activate: (byKeyboard: boolean) => void): void {
    marker.on('click', () => activate(false));
    marker.on('keypress', (e: L.LeafletKeyboardEvent) => {
      if (e.originalEvent.key === 'Enter' || e.originalEvent.key === ' ') {
        e.originalEvent.preventDefault();
        activate(true);
      }
    });
  }

  private openPlace(d: Drawn): void {
    const g = this.groupOf(d);
    const [first] = g.events;
    if (g.events.length === 1 && first) {
      this.callbacks.onSelect(first.id);
      return;
    }
    this.openChooser(placeChooserTitle(g), g.events, d.marker.getLatLng());
  }

  /**
   * A cluster zooms to where it splits (or as close as the map goes); at the closest zoom it opens
   * a chooser of its events.
   */
  private async openCluster(c: ClusterItem, byKeyboard: boolean): Promise<void> {
    const at = L.latLng(c.lat, this.camera.near(c.lon));
    const maxZoom = this.map.getMaxZoom();
    if (this.map.getZoom() < maxZoom) {
      const zoom = (await this.index.expansionZoom(c)) ?? maxZoom;
      if (this.destroyed) return;
      if (byKeyboard) this.focusNear = at;
      this.camera.zoomInOn(at, Math.min(zoom, maxZoom));
      return;
    }
    const keys = await this.index.placesOf(c);
    if (this.destroyed) return;
    const events = keys
      .flatMap((key) => this.groups.get(key)?.events ?? [])
      .sort((a, b) => a.earliest - b.earliest || a.index - b.index);
    if (events.length === 0) return;
    this.openChooser(clusterChooserTitle(c.places, events.length), events, at);
  }

  /** Several events at one marker: a popup lists them to choose from. */
  private openChooser(title: ChooserTitle, events: readonly DatelineEvent[], at: L.LatLng): void {
    openChooser(this.map, at, title, events, this.selectedId, {
      onChoose: this.callbacks.onSelect,
      onHover: this.callbacks.onHover,
    });
  }

  /** After a keyboard user opened a cluster: focus what it split into, nearest its centre. */
  private focusPending(): void {
    const near = this.focusNear;
    if (!near) return;
    this.focusNear = null;
    let best: { el: HTMLElement; distance: number } | null = null;
    for (const d of this.drawn.values()) {
      const el = d.marker.getElement();
      const distance = d.marker.getLatLng().distanceTo(near);
      if (el && (!best || distance < best.distance)) best = { el, distance };
    }
    best?.el.focus();
  }
}

function stateOf(g: PlaceGroup, pins: Pins): PlaceState {
  return {
    selected: g.place.key === pins.selected,
    highlighted: pins.highlighted.has(g.place.key),
    entered: pins.entered.has(g.place.key),
  };
}

function sameState(a: PlaceState, b: PlaceState): boolean {
  return (
    a.selected === b.selected &&
    a.highlighted === b.highlighted &&
    Boolean(a.entered) === Boolean(b.entered)
  );
}

/** A group's event ids (from the id column when it has rows: no event object is made). */
function idsOf({ rows, columns, events }: PlaceGroup): string[] {
  return rows && columns ? Array.from(rows, (row) => columns.id(row)) : events.map((e) => e.id);
}

function sameEvents(a: PlaceGroup, b: PlaceGroup): boolean {
  if (a === b) return true;
  if (a.rows && b.rows && a.columns === b.columns)
    return a.rows.length === b.rows.length && a.rows.every((row, i) => row === b.rows![i]);
  return a.events.length === b.events.length && a.events.every((e, i) => e === b.events[i]);
}
