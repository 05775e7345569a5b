// @vitest-environment jsdom
import L from 'leaflet';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DatelineEvent, ResolvedPlace } from '../../model/dataset';
import { fixtureDataset } from '../../test-utils/fixture';
import type { MapViewState } from '../../url/types';
import { MapAdapter } from './MapAdapter';

// Exact places: no halo, so no SVG renderer, which jsdom lacks.
function place(key: string, lat: number, lon: number): ResolvedPlace {
  return { id: key, key, name: key, lat, lon, precision: 'exact', inline: false } as ResolvedPlace;
}

let n = 0;
/** Every event made here, by id: the adapter looks events up by id (selection, hover). */
const eventById = new Map<string, DatelineEvent>();
function event(placeKey: string): DatelineEvent {
  n += 1;
  const e = {
    id: `e${n}`,
    title: `Event ${n}`,
    placeKey,
    earliest: n,
    index: n,
    status: 'occurred',
    time: { start: '2025', precision: 'year', approximate: false },
  } as DatelineEvent;
  eventById.set(e.id, e);
  return e;
}

let map: L.Map;
let container: HTMLElement;
const onSelect = vi.fn<(id: string | null) => void>();
const onHover = vi.fn<(ids: readonly string[]) => void>();
const onSettled = vi.fn<(view: MapViewState, byUser: boolean) => void>();

function connected(adapter: MapAdapter): MapAdapter {
  adapter.connect({ selected: onSelect, hovered: onHover, settled: onSettled });
  return adapter;
}

beforeEach(() => {
  container = document.createElement('div');
  Object.defineProperty(container, 'clientWidth', { value: 1200 });
  Object.defineProperty(container, 'clientHeight', { value: 800 });
  document.body.append(container);
  map = L.map(container, {
    zoomAnimation: false,
    fadeAnimation: false,
    markerZoomAnimation: false,
    maxZoom: 12,
  });
  map.setView([30, 34], 3);
});

afterEach(async () => {
  // Let the frame the adapter asks for after a reveal run before the map goes.
  await new Promise((resolve) => requestAnimationFrame(resolve));
  map.remove();
  container.remove();
  vi.clearAllMocks();
});

/** The index answers as a promise (from a worker when there are many places): let it. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const clusters = () => container.querySelectorAll<HTMLElement>('.dl-cluster');
const placeMarkers = () => container.querySelectorAll<HTMLElement>('[data-place]');
const marker = (key: string) => container.querySelector<HTMLElement>(`[data-place="${key}"]`);

/** Two places 0.2° apart (one cluster until zoom 7 or so) and one far away. */
async function twoNearOneFar() {
  const places = new Map([
    ['a', place('a', 30, 34)],
    ['b', place('b', 30, 34.2)],
    ['far', place('far', 30, 44)],
  ]);
  const events = [event('a'), event('a'), event('b'), event('far')];
  const adapter = connected(new MapAdapter(map, { places, eventById }));
  adapter.setEvents(events);
  await settle();
  return { adapter, events };
}

describe('MapAdapter', () => {
  it('draws close places as one cluster named for screen readers, and far ones alone', async () => {
    await twoNearOneFar();
    expect(clusters()).toHaveLength(1);
    const [cluster] = clusters();
    expect(cluster?.getAttribute('role')).toBe('button');
    expect(cluster?.getAttribute('aria-label')).toBe('2 places, 3 events — zoom in');
    expect(cluster?.tabIndex).toBe(0);
    expect([...placeMarkers()].map((el) => el.dataset.place)).toEqual(['far']);
    expect(marker('far')?.getAttribute('aria-label')).toBe('far (exact): Event 4');
  });

  it('Enter on a cluster zooms to where it splits and focuses what it split into', async () => {
    await twoNearOneFar();
    const [cluster] = clusters();
    cluster?.focus();
    cluster?.dispatchEvent(new KeyboardEvent('keypress', { key: 'Enter', bubbles: true }));
    await settle();
    await settle();
    expect(map.getZoom()).toBeGreaterThan(3);
    expect(clusters()).toHaveLength(0);
    expect(marker('a')).not.toBeNull();
    expect(marker('b')).not.toBeNull();
    expect(['a', 'b']).toContain((document.activeElement as HTMLElement | null)?.dataset.place);
  });

  it('draws the selected place on its own, selected, even inside a cluster', async () => {
    const { adapter, events } = await twoNearOneFar();
    adapter.select(events[2]?.id ?? null, false);
    expect(clusters()).toHaveLength(1);
    expect(marker('b')?.classList.contains('dl-selected')).toBe(true);
    expect(marker('b')?.getAttribute('aria-pressed')).toBe('true');
    adapter.select(null, false);
    expect(marker('b')).toBeNull();
  });

  it('reveals the place selected elsewhere: zooms and pans to it', async () => {
    const { adapter, events } = await twoNearOneFar();
    adapter.select(events[0]?.id ?? null, true);
    await settle();
    expect(map.getZoom()).toBe(12);
    expect(map.getCenter().lat).toBeCloseTo(30, 3);
    expect(map.getCenter().lng).toBeCloseTo(34, 3);
    expect(marker('a')?.classList.contains('dl-selected')).toBe(true);
  });

  it('highlights a place hovered in another view, and only while hovered', async () => {
    const { adapter, events } = await twoNearOneFar();
    adapter.highlight([events[0]?.id ?? '']);
    expect(marker('a')?.classList.contains('dl-highlight')).toBe(true);
    adapter.highlight([]);
    expect(marker('a')).toBeNull();
  });

  it('a place with several events opens the chooser; one event selects it', async () => {
    const { events } = await twoNearOneFar();
    map.setView([30, 34.1], 10);
    await settle();
    marker('a')?.click();
    const options = container.querySelectorAll<HTMLButtonElement>('.dl-chooser button');
    expect([...options].map((b) => b.dataset.eventId)).toEqual([events[0]?.id, events[1]?.id]);
    options[1]?.click();
    expect(onSelect).toHaveBeenCalledWith(events[1]?.id);
    marker('b')?.click();
    expect(onSelect).toHaveBeenLastCalledWith(events[2]?.id);
  });

  it('keeps the markers bounded by the screen at 5,000 places', async () => {
    const places = new Map<string, ResolvedPlace>();
    const events: DatelineEvent[] = [];
    for (let i = 0; i < 5_000; i++) {
      const key = `p${i}`;
      places.set(
        key,
        place(key, -50 + ((i * 7919) % 10_000) / 100, -170 + ((i * 104_729) % 34_000) / 100),
      );
      events.push(event(key));
    }
    const adapter = connected(new MapAdapter(map, { places, eventById }));
    adapter.setEvents(events);
    await settle();
    const drawn = container.querySelectorAll('.leaflet-marker-icon').length;
    expect(drawn).toBeGreaterThan(10);
    expect(drawn).toBeLessThan(600);
    adapter.setEvents(events.slice(0, 10));
    await settle();
    expect(container.querySelectorAll('.leaflet-marker-icon').length).toBeLessThanOrEqual(10);
  });

  it('a cluster that never splits zooms as close as the map goes, then offers its events', async () => {
    const places = new Map([
      ['a', place('a', 30, 34)],
      ['b', place('b', 30, 34.00001)],
    ]);
    const events = [event('a'), event('b'), event('b')];
    const adapter = connected(new MapAdapter(map, { places, eventById }));
    adapter.setEvents(events);
    await settle();
    clusters()[0]?.click();
    await settle();
    await settle();
    expect(map.getZoom()).toBe(12);
    const [cluster] = clusters();
    expect(cluster?.getAttribute('aria-label')).toBe('2 places, 3 events — choose an event');
    cluster?.click();
    await settle();
    const options = container.querySelectorAll<HTMLButtonElement>('.dl-chooser button');
    expect([...options].map((b) => b.dataset.eventId)).toEqual(events.map((e) => e.id));
  });

  it('forgets everything on destroy', async () => {
    const { adapter } = await twoNearOneFar();
    adapter.destroy();
    expect(container.querySelectorAll('.leaflet-marker-icon')).toHaveLength(0);
    map.setView([30, 34], 8);
    await settle();
    expect(container.querySelectorAll('.leaflet-marker-icon')).toHaveLength(0);
  });
});

describe('MapAdapter and a selection hidden by the filters', () => {
  const dataset = fixtureDataset();

  it('brings the selected event into view when it comes back after being filtered out', async () => {
    const adapter = connected(new MapAdapter(map, dataset));
    const all = dataset.events;
    adapter.setEvents(all.filter((e) => e.id !== 'envoy'));
    await settle();
    const before = map.getCenter();
    adapter.select('envoy', true);
    expect(map.getCenter()).toEqual(before);
    adapter.setEvents(all);
    const region = dataset.places.get('region');
    expect(map.getCenter().lat).toBeCloseTo(region?.lat ?? NaN, 3);
    expect(map.getCenter().lng).toBeCloseTo(region?.lon ?? NaN, 3);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    adapter.destroy();
  });

  it('leaves the map where it is when the selected event was shown already', async () => {
    const adapter = connected(new MapAdapter(map, dataset));
    adapter.setEvents(dataset.events);
    await settle();
    const before = map.getCenter();
    adapter.select('envoy', false);
    adapter.setEvents(dataset.events.filter((e) => e.id !== 'talks'));
    expect(map.getCenter()).toEqual(before);
    adapter.destroy();
  });
});
