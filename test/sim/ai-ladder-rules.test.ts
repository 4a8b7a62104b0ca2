// A rule of the AI added by the ladder pass of 7 December (docs/ai.md, "Ladder pass, 7 December"): a careless (easy)
// leadership minds its standing once it is nearly gone; and (ladder pass 17) boycotts a conference only when sure of itself
// (confidence at least 60).
import { describe, expect, it } from 'vitest';
import { aiOrders, newGame } from '../../src/sim/index.ts';
import { mini } from '../fixtures/mini.ts';

describe('a careless leadership minds its standing once it is nearly gone', () => {
  /** A conference sits this fortnight; the LNA's legitimacy and confidence are these. */
  const conference = (legitimacy: number, confidence: number) => {
    const s = newGame(mini, 'ai-ladder', []);
    s.pending = [];
    s.conference = { turn: s.turn, by: 'mediator' };
    s.sides.lna.legitimacy = legitimacy;
    s.sides.lna.confidence = confidence;
    return s;
  };

  it.each([
    // level, legitimacy, confidence, attends?
    ['easy', 50, 70, false],
    ['easy', 30, 60, false],
    ['easy', 50, 59, true],
    ['easy', 29, 70, true],
    ['easy', 5, 70, true],
    ['normal', 50, 70, true],
    ['normal', 5, 70, true],
    ['hard', 5, 70, true],
  ] as const)('%s at legitimacy %i, confidence %i: attends the conference → %s', (level, legitimacy, confidence, attends) => {
    const orders = aiOrders(mini, conference(legitimacy, confidence), 'lna', level).orders;
    expect(orders).toContainEqual({ actor: 'lna', kind: 'conference', attend: attends });
  });
});

// Ladder pass 17 (docs/ai.md): in a backer's seat, the easy level steps up of its own accord to rescue its client no
// higher than the money rungs (2); normal and hard climb on.
describe('a careless backer rescues its client with money, not troops', () => {
  it.each([
    ['easy', 1, true],
    ['easy', 2, false],
    ['normal', 2, true],
    ['hard', 2, true],
  ] as const)('%s at rung %i, its client losing heart: steps up → %s', (level, rung, steps) => {
    const s = newGame(mini, 'ai-ladder', ['backer:patron-east']);
    s.pending = [];
    s.country.escalation = 30;
    s.backers['patron-east']!.commitment = rung;
    s.sides.lna.confidence = 10;
    const orders = aiOrders(mini, s, 'backer:patron-east', level).orders;
    expect(orders.some((o) => o.kind === 'escalate')).toBe(steps);
  });
});
