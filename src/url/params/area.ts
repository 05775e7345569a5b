// The map area filter in a link (issue 14): `area=SOUTH,WEST,NORTH,EAST` in degrees, four
// decimals (about 11 m), west greater than east across the antimeridian; and `unplaced=1` when
// events with no place are kept beside it (only with an area: alone it means nothing).
import { t } from '../../i18n';
import type * as FastCheck from 'fast-check';
import { isValidArea, roundArea, type GeoArea } from '../../model/filter/area';
import type { LinkParam } from '../params';
import type { ViewState } from '../types';

const DECIMAL_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

const withArea = (view: ViewState, area: GeoArea | null): ViewState => ({
  ...view,
  filters: { ...view.filters, area },
});

/** "31.2000,34.2000,31.6000,34.6000": each edge with four decimals. */
export function formatArea(a: GeoArea): string {
  const r = roundArea(a);
  return [r.south, r.west, r.north, r.east].map((x) => x.toFixed(4)).join(',');
}

/** An area from a link's value, or the reason it is not one. */
export function parseArea(value: string): GeoArea | string {
  const parts = value.split(',').map((p) => p.trim());
  if (parts.length !== 4 || !parts.every((p) => DECIMAL_RE.test(p))) return t('link.why.area');
  const [south, west, north, east] = parts.map(Number) as [number, number, number, number];
  if (Math.abs(south) > 90 || Math.abs(north) > 90) return t('link.why.areaLatitudes');
  if (Math.abs(west) > 180 || Math.abs(east) > 180) return t('link.why.areaLongitudes');
  if (south >= north) return t('link.why.areaSouth');
  const area = roundArea({ south, west, north, east });
  if (!isValidArea(area)) return t('link.why.areaWidth');
  return area;
}

const areaArbitrary = (fc: typeof FastCheck) =>
  fc
    .record({
      a: fc.integer({ min: -900_000, max: 900_000 }),
      b: fc.integer({ min: -900_000, max: 900_000 }),
      west: fc.integer({ min: -1_800_000, max: 1_800_000 }),
      east: fc.integer({ min: -1_800_000, max: 1_800_000 }),
    })
    .filter(({ a, b, west, east }) => a !== b && west !== east)
    .map(({ a, b, west, east }) => ({
      south: Math.min(a, b) / 10_000,
      north: Math.max(a, b) / 10_000,
      west: west / 10_000 || 0,
      east: east / 10_000 || 0,
    }));

export const AREA_PARAMS: readonly LinkParam[] = [
  {
    name: 'area',
    read(value, view, notes) {
      const area = parseArea(value);
      if (typeof area === 'string') {
        notes.reject(area);
        return view;
      }
      return withArea(view, area);
    },
    write: ({ filters: { area } }) => (area && isValidArea(area) ? formatArea(area) : null),
    arbitrary: (fc) => fc.option(areaArbitrary(fc)).map((area) => (view) => withArea(view, area)),
  },
  {
    name: 'unplaced',
    read(value, view, notes) {
      if (value !== '1' && value !== '0' && value !== 'true' && value !== 'false') {
        notes.reject(t('link.why.oneOrZero'));
        return view;
      }
      const on = value === '1' || value === 'true';
      if (on && view.filters.area === null) {
        notes.reject(t('link.why.unplaced'));
        return view;
      }
      return { ...view, filters: { ...view.filters, areaUnplaced: on } };
    },
    write: ({ filters: { area, areaUnplaced } }) =>
      area && isValidArea(area) && areaUnplaced ? '1' : null,
    arbitrary: (fc) =>
      fc.boolean().map((on) => (view: ViewState) => ({
        ...view,
        filters: { ...view.filters, areaUnplaced: on && view.filters.area !== null },
      })),
  },
];
