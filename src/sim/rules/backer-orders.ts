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
import type { BackerDef, BackerOrder, BackerState, Order, OrderProblem, Result, Scenario, SideId, State } from '../types.ts';
import { clamp, other, periodOf, worldOf } from '../world.ts';
import { type Ctx, say } from './context.ts';
import { RUNG_NAMES, setCommitment } from './events.ts';

export interface BackerPreview {
  summary: string;
  odds?: number;
  risks: string[];
  costNote?: string;
}

const fail = (code: OrderProblem['code'], message: string): Result<BackerPreview, OrderProblem> => ({ ok: false, error: { code, message } });
const ok = (summary: string, risks: string[] = [], odds?: number, costNote?: string): Result<BackerPreview, OrderProblem> => ({
  ok: true,
  value: { summary, risks, ...(odds === undefined ? {} : { odds }), ...(costNote ? { costNote } : {}) },
});

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

const spentLine = (def: BackerDef, b: BackerState) => `spent ${b.spent} of the ${def.costTolerance} it will bear`;

/**
 * Checks one backer order (its shape already known) against the state and the backer's orders
 * already queued this turn; returns its preview — what it costs, its odds, its risks — or why not.
 */
export function backerOrderCheck(scenario: Scenario, state: State, order: BackerOrder, mine: readonly Order[]): Result<BackerPreview, OrderProblem> {
  const world = worldOf(scenario);
  const def = world.backer.get(order.actor.slice('backer:'.length));
  if (!def) return fail('unknown-actor', 'There is no such backer in this scenario.');
  const b = state.backers[def.id]!;
  const level = b.commitment;
  const client = def.client === 'none' ? null : def.client;
  const clientName = client ? scenario.sides[client].shortName : '';
  const ladderMove = mine.some((q) => q.kind === 'escalate' || q.kind === 'de-escalate');
  switch (order.kind) {
    case 'escalate': {
      if (level >= def.maxCommitment) return fail('not-now', `${def.name} is at its limit.`);
      if (ladderMove) return fail('not-now', `One step on the ladder a ${periodOf(scenario)}: a step is already queued.`);
      const next = def.ladder[level]!;
      const gives = [next.money ? `${next.money} million dollars a fortnight` : '', next.air ? `air power +${next.air}` : '', next.airDefence ? `air defence +${next.airDefence}` : '']
        .filter(Boolean)
        .join(', ');
      const weeks = airWeeksToArrive(def, level + 1, b.arrived);
      const arrives = weeks > 0 ? ` (the money at once; the air power over about ${weeks} week${weeks === 1 ? '' : 's'})` : '';
      const sends = level + 1 > b.peak && next.deploys?.length ? ` and sends ${next.deploys.map((f) => world.formationDef.get(f)?.name ?? f).join(', ')}` : '';
      const rivals = def.rivals.filter((r) => world.backer.get(r)?.client === (client ? other(client) : null)).map((r) => world.backer.get(r)?.name ?? r);
      return ok(
        `Step up to ${RUNG_NAMES[level + 1]}: ${clientName} gets ${gives || 'more'}${arrives}${sends}.`,
        [
          'Regional escalation rises; past 100 it is regional war and everyone loses.',
          ...(rivals.length ? [`Rivals may answer in kind: ${rivals.join(', ')}.`] : []),
          ...(level + 1 >= 2 ? ['People of your own in Libya can be exposed if you deny them.'] : []),
        ],
        undefined,
        `${next.cost} a fortnight against your tolerance (${spentLine(def, b)})`,
      );
    }
    case 'de-escalate':
      if (level === 0) return fail('not-now', `${def.name} is not involved.`);
      if (ladderMove) return fail('not-now', `One step on the ladder a ${periodOf(scenario)}: a step is already queued.`);
      return ok(
        `Scale back to ${RUNG_NAMES[level - 1]}.`,
        [`${clientName || 'Your client'} loses what this rung gave it, and its confidence with it.`],
        undefined,
        `saves ${rungCost(def, level) - rungCost(def, level - 1)} a fortnight against your tolerance (${spentLine(def, b)})`,
      );
    case 'restrain-client':
      if (!client || level === 0) return fail('not-now', `${def.name} has no client to restrain.`);
      return ok(`Lean on ${clientName} to stop fighting and talk: its confidence falls by 8.`, [`${clientName} may hold back from attacks it would have made, and trust you less.`]);
    case 'push-client':
      if (!client || level === 0) return fail('not-now', `${def.name} has no client to push.`);
      if (mine.some((q) => q.kind === 'restrain-client')) return fail('not-now', `You cannot restrain your client and push it on in the same ${periodOf(scenario)}.`);
      return ok(`Press ${clientName} to fight on: its confidence rises by ${PUSH_CONFIDENCE}.`, [
        `Pressure on you abroad rises by ${PUSH_PRESSURE}.`,
        'A confident client refuses ceasefires it might have taken.',
      ]);
    case 'answer-request': {
      const r = b.request;
      if (!r || !client) return fail('not-now', `${clientName || 'No client'} has no request waiting for your answer.`);
      if (mine.some((q) => q.kind === 'answer-request')) return fail('duplicate', 'You already answered.');
      if (order.accept) {
        if (level >= def.maxCommitment) return fail('not-now', `${def.name} is at its limit: it cannot give more.`);
        if (ladderMove) return fail('not-now', 'Granting it is a step up, and a step is already queued.');
        return ok(`Grant ${clientName}'s request: step up to ${RUNG_NAMES[level + 1]}.`, ['Regional escalation rises; rivals may answer.'], undefined, `${def.ladder[level]!.cost} a fortnight against your tolerance (${spentLine(def, b)})`);
      }
      return ok(`Turn down ${clientName}'s request: nothing spent.`, [`${clientName}'s confidence falls by 3: it learns what it is worth to you.`]);
    }
    case 'deliver-arms': {
      if (!client || level === 0) return fail('not-now', `${def.name} sends nothing to anyone yet: step up to money and arms first.`);
      if (mine.some((q) => q.kind === 'deliver-arms')) return fail('duplicate', `One delivery a ${periodOf(scenario)}.`);
      const odds = deliveryExposureOdds(state);
      return ok(
        `Ship a one-off delivery to ${clientName}: ${deliveryMoney(state, def)} million dollars' worth reaches it (the embargo, at ${state.country.embargoEnforcement}, takes its share). The odds are that it goes unseen.`,
        [`${odds}% chance it is exposed: pressure on you +${EXPOSURE_PRESSURE}, ${clientName}'s legitimacy −${EXPOSURE_LEGITIMACY}.`],
        100 - odds,
        `${DELIVERY_COST} against your tolerance, once (${spentLine(def, b)})`,
      );
    }
    case 'declare-red-line': {
      const place = world.place.get(order.place);
      if (!place) return fail('unknown-place', `There is no place "${order.place}".`);
      if (!client) return fail('not-now', `${def.name} backs no side: it has no line to draw.`);
      const lines = redLinesOf(def, b);
      if (lines.includes(order.place)) return fail('duplicate', `${place.name} is already one of your red lines.`);
      if ((b.redLines?.length ?? 0) >= MAX_DECLARED_RED_LINES || mine.some((q) => q.kind === 'declare-red-line')) {
        return fail('not-now', `A patron with many lines has none: at most ${MAX_DECLARED_RED_LINES} in a game, one a ${periodOf(scenario)}.`);
      }
      if (state.places[order.place]?.controller === other(client)) return fail('not-yours', `${place.name} is already held by ${scenario.sides[other(client)].shortName}: a red line is drawn before it is crossed.`);
      return ok(`Declare ${place.name} a red line: ${scenario.sides[other(client)].shortName}'s commanders will think twice before attacking it.`, [
        'If it is crossed, regional escalation rises by 10 while it is held.',
        `If it is crossed and you do not step up the next ${periodOf(scenario)}, your word loses weight: ${clientName}'s confidence −${BLUFF_CONFIDENCE}, your standing falls.`,
      ]);
    }
    case 'deny-deployment':
    case 'admit-deployment': {
      if (!hasDeployment(state, def)) return fail('not-now', `${def.name} has no advisers, fighters or troops of its own in Libya to ${order.kind === 'deny-deployment' ? 'deny' : 'admit'}.`);
      const want = order.kind === 'deny-deployment' ? 'denied' : 'admitted';
      if (b.stance === want) return fail('not-now', `You already ${want === 'denied' ? 'deny' : 'admit'} it.`);
      if (mine.some((q) => q.kind === 'deny-deployment' || q.kind === 'admit-deployment')) return fail('duplicate', `You already said what you will say this ${periodOf(scenario)}.`);
      if (order.kind === 'deny-deployment') {
        if (b.exposures) return fail('not-now', 'Your forces in Libya were exposed: a denial now would convince no one.');
        const odds = denialExposureOdds(state, def);
        return ok('Deny that your people are in Libya: pressure from abroad builds on you at half the rate.', [
          `Each fortnight, a ${odds}% chance of exposure (more as the embargo tightens and you climb): pressure +${EXPOSURE_PRESSURE}, ${clientName}'s legitimacy −${EXPOSURE_LEGITIMACY}, and the denial is over.`,
        ]);
      }
      return ok(`Admit your deployment openly: pressure on you rises by ${ADMIT_PRESSURE} at once.`, ['No risk of exposure; pressure builds at the full rate.']);
    }
    case 'answer-mediator':
      if (b.pressed === undefined) return fail('not-now', 'The mediator has not pressed you.');
      if (mine.some((q) => q.kind === 'answer-mediator')) return fail('duplicate', 'You already answered.');
      if (order.accept) {
        if (ladderMove) return fail('not-now', 'Accepting means a step down; another step is already queued.');
        return ok(
          `Yield to the mediator: ${level > 0 ? `step down to ${RUNG_NAMES[level - 1]}, ` : ''}pressure on you falls by ${MEDIATOR_ACCEPT_RELIEF}.`,
          level > 0 ? [`${clientName || 'Your client'} loses what this rung gave it.`] : [],
        );
      }
      return ok(`Refuse the mediator: pressure on you rises by ${MEDIATOR_REFUSE_PRESSURE}.`, ['International pressure on the war rises by 3.']);
    case 'pressure-rival': {
      const rival = world.backer.get(order.backer);
      if (!rival) return fail('unknown-backer', `There is no backer "${order.backer}".`);
      if (!def.rivals.includes(rival.id)) return fail('not-now', `${rival.name} is not a rival of ${def.name}.`);
      if (mine.some((q) => q.kind === 'pressure-rival')) return fail('duplicate', `One campaign against a rival a ${periodOf(scenario)}.`);
      return ok(
        `Lobby against ${rival.name} in the capitals and at the UN: pressure on it rises by ${RIVAL_PRESSURE}.`,
        ['A rival under pressure may scale back, or dig in.'],
        undefined,
        `${RIVAL_PRESSURE_COST} against your tolerance, once (${spentLine(def, b)})`,
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
        say(ctx, { mechanic: 'backer', text: `${def.name} urged ${ctx.scenario.sides[client].shortName} to fight on and promised to stand by it: a patron's resolve stiffens its client.`, msg: { key: 'report.backer.push', values: { backer: def.id, actor: client } }, actors: [...actors], concept: 'proxy-war' });
        break;
      case 'answer-request': {
        if (!client || !b.request) break;
        delete b.request;
        if (o.accept && !changed.has(id) && b.commitment < def.maxCommitment) {
          setCommitment(ctx, id, b.commitment + 1);
          changed.add(id);
          say(ctx, { mechanic: 'backer', text: `${def.name} granted ${ctx.scenario.sides[client].shortName}'s request for more support.`, msg: { key: 'report.request.grantedByPerson', values: { backer: def.id, actor: client } }, actors: [...actors] });
        } else if (!o.accept) {
          ctx.s.sides[client].confidence = clamp(ctx.s.sides[client].confidence - 3);
          say(ctx, { mechanic: 'backer', text: `${def.name} turned down ${ctx.scenario.sides[client].shortName}'s request for more support: it weighs its own costs and interests.`, msg: { key: 'report.request.refusedByPerson', values: { backer: def.id, actor: client } }, actors: [...actors], visibleTo: [client, 'mediator', o.actor as `backer:${string}`], concept: 'proxy-war' });
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
        say(ctx, { mechanic: 'backer', text: `A ${def.name} shipment reached ${ctx.scenario.sides[client].shortName}: ${money} million dollars' worth of arms and supplies.`, msg: { key: 'report.backer.shipment', values: { backer: def.id, actor: client, money } }, actors: [...actors], visibleTo: [client, o.actor as `backer:${string}`] });
        if (exposed) expose(ctx, def, b, client, 'an arms shipment in breach of the UN embargo was documented by inspectors and the press', 'report.exposed.shipment');
        break;
      }
      case 'declare-red-line': {
        b.redLines = [...(b.redLines ?? []), o.place];
        say(ctx, {
          mechanic: 'backer',
          text: `${def.name} declared ${ctx.world.place.get(o.place)?.name ?? o.place} a red line: it says it will answer if ${client ? ctx.scenario.sides[other(client)].shortName : 'anyone'} takes it.`,
          msg: { key: client ? 'report.redLine.declared' : 'report.redLine.declaredAnyone', values: { backer: def.id, place: o.place, actor: client ? other(client) : '' } },
          actors: [o.actor],
          places: [o.place],
          concept: 'red-line-credibility',
        });
        break;
      }
      case 'deny-deployment':
        b.stance = 'denied';
        say(ctx, { mechanic: 'backer', text: `${def.name} denied having forces of its own in Libya.`, msg: { key: 'report.backer.denied', values: { backer: def.id } }, actors: [o.actor], concept: 'proxy-war' });
        break;
      case 'admit-deployment':
        b.stance = 'admitted';
        b.pressure = clamp(b.pressure + ADMIT_PRESSURE);
        say(ctx, { mechanic: 'backer', text: `${def.name} acknowledged its forces in Libya openly, and said why they are there.`, msg: { key: 'report.backer.admitted', values: { backer: def.id } }, actors: [o.actor] });
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
          say(ctx, { mechanic: 'mediation', text: `${def.name} yielded to the mediator's pressure and scaled back.`, msg: { key: 'report.backer.yielded', values: { backer: def.id } }, actors: ['mediator', o.actor] });
        } else {
          b.pressure = clamp(b.pressure + MEDIATOR_REFUSE_PRESSURE);
          ctx.s.country.internationalPressure = clamp(ctx.s.country.internationalPressure + 3);
          say(ctx, { mechanic: 'mediation', text: `${def.name} rebuffed the mediator: pressure on it grows.`, msg: { key: 'report.backer.rebuffed', values: { backer: def.id } }, actors: ['mediator', o.actor] });
        }
        break;
      case 'pressure-rival': {
        const rival = ctx.s.backers[o.backer];
        if (!rival) break;
        rival.pressure = clamp(rival.pressure + RIVAL_PRESSURE);
        b.spent += RIVAL_PRESSURE_COST;
        say(ctx, { mechanic: 'backer', text: `${def.name} lobbied against ${ctx.world.backer.get(o.backer)?.name ?? o.backer} in the capitals and at the UN.`, msg: { key: 'report.backer.lobbied', values: { backer: def.id, backerRival: o.backer } }, actors: [o.actor, `backer:${o.backer}`] });
        break;
      }
      default:
        break;
    }
  }
}

function expose(ctx: Ctx, def: BackerDef, b: BackerState, client: SideId, how: string, howMsg: string): void {
  b.exposures = (b.exposures ?? 0) + 1;
  b.pressure = clamp(b.pressure + EXPOSURE_PRESSURE);
  ctx.s.sides[client].legitimacy = clamp(ctx.s.sides[client].legitimacy - EXPOSURE_LEGITIMACY);
  say(ctx, {
    mechanic: 'backer',
    text: `${def.name} was exposed: ${how}. Pressure on it rose by ${EXPOSURE_PRESSURE}; ${ctx.scenario.sides[client].shortName}'s legitimacy fell by ${EXPOSURE_LEGITIMACY}.`,
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
      expose(ctx, def, b, client, 'its fighters in Libya were identified by name in a UN panel report and the press', 'report.exposed.named');
    }
    // Red lines crossed last fortnight: answered by a step up this one, or a bluff called.
    if (b.crossed?.length) {
      const answered = b.commitment >= def.maxCommitment || (changed.has(def.id) && b.commitment > (ctx.start.backers[def.id]?.commitment ?? 0));
      if (!answered) {
        b.bluffs = (b.bluffs ?? 0) + 1;
        ctx.s.sides[client].confidence = clamp(ctx.s.sides[client].confidence - BLUFF_CONFIDENCE);
        say(ctx, {
          mechanic: 'backer',
          text: `${def.name} did not answer when its red line was crossed: friends and rivals alike now weigh its word for less.`,
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
        text: `${ctx.scenario.sides[enemy].shortName} crossed ${def.name}'s red line at ${crossedNow.map((p) => ctx.world.place.get(p)?.name ?? p).join(' and ')}: the world watches whether it answers.`,
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
  const def = ctx.world.backer.get(backer)!;
  b.request = { side, turn: ctx.s.turn };
  say(ctx, {
    mechanic: 'backer',
    text: `${ctx.scenario.sides[side].shortName} asked ${def.name} for more support: the answer comes next ${periodOf(ctx.scenario)}.`,
    msg: { key: 'report.request.asked', values: { actor: side, backer, period: periodOf(ctx.scenario) } },
    actors: [`backer:${backer}`, side],
    visibleTo: [side, `backer:${backer}`],
    concept: 'proxy-war',
  });
  return true;
}
