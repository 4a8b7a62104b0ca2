// Who holds each area: every place's area is the land nearer to it than to any other place (its
// Voronoi cell, d3-delaunay) inside Libya's outline. The map tints each area in its holder's
// colour, hatches the LNA's (a pattern as well as a colour: the two sides differ in grey too) and
// draws the front line along the edges between areas the two sides hold.
//
// The geometry is worked out once per map (places do not move); control only recolours it. All
// of it is plain arithmetic on canvas units, tested in test/map-areas.test.ts.
import { Delaunay } from 'd3-delaunay';

export type Pt = readonly [number, number];
export type Holder = 'gna' | 'lna' | 'local' | 'none';

export interface AreaGeometry {
  /** Per place (same order as the input points): its area inside the land, one polygon per land ring it meets. */
  areas: Pt[][][];
  /** Hatch strokes per place, clipped to its area (canvas units). */
  hatch: [Pt, Pt][][];
  /** Per pair of neighbouring places (i < j): the pieces of their shared edge that lie on land. */
  edges: { i: number; j: number; pieces: [Pt, Pt][] }[];
}

/** Twice the signed area of a polygon (positive when counter-clockwise in y-up axes). */
function signedArea(poly: readonly Pt[]): number {
  let s = 0;
  for (let k = 0; k < poly.length; k++) {
    const [x0, y0] = poly[k] as Pt;
    const [x1, y1] = poly[(k + 1) % poly.length] as Pt;
    s += x0 * y1 - x1 * y0;
  }
  return s;
}

/**
 * Sutherland–Hodgman: the part of `subject` (any simple polygon) inside `clip` (a convex
 * polygon). For a concave subject the result can hold zero-width bridges, which fill nothing.
 */
export function clipToConvex(subject: readonly Pt[], clip: readonly Pt[]): Pt[] {
  if (subject.length < 3 || clip.length < 3) return [];
  const orient = Math.sign(signedArea(clip)) || 1;
  const inside = (p: Pt, a: Pt, b: Pt) => orient * ((b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0])) >= 0;
  const cross = (p: Pt, q: Pt, a: Pt, b: Pt): Pt => {
    const dx = q[0] - p[0];
    const dy = q[1] - p[1];
    const ex = b[0] - a[0];
    const ey = b[1] - a[1];
    const den = dx * ey - dy * ex;
    const t = den === 0 ? 0 : ((a[0] - p[0]) * ey - (a[1] - p[1]) * ex) / den;
    return [p[0] + t * dx, p[1] + t * dy];
  };
  let out: Pt[] = [...subject];
  for (let k = 0; k < clip.length && out.length > 0; k++) {
    const a = clip[k] as Pt;
    const b = clip[(k + 1) % clip.length] as Pt;
    const input = out;
    out = [];
    for (let m = 0; m < input.length; m++) {
      const p = input[m] as Pt;
      const q = input[(m + 1) % input.length] as Pt;
      const pin = inside(p, a, b);
      const qin = inside(q, a, b);
      if (pin) out.push(p);
      if (pin !== qin) out.push(cross(p, q, a, b));
    }
  }
  return out.length >= 3 && Math.abs(signedArea(out)) > 1e-6 ? out : [];
}

/** Even–odd point in polygon. */
export function insidePolygon(p: Pt, poly: readonly Pt[]): boolean {
  let inside = false;
  for (let k = 0, m = poly.length - 1; k < poly.length; m = k++) {
    const [xk, yk] = poly[k] as Pt;
    const [xm, ym] = poly[m] as Pt;
    if (yk > p[1] !== ym > p[1] && p[0] < ((xm - xk) * (p[1] - yk)) / (ym - yk) + xk) inside = !inside;
  }
  return inside;
}

const onLand = (p: Pt, land: readonly Pt[][]) => land.some((ring) => insidePolygon(p, ring));

/** The parts of segment a–b over land, found by stepping along it (`step` canvas units). */
export function landPieces(a: Pt, b: Pt, land: readonly Pt[][], step: number): [Pt, Pt][] {
  const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
  const n = Math.max(1, Math.ceil(length / step));
  const at = (k: number): Pt => [a[0] + ((b[0] - a[0]) * k) / n, a[1] + ((b[1] - a[1]) * k) / n];
  const pieces: [Pt, Pt][] = [];
  let start: Pt | null = null;
  let last: Pt | null = null;
  for (let k = 0; k <= n; k++) {
    const p = at(k);
    if (onLand(p, land)) {
      start ??= p;
      last = p;
    } else if (start && last) {
      if (last !== start) pieces.push([start, last]);
      start = null;
      last = null;
    }
  }
  if (start && last && last !== start) pieces.push([start, last]);
  return pieces;
}

/** The part of the line through `p` with direction `d` inside a convex polygon (Cyrus–Beck), or null. */
function lineInConvex(p: Pt, d: Pt, poly: readonly Pt[]): [Pt, Pt] | null {
  let t0 = Number.NEGATIVE_INFINITY;
  let t1 = Number.POSITIVE_INFINITY;
  const orient = Math.sign(signedArea(poly)) || 1;
  for (let k = 0; k < poly.length; k++) {
    const a = poly[k] as Pt;
    const b = poly[(k + 1) % poly.length] as Pt;
    // Inward normal of edge a–b.
    const nx = -orient * (b[1] - a[1]);
    const ny = orient * (b[0] - a[0]);
    const num = nx * (p[0] - a[0]) + ny * (p[1] - a[1]);
    const den = nx * d[0] + ny * d[1];
    if (den === 0) {
      if (num < 0) return null;
      continue;
    }
    const t = -num / den;
    if (den > 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
  }
  if (!(t0 < t1) || !Number.isFinite(t0) || !Number.isFinite(t1)) return null;
  return [
    [p[0] + d[0] * t0, p[1] + d[1] * t0],
    [p[0] + d[0] * t1, p[1] + d[1] * t1],
  ];
}

export interface AreaOptions {
  /** Distance between hatch strokes (canvas units). */
  hatchSpacing: number;
  /** Step when testing a line for land (canvas units). */
  landStep: number;
}

/**
 * The areas of `points` inside `land` (rings of [x, y]), within `bounds` [x0, y0, x1, y1]; their
 * hatch strokes and the shared edges of neighbouring areas, over land.
 */
export function areaGeometry(points: readonly Pt[], land: readonly Pt[][], bounds: readonly [number, number, number, number], options: AreaOptions): AreaGeometry {
  const n = points.length;
  const areas: Pt[][][] = [];
  const hatch: [Pt, Pt][][] = [];
  const edges: AreaGeometry['edges'] = [];
  if (n === 0) return { areas, hatch, edges };
  const delaunay = Delaunay.from(points as unknown as [number, number][]);
  const voronoi = delaunay.voronoi([...bounds] as [number, number, number, number]);
  const cells: Pt[][] = [];
  for (let i = 0; i < n; i++) {
    const cell = (voronoi.cellPolygon(i) ?? []) as unknown as Pt[];
    // d3 closes the ring by repeating the first point.
    const open = cell.length > 1 && cell[0]?.[0] === cell[cell.length - 1]?.[0] && cell[0]?.[1] === cell[cell.length - 1]?.[1] ? cell.slice(0, -1) : cell;
    cells.push(open);
    areas.push(land.map((ring) => clipToConvex(ring, open)).filter((p) => p.length >= 3));
    // Hatch: strokes at 45°, every `hatchSpacing`, across the cell, kept where they are on land.
    const strokes: [Pt, Pt][] = [];
    if (open.length >= 3) {
      let lo = Number.POSITIVE_INFINITY;
      let hi = Number.NEGATIVE_INFINITY;
      for (const [x, y] of open) {
        lo = Math.min(lo, x + y);
        hi = Math.max(hi, x + y);
      }
      const s = options.hatchSpacing;
      for (let c = Math.ceil(lo / s) * s; c <= hi; c += s) {
        // The line x + y = c, through (c, 0) with direction (1, -1).
        const seg = lineInConvex([c, 0], [1, -1], open);
        if (seg) strokes.push(...landPieces(seg[0], seg[1], land, options.landStep));
      }
    }
    hatch.push(strokes);
  }
  for (let i = 0; i < n; i++) {
    for (const j of voronoi.neighbors(i)) {
      if (j <= i) continue;
      const pi = points[i] as Pt;
      const pj = points[j] as Pt;
      // The shared edge: the vertices of i's cell as far from j's place as from i's.
      const scale = Math.hypot(pj[0] - pi[0], pj[1] - pi[1]) || 1;
      const shared = (cells[i] ?? []).filter((v) => Math.abs(Math.hypot(v[0] - pi[0], v[1] - pi[1]) - Math.hypot(v[0] - pj[0], v[1] - pj[1])) < 1e-6 * scale + 1e-6);
      if (shared.length < 2) continue;
      const [a, b] = [shared[0] as Pt, shared[shared.length - 1] as Pt];
      const pieces = landPieces(a, b, land, options.landStep);
      if (pieces.length > 0) edges.push({ i, j, pieces });
    }
  }
  return { areas, hatch, edges };
}

/** The front: the shared edges whose two places are held by the two sides. */
export function frontPieces(geometry: AreaGeometry, holders: readonly Holder[]): [Pt, Pt][] {
  const out: [Pt, Pt][] = [];
  for (const e of geometry.edges) {
    const a = holders[e.i];
    const b = holders[e.j];
    if ((a === 'gna' && b === 'lna') || (a === 'lna' && b === 'gna')) out.push(...e.pieces);
  }
  return out;
}

/** Flat ring [x0, y0, x1, y1, …] to points. */
export function ringPoints(ring: readonly number[]): Pt[] {
  const out: Pt[] = [];
  for (let k = 0; k + 1 < ring.length; k += 2) out.push([ring[k] as number, ring[k + 1] as number]);
  return out;
}
