// The historical persona apart from the difficulty levels (issue 14, helper branch ladder20; docs/ai.md, "The historical
// persona apart from the normal level"). The historical persona is the AI the calibration measures against the record
// (Haftar refused the truces of January 2020 and fought on); the levels play the seat's score in the talks: they take a
// truce an event offers, accept one proposed and keep the one they are in whenever they are not winning ground.
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/cli/files.ts';
import { aiOrders, DEFAULT_TERMS, DIFFICULTIES, LEVELS, newGame, type Order, playGame, type State } from '../../src/sim/index.ts';

const loaded = loadScenarioFile('sirte-2020');
if (!loaded.ok) throw new Error('sirte-2020 did not load');
const sirte = loaded.value;

const choice = (orders: readonly Order[], event: string) => {
  const o = orders.find((x) => x.kind === 'event-choice' && x.event === event);
  return o?.kind === 'event-choice' ? o.option : undefined;
};
const fights = (orders: readonly Order[]) => orders.filter((o) => o.kind === 'attack' || o.kind === 'siege' || o.kind === 'airstrike').length;

/** The opening fortnight with its event choices answered, the LNA at this momentum and the GNA's ceasefire on the table. */
function proposedToLna(momentum: number): State {
  const s = newGame(sirte, 'persona', []);
  s.pending = [];
  s.sides.lna.momentum = momentum;
  s.talks.proposal = { by: 'gna', terms: DEFAULT_TERMS, turn: s.turn };
  return s;
}

describe('the historical persona and the levels', () => {
  it('historical is a difficulty a game can be played at, not one of the ladder\'s levels', () => {
    expect(DIFFICULTIES).toContain('historical');
    expect(LEVELS).toEqual(['easy', 'normal', 'hard']);
    // A game no one chose a level for plays the historical persona (the calibration, the explorer's historical policy).
    expect(newGame(sirte, 'persona', []).difficulty).toBe('historical');
  });

  // sirte-2020's first fortnight (January 2020): the Putin–Erdoğan truce and the Moscow talks are put to the LNA, whose
  // front holds (momentum 0) and whose own reckoning says fight on (deal 64 against 111 on the default terms).
  it.each([
    // level, the LNA's momentum, takes the truce?
    ['historical', 0, false],
    ['easy', 0, true],
    ['normal', 0, true],
    ['hard', 0, true],
    ['historical', 1, false],
    ['easy', 1, false],
    ['normal', 1, false],
    ['hard', 1, false],
  ] as const)('%s, the LNA at momentum %i: takes the truces of January 2020 → %s', (level, momentum, takes) => {
    const s = newGame(sirte, 'persona', []);
    s.sides.lna.momentum = momentum;
    const orders = aiOrders(sirte, s, 'lna', level).orders;
    expect(choice(orders, 'putin-erdogan-truce')).toBe(takes ? 'accept' : 'fight');
    expect(choice(orders, 'moscow-talks')).toBe(takes ? 'sign' : 'walk');
    // A side that takes the truce holds its fire from that fortnight.
    if (takes) expect(fights(orders)).toBe(0);
  });

  it('the historical persona fights on at the opening, as the normal level did before the two were apart', () => {
    expect(fights(aiOrders(sirte, newGame(sirte, 'persona', []), 'lna', 'historical').orders)).toBeGreaterThan(0);
  });

  it.each([
    // level, the LNA's momentum, accepts?
    ['historical', 0, false],
    ['normal', 0, true],
    ['hard', 0, true],
    ['easy', 0, true],
    ['normal', 1, false],
  ] as const)('%s, the LNA at momentum %i: accepts the GNA\'s ceasefire proposal → %s', (level, momentum, accepts) => {
    const s = proposedToLna(momentum);
    expect(aiOrders(sirte, s, 'lna', level).orders).toContainEqual({ actor: 'lna', kind: 'answer-ceasefire', accept: accepts });
  });

  it('a level that accepts while its leaders still rate fighting on higher says so: stalled, not persuaded', () => {
    const s = proposedToLna(0);
    const keys = (level: 'normal' | 'historical') => aiOrders(sirte, s, 'lna', level).reasonMsgs.map((r) => r.key);
    // The historical persona rejects on its reckoning (fighting on above the deal); normal accepts the same table as stalled.
    expect(keys('historical')).toContain('reasons.ai.rejectTable');
    expect(keys('normal')).toContain('reasons.ai.acceptTableStalled');
    expect(keys('normal')).not.toContain('reasons.ai.acceptTable');
  });

  it('in a truce, not winning, the levels hold their fire where the historical persona strikes (persona-30, fortnight 14)', () => {
    let truce: State | undefined;
    playGame(sirte, 'persona-30', {
      onTurn: (before) => {
        if (before.turn === 14) truce = before;
      },
    });
    expect(truce?.talks.stage).toBe('truce');
    expect(truce!.sides.lna.momentum).toBeLessThanOrEqual(0);
    expect(fights(aiOrders(sirte, truce!, 'lna', 'historical').orders)).toBeGreaterThan(0);
    for (const level of LEVELS) expect(fights(aiOrders(sirte, truce!, 'lna', level).orders), level).toBe(0);
  });
});
