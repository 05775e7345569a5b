// Owns the event layer of one Leaflet map. Places (events at one place grouped) are clustered
// (clusters.ts); only the clusters and places in view are drawn, each as one DOM marker, and a
// halo shows how precisely each place drawn on its own is known. The selected and hovered places
// are always drawn on their own, above any cluster. `setEvents` rebuilds the index; a settled
// move asks it again for the view; both change only the markers that differ. No React here.
import L from 'leaflet';
import type { DatelineEvent, ResolvedPlace } from '../../model/dataset';
import { buildChooser } from './chooser';
import { clusterLabel, PlaceClusters, type BBox, type ClusterItem, type MapItem } from './clusters';
import {
  clusterIcon,
  decorateCluster,
  decoratePlace,
  placeIcon,
  type PlaceState,
} from './markerIcons';
import { groupByPlace, haloRadiusMeters, placeLabel, revealZoom, type PlaceGroup } from './places';

export interface MapCallbacks {
  onSelect: (id: string) => void;
  onHover: (ids: readonly string[]) => void;
}

/** One item drawn on the map: its marker, its halo (places only), and what it was drawn with. */
interface Drawn {
  item: MapItem;
  marker: L.Marker;
  halo: L.Circle | null;
  /** For places: the state the icon shows, so that only a change redraws it. */
  state: PlaceState;
}

/** What the draw step knows about the pinned places. */
interface Pins {
  selected: string | undefined;
  highlighted: ReadonlySet<string>;
}

/** Part of the view's size drawn beyond each edge, so a short pan shows no empty margin. */
const VIEW_PADDING = 0.25;
/** Pinned places (selected, hovered) sit above the clusters they may belong to. */
const PINNED_Z = 1000;

/** `lon` moved by whole turns to lie nearest `center`, so markers follow a view across ±180°. */
function nearestLon(lon: number, center: number): number {
  return lon + 360 * Math.round((center - lon) / 360);
}

export class MapAdapter {
  private readonly layer = L.layerGroup();
  private readonly halos = L.layerGroup();
  private clusters: PlaceClusters;
  /** What the index holds for the current view (before pinned places are added). */
  private inView: MapItem[] = [];
  private readonly drawn = new Map<string, Drawn>();
  private readonly placeOfEvent = new Map<string, string>();
  private selectedId: string | null = null;
  private highlightedIds: readonly string[] = [];
  /** After a cluster opened from the keyboard: focus the marker nearest here once drawn. */
  private focusNear: L.LatLng | null = null;

  constructor(
    private readonly map: L.Map,
    private readonly places: ReadonlyMap<string, ResolvedPlace>,
    private readonly callbacks: MapCallbacks,
  ) {
    this.clusters = new PlaceClusters(new Map(), map.getMaxZoom());
    this.halos.addTo(map);
    this.layer.addTo(map);
    map.on('moveend', this.onMoveEnd, this);
  }

  setEvents(events: readonly DatelineEvent[]): void {
    const start = performance.now();
    const groups = groupByPlace(events, this.places);
    this.placeOfEvent.clear();
    for (const g of groups.values())
      for (const e of g.events) this.placeOfEvent.set(e.id, g.place.key);
    const indexStart = performance.now();
    this.clusters = new PlaceClusters(groups, this.map.getMaxZoom());
    // User Timing: shows in the browser's performance panel, and `npm run bench:map` reads it.
    performance.measure('dl:map:index', { start: indexStart });
    this.query();
    this.draw();
    performance.measure('dl:map:setEvents', { start });
  }

  select(id: string | null, reveal: boolean): void {
    this.selectedId = id;
    this.draw();
    const key = this.selectedKey();
    const group = key === undefined ? undefined : this.clusters.groups.get(key);
    if (!reveal || !group) return;
    const { lat, lon, precision } = group.place;
    const target = L.latLng(lat, nearestLon(lon, this.map.getCenter().lng));
    const zoom = Math.max(this.map.getZoom(), revealZoom(precision));
    const inView = this.map.getBounds().pad(-0.1).contains(target);
    if (inView && zoom === this.map.getZoom()) return;
    this.map.setView(target, zoom, { animate: false });
    // On a phone the details open as a sheet over the lower part of the screen: keep the place
    // in the part of the map that stays visible above it.
    // It opens with this same change, so measure once React has drawn it.
    requestAnimationFrame(() => {
      const hidden = this.hiddenBelow();
      if (hidden > 0) this.map.panBy([0, hidden / 2], { animate: false });
    });
  }

  highlight(ids: readonly string[]): void {
    this.highlightedIds = ids;
    this.draw();
  }

  destroy(): void {
    this.map.off('moveend', this.onMoveEnd, this);
    this.layer.remove();
    this.halos.remove();
    this.drawn.clear();
  }

  private onMoveEnd(): void {
    const start = performance.now();
    this.query();
    this.draw();
    performance.measure('dl:map:clusters', { start });
    this.focusPending();
  }

  /** How many pixels at the bottom of the map something fixed (the phone's sheet) covers. */
  private hiddenBelow(): number {
    const rect = this.map.getContainer().getBoundingClientRect();
    const sheet = document.querySelector('.dl-details-open');
    if (!sheet || getComputedStyle(sheet).position !== 'fixed') return 0;
    const top = sheet.getBoundingClientRect().top;
    return Math.max(0, Math.min(rect.bottom, window.innerHeight) - Math.max(top, rect.top));
  }

  private selectedKey(): string | undefined {
    return this.selectedId === null ? undefined : this.placeOfEvent.get(this.selectedId);
  }

  private pins(): Pins {
    const highlighted = new Set<string>();
    for (const id of this.highlightedIds) {
      const key = this.placeOfEvent.get(id);
      if (key !== undefined) highlighted.add(key);
    }
    return { selected: this.selectedKey(), highlighted };
  }

  /** Asks the index for the view (a little beyond it), at the map's zoom. */
  private query(): void {
    const b = this.map.getBounds().pad(VIEW_PADDING);
    const bbox: BBox = [
      b.getWest(),
      Math.max(-90, b.getSouth()),
      b.getEast(),
      Math.min(90, b.getNorth()),
    ];
    if (b.getEast() - b.getWest() >= 360) [bbox[0], bbox[2]] = [-180, 180];
    this.inView = this.clusters.inView(bbox, this.map.getZoom());
  }

  /** Brings the markers in line with the view and the pinned places, touching only changes. */
  private draw(): void {
    const pins = this.pins();
    const pinned = new Set(pins.highlighted);
    if (pins.selected !== undefined) pinned.add(pins.selected);
    const items = this.clusters.withPinned(this.inView, pinned);
    const center = this.map.getCenter().lng;
    const wanted = new Set(items.map((i) => i.id));
    for (const [id, d] of this.drawn) if (!wanted.has(id)) this.remove(d);
    for (const item of items) {
      const d = this.drawn.get(item.id);
      if (!d) this.add(item, center, pins);
      else if (item.kind === 'place' && d.item.kind === 'place') {
        const state = stateOf(item.group, pins);
        const changed = !sameEvents(d.item.group, item.group);
        d.item = item;
        if (changed || !sameState(d.state, state)) this.refreshPlace(d, state);
        this.keepNearCenter(d, center);
      } else this.keepNearCenter(d, center);
    }
  }

  private add(item: MapItem, center: number, pins: Pins): void {
    if (item.kind === 'cluster') {
      const latlng = L.latLng(item.lat, nearestLon(item.lon, center));
      const canZoom = this.clusters.expansionZoom(item.clusterId) !== null;
      const label = clusterLabel(item, canZoom);
      const marker = L.marker(latlng, { icon: clusterIcon(item), keyboard: true, title: label });
      marker.on('add', () => {
        const el = marker.getElement();
        if (el) decorateCluster(el, item, canZoom);
      });
      this.bindActivate(marker, (byKeyboard) => this.openCluster(item, byKeyboard));
      const state = { selected: false, highlighted: false };
      this.drawn.set(item.id, { item, marker, halo: null, state });
      this.layer.addLayer(marker);
      return;
    }
    const g = item.group;
    const latlng = L.latLng(g.place.lat, nearestLon(g.place.lon, center));
    const state = stateOf(g, pins);
    const marker = L.marker(latlng, {
      icon: placeIcon(g, state),
      keyboard: true,
      title: placeLabel(g),
      riseOnHover: true,
      zIndexOffset: state.selected || state.highlighted ? PINNED_Z : 0,
    });
    const d: Drawn = { item, marker, halo: null, state };
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
    marker.on('mouseover focus', () =>
      this.callbacks.onHover(this.groupOf(d).events.map((e) => e.id)),
    );
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
    if (d.item.kind !== 'place') throw new Error('not a place marker');
    return d.item.group;
  }

  private decorate(d: Drawn): void {
    const el = d.marker.getElement();
    if (el && d.item.kind === 'place') decoratePlace(el, d.item.group, d.state);
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
    this.openChooser(`${g.place.name}: ${g.events.length} events`, g.events, d.marker.getLatLng());
  }

  /** A cluster zooms to where it splits; one that never splits on this map opens a chooser. */
  private openCluster(c: ClusterItem, byKeyboard: boolean): void {
    const at = L.latLng(c.lat, nearestLon(c.lon, this.map.getCenter().lng));
    const zoom = this.clusters.expansionZoom(c.clusterId);
    if (zoom === null) {
      const events = this.clusters
        .placesOf(c.clusterId)
        .flatMap((g) => g.events)
        .sort((a, b) => a.earliest - b.earliest || a.index - b.index);
      const title = `${c.places} places: ${events.length.toLocaleString('en-US')} events`;
      this.openChooser(title, events, at);
      return;
    }
    if (byKeyboard) this.focusNear = at;
    this.map.setView(at, zoom);
  }

  /** Several events at one marker: a popup lists them to choose from. */
  private openChooser(title: string, events: readonly DatelineEvent[], at: L.LatLng): void {
    const root = buildChooser(title, events, this.selectedId, {
      onChoose: (id) => {
        this.map.closePopup();
        this.callbacks.onSelect(id);
      },
      onHover: this.callbacks.onHover,
    });
    L.popup({ maxWidth: 320, autoPanPadding: [24, 24] })
      .setLatLng(at)
      .setContent(root)
      .openOn(this.map);
    root.querySelector('button')?.focus();
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
  };
}

function sameState(a: PlaceState, b: PlaceState): boolean {
  return a.selected === b.selected && a.highlighted === b.highlighted;
}

function sameEvents(a: PlaceGroup, b: PlaceGroup): boolean {
  if (a === b) return true;
  return a.events.length === b.events.length && a.events.every((e, i) => e === b.events[i]);
}
