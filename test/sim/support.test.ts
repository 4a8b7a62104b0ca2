// Regional support answers to what happens on the ground: a change of hands moves each side's
// support in the place's region (more for a large town), as well as the orders that always
// moved it (a public campaign, paying salaries, a strike on a populated place).
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/cli/files.ts';
import { newGame, type Order, otherActorsOrders, resolveTurn, type Scenario, type SideId, type State } from '../../src/sim/index.ts';
import { supportShift } from '../../src/sim/rules/military.ts';

function scenario(id: string): Scenario {
  const s = loadScenarioFile(id);
  if (!s.ok) throw new Error(id);
  return s.value;
}

const REGIONS = ['tripolitania', 'cyrenaica', 'fezzan'] as const;
const SIDES: SideId[] = ['gna', 'lna'];
/** Orders that move support by their own rule. */
const MOVERS = new Set(['public-messaging', 'pay-salaries', 'airstrike']);

describe('regional support', () => {
  it.each([
    [0, 1],
    [19, 1],
    [20, 2],
    [299, 2],
    [300, 3],
    [1675, 3],
  ])('a place of %i thousand people moves support by %i when it changes hands', (population, points) => {
    expect(supportShift(population)).toBe(points);
  });

  it('follows every change of hands in the region, turn by turn, in 30 seeded wars (sirte-2020 and tripoli-2019)', () => {
    let checked = 0;
    let moved = 0;
    for (const id of ['sirte-2020', 'tripoli-2019']) {
      const sc = scenario(id);
      const region = new Map(sc.map.places.map((p) => [p.id, p] as const));
      for (let seed = 1; seed <= 15; seed++) {
        let state: State = newGame(sc, `support-${seed}`, ['mediator'], 'normal');
        for (let t = 0; t < sc.turns && !state.ending; t++) {
          const mine: Order[] = state.pending
            .filter((p) => p.role === 'mediator')
            .map((p) => ({ actor: 'mediator', kind: 'event-choice', event: p.event, option: p.options[0]! }) as Order);
          const ai = otherActorsOrders(sc, state, 'mediator');
          const orders = [...mine, ...ai.orders];
          const result = resolveTurn(sc, state, orders, ai.reasonMsgs);
          for (const side of SIDES) {
            // Only turns where nothing else moved this side's support, and no bound was hit.
            if (orders.some((o) => o.actor === side && MOVERS.has(o.kind))) continue;
            const expected: Record<string, number> = { tripolitania: 0, cyrenaica: 0, fezzan: 0 };
            for (const e of result.report.events) {
              const d = e.detail;
              if (d?.type !== 'control') continue;
              const p = region.get(d.place)!;
              if (d.from === side) expected[p.region]! -= supportShift(p.population);
              if (d.to === side) expected[p.region]! += supportShift(p.population);
            }
            for (const r of REGIONS) {
              const before = state.sides[side].support[r];
              const after = result.state.sides[side].support[r];
              const raw = before + expected[r]!;
              if (raw < 0 || raw > 100) continue;
              expect(after - before, `${id} seed ${seed} turn ${t + 1} ${side} ${r}`).toBe(expected[r]);
              checked++;
              if (expected[r] !== 0) moved++;
            }
          }
          state = result.state;
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
    // The bars move: in a real share of the side-turns checked, a change of hands moved them.
    expect(moved).toBeGreaterThan(50);
  });
});
