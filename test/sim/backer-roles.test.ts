// A foreign backer played by a person: its orders (legal and not, and why), what they do,
// deniability and its exposure, red lines and bluffs, its view and its score; and a fuzzer of
// 1,000 games with random legal orders for a person's Turkey, Russia, UAE and Egypt in turn.
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/cli/files.ts';
import {
  aiOrders,
  checkOrder,
  legalOrders,
  newGame,
  type Order,
  otherActorsOrders,
  type PlayerRole,
  resolveTurn,
  type Scenario,
  type State,
  viewFor,
} from '../../src/sim/index.ts';
import { checkLegalOrder } from '../../src/sim/orders.ts';
import { DELIVERY_COST, EXPOSURE_PRESSURE, MAX_DECLARED_RED_LINES } from '../../src/sim/params.ts';
import { Rng } from '../../src/sim/rng.ts';
import { deliveryExposureOdds, denialExposureOdds } from '../../src/sim/rules/backer-orders.ts';
import { escalationIndex } from '../../src/sim/rules/backers.ts';
import { upkeepOf } from '../../src/sim/rules/economy.ts';
import { backerScore, backerStanding, roleScore } from '../../src/sim/rules/outcome.ts';
import { messageText } from '../../src/ui/report-text.ts';
import { told } from '../english.ts';
import { checkInvariants } from './invariants.ts';

function load(id: string): Scenario {
  const r = loadScenarioFile(id);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}
const sirte = load('sirte-2020');
const SCENARIOS = ['sirte-2020', 'tripoli-2019', 'red-line-2020', 'geneva-2020'].map(load);
const FOUR = ['backer:turkey', 'backer:russia', 'backer:uae', 'backer:egypt'] as const;

const game = (role: PlayerRole = 'backer:turkey', seed = 'roles'): State => newGame(sirte, seed, [role]);
/** A turn in which the person gives these orders and every other actor is the AI. */
function turn(state: State, mine: Order[], role: PlayerRole = 'backer:turkey', scenario = sirte): { state: State; texts: string[] } {
  const ai = otherActorsOrders(scenario, state, role);
  const { state: next, report } = resolveTurn(scenario, state, [...mine, ...ai.orders], ai.reasonMsgs);
  expect(report.rejected).toEqual([]);
  return { state: next, texts: report.events.map((e) => told(e, scenario)) };
}
const T = 'backer:turkey' as const;

describe('backer roles in the scenarios', () => {
  it.each(SCENARIOS.map((s) => [s.id, s] as const))('%s: Turkey, Russia, the UAE and Egypt are playable, each with objectives and a briefing', (_id, s) => {
    for (const r of FOUR) {
      expect(s.playable).toContain(r);
      const def = s.backerRoles?.[r.slice(7)];
      expect(def?.briefing.length).toBeGreaterThan(300);
      expect(def?.objectives.goals.length).toBeGreaterThanOrEqual(3);
      const w = def!.objectives.weights;
      expect(w.territory + w.lives + w.legitimacy + w.stability + w.escalation).toBe(100);
    }
  });
});

describe('a backer’s orders: legal and not, and why', () => {
  const s = game();
  it.each<[string, State, unknown, string | null]>([
    ['step up a rung', s, { actor: T, kind: 'escalate' }, null],
    ['push the client on', s, { actor: T, kind: 'push-client' }, null],
    ['a one-off delivery', s, { actor: T, kind: 'deliver-arms' }, null],
    ['declare a red line at Sirte (held by the enemy)', s, { actor: T, kind: 'declare-red-line', place: 'sirte' }, 'not-yours'],
    ['declare a red line at Misrata (already one)', s, { actor: T, kind: 'declare-red-line', place: 'misrata' }, 'duplicate'],
    ['declare a red line at Zuwara', s, { actor: T, kind: 'declare-red-line', place: 'zuwara' }, null],
    ['declare a red line at a place that does not exist', s, { actor: T, kind: 'declare-red-line', place: 'atlantis' }, 'unknown-place'],
    ['deny its deployment', s, { actor: T, kind: 'deny-deployment' }, null],
    ['admit its deployment', s, { actor: T, kind: 'admit-deployment' }, null],
    ['answer a request nobody made', s, { actor: T, kind: 'answer-request', accept: true }, 'not-now'],
    ['answer a mediator who has not pressed it', s, { actor: T, kind: 'answer-mediator', accept: false }, 'not-now'],
    ['press a rival (the UAE)', s, { actor: T, kind: 'pressure-rival', backer: 'uae' }, null],
    ['press a backer that is not a rival (Qatar)', s, { actor: T, kind: 'pressure-rival', backer: 'qatar' }, 'not-now'],
    ['press a backer that does not exist', s, { actor: T, kind: 'pressure-rival', backer: 'atlantis' }, 'unknown-backer'],
    ['a side’s order', s, { actor: T, kind: 'fortify', place: 'tripoli' }, 'wrong-role'],
    ['a computer backer’s person-only order', s, { actor: 'backer:russia', kind: 'push-client' }, 'wrong-role'],
    ['a malformed red line', s, { actor: T, kind: 'declare-red-line' }, 'malformed'],
  ])('%s', (_label, state, order, code) => {
    const r = checkOrder(sirte, state, order);
    if (code === null) {
      expect(r.ok).toBe(true);
      if (r.ok) {
        expect(messageText(r.value.summaryMsg, sirte).length).toBeGreaterThan(10);
        expect(r.value.riskMsgs.length).toBeGreaterThan(0);
      }
    } else {
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe(code);
        expect(messageText(r.error.msg, sirte).length).toBeGreaterThan(5);
      }
    }
  });

  it('one step on the ladder a fortnight, two orders in all, and not restrain and push together', () => {
    const up: Order = { actor: T, kind: 'escalate' };
    const down = checkOrder(sirte, s, { actor: T, kind: 'de-escalate' }, [up]);
    expect(down.ok ? '' : messageText(down.error.msg, sirte)).toMatch(/One step on the ladder/);
    const third = checkOrder(sirte, s, { actor: T, kind: 'pressure-rival', backer: 'uae' }, [up, { actor: T, kind: 'push-client' }]);
    expect(third.ok ? '' : third.error.code).toBe('over-budget');
    const both = checkOrder(sirte, s, { actor: T, kind: 'push-client' }, [{ actor: T, kind: 'restrain-client' }]);
    expect(both.ok ? '' : both.error.code).toBe('not-now');
  });

  it('the preview shows the cost against the tolerance, the odds of a delivery and its risk', () => {
    const esc = checkOrder(sirte, s, { actor: T, kind: 'escalate' });
    expect(esc.ok && messageText(esc.value.summaryMsg, sirte)).toMatch(/^Step up to /);
    expect(esc.ok && esc.value.costNoteMsg && messageText(esc.value.costNoteMsg, sirte)).toMatch(/^\d+ a fortnight against your tolerance \(spent \d+ of the 260/);
    const d = checkOrder(sirte, s, { actor: T, kind: 'deliver-arms' });
    expect(d.ok && d.value.odds).toBe(100 - deliveryExposureOdds(s));
    expect(d.ok && d.value.riskMsgs[0] && messageText(d.value.riskMsgs[0], sirte)).toMatch(/chance it is exposed/);
  });

  it('a computer backer is offered only the ladder and restraint; a person’s backer its whole seat', () => {
    const kinds = (st: State, a: PlayerRole) => new Set(legalOrders(sirte, st, a as Order['actor']).map((o) => o.kind));
    expect([...kinds(s, 'backer:russia')].every((k) => ['escalate', 'de-escalate', 'restrain-client'].includes(k))).toBe(true);
    const mine = kinds(s, T);
    for (const k of ['escalate', 'push-client', 'deliver-arms', 'declare-red-line', 'deny-deployment', 'admit-deployment', 'pressure-rival']) expect(mine.has(k as Order['kind'])).toBe(true);
  });
});

describe('what a backer’s orders do', () => {
  it('a delivery brings the client money and costs the backer against its tolerance', () => {
    const s = game();
    const { state } = turn(s, [{ actor: T, kind: 'deliver-arms' }]);
    expect(state.backers.turkey!.deliveries).toBe(1);
    expect(state.backers.turkey!.spent).toBeGreaterThanOrEqual(DELIVERY_COST);
  });

  it('a declared red line: escalation counts it once crossed; an unanswered crossing is a bluff called, an answered one is not', () => {
    let s = game();
    ({ state: s } = turn(s, [{ actor: T, kind: 'declare-red-line', place: 'zuwara' }]));
    expect(s.backers.turkey!.redLines).toEqual(['zuwara']);
    // Turkey below its top rung, so that it can answer (the war's course may have taken it to the top: rules version 8).
    s.backers.turkey!.commitment = Math.min(s.backers.turkey!.commitment, 3);
    // The line crossed (set by hand: the LNA holds Zuwara, and the crossing waits for Turkey's answer).
    const crossed = structuredClone(s);
    crossed.places.zuwara!.controller = 'lna';
    crossed.backers.turkey!.crossed = ['zuwara'];
    const held = structuredClone(s);
    held.places.zuwara!.controller = 'gna';
    expect(escalationIndex(sirte, crossed)).toBe(Math.min(100, escalationIndex(sirte, held) + 10));
    const silent = turn(crossed, []);
    expect(silent.state.backers.turkey!.bluffs).toBe(1);
    expect(silent.texts.some((t) => /did not answer when its red line was crossed/.test(t))).toBe(true);
    // Answered by a step up (Turkey is below its top rung here): no bluff.
    expect(crossed.backers.turkey!.commitment).toBeLessThan(4);
    const answered = turn(crossed, [{ actor: T, kind: 'escalate' }]);
    expect(answered.state.backers.turkey!.bluffs).toBeUndefined();
    // A fourth line is one too many.
    const full = structuredClone(s);
    full.backers.turkey!.redLines = ['zuwara', 'zawiya', 'zintan'];
    const fourth = checkOrder(sirte, full, { actor: T, kind: 'declare-red-line', place: 'gharyan' });
    expect(fourth.ok ? '' : messageText(fourth.error.msg, sirte)).toMatch(new RegExp(`at most ${MAX_DECLARED_RED_LINES}`));
  });

  it('denying a deployment halves the pressure that builds, and the denial is exposed sooner or later', () => {
    let s = game('backer:russia', 'deny');
    ({ state: s } = turn(s, [{ actor: 'backer:russia', kind: 'deny-deployment' }], 'backer:russia'));
    expect(s.backers.russia!.stance).toBe('denied');
    expect(denialExposureOdds(s, sirte.backers.find((b) => b.id === 'russia')!)).toBeGreaterThan(0);
    let exposedAt = 0;
    for (let t = 0; t < 12 && !s.ending && !exposedAt; t++) {
      const p = s.backers.russia!.pressure;
      ({ state: s } = turn(s, [], 'backer:russia'));
      if (s.backers.russia!.exposures) {
        exposedAt = s.turn;
        expect(s.backers.russia!.stance).toBe('admitted');
        expect(s.backers.russia!.pressure).toBeGreaterThanOrEqual(Math.min(100, p + EXPOSURE_PRESSURE - 5));
      }
    }
    // Over many seeds, some denials hold for a while and some are exposed: the risk is real but not certain.
    const outcomes = new Set<boolean>();
    for (let i = 0; i < 20; i++) {
      let g = game('backer:russia', `deny-${i}`);
      g = turn(g, [{ actor: 'backer:russia', kind: 'deny-deployment' }], 'backer:russia').state;
      for (let t = 0; t < 3 && !g.ending; t++) g = turn(g, [], 'backer:russia').state;
      outcomes.add((g.backers.russia!.exposures ?? 0) > 0);
    }
    expect(outcomes.size).toBe(2);
  });

  it('admitting a deployment costs pressure at once and ends the risk of exposure', () => {
    const s = turn(game(), [{ actor: T, kind: 'admit-deployment' }]).state;
    expect(s.backers.turkey!.stance).toBe('admitted');
    expect(checkOrder(sirte, s, { actor: T, kind: 'admit-deployment' }).ok).toBe(false);
  });

  it('a client’s request to a person’s backer waits for its answer; granting it is a step up', () => {
    let s = game();
    const ask: Order = { actor: 'gna', kind: 'request-support', backer: 'turkey' };
    const ai = otherActorsOrders(sirte, s, ['backer:turkey']);
    s = resolveTurn(sirte, s, [ask, ...ai.orders.filter((o) => o.actor !== 'gna')]).state;
    expect(s.backers.turkey!.request?.side).toBe('gna');
    // Turkey below its top rung, so that it can grant it (the war's course may have taken it to the top: rules version 8).
    s.backers.turkey!.commitment = Math.min(s.backers.turkey!.commitment, 3);
    const level = s.backers.turkey!.commitment;
    const preview = checkOrder(sirte, s, { actor: T, kind: 'answer-request', accept: true });
    expect(preview.ok).toBe(true);
    s = turn(s, [{ actor: T, kind: 'answer-request', accept: true }]).state;
    expect(s.backers.turkey!.commitment).toBe(level + 1);
    expect(s.backers.turkey!.request).toBeUndefined();
  });

  it('the mediator’s pressure waits for an answer: yielding is a step down and relief, refusing costs more pressure', () => {
    let s = game();
    const press: Order = { actor: 'mediator', kind: 'pressure-backer', backer: 'turkey' };
    const ai = otherActorsOrders(sirte, s, ['backer:turkey', 'mediator']);
    s = resolveTurn(sirte, s, [press, ...ai.orders]).state;
    expect(s.backers.turkey!.pressed).toBe(1);
    const yieldTurn = turn(s, [{ actor: T, kind: 'answer-mediator', accept: true }]);
    const yielded = yieldTurn.state;
    const refused = turn(s, [{ actor: T, kind: 'answer-mediator', accept: false }]).state;
    expect(yieldTurn.texts).toContain("Turkey yielded to the mediator's pressure and scaled back.");
    // One step below the same fortnight refused (under rules version 5 the war's own course brings
    // Turkey a step up in this fortnight either way).
    expect(yielded.backers.turkey!.commitment).toBe(refused.backers.turkey!.commitment - 1);
    expect(refused.backers.turkey!.pressure).toBeGreaterThan(yielded.backers.turkey!.pressure);
  });
});

describe('a backer’s view and score', () => {
  it('Turkey sees the GNA’s forces and its own exactly, the LNA’s as estimates', () => {
    const s = game();
    const v = viewFor(sirte, s, T);
    expect(v.sides.gna.exact).toBe(true);
    expect(v.sides.lna.exact).toBe(false);
    for (const f of v.formations) expect(f.strength !== null).toBe(f.side === 'gna');
    const russia = viewFor(sirte, s, 'backer:russia');
    expect(russia.sides.lna.exact).toBe(true);
    expect(russia.sides.gna.exact).toBe(false);
  });

  it('a backer’s score: its parts, weighted by its objectives, and worse when exposed', () => {
    let s = game();
    while (!s.ending) s = turn(s, []).state;
    const score = backerScore(sirte, s, T)!;
    expect(score.total).toBeGreaterThanOrEqual(0);
    expect(score.total).toBeLessThanOrEqual(100);
    expect(score.parts.legitimacy).toBe(backerStanding(s, 'turkey'));
    expect(roleScore(sirte, s, T)).toEqual(score);
    expect(roleScore(sirte, s, 'gna')).toEqual(s.ending!.scores.gna);
    const shamed = structuredClone(s);
    shamed.backers.turkey!.exposures = 3;
    expect(backerScore(sirte, shamed, T)!.total).toBeLessThan(score.total + (score.parts.legitimacy === 0 ? 1 : 0));
    expect(backerScore(sirte, game(), T)).toBeNull();
  });

  it('a backer’s score: its client’s collapse is its defeat, the enemy’s its victory, as in the field', () => {
    let s = game();
    while (!s.ending) s = turn(s, []).state;
    const as = (kind: 'collapse' | 'military-victory' | 'time-out', winner: 'gna' | 'lna' | null) => {
      const x = structuredClone(s);
      x.ending = { ...x.ending!, kind, winner };
      return backerScore(sirte, x, T)!;
    };
    const undecided = as('time-out', null);
    const collapsed = as('collapse', 'lna');
    expect(collapsed.parts).toEqual(undecided.parts);
    expect(collapsed.total).toBe(Math.max(0, undecided.total - 20));
    expect(collapsed).toEqual(as('military-victory', 'lna'));
    expect(as('collapse', 'gna')).toEqual(as('military-victory', 'gna'));
    expect(as('collapse', 'gna').total).toBeGreaterThan(undecided.total);
  });

  it('the AI in a backer’s seat: holds its rung for a client that cannot pay its forces (normal, hard; easy only for an empty treasury), and only hard ships arms, at low odds of exposure', () => {
    const s = game('backer:uae');
    // Nothing in hand, no oil flowing, and a bill (three times the army) larger than what its patrons send.
    s.sides.lna.money = 0;
    for (const p of Object.values(s.places)) p.shut = true;
    for (const f of s.formations) if (f.side === 'lna') f.strength *= 3;
    const kinds = (level: 'easy' | 'normal' | 'hard', st: State) => aiOrders(sirte, st, 'backer:uae', level).orders.map((o) => o.kind);
    for (const [level, ships] of [['easy', false], ['normal', false], ['hard', true]] as const) expect(kinds(level, s).includes('deliver-arms'), level).toBe(ships);
    expect(kinds('normal', s)).not.toContain('de-escalate');
    expect(kinds('hard', s)).not.toContain('de-escalate');
    // Easy reckons no treasury but sees an empty one (less in hand than the bill): it holds too (issue 14's pass of 7 December).
    expect(kinds('easy', s)).not.toContain('de-escalate');
    // With this fortnight's bill in hand but a treasury that runs out before the end, normal and hard still hold; easy,
    // which does not look past the bill, sees the LNA hold its own (confidence 76) and scales back.
    const paid = structuredClone(s);
    paid.sides.lna.money = upkeepOf(sirte, paid, 'lna') + 1;
    expect(kinds('normal', paid)).not.toContain('de-escalate');
    expect(kinds('hard', paid)).not.toContain('de-escalate');
    expect(kinds('easy', paid)).toContain('de-escalate');
    // At the first rung, normal climbs to the money rungs in time for a treasury that runs dry, and its reason says so.
    const low = structuredClone(paid);
    low.backers.uae!.commitment = 1;
    const climb = aiOrders(sirte, low, 'backer:uae', 'normal');
    expect(climb.orders.map((o) => o.kind)).toContain('escalate');
    const why = climb.reasonMsgs.find((r) => r.key === 'reasons.seat.rescue');
    expect(why?.values.whyMsg).toBe('reasons.seat.why.dry');
    expect(messageText(why!, sirte)).toMatch(/^United Arab Emirates stepped up to advisers and mercenaries to keep LNA from defeat: LNA's treasury runs dry before the end \(\$\d+M in hand, a bill of \$\d+M a fortnight\)\.$/);
    // Once exposed, or with the embargo watched closely (odds of exposure above 20%), hard ships nothing.
    const exposed = structuredClone(s);
    exposed.backers.uae!.exposures = 1;
    expect(kinds('hard', exposed)).not.toContain('deliver-arms');
    const watched = structuredClone(s);
    watched.country.embargoEnforcement = 40;
    expect(kinds('hard', watched)).not.toContain('deliver-arms');
  });

  it('the AI in a backer’s seat: a client that can pay from its income is not broke', () => {
    // The LNA's patrons send more than its bill at the start: with nothing in hand it still pays its forces.
    const s = game('backer:uae');
    s.sides.lna.money = 0;
    const kinds = aiOrders(sirte, s, 'backer:uae', 'hard').orders.map((o) => o.kind);
    expect(kinds).not.toContain('deliver-arms');
    expect(kinds).not.toContain('escalate');
  });

  it('the AI in a backer’s seat: lobbies against the rival at the top of its ladder (easy from rung 2), unless it counts its money (not easy)', () => {
    const lobbies = (role: PlayerRole, level: 'easy' | 'normal' | 'hard', st: State) =>
      aiOrders(sirte, st, role, level).orders.some((o) => o.kind === 'pressure-rival' && o.backer === 'turkey');
    const s = game('backer:uae');
    s.backers.turkey!.commitment = 1;
    for (const level of ['easy', 'normal', 'hard'] as const) expect(lobbies('backer:uae', level, s), level).toBe(false);
    s.backers.turkey!.commitment = 2;
    expect(lobbies('backer:uae', 'easy', s)).toBe(true);
    expect(lobbies('backer:uae', 'normal', s)).toBe(false);
    expect(lobbies('backer:uae', 'hard', s)).toBe(false);
    s.backers.turkey!.commitment = 4;
    for (const level of ['easy', 'normal', 'hard'] as const) expect(lobbies('backer:uae', level, s), level).toBe(true);
    // Egypt values money (60), and normal and hard count what the campaigns cost; easy, which does not, lobbies as any
    // other seat (issue 14's pass of 7 December: its easy over random orders 89 → 92%). But Egypt's score weighs regional
    // calm above its costs (escalation 30, stability 20): normal and hard lobby against Turkey from the drones rung (3),
    // where it faces Egypt's side and the pair adds to the escalation (issue 14's pass of 8 December, helper branch
    // ladder21: Egypt's normal over easy 54 → 67% on fresh2). Russia's score weighs its costs above calm (30, 20): not it.
    const e = game('backer:egypt');
    e.backers.turkey!.commitment = 2;
    expect(lobbies('backer:egypt', 'easy', e)).toBe(true);
    for (const level of ['normal', 'hard'] as const) expect(lobbies('backer:egypt', level, e), level).toBe(false);
    for (const rung of [3, 4]) {
      e.backers.turkey!.commitment = rung;
      for (const level of ['easy', 'normal', 'hard'] as const) expect(lobbies('backer:egypt', level, e), `${level} at ${rung}`).toBe(true);
      expect(aiOrders(sirte, e, 'backer:egypt', 'historical').orders.some((o) => o.kind === 'pressure-rival'), 'historical').toBe(false);
    }
    const r = game('backer:russia');
    r.backers.turkey!.commitment = 4;
    expect(lobbies('backer:russia', 'easy', r)).toBe(true);
    for (const level of ['normal', 'hard'] as const) expect(lobbies('backer:russia', level, r), level).toBe(false);
  });

  it('the AI in a backer’s seat: presses a client losing heart to fight on (confidence below 50), at every level (hard after its lobbying)', () => {
    const pushes = (level: 'easy' | 'normal' | 'hard', st: State) => aiOrders(sirte, st, 'backer:turkey', level).orders.some((o) => o.kind === 'push-client');
    const s = game();
    s.sides.gna.confidence = 45;
    for (const level of ['easy', 'normal'] as const) expect(pushes(level, s), level).toBe(true);
    // Hard lobbies first (here against the UAE) and, with its step down, has no order left for the push.
    expect(aiOrders(sirte, s, 'backer:turkey', 'hard').orders.map((o) => o.kind)).toEqual(['de-escalate', 'pressure-rival']);
    const calm = structuredClone(s);
    calm.backers.uae!.commitment = 1;
    expect(pushes('hard', calm)).toBe(true);
    s.sides.gna.confidence = 60;
    for (const level of ['easy', 'normal', 'hard'] as const) expect(pushes(level, s), level).toBe(false);
  });

  it('the AI in a backer’s seat: scales back a client out of trouble (hard at any confidence, normal from 40), not one in trouble', () => {
    const s = game('backer:russia');
    s.turn = sirte.turns - 3;
    s.sides.lna.confidence = 35;
    s.sides.lna.money = 2000;
    s.backers.russia!.commitment = 2;
    const steps = (level: 'normal' | 'hard', st: State) => aiOrders(sirte, st, 'backer:russia', level).orders.some((o) => o.kind === 'de-escalate');
    expect(steps('hard', s)).toBe(true);
    expect(steps('normal', s)).toBe(false);
    const holding = structuredClone(s);
    holding.sides.lna.confidence = 50;
    expect(steps('normal', holding)).toBe(true);
    const losing = structuredClone(s);
    losing.sides.lna.confidence = 10;
    expect(steps('hard', losing)).toBe(false);
  });

  it('the AI in a backer’s seat: late in the game, buys no rung for a client’s mood, only for its capital in danger', () => {
    const s = game('backer:russia');
    s.sides.lna.confidence = 10;
    s.sides.lna.money = 2000;
    s.backers.russia!.commitment = 1;
    const climbs = (st: State) => aiOrders(sirte, st, 'backer:russia', 'normal').orders.some((o) => o.kind === 'escalate');
    expect(climbs(s)).toBe(true);
    const late = structuredClone(s);
    late.turn = sirte.turns - 2;
    expect(climbs(late)).toBe(false);
  });

  it('computer backers never carry the fields of a person’s seat', () => {
    let s = game();
    for (let t = 0; t < 5 && !s.ending; t++) s = turn(s, [{ actor: T, kind: 'pressure-rival', backer: 'russia' }]).state;
    for (const [id, b] of Object.entries(s.backers)) {
      if (id === 'turkey') continue;
      expect(Object.keys(b).sort()).toEqual(['arrived', 'commitment', 'lastChange', 'peak', 'pressure', 'spent']);
    }
  });
});

/** Random legal orders for a person's backer, up to its budget. */
function randomBackerOrders(scenario: Scenario, state: State, role: PlayerRole, rng: Rng): Order[] {
  const chosen: Order[] = [];
  const legal = legalOrders(scenario, state, role as Order['actor']);
  for (let i = 0; i < 3; i++) {
    const options = legal.filter((o) => checkLegalOrder(scenario, state, o, chosen, true).ok);
    if (!options.length) break;
    chosen.push(rng.pick(options));
  }
  return chosen;
}

describe('fuzzer: a person’s backer', () => {
  it('1,000 games with random legal orders for Turkey, Russia, the UAE and Egypt in turn keep every invariant', () => {
    const failures: string[] = [];
    const kinds = new Set<string>();
    for (let g = 0; g < 1000 && failures.length < 5; g++) {
      const role = FOUR[g % 4]!;
      const scenario = SCENARIOS[Math.floor(g / 4) % SCENARIOS.length]!;
      const rng = Rng.fromSeed(`backer-fuzz-${g}`);
      let state = newGame(scenario, `backer-fuzz-${g}`, [role]);
      for (let t = 0; !state.ending; t++) {
        if (t > scenario.turns) {
          failures.push(`game ${g} did not end`);
          break;
        }
        const mine = randomBackerOrders(scenario, state, role, rng);
        for (const o of mine) kinds.add(o.kind);
        const ai = otherActorsOrders(scenario, state, role);
        const orders = [...mine, ...ai.orders];
        const { state: next, report } = resolveTurn(scenario, state, orders, ai.reasonMsgs);
        const problems = checkInvariants(scenario, state, orders, next, report);
        if (report.rejected.length) problems.push(`legal orders were rejected: ${JSON.stringify(report.rejected[0])}`);
        const b = next.backers[role.slice(7)]!;
        const def = scenario.backers.find((x) => x.id === role.slice(7))!;
        if (b.commitment < 0 || b.commitment > def.maxCommitment) problems.push(`commitment ${b.commitment} out of 0..${def.maxCommitment}`);
        if (b.pressure < 0 || b.pressure > 100) problems.push(`pressure ${b.pressure}`);
        if ((b.redLines?.length ?? 0) > 3) problems.push(`${b.redLines?.length} red lines`);
        if (problems.length) failures.push(`${scenario.id} game ${g} (${role}), turn ${state.turn}: ${problems.slice(0, 3).join('; ')}`);
        state = next;
      }
      const score = roleScore(scenario, state, role);
      if (!score || !Number.isInteger(score.total) || score.total < 0 || score.total > 100) failures.push(`game ${g}: bad score ${JSON.stringify(score)}`);
    }
    expect(failures).toEqual([]);
    // Every order of the seat was tried somewhere (a request comes only when the computer's client runs short of money: tested above).
    for (const k of ['escalate', 'de-escalate', 'restrain-client', 'push-client', 'deliver-arms', 'declare-red-line', 'deny-deployment', 'admit-deployment', 'answer-mediator', 'pressure-rival']) {
      expect(kinds.has(k), k).toBe(true);
    }
  }, 600_000);
});
