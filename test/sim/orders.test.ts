// Table tests for the order checks: what is legal, and why an illegal order is refused.
import { describe, expect, it } from 'vitest';
import { checkOrder, legalOrders, newGame, type Order, resolveTurn, type State } from '../../src/sim/index.ts';
import { DISASTER_EARLY, DISASTER_PENALTY } from '../../src/sim/params.ts';
import { attackOdds } from '../../src/sim/rules/military.ts';
import { scoreAll } from '../../src/sim/rules/outcome.ts';
import { messageText } from '../../src/ui/report-text.ts';
import { mini } from '../fixtures/mini.ts';

const fresh = (): State => newGame(mini, 'orders', ['gna', 'lna', 'mediator']);

describe('checkOrder says why an order is illegal', () => {
  const s = fresh();
  it.each<[string, unknown, string]>([
    ['not an object', 'attack!', 'malformed'],
    ['an unknown kind', { actor: 'gna', kind: 'nuke', target: 'east-capital' }, 'malformed'],
    ['an extra field', { actor: 'gna', kind: 'fortify', place: 'west-town', colour: 'red' }, 'malformed'],
    ['an unknown backer actor', { actor: 'backer:atlantis', kind: 'escalate' }, 'unknown-actor'],
    ['a side giving a mediator order', { actor: 'gna', kind: 'deploy-monitors' }, 'wrong-role'],
    ['a backer giving a side order', { actor: 'backer:patron-west', kind: 'fortify', place: 'west-town' }, 'wrong-role'],
    ['moving an enemy unit', { actor: 'gna', kind: 'move', formation: 'east-guard', to: 'terminal' }, 'not-yours'],
    ['moving to a place not on a route', { actor: 'gna', kind: 'move', formation: 'west-guard', to: 'east-capital' }, 'not-adjacent'],
    ['moving into enemy ground', { actor: 'gna', kind: 'move', formation: 'west-brigade', to: 'front-city' }, 'not-yours'],
    ['moving a unit that does not exist', { actor: 'gna', kind: 'move', formation: 'ghosts', to: 'west-town' }, 'unknown-formation'],
    ['attacking from a place with no forces', { actor: 'gna', kind: 'attack', from: 'oasis', target: 'airbase' }, 'no-forces'],
    ['attacking a place not next to yours', { actor: 'gna', kind: 'attack', from: 'west-capital', target: 'front-city' }, 'not-adjacent'],
    ['attacking your own place', { actor: 'gna', kind: 'attack', from: 'west-capital', target: 'west-town' }, 'not-yours'],
    ['a strike with too little air power', { actor: 'gna', kind: 'airstrike', target: 'front-city' }, 'no-air'],
    ['asking a backer that is not yours', { actor: 'gna', kind: 'request-support', backer: 'patron-east' }, 'not-yours'],
    ['monitors without a truce', { actor: 'mediator', kind: 'deploy-monitors' }, 'not-now'],
    ['answering a proposal that does not exist', { actor: 'lna', kind: 'answer-ceasefire', accept: true }, 'not-now'],
    ['attending a conference that is not sitting', { actor: 'lna', kind: 'conference', attend: true }, 'not-now'],
    ['recruiting where nobody lives', { actor: 'lna', kind: 'recruit', place: 'airbase' }, 'not-now'],
    ['recruiting with no unit to take recruits', { actor: 'gna', kind: 'recruit', place: 'oasis' }, 'not-yours'],
    ['answering a choice that is not yours', { actor: 'gna', kind: 'event-choice', event: 'truce-call', option: 'accept' }, 'wrong-role'],
    ['answering a choice that does not exist', { actor: 'lna', kind: 'event-choice', event: 'no-such-event', option: 'accept' }, 'unknown-event'],
  ])('%s', (_label, order, code) => {
    const result = checkOrder(mini, s, order);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(messageText(result.error.msg, mini).length).toBeGreaterThan(10);
    }
  });

  it('the order budget and the treasury are enforced', () => {
    const queued: Order[] = [
      { actor: 'gna', kind: 'fortify', place: 'west-town' },
      { actor: 'gna', kind: 'public-messaging' },
      { actor: 'gna', kind: 'pay-salaries' },
    ];
    const over = checkOrder(mini, s, { actor: 'gna', kind: 'fortify', place: 'west-capital' }, queued);
    expect(!over.ok && over.error.code).toBe('over-budget');
    const poor = { ...s, sides: { ...s.sides, gna: { ...s.sides.gna, money: 10 } } };
    const broke = checkOrder(mini, poor, { actor: 'gna', kind: 'recruit', place: 'west-capital' });
    expect(!broke.ok && broke.error.code).toBe('no-money');
  });

  it('a humanitarian pause and an attack cannot go together', () => {
    const pause: Order = { actor: 'gna', kind: 'humanitarian-pause' };
    const attack: Order = { actor: 'gna', kind: 'attack', from: 'west-town', target: 'front-city' };
    expect(checkOrder(mini, s, attack, [pause]).ok).toBe(false);
    expect(checkOrder(mini, s, pause, [attack]).ok).toBe(false);
  });

  it('a legal attack shows its odds and risks before it is committed', () => {
    const result = checkOrder(mini, s, { actor: 'gna', kind: 'attack', from: 'west-town', target: 'front-city' });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.odds).toBeGreaterThan(0);
      expect(result.value.riskMsgs.map((r) => messageText(r, mini)).join(' ')).toMatch(/civilians/);
      expect(result.value.money).toBeGreaterThan(0);
    }
  });
});

describe('legalOrders', () => {
  it('lists only orders that pass checkOrder, for every actor', () => {
    const s = newGame(mini, 'legal');
    for (const actor of ['gna', 'lna', 'mediator', 'backer:patron-west', 'backer:patron-east'] as const) {
      const orders = legalOrders(mini, s, actor);
      expect(orders.length).toBeGreaterThan(0);
      for (const o of orders) expect(checkOrder(mini, s, o).ok).toBe(true);
    }
  });

  it('offers the pending choice to the role that must make it', () => {
    const s = newGame(mini, 'choice');
    expect(s.pending.map((p) => p.event)).toEqual(['truce-call']);
    const kinds = legalOrders(mini, s, 'lna').filter((o) => o.kind === 'event-choice');
    expect(kinds).toHaveLength(2);
    expect(legalOrders(mini, s, 'gna').some((o) => o.kind === 'event-choice')).toBe(false);
  });

  it('offers nothing once the game is over', () => {
    const s = { ...newGame(mini, 'over'), ending: { kind: 'time-out', winner: null, turn: 1, text: '', scores: {} } } as unknown as State;
    expect(legalOrders(mini, s, 'gna')).toEqual([]);
  });
});

describe('combat', () => {
  it.each([10, 30, 60, 120])('odds grow with the attacking strength (%i)', (strength) => {
    const s = fresh();
    s.formations.find((f) => f.id === 'west-brigade')!.strength = strength;
    const weaker = fresh();
    weaker.formations.find((f) => f.id === 'west-brigade')!.strength = Math.max(1, Math.floor(strength / 2));
    expect(attackOdds(mini, s, 'gna', 'west-town', 'front-city').odds).toBeGreaterThanOrEqual(attackOdds(mini, weaker, 'gna', 'west-town', 'front-city').odds);
  });

  it('digging in lowers the attacker\'s odds', () => {
    const s = fresh();
    const dug = fresh();
    dug.formations.find((f) => f.id === 'east-brigade')!.dug = 40;
    expect(attackOdds(mini, dug, 'gna', 'west-town', 'front-city').odds).toBeLessThan(attackOdds(mini, s, 'gna', 'west-town', 'front-city').odds);
  });

  it('a won attack changes hands, defenders retreat to their own lines, and losses are recorded', () => {
    const s = fresh();
    s.pending = [];
    s.formations.find((f) => f.id === 'west-brigade')!.strength = 300;
    const r = resolveTurn(mini, s, [{ actor: 'gna', kind: 'attack', from: 'west-town', target: 'front-city' }]);
    expect(r.state.places['front-city']!.controller).toBe('gna');
    const retreated = r.state.formations.find((f) => f.id === 'east-brigade');
    if (retreated) expect(['airbase', 'terminal']).toContain(retreated.location);
    expect(r.report.ledger.strength.lna.lost).toBeGreaterThan(0);
    expect(r.report.events.some((e) => e.detail?.type === 'control' && e.detail.place === 'front-city')).toBe(true);
  });

  it('a siege wears down the garrison and stops the oil', () => {
    // The LNA holds the oil field, cut off between West Town and the Oasis (200 km of track), both the GNA's.
    const s = fresh();
    s.pending = [];
    s.places['oil-field']!.controller = 'lna';
    s.formations.find((f) => f.id === 'field-guards')!.side = 'lna';
    s.places.oasis!.controller = 'gna';
    s.formations.find((f) => f.id === 'west-brigade')!.location = 'oasis';
    const before = s.formations.find((f) => f.id === 'field-guards')!.loyalty;
    const r = resolveTurn(mini, s, [{ actor: 'gna', kind: 'siege', target: 'oil-field' }]);
    expect(r.report.rejected).toEqual([]);
    expect(r.state.places['oil-field']!.siegedBy).toBe('gna');
    expect(r.state.formations.find((f) => f.id === 'field-guards')!.loyalty).toBeLessThan(before);
    expect(r.state.country.oilOutput).toBeLessThanOrEqual(700);
  });

  it('recruiting adds fighters in proportion to local support', () => {
    const s = fresh();
    s.pending = [];
    const r = resolveTurn(mini, s, [{ actor: 'gna', kind: 'recruit', place: 'west-capital' }]);
    expect(r.report.ledger.strength.gna.recruited).toBe(2 + Math.floor(50 / 20));
  });
});

describe('endings', () => {
  it('taking the enemy capital is a military victory', () => {
    const s = fresh();
    s.pending = [];
    s.places['east-capital']!.controller = 'gna';
    s.formations = s.formations.filter((f) => f.location !== 'east-capital');
    const r = resolveTurn(mini, s, []);
    expect(r.state.ending?.kind).toBe('military-victory');
    expect(r.state.ending?.winner).toBe('gna');
    expect(r.state.ending?.scores.gna.total).toBeGreaterThan(r.state.ending!.scores.lna.total);
  });

  it('civilian deaths past the threshold are a humanitarian catastrophe', () => {
    const s = fresh();
    s.country.civilianCasualties = 5000;
    expect(resolveTurn(mini, s, []).state.ending?.kind).toBe('catastrophe');
  });

  it('escalation at the top is a regional war', () => {
    const s = fresh();
    s.country.escalation = 100;
    s.backers['patron-west']!.commitment = 4;
    s.backers['patron-east']!.commitment = 4;
    expect(resolveTurn(mini, s, []).state.ending?.kind).toBe('regional-war');
  });

  it('a side that cannot pay for turn after turn collapses', () => {
    const s = fresh();
    s.sides.lna.unpaidTurns = 3;
    s.sides.lna.money = 0;
    s.backers['patron-east']!.commitment = 0;
    s.formations.find((f) => f.id === 'east-guard')!.strength = 400;
    const r = resolveTurn(mini, s, []);
    expect(r.state.ending?.kind).toBe('collapse');
    expect(r.state.ending?.winner).toBe('gna');
  });

  it('the last turn ends the game', () => {
    const s = fresh();
    s.turn = mini.turns;
    expect(resolveTurn(mini, s, []).state.ending?.kind).toMatch(/time-out|frozen-conflict/);
  });
});

describe('a disaster ending costs more the earlier it comes', () => {
  it.each([
    ['on the last turn: the base penalty', 10, 0],
    ['halfway', 5, Math.round((DISASTER_EARLY * 5) / 10)],
    ['on turn 1', 1, Math.round((DISASTER_EARLY * 9) / 10)],
  ])('%s', (_label, turn, extra) => {
    const s = fresh();
    s.turn = turn;
    const calm = scoreAll(mini, s, 'frozen-conflict', null);
    const war = scoreAll(mini, s, 'regional-war', null);
    for (const role of ['gna', 'lna', 'mediator'] as const) expect(calm[role].total - war[role].total, role).toBe(DISASTER_PENALTY + extra);
  });
});
