import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { groupByCell, meets, partLatLngs, toOutlineParts, type OutlinePart } from './countries';

const require = createRequire(import.meta.url);
const topology = JSON.parse(
  readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8'),
) as Topology<{ countries: GeometryCollection }>;
const features = feature(topology, topology.objects.countries).features;
const parts = toOutlineParts(topology);
/** The parts of one country, found by giving its features alone to toOutlineParts. */
const partsOf = (name: string): OutlinePart[] =>
  toOutlineParts({
    ...topology,
    objects: {
      countries: {
        ...topology.objects.countries,
        geometries: topology.objects.countries.geometries.filter(
          (g) => (g.properties as { name?: string } | undefined)?.name === name,
        ),
      },
    },
  });
const box = (ps: OutlinePart[]) => [
  Math.min(...ps.map((p) => p.bbox[0])),
  Math.min(...ps.map((p) => p.bbox[1])),
  Math.max(...ps.map((p) => p.bbox[2])),
  Math.max(...ps.map((p) => p.bbox[3])),
];

describe('toOutlineParts', () => {
  it('keeps every polygon of every country, each point once, lat before lon', () => {
    const polygons = features.reduce((n, f) => {
      const g = f.geometry;
      return (
        n + (g?.type === 'Polygon' ? 1 : g?.type === 'MultiPolygon' ? g.coordinates.length : 0)
      );
    }, 0);
    expect(parts).toHaveLength(polygons);
    const egypt = partsOf('Egypt');
    expect(box(egypt).map(Math.round)).toEqual([25, 22, 37, 32]);
    for (const p of egypt) expect(p.coords.length).toBe(p.ringEnds.at(-1)! * 2);
    expect(egypt[0]!.coords[0]).toBeGreaterThan(20); // a latitude
  });

  it('unwraps rings that cross the antimeridian instead of striping the world', () => {
    const russia = partsOf('Russia');
    expect(russia.length).toBeGreaterThan(3);
    expect(Math.max(...russia.map((p) => p.bbox[2]))).toBeGreaterThan(180);
    for (const p of russia) expect(p.bbox[2] - p.bbox[0]).toBeLessThan(200);
  });

  it('draws every part of Russia on its own side of the antimeridian, in the 10m file too', () => {
    const detailed = JSON.parse(
      readFileSync(require.resolve('world-atlas/countries-10m.json'), 'utf8'),
    ) as Topology<{ countries: GeometryCollection }>;
    const russia = toOutlineParts({
      ...detailed,
      objects: {
        countries: {
          ...detailed.objects.countries,
          geometries: detailed.objects.countries.geometries.filter(
            (g) => (g.properties as { name?: string } | undefined)?.name === 'Russia',
          ),
        },
      },
    });
    const moscow: [number, number, number, number] = [37.6, 55.7, 37.7, 55.8];
    expect(russia.some((p) => meets(p, moscow))).toBe(true);
    for (const p of russia) expect((p.bbox[0] + p.bbox[2]) / 2).toBeGreaterThan(-180);
    for (const p of russia) expect((p.bbox[0] + p.bbox[2]) / 2).toBeLessThan(180);
  });

  it('gives Leaflet rings of [lat, lon] points, as the file has them', () => {
    for (const part of partsOf('Indonesia')) {
      const rings = partLatLngs(part);
      expect(rings).toHaveLength(part.ringEnds.length);
      expect(rings.flat()).toHaveLength(part.coords.length / 2);
      expect(rings[0]![0]).toEqual([part.coords[0], part.coords[1]]);
    }
  });
});

describe('meets', () => {
  it('tells which parts are near a view', () => {
    const gaza: [number, number, number, number] = [33, 30, 36, 33];
    expect(partsOf('Egypt').some((p) => meets(p, gaza))).toBe(true);
    expect(partsOf('Israel').some((p) => meets(p, gaza))).toBe(true);
    expect(partsOf('Brazil').some((p) => meets(p, gaza))).toBe(false);
    expect(partsOf('Russia').some((p) => meets(p, gaza))).toBe(false);
    expect(parts.filter((p) => meets(p, gaza)).length).toBeLessThan(10);
  });
});

describe('groupByCell', () => {
  const groups = groupByCell(parts, 30);

  it('puts every part in exactly one group, far fewer groups than parts', () => {
    expect(groups.flatMap((g) => g.parts)).toHaveLength(parts.length);
    expect(new Set(groups.flatMap((g) => g.parts)).size).toBe(parts.length);
    expect(groups.length).toBeLessThan(parts.length / 3);
  });

  it('gives each group the box of its parts, so a view near any part meets its group', () => {
    for (const g of groups) expect(g.bbox).toEqual(box(g.parts));
    const gaza = [34.2, 31.2, 34.6, 31.6] as const;
    const near = groups.filter((g) => meets(g, gaza));
    expect(near.length).toBeGreaterThan(0);
    expect(near.length).toBeLessThan(groups.length / 4);
    for (const part of parts.filter((p) => meets(p, gaza)))
      expect(near.some((g) => g.parts.includes(part))).toBe(true);
  });

  it('keeps a country spread across the antimeridian in groups on both sides', () => {
    const russia = partsOf('Russia');
    const sides = new Set(
      groupByCell(russia, 30).map((g) => Math.sign((g.bbox[0] + g.bbox[2]) / 2 - 100)),
    );
    expect(sides.size).toBe(2);
  });
});
