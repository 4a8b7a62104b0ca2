// Rules of the baseline AI added for historical calibration: commanders clear enemy pockets
// inside their lines first, and besiege what they cannot storm.
import { describe, expect, it } from 'vitest';
import { placeValue } from '../../src/sim/ai.ts';
import { aiOrders, attackOdds, newGame, type State } from '../../src/sim/index.ts';
import { mini } from '../fixtures/mini.ts';

/** A fresh game of the test scenario with no pending choices, changed by `edit`. */
function game(edit: (s: State) => void = () => {}): State {
  const s = newGame(mini, 'ai-rules', []);
  s.pending = [];
  edit(s);
  return s;
}

/** Sets the strength of the LNA brigade holding the front city. */
const frontHeldBy = (strength: number) => (s: State) => {
  const f = s.formations.find((x) => x.id === 'east-brigade');
  if (f) f.strength = strength;
};

describe('an enemy pocket inside one’s lines is worth more', () => {
  it('each neighbouring place the side holds raises the value of an enemy place', () => {
    const s = game();
    const alone = placeValue(mini, s, 'gna', 'front-city');
    s.places.airbase!.controller = 'gna';
    const flanked = placeValue(mini, s, 'gna', 'front-city');
    s.places.terminal!.controller = 'gna';
    const surrounded = placeValue(mini, s, 'gna', 'front-city');
    expect(flanked).toBeGreaterThan(alone);
    expect(surrounded - flanked).toBe(flanked - alone);
  });

  it('only enemy places gain: the side’s own places and neutral ones do not', () => {
    const s = game();
    const own = placeValue(mini, s, 'gna', 'west-town');
    const neutral = placeValue(mini, s, 'gna', 'oasis');
    s.places['oil-field']!.controller = 'gna';
    s.places.airbase!.controller = 'gna';
    expect(placeValue(mini, s, 'gna', 'west-town')).toBe(own);
    expect(placeValue(mini, s, 'gna', 'oasis')).toBe(neutral);
  });
});

describe('a side besieges the enemy place it cannot storm', () => {
  const orders = (s: State) => aiOrders(mini, s, 'gna').orders;

  it('odds too low to attack but high enough to cut it off: a siege, not an assault', () => {
    const s = game(frontHeldBy(45));
    const odds = attackOdds(mini, s, 'gna', 'west-town', 'front-city').odds;
    expect(odds).toBeGreaterThanOrEqual(30);
    expect(odds).toBeLessThan(57);
    const o = orders(s);
    expect(o).toContainEqual({ actor: 'gna', kind: 'siege', target: 'front-city' });
    expect(o.some((x) => x.kind === 'attack' && x.target === 'front-city')).toBe(false);
  });

  it('good odds: it storms the place instead', () => {
    const s = game(frontHeldBy(5));
    const o = orders(s);
    expect(o.some((x) => x.kind === 'attack' && x.target === 'front-city')).toBe(true);
    expect(o.some((x) => x.kind === 'siege')).toBe(false);
  });

  it('hopeless odds: no siege', () => {
    const s = game(frontHeldBy(200));
    expect(attackOdds(mini, s, 'gna', 'west-town', 'front-city').odds).toBeLessThan(30);
    expect(orders(s).some((x) => x.kind === 'siege')).toBe(false);
  });

  it('no siege during a truce, nor of a place already under its siege', () => {
    const truce = game((s) => {
      frontHeldBy(45)(s);
      s.talks.stage = 'truce';
    });
    expect(orders(truce).some((x) => x.kind === 'siege')).toBe(false);
    const sieged = game((s) => {
      frontHeldBy(45)(s);
      s.places['front-city']!.siegedBy = 'gna';
    });
    expect(orders(sieged).some((x) => x.kind === 'siege')).toBe(false);
  });
});
