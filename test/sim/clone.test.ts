// cloneState copies a state field by field (src/sim/clone.ts): a field it does not know would be
// dropped from every state after the first turn. These tests fill every optional field a state
// can hold and check that the copy is equal and shares nothing that the rules change in place.
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/cli/files.ts';
import { cloneState } from '../../src/sim/clone.ts';
import { canonicalJson, newGame, playGame, type State } from '../../src/sim/index.ts';

function flagship() {
  const r = loadScenarioFile('sirte-2020');
  if (!r.ok) throw new Error('cannot load sirte-2020');
  return r.value;
}

/** A state with every optional field of a place, a backer and the state itself set. */
function filled(): State {
  const s = newGame(flagship(), 'clone-fields', ['backer:turkey'], 'hard');
  const [place] = Object.keys(s.places);
  s.places[place!]!.siegedBy = 'lna';
  const b = s.backers.turkey!;
  Object.assign(b, { redLines: ['tripoli'], stance: 'admitted', exposures: 1, bluffs: 2, crossed: ['misrata'], request: { side: 'gna', turn: 1 }, pressed: 1, deliveries: 3 });
  return s;
}

describe('cloneState', () => {
  it('copies every field of a state, the optional ones too', () => {
    const s = filled();
    const c = cloneState(s);
    expect(canonicalJson(c)).toBe(canonicalJson(s));
    expect(c).toEqual(s);
  });

  it('copies every state of played games exactly', () => {
    const scenario = flagship();
    for (const seed of ['clone-a', 'clone-b']) {
      playGame(scenario, seed, { onTurn: (before, _orders, after) => {
        expect(canonicalJson(cloneState(before))).toBe(canonicalJson(before));
        expect(canonicalJson(cloneState(after))).toBe(canonicalJson(after));
      } });
    }
  });

  it('shares nothing the rules change in place', () => {
    const s = filled();
    const before = canonicalJson(s);
    const c = cloneState(s);
    for (const id in c.places) c.places[id]!.damage += 1;
    for (const f of c.formations) f.strength += 1;
    for (const id in c.backers) {
      c.backers[id]!.spent += 1;
      c.backers[id]!.arrived.air += 1;
    }
    c.sides.gna.money += 1;
    c.sides.gna.support.tripolitania += 1;
    c.country.escalation += 1;
    c.fired.extra = 1;
    c.log.push(c.log[0]!);
    expect(canonicalJson(s)).toBe(before);
  });
});
