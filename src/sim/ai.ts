// The baseline AI for every actor the player does not control. It gives orders through the
// same checks as a player, deterministically (its only chance is a hash of seed, turn and
// actor, so it never disturbs the game's RNG), and says why.
import { checkLegalOrder } from './orders.ts';
import { defendersOf, effectiveAir, formationsAt, strengthOf, talksIndex } from './query.ts';
import { noise } from './rng.ts';
import { redLineCrossed } from './rules/backers.ts';
import { foreignDependence, upkeepOf } from './rules/economy.ts';
import { airstrikeOdds, attackOdds, forceIndex } from './rules/military.ts';
import { ceasefireCalculus, DEFAULT_TERMS } from './rules/talks.ts';
import type { Actor, Difficulty, Effect, Order, Role, Scenario, SideId, State } from './types.ts';
import { other, worldOf } from './world.ts';

export interface AiDecision {
  orders: Order[];
  reasons: string[];
}

/** What difficulty changes: how boldly and how attentively the computer's commanders play. */
const SKILL: Record<Difficulty, { attackMargin: number; attacks: number; vigilance: number }> = {
  easy: { attackMargin: 12, attacks: 1, vigilance: 0.5 },
  normal: { attackMargin: 0, attacks: 2, vigilance: 1 },
  hard: { attackMargin: -6, attacks: 3, vigilance: 1 },
};

/**
 * Worth of an enemy place, per neighbouring place this side holds. A salient or pocket pushed
 * into one's own lines threatens every place around it and is the easiest to cut off, so
 * commanders clear it before they strike deeper; without this the AI ran past enemy rear
 * bases towards distant prizes and left them standing behind its front.
 */
const POCKET_VALUE = 10;
/** Odds of storming a place (percent) below which a siege is not worth laying: too strong even to cut off. */
const SIEGE_MIN_ODDS = 30;

class Planner {
  readonly orders: Order[] = [];
  readonly reasons: string[] = [];
  constructor(
    private readonly scenario: Scenario,
    private readonly state: State,
  ) {}
  /** Adds the order if it is legal alongside those already planned. */
  try(order: Order, reason: string): boolean {
    if (!checkLegalOrder(this.scenario, this.state, order, this.orders, true).ok) return false;
    this.orders.push(order);
    this.reasons.push(reason);
    return true;
  }
}

/** How much a place matters to a side: capitals, oil and the central bank above all. */
export function placeValue(scenario: Scenario, state: State, side: SideId, place: string): number {
  const def = worldOf(scenario).place.get(place);
  if (!def) return 0;
  let value = 10 + Math.min(30, Math.floor(def.population / 20));
  if (place === scenario.sides[other(side)].capital) value += 60;
  if (scenario.sides[other(side)].keyPlaces.includes(place)) value += 25;
  if (scenario.sides[side].keyPlaces.includes(place)) value += 25;
  if (def.tags.includes('oil-terminal') || def.tags.includes('oil-field')) value += 15;
  if (def.tags.includes('airbase')) value += 10;
  if (def.tags.includes('central-bank')) value += 30;
  if (state.places[place]?.controller === 'local') value -= 10;
  if (state.places[place]?.controller === other(side)) {
    const ours = (worldOf(scenario).adjacent.get(place) ?? []).filter((n) => state.places[n]?.controller === side).length;
    value += POCKET_VALUE * ours;
  }
  return value;
}

function choiceScore(effects: readonly Effect[], who: Role): number {
  let score = 0;
  for (const e of effects) {
    if (e.kind === 'side') {
      const sign = who === 'mediator' ? 0 : e.side === who ? 1 : -0.5;
      const weight = e.indicator === 'warWeariness' ? -1 : 1;
      score += sign * weight * Math.sign(e.delta) * Math.min(10, Math.abs(e.delta));
    }
    if (e.kind === 'trust' && who === 'mediator') score += e.delta;
    if (e.kind === 'talks' && who === 'mediator') score += 10;
  }
  return score;
}

function answerChoices(scenario: Scenario, state: State, who: Role, plan: Planner): void {
  for (const p of state.pending) {
    if (p.role !== who) continue;
    const def = scenario.events.find((e) => e.id === p.event);
    if (!def?.choice) continue;
    let best = def.choice.options[0]!;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (const option of def.choice.options) {
      let score = choiceScore(option.effects, who);
      const peace = option.effects.find((e) => e.kind === 'talks');
      if (peace && peace.kind === 'talks' && who !== 'mediator') {
        const calc = ceasefireCalculus(scenario, state, who, DEFAULT_TERMS);
        score += ['truce', 'ceasefire', 'agreement'].includes(peace.stage) ? (calc.accept ? 20 : -20) : 0;
      }
      if (score > bestScore) {
        bestScore = score;
        best = option;
      }
    }
    plan.try({ actor: who, kind: 'event-choice', event: p.event, option: best.id }, `${def.title}: chose "${best.label}".`);
  }
}

function sideOrders(scenario: Scenario, state: State, side: SideId): AiDecision {
  const plan = new Planner(scenario, state);
  const index = forceIndex(scenario, state);
  // Several units share a place, and threats, attacks and sieges ask about the same pairs: remember each answer.
  const known = new Map<string, number>();
  const odds = (attacker: SideId, from: string, target: string): number => {
    const key = `${attacker}|${from}|${target}`;
    let chance = known.get(key);
    if (chance === undefined) {
      chance = attackOdds(scenario, state, attacker, from, target, index).odds;
      known.set(key, chance);
    }
    return chance;
  };
  const world = worldOf(scenario);
  const me = state.sides[side];
  const def = scenario.sides[side];
  const name = (p: string) => world.place.get(p)?.name ?? p;
  answerChoices(scenario, state, side, plan);
  const inTruce = talksIndex(state.talks.stage) >= 2;
  const calc = ceasefireCalculus(scenario, state, side, DEFAULT_TERMS);
  const skill = SKILL[state.difficulty];

  if (state.conference?.turn === state.turn) {
    const boycott = me.confidence >= 85 && def.aggression >= 70;
    plan.try({ actor: side, kind: 'conference', attend: !boycott }, boycott ? 'Sure of victory, it saw nothing to gain at the conference.' : 'Attending costs little and buys standing abroad.');
  }

  // 1. Defend what is threatened: reinforce or dig in where the enemy's odds are good.
  const threats: { place: string; odds: number; value: number }[] = [];
  for (const p of world.placeIds) {
    if (state.places[p]?.controller !== side) continue;
    let worst = 0;
    for (const n of world.adjacent.get(p) ?? []) {
      if (state.places[n]?.controller !== other(side) || !formationsAt(state, n, other(side)).length) continue;
      worst = Math.max(worst, odds(other(side), n, p));
    }
    if (worst >= 45) threats.push({ place: p, odds: worst, value: placeValue(scenario, state, side, p) });
  }
  threats.sort((a, b) => b.value * b.odds - a.value * a.odds || a.place.localeCompare(b.place));
  // An easy opponent sometimes fails to see the threat in time.
  const sees = noise(state.seed, state.turn, side, 'defend') < skill.vigilance;
  for (const t of threats.slice(0, sees ? 2 : 0)) {
    // Bring the biggest unit from a quiet neighbour; otherwise dig in.
    const quiet = (world.adjacent.get(t.place) ?? [])
      .filter((n) => state.places[n]?.controller === side && !threats.some((x) => x.place === n))
      .flatMap((n) => formationsAt(state, n, side))
      .sort((a, b) => b.strength - a.strength || a.id.localeCompare(b.id));
    const helper = quiet[0];
    if (helper && helper.strength >= 5) {
      plan.try({ actor: side, kind: 'move', formation: helper.id, to: t.place }, `Reinforced ${name(t.place)}: the enemy's odds against it were ${t.odds}%.`);
    } else if (formationsAt(state, t.place, side).length) {
      plan.try({ actor: side, kind: 'fortify', place: t.place }, `Dug in at ${name(t.place)}: the enemy's odds against it were ${t.odds}%.`);
    }
  }

  // 2. Attack where the odds are good enough for this leadership's appetite for risk.
  const threshold = (inTruce ? 80 : 62) - Math.floor(def.riskTolerance / 10) - (me.confidence >= 70 ? 5 : 0) + skill.attackMargin;
  const attacks: { from: string; target: string; odds: number; score: number }[] = [];
  for (const f of state.formations) {
    if (f.side !== side) continue;
    for (const n of world.adjacent.get(f.location) ?? []) {
      if (state.places[n]?.controller === side) continue;
      if (attacks.some((a) => a.from === f.location && a.target === n)) continue;
      const chance = odds(side, f.location, n);
      if (chance < threshold) continue;
      const leaving = state.places[f.location] && threats.some((x) => x.place === f.location) ? 20 : 0;
      attacks.push({ from: f.location, target: n, odds: chance, score: (chance * placeValue(scenario, state, side, n)) / 100 - leaving });
    }
  }
  attacks.sort((a, b) => b.score - a.score || a.target.localeCompare(b.target));
  const wantsPeace = inTruce && calc.accept;
  for (const a of attacks.slice(0, wantsPeace ? 0 : skill.attacks)) {
    plan.try({ actor: side, kind: 'attack', from: a.from, target: a.target }, `Attacked ${name(a.target)}: odds ${a.odds}%, worth the risk.`);
  }

  // 2b. Siege: cut off the enemy place it most wants but cannot yet storm, so that hunger,
  // attrition and a weaker defence do what an assault cannot. A side that could only storm
  // or wait had no way to wear down a dug-in garrison, which is how strongholds actually
  // fell in this kind of war.
  if (!inTruce) {
    const best = new Map<string, number>();
    for (const f of state.formations) {
      if (f.side !== side || f.strength <= 0) continue;
      for (const n of world.adjacent.get(f.location) ?? []) {
        if (state.places[n]?.controller !== other(side) || state.places[n]?.siegedBy === side) continue;
        best.set(n, Math.max(best.get(n) ?? 0, odds(side, f.location, n)));
      }
    }
    const planned = new Set(plan.orders.flatMap((o) => (o.kind === 'attack' ? [o.target] : [])));
    const target = [...best.entries()]
      .filter(([p, chance]) => !planned.has(p) && chance >= SIEGE_MIN_ODDS && chance < threshold)
      .map(([p, chance]) => ({ p, chance, value: placeValue(scenario, state, side, p) }))
      .sort((a, b) => b.value - a.value || a.p.localeCompare(b.p))[0];
    if (target) plan.try({ actor: side, kind: 'siege', target: target.p }, `Laid siege to ${name(target.p)}: too strong to storm (odds ${target.chance}%), it can be starved.`);
  }

  // 3. Air strikes on the largest enemy force near the front, sparing cities when legitimacy is scarce.
  if (effectiveAir(scenario, state, side) >= 10 && airstrikeOdds(scenario, state, side) >= 45 && !wantsPeace) {
    const targets = world.placeIds
      .filter((p) => (world.adjacent.get(p) ?? []).some((n) => state.places[n]?.controller === side))
      .map((p) => ({ p, enemy: strengthOf(formationsAt(state, p).filter((f) => f.side === other(side))), pop: world.place.get(p)?.population ?? 0 }))
      .filter((t) => t.enemy > 0 && (t.pop < 20 || (me.legitimacy >= 45 && !inTruce && def.aggression >= 60)))
      .sort((a, b) => b.enemy - a.enemy || a.p.localeCompare(b.p));
    const t = targets[0];
    if (t) plan.try({ actor: side, kind: 'airstrike', target: t.p }, `Struck ${name(t.p)}, where ${t.enemy * 100} enemy fighters were massed.`);
  }

  // 4. Money and loyalty: keep the coalition paid and together.
  const bill = upkeepOf(scenario, state, side);
  if (me.money < bill * 2) {
    const patron = world.backersOf[side]
      .filter((b) => (state.backers[b.id]?.commitment ?? 0) < b.maxCommitment)
      .sort((a, b) => (state.backers[b.id]?.commitment ?? 0) - (state.backers[a.id]?.commitment ?? 0) || a.id.localeCompare(b.id))[0];
    if (patron) plan.try({ actor: side, kind: 'request-support', backer: patron.id }, `Money is short (${me.money} against a bill of ${bill}): asked ${patron.name} for more.`);
  }
  if (state.country.blockadeBy === side && (me.money < bill * 2 || calc.accept)) {
    plan.try({ actor: side, kind: 'oil-terminals', open: true }, 'The blockade hurts its own finances too much: reopened the oil.');
  }
  const wavering = state.formations
    .filter((f) => f.side === side && f.loyalty < scenario.rules.defectionThreshold + 15 && f.strength >= 5)
    .sort((a, b) => a.loyalty - b.loyalty || a.id.localeCompare(b.id))[0];
  if (wavering) plan.try({ actor: side, kind: 'buy-loyalty', formation: wavering.id }, `${world.formationDef.get(wavering.id)?.name} was wavering (loyalty ${wavering.loyalty}).`);
  if (me.cohesion < 40 && me.money > bill * 3) plan.try({ actor: side, kind: 'pay-salaries' }, `Cohesion was low (${me.cohesion}): paid salaries.`);

  // 5. Talks: a side that expects more from a deal than from fighting proposes one.
  if (calc.accept && !state.talks.proposal && talksIndex(state.talks.stage) < 2) {
    const enemyCalc = ceasefireCalculus(scenario, state, other(side), DEFAULT_TERMS);
    if (enemyCalc.accept || noise(state.seed, state.turn, side, 'propose') < 0.3) {
      plan.try({ actor: side, kind: 'propose-ceasefire', terms: DEFAULT_TERMS }, `Expects more from a deal (${calc.deal}) than from fighting on (${calc.fight}).`);
    }
  }
  if (talksIndex(state.talks.stage) >= 1 && state.talks.trust < 40 && calc.accept) {
    plan.try({ actor: side, kind: 'prisoner-exchange' }, 'Wants the talks to work: a goodwill gesture.');
  }
  // With budget left: recruit where support is strong, or rally support.
  const home = world.placeIds
    .filter((p) => state.places[p]?.controller === side && (world.place.get(p)?.population ?? 0) >= 50)
    .sort((a, b) => (world.place.get(b)?.population ?? 0) - (world.place.get(a)?.population ?? 0) || a.localeCompare(b));
  if (me.money > bill * 3) for (const p of home) if (plan.try({ actor: side, kind: 'recruit', place: p }, `Recruited in ${name(p)} while money allows.`)) break;
  plan.try({ actor: side, kind: 'public-messaging' }, 'Rallied public support.');
  return { orders: plan.orders, reasons: plan.reasons };
}

function mediatorOrders(scenario: Scenario, state: State): AiDecision {
  const plan = new Planner(scenario, state);
  const world = worldOf(scenario);
  answerChoices(scenario, state, 'mediator', plan);
  const t = state.talks;
  const stage = talksIndex(t.stage);
  if (stage >= 2 && !t.monitors) plan.try({ actor: 'mediator', kind: 'deploy-monitors' }, 'A truce without monitors breaks: deployed them.');
  if (stage >= 2) plan.try({ actor: 'mediator', kind: 'political-track' }, 'Used the calm to advance the political track.');
  if (stage < 2 && !t.proposal) {
    const gna = ceasefireCalculus(scenario, state, 'gna', DEFAULT_TERMS);
    const lna = ceasefireCalculus(scenario, state, 'lna', DEFAULT_TERMS);
    if (gna.accept && lna.accept) plan.try({ actor: 'mediator', kind: 'propose-ceasefire', terms: DEFAULT_TERMS }, 'Both sides now expect more from a deal than from war: the moment is ripe.');
  }
  const spoiler = state.formations.find((f) => world.formationDef.get(f.id)?.spoiler && f.strength > 0 && stage >= 2);
  if (spoiler) plan.try({ actor: 'mediator', kind: 'sanction-spoiler', formation: spoiler.id }, `${world.formationDef.get(spoiler.id)?.name} threatens the truce.`);
  if (state.country.escalation >= 50) {
    const top = [...scenario.backers]
      .filter((b) => b.client !== 'none')
      .sort((a, b) => (state.backers[b.id]?.commitment ?? 0) - (state.backers[a.id]?.commitment ?? 0) || a.id.localeCompare(b.id))[0];
    if (top) plan.try({ actor: 'mediator', kind: 'pressure-backer', backer: top.id }, `Escalation is dangerous (${state.country.escalation}): pressed ${top.name}.`);
  }
  if (state.country.embargoEnforcement < 40) plan.try({ actor: 'mediator', kind: 'enforce-embargo' }, 'Arms keep flowing: tightened the embargo.');
  if (t.trust < 30) plan.try({ actor: 'mediator', kind: 'shuttle-diplomacy' }, `Trust is low (${t.trust}): shuttled between the camps.`);
  if (!state.conference && state.country.internationalPressure >= 40) plan.try({ actor: 'mediator', kind: 'convene-conference' }, 'Pressure is high enough to bring the backers to one table.');
  const hurt = world.placeIds.filter((p) => (state.places[p]?.damage ?? 0) >= 20 && defendersOf(state, p).length).sort();
  if (hurt[0]) plan.try({ actor: 'mediator', kind: 'humanitarian-corridor', place: hurt[0] }, `Civilians in ${world.place.get(hurt[0])?.name} need aid.`);
  plan.try({ actor: 'mediator', kind: 'shuttle-diplomacy' }, 'Kept the channels open.');
  return { orders: plan.orders, reasons: plan.reasons };
}

function backerOrders(scenario: Scenario, state: State, id: string): AiDecision {
  const plan = new Planner(scenario, state);
  const world = worldOf(scenario);
  const def = world.backer.get(id);
  const b = state.backers[id];
  const actor = `backer:${id}` as Actor;
  if (!def || !b || def.client === 'none') return { orders: [], reasons: [] };
  const client = state.sides[def.client];
  const roll = noise(state.seed, state.turn, id);
  const overBudget = b.spent >= def.costTolerance;
  // Red lines first: a patron that declared one must answer when it is crossed.
  if (redLineCrossed(state, def) && b.commitment < def.maxCommitment) {
    const place = def.redLines?.find((p) => state.places[p]?.controller === other(def.client as SideId));
    plan.try({ actor, kind: 'escalate' }, `${def.name} escalated: ${scenario.sides[other(def.client)].shortName} forces crossed its red line at ${world.place.get(place ?? '')?.name ?? place}.`);
    return { orders: plan.orders, reasons: plan.reasons };
  }
  // A rival's step up is answered, if this backer has the appetite.
  const rivalUp = def.rivals.find((r) => {
    const rs = state.backers[r];
    return rs && rs.lastChange === state.turn - 1 && rs.commitment > b.commitment - 1 && rs.peak === rs.commitment;
  });
  if (rivalUp && !overBudget && roll * 100 < def.aggression) {
    plan.try({ actor, kind: 'escalate' }, `${def.name} answered ${world.backer.get(rivalUp)?.name}'s escalation.`);
    return { orders: plan.orders, reasons: plan.reasons };
  }
  const stake = Object.values(def.interests).reduce((a, v) => a + (v ?? 0), 0);
  if (client.momentum < 0 && client.confidence < 40 && stake >= 150 && !overBudget && roll < 0.5) {
    plan.try({ actor, kind: 'escalate' }, `${def.name} stepped up to save its client from defeat.`);
    return { orders: plan.orders, reasons: plan.reasons };
  }
  if ((overBudget || b.pressure >= 70) && client.confidence >= 35) {
    plan.try({ actor, kind: 'de-escalate' }, overBudget ? `${def.name} found the war too costly and scaled back.` : `${def.name} bowed to international pressure.`);
    return { orders: plan.orders, reasons: plan.reasons };
  }
  const clientWantsWar = !ceasefireCalculus(scenario, state, def.client, DEFAULT_TERMS).accept;
  if (clientWantsWar && (b.pressure >= 50 || b.spent * 2 >= def.costTolerance) && foreignDependence(scenario, state, def.client) >= 5) {
    plan.try({ actor, kind: 'restrain-client' }, `${def.name} pressed its client to negotiate: the war costs it more than it gains.`);
  }
  return { orders: plan.orders, reasons: plan.reasons };
}

export function aiOrders(scenario: Scenario, state: State, actor: Actor): AiDecision {
  if (state.ending) return { orders: [], reasons: [] };
  if (actor === 'gna' || actor === 'lna') return sideOrders(scenario, state, actor);
  if (actor === 'mediator') return mediatorOrders(scenario, state);
  return backerOrders(scenario, state, actor.slice('backer:'.length));
}

/** Orders of every actor except the player's role (null: all AI). */
export function otherActorsOrders(scenario: Scenario, state: State, player: Role | null): { orders: Order[]; reasons: Partial<Record<Actor, string[]>> } {
  const orders: Order[] = [];
  const reasons: Partial<Record<Actor, string[]>> = {};
  const actors: Actor[] = ['gna', 'lna', 'mediator', ...scenario.backers.map((b) => `backer:${b.id}` as Actor)];
  for (const actor of actors) {
    if (actor === player) continue;
    const d = aiOrders(scenario, state, actor);
    orders.push(...d.orders);
    if (d.reasons.length) reasons[actor] = d.reasons;
  }
  return { orders, reasons };
}
