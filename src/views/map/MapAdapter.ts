// Owns the event layer of one Leaflet map: a marker per place (events at one place grouped),
// with a halo whose radius shows how precisely the place is known. Created once; `setEvents`
// changes only the places whose events changed. Nothing here knows about React.
import L from 'leaflet';
import type { DatelineEvent, ResolvedPlace } from '../../model/dataset';
import { groupByPlace, haloRadiusMeters, revealZoom, type PlaceGroup } from './places';

export interface MapCallbacks {
  onSelect: (id: string) => void;
  onHover: (ids: readonly string[]) => void;
}

interface PlaceMarker {
  group: PlaceGroup;
  marker: L.Marker;
  halo: L.Circle | null;
}

function markerLabel(g: PlaceGroup): string {
  const n = g.events.length;
  const what = n === 1 ? (g.events[0]?.title ?? '') : `${n} events`;
  return `${g.place.name} (${g.place.precision}): ${what}`;
}

function markerIcon(g: PlaceGroup, state: { selected: boolean; highlighted: boolean }): L.DivIcon {
  const n = g.events.length;
  const el = document.createElement('span');
  el.className = 'dl-marker-count';
  el.textContent = n > 1 ? String(n) : '';
  const cls = [
    'dl-marker',
    `dl-precision-${g.place.precision}`,
    n > 1 ? 'dl-marker-group' : 'dl-marker-single',
    state.selected ? 'dl-selected' : '',
    state.highlighted ? 'dl-highlight' : '',
  ].filter(Boolean);
  return L.divIcon({
    html: el,
    className: cls.join(' '),
    iconSize: [26, 26],
    iconAnchor: [13, 13],
  });
}

export class MapAdapter {
  private readonly layer = L.layerGroup();
  private readonly halos = L.layerGroup();
  private readonly markers = new Map<string, PlaceMarker>();
  private readonly placeOfEvent = new Map<string, string>();
  private selectedId: string | null = null;
  private highlighted = new Set<string>();

  constructor(
    private readonly map: L.Map,
    private readonly places: ReadonlyMap<string, ResolvedPlace>,
    private readonly callbacks: MapCallbacks,
  ) {
    this.halos.addTo(map);
    this.layer.addTo(map);
  }

  setEvents(events: readonly DatelineEvent[]): void {
    const selected = this.selectedId;
    const wasShown = selected !== null && this.placeOfEvent.has(selected);
    const groups = groupByPlace(events, this.places);
    this.placeOfEvent.clear();
    for (const g of groups.values())
      for (const e of g.events) this.placeOfEvent.set(e.id, g.place.key);
    for (const [key, pm] of this.markers) {
      if (!groups.has(key)) {
        this.layer.removeLayer(pm.marker);
        if (pm.halo) this.halos.removeLayer(pm.halo);
        this.markers.delete(key);
      }
    }
    for (const [key, g] of groups) {
      const pm = this.markers.get(key);
      if (!pm) this.markers.set(key, this.createMarker(g));
      else if (!sameEvents(pm.group, g)) {
        pm.group = g;
        this.refresh(pm);
      }
    }
    // The selected event came back (the filters that hid it were cleared): bring it into view.
    if (selected !== null && !wasShown && this.placeOfEvent.has(selected))
      this.select(selected, true);
  }

  select(id: string | null, reveal: boolean): void {
    const before = this.selectedId === null ? undefined : this.placeOfEvent.get(this.selectedId);
    this.selectedId = id;
    const after = id === null ? undefined : this.placeOfEvent.get(id);
    for (const key of new Set([before, after])) {
      const pm = key === undefined ? undefined : this.markers.get(key);
      if (pm) this.refresh(pm);
    }
    if (!reveal || after === undefined) return;
    const pm = this.markers.get(after);
    if (!pm) return;
    const target = pm.marker.getLatLng();
    const zoom = Math.max(this.map.getZoom(), revealZoom(pm.group.place.precision));
    const inView = this.map.getBounds().pad(-0.1).contains(target);
    if (inView && zoom === this.map.getZoom()) return;
    this.map.setView(target, zoom, { animate: false });
    const placed = this.map.getCenter();
    // On a phone the details open as a sheet over the lower part of the screen: keep the place
    // in the part of the map that stays visible above it.
    // It opens with this same change, so measure once React has drawn it; unless something
    // (a link's own map view) moved the map since.
    requestAnimationFrame(() => {
      if (!this.map.getCenter().equals(placed)) return;
      const hidden = this.hiddenBelow();
      if (hidden > 0) this.map.panBy([0, hidden / 2], { animate: false });
    });
  }

  /** How many pixels at the bottom of the map something fixed (the phone's sheet) covers. */
  private hiddenBelow(): number {
    const rect = this.map.getContainer().getBoundingClientRect();
    const sheet = document.querySelector('.dl-details-open');
    if (!sheet || getComputedStyle(sheet).position !== 'fixed') return 0;
    const top = sheet.getBoundingClientRect().top;
    return Math.max(0, Math.min(rect.bottom, window.innerHeight) - Math.max(top, rect.top));
  }

  highlight(ids: readonly string[]): void {
    const keys = new Set<string>();
    for (const id of [...this.highlighted, ...ids]) {
      const key = this.placeOfEvent.get(id);
      if (key) keys.add(key);
    }
    this.highlighted = new Set(ids);
    for (const key of keys) {
      const pm = this.markers.get(key);
      if (pm) this.refresh(pm);
    }
  }

  destroy(): void {
    this.layer.remove();
    this.halos.remove();
    this.markers.clear();
  }

  private state(g: PlaceGroup) {
    return {
      selected: g.events.some((e) => e.id === this.selectedId),
      highlighted: g.events.some((e) => this.highlighted.has(e.id)),
    };
  }

  private createMarker(g: PlaceGroup): PlaceMarker {
    const latlng = L.latLng(g.place.lat, g.place.lon);
    const marker = L.marker(latlng, {
      icon: markerIcon(g, this.state(g)),
      keyboard: true,
      title: markerLabel(g),
      alt: markerLabel(g),
      riseOnHover: true,
    });
    const pm: PlaceMarker = { group: g, marker, halo: null };
    const radius = haloRadiusMeters(g.place);
    if (radius > 0) {
      pm.halo = L.circle(latlng, {
        radius,
        className: `dl-halo dl-precision-${g.place.precision}`,
        interactive: false,
      });
      this.halos.addLayer(pm.halo);
    }
    marker.on('click', () => this.onActivate(pm));
    marker.on('keypress', (e: L.LeafletKeyboardEvent) => {
      if (e.originalEvent.key === 'Enter' || e.originalEvent.key === ' ') {
        e.originalEvent.preventDefault();
        this.onActivate(pm);
      }
    });
    marker.on('mouseover focus', () => this.callbacks.onHover(pm.group.events.map((e) => e.id)));
    marker.on('mouseout blur', () => this.callbacks.onHover([]));
    marker.on('add', () => this.decorate(pm));
    this.layer.addLayer(marker);
    return pm;
  }

  /** Attributes Leaflet does not set itself: a role, a name, and the place key tests and CSS use. */
  private decorate(pm: PlaceMarker): void {
    const el = pm.marker.getElement();
    if (!el) return;
    el.setAttribute('role', 'button');
    el.setAttribute('aria-label', markerLabel(pm.group));
    el.dataset.place = pm.group.place.key;
    el.dataset.events = pm.group.events.map((e) => e.id).join(' ');
    const { selected } = this.state(pm.group);
    el.setAttribute('aria-pressed', String(selected));
  }

  private refresh(pm: PlaceMarker): void {
    const focused = document.activeElement === pm.marker.getElement();
    pm.marker.setIcon(markerIcon(pm.group, this.state(pm.group)));
    pm.marker.options.title = markerLabel(pm.group);
    this.decorate(pm);
    if (focused) pm.marker.getElement()?.focus();
  }

  private onActivate(pm: PlaceMarker): void {
    const events = pm.group.events;
    const [first] = events;
    if (events.length === 1 && first) {
      this.callbacks.onSelect(first.id);
      return;
    }
    this.openChooser(pm);
  }

  /** Several events at one place: a popup lists them to choose from (built as text nodes). */
  private openChooser(pm: PlaceMarker): void {
    const root = document.createElement('div');
    root.className = 'dl-chooser';
    const heading = document.createElement('p');
    heading.className = 'dl-chooser-title';
    heading.textContent = `${pm.group.place.name}: ${pm.group.events.length} events`;
    const list = document.createElement('ul');
    for (const e of pm.group.events) {
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = e.title;
      button.dataset.eventId = e.id;
      if (e.id === this.selectedId) button.setAttribute('aria-current', 'true');
      button.addEventListener('click', () => {
        this.map.closePopup();
        this.callbacks.onSelect(e.id);
      });
      button.addEventListener('mouseenter', () => this.callbacks.onHover([e.id]));
      button.addEventListener('mouseleave', () => this.callbacks.onHover([]));
      li.append(button);
      list.append(li);
    }
    root.append(heading, list);
    L.popup({ maxWidth: 320, autoPanPadding: [24, 24] })
      .setLatLng(pm.marker.getLatLng())
      .setContent(root)
      .openOn(this.map);
    root.querySelector('button')?.focus();
  }
}

function sameEvents(a: PlaceGroup, b: PlaceGroup): boolean {
  return a.events.length === b.events.length && a.events.every((e, i) => e === b.events[i]);
}
