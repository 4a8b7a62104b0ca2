// The tutorial: its steps are data (levels/scenarios/tutorial.json, checked by the schema),
// the overlay's rule for "this step is done" is a pure function, and a new player who does
// what the steps say and then attacks when the odds are good wins most games.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEVELS, loadScenarioFile, mapFiles } from '../src/cli/files.ts';
import { checkOrder, legalOrders, loadScenario, newGame, type Order, otherActorsOrders, playGame, resolveTurn, type Scenario, type State } from '../src/sim/index.ts';
import type { TutorialGoal } from '../src/sim/types.ts';
import { goalReached, orderPlaces, resumeIndex, type TutorialProgress } from '../src/ui/tutorial.ts';

function tutorial(): Scenario {
  const loaded = loadScenarioFile('tutorial');
  if (!loaded.ok) throw new Error(loaded.error.map((p) => `${p.path}: ${p.message}`).join('; '));
  return loaded.value;
}

const attack: Order = { actor: 'gna', kind: 'attack', from: 'tripoli', target: 'tripoli-airport' };
const propose = { actor: 'gna', kind: 'propose-ceasefire', terms: { monitors: false, withdrawal: false, oilReopened: false, foreignFightersLeave: false } } as unknown as Order;
const progress = (p: Partial<TutorialProgress>): TutorialProgress => ({ selected: null, queued: [], turn: 1, done: new Set(), ...p });

describe('when a tutorial step is done', () => {
  it.each<[string, TutorialGoal, TutorialProgress, boolean]>([
    ['next is never done by itself', { kind: 'next' }, progress({ turn: 9, selected: 'tripoli', queued: [attack] }), false],
    ['select: the place is selected', { kind: 'select', place: 'tripoli' }, progress({ selected: 'tripoli' }), true],
    ['select: another place is selected', { kind: 'select', place: 'tripoli' }, progress({ selected: 'mitiga' }), false],
    ['select: nothing is selected', { kind: 'select', place: 'tripoli' }, progress({}), false],
    ['queue: the order is queued against the place', { kind: 'queue', order: 'attack', place: 'tripoli-airport' }, progress({ queued: [attack] }), true],
    ['queue: the order is queued from the place', { kind: 'queue', order: 'attack', place: 'tripoli' }, progress({ queued: [attack] }), true],
    ['queue: the order is aimed elsewhere', { kind: 'queue', order: 'attack', place: 'gharyan' }, progress({ queued: [attack] }), false],
    ['queue: another kind of order', { kind: 'queue', order: 'fortify', place: 'tripoli' }, progress({ queued: [attack] }), false],
    ['queue: any order of the kind', { kind: 'queue', order: 'propose-ceasefire' }, progress({ queued: [attack, propose] }), true],
    ['queue: nothing queued', { kind: 'queue', order: 'propose-ceasefire' }, progress({}), false],
    ['turn: reached', { kind: 'turn', turn: 2 }, progress({ turn: 2 }), true],
    ['turn: passed', { kind: 'turn', turn: 2 }, progress({ turn: 4 }), true],
    ['turn: not yet', { kind: 'turn', turn: 3 }, progress({ turn: 2 }), false],
    ['report: opened', { kind: 'report' }, progress({ done: new Set(['report']) }), true],
    ['report: only the glossary opened', { kind: 'report' }, progress({ done: new Set(['glossary']) }), false],
    ['glossary: opened', { kind: 'glossary' }, progress({ done: new Set(['glossary']) }), true],
    ['glossary: not opened', { kind: 'glossary' }, progress({}), false],
  ])('%s', (_label, goal, p, expected) => {
    expect(goalReached(goal, p)).toBe(expected);
  });

  it.each<[Order, string[]]>([
    [attack, ['tripoli', 'tripoli-airport']],
    [{ actor: 'gna', kind: 'fortify', place: 'tripoli' }, ['tripoli']],
    [{ actor: 'gna', kind: 'move', formation: 'rada', to: 'tripoli' }, ['tripoli']],
    [propose, []],
  ])('orderPlaces(%j)', (order, places) => {
    expect(orderPlaces(order).sort()).toEqual(places.sort());
  });
});

describe('a tutorial game opened at a later turn resumes after the turns already played', () => {
  const steps = tutorial().tutorial ?? [];
  const at = (id: string) => steps.findIndex((s) => s.id === id);
  it.each<[number, string]>([
    [1, 'welcome'],
    [2, 'report'],
    [3, 'goal'],
    [7, 'goal'],
  ])('turn %i → step "%s"', (turn, id) => {
    expect(resumeIndex(steps, turn)).toBe(at(id));
  });
});

/** A new player: does what the steps ask on turns 1 and 2, then attacks when the odds are at least even and brings fighters up. */
function newPlayer(sc: Scenario, state: State): Order[] {
  const legal = legalOrders(sc, state, 'gna');
  const out: Order[] = [];
  const odds = (o: Order) => {
    const c = checkOrder(sc, state, o, out);
    return c.ok ? (c.value.odds ?? 0) : -1;
  };
  const add = (o: Order | undefined) => {
    if (o && out.length < sc.rules.orderBudget.gna && checkOrder(sc, state, o, out).ok) out.push(o);
  };
  const attacks = legal.filter((o): o is Extract<Order, { kind: 'attack' }> => o.kind === 'attack').sort((a, b) => odds(b) - odds(a));
  if (state.turn === 1) add(attacks.find((o) => o.target === 'tripoli-airport' && o.from === 'tripoli'));
  if (state.turn === 2) add(legal.find((o) => o.kind === 'propose-ceasefire'));
  if (state.turn >= 3) for (const a of attacks) if (odds(a) >= 50) add(a);
  for (const o of legal) if (o.kind === 'move' && o.to === 'tripoli-airport') add(o);
  return out;
}

describe('the tutorial scenario', () => {
  const sc = tutorial();

  it('is short, on a small slice of the map, played as the GNA, and first-time friendly', () => {
    expect(sc.turns).toBeGreaterThanOrEqual(5);
    expect(sc.turns).toBeLessThanOrEqual(8);
    expect(sc.map.places.length).toBeLessThanOrEqual(10);
    expect(sc.playable).toEqual(['gna']);
  });

  it('teaches selecting a place, orders and their odds, talks, the turn report and the glossary, step by step', () => {
    const goals = (sc.tutorial ?? []).map((s) => s.goal);
    expect(goals.some((g) => g.kind === 'select')).toBe(true);
    expect(goals.some((g) => g.kind === 'queue' && g.order === 'attack')).toBe(true);
    expect(goals.some((g) => g.kind === 'queue' && g.order === 'propose-ceasefire')).toBe(true);
    expect(goals.some((g) => g.kind === 'turn')).toBe(true);
    expect(goals.some((g) => g.kind === 'report')).toBe(true);
    expect(goals.some((g) => g.kind === 'glossary')).toBe(true);
    // The steps come in the order of play: a turn goal never goes back.
    const turns = goals.flatMap((g) => (g.kind === 'turn' ? [g.turn] : []));
    expect(turns).toEqual([...turns].sort((a, b) => a - b));
  });

  it('every order a step asks for can be given when the step comes up', () => {
    // Turn 1: the attack on the old airport from Tripoli.
    const first = newGame(sc, 'steps', ['gna']);
    expect(first.turn).toBe(1);
    expect(legalOrders(sc, first, 'gna')).toContainEqual(attack);
    expect(checkOrder(sc, first, attack).ok).toBe(true);
    // Turn 2 (after the first turn as the steps play it): a ceasefire proposal.
    const { state: second } = resolveTurn(sc, first, [attack, ...otherActorsOrders(sc, first, 'gna').orders]);
    expect(second.turn).toBe(2);
    expect(legalOrders(sc, second, 'gna').some((o) => o.kind === 'propose-ceasefire')).toBe(true);
  });

  it('a new player who follows the steps wins most games, and rarely loses the capital', () => {
    const endings: Record<string, number> = {};
    for (let g = 1; g <= 100; g++) {
      const { state } = playGame(sc, `tutorial-${g}`, { role: 'gna', policy: newPlayer });
      const key = `${state.ending?.kind}:${state.ending?.winner ?? ''}`;
      endings[key] = (endings[key] ?? 0) + 1;
    }
    expect(endings['military-victory:gna'] ?? 0, JSON.stringify(endings)).toBeGreaterThan(50);
    expect(endings['military-victory:lna'] ?? 0, JSON.stringify(endings)).toBeLessThan(10);
  });
});

describe('tutorial steps in the scenario file are checked', () => {
  const raw = () => JSON.parse(readFileSync(join(LEVELS, 'scenarios/tutorial.json'), 'utf8')) as { tutorial: Record<string, unknown>[]; turns: number };
  const problems = (data: unknown) => {
    const r = loadScenario({ file: 'tutorial.json', data }, mapFiles());
    return r.ok ? [] : r.error.map((p) => `${p.path}: ${p.message}`);
  };

  it('the file as shipped loads', () => {
    expect(problems(raw())).toEqual([]);
  });

  it.each<[string, (t: ReturnType<typeof raw>) => void, RegExp]>([
    ['a goal of an unknown kind', (t) => ((t.tutorial[0] as Record<string, unknown>).goal = { kind: 'dance' }), /tutorial\.0\.goal/],
    ['a place the map does not have', (t) => ((t.tutorial[1] as Record<string, unknown>).goal = { kind: 'select', place: 'sirt' }), /tutorial\.1\.goal\.place: .*sirt/],
    ['an order kind that does not exist', (t) => ((t.tutorial[2] as Record<string, unknown>).goal = { kind: 'queue', order: 'nuke' }), /tutorial\.2\.goal\.order/],
    ['a turn after the last', (t) => ((t.tutorial[3] as Record<string, unknown>).goal = { kind: 'turn', turn: t.turns + 1 }), /tutorial\.3\.goal\.turn: turn 9 is after the last turn/],
    ['a step id used twice', (t) => ((t.tutorial[1] as Record<string, unknown>).id = t.tutorial[0]?.id), /step id "welcome" is used more than once/],
    ['an empty list of steps', (t) => (t.tutorial = []), /tutorial: .*at least one step/],
    ['an unknown highlight', (t) => ((t.tutorial[0] as Record<string, unknown>).highlight = 'everything'), /tutorial\.0\.highlight/],
    ['an extra key', (t) => ((t.tutorial[0] as Record<string, unknown>).colour = 'red'), /tutorial\.0/],
  ])('rejects %s with a message naming it', (_label, breakIt, message) => {
    const data = raw();
    breakIt(data);
    const found = problems(data);
    expect(found.join('\n')).toMatch(message);
  });
});
