import { describe, expect, it } from 'vitest';
import { unwrapGeometry, unwrapRing } from './antimeridian';

describe('unwrapRing', () => {
  it('keeps a ring that does not cross the antimeridian as it is', () => {
    const ring = [
      [30, 10],
      [35, 10],
      [35, 15],
      [30, 10],
    ];
    expect(unwrapRing(ring)).toEqual(ring);
  });

  it('continues a ring past +180 instead of jumping back to -180', () => {
    const ring = [
      [178, 60],
      [-179, 60],
      [-179, 65],
      [178, 65],
      [178, 60],
    ];
    expect(unwrapRing(ring)).toEqual([
      [178, 60],
      [181, 60],
      [181, 65],
      [178, 65],
      [178, 60],
    ]);
  });

  it('puts a ring that starts beyond the antimeridian back where most of it lies', () => {
    // A ring like Russia's mainland in the 10m file: it starts in Chukotka, east of 180°.
    const ring = [
      [-175, 66],
      [178, 62],
      [100, 70],
      [40, 60],
      [30, 60],
      [30, 70],
      [170, 72],
      [-175, 66],
    ];
    const out = unwrapRing(ring);
    expect(out.map(([lon]) => lon)).toEqual([185, 178, 100, 40, 30, 30, 170, 185]);
  });

  it('never leaves a step of more than 180 degrees', () => {
    const ring = [
      [-179.5, -16],
      [179.5, -16],
      [179.5, -17],
      [-179.5, -17],
    ];
    const out = unwrapRing(ring);
    for (let i = 1; i < out.length; i++) {
      expect(Math.abs(out[i]![0]! - out[i - 1]![0]!)).toBeLessThanOrEqual(180);
    }
  });
});

describe('unwrapGeometry', () => {
  it('unwraps every ring of a MultiPolygon', () => {
    const g = unwrapGeometry({
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [179, 0],
            [-179, 0],
            [179, 0],
          ],
        ],
      ],
    });
    expect(g).toEqual({
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [179, 0],
            [181, 0],
            [179, 0],
          ],
        ],
      ],
    });
  });
});
