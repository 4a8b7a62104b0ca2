// The end of a turn: indicators that follow from what happened, then the endings, then scores.
import { DISASTER_EARLY, DISASTER_PENALTY, REGIONAL_WAR } from '../params.ts';
import { effectiveAir, formationPower, populationShare, sideStrength, talksIndex } from '../query.ts';
import type { BackerRole, Ending, EndingKind, ObjectiveWeights, PlayerRole, ReportMessage, Role, RoleScore, Scenario, SideId, State } from '../types.ts';
import { backerIdOf, isBackerRole, ROLES, SIDES } from '../types.ts';
import { clamp, other } from '../world.ts';
import { type Ctx, say } from './context.ts';

/** Momentum, confidence and cohesion follow from the turn's fighting and pay. */
export function updateIndicators(ctx: Ctx): void {
  const s = ctx.s;
  const world = ctx.world;
  // One pass over the formations: each side's combat power (combatPower, summed in the same
  // order), and its loyalty weighted by strength.
  let powerGna = 0;
  let powerLna = 0;
  let loyaltyGna = 0;
  let loyaltyLna = 0;
  let weightGna = 0;
  let weightLna = 0;
  for (const f of s.formations) {
    if (f.side !== 'gna' && f.side !== 'lna') continue;
    const power = formationPower(world, f);
    if (f.side === 'gna') {
      powerGna += power;
      loyaltyGna += f.loyalty * f.strength;
      weightGna += f.strength;
    } else {
      powerLna += power;
      loyaltyLna += f.loyalty * f.strength;
      weightLna += f.strength;
    }
  }
  const airGna = effectiveAir(ctx.scenario, s, 'gna');
  const airLna = effectiveAir(ctx.scenario, s, 'lna');
  for (const side of SIDES) {
    const st = s.sides[side];
    const gna = side === 'gna';
    st.momentum = ctx.facts.gained[side].length - ctx.facts.lost[side].length;
    const own = gna ? powerGna : powerLna;
    const enemy = gna ? powerLna : powerGna;
    const ratio = enemy === 0 ? 2 : own / enemy;
    const airEdge = gna ? airGna - airLna : airLna - airGna;
    // What the balance of forces alone would make a sober commander believe.
    const target = clamp(Math.round(50 + (ratio - 1) * 40 + airEdge / 3));
    st.confidence = clamp(Math.round((st.confidence * 3 + target) / 4) + st.momentum * 4);
    const weight = gna ? weightGna : weightLna;
    const avg = weight === 0 ? 0 : (gna ? loyaltyGna : loyaltyLna) / weight;
    st.cohesion = clamp(Math.round((st.cohesion * 7 + avg * 3) / 10) + Math.min(0, st.momentum) * 2 - (st.warWeariness >= 70 ? 2 : 0));
  }
}

/** The ending as a report message code (locales/<lang>/report.json): the state holds no sentence. */
export function endingMsg(kind: EndingKind, scenario: Scenario, winner: SideId | null, state?: State): ReportMessage {
  switch (kind) {
    case 'military-victory':
      return { key: 'report.ending.military', values: { actor: winner ?? '' } };
    case 'frozen-conflict':
      if (state?.talks.stage === 'agreement') return { key: 'report.ending.frozenAgreement', values: { held: state.talks.held, need: scenario.rules.settlementTurns, unit: (scenario.rounds ?? 1) > 1 ? 'fortnights' : 'turns' } };
      return { key: 'report.ending.frozen', values: {} };
    case 'collapse':
      return winner ? { key: 'report.ending.collapse', values: { actor: other(winner) } } : { key: 'report.ending.collapseAnySide', values: {} };
    case 'settlement':
      return { key: 'report.ending.settlement', values: {} };
    case 'regional-war':
      return { key: 'report.ending.regionalWar', values: {} };
    case 'catastrophe':
      return { key: 'report.ending.catastrophe', values: {} };
    case 'time-out':
      return { key: 'report.ending.timeOut', values: {} };
  }
}

export function checkEnding(ctx: Ctx): Ending | null {
  const { scenario, s } = ctx;
  let kind: EndingKind | null = null;
  let winner: SideId | null = null;
  if (s.country.escalation >= REGIONAL_WAR) kind = 'regional-war';
  else if (s.country.civilianCasualties >= scenario.rules.catastropheCasualties) kind = 'catastrophe';
  // (Plain loops: leaving a for…of early closes its iterator, a step V8 first meets at the first
  // victory of a batch — after it has optimised this function, whose code it then throws away.)
  if (!kind) {
    for (let i = 0; i < SIDES.length; i++) {
      const side = SIDES[i]!;
      const enemy = other(side);
      const def = scenario.sides[enemy];
      const capitalTaken = s.places[def.capital]?.controller === side;
      const allKeys = def.keyPlaces.every((p) => s.places[p]?.controller !== enemy);
      if (capitalTaken || allKeys || sideStrength(s, enemy) === 0) {
        kind = 'military-victory';
        winner = side;
        break;
      }
    }
  }
  if (!kind) {
    for (let i = 0; i < SIDES.length; i++) {
      const side = SIDES[i]!;
      const st = s.sides[side];
      if (st.cohesion <= 5 || st.unpaidTurns >= 4) {
        kind = 'collapse';
        winner = other(side);
        break;
      }
    }
  }
  if (!kind && s.talks.stage === 'agreement' && s.talks.held >= scenario.rules.settlementTurns) kind = 'settlement';
  if (!kind && s.turn >= scenario.turns) kind = talksIndex(s.talks.stage) >= 3 ? 'frozen-conflict' : 'time-out';
  if (!kind) return null;
  const ending: Ending = { kind, winner, turn: s.turn, scores: scoreAll(scenario, s, kind, winner) };
  say(ctx, { mechanic: 'ending', msg: endingMsg(kind, scenario, winner, s) });
  return ending;
}

/** A score's parts weighted by its objectives, unrounded (the score is this rounded, with the ending's own points). */
export function weightedParts(parts: ObjectiveWeights, w: ObjectiveWeights): number {
  const sum = w.territory + w.lives + w.legitimacy + w.stability + w.escalation || 1;
  return (parts.territory * w.territory + parts.lives * w.lives + parts.legitimacy * w.legitimacy + parts.stability * w.stability + parts.escalation * w.escalation) / sum;
}

/** Score of each role, by part (0-100 each), weighted by the role's objectives. */
export function scoreAll(scenario: Scenario, s: State, kind: EndingKind, winner: SideId | null): Record<Role, RoleScore> {
  const lives = clamp(100 - Math.round((s.country.civilianCasualties * 100) / scenario.rules.catastropheCasualties));
  const escalation = clamp(100 - s.country.escalation);
  const peace = talksIndex(s.talks.stage) * 20 + Math.floor(s.talks.trust / 5);
  const result = {} as Record<Role, RoleScore>;
  for (const role of ROLES) {
    let parts: ObjectiveWeights;
    if (role === 'mediator') {
      const swing = Math.abs(populationShare(scenario, s, 'gna') - (s.log[0]?.gnaShare ?? populationShare(scenario, s, 'gna')));
      parts = {
        territory: clamp(100 - swing),
        lives,
        legitimacy: clamp(peace),
        stability: s.country.humanitarianAccess,
        escalation,
      };
    } else {
      const st = s.sides[role];
      parts = {
        territory: clamp(populationShare(scenario, s, role) + (winner === role ? 20 : 0)),
        lives,
        legitimacy: st.legitimacy,
        stability: Math.round((st.cohesion + (100 - st.warWeariness)) / 2),
        escalation,
      };
    }
    let total = Math.round(weightedParts(parts, scenario.objectives[role].weights));
    if (kind === 'settlement' && role === 'mediator') total += 15;
    if (kind === 'military-victory') total += role === winner ? 15 : role === 'mediator' ? -10 : -20;
    // A regional war or a catastrophe costs everyone, and the sooner it comes the more of the
    // period it swallows: without the second term, setting the region alight in the first weeks
    // scored better than holding on for months (less weariness at the moment the game stopped).
    if (kind === 'regional-war' || kind === 'catastrophe') total -= DISASTER_PENALTY + Math.round((DISASTER_EARLY * Math.max(0, scenario.turns - s.turn)) / scenario.turns);
    result[role] = { total: clamp(total), parts };
  }
  return result;
}

/**
 * A backer's standing abroad, 0-100: what pressure, exposure and called bluffs have left of it.
 * Pressure counts half: it builds on every patron in a long war (most end at 100), so at full
 * weight it would leave nothing for what the backer itself did to tell apart.
 */
export function backerStanding(s: Pick<State, 'backers'>, id: string): number {
  const b = s.backers[id];
  if (!b) return 0;
  return clamp(100 - Math.round(b.pressure / 2) - (b.exposures ?? 0) * 10 - (b.bluffs ?? 0) * 10);
}

/**
 * A backer's score at the ending, by part (0-100 each), weighted by its role's objectives:
 * territory is its client's share of the country (more if the client won), lives and
 * escalation are everyone's, legitimacy is its own standing abroad, stability is its costs kept
 * within what it will bear. Worked out from the final state, not kept in it (so a computer game's
 * state, and its hash, are what they always were).
 */
export function backerScore(scenario: Scenario, s: State, role: BackerRole): RoleScore | null {
  const id = backerIdOf(role);
  const def = scenario.backers.find((b) => b.id === id);
  const weights = scenario.backerRoles?.[id]?.objectives.weights;
  const b = s.backers[id];
  if (!def || !weights || !b || !s.ending) return null;
  const { kind, winner } = s.ending;
  const client = def.client === 'none' ? null : def.client;
  const parts: ObjectiveWeights = {
    territory: client ? clamp(populationShare(scenario, s, client) + (winner === client ? 20 : 0)) : clamp(100 - Math.abs(populationShare(scenario, s, 'gna') - (s.log[0]?.gnaShare ?? 50))),
    lives: clamp(100 - Math.round((s.country.civilianCasualties * 100) / scenario.rules.catastropheCasualties)),
    legitimacy: backerStanding(s, id),
    stability: def.costTolerance > 0 ? clamp(100 - Math.round((b.spent * 100) / def.costTolerance)) : 100,
    escalation: clamp(100 - s.country.escalation),
  };
  let total = Math.round(weightedParts(parts, weights));
  // A client that collapses (unpaid and divided, its coalition broken) has lost the war as surely
  // as one beaten in the field: for its patron, the same defeat (and for the other's, the same win).
  if ((kind === 'military-victory' || kind === 'collapse') && client) total += winner === client ? 15 : -20;
  if (kind === 'regional-war' || kind === 'catastrophe') total -= DISASTER_PENALTY + Math.round((DISASTER_EARLY * Math.max(0, scenario.turns - s.turn)) / scenario.turns);
  return { total: clamp(total), parts };
}

/** Any role's score at the ending (a side's and the mediator's are kept in the ending; a backer's is worked out). */
export function roleScore(scenario: Scenario, s: State, role: PlayerRole): RoleScore | null {
  if (!s.ending) return null;
  return isBackerRole(role) ? backerScore(scenario, s, role) : (s.ending.scores[role as Role] ?? null);
}
