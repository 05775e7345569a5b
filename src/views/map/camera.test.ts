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
    covered = 300;
    camera.reveal({ lat: 30, lon: 60, precision: 'city' });
    const revealed = map.getCenter();
    await frame();
    // Panned down by half the covered part: the place sits higher on the screen.
    expect(map.getCenter().lat).toBeLessThan(revealed.lat);
    expect(settled).toHaveBeenCalledTimes(2);
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
