// The sides' colours stay apart for every student: each pair of the GNA, LNA and local colours
// differs by a CIEDE2000 ΔE of at least 20 with normal colour vision and under simulated
// protanopia, deuteranopia and tritanopia (Machado et al. 2009, full severity).
import { describe, expect, it } from 'vitest';
import { palette } from '../src/ui/palette.ts';
import { deltaE2000, seenDifference, type Vision } from './colour-vision.ts';

const SIDES = { GNA: palette.gna, LNA: palette.lna, local: palette.local } as const;
const VISIONS: Vision[] = ['normal', 'protanopia', 'deuteranopia', 'tritanopia'];
const PAIRS = [
  ['GNA', 'LNA'],
  ['GNA', 'local'],
  ['LNA', 'local'],
] as const;

describe('colour vision', () => {
  it('CIEDE2000 agrees with the published test pairs (Sharma, Wu and Dalal 2005)', () => {
    const cases: [[number, number, number], [number, number, number], number][] = [
      [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
      [[50, 2.5, 0], [50, 0, -2.5], 4.3065],
      [[50, 2.5, 0], [73, 25, -18], 27.1492],
      [[50, 2.5, 0], [61, -5, 29], 22.8977],
      [[60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644],
      [[22.7233, 20.0904, -46.694], [23.0331, 14.973, -42.5619], 2.0373],
    ];
    for (const [a, b, want] of cases) expect(deltaE2000(a, b)).toBeCloseTo(want, 3);
  });

  it.each(VISIONS)('every pair of side colours differs by ΔE ≥ 20 (%s)', (vision) => {
    for (const [a, b] of PAIRS) {
      const d = seenDifference(SIDES[a], SIDES[b], vision);
      expect(d, `${a} against ${b} under ${vision}: ΔE ${d.toFixed(1)}`).toBeGreaterThanOrEqual(20);
    }
  });

  it('the smallest difference is the one the palette states (22.8, GNA against local under protanopia)', () => {
    const all = VISIONS.flatMap((v) => PAIRS.map(([a, b]) => ({ v, a, b, d: seenDifference(SIDES[a], SIDES[b], v) })));
    const least = all.reduce((x, y) => (y.d < x.d ? y : x));
    expect(`${least.a}/${least.b}/${least.v}`).toBe('GNA/local/protanopia');
    expect(least.d).toBeCloseTo(22.8, 1);
  });
});
