// The map's areas (src/scenes/map/areas.ts): each place's area is the land nearer to it than to
// any other place; the front runs along the shared edges of areas the two sides hold.
import { describe, expect, it } from 'vitest';
import { areaGeometry, clipToConvex, frontPieces, type Holder, insidePolygon, landPieces, type Pt, ringPoints } from '../src/scenes/map/areas.ts';

const area = (poly: readonly Pt[]) => {
  let s = 0;
  for (let k = 0; k < poly.length; k++) {
    const [x0, y0] = poly[k] as Pt;
    const [x1, y1] = poly[(k + 1) % poly.length] as Pt;
    s += x0 * y1 - x1 * y0;
  }
  return Math.abs(s) / 2;
};
const square = (x: number, y: number, w: number, h = w): Pt[] => [
  [x, y],
  [x + w, y],
  [x + w, y + h],
  [x, y + h],
];
const length = (pieces: [Pt, Pt][]) => pieces.reduce((s, [a, b]) => s + Math.hypot(b[0] - a[0], b[1] - a[1]), 0);

describe('clipping a land ring to a convex area', () => {
  it.each([
    ['overlapping squares', square(0, 0, 10), square(5, 5, 10), 25],
    ['the area inside the land', square(0, 0, 10), square(2, 2, 3), 9],
    ['the land inside the area', square(2, 2, 3), square(0, 0, 10), 9],
    ['apart', square(0, 0, 10), square(20, 20, 5), 0],
    ['a clockwise area', square(0, 0, 10), [...square(5, 0, 10)].reverse(), 50],
  ] as const)('%s', (_, land, cell, expected) => {
    const out = clipToConvex(land, cell);
    expect(out.length === 0 ? 0 : area(out)).toBeCloseTo(expected, 6);
  });

  it('clips a concave land (an L) by a convex area', () => {
    const l: Pt[] = [
      [0, 0],
      [10, 0],
      [10, 4],
      [4, 4],
      [4, 10],
      [0, 10],
    ];
    // Area of the L: 10·4 + 4·6 = 64; its part with x ≥ 5 is 5·4 = 20.
    expect(area(clipToConvex(l, square(5, -1, 10, 20)))).toBeCloseTo(20, 6);
  });
});

describe('land tests', () => {
  it('tells points inside a ring from points outside', () => {
    expect(insidePolygon([5, 5], square(0, 0, 10))).toBe(true);
    expect(insidePolygon([15, 5], square(0, 0, 10))).toBe(false);
  });

  it('keeps the pieces of a segment that cross land', () => {
    const land = [square(0, 0, 10), square(20, 0, 10)];
    const pieces = landPieces([-5, 5], [35, 5], land, 0.5);
    expect(pieces).toHaveLength(2);
    expect(length(pieces)).toBeGreaterThan(18);
    expect(length(pieces)).toBeLessThanOrEqual(20);
    expect(landPieces([-5, 50], [35, 50], land, 0.5)).toEqual([]);
  });

  it('reads a flat ring', () => {
    expect(ringPoints([1, 2, 3, 4])).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });
});

describe('the areas of places on a land', () => {
  const land = [square(0, 0, 100)];
  const places: Pt[] = [
    [25, 25],
    [75, 25],
    [25, 75],
    [75, 75],
  ];
  const geo = areaGeometry(places, land, [-10, -10, 110, 110], { hatchSpacing: 5, landStep: 0.5 });

  it('shares the land out, each place its own quarter', () => {
    const areas = geo.areas.map((polys) => polys.reduce((s, p) => s + area(p), 0));
    for (const a of areas) expect(a).toBeCloseTo(2500, 3);
    for (const [i, p] of places.entries()) expect(geo.areas[i]?.some((poly) => insidePolygon(p, poly))).toBe(true);
  });

  it('keeps land that is not there out of every area', () => {
    const island = areaGeometry(places, [square(0, 0, 50)], [-10, -10, 110, 110], { hatchSpacing: 5, landStep: 0.5 });
    // Only the first place's quarter is land.
    expect(island.areas[0]?.reduce((s, p) => s + area(p), 0)).toBeCloseTo(2500, 3);
    expect(island.areas.slice(1).flat()).toEqual([]);
  });

  it('hatches each area inside itself', () => {
    for (const [i, strokes] of geo.hatch.entries()) {
      expect(strokes.length).toBeGreaterThan(5);
      for (const [a, b] of strokes) {
        const mid: Pt = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
        expect(geo.areas[i]?.some((poly) => insidePolygon(mid, poly))).toBe(true);
      }
    }
  });

  it.each([
    ['all GNA: no front', ['gna', 'gna', 'gna', 'gna'], 0],
    ['west GNA, east LNA: a front down the middle', ['gna', 'lna', 'gna', 'lna'], 100],
    ['one LNA corner: two edges', ['lna', 'gna', 'gna', 'gna'], 100],
    ['local places make no front', ['gna', 'local', 'lna', 'none'], 50],
  ] as const)('%s', (_, holders, expected) => {
    // Within two land steps of the exact length (the ends of a piece are found by stepping).
    expect(Math.abs(length(frontPieces(geo, holders as readonly Holder[])) - expected)).toBeLessThanOrEqual(1);
  });
});
