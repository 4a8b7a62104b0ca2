// Foreign backers: they climb or descend the escalation ladder, answer their rivals, guard
// their red lines, pay for it against their cost tolerance, and can rein in their clients.
import { REGIONAL_WAR } from '../params.ts';
import type { BackerDef, Scenario, SideId, State } from '../types.ts';
import { clamp } from '../world.ts';
import { type Ctx, say } from './context.ts';
import { setCommitment } from './events.ts';

/** Weight of each rung in the regional escalation index. */
const RUNG_WEIGHT = [0, 2, 5, 9, 16];

/** Regional escalation from backers' commitments and rivals facing each other. */
export function escalationIndex(scenario: Scenario, state: State): number {
  let total = 0;
  const seen = new Set<string>();
  for (const b of scenario.backers) {
    const level = state.backers[b.id]?.commitment ?? 0;
    total += RUNG_WEIGHT[level] ?? 0;
    for (const r of b.rivals) {
      const key = b.id < r ? `${b.id}|${r}` : `${r}|${b.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const rival = state.backers[r]?.commitment ?? 0;
      // Rivals backing opposite sides with drones or their own forces face each other directly.
      if (Math.min(level, rival) >= 4) total += 20;
      else if (Math.min(level, rival) >= 3) total += 6;
    }
  }
  for (const b of scenario.backers) if (redLineCrossed(state, b)) total += 10;
  return clamp(total, 0, REGIONAL_WAR);
}

export function redLineCrossed(state: State, b: BackerDef): boolean {
  if (b.client === 'none' || !b.redLines?.length) return false;
  const enemy: SideId = b.client === 'gna' ? 'lna' : 'gna';
  return b.redLines.some((p) => state.places[p]?.controller === enemy);
}

export function backersPhase(ctx: Ctx): void {
  const changed = new Set<string>();
  for (const o of ctx.orders) {
    if (!o.actor.startsWith('backer:')) continue;
    const id = o.actor.slice('backer:'.length);
    const b = ctx.s.backers[id];
    const def = ctx.world.backer.get(id);
    if (!b || !def || changed.has(id)) continue;
    if (o.kind === 'escalate' && b.commitment < def.maxCommitment) {
      setCommitment(ctx, id, b.commitment + 1);
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
        text: `${def.name} leaned on ${ctx.scenario.sides[def.client].shortName} to stop fighting and talk: a patron's aims are not always its client's.`,
        actors: [`backer:${id}`, def.client],
        concept: 'proxy-war',
      });
    }
  }
  // Requests from clients: a backer may answer with more, if it can afford it and cares enough.
  for (const r of ctx.facts.requests) {
    const b = ctx.s.backers[r.backer];
    const def = ctx.world.backer.get(r.backer);
    if (!b || !def || changed.has(r.backer) || def.client !== r.side || b.commitment >= def.maxCommitment) continue;
    const odds = requestOdds(ctx.scenario, ctx.s, def);
    if (ctx.rng.chance(odds)) {
      setCommitment(ctx, r.backer, b.commitment + 1);
      changed.add(r.backer);
    } else {
      say(ctx, {
        mechanic: 'backer',
        text: `${def.name} turned down ${ctx.scenario.sides[r.side].shortName}'s request for more support (chance was ${odds}%): it weighs its own costs and interests.`,
        actors: [`backer:${r.backer}`, r.side],
        visibleTo: [r.side, 'mediator'],
        concept: 'proxy-war',
      });
    }
  }
  // Every backer pays for its rung; outside pressure builds and fades.
  for (const def of ctx.scenario.backers) {
    const b = ctx.s.backers[def.id]!;
    if (b.commitment > 0) b.spent += def.ladder[b.commitment - 1]?.cost ?? 0;
    b.pressure = clamp(b.pressure - 5 + Math.floor(ctx.s.country.internationalPressure / 10));
  }
  const before = ctx.s.country.escalation;
  const index = escalationIndex(ctx.scenario, ctx.s);
  // Escalation rises at once but cools slowly: fear outlasts its causes.
  // At the top, a regional war has begun and does not cool.
  ctx.s.country.escalation = before >= REGIONAL_WAR ? REGIONAL_WAR : Math.max(index, before - 4);
  if (ctx.s.country.escalation >= before + 8) {
    say(ctx, {
      mechanic: 'escalation',
      text: `Regional escalation rose from ${before} to ${ctx.s.country.escalation}: each patron's step up invites its rivals to answer.`,
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

