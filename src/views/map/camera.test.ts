// @vitest-environment jsdom
// Which moves of the map are the user's: those the camera did not make. Leaflet in jsdom; moves
// "by the user" are made here with the map's own methods, as its drag and zoom handlers do.
import L from 'leaflet';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MapViewState } from '../../url/types';
import { MapCamera, openingView } from './camera';

let map: L.Map;
let container: HTMLElement;
let camera: MapCamera;
let covered = 0;
const settled = vi.fn<(view: MapViewState, byUser: boolean) => void>();
const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
const lastByUser = () => settled.mock.lastCall?.[1];

beforeEach(() => {
  container = document.createElement('div');
  Object.defineProperty(container, 'clientWidth', { value: 1200, configurable: true });
  Object.defineProperty(container, 'clientHeight', { value: 800, configurable: true });
  document.body.append(container);
  map = L.map(container, { zoomAnimation: false, fadeAnimation: false, maxZoom: 12 });
  map.setView([30, 34], 3);
  covered = 0;
  camera = new MapCamera(map, () => covered, settled);
});

afterEach(async () => {
  await frame();
  camera.destroy();
  map.remove();
  container.remove();
  vi.clearAllMocks();
});

describe('MapCamera', () => {
  it('reports its own reveal as a move, not the user’s', () => {
    camera.reveal({ lat: 30, lon: 60, precision: 'city' });
    expect(settled).toHaveBeenCalledTimes(1);
    expect(settled).toHaveBeenLastCalledWith(
      { lat: expect.closeTo(30, 3), lon: expect.closeTo(60, 3), zoom: 7 },
      false,
    );
  });

  it('reports a link’s view it was given as not the user’s', () => {
    camera.show({ lat: 10, lon: 20, zoom: 5 });
    expect(settled).toHaveBeenLastCalledWith(
      { lat: expect.closeTo(10, 3), lon: expect.closeTo(20, 3), zoom: 5 },
      false,
    );
  });

  it('a move that follows a reveal is the user’s', () => {
    camera.reveal({ lat: 30, lon: 60, precision: 'city' });
    map.panBy([200, 0], { animate: false }); // a drag, as Leaflet's handler moves the map
    expect(settled).toHaveBeenCalledTimes(2);
    expect(lastByUser()).toBe(true);
  });

  it('a reveal right after the user pressed on the map is still not the user’s', () => {
    container.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    camera.reveal({ lat: 30, lon: 60, precision: 'city' });
    expect(lastByUser()).toBe(false);
  });

  it('a zoom into a cluster is the user’s', () => {
    camera.zoomInOn(L.latLng(30, 34), 6);
    expect(lastByUser()).toBe(true);
  });

  it('a move no one asked for (the container resized) is not the user’s', () => {
    Object.defineProperty(container, 'clientWidth', { value: 900, configurable: true });
    map.invalidateSize();
    expect(settled).toHaveBeenCalled();
    expect(lastByUser()).toBe(false);
  });

  it('keeps a revealed place above the phone’s details sheet, in a move of its own', async () => {
    vi.spyOn(container, 'getBoundingClientRect').mockReturnValue(
      DOMRect.fromRect({ x: 0, y: 0, width: 1200, height: window.innerHeight }),
    );
    // The sheet's top at 268 px: the revealed place, in the map's middle (400 px), is under it.
    covered = window.innerHeight - 268;
    const place = { lat: 30, lon: 60, precision: 'city' } as const;
    camera.reveal(place);
    const revealed = map.getCenter();
    await frame();
    // Panned so that the place sits in the middle of the part left visible above the sheet.
    expect(map.getCenter().lat).toBeLessThan(revealed.lat);
    expect(map.latLngToContainerPoint([place.lat, place.lon]).y).toBeCloseTo(134, 0);
    expect(settled).toHaveBeenCalledTimes(2);
    expect(lastByUser()).toBe(false);
  });

  it('moves the place above a resized sheet only when the sheet covers it', () => {
    vi.spyOn(container, 'getBoundingClientRect').mockReturnValue(
      DOMRect.fromRect({ x: 0, y: 0, width: 1200, height: window.innerHeight }),
    );
    const place = { lat: 30, lon: 34 };
    // A peek (the sheet's top at 600 px): the place, at 400 px, still shows.
    covered = window.innerHeight - 600;
    settled.mockClear();
    camera.keepAboveCover(place);
    expect(settled).not.toHaveBeenCalled();
    // Full (top at 200 px): it moves into the 200 px left, in a move of the camera's own.
    covered = window.innerHeight - 200;
    camera.keepAboveCover(place);
    expect(map.latLngToContainerPoint([place.lat, place.lon]).y).toBeCloseTo(100, 0);
    expect(lastByUser()).toBe(false);
  });

  it('leaves the map alone when the place is in view and close enough', () => {
    map.setView([30, 34], 6);
    settled.mockClear();
    camera.reveal({ lat: 30, lon: 34, precision: 'region' });
    expect(settled).not.toHaveBeenCalled();
  });
});

describe('openingView', () => {
  it('opens on a link’s view, else on the places with room around them', () => {
    const linked = { lat: 1, lon: 2, zoom: 9 };
    expect(openingView(linked, [{ lat: 30, lon: 31 }])).toEqual({ center: [1, 2], zoom: 9 });
    const opened = openingView(null, [
      { lat: 30, lon: 31 },
      { lat: 32, lon: 35 },
    ]);
    expect('bounds' in opened && opened.bounds.contains([31, 33])).toBe(true);
    expect(openingView(null, [])).toEqual({ center: [30, 35], zoom: 3 });
  });
});
