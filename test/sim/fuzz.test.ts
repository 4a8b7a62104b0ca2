// The fuzzer: thousands of seeded games in which every role gives random legal orders,
// checking the invariants after every turn.
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/cli/files.ts';
import { newGame, otherActorsOrders, playGame, resolveTurn, type Scenario } from '../../src/sim/index.ts';
import { Rng } from '../../src/sim/rng.ts';
import { randomOrders } from '../../tools/random-orders.ts';
import { mini } from '../fixtures/mini.ts';
import { checkInvariants } from './invariants.ts';


function fuzz(scenario: Scenario, games: number, prefix: string) {
  const failures: string[] = [];
  const endings = new Map<string, number>();
  for (let g = 0; g < games && failures.length < 5; g++) {
    const rng = Rng.fromSeed(`${prefix}-${g}`);
    let state = newGame(scenario, `${prefix}-${g}`, ['gna', 'lna', 'mediator']);
    // Some games let the backers act by AI, others leave them idle: both must be sound.
    const backersAct = g % 2 === 0;
    for (let turn = 0; !state.ending; turn++) {
      if (turn > scenario.turns) {
        failures.push(`game ${g} did not end by its last turn`);
        break;
      }
      const orders = [
        ...(['gna', 'lna', 'mediator'] as const).flatMap((r) => randomOrders(scenario, state, r, rng)),
        ...(backersAct ? otherActorsOrders(scenario, state, null).orders.filter((o) => o.actor.startsWith('backer:')) : []),
      ];
      const { state: next, report } = resolveTurn(scenario, state, orders);
      const problems = checkInvariants(scenario, state, orders, next, report);
      if (report.rejected.length) problems.push(`legal orders were rejected: ${JSON.stringify(report.rejected[0])}`);
      if (problems.length) failures.push(`game ${g}, turn ${state.turn}: ${problems.slice(0, 3).join('; ')}`);
      state = next;
    }
    const kind = state.ending?.kind ?? 'none';
    endings.set(kind, (endings.get(kind) ?? 0) + 1);
  }
  return { failures, endings };
}

describe('fuzzer', () => {
  it('1,000 games of the test scenario with random legal orders keep every invariant', () => {
    const { failures, endings } = fuzz(mini, 1000, 'mini');
    expect(failures).toEqual([]);
    expect(endings.size).toBeGreaterThan(1);
  }, 300_000);

  it('1,000 games of the flagship scenario with random legal orders keep every invariant', () => {
    const loaded = loadScenarioFile('sirte-2020');
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
    const { failures } = fuzz(loaded.value, 1000, 'sirte');
    expect(failures).toEqual([]);
  }, 400_000);

  it.each(['sirte-2020-lesson', 'tripoli-2019-lesson'])('200 games of %s (months of two fortnights, orders in the first) keep every invariant', (id) => {
    const loaded = loadScenarioFile(id);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
    const { failures } = fuzz(loaded.value, 200, id);
    expect(failures).toEqual([]);
  }, 200_000);

  it('all-AI games keep every invariant too', () => {
    const failures: string[] = [];
    for (let g = 0; g < 200; g++) {
      playGame(mini, `ai-${g}`, {
        onTurn: (before, orders, after, report) => {
          const problems = checkInvariants(mini, before, orders, after, report);
          if (problems.length) failures.push(`game ${g}: ${problems[0]}`);
        },
      });
    }
    expect(failures.slice(0, 5)).toEqual([]);
  });
});
