// Table tests of four rules the scenario writers found broken — rivals "just escalated" on
// turn 1, sieges under a truce, the ending of an agreement not yet held, attacks made before
// a truce agreed the same turn — and of how ripeness weighs this fortnight's fighting and sieges.
import { describe, expect, it } from 'vitest';
import { aiOrders, ceasefireCalculus, DEFAULT_TERMS, newGame, type Order, type ReportEvent, resolveTurn, type State, type TalksStage } from '../../src/sim/index.ts';
import { steppedUpLastTurn } from '../../src/sim/rules/backers.ts';
import { endingMsg } from '../../src/sim/rules/outcome.ts';
import { BAD_FAITH_TRUST, SIEGE_WEIGHT } from '../../src/sim/rules/talks.ts';
import { english, told } from '../english.ts';
import { mini } from '../fixtures/mini.ts';

const humans = ['gna', 'lna', 'mediator'] as const;
/** A new game of the test scenario with its opening choice (a call for talks) already settled. */
const fresh = (seed = 'truce'): State => ({ ...newGame(mini, seed, [...humans]), pending: [] });
const lines = (r: { events: ReportEvent[] }) => r.events.map((e) => told(e, mini));

describe('a backer "just escalated" only after a real step up', () => {
  it.each<[string, { turn: number; lastChange: number; commitment: number; peak: number }, boolean]>([
    ['turn 1, opening rung (lastChange 0)', { turn: 1, lastChange: 0, commitment: 2, peak: 2 }, false],
    ['turn 2, stepped up on turn 1', { turn: 2, lastChange: 1, commitment: 3, peak: 3 }, true],
    ['turn 3, stepped up on turn 1', { turn: 3, lastChange: 1, commitment: 3, peak: 3 }, false],
    ['turn 5, stepped up on turn 4', { turn: 5, lastChange: 4, commitment: 2, peak: 2 }, true],
    ['turn 5, stepped down on turn 4', { turn: 5, lastChange: 4, commitment: 1, peak: 2 }, false],
    ['turn 5, back up to an old rung on turn 4', { turn: 5, lastChange: 4, commitment: 2, peak: 3 }, false],
  ])('%s → %s', (_label, b, expected) => {
    const s = fresh();
    s.turn = b.turn;
    s.backers['patron-east'] = { ...s.backers['patron-east']!, lastChange: b.lastChange, commitment: b.commitment, peak: b.peak };
    expect(steppedUpLastTurn(s, 'patron-east')).toBe(expected);
  });

  it('on turn 1 no backer answers a rival’s "escalation" that never happened (50 seeds)', () => {
    const answered: string[] = [];
    for (let g = 1; g <= 50; g++) {
      const s = newGame(mini, `rivals-${g}`);
      for (const id of ['patron-west', 'patron-east']) {
        for (const why of english(aiOrders(mini, s, `backer:${id}`).reasonMsgs, mini)) if (/answered/.test(why)) answered.push(`seed ${g}: ${why}`);
      }
    }
    expect(answered).toEqual([]);
  });

  it('a rival that did step up is answered on the next turn by an eager backer in some seeds', () => {
    let answered = 0;
    for (let g = 1; g <= 50; g++) {
      const s = newGame(mini, `rivals-${g}`);
      s.turn = 2;
      s.backers['patron-west'] = { ...s.backers['patron-west']!, commitment: 3, peak: 3, lastChange: 1 };
      if (english(aiOrders(mini, s, 'backer:patron-east').reasonMsgs, mini).some((why) => /answered/.test(why))) answered++;
    }
    expect(answered).toBeGreaterThan(0);
  });
});

/**
 * The GNA besieges Front City (held by the LNA) from West Town. A siege holds only while the
 * place is cut off (rules version 4): the GNA holds the airbase and the terminal behind it.
 */
function withSiege(s: State): State {
  s.places.airbase!.controller = 'gna';
  s.places.terminal!.controller = 'gna';
  s.formations.find((f) => f.id === 'oil-guards')!.location = 'east-capital';
  s.places['front-city']!.siegedBy = 'gna';
  return s;
}

function inTalks(stage: TalksStage, s: State = fresh()): State {
  s.talks.stage = stage;
  s.talks.trust = 60;
  s.talks.monitors = true;
  return s;
}

/** A proposal from the GNA on the table this turn; the LNA accepts it with its answer. */
function agreedThisTurn(s: State): { state: State; orders: Order[] } {
  s.talks.stage = 'talks';
  s.talks.trust = 60;
  s.talks.proposal = { by: 'gna', terms: { ...DEFAULT_TERMS }, turn: s.turn };
  return { state: s, orders: [{ actor: 'lna', kind: 'answer-ceasefire', accept: true }] };
}

const attack: Order = { actor: 'gna', kind: 'attack', from: 'west-town', target: 'front-city' };

describe('sieges and truces', () => {
  it('a truce agreed this turn lifts every siege, with a line in the report', () => {
    const { state, orders } = agreedThisTurn(withSiege(fresh()));
    const { state: after, report } = resolveTurn(mini, state, orders);
    expect(after.talks.stage).toBe('truce');
    expect(after.places['front-city']?.siegedBy).toBeUndefined();
    expect(lines(report).some((t) => /Under the truce, the siege of Front City was lifted/.test(t))).toBe(true);
  });

  it('a truce imposed by an event lifts the sieges too', () => {
    const s = withSiege(fresh());
    const scenario = {
      ...mini,
      events: [
        ...mini.events,
        { id: 'imposed-truce', title: 'Truce', date: '2020-01-15', text: 'A truce.', effects: [{ kind: 'talks' as const, stage: 'truce' as const }], historical: false },
      ],
    };
    // The event fires when the next turn starts (its fortnight holds its date).
    s.date = '2020-01-01';
    const { state: after } = resolveTurn(scenario, s, []);
    if (after.fired['imposed-truce'] !== undefined) {
      expect(after.talks.stage).toBe('truce');
      expect(after.places['front-city']?.siegedBy).toBeUndefined();
    } else {
      expect.fail(`the event did not fire (dates ${after.date})`);
    }
  });

  it.each<[string, TalksStage, boolean, boolean]>([
    ['a siege kept during a truce is a violation', 'truce', true, true],
    ['a siege kept during a ceasefire is a violation', 'ceasefire', true, true],
    ['no siege during a truce: no such violation', 'truce', false, false],
    ['a siege during talks (no truce) is no violation', 'talks', true, false],
  ])('%s', (_label, stage, siege, violation) => {
    const s = inTalks(stage, siege ? withSiege(fresh()) : fresh());
    const before = s.talks.violations;
    const trustBefore = s.talks.trust;
    const { state: after, report } = resolveTurn(mini, s, []);
    const said = lines(report).some((t) => /GNA forces kept Front City under siege during the/.test(t));
    expect(said).toBe(violation);
    if (violation) {
      expect(after.talks.violations).toBeGreaterThanOrEqual(before + 1);
      expect(after.talks.trust).toBeLessThan(trustBefore);
    }
  });
});

describe('attacks before a truce agreed the same turn', () => {
  it.each<[string, () => { state: State; orders: Order[] }, boolean]>([
    ['an attack in the turn the truce is agreed is no violation', () => {
      const a = agreedThisTurn(fresh('same-turn'));
      return { state: a.state, orders: [...a.orders, attack] };
    }, false],
    ['an attack while a truce is in force is a violation', () => ({ state: inTalks('truce', fresh('same-turn')), orders: [attack] }), true],
    ['an attack during talks is no violation', () => ({ state: inTalks('talks', fresh('same-turn')), orders: [attack] }), false],
  ])('%s', (_label, make, violation) => {
    const { state, orders } = make();
    const { state: after, report } = resolveTurn(mini, state, orders);
    expect(report.rejected).toEqual([]);
    expect(lines(report).some((t) => /GNA forces attacked during the/.test(t))).toBe(violation);
    if (!violation && after.talks.stage === 'truce') expect(after.talks.violations).toBeLessThanOrEqual(1);
  });
});

describe('the ending of an agreement at the last turn', () => {
  it.each<[string, TalksStage, number, string, RegExp]>([
    ['an agreement held 0 of 2 turns: frozen conflict, and the text says so', 'agreement', 0, 'frozen-conflict', /signed an agreement .* held 1 of the 2 turns/],
    ['an agreement held 1 of 2 turns becomes a settlement as it holds this turn', 'agreement', 1, 'settlement', /political settlement/],
    ['a ceasefire without agreement: frozen conflict', 'ceasefire', 0, 'frozen-conflict', /no political agreement followed/],
    ['talks only: the war goes on', 'talks', 0, 'time-out', /undecided/],
  ])('%s', (_label, stage, held, kind, text) => {
    const s = inTalks(stage);
    s.turn = mini.turns;
    s.talks.held = held;
    s.talks.politicalTrack = stage === 'agreement' ? 100 : 0;
    const { state: after } = resolveTurn(mini, s, []);
    expect(after.ending?.kind).toBe(kind);
    const ending = after.ending!;
    expect(english([endingMsg(ending.kind, mini, ending.winner, after)], mini)[0]).toMatch(text);
  });

  it('the ending of a frozen conflict without a state is the plain one', () => {
    const msg = endingMsg('frozen-conflict', mini, null);
    expect(msg.key).toBe('report.ending.frozen');
    expect(english([msg], mini)[0]).toMatch(/no political agreement followed/);
  });
});

describe('ripeness in the fortnight of a proposal', () => {
  /** A side as weary as can be: the deal beats fighting on by far. */
  const weary = (): State => {
    const s = fresh('ripe');
    s.sides.lna = { ...s.sides.lna, warWeariness: 100, cohesion: 10, confidence: 10, momentum: 0 };
    return s;
  };

  it.each<[string, number, boolean]>([
    ['not attacking: a weary side accepts', 0, true],
    ['one attack this fortnight: it answers with its guns', 1, false],
    ['three attacks: no', 3, false],
  ])('%s', (_label, attacks, accept) => {
    const calc = ceasefireCalculus(mini, weary(), 'lna', DEFAULT_TERMS, false, attacks);
    expect(calc.deal).toBeGreaterThan(calc.fight);
    expect(calc.accept).toBe(accept);
    expect(calc.reasons.includes('report.reason.attacking')).toBe(attacks > 0);
  });

  it.each<[string, string[], number, RegExp | null]>([
    ['no siege', [], 0, null],
    ['one town under siege', ['front-city'], SIEGE_WEIGHT, /report\.reason\.citySiege/],
    ['the enemy capital under siege', ['west-capital'], 2 * SIEGE_WEIGHT, /report\.reason\.capitalSiege/],
    ['a town and the capital', ['front-city', 'west-capital'], 3 * SIEGE_WEIGHT, /report\.reason\.capitalSiege/],
  ])('a truce would lift its sieges: %s', (_label, places, more, reason) => {
    const base = ceasefireCalculus(mini, weary(), 'lna', DEFAULT_TERMS);
    const s = weary();
    for (const p of places) {
      s.places[p]!.controller = 'gna';
      s.places[p]!.siegedBy = 'lna';
    }
    const calc = ceasefireCalculus(mini, s, 'lna', DEFAULT_TERMS);
    expect(calc.fight - base.fight).toBe(more);
    if (reason) expect(calc.reasons.join('; ')).toMatch(reason);
    else expect(calc.reasons.join('; ')).not.toMatch(/siege/i);
  });

  it.each<[string, number]>([
    ['no attack the fortnight a truce is agreed: trust is not cut for it', 0],
    ['one attack that fortnight: trust starts lower by one step', 1],
  ])('%s', (_label, attacks) => {
    const { state, orders } = agreedThisTurn(fresh('bad-faith'));
    const { report } = resolveTurn(mini, state, attacks ? [...orders, attack] : orders);
    const said = report.events.find((e) => /attacked in the very fortnight the truce was agreed/.test(told(e, mini)));
    expect(!!said).toBe(attacks > 0);
    if (said) expect(told(said, mini)).toMatch(new RegExp(`trust starts ${BAD_FAITH_TRUST * attacks} points lower`));
  });
});
