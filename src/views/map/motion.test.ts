// @vitest-environment jsdom
// Reduced motion: every zoom and pan of a calmed map is made without animation.
import L from 'leaflet';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { calmMap, prefersReducedMotion } from './motion';

afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

function newMap(): L.Map {
  const container = document.createElement('div');
  document.body.append(container);
  return L.map(container).setView([30, 34], 4);
}

describe('calmMap', () => {
  it('makes zooms and pans jump, and drags stop where let go, when motion is reduced', () => {
    const map = newMap();
    const setView = vi.spyOn(L.Map.prototype, 'setView');
    const panBy = vi.spyOn(L.Map.prototype, 'panBy');
    const undo = calmMap(map, true);
    map.setView([31, 35], 5);
    map.panBy([10, 10]);
    map.panBy([10, 10], { animate: true });
    expect(setView.mock.lastCall?.[2]).toMatchObject({ animate: false });
    expect(panBy.mock.calls.map((c) => c[1])).toEqual([{ animate: false }, { animate: false }]);
    expect(map.options.inertia).toBe(false);
    undo();
    expect(map.options.inertia).toBe(true);
    expect(Object.hasOwn(map, 'setView')).toBe(false);
  });

  it('leaves the map as it is otherwise', () => {
    const map = newMap();
    calmMap(map, false);
    expect(Object.hasOwn(map, 'setView')).toBe(false);
    expect(map.options.inertia).toBe(true);
  });

  it('reads the preference from the media query', () => {
    const query = (matches: boolean) => ({
      matchMedia: (q: string) => ({ matches: matches && q.includes('reduce') }) as MediaQueryList,
    });
    expect(prefersReducedMotion(query(true))).toBe(true);
    expect(prefersReducedMotion(query(false))).toBe(false);
  });
});
