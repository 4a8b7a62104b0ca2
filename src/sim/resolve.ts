// resolveTurn: the one reducer. Orders are checked, then the phases run in the fixed order of
// the design (diplomacy, movement, combat, air, economy, humanitarian, backers, talks,
// outcome), then the next turn's events fire.
import { cloneStateIndexed } from './clone.ts';
import { turnDate } from './dates.ts';
import { checkLegalOrder, checkOrder } from './orders.ts';
import { orderCost } from './params.ts';
import { Rng } from './rng.ts';
import { backersPhase } from './rules/backers.ts';
import { type Ctx, emptyFacts } from './rules/context.ts';
import { economyPhase, humanitarianPhase } from './rules/economy.ts';
import { fireEvents, resolveChoices } from './rules/events.ts';
import { airPhase, combatPhase, groupDealings, loyaltyPhase, movementPhase } from './rules/military.ts';
import { checkEnding, updateIndicators } from './rules/outcome.ts';
import { diplomacyPhase, standDownForTruce, talksPhase } from './rules/talks.ts';
import { newReport, summarise } from './setup.ts';
import { standingOf } from './standing.ts';
import type { Actor, Order, ReportMessage, Scenario, State, TurnReport } from './types.ts';
import { SIDES } from './types.ts';
import { worldOf } from './world.ts';


/** Orders in a fixed order — by actor, then as each actor gave them — so the array's order does not matter. */
export function canonicalOrders(scenario: Scenario, orders: readonly Order[]): readonly Order[] {
  const r = worldOf(scenario).actorRank;
  const last = r.size;
  // Usually already in that order (the player's, then the AI's actor by actor): nothing to sort.
  // (Each order's rank looked up once, not once beside each neighbour.)
  let sorted = true;
  let prev = orders.length > 0 ? (r.get(orders[0]!.actor) ?? last) : last;
  for (let i = 1; i < orders.length && sorted; i++) {
    const rank = r.get(orders[i]!.actor) ?? last;
    sorted = prev <= rank;
    prev = rank;
  }
  if (sorted) return orders;
  return orders
    .map((o, i) => ({ o, i, rank: r.get(o.actor) ?? last }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((x) => x.o);
}

/** Each side's strength (sideStrength of each), in one pass over the formations. */
function strengths(s: State): { gna: number; lna: number; none: number } {
  let gna = 0;
  let lna = 0;
  let none = 0;
  for (const f of s.formations) {
    if (f.side === 'gna') gna += f.strength;
    else if (f.side === 'lna') lna += f.strength;
    else if (f.side === 'none') none += f.strength;
  }
  return { gna, lna, none };
}

/** Damage to a place's works heals a little each round. */
function decayDamage(ctx: Ctx): void {
  for (const p of ctx.places) if (p) p.damage = Math.max(0, p.damage - 5);
}

export function resolveTurn(
  scenario: Scenario,
  state: State,
  orders: readonly Order[],
  /** The AI's reasons for its orders (message codes), carried into the report so the UI can say why. */
  reasonMsgs: Partial<Record<Actor, ReportMessage[]>> = {},
  /**
   * Orders made by this program's own code (the AI, legalOrders) need no shape check. Never set it for input from outside.
   * 'checked': each order was already found legal on this very state against the orders of its
   * actor before it (what the AI's planner does as it decides), so none is checked again.
   */
  trusted: boolean | 'checked' = false,
): { state: State; report: TurnReport } {
  // The copy shares the `fired` record until an event fires (fireEvents copies it then: ctx.sharedFired).
  // (Its places by index come with it: the turn's context walks them so.)
  const world = worldOf(scenario);
  const { state: s, places } = cloneStateIndexed(state, world.placeIds, true);
  const report = newReport(s);
  report.reasonMsgs = reasonMsgs;
  if (s.ending) {
    for (const order of orders) report.rejected.push({ order, problem: { code: 'game-over', msg: { key: 'orders.problem.gameOverPlain', values: {} } } });
    return { state: s, report };
  }
  const rng = Rng.fromState(s.rng);
  // Orders the AI's planner has already checked on this state are taken as they are.
  const accepted: Order[] = trusted === 'checked' ? [...canonicalOrders(scenario, orders)] : [];
  // Each order is checked against the orders of its actor accepted before it (a check reads no
  // other actor's): one list per actor, so the checks do not grow with the whole turn's orders.
  if (trusted !== 'checked') {
    const byActor = new Map<string, Order[]>();
    for (const order of canonicalOrders(scenario, orders)) {
      const actor = typeof order === 'object' && order !== null && typeof order.actor === 'string' ? order.actor : '';
      let mine = byActor.get(actor);
      if (!mine) {
        mine = [];
        byActor.set(actor, mine);
      }
      const check = trusted ? checkLegalOrder(scenario, state, order, mine, true) : checkOrder(scenario, state, order, mine, true);
      if (check.ok) {
        accepted.push(order);
        mine.push(order);
      } else report.rejected.push({ order, problem: check.error });
    }
  }
  for (const side of SIDES) {
    report.ledger.money[side].start = s.sides[side].money;
  }
  const atStart = strengths(s);
  report.ledger.strength.gna.start = atStart.gna;
  report.ledger.strength.lna.start = atStart.lna;
  report.ledger.strength.none.start = atStart.none;
  const ctx: Ctx = { scenario, world, s, places, start: state, rng, report, orders: accepted, facts: emptyFacts(), phase: 'events', round: 0, sharedFired: true };
  // Money for orders is paid up front: an order that comes to nothing still cost what it cost.
  for (const o of accepted) {
    if (o.actor === 'gna' || o.actor === 'lna') {
      const cost = orderCost(o.kind).money;
      if (cost > 0) {
        s.sides[o.actor].money -= cost;
        report.ledger.money[o.actor].orders += cost;
      }
    }
  }
  // A turn is one round, or several in a scenario's lesson form (a month of two fortnights):
  // the orders are carried out in the first round; in the others no one gives new orders, and
  // the war runs on (sieges, money and oil, civilians, the backers, the talks, loyalties).
  const rounds = scenario.rounds ?? 1;
  for (let round = 0; round < rounds; round++) {
    ctx.round = round;
    if (round > 0) {
      // A fortnight of its own: nothing of the first one's fighting is counted twice.
      ctx.orders = [];
      ctx.facts = emptyFacts();
    } else resolveChoices(ctx);
    ctx.phase = 'diplomacy';
    diplomacyPhase(ctx);
    standDownForTruce(ctx);
    ctx.phase = 'movement';
    movementPhase(ctx);
    ctx.phase = 'combat';
    combatPhase(ctx);
    ctx.phase = 'air';
    airPhase(ctx);
    ctx.phase = 'economy';
    const unpaid = economyPhase(ctx);
    ctx.phase = 'humanitarian';
    humanitarianPhase(ctx, unpaid);
    ctx.phase = 'backers';
    backersPhase(ctx);
    ctx.phase = 'talks';
    talksPhase(ctx);
    ctx.phase = 'outcome';
    groupDealings(ctx);
    loyaltyPhase(ctx, unpaid);
    updateIndicators(ctx);
    if (round < rounds - 1) {
      if (checkEnding(ctx)) break;
      decayDamage(ctx);
    }
  }
  ctx.orders = accepted;
  s.ending = checkEnding(ctx);
  decayDamage(ctx);
  if (!s.ending) {
    s.turn += 1;
    s.date = turnDate(scenario.startDate, scenario.turnDays, s.turn);
    ctx.phase = 'events';
    fireEvents(ctx);
  }
  s.log.push(summarise(scenario, s, ctx.places));
  report.standing = { before: standingOf(state), after: standingOf(s) };
  for (const side of SIDES) report.ledger.money[side].end = s.sides[side].money;
  const atEnd = strengths(s);
  report.ledger.strength.gna.end = atEnd.gna;
  report.ledger.strength.lna.end = atEnd.lna;
  report.ledger.strength.none.end = atEnd.none;
  s.rng = rng.state();
  return { state: s, report };
}
