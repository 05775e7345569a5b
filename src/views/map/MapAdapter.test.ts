// @vitest-environment jsdom
import L from 'leaflet';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureDataset } from '../../test-utils/fixture';
import { MapAdapter } from './MapAdapter';

let map: L.Map;
let adapter: MapAdapter;
const dataset = fixtureDataset();

beforeEach(() => {
  const container = document.createElement('div');
  document.body.append(container);
  map = L.map(container).setView([0, 0], 2);
  adapter = new MapAdapter(map, dataset.places, { onSelect: () => {}, onHover: () => {} });
});

afterEach(async () => {
  // Let the frame the adapter asks for after a reveal run before the map goes.
  await new Promise((resolve) => requestAnimationFrame(resolve));
  adapter.destroy();
  map.remove();
  document.body.innerHTML = '';
});

describe('MapAdapter', () => {
  it('brings the selected event into view when it comes back after being filtered out', () => {
    const all = dataset.events;
    adapter.setEvents(all.filter((e) => e.id !== 'envoy'));
    adapter.select('envoy', true);
    expect(map.getCenter()).toMatchObject({ lat: 0, lng: 0 });
    adapter.setEvents(all);
    const region = dataset.places.get('region');
    expect(map.getCenter().lat).toBeCloseTo(region?.lat ?? NaN, 3);
    expect(map.getCenter().lng).toBeCloseTo(region?.lon ?? NaN, 3);
  });

  it('leaves the map where it is when the selected event was shown already', () => {
    adapter.setEvents(dataset.events);
    adapter.select('envoy', false);
    adapter.setEvents(dataset.events.filter((e) => e.id !== 'talks'));
    expect(map.getCenter()).toMatchObject({ lat: 0, lng: 0 });
  });
});
