// Asking, not doing: which orders an actor may give now (legalOrders), and for one order,
// what it costs and risks — or why it is not allowed (checkOrder).
import * as v from 'valibot';
import { BACKER_BUDGET, DEFECT_MARGIN, EXTORT_MIN, LARGE_CITY_POP, ORDER_COST, SIEGE_REACH_KM } from './params.ts';
import { defendersOf, effectiveAir, formationsAt, hasForcesAt, talksIndex } from './query.ts';
import { backerOrderCheck } from './rules/backer-orders.ts';
import { requestOdds } from './rules/backers.ts';
import { airstrikeOdds, attackOdds, bribeOdds } from './rules/military.ts';
import { conferenceOdds, DEFAULT_TERMS, termCodes } from './rules/talks.ts';
import { m } from './said.ts';
import type { Actor, CeasefireTerms, Order, OrderPreview, OrderProblem, PlayerRole, ReportMessage, Result, Role, Scenario, SideId, State } from './types.ts';
import { isAdjacent, other, siegeBlocker, supplyReachPct, supplyRoad, worldOf } from './world.ts';

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
];

/** Every actor of a scenario, in the fixed order orders are resolved in: the sides, the mediator, the backers, the armed groups. */
export function actorsOf(scenario: Scenario): Actor[] {
  return [
    'gna',
    'lna',
    'mediator',
    ...scenario.backers.map((b) => `backer:${b.id}` as Actor),
    ...worldOf(scenario).groups.map((g) => `group:${g.id}` as Actor),
  ];
}

export function budgetOf(scenario: Scenario, actor: Actor): number {
  if (actor === 'gna' || actor === 'lna' || actor === 'mediator') return scenario.rules.orderBudget[actor];
  return actor.startsWith('backer:') ? BACKER_BUDGET : 1;
}

const TRUCE_RISK: readonly ReportMessage[] = [m('orders.risk.truce')];
const NO_RISK: readonly ReportMessage[] = [];
const NO_SUMMARY: ReportMessage = m('orders.summary.none');
const QUICK_OK: Result<OrderPreview, OrderProblem> = Object.freeze({ ok: true, value: Object.freeze({ budget: 0, money: 0, summaryMsg: NO_SUMMARY, riskMsgs: [] }) });
/** The answer of a quick check to a legal order (its cost and preview are not worked out). */
function quickPreview(): Result<OrderPreview, OrderProblem> {
  return QUICK_OK;
}
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
  if (who.startsWith('backer:') && !world.backer.has(who.slice(7))) return problem('unknown-actor', 'orders.problem.noBackerHere', { id: who.slice(7) });
  const isGroup = who.startsWith('group:');
  if (isGroup && !world.formationDef.get(who.slice(6))?.agenda) return problem('unknown-actor', 'orders.problem.noGroupHere', { id: who.slice(6) });
  const kindsAllowed = isSide ? SIDE_KINDS : who === 'mediator' ? MEDIATOR_KINDS : isGroup ? GROUP_KINDS : BACKER_KINDS;
  if (!kindsAllowed.has(order.kind)) return problem('wrong-role', 'orders.problem.wrongRole', { role: who, kind: order.kind });
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
    used += ORDER_COST[q.kind].budget;
    spent += ORDER_COST[q.kind].money;
  }
  // The AI's planner and the player's queue hold one actor's orders: no copy needed then.
  const mine = others ? queued.filter((q) => q.actor === who) : queued;
  const cost = ORDER_COST[order.kind];
  if (cost.budget > 0 && used + cost.budget > budgetOf(scenario, who)) {
    return problem('over-budget', 'orders.problem.overBudget', { n: budgetOf(scenario, who) });
  }
  if (isSide && cost.money > 0) {
    const money = state.sides[who].money;
    if (spent + cost.money > money) return problem('no-money', 'orders.problem.noMoney', { cost: cost.money, left: money - spent });
  }
  // A quick check (the AI's, legalOrders') only asks whether the order is legal: one shared answer, nothing built.
  const preview = quick
    ? quickPreview
    : (summary: ReportMessage, extra: { odds?: number; risks?: readonly ReportMessage[] } = {}): Result<OrderPreview, OrderProblem> => {
        const risks = extra.risks ?? [];
        return {
          ok: true,
          value: {
            budget: cost.budget,
            money: cost.money,
            ...(extra.odds === undefined ? {} : { odds: extra.odds }),
            summaryMsg: summary,
            riskMsgs: [...risks],
          },
        };
      };
  const side = isSide ? (who as SideId) : null;
  const inTruce = talksIndex(state.talks.stage) >= 2;
  const truceRisk = inTruce ? TRUCE_RISK : NO_RISK;
  const noPlace = (id: string) => problem('unknown-place', 'orders.problem.noPlace', { id });
  const noFormation = (id: string) => problem('unknown-formation', 'orders.problem.noFormation', { id });
  const noBacker = (id: string) => problem('unknown-backer', 'orders.problem.noBacker', { id });

  switch (order.kind) {
    case 'move':
    case 'withdraw': {
      const moving = order.kind === 'move' ? formationById(state, order.formation) : undefined;
      const from = order.kind === 'move' ? moving?.location : order.from;
      if (order.kind === 'move') {
        const f = moving;
        if (!f || f.strength <= 0) return noFormation(order.formation);
        if (f.side !== side) return problem('not-yours', 'orders.problem.notYourFormation', { formation: f.id });
        if (mine.some((q) => q.kind === 'move' && q.formation === order.formation)) return problem('duplicate', 'orders.problem.moveQueued');
      } else {
        if (!world.place.has(order.from)) return noPlace(order.from);
        if (!hasForcesAt(state, order.from, side!)) return problem('no-forces', 'orders.problem.noForces', { place: order.from });
      }
      if (!world.place.has(order.to)) return noPlace(order.to);
      if (!from || !isAdjacent(world, from, order.to)) {
        return from
          ? problem('not-adjacent', 'orders.problem.notNextTo', { placeTo: order.to, placeFrom: from })
          : problem('not-adjacent', 'orders.problem.notNextToIt', { placeTo: order.to });
      }
      if (state.places[order.to]?.controller !== side) return problem('not-yours', 'orders.problem.moveIntoHeld', { place: order.to });
      return preview(
        order.kind === 'move'
          ? m('orders.summary.move', { formation: order.formation, placeFrom: from, placeTo: order.to })
          : m('orders.summary.withdraw', { placeFrom: order.from, placeTo: order.to }),
        { risks: order.kind === 'withdraw' ? [m('orders.risk.withdraw', { place: order.from })] : [] },
      );
    }
    case 'attack': {
      if (!world.place.has(order.from) || !world.place.has(order.target)) return problem('unknown-place', 'orders.problem.attackUnknownPlace');
      if (state.places[order.from]?.controller !== side || !hasForcesAt(state, order.from, side!)) {
        return problem('no-forces', 'orders.problem.attackNoForces', { place: order.from });
      }
      if (!isAdjacent(world, order.from, order.target)) return problem('not-adjacent', 'orders.problem.attackNotNextTo', { placeTarget: order.target, placeFrom: order.from });
      if (state.places[order.target]?.controller === side) return problem('not-yours', 'orders.problem.alreadyYours', { place: order.target });
      if (mine.some((q) => q.kind === 'attack' && q.target === order.target)) return problem('duplicate', 'orders.problem.attackQueued', { place: order.target });
      if (mine.some((q) => q.kind === 'humanitarian-pause')) return problem('not-now', 'orders.problem.pauseNoAttacks');
      if (quick) return preview(NO_SUMMARY);
      const odds = attackOdds(scenario, state, side!, order.from, order.target);
      const pop = world.place.get(order.target)?.population ?? 0;
      const reach = supplyReachPct(world, order.from, order.target);
      const leaning = world.place.get(order.target)?.leaning;
      return preview(m('orders.summary.attack', { placeTarget: order.target, placeFrom: order.from, attack: odds.attack, defence: odds.defence }), {
        odds: odds.odds,
        risks: [
          ...(pop >= LARGE_CITY_POP && state.places[order.target]?.siegedBy !== side
            ? [m('orders.risk.stages')]
            : []),
          ...(reach.pct < 100
            ? [
                m('orders.risk.supply', {
                  km: reach.km,
                  place: order.from,
                  reach: reach.reach,
                  pct: reach.pct,
                }),
              ]
            : []),
          ...(leaning && (leaning === side || leaning === state.places[order.target]?.controller)
            ? [
                leaning === side
                  ? m('orders.risk.peopleBackYou', { place: order.target })
                  : m('orders.risk.peopleBackThem', { place: order.target, actor: leaning }),
              ]
            : []),
          ...(pop > 0 ? [m('orders.risk.civilians', { people: pop * 1000 })] : []),
          m('orders.risk.losses'),
          ...truceRisk,
        ],
      });
    }
    case 'fortify':
      if (!hasForcesAt(state, order.place, side!)) return problem('no-forces', 'orders.problem.noForces', { place: order.place });
      if (formationsAt(state, order.place, side!).every((f) => f.dug >= 60)) return problem('not-now', 'orders.problem.dugIn');
      return preview(m('orders.summary.fortify', { place: order.place }));
    case 'airstrike': {
      if (!world.place.has(order.target)) return noPlace(order.target);
      const air = effectiveAir(scenario, state, side!);
      if (air < 10) return problem('no-air', 'orders.problem.noAir', { air });
      const enemyThere = formationsAt(state, order.target).some((f) => f.side !== side && f.side !== 'none') || state.places[order.target]?.controller === other(side!);
      if (!enemyThere) return problem('not-now', 'orders.problem.nothingToStrike', { place: order.target });
      if (mine.some((q) => q.kind === 'humanitarian-pause')) return problem('not-now', 'orders.problem.pauseNoStrikes');
      if (quick) return preview(NO_SUMMARY);
      const pop = world.place.get(order.target)?.population ?? 0;
      return preview(m('orders.summary.airstrike', { place: order.target }), {
        odds: airstrikeOdds(scenario, state, side!),
        risks: [
          ...(pop >= 20 ? [m('orders.risk.strikeCivilians', { people: pop * 1000 })] : []),
          m('orders.risk.drones'),
          ...truceRisk,
        ],
      });
    }
    case 'siege': {
      const t = state.places[order.target];
      if (!t) return noPlace(order.target);
      if (t.controller === side) return problem('not-yours', 'orders.problem.ownPlace');
      if (t.siegedBy === side) return problem('duplicate', 'orders.problem.besieged', { place: order.target });
      const blocker = siegeBlocker(world, state, side!, order.target, (n) => hasForcesAt(state, n, side!));
      if (blocker === 'no-forces') return problem('no-forces', 'orders.problem.siegeNoForces', { place: order.target });
      if (blocker === 'too-far') return problem('not-now', 'orders.problem.siegeTooFar', { place: order.target, km: SIEGE_REACH_KM });
      if (blocker === 'supplied') {
        const road = supplyRoad(world, state, order.target, side!);
        return problem('not-now', 'orders.problem.siegeSupplied', { place: order.target, placeRoad: road ?? '' });
      }
      const oil = (world.place.get(order.target)?.oilCapacity ?? 0) > 0;
      return preview(m(oil ? 'orders.summary.siegeOil' : 'orders.summary.siege', { place: order.target }), {
        risks: [m('orders.risk.siege'), ...truceRisk],
      });
    }
    case 'recruit': {
      const place = world.place.get(order.place);
      if (!place) return noPlace(order.place);
      if (state.places[order.place]?.controller !== side) return problem('not-yours', 'orders.problem.notHeld', { place: order.place });
      if (place.population <= 0) return problem('not-now', 'orders.problem.nobodyToRecruit', { place: order.place });
      const units = formationsAt(state, order.place, side!).filter((f) => {
        const k = world.formationDef.get(f.id)?.kind;
        return k === 'militia' || k === 'regular';
      });
      if (!units.length) return problem('no-forces', 'orders.problem.recruitNoUnit', { place: order.place });
      const support = state.sides[side!].support[place.region];
      const n = (2 + Math.floor(support / 20)) * 100;
      return preview(m('orders.summary.recruit', { n, place: order.place }), { risks: [m('orders.risk.weariness')] });
    }
    case 'request-support': {
      const b = world.backer.get(order.backer);
      if (!b) return noBacker(order.backer);
      if (b.client !== side) return problem('not-yours', 'orders.problem.notYourBacker', { backer: b.id });
      const level = state.backers[b.id]?.commitment ?? 0;
      if (level >= b.maxCommitment) return problem('not-now', 'orders.problem.backerNoFurther', { backer: b.id });
      if (mine.some((q) => q.kind === 'request-support')) return problem('duplicate', 'orders.problem.askedAlready');
      if (quick) return preview(NO_SUMMARY);
      const foreign = m('orders.risk.foreign');
      // A patron a person plays (hot-seat) answers the request itself, next fortnight: no odds to give.
      if (state.humans.includes(`backer:${b.id}`)) {
        return preview(m('orders.summary.requestPerson', { backer: b.id }), { risks: [foreign] });
      }
      return preview(m('orders.summary.request', { backer: b.id }), {
        odds: requestOdds(scenario, state, b),
        risks: [foreign],
      });
    }
    case 'buy-loyalty': {
      const f = state.formations.find((x) => x.id === order.formation);
      if (!f || f.strength <= 0) return noFormation(order.formation);
      if (f.side === side) {
        if (f.loyalty >= 90) return problem('not-now', 'orders.problem.alreadyLoyal', { formation: f.id });
        return preview(m('orders.summary.payLoyalty', { formation: f.id }));
      }
      const odds = bribeOdds(scenario, state, f);
      if (odds <= 0) return problem('not-now', 'orders.problem.cannotBuy', { formation: f.id });
      const near = (world.adjacent.get(f.location) ?? []).some((n) => state.places[n]?.controller === side) || state.places[f.location]?.controller === side;
      if (!near) return problem('not-adjacent', 'orders.problem.outOfReach', { formation: f.id });
      return preview(m('orders.summary.bribe', { formation: f.id }), {
        odds,
        risks: [m('orders.risk.bribe')],
      });
    }
    case 'oil-terminals': {
      const holds = world.oilPlaces.some((p) => state.places[p]?.controller === side);
      if (!holds) return problem('not-now', 'orders.problem.noOil');
      if (!order.open && state.country.blockadeBy === side) return problem('not-now', 'orders.problem.oilShut');
      if (order.open && state.country.blockadeBy !== side) return problem('not-now', 'orders.problem.oilOpen');
      return order.open
        ? preview(m('orders.summary.oilOpen'), { risks: [m('orders.risk.leverage')] })
        : preview(m('orders.summary.oilShut'), {
            risks: [m('orders.risk.blockade')],
          });
    }
    case 'pay-salaries':
      return preview(m('orders.summary.salaries'));
    case 'public-messaging':
      return preview(m('orders.summary.messaging'));
    case 'humanitarian-pause':
      if (mine.some((q) => q.kind === 'attack' || q.kind === 'airstrike')) return problem('not-now', 'orders.problem.attacksQueued');
      return preview(m('orders.summary.pause'));
    case 'prisoner-exchange':
      if (talksIndex(state.talks.stage) < 1) return problem('not-now', 'orders.problem.noTalksYet');
      return preview(m('orders.summary.prisoners'));
    case 'propose-ceasefire': {
      if (state.talks.proposal && state.talks.proposal.turn < state.turn) return problem('not-now', 'orders.problem.proposalOnTable');
      if (talksIndex(state.talks.stage) >= 2) return problem('not-now', 'orders.problem.inForce', { stage: state.talks.stage });
      if (quick) return preview(NO_SUMMARY);
      // Each side the computer plays answers when the proposal is put; the game shows the
      // answers it will give (forecast.ts, which reads the computer's orders for the fortnight).
      const odds = [
        m('orders.risk.answers',
        ),
      ];
      return preview(m('orders.summary.ceasefire', { termItems: termCodes(order.terms) }), { risks: odds });
    }
    case 'answer-ceasefire':
      if (!state.talks.proposal || state.talks.proposal.by === side) return problem('not-now', 'orders.problem.noProposal');
      return preview(order.accept ? m('orders.summary.acceptCeasefire') : m('orders.summary.rejectCeasefire'));
    case 'conference':
      if (!state.conference || state.conference.turn !== state.turn) return problem('not-now', 'orders.problem.noConference');
      return preview(order.attend ? m('orders.summary.attend') : m('orders.summary.boycott'));
    case 'shuttle-diplomacy':
      return preview(m('orders.summary.shuttle'));
    case 'convene-conference':
      if (state.conference) return problem('not-now', 'orders.problem.conferencePlanned');
      return preview(m('orders.summary.convene'), { odds: conferenceOdds(scenario, state) });
    case 'enforce-embargo':
      if (state.country.embargoEnforcement >= 90) return problem('not-now', 'orders.problem.embargoMax');
      return preview(m('orders.summary.embargo'), { risks: [m('orders.risk.resent')] });
    case 'sanction-spoiler': {
      const f = state.formations.find((x) => x.id === order.formation);
      if (!f) return noFormation(order.formation);
      if (!world.formationDef.get(f.id)?.spoiler) return problem('not-now', 'orders.problem.notSpoiler', { formation: f.id });
      return preview(m('orders.summary.sanction', { formation: f.id }));
    }
    case 'pressure-backer': {
      const b = world.backer.get(order.backer);
      if (!b) return noBacker(order.backer);
      if ((state.backers[b.id]?.commitment ?? 0) === 0) return problem('not-now', 'orders.problem.wordsOnly', { backer: b.id });
      return preview(m('orders.summary.pressBacker', { backer: b.id }));
    }
    case 'humanitarian-corridor': {
      const place = world.place.get(order.place);
      if (!place) return noPlace(order.place);
      if (place.population <= 0) return problem('not-now', 'orders.problem.nobodyLives', { place: order.place });
      return preview(m('orders.summary.corridor', { place: order.place }));
    }
    case 'deploy-monitors':
      if (talksIndex(state.talks.stage) < 2) return problem('not-now', 'orders.problem.noTruceToMonitor');
      if (state.talks.monitors) return problem('not-now', 'orders.problem.monitorsDeployed');
      return preview(m('orders.summary.monitors'));
    case 'political-track':
      if (talksIndex(state.talks.stage) < 2) return problem('not-now', 'orders.problem.trackNeedsTruce');
      return preview(m('orders.summary.politicalTrack'));
    case 'escalate':
    case 'de-escalate':
    case 'restrain-client':
    case 'push-client':
    case 'answer-request':
    case 'deliver-arms':
    case 'declare-red-line':
    case 'deny-deployment':
    case 'admit-deployment':
    case 'answer-mediator':
    case 'pressure-rival': {
      if (PERSON_ONLY.has(order.kind) && !state.humans.includes(who as PlayerRole)) return problem('wrong-role', 'orders.problem.personOnly');
      const full = backerOrderCheck(scenario, state, order, mine);
      if (!full.ok) return { ok: false, error: full.error };
      if (quick) return preview(NO_SUMMARY);
      const { summary, risks, odds, costNote } = full.value;
      return {
        ok: true,
        value: {
          budget: cost.budget,
          money: 0,
          ...(odds === undefined ? {} : { odds }),
          summaryMsg: summary,
          riskMsgs: risks,
          ...(costNote ? { costNoteMsg: costNote } : {}),
        },
      };
    }
    case 'raid':
    case 'extort':
    case 'defect': {
      const def = world.formationDef.get(who.slice(6))!;
      const f = state.formations.find((x) => x.id === def.id);
      if (!f || f.strength <= 0) return problem('not-now', 'orders.problem.notInField', { formation: def.id });
      const itsSide = f.side === 'none' ? null : f.side;
      if (order.kind === 'raid') {
        const target = world.place.get(order.target);
        if (!target) return noPlace(order.target);
        if (order.target !== f.location && !isAdjacent(world, f.location, order.target)) return problem('not-adjacent', 'orders.problem.raidOutOfReach', { place: order.target, formation: def.id });
        if (target.population <= 0) return problem('not-now', 'orders.problem.raidNobody', { place: order.target });
        if (itsSide && state.places[order.target]?.controller !== other(itsSide)) return problem('not-now', 'orders.problem.raidOnlyEnemy', { formation: def.id });
        return preview(m('orders.summary.raid', { formation: def.id, place: order.target }), {
          risks: [
            itsSide && inTruce
              ? m('orders.risk.raidTruce', { actor: itsSide })
              : m('orders.risk.raid'),
          ],
        });
      }
      if (!itsSide) return problem('not-now', 'orders.problem.noSide', { formation: def.id });
      if (order.kind === 'extort') {
        if (state.sides[itsSide].money < EXTORT_MIN) return problem('not-now', 'orders.problem.noMoneyToGive', { actor: itsSide });
        if (f.loyalty >= 95) return problem('not-now', 'orders.problem.nothingToAsk', { formation: def.id });
        return preview(m('orders.summary.extort', { formation: def.id, actor: itsSide }));
      }
      if (f.loyalty >= scenario.rules.defectionThreshold + DEFECT_MARGIN) return problem('not-now', 'orders.problem.loyalEnough', { formation: def.id, loyalty: f.loyalty });
      return preview(m('orders.summary.defect', { formation: def.id }));
    }
    case 'event-choice': {
      const pending = state.pending.find((p) => p.event === order.event);
      if (!pending) return problem('unknown-event', 'orders.problem.noChoice', { id: order.event });
      if (pending.role !== who) return problem('wrong-role', 'orders.problem.notYourChoice');
      if (!pending.options.includes(order.option)) return problem('malformed', 'orders.problem.notAnOption', { id: order.option });
      if (mine.some((q) => q.kind === 'event-choice' && q.event === order.event)) return problem('duplicate', 'orders.problem.chose');
      return preview(m('orders.summary.choice'));
    }
  }
}

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
