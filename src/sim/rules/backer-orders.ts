// A foreign backer played by a person: what each of its orders costs, risks and may do (asked
// before it is queued), and what the new ones do when the turn resolves. The computer backers
// give only escalate, de-escalate and restrain-client (src/sim/ai.ts), checked as before; the
// rest exist for a person in the seat (see docs/roles.md).
import {
  ADMIT_PRESSURE,
  BLUFF_CONFIDENCE,
  DELIVERY_COST,
  DELIVERY_EXPOSURE_BASE,
  DELIVERY_MIN_MONEY,
  DENIAL_EXPOSURE_BASE,
  DENIAL_EXPOSURE_PER_RUNG,
  EMBARGO_BITE,
  EXPOSURE_LEGITIMACY,
  EXPOSURE_PRESSURE,
  MAX_DECLARED_RED_LINES,
  MEDIATOR_ACCEPT_RELIEF,
  MEDIATOR_REFUSE_PRESSURE,
  PUSH_CONFIDENCE,
  PUSH_PRESSURE,
  RIVAL_PRESSURE,
  RIVAL_PRESSURE_COST,
} from '../params.ts';
import { airWeeksToArrive } from '../query.ts';
import { m, RUNG_KEYS } from '../said.ts';
import type { BackerDef, BackerOrder, BackerState, Order, OrderProblem, ReportMessage, Result, Scenario, SideId, State } from '../types.ts';
import { clamp, other, periodOf, worldOf } from '../world.ts';
import { type Ctx, say } from './context.ts';
import { setCommitment } from './events.ts';

export interface BackerPreview {
  summary: ReportMessage;
  odds?: number;
  risks: ReportMessage[];
  costNote?: ReportMessage;
}

const fail = (code: OrderProblem['code'], key: string, values: ReportMessage['values'] = {}): Result<BackerPreview, OrderProblem> => ({
  ok: false,
  error: { code, msg: { key, values } },
});
const ok = (summary: ReportMessage, risks: ReportMessage[] = [], odds?: number, costNote?: ReportMessage): Result<BackerPreview, OrderProblem> => ({
  ok: true,
  value: { summary, risks, ...(odds === undefined ? {} : { odds }), ...(costNote ? { costNote } : {}) },
});
/** A legal order's answer in quick mode: no preview built (its caller only asks whether the order is legal). */
const LEGAL: Result<BackerPreview, OrderProblem> = Object.freeze({ ok: true, value: Object.freeze({ summary: Object.freeze({ key: '', values: {} }), risks: [] }) });

/** What the rung it stands on costs the backer a fortnight, against its tolerance. */
export function rungCost(def: BackerDef, level: number): number {
  return level > 0 ? (def.ladder[level - 1]?.cost ?? 0) : 0;
}

/** Whether the backer has people or fighters of its own in Libya (advisers, mercenaries, troops): what it can deny or admit. */
export function hasDeployment(state: State, def: BackerDef): boolean {
  return (state.backers[def.id]?.peak ?? 0) >= 2;
}

/** Chance (percent) that a denied deployment is exposed this fortnight. */
export function denialExposureOdds(state: State, def: BackerDef): number {
  const b = state.backers[def.id];
  const rungs = Math.max(0, (b?.commitment ?? 0) - 1);
  return clamp(DENIAL_EXPOSURE_BASE + Math.floor(state.country.embargoEnforcement / 4) + rungs * DENIAL_EXPOSURE_PER_RUNG, 0, 90);
}

/** Chance (percent) that a one-off arms delivery is exposed (an inspection, a panel's report, a leak). */
export function deliveryExposureOdds(state: State): number {
  return clamp(DELIVERY_EXPOSURE_BASE + Math.floor(state.country.embargoEnforcement / 2), 0, 90);
}

/** What a one-off delivery brings the client (million USD), after the embargo's bite. */
export function deliveryMoney(state: State, def: BackerDef): number {
  const level = state.backers[def.id]?.commitment ?? 0;
  const gross = Math.max(DELIVERY_MIN_MONEY, def.ladder[Math.max(0, level - 1)]?.money ?? 0);
  return Math.max(0, Math.round((gross * (1000 - state.country.embargoEnforcement * EMBARGO_BITE)) / 1000));
}

/** The backer's declared red lines: its own list in the scenario, its AI personality's, and those it declared in play. */
export function redLinesOf(def: BackerDef, b: BackerState | undefined): string[] {
  return [...new Set([...(def.redLines ?? []), ...(def.personality?.redLines ?? []), ...(b?.redLines ?? [])])];
}

const spentLine = (def: BackerDef, b: BackerState): ReportMessage => m('orders.cost.spent', { spent: b.spent, tolerance: def.costTolerance });

/**
 * Checks one backer order (its shape already known) against the state and the backer's orders
 * already queued this turn; returns its preview — what it costs, its odds, its risks — or why not.
 */
export function backerOrderCheck(
  scenario: Scenario,
  state: State,
  order: BackerOrder,
  mine: readonly Order[],
  /** Only whether it is legal (the AI's planner): LEGAL, no preview, when it is. */
  quick = false,
): Result<BackerPreview, OrderProblem> {
  const world = worldOf(scenario);
  const def = world.backer.get(world.actorId.get(order.actor) ?? order.actor.slice('backer:'.length));
  if (!def) return fail('unknown-actor', 'orders.problem.noSuchBacker');
  const b = state.backers[def.id]!;
  const level = b.commitment;
  const client = def.client === 'none' ? null : def.client;
  const period = periodOf(scenario);
  const backer = def.id;
  const actor = client ?? '';
  const ladderMove = mine.some((q) => q.kind === 'escalate' || q.kind === 'de-escalate');
  const spent = spentLine(def, b);
  const loses = (key: string, noClientKey: string) => (client ? m(key, { actor }) : m(noClientKey));
  switch (order.kind) {
    case 'escalate': {
      if (level >= def.maxCommitment) return fail('not-now', 'orders.problem.backerAtLimit', { backer });
      if (ladderMove) return fail('not-now', 'orders.problem.oneStep', { period });
      if (quick) return LEGAL;
      const next = def.ladder[level]!;
      const giving = [
        next.money ? m('orders.give.money') : null,
        next.air ? m('orders.give.air') : null,
        next.airDefence ? m('orders.give.airDefence') : null,
      ].filter((x): x is ReportMessage => x !== null);
      const weeks = airWeeksToArrive(def, level + 1, b.arrived);
      const deploys = level + 1 > b.peak && next.deploys?.length ? next.deploys : [];
      const rivalIds = def.rivals.filter((r) => world.backer.get(r)?.client === (client ? other(client) : null));
      return ok(
        m('orders.summary.escalate', {
          rungMsg: RUNG_KEYS[level + 1]!,
          actor,
          giveItems: giving.length ? giving.map((x) => x.key).join('|') : 'orders.give.more',
          money: next.money ?? 0,
          air: next.air ?? 0,
          airDefence: next.airDefence ?? 0,
          arrivesMsg: weeks > 0 ? 'orders.summary.escalate.arrives' : '',
          weeks,
          sendsMsg: deploys.length ? 'orders.summary.escalate.sends' : '',
          formationSeries: deploys.join('|'),
        }),
        [
          m('orders.risk.escalation'),
          ...(rivalIds.length ? [m('orders.risk.rivalsAnswer', { backerSeries: rivalIds.join('|') })] : []),
          ...(level + 1 >= 2 ? [m('orders.risk.exposable')] : []),
        ],
        undefined,
        m('orders.cost.perFortnight', { cost: next.cost, ...spent.values, spentMsg: spent.key }),
      );
    }
    case 'de-escalate': {
      if (level === 0) return fail('not-now', 'orders.problem.backerNotInvolved', { backer });
      if (ladderMove) return fail('not-now', 'orders.problem.oneStep', { period });
      if (quick) return LEGAL;
      const saves = rungCost(def, level) - rungCost(def, level - 1);
      return ok(
        m('orders.summary.deescalate', { rungMsg: RUNG_KEYS[level - 1]! }),
        [loses('orders.risk.clientLosesConfidence', 'orders.risk.yourClientLosesConfidence')],
        undefined,
        m('orders.cost.saves', { cost: saves, ...spent.values, spentMsg: spent.key }),
      );
    }
    case 'restrain-client':
      if (!client || level === 0) return fail('not-now', 'orders.problem.noClientToRestrain', { backer });
      if (quick) return LEGAL;
      return ok(m('orders.summary.restrain', { actor }), [
        m('orders.risk.restrain', { actor }),
      ]);
    case 'push-client':
      if (!client || level === 0) return fail('not-now', 'orders.problem.noClientToPush', { backer });
      if (mine.some((q) => q.kind === 'restrain-client')) return fail('not-now', 'orders.problem.restrainAndPush', { period });
      if (quick) return LEGAL;
      return ok(m('orders.summary.push', { actor, n: PUSH_CONFIDENCE }), [
        m('orders.risk.pushPressure', { n: PUSH_PRESSURE }),
        m('orders.risk.confidentClient'),
      ]);
    case 'answer-request': {
      const r = b.request;
      if (!r || !client) return client ? fail('not-now', 'orders.problem.noRequest', { actor }) : fail('not-now', 'orders.problem.noRequestNoClient');
      if (mine.some((q) => q.kind === 'answer-request')) return fail('duplicate', 'orders.problem.answered');
      if (order.accept) {
        if (level >= def.maxCommitment) return fail('not-now', 'orders.problem.cannotGiveMore', { backer });
        if (ladderMove) return fail('not-now', 'orders.problem.grantStepQueued');
        if (quick) return LEGAL;
        const cost = def.ladder[level]!.cost;
        return ok(
          m('orders.summary.grant', { actor, rungMsg: RUNG_KEYS[level + 1]! }),
          [m('orders.risk.grant')],
          undefined,
          m('orders.cost.perFortnight', { cost, ...spent.values, spentMsg: spent.key }),
        );
      }
      if (quick) return LEGAL;
      return ok(m('orders.summary.turnDown', { actor }), [
        m('orders.risk.turnDown', { actor }),
      ]);
    }
    case 'deliver-arms': {
      if (!client || level === 0) return fail('not-now', 'orders.problem.sendsNothing', { backer });
      if (mine.some((q) => q.kind === 'deliver-arms')) return fail('duplicate', 'orders.problem.oneDelivery', { period });
      if (quick) return LEGAL;
      const odds = deliveryExposureOdds(state);
      const money = deliveryMoney(state, def);
      const embargo = state.country.embargoEnforcement;
      return ok(
        m('orders.summary.deliver',
          { actor, money, embargo },
        ),
        [
          m('orders.risk.deliver', {
            odds,
            pressure: EXPOSURE_PRESSURE,
            actor,
            legitimacy: EXPOSURE_LEGITIMACY,
          }),
        ],
        100 - odds,
        m('orders.cost.once', { cost: DELIVERY_COST, ...spent.values, spentMsg: spent.key }),
      );
    }
    case 'declare-red-line': {
      const place = world.place.get(order.place);
      if (!place) return fail('unknown-place', 'orders.problem.noPlace', { id: order.place });
      if (!client) return fail('not-now', 'orders.problem.noLineToDraw', { backer });
      const lines = redLinesOf(def, b);
      if (lines.includes(order.place)) return fail('duplicate', 'orders.problem.lineAlready', { place: order.place });
      if ((b.redLines?.length ?? 0) >= MAX_DECLARED_RED_LINES || mine.some((q) => q.kind === 'declare-red-line')) {
        return fail('not-now', 'orders.problem.manyLines', { max: MAX_DECLARED_RED_LINES, period });
      }
      const enemy = other(client);
      if (state.places[order.place]?.controller === enemy) {
        return fail('not-yours', 'orders.problem.lineHeld', { place: order.place, actor: enemy });
      }
      if (quick) return LEGAL;
      return ok(m('orders.summary.redLine', { place: order.place, actor: enemy }), [
        m('orders.risk.redLineCrossed'),
        m('orders.risk.redLineBluff', {
          period,
          actor,
          n: BLUFF_CONFIDENCE,
        }),
      ]);
    }
    case 'deny-deployment':
    case 'admit-deployment': {
      const denying = order.kind === 'deny-deployment';
      if (!hasDeployment(state, def)) {
        return denying
          ? fail('not-now', 'orders.problem.nothingToDeny', { backer })
          : fail('not-now', 'orders.problem.nothingToAdmit', { backer });
      }
      const want = denying ? 'denied' : 'admitted';
      if (b.stance === want) return want === 'denied' ? fail('not-now', 'orders.problem.alreadyDeny') : fail('not-now', 'orders.problem.alreadyAdmit');
      if (mine.some((q) => q.kind === 'deny-deployment' || q.kind === 'admit-deployment')) return fail('duplicate', 'orders.problem.alreadySaid', { period });
      if (denying) {
        if (b.exposures) return fail('not-now', 'orders.problem.denialExposed');
        if (quick) return LEGAL;
        const odds = denialExposureOdds(state, def);
        return ok(m('orders.summary.deny'), [
          m('orders.risk.deny',
            { odds, pressure: EXPOSURE_PRESSURE, actor, legitimacy: EXPOSURE_LEGITIMACY },
          ),
        ]);
      }
      if (quick) return LEGAL;
      return ok(m('orders.summary.admit', { n: ADMIT_PRESSURE }), [
        m('orders.risk.admit'),
      ]);
    }
    case 'answer-mediator':
      if (b.pressed === undefined) return fail('not-now', 'orders.problem.notPressed');
      if (mine.some((q) => q.kind === 'answer-mediator')) return fail('duplicate', 'orders.problem.answered');
      if (order.accept) {
        if (ladderMove) return fail('not-now', 'orders.problem.acceptStepQueued');
        if (quick) return LEGAL;
        return ok(
          level > 0
            ? m('orders.summary.yield', { rungMsg: RUNG_KEYS[level - 1]!, n: MEDIATOR_ACCEPT_RELIEF })
            : m('orders.summary.yieldNoStep', { n: MEDIATOR_ACCEPT_RELIEF }),
          level > 0 ? [loses('orders.risk.clientLoses', 'orders.risk.yourClientLoses')] : [],
        );
      }
      if (quick) return LEGAL;
      return ok(m('orders.summary.refuse', { n: MEDIATOR_REFUSE_PRESSURE }), [
        m('orders.risk.refuse'),
      ]);
    case 'pressure-rival': {
      const rival = world.backer.get(order.backer);
      if (!rival) return fail('unknown-backer', 'orders.problem.noBacker', { id: order.backer });
      if (!def.rivals.includes(rival.id)) return fail('not-now', 'orders.problem.notRival', { backerRival: rival.id, backer });
      if (mine.some((q) => q.kind === 'pressure-rival')) return fail('duplicate', 'orders.problem.oneCampaign', { period });
      if (quick) return LEGAL;
      return ok(
        m('orders.summary.lobby', { backerRival: rival.id, n: RIVAL_PRESSURE }),
        [m('orders.risk.lobby')],
        undefined,
        m('orders.cost.once', { cost: RIVAL_PRESSURE_COST, ...spent.values, spentMsg: spent.key }),
      );
    }
  }
}

const human = (ctx: Ctx, id: string) => ctx.s.humans.includes(`backer:${id}`);

/**
 * What a person's backer orders do (called in the backers phase, after the ladder moves the
 * computer backers also make). Chance is drawn from the game's RNG only here, which no computer
 * backer reaches.
 */
export function personBackerOrders(ctx: Ctx, changed: Set<string>): void {
  for (const o of ctx.orders) {
    if (!o.actor.startsWith('backer:')) continue;
    const id = o.actor.slice('backer:'.length);
    const def = ctx.world.backer.get(id);
    const b = ctx.s.backers[id];
    if (!def || !b) continue;
    const client: SideId | null = def.client === 'none' ? null : def.client;
    const actors = [o.actor, ...(client ? [client] : [])] as const;
    switch (o.kind) {
      case 'push-client':
        if (!client) break;
        ctx.s.sides[client].confidence = clamp(ctx.s.sides[client].confidence + PUSH_CONFIDENCE);
        b.pressure = clamp(b.pressure + PUSH_PRESSURE);
        say(ctx, { mechanic: 'backer', msg: { key: 'report.backer.push', values: { backer: def.id, actor: client } }, actors: [...actors], concept: 'proxy-war' });
        break;
      case 'answer-request': {
        if (!client || !b.request) break;
        delete b.request;
        if (o.accept && !changed.has(id) && b.commitment < def.maxCommitment) {
          setCommitment(ctx, id, b.commitment + 1);
          changed.add(id);
          say(ctx, { mechanic: 'backer', msg: { key: 'report.request.grantedByPerson', values: { backer: def.id, actor: client } }, actors: [...actors] });
        } else if (!o.accept) {
          ctx.s.sides[client].confidence = clamp(ctx.s.sides[client].confidence - 3);
          say(ctx, { mechanic: 'backer', msg: { key: 'report.request.refusedByPerson', values: { backer: def.id, actor: client } }, actors: [...actors], visibleTo: [client, 'mediator', o.actor as `backer:${string}`], concept: 'proxy-war' });
        }
        break;
      }
      case 'deliver-arms': {
        if (!client) break;
        const money = deliveryMoney(ctx.start, def);
        ctx.s.sides[client].money += money;
        ctx.report.ledger.money[client].backers += money;
        b.spent += DELIVERY_COST;
        b.deliveries = (b.deliveries ?? 0) + 1;
        const exposed = ctx.rng.chance(deliveryExposureOdds(ctx.start));
        say(ctx, { mechanic: 'backer', msg: { key: 'report.backer.shipment', values: { backer: def.id, actor: client, money } }, actors: [...actors], visibleTo: [client, o.actor as `backer:${string}`] });
        if (exposed) expose(ctx, def, b, client, 'report.exposed.shipment');
        break;
      }
      case 'declare-red-line': {
        b.redLines = [...(b.redLines ?? []), o.place];
        say(ctx, {
          mechanic: 'backer',
          msg: { key: client ? 'report.redLine.declared' : 'report.redLine.declaredAnyone', values: { backer: def.id, place: o.place, actor: client ? other(client) : '' } },
          actors: [o.actor],
          places: [o.place],
          concept: 'red-line-credibility',
        });
        break;
      }
      case 'deny-deployment':
        b.stance = 'denied';
        say(ctx, { mechanic: 'backer', msg: { key: 'report.backer.denied', values: { backer: def.id } }, actors: [o.actor], concept: 'proxy-war' });
        break;
      case 'admit-deployment':
        b.stance = 'admitted';
        b.pressure = clamp(b.pressure + ADMIT_PRESSURE);
        say(ctx, { mechanic: 'backer', msg: { key: 'report.backer.admitted', values: { backer: def.id } }, actors: [o.actor] });
        break;
      case 'answer-mediator':
        if (b.pressed === undefined) break;
        delete b.pressed;
        if (o.accept) {
          if (!changed.has(id) && b.commitment > 0) {
            setCommitment(ctx, id, b.commitment - 1);
            changed.add(id);
          }
          b.pressure = clamp(b.pressure - MEDIATOR_ACCEPT_RELIEF);
          say(ctx, { mechanic: 'mediation', msg: { key: 'report.backer.yielded', values: { backer: def.id } }, actors: ['mediator', o.actor] });
        } else {
          b.pressure = clamp(b.pressure + MEDIATOR_REFUSE_PRESSURE);
          ctx.s.country.internationalPressure = clamp(ctx.s.country.internationalPressure + 3);
          say(ctx, { mechanic: 'mediation', msg: { key: 'report.backer.rebuffed', values: { backer: def.id } }, actors: ['mediator', o.actor] });
        }
        break;
      case 'pressure-rival': {
        const rival = ctx.s.backers[o.backer];
        if (!rival) break;
        rival.pressure = clamp(rival.pressure + RIVAL_PRESSURE);
        b.spent += RIVAL_PRESSURE_COST;
        say(ctx, { mechanic: 'backer', msg: { key: 'report.backer.lobbied', values: { backer: def.id, backerRival: o.backer } }, actors: [o.actor, `backer:${o.backer}`] });
        break;
      }
      default:
        break;
    }
  }
}

function expose(ctx: Ctx, def: BackerDef, b: BackerState, client: SideId, howMsg: string): void {
  b.exposures = (b.exposures ?? 0) + 1;
  b.pressure = clamp(b.pressure + EXPOSURE_PRESSURE);
  ctx.s.sides[client].legitimacy = clamp(ctx.s.sides[client].legitimacy - EXPOSURE_LEGITIMACY);
  say(ctx, {
    mechanic: 'backer',
    msg: { key: 'report.exposed', values: { backer: def.id, actor: client, howMsg, pressure: EXPOSURE_PRESSURE, legitimacy: EXPOSURE_LEGITIMACY } },
    actors: [`backer:${def.id}`, client],
    concept: 'embargo-enforcement',
  });
}

/**
 * What a person's backer faces at the end of the backers phase: a denial that may be exposed,
 * its declared red lines crossed (answered or a bluff called), requests and the mediator's
 * pressure waiting for its answer. Computer backers are untouched.
 */
export function personBackerUpkeep(ctx: Ctx, changed: ReadonlySet<string>): void {
  for (const def of ctx.scenario.backers) {
    if (!human(ctx, def.id)) continue;
    const b = ctx.s.backers[def.id]!;
    const client: SideId | null = def.client === 'none' ? null : def.client;
    // Unanswered asks lapse after a fortnight.
    if (b.request && b.request.turn < ctx.s.turn) delete b.request;
    if (b.pressed !== undefined && b.pressed < ctx.s.turn) delete b.pressed;
    for (const o of ctx.orders) if (o.kind === 'pressure-backer' && o.backer === def.id) b.pressed = ctx.s.turn;
    if (!client) continue;
    if (b.stance === 'denied' && hasDeployment(ctx.s, def) && ctx.rng.chance(denialExposureOdds(ctx.s, def))) {
      b.stance = 'admitted';
      expose(ctx, def, b, client, 'report.exposed.named');
    }
    // Red lines crossed last fortnight: answered by a step up this one, or a bluff called.
    if (b.crossed?.length) {
      const answered = b.commitment >= def.maxCommitment || (changed.has(def.id) && b.commitment > (ctx.start.backers[def.id]?.commitment ?? 0));
      if (!answered) {
        b.bluffs = (b.bluffs ?? 0) + 1;
        ctx.s.sides[client].confidence = clamp(ctx.s.sides[client].confidence - BLUFF_CONFIDENCE);
        say(ctx, {
          mechanic: 'backer',
          msg: { key: 'report.redLine.bluff', values: { backer: def.id } },
          actors: [`backer:${def.id}`, client],
          concept: 'red-line-credibility',
        });
      }
      delete b.crossed;
    }
    const enemy = other(client);
    const crossedNow = (b.redLines ?? []).filter((p) => ctx.s.places[p]?.controller === enemy && ctx.start.places[p]?.controller !== enemy);
    if (crossedNow.length) {
      b.crossed = crossedNow;
      say(ctx, {
        mechanic: 'backer',
        msg: { key: 'report.redLine.crossed', values: { actor: enemy, backer: def.id, placeList: crossedNow.join('|') } },
        actors: [`backer:${def.id}`, enemy],
        places: crossedNow,
        concept: 'red-line-credibility',
      });
    }
  }
}

/** A client's request to a backer a person plays waits for its answer next fortnight (no chance drawn). */
export function holdRequest(ctx: Ctx, backer: string, side: SideId): boolean {
  if (!human(ctx, backer)) return false;
  const b = ctx.s.backers[backer]!;
  b.request = { side, turn: ctx.s.turn };
  say(ctx, {
    mechanic: 'backer',
    msg: { key: 'report.request.asked', values: { actor: side, backer, period: periodOf(ctx.scenario) } },
    actors: [`backer:${backer}`, side],
    visibleTo: [side, `backer:${backer}`],
    concept: 'proxy-war',
  });
  return true;
}
