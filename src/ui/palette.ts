// The one palette of the game. Phaser reads the numbers; the DOM overlay reads the same
// values as CSS custom properties (applyPalette), so canvas and panels always agree.
//
// GNA teal and LNA amber sit on the blue–yellow axis, which survives the common forms of
// colour blindness; local forces are a light grey, lighter than both. Every pair of the three
// differs by a CIEDE2000 ΔE of at least 20 with normal vision and under simulated protanopia,
// deuteranopia and tritanopia (test/colour-vision.test.ts; the smallest, GNA against local
// under protanopia, is 22.8). Every use of the side colours also carries a shape cue (GNA
// square, LNA diamond, local circle), on the map's place icons too.

export const palette = {
  bg: 0x12161a,
  panel: 0x1a2026,
  panelRaised: 0x222a31,
  line: 0x2e3841,
  text: 0xe9e3d5,
  textMuted: 0x9ba4aa,
  accent: 0xd8b36a,
  sea: 0x1a3346,
  seaDeep: 0x142938,
  seaLine: 0x2b4c63,
  seaLabel: 0x6a8eaa,
  libya: 0xc4a26a,
  libyaEdge: 0xe2c999,
  neighbour: 0x3a3e3b,
  neighbourEdge: 0x575b55,
  otherLand: 0x2f332f,
  gna: 0x2196a8,
  gnaDark: 0x0d4d47,
  lna: 0xe39a2d,
  lnaDark: 0x6b4310,
  local: 0xdadde0,
  localDark: 0x3f4448,
  danger: 0xd0564c,
  good: 0x6fbf73,
  coastalRoad: 0x5a4a32,
  desertRoad: 0x7a6544,
  track: 0x8a7552,
} as const;

export type PaletteKey = keyof typeof palette;

export function css(color: number, alpha = 1): string {
  const r = (color >> 16) & 255;
  const g = (color >> 8) & 255;
  const b = color & 255;
  return alpha === 1 ? `#${color.toString(16).padStart(6, '0')}` : `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

/**
 * The palette as CSS custom properties, in a style rule on :root (not on the element's own
 * style), so that a theme rule such as :root.high-contrast can override them.
 */
export function applyPalette(doc: Document = document): void {
  const vars = Object.entries(palette).map(([key, value]) => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${css(value)};`);
  let style = doc.getElementById('palette-vars');
  if (!style) {
    style = doc.createElement('style');
    style.id = 'palette-vars';
    doc.head.prepend(style);
  }
  style.textContent = `:root { ${vars.join(' ')} }`;
}

export type SideLike = 'gna' | 'lna' | 'local' | 'none';

export function sideColor(side: SideLike): number {
  return side === 'gna' ? palette.gna : side === 'lna' ? palette.lna : palette.local;
}

export function sideDark(side: SideLike): number {
  return side === 'gna' ? palette.gnaDark : side === 'lna' ? palette.lnaDark : palette.localDark;
}
