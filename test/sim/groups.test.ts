// Armed groups as actors (FormationDef.agenda): their orders' rules, what the rules do with
// them, and how their AI decides from the agenda; and the computer mediator's personality.
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/cli/files.ts';
import { DEFAULT_MEDIATOR, mediatorThresholds } from '../../src/sim/ai.ts';
import {
  actorsOf,
  aiOrders,
  checkOrder,
  legalOrders,
  newGame,
  type Order,
  resolveTurn,
  type Scenario,
  type State,
} from '../../src/sim/index.ts';
import { EXTORT_LOYALTY, EXTORT_MIN, EXTORT_TIMES_UPKEEP } from '../../src/sim/params.ts';
import { actorLabel } from '../../src/ui/modals.ts';
import { english, told } from '../english.ts';
import { loadMini, miniScenarioFile } from '../fixtures/mini.ts';

type File = ReturnType<typeof miniScenarioFile>;
const agenda = (aggression: number, personality: Record<string, unknown> = {}) => ({ aggression, personality, motive: 'a motive for tests' });

/** The test scenario with agendas: the LNA's oil guards (a spoiler), the desert cell (answers to no one), and the GNA's West Brigade (a militia). */
function groupsScenario(edit: (f: File) => void = () => {}): Scenario {
  const file = miniScenarioFile();
  const set = (id: string, extra: Record<string, unknown>) => Object.assign(file.formations.find((f) => f.id === id)!, extra);
  set('oil-guards', { agenda: agenda(75, { values: { money: 50 } }) });
  set('desert-cell', { agenda: agenda(75, { values: { standing: 80 } }) });
  set('west-brigade', { agenda: agenda(60, { resolve: 20, values: { money: 90 } }) });
  edit(file);
  return loadMini(file);
}
const sc = groupsScenario();

function game(edit: (s: State) => void = () => {}, scenario = sc): State {
  const s = newGame(scenario, 'groups', []);
  s.pending = [];
  edit(s);
  return s;
}
const unit = (s: State, id: string) => s.formations.find((f) => f.id === id)!;
const truce = (s: State) => {
  s.talks.stage = 'truce';
};

describe('an armed group is an actor when the scenario gives it an agenda', () => {
  it('actors: the sides, the mediator, the backers, then the groups in scenario order', () => {
    expect(actorsOf(sc)).toEqual(['gna', 'lna', 'mediator', 'backer:patron-west', 'backer:patron-east', 'backer:onlooker', 'group:west-brigade', 'group:oil-guards', 'group:desert-cell']);
  });

  it('the schema checks an agenda', () => {
    const bad = (agendaValue: unknown) => () => groupsScenario((f) => Object.assign(f.formations[0]!, { agenda: agendaValue }));
    expect(bad({ aggression: 120, motive: 'x' })).toThrow(/aggression/);
    expect(bad({ aggression: 50 })).toThrow(/motive/);
    expect(bad({ aggression: 50, motive: 'x', greed: 3 })).toThrow(/greed/);
    expect(bad({ aggression: 50, motive: 'x', personality: { redLines: ['atlantis'] } })).toThrow(/unknown place "atlantis"/);
    expect(bad({ aggression: 50, motive: 'x', personality: { caution: 10 } })).not.toThrow();
  });

  it('the turn report names a group by its name without the details in brackets', () => {
    const named = groupsScenario((f) => Object.assign(f.formations.find((x) => x.id === 'oil-guards')!, { name: 'Oil Guards (east)' }));
    expect(actorLabel(named, 'group:oil-guards')).toBe('Oil Guards');
    expect(actorLabel(named, 'mediator')).toBe('Mediator');
  });
});

describe('what a group may order, and why not', () => {
  // In the test scenario: West Brigade (GNA) at West Town, next to West Capital, Front City (LNA) and the Oil Field (nobody lives there);
  // the Oil Guards (LNA) at the Oil Terminal, next to Front City and East Capital; the desert cell at the Oasis.
  const cases: [string, (s: State) => void, Order, string | null][] = [
    ['a sided group raids a neighbouring place the enemy holds', () => {}, { actor: 'group:west-brigade', kind: 'raid', target: 'front-city' }, null],
    ['not one its own side holds', () => {}, { actor: 'group:west-brigade', kind: 'raid', target: 'west-capital' }, 'not-now'],
    ['not where nobody lives', () => {}, { actor: 'group:desert-cell', kind: 'raid', target: 'oil-field' }, 'not-now'],
    ['not out of reach', () => {}, { actor: 'group:west-brigade', kind: 'raid', target: 'east-capital' }, 'not-adjacent'],
    ['a group that answers to no one raids any neighbouring town, or its own', () => {}, { actor: 'group:desert-cell', kind: 'raid', target: 'oasis' }, null],
    ['not a place that is not on the map', () => {}, { actor: 'group:desert-cell', kind: 'raid', target: 'atlantis' }, 'unknown-place'],
    ['not once destroyed', (s) => void (s.formations = s.formations.filter((f) => f.id !== 'desert-cell')), { actor: 'group:desert-cell', kind: 'raid', target: 'oasis' }, 'not-now'],
    ['a militia extorts its side', () => {}, { actor: 'group:west-brigade', kind: 'extort' }, null],
    ['not from a side with no money', (s) => void (s.sides.gna.money = EXTORT_MIN - 1), { actor: 'group:west-brigade', kind: 'extort' }, 'not-now'],
    ['not a group with no side', () => {}, { actor: 'group:desert-cell', kind: 'extort' }, 'not-now'],
    ['it changes sides once its loyalty is thin (threshold + 10)', (s) => void (unit(s, 'west-brigade').loyalty = 39), { actor: 'group:west-brigade', kind: 'defect' }, null],
    ['not while loyal enough', (s) => void (unit(s, 'west-brigade').loyalty = 40), { actor: 'group:west-brigade', kind: 'defect' }, 'not-now'],
    ['a side cannot order a raid', () => {}, { actor: 'gna', kind: 'raid', target: 'front-city' } as Order, 'wrong-role'],
    ['a group cannot order an attack', () => {}, { actor: 'group:west-brigade', kind: 'attack', from: 'west-town', target: 'front-city' } as Order, 'wrong-role'],
    ['a formation with no agenda is no actor', () => {}, { actor: 'group:east-guard', kind: 'extort' }, 'unknown-actor'],
    ['one order a turn', () => {}, { actor: 'group:west-brigade', kind: 'extort' }, 'over-budget'],
  ];
  it.each(cases)('%s', (_name, edit, order, code) => {
    const s = game(edit);
    const queued: Order[] = code === 'over-budget' ? [{ actor: 'group:west-brigade', kind: 'raid', target: 'front-city' }] : [];
    const r = checkOrder(sc, s, order, queued);
    if (code === null) expect(r.ok, JSON.stringify(r)).toBe(true);
    else expect(r.ok ? 'ok' : r.error.code).toBe(code);
  });

  it('a badly formed group actor is refused as malformed', () => {
    const r = checkOrder(sc, game(), { actor: 'group:Not An Id', kind: 'extort' });
    expect(r.ok ? 'ok' : r.error.code).toBe('malformed');
  });

  it('legalOrders lists exactly the orders checkOrder allows', () => {
    const s = game((x) => void (unit(x, 'west-brigade').loyalty = 30));
    expect(legalOrders(sc, s, 'group:west-brigade')).toEqual([
      { actor: 'group:west-brigade', kind: 'raid', target: 'front-city' },
      { actor: 'group:west-brigade', kind: 'extort' },
      { actor: 'group:west-brigade', kind: 'defect' },
    ]);
    expect(legalOrders(sc, s, 'group:desert-cell')).toEqual([{ actor: 'group:desert-cell', kind: 'raid', target: 'oasis' }]);
  });
});

describe('what the rules do with a group’s orders', () => {
  const turn = (s: State, orders: Order[]) => resolveTurn(sc, s, orders);

  it('a raid kills and drives out civilians, damages the place, and is said in the report', () => {
    const s = game();
    const r = turn(s, [{ actor: 'group:desert-cell', kind: 'raid', target: 'oasis' }]);
    expect(r.state.country.civilianCasualties).toBeGreaterThan(s.country.civilianCasualties);
    expect(r.state.country.displaced).toBeGreaterThan(s.country.displaced);
    const line = r.report.events.find((e) => e.mechanic === 'spoiler');
    expect(line && told(line, sc)).toMatch(/staged a raid on Oasis/);
    expect(line?.actors).toEqual(['group:desert-cell']);
  });

  it('a raid by a sided group during a truce is a violation in its side’s name: trust falls', () => {
    const enemyFront = (x: State) => {
      truce(x);
      x.places['front-city']!.controller = 'gna';
    };
    const calm = turn(game(enemyFront), []);
    const r = turn(game(enemyFront), [{ actor: 'group:oil-guards', kind: 'raid', target: 'front-city' }]);
    expect(r.report.rejected).toEqual([]);
    const line = r.report.events.find((e) => e.mechanic === 'spoiler');
    expect(line && told(line, sc)).toMatch(/^oil guards shelled Front City on its own account.*breaking the truce/);
    expect(line?.actors).toEqual(['group:oil-guards', 'lna']);
    expect(r.state.talks.trust).toBeLessThan(calm.state.talks.trust);
  });

  it.each([
    ['upkeep 1: the floor', 1, EXTORT_MIN + 1],
    ['upkeep 3: four times it', 3, 3 * EXTORT_TIMES_UPKEEP],
  ])('extortion, %s: the side pays and the group is more loyal', (_name, upkeep, paid) => {
    const scen = groupsScenario((f) => Object.assign(f.formations.find((x) => x.id === 'west-brigade')!, { upkeep }));
    const s = game((x) => void (unit(x, 'west-brigade').loyalty = 50), scen);
    const base = resolveTurn(scen, s, []);
    const r = resolveTurn(scen, s, [{ actor: 'group:west-brigade', kind: 'extort' }]);
    expect(base.state.sides.gna.money - r.state.sides.gna.money).toBe(Math.max(EXTORT_MIN, upkeep * EXTORT_TIMES_UPKEEP));
    expect(unit(r.state, 'west-brigade').loyalty - unit(base.state, 'west-brigade').loyalty).toBe(EXTORT_LOYALTY);
    expect(paid).toBeGreaterThan(0);
    // Public: the group's reason for it is in every player's report too.
    expect(r.report.events.find((e) => told(e, sc).includes('to stay in line'))?.visibleTo).toBeUndefined();
  });

  it('changing sides: the group and, as the main force there, its town go over', () => {
    const s = game((x) => {
      unit(x, 'west-brigade').loyalty = 35;
      x.formations = x.formations.filter((f) => f.id !== 'hired-guns');
    });
    const r = turn(s, [{ actor: 'group:west-brigade', kind: 'defect' }]);
    expect(unit(r.state, 'west-brigade').side).toBe('lna');
    expect(r.state.places['west-town']!.controller).toBe('lna');
    expect(r.report.events.some((e) => e.detail?.type === 'defection')).toBe(true);
  });
});

describe('a group’s AI decides from its agenda, and says why', () => {
  /** How many of `turns` turns (same state, turn number varied) the group gives this kind of order. */
  function share(scenario: Scenario, s: State, actor: `group:${string}`, kind: Order['kind'], turns = 200): number {
    let n = 0;
    for (let t = 1; t <= turns; t++) {
      s.turn = t;
      if (aiOrders(scenario, s, actor).orders.some((o) => o.kind === kind)) n++;
    }
    return n / turns;
  }

  it('a group that answers to no one raids more while the two sides fight than during a truce', () => {
    const war = share(sc, game(), 'group:desert-cell', 'raid');
    const calm = share(sc, game(truce), 'group:desert-cell', 'raid');
    // aggression 75: 30% of turns at war, 19% in a truce.
    expect(war).toBeGreaterThan(0.2);
    expect(war).toBeLessThan(0.4);
    expect(calm).toBeLessThan(war);
  });

  it('a local force that is no spoiler keeps to its town', () => {
    const quiet = groupsScenario((f) => Object.assign(f.formations.find((x) => x.id === 'desert-cell')!, { spoiler: false }));
    expect(share(quiet, game(() => {}, quiet), 'group:desert-cell', 'raid')).toBe(0);
  });

  it('a spoiler breaks a truce more often when its side’s cohesion is low', () => {
    const enemyFront = (cohesion: number) => (x: State) => {
      truce(x);
      x.places['front-city']!.controller = 'gna';
      x.sides.lna.cohesion = cohesion;
    };
    const weak = share(sc, game(enemyFront(10)), 'group:oil-guards', 'raid');
    const firm = share(sc, game(enemyFront(90)), 'group:oil-guards', 'raid');
    expect(weak).toBeGreaterThan(firm);
    expect(firm).toBeGreaterThan(0);
    expect(share(sc, game((x) => void (x.places['front-city']!.controller = 'gna')), 'group:oil-guards', 'raid')).toBe(0);
  });

  it('a militia that values money names its price where its side needs it; one that does not, never', () => {
    const s = game((x) => void (unit(x, 'west-brigade').loyalty = 60));
    expect(share(sc, s, 'group:west-brigade', 'extort')).toBeGreaterThan(0.1);
    const frugal = groupsScenario((f) => Object.assign(f.formations.find((x) => x.id === 'west-brigade')!, { agenda: agenda(60, { values: { money: 50 } }) }));
    expect(share(frugal, game((x) => void (unit(x, 'west-brigade').loyalty = 60), frugal), 'group:west-brigade', 'extort')).toBe(0);
  });

  it.each([
    ['losing ground', (x: State) => void (x.sides.gna.momentum = -2), /west brigade went over to LNA: its loyalty had worn thin \(15\) and GNA was losing ground\./],
    ['unpaid', (x: State) => void (x.sides.gna.unpaidTurns = 1), /its pay had stopped/],
  ])('loyalty worn thin and its side %s: it changes sides, and says why', (_name, edit, reason) => {
    // Loyalty 15: 25 points below the threshold (30) + 10; resolve 20: 25 × 80 / 50 = 40% of turns.
    const s = game((x) => {
      unit(x, 'west-brigade').loyalty = 15;
      x.sides.gna.momentum = 1;
      edit(x);
    });
    const n = share(sc, s, 'group:west-brigade', 'defect');
    expect(n).toBeGreaterThan(0.3);
    expect(n).toBeLessThan(0.5);
    for (let t = 1; t < 50; t++) {
      s.turn = t;
      const d = aiOrders(sc, s, 'group:west-brigade');
      if (d.orders[0]?.kind === 'defect') {
        expect(english(d.reasonMsgs, sc)[0]).toMatch(reason);
        return;
      }
    }
    throw new Error('it never changed sides');
  });

  it('a group whose side is winning stays, however thin its loyalty; a loyal one never leaves a losing side', () => {
    const winning = game((x) => {
      unit(x, 'west-brigade').loyalty = 35;
      unit(x, 'west-guard').strength = 200;
      x.sides.gna.momentum = 2;
    });
    expect(share(sc, winning, 'group:west-brigade', 'defect')).toBe(0);
    expect(share(sc, game((x) => void (x.sides.gna.momentum = -3)), 'group:west-brigade', 'defect')).toBe(0);
  });

  it('the thinner its loyalty, the likelier it leaves', () => {
    const at = (loyalty: number) =>
      share(sc, game((x) => {
        unit(x, 'west-brigade').loyalty = loyalty;
        x.sides.gna.momentum = -2;
      }), 'group:west-brigade', 'defect');
    expect(at(10)).toBeGreaterThan(at(30));
    expect(at(30)).toBeGreaterThan(0);
  });

  it('resolve: a group with more of it leaves a losing side less often', () => {
    const withResolve = (resolve: number) => {
      const scen = groupsScenario((f) => Object.assign(f.formations.find((x) => x.id === 'west-brigade')!, { agenda: agenda(60, { resolve }) }));
      return share(scen, game((x) => {
        unit(x, 'west-brigade').loyalty = 15;
        x.sides.gna.momentum = -2;
      }, scen), 'group:west-brigade', 'defect');
    };
    expect(withResolve(20)).toBeGreaterThan(withResolve(80));
    expect(withResolve(80)).toBeGreaterThan(0);
  });

  it('the same state gives the same decision, and deciding does not touch the game', () => {
    const s = game();
    const before = JSON.stringify(s);
    const a = aiOrders(sc, s, 'group:desert-cell');
    expect(aiOrders(sc, s, 'group:desert-cell')).toEqual(a);
    expect(JSON.stringify(s)).toBe(before);
  });

  it('the reasons carry the group’s motive', () => {
    const s = game();
    for (let t = 1; t < 50; t++) {
      s.turn = t;
      const d = aiOrders(sc, s, 'group:desert-cell');
      if (d.orders.length) {
        expect(english(d.reasonMsgs, sc)[0]).toMatch(/a motive for tests/);
        return;
      }
    }
    throw new Error('it never raided');
  });
});

describe('the computer mediator’s personality', () => {
  const withMediator = (mediator: unknown) => {
    const file = miniScenarioFile() as File & { mediator?: unknown };
    file.mediator = mediator;
    return loadMini(file);
  };

  it('no mediator in the scenario: the baseline thresholds', () => {
    expect(mediatorThresholds(loadMini())).toEqual({
      ripeSlack: 0,
      pressAt: 50,
      sanctionsAnyTime: false,
      embargoBelow: 40,
      shuttleBelow: 30,
      conferenceAt: 40,
      corridorAt: 20,
      aidFirst: false,
    });
    expect(mediatorThresholds(withMediator({ name: 'Envoy', aggression: DEFAULT_MEDIATOR.aggression }))).toEqual(mediatorThresholds(loadMini()));
  });

  it.each([
    ['assertive (aggression 90)', { aggression: 90 }, { pressAt: 30, sanctionsAnyTime: true, embargoBelow: 56 }],
    ['deferential (aggression 10)', { aggression: 10 }, { pressAt: 70, sanctionsAnyTime: false, embargoBelow: 24 }],
    ['bold about ripeness (caution 20)', { aggression: 50, personality: { caution: 20 } }, { ripeSlack: 6 }],
    ['patient (resolve 90)', { aggression: 50, personality: { resolve: 90 } }, { shuttleBelow: 50 }],
    ['lives first (lives 80)', { aggression: 50, personality: { values: { lives: 80 } } }, { corridorAt: 5, aidFirst: true }],
    ['standing first (standing 90)', { aggression: 50, personality: { values: { standing: 90 } } }, { conferenceAt: 20 }],
  ])('%s', (_name, traits, want) => {
    expect(mediatorThresholds(withMediator({ name: 'Envoy', ...traits }))).toMatchObject(want);
  });

  it('an assertive mediator sanctions a spoiler before there is a truce; the baseline one waits', () => {
    const assertive = withMediator({ name: 'Envoy', aggression: 90 });
    const s = newGame(assertive, 'groups', []);
    s.pending = [];
    expect(aiOrders(assertive, s, 'mediator').orders.some((o) => o.kind === 'sanction-spoiler')).toBe(true);
    const plain = loadMini();
    const p = newGame(plain, 'groups', []);
    p.pending = [];
    expect(aiOrders(plain, p, 'mediator').orders.some((o) => o.kind === 'sanction-spoiler')).toBe(false);
  });

  it('the schema checks it, and the report names it', () => {
    expect(() => withMediator({ name: 'Envoy', aggression: 101 })).toThrow(/aggression/);
    expect(() => withMediator({ aggression: 50 })).toThrow(/name/);
    expect(actorLabel(withMediator({ name: 'UN envoy', aggression: 50 }), 'mediator')).toBe('UN envoy');
  });

  it('every historical scenario but the tutorial names its mediator', () => {
    for (const id of ['tripoli-2019', 'sirte-2020', 'red-line-2020', 'geneva-2020']) {
      const loaded = loadScenarioFile(id);
      if (!loaded.ok) throw new Error(`${id} does not load`);
      expect(loaded.value.mediator?.name, id).toMatch(/UNSMIL/);
      expect(actorsOf(loaded.value).some((a) => a.startsWith('group:')), id).toBe(true);
    }
  });
});
