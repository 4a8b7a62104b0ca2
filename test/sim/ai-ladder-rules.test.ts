// A rule of the AI added by the ladder pass of 7 December (docs/ai.md, "Ladder pass, 7 December"): a careless (easy)
// leadership minds its standing once it is nearly gone.
import { describe, expect, it } from 'vitest';
import { aiOrders, newGame } from '../../src/sim/index.ts';
import { mini } from '../fixtures/mini.ts';

describe('a careless leadership minds its standing once it is nearly gone', () => {
  /** A conference sits this fortnight; the LNA's legitimacy is this. */
  const conference = (legitimacy: number) => {
    const s = newGame(mini, 'ai-ladder', []);
    s.pending = [];
    s.conference = { turn: s.turn, by: 'mediator' };
    s.sides.lna.legitimacy = legitimacy;
    return s;
  };

  it.each([
    // level, legitimacy, attends?
    ['easy', 50, false],
    ['easy', 30, false],
    ['easy', 29, true],
    ['easy', 5, true],
    ['normal', 50, true],
    ['normal', 5, true],
    ['hard', 5, true],
  ] as const)('%s at legitimacy %i: attends the conference → %s', (level, legitimacy, attends) => {
    const orders = aiOrders(mini, conference(legitimacy), 'lna', level).orders;
    expect(orders).toContainEqual({ actor: 'lna', kind: 'conference', attend: attends });
  });
});
