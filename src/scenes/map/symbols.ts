// Map symbols, drawn in screen pixels around (0, 0): a place's kind sets its shape, its
// controller its colour, and a controller badge repeats the side as a shape (GNA square,
// LNA diamond, local circle) so colour is never the only cue.
import Phaser from 'phaser';
import type { PlaceDef } from '../../game/sim-types.ts';
import { palette, type SideLike, sideColor, sideDark } from '../../ui/palette.ts';

export type PlaceKind = 'capital' | 'city' | 'town' | 'airbase' | 'oil-terminal' | 'oil-field' | 'crossing';

export function placeKind(place: PlaceDef): PlaceKind {
  const tags = place.tags;
  if (tags.includes('capital')) return 'capital';
  if (tags.includes('city') || place.population >= 60) return 'city';
  if (tags.includes('oil-terminal')) return 'oil-terminal';
  if (tags.includes('oil-field')) return 'oil-field';
  if (tags.includes('airbase')) return 'airbase';
  if (tags.includes('border-crossing')) return 'crossing';
  return 'town';
}

/** Label priority: lower shows first when labels collide. */
export function placePriority(place: PlaceDef): number {
  const kind = placeKind(place);
  const base = { capital: 0, city: 1, 'oil-terminal': 3, airbase: 3, 'oil-field': 4, town: 4, crossing: 5 }[kind];
  return base * 10_000 - Math.min(place.population, 9_999);
}

export function iconRadius(place: PlaceDef): number {
  const kind = placeKind(place);
  if (kind === 'capital') return 10;
  if (kind === 'city') return place.population >= 500 ? 8 : place.population >= 150 ? 7 : 6;
  return 7;
}

/** Draws a place icon into g at (0, 0). */
export function drawPlaceIcon(g: Phaser.GameObjects.Graphics, place: PlaceDef, controller: SideLike): void {
  const fill = sideColor(controller);
  const edge = palette.bg;
  const r = iconRadius(place);
  g.lineStyle(2, edge, 1);
  g.fillStyle(fill, 1);
  switch (placeKind(place)) {
    case 'capital':
      star(g, r, r * 0.45);
      break;
    case 'city':
    case 'town':
      g.fillCircle(0, 0, r);
      g.strokeCircle(0, 0, r);
      break;
    case 'airbase': {
      // A delta wing: a triangle pointing up with a notched tail.
      const pts = [v(0, -r - 1), v(r + 1, r), v(0, r * 0.45), v(-r - 1, r)];
      g.fillPoints(pts, true);
      g.strokePoints(pts, true);
      break;
    }
    case 'oil-terminal': {
      // A drop.
      g.beginPath();
      g.moveTo(0, -r - 2);
      g.lineTo(r * 0.8, r * 0.05);
      g.arc(0, r * 0.25, r * 0.8, -0.25, Math.PI + 0.25, false);
      g.closePath();
      g.fillPath();
      g.strokePath();
      break;
    }
    case 'oil-field': {
      // A derrick: an A-frame with a cross bar, on a base.
      g.lineStyle(4, edge, 1);
      derrick(g, r);
      g.lineStyle(2, fill, 1);
      derrick(g, r);
      break;
    }
    case 'crossing':
      g.fillRect(-r * 0.7, -r * 0.7, r * 1.4, r * 1.4);
      g.strokeRect(-r * 0.7, -r * 0.7, r * 1.4, r * 1.4);
      break;
  }
  // Who holds it, as a shape too (colour is never the only cue): a dark square (GNA), diamond
  // (LNA) or dot (local) inside the icon; beside an oil field's open derrick.
  const kind = placeKind(place);
  if (kind === 'oil-field') controllerMark(g, r + 3, -r + 1, controller, 3, edge, true);
  else controllerMark(g, 0, kind === 'airbase' ? r * 0.2 : kind === 'oil-terminal' ? r * 0.2 : 0, controller, kind === 'capital' ? r * 0.22 : r * 0.34, edge, false);
}

/** The holder's shape at (x, y): a square (GNA), a diamond (LNA) or a dot (local), in `ink`. */
function controllerMark(g: Phaser.GameObjects.Graphics, x: number, y: number, side: SideLike, size: number, ink: number, filled: boolean): void {
  if (filled) {
    drawSideBadge(g, x, y, side, size);
    return;
  }
  g.fillStyle(ink, 0.8);
  if (side === 'gna') g.fillRect(x - size, y - size, size * 2, size * 2);
  else if (side === 'lna') {
    const s = size * 1.35;
    g.fillPoints([v(x, y - s), v(x + s, y), v(x, y + s), v(x - s, y)], true);
  } else g.fillCircle(x, y, size * 0.75);
}

function derrick(g: Phaser.GameObjects.Graphics, r: number): void {
  g.beginPath();
  g.moveTo(-r * 0.75, r);
  g.lineTo(0, -r - 1);
  g.lineTo(r * 0.75, r);
  g.moveTo(-r * 0.42, r * 0.15);
  g.lineTo(r * 0.42, r * 0.15);
  g.moveTo(-r, r);
  g.lineTo(r, r);
  g.strokePath();
}

function star(g: Phaser.GameObjects.Graphics, outer: number, inner: number): void {
  const pts: Phaser.Math.Vector2[] = [];
  for (let i = 0; i < 10; i++) {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const rr = i % 2 === 0 ? outer : inner;
    pts.push(v(Math.cos(a) * rr, Math.sin(a) * rr));
  }
  g.fillPoints(pts, true);
  g.strokePoints(pts, true);
}

/** The side-as-shape badge: square (GNA), diamond (LNA), circle (local/none). */
export function drawSideBadge(g: Phaser.GameObjects.Graphics, x: number, y: number, side: SideLike, size = 5): void {
  g.fillStyle(sideColor(side), 1);
  g.lineStyle(1.5, sideDark(side), 1);
  if (side === 'gna') {
    g.fillRect(x - size, y - size, size * 2, size * 2);
    g.strokeRect(x - size, y - size, size * 2, size * 2);
  } else if (side === 'lna') {
    const s = size * 1.3;
    const pts = [v(x, y - s), v(x + s, y), v(x, y + s), v(x - s, y)];
    g.fillPoints(pts, true);
    g.strokePoints(pts, true);
  } else {
    g.fillCircle(x, y, size);
    g.strokeCircle(x, y, size);
  }
}

function v(x: number, y: number): Phaser.Math.Vector2 {
  return new Phaser.Math.Vector2(x, y);
}
