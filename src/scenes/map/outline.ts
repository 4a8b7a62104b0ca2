// The baked map asset (tools/bake-map.ts) and the Mercator that places lat/lon on it.

export interface OutlineCountry {
  id: string;
  name: string;
  role: 'libya' | 'neighbour' | 'other';
  label?: [number, number];
  /** Flat rings: [x0, y0, x1, y1, ...] in canvas units. */
  rings: number[][];
}

export interface Outline {
  source: string;
  width: number;
  height: number;
  /** Land is drawn this far beyond the canvas. */
  bleed: { top: number; right: number; bottom: number; left: number };
  projection: { kind: 'mercator'; scale: number; translate: number[]; center: number[] };
  countries: OutlineCountry[];
}

/** Spherical Mercator with d3's conventions (center [0, 0], no rotation), as baked. */
export function mercator(outline: Outline): (lat: number, lon: number) => { x: number; y: number } {
  const k = outline.projection.scale;
  const tx = outline.projection.translate[0] ?? 0;
  const ty = outline.projection.translate[1] ?? 0;
  const rad = Math.PI / 180;
  return (lat, lon) => ({
    x: tx + k * lon * rad,
    y: ty - k * Math.log(Math.tan(Math.PI / 4 + (lat * rad) / 2)),
  });
}

export function isOutline(data: unknown): data is Outline {
  const o = data as Outline | null;
  return !!o && typeof o.width === 'number' && typeof o.height === 'number' && Array.isArray(o.countries) && o.projection?.kind === 'mercator';
}

/** The drawn world: the canvas and its bleed. */
export function worldRect(outline: Outline): { x: number; y: number; width: number; height: number } {
  const b = outline.bleed ?? { top: 0, right: 0, bottom: 0, left: 0 };
  return { x: -b.left, y: -b.top, width: outline.width + b.left + b.right, height: outline.height + b.top + b.bottom };
}
