// Fog of war: each role sees its own numbers exactly and the others' as estimates.
import { describe, expect, it } from 'vitest';
import { estimate } from '../../src/sim/fog.ts';
import { newGame, viewFor } from '../../src/sim/index.ts';
import { mini } from '../fixtures/mini.ts';

describe('fog of war', () => {
  const s = newGame(mini, 'fog');

  it('a side sees its own units exactly and the enemy as a range', () => {
    const view = viewFor(mini, s, 'gna');
    const own = view.formations.find((f) => f.id === 'west-guard')!;
    const enemy = view.formations.find((f) => f.id === 'east-guard')!;
    expect(own.strength).toBe(40);
    expect(enemy.strength).toBeNull();
    expect(enemy.loyalty).toBeNull();
    expect(enemy.estimate.high).toBeGreaterThan(enemy.estimate.low);
    expect(view.sides.gna.exact).toBe(true);
    expect(view.sides.lna.exact).toBe(false);
    expect(view.sides.lna.state).toBeNull();
  });

  it('every role sees how far each unit is dug in: works can be seen, and the attack’s odds count them (rules version 9)', () => {
    const dug = structuredClone(s);
    dug.formations.find((f) => f.id === 'east-guard')!.dug = 10;
    dug.formations.find((f) => f.id === 'west-guard')!.dug = 25;
    for (const role of ['gna', 'lna', 'mediator'] as const) {
      const view = viewFor(mini, dug, role);
      expect(view.formations.find((f) => f.id === 'east-guard')!.dug, role).toBe(10);
      expect(view.formations.find((f) => f.id === 'west-guard')!.dug, role).toBe(25);
    }
  });

  it('the mediator sees both sides through public reports', () => {
    const view = viewFor(mini, s, 'mediator');
    expect(view.formations.every((f) => f.strength === null)).toBe(true);
  });

  it.each([
    [90, 10],
    [70, 30],
    [55, 45],
  ])('better intelligence (%i against %i) gives narrower ranges', (good, poor) => {
    const wide = estimate(100, poor, 'k');
    const narrow = estimate(100, good, 'k');
    expect(narrow.high - narrow.low).toBeLessThan(wide.high - wide.low);
  });

  it('an estimate is stable within a turn (asking twice gives the same range) and is never negative', () => {
    const a = viewFor(mini, s, 'gna').formations.find((f) => f.id === 'east-guard')!.estimate;
    const b = viewFor(mini, s, 'gna').formations.find((f) => f.id === 'east-guard')!.estimate;
    expect(a).toEqual(b);
    expect(estimate(0, 0, 'x').low).toBe(0);
  });
});
