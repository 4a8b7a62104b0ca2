// Bakes the map outline the game draws: Libya, its neighbours and the nearby Mediterranean
// coasts, from Natural Earth (world-atlas countries-50m), projected with a Mercator fitted
// to Libya's bounding box, rounded to integer coordinates on a fixed virtual canvas.
//
// The game projects place lat/lon itself with the parameters written here (see
// src/scenes/map/projection.ts), so d3 and the atlas never ship to the browser.
//
// Run: npx tsx tools/bake-map.ts  (or npm run bake-map). Output: assets/map/libya-outline.json
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type GeoPermissibleObjects, geoMercator, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(root, 'assets/map/libya-outline.json');

/** The virtual canvas every coordinate refers to. */
const WIDTH = 2400;
const HEIGHT = 1700;
/** Room around Libya's bounding box, in canvas units: shows the sea and the neighbours. */
const MARGIN = { top: 210, right: 200, bottom: 80, left: 200 };
/** Douglas-Peucker tolerance (canvas units) for the countries around Libya; Libya is kept whole. */
const NEIGHBOUR_TOLERANCE = 1.5;
/** Land beyond the canvas, so that a wide window never shows an edge of the world. */
const BLEED = { top: 520, right: 1000, bottom: 520, left: 1000 };
/** Coarser outlines for the lands that only fill the edges. */
const FAR_TOLERANCE = 5;
/** Islands smaller than this (square canvas units) are left out of the far lands. */
const FAR_MIN_AREA = 300;

/** ISO 3166 numeric codes (as world-atlas spells them) and the role each plays on the map. */
const LIBYA = '434';
const NEIGHBOURS: Record<string, string> = {
  '788': 'Tunisia',
  '012': 'Algeria',
  '562': 'Niger',
  '148': 'Chad',
  '729': 'Sudan',
  '818': 'Egypt',
};
// Every other country that reaches into the bleed is drawn as land, muted further and unnamed.

const atlasPath = resolve(root, 'node_modules/world-atlas/countries-50m.json');
const topology = JSON.parse(readFileSync(atlasPath, 'utf8')) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
const countries = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>;
const byId = new Map(countries.features.map((f) => [String(f.id), f]));
const libya = byId.get(LIBYA);
if (!libya) throw new Error(`Libya (${LIBYA}) not found in ${atlasPath}`);

const projection = geoMercator().fitExtent(
  [
    [MARGIN.left, MARGIN.top],
    [WIDTH - MARGIN.right, HEIGHT - MARGIN.bottom],
  ],
  libya as GeoPermissibleObjects,
);
// Clip to the canvas and its bleed (a little beyond, so no clipped edge shows).
projection.clipExtent([
  [-BLEED.left - 20, -BLEED.top - 20],
  [WIDTH + BLEED.right + 20, HEIGHT + BLEED.bottom + 20],
]);

type Pt = [number, number];

/** Collects the projected rings of a feature through a d3 path context. */
function rings(f: Feature): Pt[][] {
  const result: Pt[][] = [];
  let ring: Pt[] = [];
  const context = {
    moveTo(x: number, y: number) {
      if (ring.length) result.push(ring);
      ring = [[x, y]];
    },
    lineTo(x: number, y: number) {
      ring.push([x, y]);
    },
    closePath() {
      if (ring.length) result.push(ring);
      ring = [];
    },
    arc() {},
    rect() {},
  };
  geoPath(projection, context as unknown as CanvasRenderingContext2D)(f as GeoPermissibleObjects);
  if (ring.length) result.push(ring);
  return result;
}

function perpendicular(p: Pt, a: Pt, b: Pt): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len = Math.hypot(dx, dy);
  if (len === 0) return Math.hypot(p[0] - a[0], p[1] - a[1]);
  return Math.abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / len;
}

function simplify(points: Pt[], tolerance: number): Pt[] {
  if (points.length < 3 || tolerance <= 0) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length) {
    const [first, last] = stack.pop() as [number, number];
    let index = -1;
    let max = tolerance;
    for (let i = first + 1; i < last; i++) {
      const d = perpendicular(points[i] as Pt, points[first] as Pt, points[last] as Pt);
      if (d > max) {
        max = d;
        index = i;
      }
    }
    if (index >= 0) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

/** Rounds, drops repeated points and slivers; returns flat [x0, y0, x1, y1, ...] rings. */
function bake(f: Feature, tolerance: number, minArea = 4): number[][] {
  const baked: number[][] = [];
  for (const ring of rings(f)) {
    const simple = simplify(ring, tolerance);
    const flat: number[] = [];
    let px = Number.NaN;
    let py = Number.NaN;
    for (const [x, y] of simple) {
      const rx = Math.round(x);
      const ry = Math.round(y);
      if (rx === px && ry === py) continue;
      flat.push(rx, ry);
      px = rx;
      py = ry;
    }
    if (flat.length >= 6 && ringArea(flat) >= minArea) baked.push(flat);
  }
  return baked;
}

function ringArea(flat: number[]): number {
  let sum = 0;
  for (let i = 0; i < flat.length; i += 2) {
    const j = (i + 2) % flat.length;
    sum += (flat[i] as number) * (flat[j + 1] as number) - (flat[j] as number) * (flat[i + 1] as number);
  }
  return Math.abs(sum) / 2;
}

/** Where a country's name goes: the centre of the part of it inside the canvas. */
function labelPoint(f: Feature): [number, number] {
  const clip = projection.clipExtent();
  projection.clipExtent([
    [0, 0],
    [WIDTH, HEIGHT],
  ]);
  const [x, y] = geoPath(projection).centroid(f as GeoPermissibleObjects);
  projection.clipExtent(clip);
  return [Math.round(x), Math.round(y)];
}

interface CountryOut {
  id: string;
  name: string;
  role: 'libya' | 'neighbour' | 'other';
  label?: [number, number];
  rings: number[][];
}

const list: CountryOut[] = [{ id: LIBYA, name: 'Libya', role: 'libya', label: labelPoint(libya), rings: bake(libya, 0) }];
for (const [id, name] of Object.entries(NEIGHBOURS)) {
  const f = byId.get(id);
  if (!f) throw new Error(`${name} (${id}) not found`);
  list.push({ id, name, role: 'neighbour', label: labelPoint(f), rings: bake(f, NEIGHBOUR_TOLERANCE) });
}
for (const f of countries.features) {
  const id = String(f.id);
  if (id === LIBYA || id in NEIGHBOURS) continue;
  const r = bake(f, FAR_TOLERANCE, FAR_MIN_AREA);
  if (r.length) list.push({ id, name: f.properties.name, role: 'other', rings: r });
}

const asset = {
  source: 'Natural Earth 1:50m admin 0 countries, via world-atlas 2.0.2 (countries-50m.json); public domain',
  width: WIDTH,
  height: HEIGHT,
  // Land is drawn this far beyond the canvas on each side.
  bleed: BLEED,
  // Spherical Mercator: x = translate[0] + scale * λ, y = translate[1] - scale * ln(tan(π/4 + φ/2)),
  // λ and φ in radians, center and rotation zero.
  projection: {
    kind: 'mercator',
    scale: Number(projection.scale().toFixed(4)),
    translate: projection.translate().map((v) => Number(v.toFixed(4))),
    center: projection.center(),
  },
  countries: list,
};

mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(asset)}\n`);
const points = list.reduce((n, c) => n + c.rings.reduce((m, r) => m + r.length / 2, 0), 0);
console.log(`wrote ${out}: ${list.length} countries, ${points} points, ${(JSON.stringify(asset).length / 1024).toFixed(1)} KB`);
