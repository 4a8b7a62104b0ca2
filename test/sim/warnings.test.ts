// Warnings before the turn ends (src/sim/warnings.ts), and that each warning tells what the rules
// then do: a starting place next to enemy forces, with who strikes first this fortnight; an attack
// under a truce in force, or under one the player accepts this fortnight (a decision or a "yes"
// to the proposal on the table); an attack on a place a backer of the defender has declared a
// red line, and where its fall would leave the region (rules version 7). Air strikes are not
// violations of a truce, and get no truce warning.
import { describe, expect, it } from 'vitest';
import { loadScenario, newGame, type Order, resolveTurn, type State } from '../../src/sim/index.ts';
import { escalationIndex } from '../../src/sim/rules/backers.ts';
import { BAD_FAITH_TRUST } from '../../src/sim/rules/talks.ts';
import { orderWarnings, VIOLATION_LEGITIMACY, VIOLATION_TRUST } from '../../src/sim/warnings.ts';
import { messageText } from '../../src/ui/report-text.ts';
import { told } from '../english.ts';
import { mini, miniMap, miniScenarioFile } from '../fixtures/mini.ts';

const humans = ['gna', 'lna', 'mediator'] as const;
const fresh = (seed = 'warn'): State => ({ ...newGame(mini, seed, [...humans]), pending: [] });
const attack: Order = { actor: 'gna', kind: 'attack', from: 'west-town', target: 'front-city' };
const fortify: Order = { actor: 'gna', kind: 'fortify', place: 'west-capital' } as Order;
const kinds = (w: { kind: string }[]) => w.map((x) => x.kind);

describe('warnings before the turn ends', () => {
  it.each<[string, (s: State) => void, Order[], string[]]>([
    // Turn 1: the GNA strikes first, so its first attack cannot lose its start (see below).
    // A red line gets two: the patron's line, and where the place's fall would leave the region.
    ['an attack on a red line', () => {}, [attack], ['red-line', 'red-line']],
    ['an attack from a place next to enemy forces, on the LNA’s turn to strike first', (s) => (s.turn = 2), [attack], ['may-fall-first', 'red-line', 'red-line']],
    ['an order with no starting place at risk', () => {}, [fortify], []],
    ['a move: moves come before the fighting', () => {}, [{ actor: 'gna', kind: 'move', formation: 'west-brigade', to: 'west-capital' } as Order], []],
    ['an attack under a truce in force', (s) => (s.talks.stage = 'truce'), [attack], ['breaks-truce', 'red-line', 'red-line']],
    ['an air strike under a truce: not a violation', (s) => (s.talks.stage = 'truce'), [{ actor: 'gna', kind: 'airstrike', target: 'front-city' } as Order], []],
    [
      'an attack while saying yes to the proposal on the table',
      (s) => (s.talks.proposal = { by: 'lna', terms: { freezeLines: true, heavyWeaponsOut: false, foreignFightersOut: false, monitors: true, oilReopened: true, revenueShared: false }, turn: s.turn - 1 }),
      [{ actor: 'gna', kind: 'answer-ceasefire', accept: true }, attack],
      ['bad-faith', 'red-line', 'red-line'],
    ],
  ])('%s', (_label, setup, queue, expected) => {
    const s = fresh();
    setup(s);
    expect(kinds(orderWarnings(mini, s, 'gna', queue))).toEqual(expected);
  });

  it('follows who strikes first (the GNA on odd turns, the LNA on even ones) and the order of attacks, as combatPhase does', () => {
    const s = fresh();
    const second: Order = { actor: 'gna', kind: 'attack', from: 'west-town', target: 'front-city' };
    const fallFirst = (turn: number, queue: Order[]) => {
      s.turn = turn;
      return orderWarnings(mini, s, 'gna', queue).filter((w) => w.kind === 'may-fall-first');
    };
    // Turn 1, the GNA first: its first attack goes in before any of the LNA's.
    expect(fallFirst(1, [attack])).toEqual([]);
    expect(fallFirst(1, [attack, second]).map((w) => [w.order, messageText(w.msg, mini).match(/\(([^)]*)\)\.$/)?.[1]])).toEqual([[1, 'this is your attack number 2: one enemy attack goes in before it']]);
    // Turn 2, the LNA first.
    expect(fallFirst(2, [attack]).map((w) => messageText(w.msg, mini))).toEqual([
      'LNA forces stand next to West Town (at Front City): if West Town falls first, this attack will not go ahead (this fortnight the LNA strikes first).',
    ]);
  });

  it('an attack whose start falls first does not go ahead, as the warning says', () => {
    // Turn 2, the LNA first: its attack takes West Town (made certain by emptying it), then the GNA's from there has no one left.
    const s = fresh();
    s.turn = 2;
    for (const f of s.formations) if (f.location === 'west-town') f.strength = 0;
    s.formations.find((f) => f.id === 'west-brigade')!.strength = 1;
    const lnaAttack: Order = { actor: 'lna', kind: 'attack', from: 'front-city', target: 'west-town' };
    expect(orderWarnings(mini, s, 'gna', [attack]).some((w) => w.kind === 'may-fall-first')).toBe(true);
    const { report } = resolveTurn(mini, s, [attack, lnaAttack]);
    const lnaWon = report.events.some((e) => e.detail?.type === 'battle' && e.detail.attacker === 'lna' && e.detail.won);
    if (lnaWon) expect(report.events.some((e) => /The GNA attack on Front City did not go ahead: no forces were left at West Town/.test(told(e, mini)))).toBe(true);
  });

  it('an air strike under a truce is not counted a violation by the rules either', () => {
    const s = fresh();
    s.talks.stage = 'truce';
    s.talks.trust = 80;
    const { state, report } = resolveTurn(mini, s, [{ actor: 'gna', kind: 'airstrike', target: 'front-city' } as Order]);
    expect(report.events.some((e) => /GNA forces attacked during the truce/.test(told(e, mini)))).toBe(false);
    expect(state.talks.violations).toBeLessThanOrEqual(1);
  });

  it('the mediator gets none', () => {
    expect(orderWarnings(mini, fresh(), 'mediator', [{ actor: 'mediator', kind: 'shuttle-diplomacy' } as Order])).toEqual([]);
  });

  it('a truce in force: the attack is counted a violation, trust and legitimacy fall as the warning says', () => {
    const s = fresh();
    s.talks.stage = 'truce';
    s.talks.trust = 80;
    s.talks.monitors = true;
    const text = messageText(orderWarnings(mini, s, 'gna', [attack]).find((w) => w.kind === 'breaks-truce')!.msg, mini);
    expect(text).toContain(`Trust falls ${VIOLATION_TRUST} points and your legitimacy ${VIOLATION_LEGITIMACY}`);
    const { state, report } = resolveTurn(mini, s, [attack]);
    expect(state.talks.violations).toBeGreaterThanOrEqual(1);
    expect(report.events.some((e) => /GNA forces attacked during the truce: trust fell by 10 points/.test(told(e, mini)))).toBe(true);
  });

  it('a truce accepted by a decision starts as the fortnight begins: the attack is a violation', () => {
    const file = miniScenarioFile() as { events: { id: string; choice?: { options: { id: string; effects: unknown[] }[] } }[] };
    const call = file.events.find((e) => e.id === 'truce-call')!;
    call.choice!.options[0]!.effects = [{ kind: 'talks', stage: 'truce' }];
    const scenario = loadScenario({ file: 'mini', data: file }, [{ file: 'mini-map', data: miniMap() }]);
    if (!scenario.ok) throw new Error(JSON.stringify(scenario.error));
    const s = newGame(scenario.value, 'warn', [...humans]);
    const pending = s.pending.find((p) => p.event === 'truce-call');
    expect(pending, 'the test scenario opens with its call for a truce').toBeDefined();
    const role = pending!.role as 'gna' | 'lna';
    const mine: Order = role === 'gna' ? attack : { actor: 'lna', kind: 'attack', from: 'front-city', target: 'west-town' };
    const queue: Order[] = [{ actor: role, kind: 'event-choice', event: 'truce-call', option: 'accept' }, mine];
    const w = orderWarnings(scenario.value, s, role, queue).find((x) => x.kind === 'breaks-truce');
    expect(w && messageText(w.msg, scenario.value)).toMatch(/^The truce you are accepting starts as the fortnight begins: this is a violation/);
    const { report } = resolveTurn(scenario.value, s, queue);
    expect(report.events.some((e) => /attacked during the truce: trust fell by/.test(told(e, mini)))).toBe(true);
  });

  it('a yes to the proposal on the table: if agreed, the truce starts in bad faith, as the warning says', () => {
    const s = fresh();
    s.talks.stage = 'talks';
    s.talks.trust = 60;
    s.talks.proposal = { by: 'lna', terms: { freezeLines: true, heavyWeaponsOut: false, foreignFightersOut: false, monitors: true, oilReopened: true, revenueShared: false }, turn: s.turn - 1 };
    const queue: Order[] = [{ actor: 'gna', kind: 'answer-ceasefire', accept: true }, attack];
    expect(messageText(orderWarnings(mini, s, 'gna', queue).find((w) => w.kind === 'bad-faith')!.msg, mini)).toContain(`trust ${BAD_FAITH_TRUST} points lower`);
    const { report } = resolveTurn(mini, s, [...queue, { actor: 'lna', kind: 'answer-ceasefire', accept: true }]);
    expect(report.events.some((e) => new RegExp(`trust starts ${BAD_FAITH_TRUST} points lower`).test(told(e, mini)))).toBe(true);
  });

  it('a red line taken: regional escalation stands 10 points higher, as the warning says', () => {
    const s = fresh();
    expect(messageText(orderWarnings(mini, s, 'gna', [attack]).find((w) => w.kind === 'red-line')!.msg, mini)).toMatch(/Front City is a red line for Patron East: while you hold it, regional escalation stands 10 points higher/);
    const before = escalationIndex(mini, s);
    s.places['front-city']!.controller = 'gna';
    expect(escalationIndex(mini, s) - before).toBe(10);
  });

  it('a red line taken and answered: the warning names where the region would stand, with the patron at the top of its ladder', () => {
    const s = fresh();
    const w = orderWarnings(mini, s, 'gna', [attack]).find((x) => x.msg.key === 'orders.warning.lineTaken')!;
    const taken = structuredClone(s);
    taken.places['front-city']!.controller = 'gna';
    taken.backers['patron-east']!.commitment = mini.backers.find((b) => b.id === 'patron-east')!.maxCommitment;
    expect(w.msg.values.n).toBe(escalationIndex(mini, taken));
    expect(messageText(w.msg, mini)).toBe(
      `Taken, with Patron East answering at the top of the ladder, Front City would bring regional escalation to ${escalationIndex(mini, taken)} of 100: a regional war begins at 100, and the computer's commanders do not cross a red line from 90.`,
    );
  });
});
