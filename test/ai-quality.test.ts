// How well the AI plays, with fixed seeds: paired games of the flagship scenario in which one
// seat (the GNA, then the LNA) is played by the AI at each difficulty or by a player giving random
// legal orders, every other actor being the historical persona (the calibrated world). Same code and numbers as
// `npm run ai-quality -- --runs 100 --seed quality --role gna` (and lna). The backers' seats are
// checked in test/ai-quality-backers.test.ts (a file of its own, so that the two run side by side).
import { describe, expect, it } from 'vitest';
import { main, randomPolicy } from '../src/cli/ai-quality.ts';
import { budgetOf, checkLegalOrder, newGame, ORDER_COST } from '../src/sim/index.ts';
import { flagship, ladderSuite } from './ai-ladder.ts';

/** Pairs per seat: 100 (with the backers' file beside it, about 45 s on this machine). */
const RUNS = 100;
/** Pairings measured below their target on these seeds (docs/ai.md): asserted to fall short until they are met. */
const SHORT: string[] = [
  // (The LNA's easy and normal over random orders, short from rules version 6 to 12 (78, 86% at version 12), are met since
  // the levels play the seat's score in the talks and the historical persona plays the calibration apart from them
  // (docs/ai.md, "The historical persona apart from the normal level", helper branch ladder20): the random players'
  // early settlements had beaten the AI's war-weary fight-on. The LNA: normal over easy 81%, easy over random 97%.)
];

describe('the random player', () => {
  it('gives legal orders within its budget, the same for the same seed and turn, others for another seed', () => {
    const scenario = flagship();
    const s = newGame(scenario, 'random-1', ['lna']);
    const orders = randomPolicy('lna')(scenario, s);
    expect(orders.length).toBeGreaterThan(0);
    const queued = [];
    for (const o of orders) {
      expect(checkLegalOrder(scenario, s, o, queued, true).ok).toBe(true);
      queued.push(o);
    }
    expect(orders.reduce((sum, o) => sum + ORDER_COST[o.kind].budget, 0)).toBeLessThanOrEqual(budgetOf(scenario, 'lna'));
    expect(randomPolicy('lna')(scenario, s)).toEqual(orders);
    expect(randomPolicy('lna')(scenario, newGame(scenario, 'random-2', ['lna']))).not.toEqual(orders);
  });
});

ladderSuite(['gna', 'lna'], RUNS, 'quality', SHORT);

describe('npm run ai-quality', () => {
  it.each([
    [['--runs', '0'], 2, /--runs must be/],
    [['--runs', 'x'], 2, /--runs must be/],
    [['--seed', ''], 2, /--seed must be/],
    [['--colour'], 2, /Unknown option/],
    [['--scenario', 'atlantis'], 1, /could not be loaded/],
    [['--help'], 0, /Usage: npm run ai-quality/],
  ])('%j → exit %d', (argv, code, message) => {
    const out: string[] = [];
    expect(main(argv, (l) => out.push(l))).toBe(code);
    expect(out.join('\n')).toMatch(message);
  });
});
