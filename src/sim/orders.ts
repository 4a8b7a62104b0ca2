// Asking, not doing: which orders an actor may give now (legalOrders), and for one order,
// what it costs and risks — or why it is not allowed (checkOrder).
import * as v from 'valibot';
import { BACKER_BUDGET, DEFECT_MARGIN, EXTORT_MIN, LARGE_CITY_POP, orderCost, SIEGE_REACH_KM } from './params.ts';
import { defendersOf, effectiveAir, formationsAt, hasForcesAt, talksIndex } from './query.ts';
import { backerOrderCheck } from './rules/backer-orders.ts';
import { requestOdds } from './rules/backers.ts';
import { airstrikeOdds, attackOdds, bribeOdds, homeBound } from './rules/military.ts';
import { CEASEFIRE_TERMS, conferenceOdds, DEFAULT_TERMS, OIL_DEAL_HELD, OIL_DEAL_TERMS, oilDealOpen, oilDealShare, oilDealTalks, termCodes } from './rules/talks.ts';
import { m } from './said.ts';
import type { Actor, CeasefireTerms, Order, OrderPreview, OrderProblem, PlayerRole, ReportMessage, Result, Role, Scenario, SideId, State } from './types.ts';
import { isAdjacent, other, siegeBlocker, supplyReachPct, type World, worldOf } from './world.ts';

const id = v.pipe(v.string(), v.maxLength(80));
const actor = v.pipe(v.string(), v.regex(/^(gna|lna|mediator|(backer|group):[a-z0-9-]{1,60})$/, 'unknown actor'));
const terms = v.strictObject({
  freezeLines: v.boolean(),
  heavyWeaponsOut: v.boolean(),
  foreignFightersOut: v.boolean(),
  monitors: v.boolean(),
  oilReopened: v.boolean(),
  revenueShared: v.boolean(),
});
const o = <K extends string, E extends v.ObjectEntries>(kind: K, entries: E) => v.strictObject({ actor, kind: v.literal(kind), ...entries });

/** The shape of an order, for input that comes from outside (replays, links, saves). */
export const orderSchema = v.variant('kind', [
  o('move', { formation: id, to: id }),
  o('attack', { from: id, target: id }),
  o('fortify', { place: id }),
  o('airstrike', { target: id }),
  o('siege', { target: id }),
  o('recruit', { place: id }),
  o('request-support', { backer: id }),
  o('buy-loyalty', { formation: id }),
  o('withdraw', { from: id, to: id }),
  o('oil-terminals', { open: v.boolean() }),
  o('pay-salaries', {}),
  o('public-messaging', {}),
  o('humanitarian-pause', {}),
  o('prisoner-exchange', {}),
  o('propose-ceasefire', { terms }),
  o('answer-ceasefire', { accept: v.boolean() }),
  o('conference', { attend: v.boolean() }),
  o('shuttle-diplomacy', {}),
  o('convene-conference', {}),
  o('enforce-embargo', {}),
  o('sanction-spoiler', { formation: id }),
  o('pressure-backer', { backer: id }),
  o('humanitarian-corridor', { place: id }),
  o('deploy-monitors', {}),
  o('political-track', {}),
  o('escalate', {}),
  o('de-escalate', {}),
  o('restrain-client', {}),
  o('push-client', {}),
  o('answer-request', { accept: v.boolean() }),
  o('deliver-arms', {}),
  o('declare-red-line', { place: id }),
  o('deny-deployment', {}),
  o('admit-deployment', {}),
  o('answer-mediator', { accept: v.boolean() }),
  o('pressure-rival', { backer: id }),
  o('raid', { target: id }),
  o('extort', {}),
  o('defect', {}),
  o('event-choice', { event: id, option: id }),
]);

const SIDE_KINDS = new Set<Order['kind']>([
  'move',
  'attack',
  'fortify',
  'airstrike',
  'siege',
  'recruit',
  'request-support',
  'buy-loyalty',
  'withdraw',
  'oil-terminals',
  'pay-salaries',
  'public-messaging',
  'humanitarian-pause',
  'prisoner-exchange',
  'propose-ceasefire',
  'answer-ceasefire',
  'conference',
  'event-choice',
]);
const MEDIATOR_KINDS = new Set<Order['kind']>([
  'shuttle-diplomacy',
  'convene-conference',
  'enforce-embargo',
  'sanction-spoiler',
  'pressure-backer',
  'humanitarian-corridor',
  'deploy-monitors',
  'political-track',
  'propose-ceasefire',
  'event-choice',
]);
const BACKER_KINDS = new Set<Order['kind']>([
  'escalate',
  'de-escalate',
  'restrain-client',
  'push-client',
  'answer-request',
  'deliver-arms',
  'declare-red-line',
  'deny-deployment',
  'admit-deployment',
  'answer-mediator',
  'pressure-rival',
]);
/** The backer orders only a person's backer gives (the computer backers keep to the ladder and restraint). */
const PERSON_ONLY = new Set<Order['kind']>(['push-client', 'answer-request', 'deliver-arms', 'declare-red-line', 'deny-deployment', 'admit-deployment', 'answer-mediator', 'pressure-rival']);
const GROUP_KINDS = new Set<Order['kind']>(['raid', 'extort', 'defect']);

/** Term sets offered in the order list; any combination is allowed in an order. */
export const TERM_PACKAGES: readonly CeasefireTerms[] = [
  DEFAULT_TERMS,
  { freezeLines: true, heavyWeaponsOut: false, foreignFightersOut: false, monitors: false, oilReopened: false, revenueShared: false },
  { freezeLines: true, heavyWeaponsOut: true, foreignFightersOut: true, monitors: true, oilReopened: true, revenueShared: true },
  // The ceasefire that leaves the oil to a deal of its own: the computer's while a blockade holds (rules version 12).
  CEASEFIRE_TERMS,
  // The oil deal: reopen the oil with a share of its revenue, the one proposal while a ceasefire holds with a blockade (rules version 13).
  OIL_DEAL_TERMS,
];

/** Every actor of a scenario, in the fixed order orders are resolved in: the sides, the mediator, the backers, the armed groups. */
export function actorsOf(scenario: Scenario): Actor[] {
  return [...worldOf(scenario).actors];
}

export function budgetOf(scenario: Scenario, actor: Actor): number {
  // (Named fields, not orderBudget[actor]: a record read by a changing key is V8's generic keyed load, and this is asked by every check.)
  const budget = scenario.rules.orderBudget;
  if (actor === 'gna') return budget.gna;
  if (actor === 'lna') return budget.lna;
  if (actor === 'mediator') return budget.mediator;
  return actor.startsWith('backer:') ? BACKER_BUDGET : 1;
}

const TRUCE_RISK: readonly ReportMessage[] = [m('orders.risk.truce')];
const NO_RISK: readonly ReportMessage[] = [];
const NO_SUMMARY: ReportMessage = m('orders.summary.none');
/** The answer of a quick check to a legal order (its cost and preview are not worked out). */
const QUICK_OK: Result<OrderPreview, OrderProblem> = Object.freeze({ ok: true, value: Object.freeze({ budget: 0, money: 0, summaryMsg: NO_SUMMARY, riskMsgs: [] }) });
function problem(code: OrderProblem['code'], key: string, values: ReportMessage['values'] = {}): Result<OrderPreview, OrderProblem> {
  return { ok: false, error: { code, msg: { key, values } } };
}

/** The formation with this id (a plain loop: checks run many times a turn). */
function formationById(state: State, id: string): State['formations'][number] | undefined {
  for (const f of state.formations) if (f.id === id) return f;
  return undefined;
}

/** Two orders with the same fields (one level of nesting: ceasefire terms). */
function sameOrder(a: Order, b: Order): boolean {
  if (a.kind !== b.kind || a.actor !== b.actor) return false;
  const x = a as unknown as Record<string, unknown>;
  const y = b as unknown as Record<string, unknown>;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  for (const k of keys) {
    const u = x[k];
    const w = y[k];
    if (u === w) continue;
    if (typeof u !== 'object' || typeof w !== 'object' || u === null || w === null) return false;
    const uo = u as Record<string, unknown>;
    const wo = w as Record<string, unknown>;
    const inner = Object.keys(uo);
    if (inner.length !== Object.keys(wo).length || inner.some((ik) => uo[ik] !== wo[ik])) return false;
  }
  return true;
}

/**
 * Checks one order against the state and the orders already queued this turn by the same
 * actor. Returns what it costs and risks, or why it is not allowed.
 */
export function checkOrder(
  scenario: Scenario,
  state: State,
  raw: unknown,
  queued: readonly Order[] = [],
  quick = false,
): Result<OrderPreview, OrderProblem> {
  const parsed = v.safeParse(orderSchema, raw);
  if (!parsed.success) {
    const first = parsed.issues[0];
    const where = first ? v.getDotPath(first) : null;
    return where
      ? problem('malformed', 'orders.problem.malformedAt', { where, detail: String(first?.message) })
      : problem('malformed', 'orders.problem.malformed');
  }
  return checkLegalOrder(scenario, state, parsed.output as Order, queued, quick);
}

/** checkOrder for an order already known to have the right shape (the AI's and legalOrders' fast path). */
export function checkLegalOrder(
  scenario: Scenario,
  state: State,
  order: Order,
  queued: readonly Order[] = [],
  /** Skip the odds in the preview (the AI and legalOrders only need to know if it is legal). */
  quick = false,
): Result<OrderPreview, OrderProblem> {
  if (state.ending) return problem('game-over', 'orders.problem.gameOver');
  const world = worldOf(scenario);
  const who = order.actor;
  const isSide = who === 'gna' || who === 'lna';
  const isGroup = who.startsWith('group:');
  // The scenario's backers and armed groups are its actors (World.actorId): no id to cut out of the name first.
  if (!isSide && who !== 'mediator' && !world.actorId.has(who)) {
    if (who.startsWith('backer:')) return problem('unknown-actor', 'orders.problem.noBackerHere', { id: who.slice(7) });
    if (isGroup) return problem('unknown-actor', 'orders.problem.noGroupHere', { id: who.slice(6) });
  }
  // (The kind's roles, cost and check in one record: one lookup, not three.)
  const info = KINDS.get(order.kind);
  const allowed = info !== undefined && (isSide ? info.side : who === 'mediator' ? info.mediator : isGroup ? info.group : info.backer);
  if (!allowed) return problem('wrong-role', 'orders.problem.wrongRole', { role: who, kind: order.kind });
  // This actor's orders already queued, what they take of its budget and money, and whether
  // this one is among them (one plain loop: the AI asks this many times a turn).
  let used = 0;
  let spent = 0;
  let others = false;
  for (const q of queued) {
    if (q.actor !== who) {
      others = true;
      continue;
    }
    if (sameOrder(q, order)) return problem('duplicate', 'orders.problem.queued');
    const qc = orderCost(q.kind);
    used += qc.budget;
    spent += qc.money;
  }
  // The AI's planner and the player's queue hold one actor's orders: no copy needed then.
  const mine = others ? queued.filter((q) => q.actor === who) : queued;
  const cost = info.cost;
  if (cost.budget > 0 && used + cost.budget > budgetOf(scenario, who)) {
    return problem('over-budget', 'orders.problem.overBudget', { n: budgetOf(scenario, who) });
  }
  if (isSide && cost.money > 0) {
    const money = state.sides[who].money;
    if (spent + cost.money > money) return problem('no-money', 'orders.problem.noMoney', { cost: cost.money, left: money - spent });
  }
  const c: Check = { scenario, state, world, who, side: isSide ? (who as SideId) : null, mine, quick, cost };
  return info.check(c, order);
}

/** What every kind's check reads: passed as one object so each check is a small function of its own. */
interface Check {
  readonly scenario: Scenario;
  readonly state: State;
  readonly world: World;
  readonly who: Actor;
  readonly side: SideId | null;
  /** This actor's orders already queued. */
  readonly mine: readonly Order[];
  /** Only whether the order is legal: no preview is built (the AI's planner, legalOrders, resolveTurn). */
  readonly quick: boolean;
  readonly cost: { readonly budget: number; readonly money: number };
}
type OrderOf<K extends Order['kind']> = Extract<Order, { kind: K }>;
type KindCheck<K extends Order['kind']> = (c: Check, order: OrderOf<K>) => Result<OrderPreview, OrderProblem>;
type Checked = Result<OrderPreview, OrderProblem>;

/** The preview of a legal order (never called in quick mode: the callers return QUICK_OK first). */
function preview(c: Check, summary: ReportMessage, odds?: number, risks: readonly ReportMessage[] = NO_RISK): Checked {
  return {
    ok: true,
    value: {
      budget: c.cost.budget,
      money: c.cost.money,
      ...(odds === undefined ? {} : { odds }),
      summaryMsg: summary,
      riskMsgs: [...risks],
    },
  };
}
const noPlace = (id: string) => problem('unknown-place', 'orders.problem.noPlace', { id });
const noFormation = (id: string) => problem('unknown-formation', 'orders.problem.noFormation', { id });
const noBacker = (id: string) => problem('unknown-backer', 'orders.problem.noBacker', { id });
const truceRiskOf = (state: State) => (talksIndex(state.talks.stage) >= 2 ? TRUCE_RISK : NO_RISK);

// Each kind of order is checked by a function of its own, so that each stays small, reads orders
// of one shape, and a rarely taken branch recompiles only its own function (a single switch over
// every kind was deoptimised and recompiled several times a batch).

/** Why forces at `from` may not step to `to` (a place of the map, next to it, held by the side), or null. */
function stepProblem(c: Check, from: string | null | undefined, to: string): Checked | null {
  if (!c.world.place.has(to)) return noPlace(to);
  if (!from || !isAdjacent(c.world, from, to)) {
    return from ? problem('not-adjacent', 'orders.problem.notNextTo', { placeTo: to, placeFrom: from }) : problem('not-adjacent', 'orders.problem.notNextToIt', { placeTo: to });
  }
  if (c.state.places[to]?.controller !== c.side) return problem('not-yours', 'orders.problem.moveIntoHeld', { place: to });
  return null;
}

function checkMove(c: Check, order: OrderOf<'move'>): Checked {
  const { state, side } = c;
  const f = formationById(state, order.formation);
  if (!f || f.strength <= 0) return noFormation(order.formation);
  if (f.side !== side) return problem('not-yours', 'orders.problem.notYourFormation', { formation: f.id });
  for (const q of c.mine) if (q.kind === 'move' && q.formation === order.formation) return problem('duplicate', 'orders.problem.moveQueued');
  if (homeBound(c.world, state, f)) return problem('not-now', 'orders.problem.homeBound', { formation: f.id, place: f.location });
  const from = f.location;
  const step = stepProblem(c, from, order.to);
  if (step) return step;
  if (c.quick) return QUICK_OK;
  return preview(c, m('orders.summary.move', { formation: order.formation, placeFrom: from, placeTo: order.to }));
}

function checkWithdraw(c: Check, order: OrderOf<'withdraw'>): Checked {
  const { state, world, side } = c;
  const from = order.from;
  if (!world.place.has(from)) return noPlace(from);
  if (!hasForcesAt(state, from, side!)) return problem('no-forces', 'orders.problem.noForces', { place: from });
  // A group that rules the town stays in it: a withdrawal needs some other unit to pull out.
  const here = formationsAt(state, from, side!);
  if (here.every((f) => homeBound(world, state, f))) return problem('not-now', 'orders.problem.homeBound', { formation: here[0]!.id, place: from });
  const step = stepProblem(c, from, order.to);
  if (step) return step;
  if (c.quick) return QUICK_OK;
  return preview(c, m('orders.summary.withdraw', { placeFrom: order.from, placeTo: order.to }), undefined, [m('orders.risk.withdraw', { place: order.from })]);
}

function checkAttack(c: Check, order: OrderOf<'attack'>): Checked {
  const { scenario, state, world, side } = c;
  if (!world.place.has(order.from) || !world.place.has(order.target)) return problem('unknown-place', 'orders.problem.attackUnknownPlace');
  if (state.places[order.from]?.controller !== side || !hasForcesAt(state, order.from, side!)) {
    return problem('no-forces', 'orders.problem.attackNoForces', { place: order.from });
  }
  if (!isAdjacent(world, order.from, order.target)) return problem('not-adjacent', 'orders.problem.attackNotNextTo', { placeTarget: order.target, placeFrom: order.from });
  if (state.places[order.target]?.controller === side) return problem('not-yours', 'orders.problem.alreadyYours', { place: order.target });
  for (const q of c.mine) if (q.kind === 'attack' && q.target === order.target) return problem('duplicate', 'orders.problem.attackQueued', { place: order.target });
  for (const q of c.mine) if (q.kind === 'humanitarian-pause') return problem('not-now', 'orders.problem.pauseNoAttacks');
  if (c.quick) return QUICK_OK;
  const odds = attackOdds(scenario, state, side!, order.from, order.target);
  const pop = world.place.get(order.target)?.population ?? 0;
  const reach = supplyReachPct(world, order.from, order.target);
  const leaning = world.place.get(order.target)?.leaning;
  const stages = pop >= LARGE_CITY_POP && state.places[order.target]?.siegedBy !== side;
  // Only a group bound to the town it attacks from: a win thins the defenders but takes no ground.
  const attackers = formationsAt(state, order.from, side!);
  const bound = !stages && attackers.every((f) => homeBound(world, state, f)) ? attackers[0] : undefined;
  const suburbOf = world.suburbOf[world.placeIndex.get(order.target) ?? -1];
  return preview(c, m('orders.summary.attack', { placeTarget: order.target, placeFrom: order.from, attack: odds.attack, defence: odds.defence }), odds.odds, [
    ...(stages ? [m('orders.risk.stages')] : []),
    ...(bound ? [m('orders.risk.noGround', { formation: bound.id, placeFrom: order.from, placeTarget: order.target })] : []),
    ...(reach.pct < 100 ? [m('orders.risk.supply', { km: reach.km, place: order.from, reach: reach.reach, pct: reach.pct })] : []),
    ...(odds.dug > 0 ? [m('orders.risk.dugIn', { place: order.target, dug: odds.dug })] : []),
    ...(leaning && (leaning === side || leaning === state.places[order.target]?.controller)
      ? [leaning === side ? m(odds.rising ? 'orders.risk.peopleBackYou' : 'orders.risk.peopleWait', { place: order.target }) : m('orders.risk.peopleBackThem', { place: order.target, actor: leaning })]
      : []),
    ...(odds.keptOut ? [m('orders.risk.keptOut', { place: order.target }), m('orders.risk.keptOutTaken', { place: order.target })] : []),
    // A town that kept out of the war, taken by a side, accepts no occupier (rules version 14).
    ...(odds.occupied ? [m(odds.rising ? 'orders.risk.occupied' : 'orders.risk.occupiedWait', { place: order.target })] : []),
    ...(pop > 0 ? [m('orders.risk.civilians', { people: pop * 1000 })] : []),
    // A battle in a large city's suburbs kills some of the city's people too (world.suburbOf, rules version 11).
    ...(suburbOf ? [m('orders.risk.suburb', { place: order.target, placeCity: suburbOf })] : []),
    m('orders.risk.losses'),
    ...truceRiskOf(state),
  ]);
}

function checkFortify(c: Check, order: OrderOf<'fortify'>): Checked {
  const { state, side } = c;
  if (!hasForcesAt(state, order.place, side!)) return problem('no-forces', 'orders.problem.noForces', { place: order.place });
  if (formationsAt(state, order.place, side!).every((f) => f.dug >= 60)) return problem('not-now', 'orders.problem.dugIn');
  if (c.quick) return QUICK_OK;
  return preview(c, m('orders.summary.fortify', { place: order.place }));
}

function checkAirstrike(c: Check, order: OrderOf<'airstrike'>): Checked {
  const { scenario, state, world, side } = c;
  if (!world.place.has(order.target)) return noPlace(order.target);
  const air = effectiveAir(scenario, state, side!);
  if (air < 10) return problem('no-air', 'orders.problem.noAir', { air });
  const enemyThere = formationsAt(state, order.target).some((f) => f.side !== side && f.side !== 'none') || state.places[order.target]?.controller === other(side!);
  if (!enemyThere) return problem('not-now', 'orders.problem.nothingToStrike', { place: order.target });
  for (const q of c.mine) if (q.kind === 'humanitarian-pause') return problem('not-now', 'orders.problem.pauseNoStrikes');
  if (c.quick) return QUICK_OK;
  const pop = world.place.get(order.target)?.population ?? 0;
  return preview(c, m('orders.summary.airstrike', { place: order.target }), airstrikeOdds(scenario, state, side!), [
    ...(pop >= 20 ? [m('orders.risk.strikeCivilians', { people: pop * 1000 })] : []),
    m('orders.risk.drones'),
    ...truceRiskOf(state),
  ]);
}

function checkSiege(c: Check, order: OrderOf<'siege'>): Checked {
  const { state, world, side } = c;
  const t = state.places[order.target];
  if (!t) return noPlace(order.target);
  if (t.controller === side) return problem('not-yours', 'orders.problem.ownPlace');
  if (t.siegedBy === side) return problem('duplicate', 'orders.problem.besieged', { place: order.target });
  const blocker = siegeBlocker(world, state, side!, order.target, (n) => hasForcesAt(state, n, side!));
  if (blocker === 'no-forces') return problem('no-forces', 'orders.problem.siegeNoForces', { place: order.target });
  if (blocker === 'too-far') return problem('not-now', 'orders.problem.siegeTooFar', { place: order.target, km: SIEGE_REACH_KM });
  // (The road the place is still supplied by, as siegeBlocker found it: not searched for again.)
  if (blocker !== null) return problem('not-now', 'orders.problem.siegeSupplied', { place: order.target, placeRoad: blocker.supplied });
  if (c.quick) return QUICK_OK;
  const oil = (world.place.get(order.target)?.oilCapacity ?? 0) > 0;
  return preview(c, m(oil ? 'orders.summary.siegeOil' : 'orders.summary.siege', { place: order.target }), undefined, [m('orders.risk.siege'), ...truceRiskOf(state)]);
}

function checkRecruit(c: Check, order: OrderOf<'recruit'>): Checked {
  const { state, world, side } = c;
  const place = world.place.get(order.place);
  if (!place) return noPlace(order.place);
  if (state.places[order.place]?.controller !== side) return problem('not-yours', 'orders.problem.notHeld', { place: order.place });
  if (place.population <= 0) return problem('not-now', 'orders.problem.nobodyToRecruit', { place: order.place });
  const units = formationsAt(state, order.place, side!).filter((f) => {
    const k = world.formationDef.get(f.id)?.kind;
    return k === 'militia' || k === 'regular';
  });
  // (The refusal is built on every call: a place with no unit to recruit into, first met hundreds of
  // games in, threw this check's optimised code away.)
  const noUnit = problem('no-forces', 'orders.problem.recruitNoUnit', { place: order.place });
  if (!units.length) return noUnit;
  if (c.quick) return QUICK_OK;
  const support = state.sides[side!].support[place.region];
  const n = (2 + Math.floor(support / 20)) * 100;
  return preview(c, m('orders.summary.recruit', { n, place: order.place }), undefined, [m('orders.risk.weariness')]);
}

function checkRequestSupport(c: Check, order: OrderOf<'request-support'>): Checked {
  const { scenario, state, world, side } = c;
  const b = world.backer.get(order.backer);
  if (!b) return noBacker(order.backer);
  if (b.client !== side) return problem('not-yours', 'orders.problem.notYourBacker', { backer: b.id });
  const level = state.backers[b.id]?.commitment ?? 0;
  if (level >= b.maxCommitment) return problem('not-now', 'orders.problem.backerNoFurther', { backer: b.id });
  for (const q of c.mine) if (q.kind === 'request-support') return problem('duplicate', 'orders.problem.askedAlready');
  if (c.quick) return QUICK_OK;
  const foreign = m('orders.risk.foreign');
  // A patron a person plays (hot-seat) answers the request itself, next fortnight: no odds to give.
  if (state.humans.includes(`backer:${b.id}`)) return preview(c, m('orders.summary.requestPerson', { backer: b.id }), undefined, [foreign]);
  return preview(c, m('orders.summary.request', { backer: b.id }), requestOdds(scenario, state, b), [foreign]);
}

function checkBuyLoyalty(c: Check, order: OrderOf<'buy-loyalty'>): Checked {
  const { scenario, state, world, side } = c;
  const f = formationById(state, order.formation);
  if (!f || f.strength <= 0) return noFormation(order.formation);
  if (f.side === side) {
    if (f.loyalty >= 90) return problem('not-now', 'orders.problem.alreadyLoyal', { formation: f.id });
    if (c.quick) return QUICK_OK;
    return preview(c, m('orders.summary.payLoyalty', { formation: f.id }));
  }
  const odds = bribeOdds(scenario, state, f);
  if (odds <= 0) return problem('not-now', 'orders.problem.cannotBuy', { formation: f.id });
  const near = (world.adjacent.get(f.location) ?? []).some((n) => state.places[n]?.controller === side) || state.places[f.location]?.controller === side;
  if (!near) return problem('not-adjacent', 'orders.problem.outOfReach', { formation: f.id });
  if (c.quick) return QUICK_OK;
  return preview(c, m('orders.summary.bribe', { formation: f.id }), odds, [m('orders.risk.bribe')]);
}

function checkOilTerminals(c: Check, order: OrderOf<'oil-terminals'>): Checked {
  const { state, world, side } = c;
  const holds = world.oilPlaces.some((p) => state.places[p]?.controller === side);
  if (!holds) return problem('not-now', 'orders.problem.noOil');
  if (!order.open && state.country.blockadeBy === side) return problem('not-now', 'orders.problem.oilShut');
  if (order.open && state.country.blockadeBy !== side) return problem('not-now', 'orders.problem.oilOpen');
  if (c.quick) return QUICK_OK;
  return order.open
    ? preview(c, m('orders.summary.oilOpen'), undefined, [m('orders.risk.leverage')])
    : preview(c, m('orders.summary.oilShut'), undefined, [m('orders.risk.blockade')]);
}

/** An order that is always legal once its actor may give it and afford it. */
const always =
  (key: string) =>
  (c: Check): Checked =>
    c.quick ? QUICK_OK : preview(c, m(key));

function checkHumanitarianPause(c: Check): Checked {
  for (const q of c.mine) if (q.kind === 'attack' || q.kind === 'airstrike') return problem('not-now', 'orders.problem.attacksQueued');
  return c.quick ? QUICK_OK : preview(c, m('orders.summary.pause'));
}

function checkPrisonerExchange(c: Check): Checked {
  if (talksIndex(c.state.talks.stage) < 1) return problem('not-now', 'orders.problem.noTalksYet');
  return c.quick ? QUICK_OK : preview(c, m('orders.summary.prisoners'));
}

function checkProposeCeasefire(c: Check, order: OrderOf<'propose-ceasefire'>): Checked {
  const { state } = c;
  if (state.talks.proposal && state.talks.proposal.turn < state.turn) return problem('not-now', 'orders.problem.proposalOnTable');
  if (oilDealTalks(state)) {
    // Rules version 13: while a ceasefire holds with a blockade in force, the one proposal is the oil deal.
    if (!order.terms.oilReopened || !order.terms.revenueShared) return problem('not-now', 'orders.problem.oilDealOnly', { stage: state.talks.stage });
    if (!oilDealOpen(state)) return problem('not-now', 'orders.problem.oilDealTooSoon', { turns: OIL_DEAL_HELD, held: state.talks.held });
    if (c.quick) return QUICK_OK;
    return preview(
      c,
      m('orders.summary.oilDeal', { actor: state.country.blockadeBy!, share: Math.abs(oilDealShare(c.scenario, state) - state.country.revenueShareToOther), before: state.country.revenueShareToOther, after: oilDealShare(c.scenario, state) }),
      undefined,
      [m('orders.risk.answers')],
    );
  }
  if (talksIndex(state.talks.stage) >= 2) return problem('not-now', 'orders.problem.inForce', { stage: state.talks.stage });
  if (c.quick) return QUICK_OK;
  // Each side the computer plays answers when the proposal is put; the game shows the
  // answers it will give (forecast.ts, which reads the computer's orders for the fortnight).
  return preview(c, m('orders.summary.ceasefire', { termItems: termCodes(order.terms) }), undefined, [m('orders.risk.answers')]);
}

function checkAnswerCeasefire(c: Check, order: OrderOf<'answer-ceasefire'>): Checked {
  if (!c.state.talks.proposal || c.state.talks.proposal.by === c.side) return problem('not-now', 'orders.problem.noProposal');
  if (c.quick) return QUICK_OK;
  return preview(c, order.accept ? m('orders.summary.acceptCeasefire') : m('orders.summary.rejectCeasefire'));
}

function checkConference(c: Check, order: OrderOf<'conference'>): Checked {
  if (!c.state.conference || c.state.conference.turn !== c.state.turn) return problem('not-now', 'orders.problem.noConference');
  if (c.quick) return QUICK_OK;
  return preview(c, order.attend ? m('orders.summary.attend') : m('orders.summary.boycott'));
}

function checkConveneConference(c: Check): Checked {
  if (c.state.conference) return problem('not-now', 'orders.problem.conferencePlanned');
  if (c.quick) return QUICK_OK;
  return preview(c, m('orders.summary.convene'), conferenceOdds(c.scenario, c.state));
}

function checkEnforceEmbargo(c: Check): Checked {
  if (c.state.country.embargoEnforcement >= 90) return problem('not-now', 'orders.problem.embargoMax');
  if (c.quick) return QUICK_OK;
  return preview(c, m('orders.summary.embargo'), undefined, [m('orders.risk.resent')]);
}

function checkSanctionSpoiler(c: Check, order: OrderOf<'sanction-spoiler'>): Checked {
  const f = formationById(c.state, order.formation);
  if (!f) return noFormation(order.formation);
  if (!c.world.formationDef.get(f.id)?.spoiler) return problem('not-now', 'orders.problem.notSpoiler', { formation: f.id });
  if (c.quick) return QUICK_OK;
  return preview(c, m('orders.summary.sanction', { formation: f.id }));
}

function checkPressureBacker(c: Check, order: OrderOf<'pressure-backer'>): Checked {
  const b = c.world.backer.get(order.backer);
  if (!b) return noBacker(order.backer);
  if ((c.state.backers[b.id]?.commitment ?? 0) === 0) return problem('not-now', 'orders.problem.wordsOnly', { backer: b.id });
  if (c.quick) return QUICK_OK;
  return preview(c, m('orders.summary.pressBacker', { backer: b.id }));
}

function checkHumanitarianCorridor(c: Check, order: OrderOf<'humanitarian-corridor'>): Checked {
  const place = c.world.place.get(order.place);
  if (!place) return noPlace(order.place);
  if (place.population <= 0) return problem('not-now', 'orders.problem.nobodyLives', { place: order.place });
  if (c.quick) return QUICK_OK;
  return preview(c, m('orders.summary.corridor', { place: order.place }));
}

function checkDeployMonitors(c: Check): Checked {
  if (talksIndex(c.state.talks.stage) < 2) return problem('not-now', 'orders.problem.noTruceToMonitor');
  if (c.state.talks.monitors) return problem('not-now', 'orders.problem.monitorsDeployed');
  return c.quick ? QUICK_OK : preview(c, m('orders.summary.monitors'));
}

function checkPoliticalTrack(c: Check): Checked {
  if (talksIndex(c.state.talks.stage) < 2) return problem('not-now', 'orders.problem.trackNeedsTruce');
  return c.quick ? QUICK_OK : preview(c, m('orders.summary.politicalTrack'));
}

type BackerKind =
  | 'escalate'
  | 'de-escalate'
  | 'restrain-client'
  | 'push-client'
  | 'answer-request'
  | 'deliver-arms'
  | 'declare-red-line'
  | 'deny-deployment'
  | 'admit-deployment'
  | 'answer-mediator'
  | 'pressure-rival';

function checkBackerOrder(c: Check, order: OrderOf<BackerKind>): Checked {
  const { scenario, state } = c;
  if (PERSON_ONLY.has(order.kind) && !state.humans.includes(c.who as PlayerRole)) return problem('wrong-role', 'orders.problem.personOnly');
  const full = backerOrderCheck(scenario, state, order, c.mine, c.quick);
  if (!full.ok) return { ok: false, error: full.error };
  if (c.quick) return QUICK_OK;
  const { summary, risks, odds, costNote } = full.value;
  return {
    ok: true,
    value: {
      budget: c.cost.budget,
      money: 0,
      ...(odds === undefined ? {} : { odds }),
      summaryMsg: summary,
      riskMsgs: risks,
      ...(costNote ? { costNoteMsg: costNote } : {}),
    },
  };
}

/** The armed group giving the order, if it is still in the field. */
function groupInField(c: Check) {
  const def = c.world.formationDef.get(c.who.slice(6))!;
  const f = formationById(c.state, def.id);
  return { def, f: f && f.strength > 0 ? f : undefined };
}

function checkRaid(c: Check, order: OrderOf<'raid'>): Checked {
  const { state, world } = c;
  const { def, f } = groupInField(c);
  if (!f) return problem('not-now', 'orders.problem.notInField', { formation: def.id });
  const itsSide = f.side === 'none' ? null : f.side;
  const target = world.place.get(order.target);
  if (!target) return noPlace(order.target);
  if (order.target !== f.location && !isAdjacent(world, f.location, order.target)) return problem('not-adjacent', 'orders.problem.raidOutOfReach', { place: order.target, formation: def.id });
  if (target.population <= 0) return problem('not-now', 'orders.problem.raidNobody', { place: order.target });
  if (itsSide && state.places[order.target]?.controller !== other(itsSide)) return problem('not-now', 'orders.problem.raidOnlyEnemy', { formation: def.id });
  if (c.quick) return QUICK_OK;
  const inTruce = talksIndex(state.talks.stage) >= 2;
  return preview(c, m('orders.summary.raid', { formation: def.id, place: order.target }), undefined, [
    itsSide && inTruce ? m('orders.risk.raidTruce', { actor: itsSide }) : m('orders.risk.raid'),
  ]);
}

function checkExtort(c: Check): Checked {
  const { def, f } = groupInField(c);
  if (!f) return problem('not-now', 'orders.problem.notInField', { formation: def.id });
  const itsSide = f.side === 'none' ? null : f.side;
  if (!itsSide) return problem('not-now', 'orders.problem.noSide', { formation: def.id });
  if (c.state.sides[itsSide].money < EXTORT_MIN) return problem('not-now', 'orders.problem.noMoneyToGive', { actor: itsSide });
  if (f.loyalty >= 95) return problem('not-now', 'orders.problem.nothingToAsk', { formation: def.id });
  if (c.quick) return QUICK_OK;
  return preview(c, m('orders.summary.extort', { formation: def.id, actor: itsSide }));
}

function checkDefect(c: Check): Checked {
  const { def, f } = groupInField(c);
  if (!f) return problem('not-now', 'orders.problem.notInField', { formation: def.id });
  if (f.side === 'none') return problem('not-now', 'orders.problem.noSide', { formation: def.id });
  if (f.loyalty >= c.scenario.rules.defectionThreshold + DEFECT_MARGIN) return problem('not-now', 'orders.problem.loyalEnough', { formation: def.id, loyalty: f.loyalty });
  if (c.quick) return QUICK_OK;
  return preview(c, m('orders.summary.defect', { formation: def.id }));
}

function checkEventChoice(c: Check, order: OrderOf<'event-choice'>): Checked {
  const pending = c.state.pending.find((p) => p.event === order.event);
  if (!pending) return problem('unknown-event', 'orders.problem.noChoice', { id: order.event });
  if (pending.role !== c.who) return problem('wrong-role', 'orders.problem.notYourChoice');
  if (!pending.options.includes(order.option)) return problem('malformed', 'orders.problem.notAnOption', { id: order.option });
  for (const q of c.mine) if (q.kind === 'event-choice' && q.event === order.event) return problem('duplicate', 'orders.problem.chose');
  return c.quick ? QUICK_OK : preview(c, m('orders.summary.choice'));
}

const KIND_CHECK_TABLE: { readonly [K in Order['kind']]: KindCheck<K> } = {
  move: checkMove,
  withdraw: checkWithdraw,
  attack: checkAttack,
  fortify: checkFortify,
  airstrike: checkAirstrike,
  siege: checkSiege,
  recruit: checkRecruit,
  'request-support': checkRequestSupport,
  'buy-loyalty': checkBuyLoyalty,
  'oil-terminals': checkOilTerminals,
  'pay-salaries': always('orders.summary.salaries'),
  'public-messaging': always('orders.summary.messaging'),
  'humanitarian-pause': checkHumanitarianPause,
  'prisoner-exchange': checkPrisonerExchange,
  'propose-ceasefire': checkProposeCeasefire,
  'answer-ceasefire': checkAnswerCeasefire,
  conference: checkConference,
  'shuttle-diplomacy': always('orders.summary.shuttle'),
  'convene-conference': checkConveneConference,
  'enforce-embargo': checkEnforceEmbargo,
  'sanction-spoiler': checkSanctionSpoiler,
  'pressure-backer': checkPressureBacker,
  'humanitarian-corridor': checkHumanitarianCorridor,
  'deploy-monitors': checkDeployMonitors,
  'political-track': checkPoliticalTrack,
  escalate: checkBackerOrder,
  'de-escalate': checkBackerOrder,
  'restrain-client': checkBackerOrder,
  'push-client': checkBackerOrder,
  'answer-request': checkBackerOrder,
  'deliver-arms': checkBackerOrder,
  'declare-red-line': checkBackerOrder,
  'deny-deployment': checkBackerOrder,
  'admit-deployment': checkBackerOrder,
  'answer-mediator': checkBackerOrder,
  'pressure-rival': checkBackerOrder,
  raid: checkRaid,
  extort: checkExtort,
  defect: checkDefect,
  'event-choice': checkEventChoice,
};
/** What checkLegalOrder needs of a kind of order: its check, its cost, and which roles may give it. */
interface KindInfo {
  readonly check: KindCheck<Order['kind']>;
  readonly cost: { readonly budget: number; readonly money: number };
  readonly side: boolean;
  readonly mediator: boolean;
  readonly group: boolean;
  readonly backer: boolean;
}
/** Each kind's KindInfo in a Map (read by changing kinds, as orderCost: faster than an object's properties). */
const KINDS = new Map<Order['kind'], KindInfo>(
  (Object.entries(KIND_CHECK_TABLE) as [Order['kind'], KindCheck<Order['kind']>][]).map(([kind, check]) => [
    kind,
    { check, cost: orderCost(kind), side: SIDE_KINDS.has(kind), mediator: MEDIATOR_KINDS.has(kind), group: GROUP_KINDS.has(kind), backer: BACKER_KINDS.has(kind) },
  ]),
);

/** Every order this actor may give now, each checked. */
export function legalOrders(scenario: Scenario, state: State, who: Actor): Order[] {
  if (state.ending) return [];
  const world = worldOf(scenario);
  const candidates: Order[] = [];
  const add = (o: Order) => candidates.push(o);
  if (who === 'gna' || who === 'lna') {
    const side = who;
    for (const f of state.formations) {
      if (f.side !== side) continue;
      for (const n of world.adjacent.get(f.location) ?? []) add({ actor: who, kind: 'move', formation: f.id, to: n });
    }
    const fronts = new Set<string>();
    for (const f of state.formations) if (f.side === side) fronts.add(f.location);
    for (const p of [...fronts].sort()) {
      add({ actor: who, kind: 'fortify', place: p });
      add({ actor: who, kind: 'recruit', place: p });
      for (const n of world.adjacent.get(p) ?? []) {
        add({ actor: who, kind: 'attack', from: p, target: n });
        add({ actor: who, kind: 'withdraw', from: p, to: n });
      }
    }
    const targets = new Set<string>();
    for (const f of state.formations) if (f.side === other(side)) targets.add(f.location);
    for (const p of world.placeIds) {
      if (targets.has(p) || state.places[p]?.controller === other(side)) {
        if (targets.has(p)) add({ actor: who, kind: 'airstrike', target: p });
        if ([...(world.adjacent.get(p) ?? [])].some((n) => fronts.has(n))) add({ actor: who, kind: 'siege', target: p });
      }
    }
    for (const b of world.backersOf[side]) add({ actor: who, kind: 'request-support', backer: b.id });
    for (const f of state.formations) if (f.side !== 'none' || world.formationDef.get(f.id)?.kind === 'militia') add({ actor: who, kind: 'buy-loyalty', formation: f.id });
    add({ actor: who, kind: 'oil-terminals', open: state.country.blockadeBy === side });
    add({ actor: who, kind: 'pay-salaries' });
    add({ actor: who, kind: 'public-messaging' });
    add({ actor: who, kind: 'humanitarian-pause' });
    add({ actor: who, kind: 'prisoner-exchange' });
    for (const terms of TERM_PACKAGES) add({ actor: who, kind: 'propose-ceasefire', terms });
    add({ actor: who, kind: 'answer-ceasefire', accept: true });
    add({ actor: who, kind: 'answer-ceasefire', accept: false });
    add({ actor: who, kind: 'conference', attend: true });
    add({ actor: who, kind: 'conference', attend: false });
  } else if (who === 'mediator') {
    add({ actor: who, kind: 'shuttle-diplomacy' });
    add({ actor: who, kind: 'convene-conference' });
    add({ actor: who, kind: 'enforce-embargo' });
    for (const f of state.formations) add({ actor: who, kind: 'sanction-spoiler', formation: f.id });
    for (const b of scenario.backers) add({ actor: who, kind: 'pressure-backer', backer: b.id });
    for (const p of world.placeIds) if (defendersOf(state, p).length && (state.places[p]?.damage ?? 0) > 0) add({ actor: who, kind: 'humanitarian-corridor', place: p });
    add({ actor: who, kind: 'deploy-monitors' });
    add({ actor: who, kind: 'political-track' });
    for (const terms of TERM_PACKAGES) add({ actor: who, kind: 'propose-ceasefire', terms });
  } else if (who.startsWith('group:')) {
    const f = state.formations.find((x) => x.id === who.slice(6));
    if (f) for (const p of [f.location, ...(world.adjacent.get(f.location) ?? [])]) add({ actor: who, kind: 'raid', target: p });
    add({ actor: who, kind: 'extort' });
    add({ actor: who, kind: 'defect' });
  } else {
    add({ actor: who, kind: 'escalate' });
    add({ actor: who, kind: 'de-escalate' });
    add({ actor: who, kind: 'restrain-client' });
    // The orders only a person's backer gives (the computer backers' choices are src/sim/ai.ts's).
    if (state.humans.includes(who as PlayerRole)) {
      const id = who.slice('backer:'.length);
      add({ actor: who, kind: 'push-client' });
      add({ actor: who, kind: 'answer-request', accept: true });
      add({ actor: who, kind: 'answer-request', accept: false });
      add({ actor: who, kind: 'deliver-arms' });
      for (const p of world.placeIds) add({ actor: who, kind: 'declare-red-line', place: p });
      add({ actor: who, kind: 'deny-deployment' });
      add({ actor: who, kind: 'admit-deployment' });
      add({ actor: who, kind: 'answer-mediator', accept: true });
      add({ actor: who, kind: 'answer-mediator', accept: false });
      for (const r of world.backer.get(id)?.rivals ?? []) add({ actor: who, kind: 'pressure-rival', backer: r });
    }
  }
  if (who === 'gna' || who === 'lna' || who === 'mediator') {
    for (const p of state.pending) {
      if (p.role === (who as Role)) for (const option of p.options) add({ actor: who, kind: 'event-choice', event: p.event, option });
    }
  }
  return candidates.filter((c) => checkLegalOrder(scenario, state, c, [], true).ok);
}
