// A rule of the AI added by the ladder pass of 7 December (docs/ai.md, "Ladder pass, 7 December"): a careless (easy)
// leadership minds its standing once it is nearly gone; and (ladder pass 17) boycotts a conference only when sure of itself
// (confidence at least 60).
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/cli/files.ts';
import { aiOrders, type Difficulty, newGame, type Scenario, type State } from '../../src/sim/index.ts';
import { airBonus } from '../../src/sim/rules/military.ts';
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

// Issue 14, helper branch ladder18 (docs/ai.md, "A patron comes to a client pinned for want of the air"): a computer
// patron counts a client held on its capital's front for want of the air (capitalFront), whose money will not last the
// game, as a client in need, as it counts one losing ground: it steps up to save it and does not step down from it.
describe('a patron comes to a client pinned on its capital\'s front for want of the air', () => {
  const loaded = loadScenarioFile('sirte-2020');
  if (!loaded.ok) throw new Error('sirte-2020 does not load');
  const flagship = loaded.value;
  /** The opening fortnight of sirte-2020 (Tripoli pressed from the airport, the LNA with the air), the GNA holding its own. */
  const start = (seed: string, edit: (s: State) => void = () => {}) => {
    const s = newGame(flagship, seed, []);
    s.pending = [];
    s.sides.gna.momentum = 0;
    s.sides.gna.confidence = 45;
    edit(s);
    return s;
  };
  const turkey = (s: State) => aiOrders(flagship, s, 'backer:turkey').orders.map((o) => o.kind);
  /** Seeds whose roll lets Turkey save a client in need this fortnight (a patron steps in at the odds of the value it puts on ground). */
  const seeds = Array.from({ length: 40 }, (_, i) => `pinned-${i}`).filter((seed) => turkey(start(seed, (s) => {
    s.sides.gna.confidence = 30;
    s.sides.gna.momentum = -1;
  })).includes('escalate'));
  /** The LNA's oil blockade on (from 17 January 2020) and the GNA's forces twice as many (its bill above its income): its treasury runs dry before the end. */
  const dry = (s: State) => {
    s.country.blockadeBy = 'lna';
    for (const f of s.formations) if (f.side === 'gna') f.strength *= 2;
    s.sides.gna.money = 100;
  };
  /** The same, with a treasury that lasts the game. */
  const rich = (s: State) => {
    dry(s);
    s.sides.gna.money = 5000;
  };
  /** The same dry treasury, with the command of the air (as from 25 March 2020). */
  const withAir = (s: State) => {
    dry(s);
    while (airBonus(flagship, s, 'gna') <= airBonus(flagship, s, 'lna')) s.sides.gna.air += 5;
  };

  it('the seeds: some, not all (a roll)', () => {
    expect(seeds.length).toBeGreaterThan(3);
    expect(seeds.length).toBeLessThan(40);
  });

  it.each([
    // case, steps up?, edit
    ['pinned, its money running out', true, dry],
    ['pinned, its money lasting the game', false, rich],
    ['its money running out, with the air', false, withAir],
  ] as const)('%s (momentum 0, confidence 45): Turkey steps up → %s', (_, steps, edit) => {
    for (const seed of seeds) {
      const s = start(seed, edit);
      expect(s.sides.gna.momentum).toBe(0);
      expect(turkey(s).includes('escalate')).toBe(steps);
    }
  });

  it.each([
    // case, steps down?, edit
    ['pinned, its money running out', false, dry],
    ['pinned, its money lasting the game', true, rich],
    ['its money running out, with the air', true, withAir],
  ] as const)('Turkey over its budget, its client %s: steps down → %s', (_, down, edit) => {
    const s = start('pinned-down', (st) => {
      edit(st);
      st.sides.gna.confidence = 60;
      st.backers.turkey!.spent = 100000;
    });
    expect(turkey(s).includes('de-escalate')).toBe(down);
  });
});

// Issue 14, helper branch ladder19 (docs/ai.md, "The easy patron holds its floor at the brink"): in a backer's seat the
// easy level no longer steps down from its floor (rung 2) when the region nears a war; it only stops climbing there.
// Above its floor it steps down at the brink as before.
describe('a careless patron holds its presence at the brink', () => {
  it.each([
    // level, rung, escalation, steps down?
    ['easy', 2, 70, false],
    ['easy', 3, 70, true],
    ['easy', 2, 30, false],
  ] as const)('%s at rung %i, escalation %i, its client holding: steps down → %s', (level, rung, escalation, down) => {
    const s = newGame(mini, 'ai-ladder', ['backer:patron-east']);
    s.pending = [];
    s.country.escalation = escalation;
    s.backers['patron-east']!.commitment = rung;
    s.sides.lna.confidence = 45;
    s.sides.lna.momentum = 0;
    const orders = aiOrders(mini, s, 'backer:patron-east', level).orders;
    expect(orders.some((o) => o.kind === 'de-escalate')).toBe(down);
    expect(orders.some((o) => o.kind === 'escalate')).toBe(false);
  });
});

// Issue 14, helper branch ladder21 (docs/ai.md, "The seat that weighs calm lobbies"): a backer's seat that counts what its
// campaigns cost (normal, hard) and values money 60+ still lobbies against a rival facing it at the drones rung (3) when its
// seat's score weighs regional calm above its costs (Egypt's in sirte-2020, 30 against 20); the historical persona as before.
/** Whether patron-east's AI at a level lobbies against patron-west at a rung (and pressure), its client steady (confidence 60). */
function lobbiesWest(sc: Scenario, level: Difficulty, rivalRung: number, pressure?: number): boolean {
  const s = newGame(sc, 'ai-ladder', ['backer:patron-east']);
  s.pending = [];
  s.country.escalation = 30;
  s.backers['patron-west']!.commitment = rivalRung;
  if (pressure !== undefined) s.backers['patron-west']!.pressure = pressure;
  s.sides.lna.confidence = 60;
  s.sides.lna.momentum = 0;
  return aiOrders(sc, s, 'backer:patron-east', level).orders.some((o) => o.kind === 'pressure-rival' && o.backer === 'patron-west');
}

describe('a seat that weighs calm lobbies against the rival at the drones rung', () => {
  const weights = (escalation: number, stability: number) => ({ territory: 30, lives: 10, legitimacy: 60 - escalation - stability, stability, escalation });
  const scenarioWith = (escalation: number, stability: number) => ({
    ...mini,
    backers: mini.backers.map((b) => (b.id === 'patron-east' ? { ...b, personality: { caution: 50, resolve: 50, values: { ground: 50, oil: 50, standing: 50, lives: 50, money: 60 } } } : b)),
    backerRoles: { 'patron-east': { objectives: { summary: 'Calm.', goals: ['Calm'], weights: weights(escalation, stability) }, briefing: 'A test seat.', intelligence: 50 } },
  });
  it.each([
    // level, escalation weight, stability weight, rival's rung, lobbies?
    ['normal', 30, 20, 3, true],
    ['hard', 30, 20, 3, true],
    ['normal', 30, 20, 2, false],
    ['normal', 20, 30, 3, false],
    ['normal', 20, 20, 3, false],
    ['historical', 30, 20, 3, false],
  ] as const)('%s, calm %i against costs %i, the rival at rung %i: lobbies → %s', (level, calm, costs, rivalRung, lobbies) => {
    const sc = scenarioWith(calm, costs);
    expect(lobbiesWest(sc, level, rivalRung)).toBe(lobbies);
  });
});

// The same pass: normal and hard pay for no campaign against a rival already under the most pressure it can be put under
// (100); easy, which does not count its campaigns, still does; the historical persona as before.
describe('a level that counts its campaigns pays for none against a rival at the pressure cap', () => {
  it.each([
    // level, the rival's pressure, lobbies?
    ['easy', 100, true],
    ['normal', 100, false],
    ['hard', 100, false],
    ['normal', 99, true],
    ['hard', 99, true],
  ] as const)('%s, the rival at pressure %i: lobbies → %s', (level, pressure, lobbies) => {
    expect(lobbiesWest(mini, level, 4, pressure)).toBe(lobbies);
  });
});
