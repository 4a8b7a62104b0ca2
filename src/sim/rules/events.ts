// Scripted and conditional events: they fire at the start of the turn whose fortnight holds
// their date, when their conditions hold; some ask a role to choose.
import { dayNumber } from '../dates.ts';
import { hasForcesAt, talksIndex } from '../query.ts';
import type { Concept, Condition, Effect, EventDef, Order, Scenario, State } from '../types.ts';
import { clamp, other, worldOf } from '../world.ts';
import { type Ctx, say } from './context.ts';
import { deployFormation, setControl } from './military.ts';
import { liftSiegesForTruce } from './talks.ts';

export function conditionHolds(ctx: Ctx, c: Condition | undefined): boolean {
  if (!c) return true;
  const s = ctx.s;
  if (c.controls?.some((x) => s.places[x.place]?.controller !== x.by)) return false;
  if (c.talksAtLeast && talksIndex(s.talks.stage) < talksIndex(c.talksAtLeast)) return false;
  if (c.talksAtMost && talksIndex(s.talks.stage) > talksIndex(c.talksAtMost)) return false;
  if (c.commitmentAtLeast?.some((x) => (s.backers[x.backer]?.commitment ?? 0) < x.level)) return false;
  if (c.commitmentAtMost?.some((x) => (s.backers[x.backer]?.commitment ?? 0) > x.level)) return false;
  if (c.indicatorAtLeast?.some((x) => s.sides[x.side][x.indicator] < x.value)) return false;
  if (c.indicatorAtMost?.some((x) => s.sides[x.side][x.indicator] > x.value)) return false;
  const country = (name: string) => (name === 'trust' ? s.talks.trust : (s.country as unknown as Record<string, number>)[name] ?? 0);
  if (c.countryAtLeast?.some((x) => country(x.indicator) < x.value)) return false;
  if (c.countryAtMost?.some((x) => country(x.indicator) > x.value)) return false;
  if (c.oilBlockaded !== undefined && (s.country.blockadeBy !== null) !== c.oilBlockaded) return false;
  if (c.eventFired?.some((id) => !(id in s.fired))) return false;
  if (c.eventNotFired?.some((id) => id in s.fired)) return false;
  // Chance is drawn last, and only when everything else holds, so the RNG is used the same
  // way whatever order the conditions are written in.
  if (c.chance !== undefined && !ctx.rng.chance(c.chance)) return false;
  return true;
}

export function applyEffect(ctx: Ctx, e: Effect): void {
  const s = ctx.s;
  switch (e.kind) {
    case 'side': {
      const side = s.sides[e.side];
      if (e.indicator === 'money') {
        if (e.delta >= 0) {
          side.money += e.delta;
          ctx.report.ledger.money[e.side].events -= e.delta;
        } else {
          const paid = Math.min(-e.delta, side.money);
          side.money -= paid;
          ctx.report.ledger.money[e.side].events += paid;
        }
      } else {
        side[e.indicator] = clamp(side[e.indicator] + e.delta);
      }
      return;
    }
    case 'country':
      if (e.indicator === 'trust') s.talks.trust = clamp(s.talks.trust + e.delta);
      else if (e.indicator === 'civilianCasualties' || e.indicator === 'displaced' || e.indicator === 'oilOutput') {
        s.country[e.indicator] = Math.max(0, s.country[e.indicator] + e.delta);
      } else s.country[e.indicator] = clamp(s.country[e.indicator] + e.delta);
      return;
    case 'commitment': {
      const b = s.backers[e.backer];
      const def = ctx.world.backer.get(e.backer);
      if (!b || !def) return;
      const to = clamp(b.commitment + e.delta, 0, def.maxCommitment);
      if (to !== b.commitment) setCommitment(ctx, e.backer, to);
      return;
    }
    case 'loyalty': {
      const f = s.formations.find((x) => x.id === e.formation);
      if (f) f.loyalty = clamp(f.loyalty + e.delta);
      return;
    }
    case 'control':
      setControl(ctx, e.place, e.to);
      return;
    case 'deploy':
      deployFormation(ctx, e.formation);
      return;
    case 'redeploy': {
      // Only to a place its side still holds; a unit cut off from it, or gone, stays as it is.
      const f = s.formations.find((x) => x.id === e.formation);
      if (f && f.strength > 0 && f.location !== e.to && f.side !== 'none' && s.places[e.to]?.controller === f.side) {
        f.location = e.to;
        f.dug = 0;
      }
      return;
    }
    case 'fall-back': {
      if (s.places[e.to]?.controller !== e.side) return;
      const enemy = other(e.side);
      for (const from of e.from) {
        if (from === e.to || s.places[from]?.controller !== e.side) continue;
        for (const f of s.formations) {
          if (f.side !== e.side || f.location !== from || f.strength <= 0) continue;
          f.location = e.to;
          f.dug = 0;
        }
        if ((ctx.world.adjacent.get(from) ?? []).some((n) => hasForcesAt(s, n, enemy))) setControl(ctx, from, enemy);
      }
      return;
    }
    case 'blockade':
      s.country.blockadeBy = e.on ? e.by : null;
      return;
    case 'talks':
      if (s.talks.stage !== e.stage) {
        // A truce imposed by events lifts the sieges, as one the parties agree does.
        if (talksIndex(s.talks.stage) < 2 && talksIndex(e.stage) >= 2) liftSiegesForTruce(ctx);
        s.talks.stage = e.stage;
        s.talks.turnsInStage = 0;
        if (e.stage === 'none' || e.stage === 'talks') s.talks.terms = null;
      }
      return;
    case 'trust':
      s.talks.trust = clamp(s.talks.trust + e.delta);
      return;
    case 'concept':
      if (!s.concepts.includes(e.concept)) s.concepts.push(e.concept);
      return;
  }
}

/**
 * Moves a backer to a new rung, deploying what that rung sends the first time it is reached. The
 * report line teaches the proxy war unless the caller names what the step shows better (a rival
 * answered: the security dilemma; a red line crossed: its credibility).
 */
export function setCommitment(ctx: Ctx, backerId: string, to: number, concept: Concept = 'proxy-war'): void {
  const b = ctx.s.backers[backerId];
  const def = ctx.world.backer.get(backerId);
  if (!b || !def) return;
  const from = b.commitment;
  b.commitment = to;
  b.lastChange = ctx.s.turn;
  if (to > b.peak) {
    for (let rung = b.peak + 1; rung <= to; rung++) {
      for (const f of def.ladder[rung - 1]?.deploys ?? []) deployFormation(ctx, f);
    }
    b.peak = to;
  }
  // Money comes at once; air power and air defence build up week by week (airBuildUp), and a step
  // down takes away at once what the lower rung does not give.
  const rung = to > 0 ? def.ladder[to - 1] : undefined;
  b.arrived.air = Math.min(b.arrived.air, rung?.air ?? 0);
  b.arrived.airDefence = Math.min(b.arrived.airDefence, rung?.airDefence ?? 0);
  say(ctx, {
    mechanic: 'backer',
    msg: { key: to > from ? 'report.commitment.up' : 'report.commitment.down', values: { backer: backerId, from: String(from), to: String(to) } },
    actors: [`backer:${backerId}`],
    detail: { type: 'commitment', backer: backerId, from, to },
    concept,
  });
}

/** Events due at the start of the current turn. */
export function dueEvents(scenario: Scenario, state: State): EventDef[] {
  const start = dayNumber(state.date);
  const end = start + scenario.turnDays - 1;
  const { events, eventFirst, eventLast } = worldOf(scenario);
  // (The dates first: most events are not due, and they are plain numbers by index.)
  // The world's copies of the events: every field written out, one shape for all.
  const due: EventDef[] = [];
  for (let i = 0; i < events.length; i++) {
    if (eventFirst[i]! > end || eventLast[i]! < start) continue;
    const e = events[i]!;
    if (!(e.id in state.fired)) due.push(e);
  }
  return due;
}

/** Fires the events of the turn that is starting (called after a turn ends, and by newGame). */
export function fireEvents(ctx: Ctx): void {
  for (const e of dueEvents(ctx.scenario, ctx.s)) {
    if (!conditionHolds(ctx, e.when)) continue;
    if (ctx.sharedFired) {
      ctx.s.fired = { ...ctx.s.fired };
      ctx.sharedFired = false;
    }
    ctx.s.fired[e.id] = ctx.s.turn;
    for (const effect of e.effects) applyEffect(ctx, effect);
    say(ctx, {
      mechanic: 'event',
      msg: { key: 'report.event', values: { eventTitle: e.id, eventText: e.id } },
      actors: (e.actors ?? []).filter((a) => a === 'gna' || a === 'lna' || a === 'mediator'),
      places: e.places ?? [],
      detail: { type: 'event', event: e.id },
      ...(e.concept ? { concept: e.concept } : {}),
      // Fired after this turn's phases, for the turn that starts now: the report shows it apart.
      ...(ctx.s.turn > ctx.report.turn ? { nextTurn: true as const } : {}),
    });
    if (e.choice) ctx.s.pending.push({ event: e.id, role: e.choice.role, options: e.choice.options.map((o) => o.id) });
  }
}

/** Applies the answers to last turn's choices; an unanswered choice takes its first option. */
export function resolveChoices(ctx: Ctx): void {
  const pending = ctx.s.pending;
  ctx.s.pending = [];
  for (const p of pending) {
    const def = ctx.scenario.events.find((e) => e.id === p.event);
    if (!def?.choice) continue;
    const answer = ctx.orders.find(
      (o): o is Extract<Order, { kind: 'event-choice' }> => o.kind === 'event-choice' && o.event === p.event && o.actor === p.role,
    );
    const option = def.choice.options.find((o) => o.id === answer?.option) ?? def.choice.options[0];
    if (!option) continue;
    for (const effect of option.effects) applyEffect(ctx, effect);
    // Every role reads the report: the outcome is told in the third person (the hint spoke to the chooser).
    say(ctx, {
      mechanic: 'event',
      msg: { key: option.outcome ? 'report.event.choiceOutcome' : 'report.event.choice', values: { eventTitle: def.id, who: p.role, optionLabel: `${def.id}/${option.id}`, optionOutcome: `${def.id}/${option.id}` } },
      actors: [p.role],
      detail: { type: 'event', event: def.id },
    });
  }
}

