// How well the AI plays, with fixed seeds: paired games of the flagship scenario in which one
// seat (the GNA, then the LNA) is played by the AI at each difficulty or by a player giving random
// legal orders, every other actor being the normal AI. Same code and numbers as
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
  // 67% on these seeds (6 December, rules version 6; 59% under version 8, 66% with the easy level minding its standing, 78%
  // under version 9, 79% under version 10 and 78% since the normal commanders across the table recruit only while their
  // treasury lasts, issue 14; 73% under version 11). Of the 33 pairs it lost under version 6, in 16 the AI's game ended in a regional war and in
  // 13 the random player's war ended in a settlement while the AI fought on to a frozen conflict (docs/ai.md).
  'lna easy>random',
  // Short since rules version 9 (units settle into their positions; docs/ai.md "Rules version 9"): the normal LNA over
  // random orders 80% (90% under version 8), 84% under version 10, 87% since the commanders recruit only while their
  // treasury lasts to the end of the game (issue 14's ladder pass, docs/ai.md), 83% under version 11. Its lost pairs: random players' wars
  // ending in a settlement (the truces every level refuses, as Haftar did) against the AI's frozen, war-weary one.
  // (Its normal over easy, short under versions 9 and 10 (55, 59%), is met since: 68%.)
  'lna normal>random',
  // (The hard LNA over the normal, short under version 10 with issue 14's recruit reckoning at 55%, is met since issue 14's
  // pass of 7 December (helper branch ladder15): 64%, the hard look-ahead judging its score unrounded, docs/ai.md.)
  // Under rules version 11 (docs/ai.md "Rules version 11", "Ladder pass 17", "The air against works"): the normal LNA over
  // the easy fell to 58% with path17's rules and is met again (69%) with the air against works and ladder pass 17
  // together; the easy GNA over random orders fell to 85% and is met again (91%): a careless leadership boycotts a
  // conference only when sure of itself (ladder pass 17).
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
