// The game is a pure function of (scenario, seed, orders).
import { describe, expect, it } from 'vitest';
import { canonicalJson, newGame, otherActorsOrders, playGame, replayOrders, resolveTurn, stateHash } from '../../src/sim/index.ts';
import { mini } from '../fixtures/mini.ts';

describe('determinism', () => {
  it('the same seed and orders give the same hashes, turn by turn', () => {
    const a = playGame(mini, 'same', { hashEachTurn: true });
    const b = playGame(mini, 'same', { hashEachTurn: true });
    expect(a.hashes).toEqual(b.hashes);
    expect(stateHash(a.state)).toBe(stateHash(b.state));
  });

  it('different seeds give different games', () => {
    const hashes = new Set(['s1', 's2', 's3', 's4', 's5'].map((seed) => stateHash(playGame(mini, seed).state)));
    expect(hashes.size).toBe(5);
  });

  it('a state saved mid-game as JSON and loaded again continues exactly', () => {
    const full = playGame(mini, 'resume', { hashEachTurn: true });
    let state = newGame(mini, 'resume');
    for (let t = 0; t < full.orders.length; t++) {
      if (t === 2) state = JSON.parse(JSON.stringify(state)); // save and load
      state = resolveTurn(mini, state, full.orders[t]!).state;
      expect(stateHash(state)).toBe(full.hashes[t]);
    }
  });

  it('replaying the recorded orders reproduces every hash', () => {
    const game = playGame(mini, 'replay', { hashEachTurn: true });
    const again = replayOrders(mini, 'replay', [], game.orders);
    expect(again.hashes).toEqual(game.hashes);
  });

  it('the order in which actors hand in their orders does not matter', () => {
    const s = newGame(mini, 'order');
    const orders = otherActorsOrders(mini, s, null).orders;
    const forward = resolveTurn(mini, s, orders).state;
    // Orders of one actor keep their own sequence; across actors the order is canonical.
    const byActor = [...orders].sort((a, b) => (a.actor < b.actor ? 1 : a.actor > b.actor ? -1 : 0));
    expect(stateHash(resolveTurn(mini, s, byActor).state)).toBe(stateHash(forward));
  });

  it('resolveTurn does not change the state it is given', () => {
    const s = newGame(mini, 'pure');
    const before = canonicalJson(s);
    resolveTurn(mini, s, otherActorsOrders(mini, s, null).orders);
    expect(canonicalJson(s)).toBe(before);
  });

  it('the canonical hash ignores key order but not values', () => {
    expect(stateHash({ a: 1, b: [1, 2] })).toBe(stateHash({ b: [1, 2], a: 1 }));
    expect(stateHash({ a: 1 })).not.toBe(stateHash({ a: 2 }));
    expect(stateHash({ a: 1 })).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('cloneState', () => {
  it('copies every field: the clone equals a JSON round trip and shares no mutable object', async () => {
    const { cloneState } = await import('../../src/sim/clone.ts');
    const game = playGame(mini, 'clone');
    const s = game.state;
    const c = cloneState(s);
    expect(canonicalJson(c)).toBe(canonicalJson(JSON.parse(JSON.stringify(s))));
    c.formations[0]!.strength += 1;
    c.places['west-capital']!.damage += 1;
    c.sides.gna.support.fezzan += 1;
    c.backers['patron-west']!.spent += 1;
    expect(canonicalJson(s)).not.toBe(canonicalJson(c));
    expect(s.formations[0]!.strength).not.toBe(c.formations[0]!.strength);
    expect(s.places['west-capital']!.damage).not.toBe(c.places['west-capital']!.damage);
  });
});

describe('playWithOrders', () => {
  it('gives the same result as playing turn by turn with the AI for the others', async () => {
    const { playWithOrders } = await import('../../src/sim/index.ts');
    const mine = [[{ actor: 'gna', kind: 'public-messaging' }], [{ actor: 'gna', kind: 'fortify', place: 'west-town' }]] as const;
    let s = newGame(mini, 'pwo', ['gna']);
    for (const orders of mine) {
      const ai = otherActorsOrders(mini, s, 'gna');
      s = resolveTurn(mini, s, [...ai.orders, ...orders]).state;
    }
    expect(playWithOrders(mini, 'pwo', 'gna', mine.map((t) => [...t])).hashes.at(-1)).toBe(stateHash(s));
  });
});

describe('difficulty', () => {
  it('changes how the computer plays, and is part of the game: the same seed at two levels differs', () => {
    const easy = playGame(mini, 'level', { difficulty: 'easy' });
    const hard = playGame(mini, 'level', { difficulty: 'hard' });
    expect(easy.state.difficulty).toBe('easy');
    expect(stateHash(easy.state)).not.toBe(stateHash(hard.state));
    // The hard AI weighs an attack by its expected outcome and a quiet fortnight by what a pause
    // buys (src/sim/ai.ts): it attacks less than the baseline and pauses more than the easy AI.
    const normal = playGame(mini, 'level', { difficulty: 'normal' });
    const count = (g: typeof easy, kind: string) => g.orders.flat().filter((o) => o.kind === kind).length;
    expect(count(hard, 'attack')).toBeLessThan(count(normal, 'attack'));
    expect(count(hard, 'humanitarian-pause')).toBeGreaterThan(count(easy, 'humanitarian-pause'));
  });
});
