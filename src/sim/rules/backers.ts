// Foreign backers: they climb or descend the escalation ladder, answer their rivals, guard
// their red lines, pay for it against their cost tolerance, and can rein in their clients.
import { AIR_BUILDUP_PER_WEEK, REGIONAL_WAR } from '../params.ts';
import type { BackerDef, BackerState, Concept, Scenario, SideId, State } from '../types.ts';
import { clamp, other, roundDays, worldOf } from '../world.ts';
import { holdRequest, personBackerOrders, personBackerUpkeep } from './backer-orders.ts';
import { type Ctx, say } from './context.ts';
import { setCommitment } from './events.ts';

/** Weight of each rung in the regional escalation index. */
const RUNG_WEIGHT = [0, 2, 5, 9, 16];

/** Regional escalation from backers' commitments and rivals facing each other. */
export function escalationIndex(scenario: Scenario, state: State): number {
  return escalationSupposing(scenario, state, null, null, null);
}

/**
 * The escalation index as it would be if some backers stood at other rungs (`rungOf`)
 * and `place` were held by `holder`: the AI's "where would this leave the region" questions, asked
 * without copying the state.
 */
export function escalationSupposing(
  scenario: Scenario,
  state: State,
  /** The rung supposed for a backer (undefined: where it stands). */
  rungOf: ((backer: string) => number | undefined) | null,
  place: string | null,
  holder: SideId | null,
): number {
  const world = worldOf(scenario);
  const backers = scenario.backers;
  // Each backer's record and rung read once, kept by its index: read by an id that changes,
  // state.backers[id] is V8's generic keyed load, and the rivals' pairs read each rung again.
  const records: (BackerState | undefined)[] = new Array(backers.length);
  const rungs: number[] = new Array(backers.length);
  let total = 0;
  for (let i = 0; i < backers.length; i++) {
    const id = backers[i]!.id;
    const st = state.backers[id];
    records[i] = st;
    rungs[i] = rungOf?.(id) ?? st?.commitment ?? 0;
    total += RUNG_WEIGHT[rungs[i]!] ?? 0;
  }
  const pairs = world.rivalPairs;
  const pairIx = world.rivalPairIx;
  for (let k = 0; k < pairIx.length; k++) {
    const [ai, ri] = pairIx[k]!;
    const [a, r] = pairs[k]!;
    const level = Math.min(ai >= 0 ? rungs[ai]! : (rungOf?.(a) ?? state.backers[a]?.commitment ?? 0), ri >= 0 ? rungs[ri]! : (rungOf?.(r) ?? state.backers[r]?.commitment ?? 0));
    // Rivals backing opposite sides with drones or their own forces face each other directly.
    if (level >= 4) total += 20;
    else if (level >= 3) total += 6;
  }
  for (let i = 0; i < backers.length; i++) if (lineCrossed(state, backers[i]!, records[i], place, holder)) total += 10;
  return clamp(total, 0, REGIONAL_WAR);
}

/**
 * Where the region's escalation would stand if `side` took `place` from the enemy: the line crossed,
 * and every enemy patron that swore to defend it (its own lines, its AI personality's, those declared
 * in play) at the top of its ladder, where it climbs fortnight after fortnight while the line stays
 * crossed. Null when no enemy patron drew a line there. The commanders' reckoning (src/sim/ai.ts) and
 * the attack order's warning (src/sim/warnings.ts) both read it.
 */
export function escalationIfTaken(scenario: Scenario, state: State, side: SideId, place: string): { after: number; backers: string[] } | null {
  if (!state.places[place]) return null;
  const backers: string[] = [];
  let answered: Map<string, number> | null = null;
  for (const def of worldOf(scenario).backersOf[other(side)]) {
    const b = state.backers[def.id];
    // (redLinesOf(def, b).includes(place), without building the list.)
    if (!def.redLines?.includes(place) && !def.personality?.redLines?.includes(place) && !b?.redLines?.includes(place)) continue;
    backers.push(def.id);
    if (b && b.commitment < def.maxCommitment) {
      answered ??= new Map();
      answered.set(def.id, def.maxCommitment);
    }
  }
  if (backers.length === 0) return null;
  const rungs = answered;
  return { after: escalationSupposing(scenario, state, rungs && ((id) => rungs.get(id)), place, side), backers };
}

export function redLineCrossed(state: State, b: BackerDef): boolean {
  return lineCrossed(state, b, state.backers[b.id], null, null);
}

/** Whether one of a backer's lines is held by its client's enemy, supposing `place` held by `holder`. */
function lineCrossed(state: State, b: BackerDef, record: BackerState | undefined, place: string | null, holder: SideId | null): boolean {
  // Lines a person's backer declared in play count as the scenario's do (a computer backer declares none).
  const declared = record?.redLines;
  if (b.client === 'none' || (!b.redLines?.length && !declared?.length)) return false;
  const enemy: SideId = b.client === 'gna' ? 'lna' : 'gna';
  return heldBy(state, b.redLines, enemy, place, holder) || heldBy(state, declared, enemy, place, holder);
}

/** Whether any of these places is held by `side`, supposing `place` held by `holder` (plain loops: the AI asks this for every backer). */
function heldBy(state: State, places: readonly string[] | undefined, side: SideId, place: string | null, holder: SideId | null): boolean {
  if (places === undefined) return false;
  for (let i = 0; i < places.length; i++) {
    const p = places[i]!;
    if ((p === place ? holder : state.places[p]?.controller) === side) return true;
  }
  return false;
}

/** Every place a backer has declared a line it will defend (its own list and its AI personality's). */
function declaredRedLines(b: BackerDef): string[] {
  return [...(b.redLines ?? []), ...(b.personality?.redLines ?? [])];
}

/**
 * What a backer's step up teaches, for the report: answering a crossed red line shows whether red
 * lines are credible; answering a rival that stepped up last turn shows the security dilemma;
 * anything else is the proxy war itself. A tag for the report only: the rules do not read it.
 */
export function escalationConcept(state: State, b: BackerDef): Concept {
  if (b.client !== 'none') {
    const enemy: SideId = b.client === 'gna' ? 'lna' : 'gna';
    if (declaredRedLines(b).some((p) => state.places[p]?.controller === enemy)) return 'red-line-credibility';
  }
  if (b.rivals.some((r) => steppedUpLastTurn(state, r))) return 'security-dilemma';
  return 'proxy-war';
}

/**
 * A backer's air power and air defence reach its client over weeks: each round brings
 * AIR_BUILDUP_PER_WEEK points a week of game time (a fortnight: 6), up to what its rung gives,
 * whatever the length of a turn.
 */
export function airBuildUp(ctx: Ctx): void {
  const step = Math.round((AIR_BUILDUP_PER_WEEK * roundDays(ctx.scenario)) / 7);
  for (const def of ctx.scenario.backers) {
    const b = ctx.s.backers[def.id];
    if (!b || b.commitment <= 0 || def.client === 'none') continue;
    const rung = def.ladder[b.commitment - 1];
    const air = rung?.air ?? 0;
    const airDefence = rung?.airDefence ?? 0;
    if (b.arrived.air >= air && b.arrived.airDefence >= airDefence) continue;
    b.arrived.air = Math.min(air, b.arrived.air + step);
    b.arrived.airDefence = Math.min(airDefence, b.arrived.airDefence + step);
    if (b.arrived.air >= air && b.arrived.airDefence >= airDefence) {
      say(ctx, {
        mechanic: 'backer',
        msg: { key: 'report.backer.airInPlace', values: { backer: def.id, actor: def.client, air, airDefence } },
        actors: [`backer:${def.id}`, def.client],
        concept: 'proxy-war',
      });
    }
  }
}

export function backersPhase(ctx: Ctx): void {
  // What earlier steps up sent arrives before this fortnight's steps (a step's air arrives from the next).
  airBuildUp(ctx);
  const changed = new Set<string>();
  for (const o of ctx.orders) {
    if (!o.actor.startsWith('backer:')) continue;
    const id = o.actor.slice('backer:'.length);
    const b = ctx.s.backers[id];
    const def = ctx.world.backer.get(id);
    if (!b || !def || changed.has(id)) continue;
    if (o.kind === 'escalate' && b.commitment < def.maxCommitment) {
      setCommitment(ctx, id, b.commitment + 1, escalationConcept(ctx.s, def));
      changed.add(id);
    } else if (o.kind === 'de-escalate' && b.commitment > 0) {
      setCommitment(ctx, id, b.commitment - 1);
      changed.add(id);
    } else if (o.kind === 'restrain-client' && def.client !== 'none') {
      if (!ctx.facts.restrained.includes(def.client)) ctx.facts.restrained.push(def.client);
      const side = ctx.s.sides[def.client];
      side.confidence = clamp(side.confidence - 8);
      say(ctx, {
        mechanic: 'backer',
        msg: { key: 'report.backer.restrain', values: { backer: def.id, actor: def.client } },
        actors: [`backer:${id}`, def.client],
        concept: 'proxy-war',
      });
    }
  }
  if (ctx.s.humans.length) personBackerOrders(ctx, changed);
  // Requests from clients: a backer may answer with more, if it can afford it and cares enough.
  for (const r of ctx.facts.requests) {
    const b = ctx.s.backers[r.backer];
    const def = ctx.world.backer.get(r.backer);
    if (!b || !def || def.client !== r.side) continue;
    if (changed.has(r.backer) || b.commitment >= def.maxCommitment) {
      // Never silently: the request was not weighed, and the report says why.
      say(ctx, {
        mechanic: 'backer',
        msg: { key: changed.has(r.backer) ? 'report.request.alreadyChanged' : 'report.request.atMost', values: { backer: r.backer, actor: r.side } },
        actors: [`backer:${r.backer}`, r.side],
        visibleTo: [r.side, 'mediator'],
      });
      continue;
    }
    // A backer a person plays answers next fortnight, itself.
    if (ctx.s.humans.length && holdRequest(ctx, r.backer, r.side)) continue;
    const odds = requestOdds(ctx.scenario, ctx.s, def);
    // The preview's chance was reckoned on the fortnight's opening state; say so when the fortnight changed it.
    const asked = requestOdds(ctx.scenario, ctx.start, def);
    if (ctx.rng.chance(odds)) {
      setCommitment(ctx, r.backer, b.commitment + 1);
      changed.add(r.backer);
      say(ctx, {
        mechanic: 'backer',
        msg: { key: 'report.request.granted', values: { backer: r.backer, actor: r.side, odds, asked, chanceMsg: asked === odds ? 'report.request.chance' : 'report.request.chanceChanged' } },
        actors: [`backer:${r.backer}`, r.side],
        visibleTo: [r.side, 'mediator'],
        detail: { type: 'request', backer: r.backer, side: r.side, odds, asked, granted: true },
      });
    } else {
      say(ctx, {
        mechanic: 'backer',
        detail: { type: 'request', backer: r.backer, side: r.side, odds, asked, granted: false },
        msg: { key: 'report.request.refused', values: { backer: r.backer, actor: r.side, odds, asked, chanceMsg: asked === odds ? 'report.request.chance' : 'report.request.chanceChanged' } },
        actors: [`backer:${r.backer}`, r.side],
        visibleTo: [r.side, 'mediator'],
        concept: 'proxy-war',
      });
    }
  }
  // Every backer pays for its rung; outside pressure builds and fades (at half the rate on one that denies its forces are there).
  for (const def of ctx.scenario.backers) {
    const b = ctx.s.backers[def.id]!;
    if (b.commitment > 0) b.spent += def.ladder[b.commitment - 1]?.cost ?? 0;
    b.pressure = clamp(b.pressure - 5 + Math.floor(ctx.s.country.internationalPressure / (b.stance === 'denied' ? 20 : 10)));
  }
  if (ctx.s.humans.length) personBackerUpkeep(ctx, changed);
  const before = ctx.s.country.escalation;
  const index = escalationIndex(ctx.scenario, ctx.s);
  // Escalation rises at once but cools slowly: fear outlasts its causes.
  // At the top, a regional war has begun and does not cool.
  ctx.s.country.escalation = before >= REGIONAL_WAR ? REGIONAL_WAR : Math.max(index, before - 4);
  if (ctx.s.country.escalation >= before + 8) {
    say(ctx, {
      mechanic: 'escalation',
      msg: { key: 'report.escalation', values: { points: ctx.s.country.escalation - before } },
      concept: 'escalation-spiral',
    });
  }
}

/**
 * Whether a backer stepped up on the last turn to a rung it had never held before (rivals
 * answer such a step). Its opening rung is not a step: a backer whose rung has not changed
 * since the start (lastChange 0) never "just escalated", even on turn 1.
 */
export function steppedUpLastTurn(state: State, backerId: string): boolean {
  const b = state.backers[backerId];
  return !!b && b.lastChange >= 1 && b.lastChange === state.turn - 1 && b.peak === b.commitment;
}

/** Chance (percent) that a backer grants its client's request for more. */
export function requestOdds(_scenario: Scenario, state: State, def: BackerDef): number {
  const b = state.backers[def.id];
  if (!b || def.client === 'none') return 0;
  const stake = Object.values(def.interests).reduce((a, v) => a + (v ?? 0), 0);
  const client = state.sides[def.client];
  const inTrouble = client.momentum < 0 || client.confidence < 35 ? 20 : 0;
  const budgetLeft = def.costTolerance > 0 ? Math.max(0, 100 - Math.floor((b.spent * 100) / def.costTolerance)) : 0;
  return clamp(Math.round(10 + stake / 10 + inTrouble + budgetLeft / 5 - b.pressure / 2 + def.aggression / 10), 0, 90);
}

