// Diplomacy and talks: proposals and answers weighed by ripeness, truces that break without
// monitors, trust, conferences, the mediator's tools and the political track.
import { cloneTerms } from '../clone.ts';
import { MONITOR_EFFECT, TRUCE_COLLAPSE_TRUST, TRUCE_TO_CEASEFIRE_TURNS, TRUCE_VIOLATION_BASE, WAR_TRUST_EROSION } from '../params.ts';
import { type AirBalance, effectiveAir, hasCentralBank, populationShare, talksIndex } from '../query.ts';
import type { CeasefireTerms, Order, PlaceState, ReportMessage, Role, Scenario, SideId, State, TalksStage } from '../types.ts';
import { SIDES } from '../types.ts';
import { clamp, other, periodOf, worldOf } from '../world.ts';
import { type Ctx, ordersOf, say, sideOfActor } from './context.ts';
import { foreignDependence } from './economy.ts';
import { airBonus, airBonusFrom } from './military.ts';

export interface CeasefireCalculus {
  /** What the side expects from fighting on. */
  fight: number;
  /** What it expects from the deal on these terms. */
  deal: number;
  accept: boolean;
  /** The main reasons, as report message codes ('report.reason.*', locales/<lang>/report.json). */
  reasons: string[];
}

/**
 * Ripeness: a side accepts a ceasefire only when it expects more from the deal than from
 * fighting on. Confidence and momentum push for war; weariness, strain, pressure, a
 * patron's restraint and good terms push for the deal.
 */
export function ceasefireCalculus(
  scenario: Scenario,
  state: State,
  side: SideId,
  terms: CeasefireTerms,
  restrained = false,
  /** Attacks its forces made this very turn (a side on the offensive weighs a truce against it). */
  attackingNow = 0,
  /** The state's places by index, when the caller has them (placesByIndex: the AI asks this many times a turn). */
  places?: readonly (PlaceState | undefined)[],
  /** Both sides' air on this state (airBalance), when the caller has it (the AI's memo). */
  air?: AirBalance,
): CeasefireCalculus {
  // Named fields, not state.sides[side]: read by a key that changes, that is V8's generic keyed load.
  const gna = side === 'gna';
  const s = gna ? state.sides.gna : state.sides.lna;
  const def = gna ? scenario.sides.gna : scenario.sides.lna;
  const reasons: string[] = [];
  let fight = s.confidence + s.momentum * 6 + (s.money >= 100 ? 5 : -10) + Math.floor(def.aggression / 5);
  if (s.momentum > 0) reasons.push('report.reason.wonGround');
  if (s.confidence >= 65) reasons.push('report.reason.canWin');
  if (attackingNow > 0) reasons.push('report.reason.attacking');
  // Command of the air is what each side's hope of victory rested on in 2020: the LNA's before the
  // Turkish drones and air defence arrived, the GNA's after (it rejected the Cairo Declaration).
  fight += Math.round((air ? airBonusFrom(air, side) : airBonus(scenario, state, side)) * AIR_HOPE);
  // A truce lifts every siege: a side with a city in its grip gives that up by signing.
  // (A plain loop: the AI asks this many times a turn.)
  const { placeIds } = worldOf(scenario);
  const enemyCapital = (gna ? scenario.sides.lna : scenario.sides.gna).capital;
  let sieges = 0;
  let capital = false;
  for (let i = 0; i < placeIds.length; i++) {
    if ((places ? places[i] : state.places[placeIds[i]!])?.siegedBy !== side) continue;
    sieges++;
    if (placeIds[i] === enemyCapital) capital = true;
  }
  if (sieges > 0) {
    fight += SIEGE_WEIGHT * sieges + (capital ? SIEGE_WEIGHT : 0);
    reasons.push(capital ? 'report.reason.capitalSiege' : 'report.reason.citySiege');
  }
  // Weariness weighs as far as the leadership doubts its victory: a confident one fights on through it
  // (the LNA in the spring of 2020, the GNA in the summer), a doubting one signs.
  let deal = 35 + Math.floor((s.warWeariness * (100 - clamp(s.confidence))) / 200) + Math.floor((100 - s.cohesion) / 4) + Math.floor(state.country.internationalPressure * 0.15);
  deal += Math.floor(state.talks.trust / 5);
  if (s.warWeariness >= 50) reasons.push('report.reason.weary');
  if (s.cohesion < 45) reasons.push('report.reason.fraying');
  if (restrained) {
    deal += 15;
    reasons.push('report.reason.patron');
  }
  if (terms.freezeLines) deal += Math.floor((populationShare(scenario, state, side, places) - 50) / 2);
  if (terms.foreignFightersOut) {
    deal += Math.floor(foreignDependence(scenario, state, other(side)) / 4) - Math.floor(foreignDependence(scenario, state, side) / 2);
  }
  if (terms.monitors) deal += Math.floor(state.talks.trust / 5) + 3;
  if (terms.oilReopened) deal += (s.money < 150 ? 10 : 3) - (state.country.blockadeBy === side ? (terms.revenueShared ? 8 : BLOCKADE_CARD) : 0);
  else if (state.country.blockadeBy === other(side)) {
    // A truce that leaves the enemy's blockade in force freezes the lines with the oil in its hands: the side under
    // it gives up the means to reopen the oil by arms (the GNA's drive on Sirte and the oil crescent, June 2020).
    deal -= BLOCKADE_KEPT;
    reasons.push('report.reason.blockaded');
  }
  if (terms.revenueShared) deal += hasCentralBank(scenario, state, side) ? -6 : 8;
  if (terms.heavyWeaponsOut) {
    const ahead = air ? (gna ? air.gnaAir > air.lnaAir : air.lnaAir > air.gnaAir) : effectiveAir(scenario, state, side) > effectiveAir(scenario, state, other(side));
    deal += ahead ? -3 : 3;
  }
  if (s.money < 60) {
    deal += 10;
    reasons.push('report.reason.money');
  }
  fight = Math.round(fight);
  deal = Math.round(deal);
  // A side in the middle of an offensive answers a truce with its guns, whatever the balance.
  return { fight, deal, accept: deal >= fight && attackingNow === 0, reasons };
}

/** What each siege a side holds adds to fighting on (twice for the enemy's capital), since a truce lifts it. Design value. */
export const SIEGE_WEIGHT = 12;

/** What each point of a side's air bonus (airBonus: its air power against the enemy's air defence) adds to fighting on. Design value. */
export const AIR_HOPE = 0.5;

/**
 * What a side that holds the oil blockade loses by reopening it without a share of the revenue (its price in
 * the record: the Sochi deal of September 2020). 30 since rules version 11 (20 before): the LNA held the
 * blockade through its defeats of May and June 2020 and lifted it only for a revenue deal (reference §4.3, §5.1).
 */
export const BLOCKADE_CARD = 30;

/**
 * What a side under the enemy's oil blockade loses by a truce that leaves it in force (rules version 12). In the
 * record the GNA rejected the Cairo Declaration while the oil was shut (6 June 2020), and the formal ceasefire
 * (23 October) came after the oil deal (18 September). Design value: half the holder's card.
 */
export const BLOCKADE_KEPT = 15;

/** Trust lost for each attack made in the turn a truce is agreed (design value; a violation costs 10). */
export const BAD_FAITH_TRUST = 10;

export const DEFAULT_TERMS: CeasefireTerms = {
  freezeLines: true,
  heavyWeaponsOut: false,
  foreignFightersOut: false,
  monitors: true,
  oilReopened: true,
  revenueShared: false,
};

/**
 * The default terms without the oil: a ceasefire that leaves the oil to a deal of its own. While a blockade is in
 * force the computer's proposals are these (proposalTerms, src/sim/ai.ts): the side that holds it does not give up
 * its card for a truce, and the mediators kept the oil to the Berlin process's economic track (in the record the
 * ceasefire was declared on 21 August 2020 and the oil reopened with a revenue deal on 18 September).
 */
export const CEASEFIRE_TERMS: CeasefireTerms = { ...DEFAULT_TERMS, oilReopened: false };

/**
 * The oil deal (rules version 13): the default terms with the oil reopened and its revenue shared. While a ceasefire
 * holds (the talks' stage `ceasefire` or `agreement`) and a blockade is in force, these are the only terms a proposal
 * may put: the deal amends the ceasefire's terms without setting the stage back. In the record the oil reopened on
 * 18 September 2020 by the Maiteeq–Haftar deal on the distribution of its revenue, four weeks after the ceasefire
 * announcements of 21 August (reference §4.3, §5.1).
 */
export const OIL_DEAL_TERMS: CeasefireTerms = { ...DEFAULT_TERMS, revenueShared: true };

/** Fortnights a ceasefire must have held (talks.held) before the oil deal can be tabled (rules version 13; design value). */
export const OIL_DEAL_HELD = 2;

/** Points of the oil revenue's war share that the deal moves to the side that held the blockade (rules version 13; design value: nothing moves it back). */
export const OIL_DEAL_SHARE = 15;

/** What the oil deal is worth to the side under the blockade before its terms: the ceasefire reckoning's base (rules version 13; design value). */
export const OIL_DEAL_BASE = 35;

/** What the holder's card loses for each fortnight the ceasefire has held: it has served the talks (rules version 13; design value). */
export const OIL_CARD_WEAR = 3;

/** Is a proposal now the oil deal? A ceasefire holds and a blockade is in force (rules version 13). */
export function oilDealTalks(state: State): boolean {
  return talksIndex(state.talks.stage) >= 3 && state.country.blockadeBy !== null;
}

/** Can the oil deal be tabled this fortnight: a ceasefire has held OIL_DEAL_HELD fortnights with a blockade in force. */
export function oilDealOpen(state: State): boolean {
  return oilDealTalks(state) && state.talks.held >= OIL_DEAL_HELD;
}

/**
 * The share of the oil revenue's war money after the deal: the price paid to the side that held the blockade,
 * OIL_DEAL_SHARE points of it into its areas (revenueShareToOther, paid by the side that holds the central bank).
 */
export function oilDealShare(scenario: Scenario, state: State): number {
  const holder = state.country.blockadeBy;
  const now = state.country.revenueShareToOther;
  if (!holder) return now;
  return clamp(now + (hasCentralBank(scenario, state, holder) ? -OIL_DEAL_SHARE : OIL_DEAL_SHARE), 0, 50);
}

/**
 * The oil deal as each side reckons it (rules version 13), in the shape of a ceasefire reckoning. The holder weighs
 * its card (BLOCKADE_CARD, worn by OIL_CARD_WEAR each fortnight the ceasefire has held) against the oil money, the
 * revenue share it is paid and the trust built; the side under the blockade weighs the oil money, the trust built
 * and the blockade's weight lifted (OIL_DEAL_BASE + BLOCKADE_KEPT) against the share it pays and its hope of retaking
 * the oil by arms (its confidence, its momentum, its command of the air: the GNA of June–July 2020 wanted Sirte). Neither accepts before the ceasefire has held OIL_DEAL_HELD fortnights.
 */
export function oilDealCalculus(scenario: Scenario, state: State, side: SideId): CeasefireCalculus {
  const s = side === 'gna' ? state.sides.gna : state.sides.lna;
  const holder = state.country.blockadeBy;
  const reasons: string[] = [];
  // The share moves towards the holder: the side that pays it is the one that gains nothing by it.
  const paid = holder !== null && oilDealShare(scenario, state) !== state.country.revenueShareToOther;
  const oilMoney = s.money < 150 ? 10 : 3;
  if (s.money < 150) reasons.push('report.reason.money');
  let fight: number;
  let deal = oilMoney;
  if (side === holder) {
    fight = Math.max(0, BLOCKADE_CARD - OIL_CARD_WEAR * state.talks.held);
    deal += Math.floor(state.talks.trust / 10) + (paid ? 8 : -8);
    reasons.push('report.reason.oilCard');
  } else {
    // On the ceasefire's own scale (ceasefireCalculus): a side sure it can take the oil back by arms does not pay for it.
    fight = s.confidence + Math.max(0, s.momentum) * 6 + Math.round(airBonus(scenario, state, side) * AIR_HOPE) + (paid ? 8 : 0);
    deal += OIL_DEAL_BASE + Math.floor(state.talks.trust / 5) + BLOCKADE_KEPT;
    reasons.push('report.reason.blockaded');
    if (s.confidence >= 65) reasons.push('report.reason.canWin');
  }
  return { fight, deal, accept: deal >= fight && state.talks.held >= OIL_DEAL_HELD, reasons };
}

/** A side's reckoning of the proposal on the table: the oil deal while a ceasefire holds with a blockade (rules version 13), else the ceasefire's. */
export function proposalCalculus(
  scenario: Scenario,
  state: State,
  side: SideId,
  terms: CeasefireTerms,
  restrained = false,
  attackingNow = 0,
  places?: readonly (PlaceState | undefined)[],
  air?: AirBalance,
): CeasefireCalculus {
  return oilDealTalks(state) ? oilDealCalculus(scenario, state, side) : ceasefireCalculus(scenario, state, side, terms, restrained, attackingNow, places, air);
}

function setStage(ctx: Ctx, to: TalksStage, msg: ReportMessage): void {
  const from = ctx.s.talks.stage;
  if (from === to) return;
  ctx.s.talks.stage = to;
  ctx.s.talks.turnsInStage = 0;
  if (talksIndex(to) < 2) {
    ctx.s.talks.terms = null;
    ctx.s.talks.violations = 0;
    ctx.s.talks.monitors = false;
  }
  say(ctx, { mechanic: 'talks', msg, detail: { type: 'talks', from, to } });
}

/**
 * A truce begins: every siege is lifted (its besiegers stay where they stand), so that a
 * city is not starved under a ceasefire. Called when a truce is agreed and when an event
 * imposes one.
 */
export function liftSiegesForTruce(ctx: Ctx): void {
  for (const id of ctx.world.placeIds) {
    const p = ctx.s.places[id];
    if (!p?.siegedBy) continue;
    p.siegedBy = undefined;
    say(ctx, {
      mechanic: 'siege',
      msg: { key: 'report.siege.liftedTruce', values: { place: id } },
      places: [id],
      concept: 'commitment-problem',
    });
  }
}

/**
 * A truce agreed in a turn in which a side's forces attacked: those attacks broke no promise
 * (the truce was not yet in force) and are no violations, but the other side saw them sign
 * while shelling, and trust starts lower (the commitment problem at its first step).
 */
function badFaith(ctx: Ctx): void {
  for (const side of SIDES) {
    const attacks = ctx.facts.attacks[side];
    if (attacks === 0) continue;
    const before = ctx.s.talks.trust;
    ctx.s.talks.trust = clamp(before - BAD_FAITH_TRUST * attacks);
    say(ctx, {
      mechanic: 'commitment',
      msg: { key: 'report.badFaith', values: { actor: side, period: periodOf(ctx.scenario), points: before - ctx.s.talks.trust } },
      actors: [side],
      concept: 'commitment-problem',
    });
  }
}

/** Places each side holds under siege now. */
export function siegesBy(ctx: Ctx): Record<SideId, string[]> {
  const held: Record<SideId, string[]> = { gna: [], lna: [] };
  const ids = ctx.world.placeIds;
  for (let i = 0; i < ids.length; i++) {
    const by = ctx.places[i]?.siegedBy;
    if (by) held[by].push(ids[i]!);
  }
  for (const side of SIDES) held[side].sort();
  return held;
}

/** Conference buy-in: backers deep in the war resist; pressure and trust help. */
export function conferenceOdds(scenario: Scenario, state: State): number {
  let deep = 0;
  for (const b of scenario.backers) if ((state.backers[b.id]?.commitment ?? 0) >= 3) deep++;
  return clamp(30 + Math.floor(state.country.internationalPressure / 2) + Math.floor(state.talks.trust / 2) - deep * 5, 10, 90);
}

type ProposeOrder = Extract<Order, { kind: 'propose-ceasefire' }>;

function putProposal(ctx: Ctx, o: ProposeOrder): void {
  const s = ctx.s;
  const by = o.actor as Role;
  // (Terms copied as cloneState copies them: terms of one shape, whoever wrote the order.)
  s.talks.proposal = { by, terms: cloneTerms(o.terms), turn: s.turn };
  say(ctx, { mechanic: 'talks', msg: { key: 'report.proposed', values: { who: by, termItems: termCodes(o.terms) } }, actors: [by] });
  // A side the computer plays answers at once, on its situation as the turn began: the
  // reckoning the proposer was shown before giving the order (ceasefireAnswer) is the one that decides.
  for (const side of SIDES) {
    if (side === by || s.humans.includes(side)) continue;
    const calc = ceasefireAnswer(ctx.scenario, ctx.start, side, o.terms, plannedBy(ctx.orders, side, ctx.scenario));
    ctx.facts.answers[side] = calc.accept;
    ctx.facts.reckoned[side] = calc;
  }
  if (s.talks.stage === 'none') setStage(ctx, 'talks', { key: 'report.stage.proposal', values: {} });
}

export function diplomacyPhase(ctx: Ctx): void {
  const s = ctx.s;
  // A conference convened last turn sits now; each side attends or boycotts.
  if (s.conference && s.conference.turn === s.turn) {
    for (const side of SIDES) {
      const answer = ordersOf(ctx, 'conference').find((o) => o.actor === side);
      const attend = answer ? answer.attend : true;
      const st = s.sides[side];
      if (attend) {
        st.legitimacy = clamp(st.legitimacy + 3);
        s.talks.trust = clamp(s.talks.trust + 3);
      } else {
        st.legitimacy = clamp(st.legitimacy - 5);
        st.confidence = clamp(st.confidence + 2);
      }
      say(ctx, {
        mechanic: 'mediation',
        msg: { key: attend ? 'report.conference.attended' : 'report.conference.boycotted', values: { actor: side } },
        actors: [side],
        concept: 'legitimacy',
      });
    }
    s.country.embargoEnforcement = clamp(s.country.embargoEnforcement + 8);
    s.country.internationalPressure = clamp(s.country.internationalPressure + 6);
    for (const id of ctx.world.backerIds) s.backers[id]!.pressure = clamp(s.backers[id]!.pressure + 10);
    if (s.talks.stage === 'none') setStage(ctx, 'talks', { key: 'report.stage.conference', values: {} });
    s.conference = null;
  } else if (s.conference && s.conference.turn < s.turn) {
    s.conference = null;
  }
  // A person's proposal is the one put on the table, so that the answers they were shown are the
  // answers given; a computer's proposal in the same fortnight backs it.
  const lead =
    ctx.orders.find((o): o is ProposeOrder => o.kind === 'propose-ceasefire' && s.humans.includes(o.actor as Role)) ??
    ctx.orders.find((o): o is ProposeOrder => o.kind === 'propose-ceasefire');
  if (lead) putProposal(ctx, lead);
  for (const o of ctx.orders) {
    const side = sideOfActor(o.actor);
    switch (o.kind) {
      case 'public-messaging': {
        if (!side) break;
        // (The three regions by name: read by a key that changes, each is V8's generic keyed load.)
        const support = s.sides[side].support;
        support.tripolitania = clamp(support.tripolitania + 3);
        support.cyrenaica = clamp(support.cyrenaica + 3);
        support.fezzan = clamp(support.fezzan + 3);
        s.sides[side].confidence = clamp(s.sides[side].confidence + 2);
        s.sides[side].legitimacy = clamp(s.sides[side].legitimacy + 1);
        say(ctx, { mechanic: 'order', msg: { key: 'report.campaign', values: { actor: side } }, actors: [side] });
        break;
      }
      case 'humanitarian-pause':
        if (!side) break;
        ctx.facts.pauses.push(side);
        s.talks.trust = clamp(s.talks.trust + 3);
        say(ctx, { mechanic: 'humanitarian', msg: { key: 'report.pause', values: { actor: side } }, actors: [side] });
        break;
      case 'prisoner-exchange':
        if (!side) break;
        s.talks.trust = clamp(s.talks.trust + 7);
        s.sides[side].warWeariness = clamp(s.sides[side].warWeariness - 2);
        say(ctx, { mechanic: 'talks', msg: { key: 'report.prisoners', values: { actor: side } }, actors: [side] });
        break;
      case 'request-support':
        if (side) ctx.facts.requests.push({ side, backer: o.backer });
        break;
      case 'propose-ceasefire': {
        // The proposal on the table was put before this loop (putProposal); the others back it.
        if (o !== lead) say(ctx, { mechanic: 'talks', msg: { key: 'report.proposalBacked', values: { who: o.actor } }, actors: [o.actor as Role] });
        break;
      }
      case 'answer-ceasefire':
        if (side) ctx.facts.answers[side] = o.accept;
        break;
      case 'shuttle-diplomacy': {
        const gain = 5 + Math.floor(s.country.humanitarianAccess / 25);
        s.talks.trust = clamp(s.talks.trust + gain);
        say(ctx, { mechanic: 'mediation', msg: { key: 'report.shuttle', values: { points: gain } }, actors: ['mediator'] });
        if (s.talks.stage === 'none' && s.talks.trust >= 20) setStage(ctx, 'talks', { key: 'report.stage.trust', values: {} });
        break;
      }
      case 'convene-conference': {
        const odds = conferenceOdds(ctx.scenario, s);
        if (ctx.rng.chance(odds)) {
          s.conference = { turn: s.turn + 1, by: 'mediator' };
          say(ctx, { mechanic: 'mediation', msg: { key: 'report.conference.convened', values: { period: periodOf(ctx.scenario), odds } }, actors: ['mediator'], concept: 'proxy-war' });
        } else {
          say(ctx, {
            mechanic: 'mediation',
            msg: { key: 'report.conference.failed', values: { odds } },
            actors: ['mediator'],
            concept: 'proxy-war',
          });
        }
        break;
      }
      case 'enforce-embargo':
        s.country.embargoEnforcement = clamp(s.country.embargoEnforcement + 12, 0, 90);
        say(ctx, {
          mechanic: 'mediation',
          msg: { key: 'report.embargo', values: {} },
          actors: ['mediator'],
          concept: 'embargo-enforcement',
        });
        break;
      case 'sanction-spoiler': {
        const f = s.formations.find((x) => x.id === o.formation);
        if (!f) break;
        f.loyalty = clamp(f.loyalty - 15);
        const cut = Math.floor(f.strength / 10);
        f.strength -= cut;
        ctx.report.ledger.strength[f.side].lost += cut;
        ctx.facts.losses[f.side] += cut;
        s.country.internationalPressure = clamp(s.country.internationalPressure + 2);
        say(ctx, {
          mechanic: 'spoiler',
          msg: { key: 'report.sanctions', values: { formation: f.id } },
          actors: ['mediator'],
          concept: 'spoilers',
        });
        break;
      }
      case 'pressure-backer': {
        const b = s.backers[o.backer];
        if (!b) break;
        b.pressure = clamp(b.pressure + 25);
        say(ctx, { mechanic: 'mediation', msg: { key: 'report.pressBacker', values: { backer: o.backer } }, actors: ['mediator', `backer:${o.backer}`] });
        break;
      }
      case 'humanitarian-corridor':
        ctx.facts.corridors.push(o.place);
        break;
      case 'deploy-monitors':
        s.talks.monitors = true;
        say(ctx, {
          mechanic: 'commitment',
          msg: { key: 'report.monitors', values: {} },
          actors: ['mediator'],
          concept: 'commitment-problem',
        });
        break;
      case 'political-track': {
        const gain = 6 + Math.floor(s.talks.trust / 8) + (talksIndex(s.talks.stage) >= 3 ? 6 : 0);
        s.talks.politicalTrack = clamp(s.talks.politicalTrack + gain);
        say(ctx, { mechanic: 'mediation', msg: { key: 'report.politicalTrack', values: { points: gain } }, actors: ['mediator'] });
        break;
      }
      default:
        break;
    }
  }
}

/** The terms as report message codes, joined by "|". */
export function termCodes(t: CeasefireTerms): string {
  const parts: string[] = [];
  if (t.freezeLines) parts.push('report.terms.freezeLines');
  if (t.heavyWeaponsOut) parts.push('report.terms.heavyWeaponsOut');
  if (t.foreignFightersOut) parts.push('report.terms.foreignFightersOut');
  if (t.monitors) parts.push('report.terms.monitors');
  if (t.oilReopened) parts.push('report.terms.oilReopened');
  if (t.revenueShared) parts.push('report.terms.revenueShared');
  return parts.length ? parts.join('|') : 'report.terms.none';
}

/**
 * How a side answers a ceasefire proposed this turn, if the computer plays it: the ripeness
 * reckoning on the terms, on the state as the turn began (before anyone's orders), with no
 * fighting yet. The order preview shows exactly this; the answer is given when the proposal is put.
 */
export function ceasefireAnswer(scenario: Scenario, state: State, side: SideId, terms: CeasefireTerms, planned: Planned): CeasefireCalculus {
  return proposalCalculus(scenario, state, side, terms, planned.restrained, planned.attacks);
}

/** What a side's commanders and its patrons have ordered for this fortnight, as far as a ceasefire answer weighs it. */
export interface Planned {
  /** Attacks its commanders have ordered (a side on the offensive answers with its guns). */
  attacks: number;
  /** A patron has ordered it to stop fighting and talk. */
  restrained: boolean;
}

export function plannedBy(orders: readonly Order[], side: SideId, scenario?: Scenario): Planned {
  let attacks = 0;
  let restrained = false;
  for (const o of orders) {
    if (o.actor === side && o.kind === 'attack') attacks++;
    else if (o.kind === 'restrain-client' && scenario) {
      const id = o.actor.startsWith('backer:') ? o.actor.slice('backer:'.length) : '';
      if (scenario.backers.some((b) => b.id === id && b.client === side)) restrained = true;
    }
  }
  return { attacks, restrained };
}

/**
 * A ceasefire both sides have agreed to in this turn's diplomacy (the computer's sides answering
 * at once, a side that proposed counting as yes) is kept from the start by the sides the computer
 * plays: their attacks and sieges planned for this fortnight are called off. A person's orders
 * stand: attacking in the fortnight of a truce is bad faith, and costs trust (badFaith).
 */
export function standDownForTruce(ctx: Ctx): void {
  const proposal = ctx.s.talks.proposal;
  if (!proposal || proposal.turn !== ctx.s.turn) return;
  const yes = (side: SideId) => side === proposal.by || ctx.facts.answers[side] === true;
  if (!SIDES.every(yes)) return;
  for (const side of SIDES) {
    if (ctx.s.humans.includes(side)) continue;
    const before = ctx.orders.length;
    ctx.orders = ctx.orders.filter((o) => !(o.actor === side && (o.kind === 'attack' || o.kind === 'siege')));
    if (ctx.orders.length < before) {
      say(ctx, {
        mechanic: 'talks',
        msg: { key: 'report.calledOff', values: { actor: side, period: periodOf(ctx.scenario) } },
        actors: [side],
      });
    }
  }
}

function answerFor(ctx: Ctx, side: SideId, by: Role, proposedNow: boolean): boolean | undefined {
  const explicit = ctx.facts.answers[side];
  if (explicit !== undefined) return explicit;
  if (by === side) return true;
  if (ctx.s.humans.includes(side)) return proposedNow ? undefined : false;
  const proposal = ctx.s.talks.proposal!;
  return proposalCalculus(ctx.scenario, ctx.s, side, proposal.terms, ctx.facts.restrained.includes(side), ctx.facts.attacks[side], ctx.places).accept;
}

/**
 * War erodes trust: while no truce is in force, each battle of the turn and each
 * WAR_TRUST_EROSION.civiliansPerPoint civilians killed take trust away (at most
 * WAR_TRUST_EROSION.max a turn). Fronts that stand still do not by themselves make the sides
 * trust each other. Returns the points lost.
 */
export function warErodesTrust(ctx: Ctx): number {
  const t = ctx.s.talks;
  if (talksIndex(t.stage) >= 2) return 0;
  const battles = ctx.facts.attacks.gna + ctx.facts.attacks.lna;
  const civilians = ctx.facts.civilians.gna + ctx.facts.civilians.lna + ctx.facts.civilians.none;
  const erosion = Math.min(WAR_TRUST_EROSION.max, battles * WAR_TRUST_EROSION.perBattle + Math.floor(civilians / WAR_TRUST_EROSION.civiliansPerPoint));
  const before = t.trust;
  t.trust = clamp(t.trust - erosion);
  const lost = before - t.trust;
  if (lost > 0) {
    say(ctx, { mechanic: 'ripeness', msg: { key: battles && civilians ? 'report.trust.warBoth' : battles ? 'report.trust.warBattles' : 'report.trust.warCivilians', values: { battles, civilians, points: lost } } });
  }
  return lost;
}

export function talksPhase(ctx: Ctx): void {
  const s = ctx.s;
  const t = s.talks;
  const proposal = t.proposal;
  // Only a truce already in force while this turn's fighting took place can be violated by it:
  // attacks made before a truce is agreed this very turn broke no promise.
  const inForce = talksIndex(t.stage) >= 2;
  warErodesTrust(ctx);
  if (proposal) {
    const proposedNow = proposal.turn === s.turn;
    const answers = SIDES.map((side) => answerFor(ctx, side, proposal.by, proposedNow));
    if (answers.some((a) => a === undefined) && answers.every((a) => a !== false)) {
      // A person still has to answer: the proposal waits a turn.
    } else {
      t.proposal = null;
      SIDES.forEach((side, i) => {
        if (answers[i] === undefined || proposal.by === side) return;
        // The reckoning that decided, when there was one (a computer side answering this turn's proposal).
        const decided = ctx.facts.reckoned[side];
        const calc = decided ?? proposalCalculus(ctx.scenario, s, side, proposal.terms, ctx.facts.restrained.includes(side), ctx.facts.attacks[side], ctx.places);
        say(ctx, {
          mechanic: 'ripeness',
          msg: {
            key: answers[i] ? 'report.ceasefire.accepted' : 'report.ceasefire.rejected',
            values: { actor: side, figuresMsg: decided ? 'report.ceasefire.figures' : '', deal: decided?.deal ?? 0, fight: decided?.fight ?? 0, becauseMsg: calc.reasons.length ? 'report.ceasefire.because' : '', reasonItems: calc.reasons.join('|') },
          },
          actors: [side],
          concept: 'ripeness',
        });
      });
      if (answers.every((a) => a === true) && oilDealTalks(s)) {
        // The oil deal (rules version 13): the ceasefire's terms amended, the stage kept.
        const holder = s.country.blockadeBy!;
        const share = oilDealShare(ctx.scenario, s);
        t.terms = { ...(t.terms ?? DEFAULT_TERMS), oilReopened: true, revenueShared: true };
        s.country.revenueShareToOther = share;
        s.country.blockadeBy = null;
        say(ctx, { mechanic: 'oil', msg: { key: 'report.oil.deal', values: { actor: holder, share } }, actors: [holder], concept: 'rentier-state' });
        t.trust = clamp(t.trust + 3);
      } else if (answers.every((a) => a === true) && talksIndex(t.stage) < 3) {
        // (An oil deal agreed in the fortnight its holder reopened the oil for nothing lapses: the ceasefire stands.)
        t.terms = cloneTerms(proposal.terms);
        t.violations = 0;
        const wasInForce = talksIndex(t.stage) >= 2;
        setStage(ctx, 'truce', { key: 'report.stage.truce', values: { termItems: termCodes(proposal.terms) } });
        if (!wasInForce) {
          liftSiegesForTruce(ctx);
          badFaith(ctx);
        }
        if (proposal.terms.oilReopened && s.country.blockadeBy) {
          s.country.blockadeBy = null;
          say(ctx, { mechanic: 'oil', msg: { key: 'report.oil.reopenedDeal', values: {} }, concept: 'rentier-state' });
        }
        if (proposal.terms.revenueShared) s.country.revenueShareToOther = clamp(s.country.revenueShareToOther + 15, 0, 50);
        t.trust = clamp(t.trust + 8);
      }
    }
  }
  const stageIndex = talksIndex(t.stage);
  if (stageIndex >= 2) {
    // The commitment problem: with no one watching and little trust, each side fears the other will cheat.
    // Attacks and sieges kept under the truce are violations (not those of a turn that ended in a truce).
    const sieges = inForce ? siegesBy(ctx) : { gna: [], lna: [] };
    for (const side of SIDES) {
      const attacks = inForce ? ctx.facts.attacks[side] : 0;
      const besieged = sieges[side].length;
      const count = attacks + besieged;
      if (count > 0) {
        t.violations += count;
        const trustBefore = t.trust;
        t.trust = clamp(t.trust - 10 * count);
        s.sides[side].legitimacy = clamp(s.sides[side].legitimacy - 4);
        say(ctx, {
          mechanic: 'commitment',
          msg: { key: attacks > 0 && besieged > 0 ? 'report.violation.both' : attacks > 0 ? 'report.violation.attacked' : 'report.violation.siege', values: { actor: side, stage: t.stage, points: trustBefore - t.trust, placeList: sieges[side].join('|') } },
          actors: [side],
          places: sieges[side],
          concept: 'commitment-problem',
        });
      }
    }
    let spoilers = 0;
    for (const f of s.formations) if (ctx.world.formationDef.get(f.id)?.spoiler && f.strength > 0) spoilers++;
    const incidentOdds = clamp(TRUCE_VIOLATION_BASE - (t.monitors ? MONITOR_EFFECT : 0) - Math.floor(t.trust / 4) + spoilers * 3, 3, 90);
    if (ctx.rng.chance(incidentOdds)) {
      t.violations++;
      t.trust = clamp(t.trust - 5);
      say(ctx, {
        mechanic: 'commitment',
        msg: { key: t.monitors ? 'report.incident.monitors' : 'report.incident.noMonitors', values: { stage: t.stage, odds: incidentOdds } },
        concept: 'commitment-problem',
      });
    } else if (!inForce || ctx.facts.attacks.gna + ctx.facts.attacks.lna + sieges.gna.length + sieges.lna.length === 0) {
      t.trust = clamp(t.trust + 3);
    }
    if (t.trust < TRUCE_COLLAPSE_TRUST || (t.stage === 'truce' && t.violations >= 5)) {
      setStage(
        ctx,
        'talks',
        { key: t.trust < TRUCE_COLLAPSE_TRUST ? 'report.stage.collapsedTrust' : 'report.stage.collapsed', values: { stage: t.stage, violations: t.violations, min: TRUCE_COLLAPSE_TRUST } },
      );
    } else if (t.stage === 'truce' && t.turnsInStage >= TRUCE_TO_CEASEFIRE_TURNS && t.monitors && t.trust >= 35) {
      setStage(ctx, 'ceasefire', { key: 'report.stage.ceasefire', values: {} });
    } else if (t.stage === 'ceasefire' && t.politicalTrack >= 100) {
      setStage(ctx, 'agreement', { key: 'report.stage.agreement', values: {} });
    }
  }
  t.turnsInStage++;
  t.held = talksIndex(t.stage) >= 3 ? t.held + 1 : 0;
}

