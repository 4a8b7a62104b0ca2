// Rules of the AI: commanders clear enemy pockets inside their lines first and besiege what they
// cannot storm; personalities from the scenario; attacks and ceasefires weighed by expected
// value; answers to proposals; difficulty; backers' reasons.
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/cli/files.ts';
import { attackValue, DEFAULT_PERSONALITY, outlook, placeValue, traitsOf, wantsDeal } from '../../src/sim/ai.ts';
import {
  actorsOf,
  aiOrders,
  attackOdds,
  ceasefireCalculus,
  DEFAULT_TERMS,
  legalOrders,
  newGame,
  type Order,
  resolveTurn,
  type Scenario,
  type State,
  stateHash,
} from '../../src/sim/index.ts';
import { english } from '../english.ts';
import { loadMini, mini, miniScenarioFile } from '../fixtures/mini.ts';

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

/**
 * Front City cut off (rules version 4: a siege needs it): the GNA holds the airbase, the terminal
 * and the oasis, and its West Town brigade and capital guard stand at the terminal, 200 km from
 * Front City by road (West Town is 250 km: too far to cut it off from). Patron East is at the top
 * of its ladder, so that Front City, its red line, no longer holds a commander back.
 */
const cutOff = (strength: number) => (s: State) => {
  frontHeldBy(strength)(s);
  s.backers['patron-east']!.commitment = 4;
  for (const p of ['airbase', 'terminal', 'oasis']) s.places[p]!.controller = 'gna';
  s.formations.find((f) => f.id === 'oil-guards')!.location = 'east-capital';
  s.formations.find((f) => f.id === 'desert-cell')!.strength = 0;
  for (const id of ['west-brigade', 'west-guard']) s.formations.find((f) => f.id === id)!.location = 'terminal';
};

describe('a side besieges the enemy place it cannot storm', () => {
  const orders = (s: State) => aiOrders(mini, s, 'gna').orders;

  it('odds too low to attack but high enough to cut it off: a siege, not an assault', () => {
    const s = game(cutOff(60));
    const odds = attackOdds(mini, s, 'gna', 'terminal', 'front-city').odds;
    expect(odds).toBeGreaterThanOrEqual(30);
    expect(odds).toBeLessThan(57);
    const o = orders(s);
    expect(o).toContainEqual({ actor: 'gna', kind: 'siege', target: 'front-city' });
    expect(o.some((x) => x.kind === 'attack' && x.target === 'front-city')).toBe(false);
  });

  it('nor of a place an enemy patron that can still climb its ladder has sworn to defend', () => {
    const s = game((st) => {
      cutOff(60)(st);
      st.backers['patron-east']!.commitment = 2;
    });
    expect(legalOrders(mini, s, 'gna').some((x) => x.kind === 'siege' && x.target === 'front-city')).toBe(true);
    expect(orders(s).some((x) => x.kind === 'siege')).toBe(false);
  });

  it('a place not cut off: it attacks the place the road runs to, at a lower bar, to cut it off', () => {
    // Front City is supplied from the Desert Airbase (Patron East's guards, 20); the West Town
    // brigade (70) at the terminal cannot storm Front City, the capital guard (30) at the oasis
    // has odds below the bar (57) against the airbase, but within CUT_OFF_MARGIN of it.
    const at = (guard: number) =>
      game((st) => {
        cutOff(60)(st);
        st.places.airbase!.controller = 'lna';
        Object.assign(st.formations.find((f) => f.id === 'west-brigade')!, { strength: 70, location: 'terminal' });
        Object.assign(st.formations.find((f) => f.id === 'west-guard')!, { strength: guard, location: 'oasis' });
        Object.assign(st.formations.find((f) => f.id === 'oil-guards')!, { strength: 20, location: 'airbase' });
      });
    const s = at(30);
    const odds = attackOdds(mini, s, 'gna', 'oasis', 'airbase').odds;
    expect(odds).toBeGreaterThanOrEqual(47);
    expect(odds).toBeLessThan(57);
    expect(attackOdds(mini, s, 'gna', 'terminal', 'front-city').odds).toBeLessThan(57);
    const d = aiOrders(mini, s, 'gna');
    expect(d.orders).toContainEqual({ actor: 'gna', kind: 'attack', from: 'oasis', target: 'airbase' });
    expect(english(d.reasonMsgs, mini)).toContain(`Attacked Desert Airbase from Oasis: odds ${odds}%, to cut off Front City, which it cannot storm but could then starve.`);
    // Further below the bar, no attack.
    const weak = at(25);
    expect(attackOdds(mini, weak, 'gna', 'oasis', 'airbase').odds).toBeLessThan(47);
    expect(aiOrders(mini, weak, 'gna').orders.some((o) => o.kind === 'attack' && o.target === 'airbase')).toBe(false);
  });

  it('good odds: it storms the place instead', () => {
    const s = game(cutOff(5));
    const o = orders(s);
    expect(o.some((x) => x.kind === 'attack' && x.target === 'front-city')).toBe(true);
    expect(o.some((x) => x.kind === 'siege')).toBe(false);
  });

  it('hopeless odds: no siege', () => {
    const s = game(cutOff(200));
    expect(attackOdds(mini, s, 'gna', 'terminal', 'front-city').odds).toBeLessThan(30);
    expect(orders(s).some((x) => x.kind === 'siege')).toBe(false);
  });

  it('no siege during a truce, nor of a place already under its siege', () => {
    const truce = game((s) => {
      cutOff(60)(s);
      s.talks.stage = 'truce';
    });
    expect(orders(truce).some((x) => x.kind === 'siege')).toBe(false);
    const sieged = game((s) => {
      cutOff(60)(s);
      s.places['front-city']!.siegedBy = 'gna';
    });
    expect(orders(sieged).some((x) => x.kind === 'siege')).toBe(false);
  });

  it('nor of a place that is not cut off: the road behind it still brings supplies', () => {
    const s = game((st) => {
      cutOff(60)(st);
      st.places.airbase!.controller = 'lna';
    });
    expect(orders(s).some((x) => x.kind === 'siege')).toBe(false);
    expect(legalOrders(mini, s, 'gna').some((x) => x.kind === 'siege' && x.target === 'front-city')).toBe(false);
  });
});

// ---------------------------------------------------------------- personality, look-ahead, answers


/** The mini scenario with edits to its file (personality and the like), validated by the loader. */
function miniWith(edit: (file: ReturnType<typeof miniScenarioFile>) => void): Scenario {
  const file = miniScenarioFile();
  edit(file);
  return loadMini(file);
}

describe('personality: defaults and what the scenario gives', () => {
  it.each([
    ['no personality: the defaults', {}, { caution: 50, resolve: 50, ground: 50, lives: 50, redLines: [] as string[] }],
    ['a cautious, resolute side that values lives', { personality: { caution: 80, resolve: 90, values: { lives: 75 } } }, { caution: 80, resolve: 90, ground: 50, lives: 75, redLines: [] }],
    ['red lines from both places, once each', { redLines: ['a', 'b'], personality: { redLines: ['b', 'c'] } }, { caution: 50, resolve: 50, ground: 50, lives: 50, redLines: ['a', 'b', 'c'] }],
  ])('%s', (_label, extra, want) => {
    const t = traitsOf({ aggression: 40, riskTolerance: 30, ...extra });
    expect({ caution: t.caution, resolve: t.resolve, ground: t.values.ground, lives: t.values.lives, redLines: t.redLines }).toEqual(want);
    expect(t.aggression).toBe(40);
    expect(t.riskTolerance).toBe(30);
  });

  it('defaults are the middle of every scale', () => {
    expect(DEFAULT_PERSONALITY).toEqual({ caution: 50, resolve: 50, value: 50 });
  });

  it('the schema accepts a personality and rejects one out of range or with an unknown key', () => {
    expect(() => miniWith((f) => Object.assign(f.sides.gna, { personality: { caution: 70, values: { oil: 80 }, redLines: ['west-town'] } }))).not.toThrow();
    expect(() => miniWith((f) => Object.assign(f.sides.gna, { personality: { caution: 170 } }))).toThrow(/caution/);
    expect(() => miniWith((f) => Object.assign(f.sides.gna, { personality: { greed: 10 } }))).toThrow(/greed/);
    expect(() => miniWith((f) => Object.assign(f.backers[0]!, { personality: { redLines: ['atlantis'] } }))).toThrow(/atlantis/);
  });
});

describe('an attack is weighed by its expected outcome', () => {
  const t = (caution: number) => traitsOf({ aggression: 50, personality: { caution } });
  it.each([
    // gain, odds, caution, counter-attack (odds, value of the place left) → value
    [100, 80, 50, null, 80 - 0.2 * 8],
    [100, 50, 50, null, 50 - 0.5 * 8],
    [100, 50, 100, null, 50 - 0.5 * 16],
    [100, 50, 0, null, 50],
    [100, 80, 50, { odds: 60, value: 100 }, 80 - 1.6 - 30],
    [40, 30, 50, { odds: 90, value: 100 }, 12 - 5.6 - 45],
  ])('gain %d at odds %d%%, caution %d, counter %o → %d', (gain, odds, caution, counter, want) => {
    expect(attackValue(gain, odds, t(caution), counter)).toBeCloseTo(want, 6);
  });
  it('better odds and a bigger prize are worth more; a counter-attack threat is worth less', () => {
    expect(attackValue(50, 70, t(50), null)).toBeGreaterThan(attackValue(50, 60, t(50), null));
    expect(attackValue(60, 60, t(50), null)).toBeGreaterThan(attackValue(50, 60, t(50), null));
    expect(attackValue(50, 60, t(50), { odds: 50, value: 50 })).toBeLessThan(attackValue(50, 60, t(50), null));
  });
});

describe('a ceasefire is weighed against fighting on', () => {
  const s = game((x) => {
    x.sides.gna.warWeariness = 60;
  });
  it('resolve 50 reckons as the rules do; resolve raises the bar, foresight lowers it', () => {
    const rules = ceasefireCalculus(mini, s, 'gna', DEFAULT_TERMS);
    const sober = wantsDeal(mini, s, 'gna');
    expect(sober).toEqual({ accept: rules.deal >= rules.fight, deal: rules.deal, fight: rules.fight });
    const margin = rules.deal - rules.fight;
    const resolute = miniWith((f) => Object.assign(f.sides.gna, { personality: { resolve: 100 } }));
    expect(wantsDeal(resolute, s, 'gna').accept).toBe(margin >= 10);
    expect(wantsDeal(mini, s, 'gna', DEFAULT_TERMS, 100).accept).toBe(true);
  });

  it.each([
    ['weary and losing: accepts, and holds its fire that turn', 90, 10, true],
    ['confident and fresh: rejects', 0, 95, false],
  ])('a proposal on the table is answered: %s', (_label, weariness, confidence, accept) => {
    const st = game((x) => {
      x.humans = ['gna'];
      x.sides.gna.warWeariness = weariness;
      x.sides.gna.confidence = confidence;
      x.talks.proposal = { by: 'lna', terms: DEFAULT_TERMS, turn: x.turn - 1 };
      frontHeldBy(5)(x);
    });
    const d = aiOrders(mini, st, 'gna');
    expect(d.orders).toContainEqual({ actor: 'gna', kind: 'answer-ceasefire', accept });
    expect(english(d.reasonMsgs, mini).join(' ')).toMatch(accept ? /Accepted the ceasefire/ : /Rejected the ceasefire/);
    expect(d.orders.some((o) => o.kind === 'attack' || o.kind === 'siege' || o.kind === 'airstrike')).toBe(!accept);
  });

  it('no proposal, or its own: nothing to answer', () => {
    expect(aiOrders(mini, game(), 'gna').orders.some((o) => o.kind === 'answer-ceasefire')).toBe(false);
    const own = game((x) => {
      x.talks.proposal = { by: 'gna', terms: DEFAULT_TERMS, turn: x.turn - 1 };
    });
    expect(aiOrders(mini, own, 'gna').orders.some((o) => o.kind === 'answer-ceasefire')).toBe(false);
  });
});

describe('difficulty changes how well it plays, not the rules', () => {
  it('every order of every actor at every level is one of its legal orders (the player’s path)', () => {
    const flagship = loadScenarioFile('sirte-2020');
    if (!flagship.ok) throw new Error('flagship does not load');
    for (const [scenario, seed] of [
      [mini, 'path'],
      [flagship.value, 'path'],
    ] as const) {
      for (const level of ['easy', 'normal', 'hard'] as const) {
        let s = newGame(scenario, seed, [], level);
        for (let turn = 0; turn < 6 && !s.ending; turn++) {
          const all: Order[] = [];
          for (const actor of actorsOf(scenario)) {
            const legal = new Set(legalOrders(scenario, s, actor).map((o) => JSON.stringify(o)));
            for (const o of aiOrders(scenario, s, actor).orders) {
              expect(legal.has(JSON.stringify(o)), `${level} ${actor} turn ${s.turn}: ${JSON.stringify(o)}`).toBe(true);
              all.push(o);
            }
          }
          s = resolveTurn(scenario, s, all).state;
        }
      }
    }
  });

  it('the hard AI looks ahead with its own dice: the game is untouched and the answer is the same every time', () => {
    const s = game(frontHeldBy(25));
    const before = stateHash(s);
    const first = aiOrders(mini, s, 'gna', 'hard');
    expect(stateHash(s)).toBe(before);
    expect(aiOrders(mini, s, 'gna', 'hard')).toEqual(first);
  });

  it('a quiet fortnight: the hard AI declares a humanitarian pause, for standing and trust', () => {
    const s = game(frontHeldBy(200));
    const hard = aiOrders(mini, s, 'gna', 'hard');
    expect(hard.orders.some((o) => o.kind === 'attack')).toBe(false);
    expect(hard.orders).toContainEqual({ actor: 'gna', kind: 'humanitarian-pause' });
    expect(english(hard.reasonMsgs, mini).join(' ')).toMatch(/humanitarian pause/);
  });

  it.each([
    ['hard', 70, false],
    ['hard', 40, true],
    ['normal', 70, true],
  ] as const)('short of money at escalation %s/%d: asks its patron → %s', (level, escalation, asks) => {
    const s = game((x) => {
      x.sides.gna.money = 1;
      x.country.escalation = escalation;
    });
    const d = aiOrders(mini, s, 'gna', level);
    expect(d.orders.some((o) => o.kind === 'request-support')).toBe(asks);
    if (!asks) expect(english(d.reasonMsgs, mini).join(' ')).toMatch(/close to a regional war/);
  });

  it('how a side judges a state ahead: its own score, the balance of fighters, and the risk of a regional war', () => {
    const s = game();
    const calm = outlook(mini, s, 'gna');
    const hot = structuredClone(s);
    hot.country.escalation = 90;
    expect(outlook(mini, hot, 'gna')).toBeLessThan(calm - 15);
    const stronger = structuredClone(s);
    for (const f of stronger.formations) if (f.side === 'gna') f.strength *= 2;
    expect(outlook(mini, stronger, 'gna')).toBeGreaterThan(calm);
  });
});

describe('backers act on their personality and say why', () => {
  it('a red line crossed: it steps up, naming the rung and the place', () => {
    const s = game((x) => {
      x.places['front-city']!.controller = 'gna';
    });
    const d = aiOrders(mini, s, 'backer:patron-east');
    expect(d.orders).toEqual([{ actor: 'backer:patron-east', kind: 'escalate' }]);
    expect(english(d.reasonMsgs, mini)[0]).toBe('Patron East stepped up to drones and air defence: GNA forces crossed its red line at Front City.');
  });

  it('a red line given only in its personality counts the same', () => {
    const sc = miniWith((f) => Object.assign(f.backers[0]!, { personality: { redLines: ['west-town'] } }));
    const s = newGame(sc, 'ai-rules', []);
    s.pending = [];
    s.places['west-town']!.controller = 'lna';
    expect(english(aiOrders(sc, s, 'backer:patron-west').reasonMsgs, sc)[0]).toMatch(/LNA forces crossed its red line at West Town/);
  });

  // Tolerance 60, scaled by (150 − values.money) / 100: 60 at money 50, 36 at money 90, 84 at money 10.
  it.each([
    [50, 70, 'scales back'],
    [50, 40, 'stays'],
    [90, 40, 'scales back'],
    [10, 70, 'stays'],
  ])('values money %d, spent %d → %s', (money, spent, want) => {
    const sc = miniWith((f) => Object.assign(f.backers[0]!, { personality: { values: { money } } }));
    const s = newGame(sc, 'ai-rules', []);
    s.pending = [];
    s.backers['patron-west']!.spent = spent;
    s.sides.gna.confidence = 60;
    const d = aiOrders(sc, s, 'backer:patron-west');
    const scales = d.orders.some((o) => o.kind === 'de-escalate');
    expect(scales).toBe(want === 'scales back');
    if (scales) expect(english(d.reasonMsgs, sc)[0]).toMatch(/too costly/);
  });
});

describe('red lines near a regional war, and a truce chosen in an event', () => {
  /** The LNA brigade's strength at which the GNA's odds on Front City are good enough to attack but short of overwhelming (65–74%). */
  function temptingFront(): number {
    for (let strength = 60; strength >= 1; strength--) {
      const odds = attackOdds(mini, game(frontHeldBy(strength)), 'gna', 'west-town', 'front-city').odds;
      if (odds >= 65 && odds < 75) return strength;
    }
    throw new Error('no strength gives odds of 65–74%');
  }
  const attacksFront = (s: State, level: 'easy' | 'normal' | 'hard') =>
    aiOrders(mini, s, 'gna', level).orders.some((o) => o.kind === 'attack' && o.target === 'front-city');

  // Front City is a red line of the LNA's patron (the test scenario's patron-east).
  it.each([
    ['escalation 50: the normal commander attacks across a patron’s red line', 50, true],
    ['escalation 79: still', 79, true],
    ['escalation 80: on the brink of a regional war it keeps clear', 80, false],
  ])('%s', (_label, escalation, attacks) => {
    const strength = temptingFront();
    const s = game((x) => {
      frontHeldBy(strength)(x);
      x.country.escalation = escalation;
    });
    expect(attacksFront(s, 'normal')).toBe(attacks);
  });

  /** The test scenario with an event choice for the GNA whose only option starts a truce. */
  const offered = {
    ...mini,
    events: [
      ...mini.events,
      {
        id: 'truce-offer',
        title: 'A truce offer',
        date: '2020-01-01',
        text: 'Patrons offer a truce.',
        effects: [],
        choice: { role: 'gna' as const, options: [{ id: 'yes', label: 'Accept', hint: 'A truce.', effects: [{ kind: 'talks' as const, stage: 'truce' as const }] }] },
        historical: false,
      },
    ],
  };
  // (The levels play their score in the talks and hold their fire from the fortnight they take a truce; the historical
  // persona, the calibration's, attacks that fortnight as the normal level did before the two were apart: docs/ai.md,
  // "The historical persona apart from the normal level".)
  it.each([
    ['historical', true],
    ['easy', false],
    ['normal', false],
    ['hard', false],
  ] as const)('a truce it agrees to in an event binds it at once: at %s it attacks that fortnight → %s', (level, attacks) => {
    const s = game((x) => {
      frontHeldBy(5)(x);
      x.pending = [{ event: 'truce-offer', role: 'gna', options: ['yes'] }];
    });
    const d = aiOrders(offered, s, 'gna', level);
    expect(d.orders).toContainEqual({ actor: 'gna', kind: 'event-choice', event: 'truce-offer', option: 'yes' });
    expect(d.orders.some((o) => o.kind === 'attack')).toBe(attacks);
  });
});
