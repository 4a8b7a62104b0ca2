// The baseline AI for every actor the player does not control. It gives orders through the
// same checks as a player, deterministically (its only chance is a hash of seed, turn and
// actor, so it never disturbs the game's RNG), and says why.
import { compareIds } from './compare.ts';
import { budgetOf, checkLegalOrder } from './orders.ts';
import { DEFECT_MARGIN, orderCost, SIEGE_REACH_KM } from './params.ts';
import { type AirBalance, airBalance, backerMoney, defendersOf, populationShareExact, sideStrength, strengthOf, talksIndex } from './query.ts';
import { resolveTurn } from './resolve.ts';
import { noise, Rng } from './rng.ts';
import { deliveryExposureOdds } from './rules/backer-orders.ts';
import { escalationIfTaken, escalationSupposing } from './rules/backers.ts';
import { foreignDependence, oilIncome, oilOutput, upkeepOf } from './rules/economy.ts';
import { airBonusFrom, airstrikeOdds, attackChanceIx, attackOdds, defectionTarget, type ForceIndex, forceIndex, homeBound } from './rules/military.ts';
import { scoreAll, weightedParts } from './rules/outcome.ts';
import { CEASEFIRE_TERMS, type CeasefireCalculus, ceasefireCalculus, DEFAULT_TERMS, OIL_DEAL_TERMS, oilDealCalculus, oilDealOpen, oilDealTalks, proposalCalculus } from './rules/talks.ts';
import { m } from './said.ts';
import type {
  Actor,
  BackerDef,
  BackerState,
  CeasefireTerms,
  Controller,
  Difficulty,
  Effect,
  FormationState,
  Order,
  Personality,
  PersonalityValue,
  PlaceState,
  PlayerRole,
  ReportMessage,
  RngState,
  Role,
  Scenario,
  SideId,
  State,
} from './types.ts';
import { isLargeCity, other, placesByIndex, supplyRoad, type UnitIndex, unitIndexOf, type World, worldOf } from './world.ts';

export interface AiDecision {
  orders: Order[];
  /** Why, as message codes (locales/<lang>/reasons.json): one for each order, and for a decision not to act worth telling. */
  reasonMsgs: ReportMessage[];
}

const NO_DECISION = (): AiDecision => ({ orders: [], reasonMsgs: [] });

/** What difficulty changes: how boldly and how attentively the computer's commanders play. */
interface Skill {
  /** Added to the odds an attack needs (lower: bolder). */
  attackMargin: number;
  /** Most attacks in one turn. */
  attacks: number;
  /** Chance of seeing a threat in time. */
  vigilance: number;
  /** Reinforces sooner where the enemy struck last turn. */
  adapt: boolean;
  /** Weighs attacks by their expected outcome (gain, losses, counter-attack, a patron's red line), not by odds and worth alone. */
  ev: boolean;
  /** Plays its plan and a few variants one turn ahead and keeps the best. */
  lookahead: boolean;
  /** How far it sees past the war's momentum to what peace would be worth (lowers the bar a deal must clear). */
  foresight: number;
  /** The same, only when answering a proposal on the table (the choice a person would face). */
  answerForesight: number;
  /** Spares cities from air strikes when legitimacy is scarce; a careless commander strikes wherever the enemy masses. */
  restraint: boolean;
  /** Keeps clear of an enemy patron's red lines (the expected-value commander weighs them instead) and guards its own sooner. */
  wary: boolean;
  /** Chance that it declares a humanitarian pause in a fortnight without attacks. */
  pause: number;
  /** Knows that agreeing to a truce an event offers binds it at once, and holds its fire that fortnight. */
  keepsWord: boolean;
  /** Keeps its coalition paid and its people rallied (false: neglects salaries, wavering units and public support). */
  tends: boolean;
  /** Attends the conferences a mediator convenes (false: boycotts them once its confidence reaches CARELESS_BOYCOTT, sure it has nothing to gain). */
  attends: boolean;
  /**
   * Legitimacy below which even a careless leadership minds its standing abroad: it attends conferences, spares cities
   * from the air and declares pauses as the baseline does (0: no such floor; the baseline and hard always do).
   */
  mindsStandingBelow: number;
  /**
   * Plays its seat's score in the talks (seatTakesTruce): takes a truce an event offers, accepts one proposed and keeps
   * the one it is in — holding its fire from the fortnight it agrees — whenever it is not winning ground. False: the
   * leaders' own reckoning, as in the record (the historical persona: Haftar refused the truces of January 2020 and
   * fought on through the war's weariness). The levels play the score: by the sides' weights a truce kept scores above a
   * war fought on while not winning (docs/ai.md, "The historical persona apart from the normal level").
   */
  settles: boolean;
}
/**
 * Whether a side that plays its score (Skill.settles) takes a truce, keeps the one it is in or accepts one proposed: when
 * the deal is worth as much as fighting on, by the leaders' own reckoning (`calc`, ceasefireCalculus on the terms in
 * question), or whenever it is not winning ground (its momentum 0 or less). By the sides' weights a front frozen in a
 * truce kept scores above a war fought on through its weariness, unless the war is being won.
 */
function seatTakesTruce(state: State, side: SideId, calc: { deal: number; fight: number }): boolean {
  return calc.deal >= calc.fight || state.sides[side].momentum <= 0;
}
const SKILL: Record<Difficulty, Skill> = {
  easy: { attackMargin: 0, attacks: 2, vigilance: 0.5, adapt: false, ev: false, lookahead: false, foresight: 0, answerForesight: 0, restraint: false, wary: true, pause: 0, keepsWord: false, tends: false, attends: false, mindsStandingBelow: 30, settles: true },
  normal: { attackMargin: 0, attacks: 2, vigilance: 1, adapt: false, ev: false, lookahead: false, foresight: 0, answerForesight: 0, restraint: true, wary: false, pause: 0.35, keepsWord: false, tends: true, attends: true, mindsStandingBelow: 0, settles: true },
  historical: { attackMargin: 0, attacks: 2, vigilance: 1, adapt: false, ev: false, lookahead: false, foresight: 0, answerForesight: 0, restraint: true, wary: false, pause: 0.35, keepsWord: false, tends: true, attends: true, mindsStandingBelow: 0, settles: false },
  hard: { attackMargin: 0, attacks: 2, vigilance: 1, adapt: true, ev: true, lookahead: true, foresight: 10, answerForesight: 5, restraint: true, wary: true, pause: 1, keepsWord: true, tends: true, attends: true, mindsStandingBelow: 0, settles: true },
};

/**
 * Worth of an enemy place, per neighbouring place this side holds. A salient or pocket pushed
 * into one's own lines threatens every place around it and is the easiest to cut off, so
 * commanders clear it before they strike deeper; without this the AI ran past enemy rear
 * bases towards distant prizes and left them standing behind its front.
 */
const POCKET_VALUE = 10;
/** Dice drawn for each variant the hard AI compares (the same dice for every variant). */
const LOOKAHEAD_SAMPLES = 1;
/** Turns it plays ahead: its own orders, then the others' replies. */
const LOOKAHEAD_TURNS = 1;
/** Escalation at which even a commander who does not weigh red lines keeps clear of them (a regional war is near). */
const BRINK = 80;
/**
 * Escalation at which the region stands on the brink of a war (REGIONAL_WAR is 100): no commander takes a red-line
 * place whose crossing would bring it there, and no computer patron climbs there but to answer a crossed red line.
 * Design value (rules version 7: the Sirte–Jufra line held in 2020).
 */
const REGION_BRINK = 90;
/** Fortnights of the record over which a side reads its own spending before it recruits (treasuryAfter). */
const RECRUIT_RECORD = 2;
/** Odds (percent) of a sure thing: even a quiet fortnight takes an enemy capital or key place left lying open. */
const SURE_ODDS = 85;
/** Odds (percent) above which even a wary commander attacks across an enemy patron's red line. */
const WARY_ODDS = 75;
/** Odds of storming a place (percent) below which a siege is not worth laying: too strong even to cut off. */
const SIEGE_MIN_ODDS = 30;
/**
 * Points off the attack bar for the place whose road still supplies an enemy place the side
 * wants but cannot storm (a siege needs the place cut off, rules version 4): taking it first is
 * how a place is cut off.
 */
const CUT_OFF_MARGIN = 10;
/**
 * Points on the attack bar for a town whose people back the enemy (PlaceDef.leaning): taken, it
 * rises against its new masters, as Gharyan did against the LNA in June 2019; a commander storms
 * it only when it is all but sure. The same for a town that keeps out of the war (World.keptOut),
 * which taken accepts no occupier (rules version 14).
 */
const HOSTILE_TOWN_MARGIN = 30;
/**
 * Confidence at which a careless leadership (Skill.attends false) boycotts a conference, sure it has nothing to gain;
 * below it, it attends. A boycott costs 5 of standing and attending earns 3 (rules/talks.ts): boycotting every
 * conference, the easy GNA lost to random orders, which attend by default, on standing alone once rules version 11
 * left the random GNA more of the west (docs/ai.md, ladder pass 17).
 */
const CARELESS_BOYCOTT = 60;

/**
 * The capital's front (issue 12, 7 December): the places a side whose capital is pressed may attack while it lacks the
 * command of the air (its air bonus no greater than the enemy's); null when it may attack anywhere. Pressed: an enemy
 * force holds a place next to the capital, or stands next to the capital or a place next to it, within a siege's reach
 * of it by road (SIEGE_REACH_KM). Its front is then the
 * places next to the capital it does not hold and the roads behind those the enemy holds; or, with none held, the places
 * next to the one (the capital or a place next to it) the enemy's greatest force stands next to; and the ground it held
 * at the start and has lost. Without the air a government so pressed keeps its forces for its capital and opens no
 * second front. The record: on 4 April 2019 the western towns' fighters (Zawiya's, Zintan's, the Nafusa's) went to
 * Tripoli's southern front, and the GNA, under the LNA's air superiority, struck back only at Gharyan (26 June 2019); it
 * left the coast west of Zawiya to the Salafists for a year and opened its offensive beyond the capital's front (Peace
 * Storm, 25 March 2020; the coast 13 April, al-Watiya 18 May) once Turkey's drones and air defence had given it the air
 * (reference §4.2, §4.3, §6 scenario 4). The side plan (attack) holds back every attack from a place with its own forces
 * off this front; an allied group that fights on its own account (FormationDef.agenda: the Tebu of Murzuq in 2020) fights
 * its own war.
 */
export function capitalFront(
  world: World,
  scenario: Scenario,
  state: State,
  side: SideId,
  holders: readonly (Controller | undefined)[],
  enemyStrengthAt: (i: number) => number,
): Uint8Array | null {
  const cap = world.placeIndex.get(scenario.sides[side].capital);
  if (cap === undefined || holders[cap] !== side) return null;
  const enemy = other(side);
  const adj = world.adjacentIx;
  // Road km between neighbours (World.adjacentKm, in adjacentIx's order): an enemy farther than a siege's reach does not press it.
  const adjKm = world.adjacentKm;
  const capAdj = adj[cap]!;
  const capKm = adjKm[cap]!;
  const front = new Uint8Array(world.placeIds.length);
  let atGates = false;
  for (let a = 0; a < capAdj.length; a++) {
    const k = capAdj[a]!;
    if (holders[k] === side) continue;
    front[k] = 1;
    if (holders[k] !== enemy) continue;
    if (enemyStrengthAt(k) > 0 && capKm[a]! <= SIEGE_REACH_KM) atGates = true;
    for (const j of adj[k]!) if (holders[j] !== side) front[j] = 1;
  }
  if (!atGates) {
    let main = -1;
    let most = 0;
    // The capital (0 km from itself), then its neighbours in order.
    for (let a = -1; a < capAdj.length; a++) {
      const k = a < 0 ? cap : capAdj[a]!;
      if (holders[k] !== side) continue;
      const toK = a < 0 ? 0 : capKm[a]!;
      const near: readonly number[] = adj[k]!;
      const nearKm: readonly number[] = adjKm[k]!;
      let strength = 0;
      for (let b = 0; b < near.length; b++) {
        const j = near[b]!;
        if (holders[j] === enemy && toK + nearKm[b]! <= SIEGE_REACH_KM) strength += enemyStrengthAt(j);
      }
      if (strength > most) {
        most = strength;
        main = k;
      }
    }
    if (main < 0) return null;
    for (const j of adj[main]!) if (holders[j] !== side) front[j] = 1;
  }
  // (The air last: two air bonuses, each the patrons' supply summed, cost more than the loops, and a capital not pressed
  // returns above without them.)
  const air = airOf(scenario, state);
  if (airBonusFrom(air, side) > airBonusFrom(air, enemy)) return null;
  // Ground it held when the war began and has lost is a front already open: it may still retake it.
  const atStart = world.startControl;
  for (let i = 0; i < front.length; i++) if (holders[i] !== side && atStart[i] === side) front[i] = 1;
  return front;
}

/**
 * Whether a side is held on its capital's front for want of the air (capitalFront: its capital pressed, and its air bonus
 * no greater than the enemy's). Its patrons count it as a client in need, as they count one losing ground: in the record
 * Turkey came in when Tripoli was pressed by an enemy with the command of the air (the GNA's request of December 2019,
 * drones and air defence from January 2020; reference §4.2), not when the GNA lost heart.
 */
export function clientHeldBack(scenario: Scenario, state: State, side: SideId): boolean {
  return frontOf(scenario, state, side) !== null;
}

/** capitalFront for a side on a state, worked out once per state in the AI's round (the side's own plan and its patrons both ask). */
function frontOf(scenario: Scenario, state: State, side: SideId): Uint8Array | null {
  const m = memoOf(state);
  const known = m ? bySide(m.fronts, side) : undefined;
  if (known !== undefined) return known;
  const world = worldOf(scenario);
  const theirs = byPlace(world, state, other(side));
  const front = capitalFront(world, scenario, state, side, holdersOf(world, state), (i) => strengthOf(theirs.at[i] ?? []));
  if (m) setBySide(m.fronts, side, front);
  return front;
}

/**
 * A client in need for its patrons, as one losing ground is (backerLadder's "save", and no step down from it): held on
 * its capital's front for want of the air (clientHeldBack), with a treasury that at its present income and bill runs out
 * in time for unpaid salaries to break it before the end (runsDry). In the record Turkey came in when Tripoli was pressed
 * by an enemy with the command of the air and the GNA asked for help (December 2019; drones and air defence from January
 * 2020; reference §4.2), not when the GNA lost heart: a government pinned so cannot win back its ground or its oil.
 */
function clientPinned(scenario: Scenario, state: State, side: SideId): boolean {
  // Asked by each of the client's patrons, on the same state: worked out once per state in the AI's round.
  const m = memoOf(state);
  const known = m ? bySide(m.pinned, side) : undefined;
  if (known !== undefined) return known;
  const pinned = runsDry(scenario, state, side, scenario.turns - state.turn + 1) && clientHeldBack(scenario, state, side);
  if (m) setBySide(m.pinned, side, pinned);
  return pinned;
}

/** The skill a side plays with this fortnight: a careless leadership minds its standing once it is nearly gone (Skill.mindsStandingBelow). */
function skillNow(skill: Skill, legitimacy: number): Skill {
  if (legitimacy >= skill.mindsStandingBelow) return skill;
  return { ...skill, attends: true, restraint: true, pause: Math.max(skill.pause, SKILL.historical.pause) };
}

class Planner {
  readonly orders: Order[] = [];
  readonly reasonMsgs: ReportMessage[] = [];
  constructor(
    private readonly scenario: Scenario,
    private readonly state: State,
  ) {}
  /** Adds the order if it is legal alongside those already planned. */
  try(order: Order, msg: ReportMessage): boolean {
    if (!checkLegalOrder(this.scenario, this.state, order, this.orders, true).ok) return false;
    this.orders.push(order);
    this.reasonMsgs.push(msg);
    return true;
  }
  /**
   * try(), when `when` holds: for an order a hot function seldom gives. The call is made every time, so
   * V8 has feedback for it (a call site first reached hundreds of games in throws the caller's optimised code away).
   */
  tryIf(when: boolean, order: Order, msg: ReportMessage): boolean {
    return when && this.try(order, msg);
  }
  /** Order budget taken by the orders planned so far. */
  used(): number {
    let n = 0;
    for (const o of this.orders) n += orderCost(o.kind).budget;
    return n;
  }
  /** A decision not to act, worth telling. */
  note(msg: ReportMessage): void {
    this.reasonMsgs.push(msg);
  }
}

/**
 * Answers every actor's AI asks of the same state in one round of decisions (one call of
 * otherActorsOrders): the force index behind attack odds, and each side's reckoning of a
 * ceasefire on the default terms. States are never changed while the AI decides (resolveTurn
 * works on a copy), so each is worked out once per state; outside a round nothing is kept.
 */
interface Memo {
  index?: ForceIndex;
  /** Attack odds by attacker, place attacked from and target, by the places' indexes (a hole: not yet worked out). */
  odds?: Record<SideId, OddsRows>;
  /** The state's places by index (world.placeIds): read by changing ids, a place is V8's slow generic keyed load. */
  places?: (PlaceState | undefined)[];
  /** Who holds each place, by index (world.placeIds). */
  holders?: (Controller | undefined)[];
  /** The state's units' definitions and places, by index (unitIndexOf). */
  units?: UnitIndex;
  calc: PerSide<CeasefireCalculus>;
  forces: PerSide<SideForces>;
  /** Each side's capital's front (capitalFront; null: it may attack anywhere), for its plan and clientHeldBack. */
  fronts: PerSide<Uint8Array | null>;
  /** Whether each side is a client pinned on its capital's front with a treasury running dry (clientPinned). */
  pinned: PerSide<boolean>;
  /** Each side's income (oil, its patrons' money) and bill (treasuryAfter): asked by its recruit and by each of its patrons. */
  gnaFlow?: Flow;
  lnaFlow?: Flow;
  /** Both sides' air (airBalance): the capital's front, the strikes and each ceasefire reckoning ask it. */
  air?: AirBalance;
}

interface Flow {
  income: number;
  bill: number;
}

/**
 * What the memo keeps for each side, read and written through bySide and setBySide: `rec[side]`, with a key that
 * changes from call to call, is V8's generic keyed load or store (some hundred instructions; see forceOf).
 */
interface PerSide<T> {
  gna: T | undefined;
  lna: T | undefined;
}
const perSide = <T>(): PerSide<T> => ({ gna: undefined, lna: undefined });
function bySide<T>(rec: PerSide<T>, side: SideId): T | undefined {
  return side === 'gna' ? rec.gna : rec.lna;
}
function setBySide<T>(rec: PerSide<T>, side: SideId, value: T): T {
  if (side === 'gna') rec.gna = value;
  else rec.lna = value;
  return value;
}
/**
 * The memos of a round of decisions: the first state asked about (the state the round decides on, nearly every ask: no
 * WeakMap to look it up in) and, made when first needed, a WeakMap for any other (the hard AI's look-ahead).
 */
interface Round {
  state: State | null;
  memo: Memo | null;
  others: WeakMap<State, Memo> | null;
}
let round: Round | null = null;

const newMemo = (): Memo => ({ calc: perSide(), forces: perSide(), fronts: perSide(), pinned: perSide() });

function memoOf(state: State): Memo | null {
  const r = round;
  if (!r) return null;
  if (state === r.state) return r.memo;
  if (r.state === null) {
    r.state = state;
    r.memo = newMemo();
    return r.memo;
  }
  r.others ??= new WeakMap();
  let m = r.others.get(state);
  if (!m) {
    m = newMemo();
    r.others.set(state, m);
  }
  return m;
}

/** Both sides' air power and air defence on a state (airBalance), once per state in a round of decisions. */
function airOf(scenario: Scenario, state: State): AirBalance {
  const m = memoOf(state);
  if (!m) return airBalance(scenario, state);
  m.air ??= airBalance(scenario, state);
  return m.air;
}

function indexOf(scenario: Scenario, state: State): ForceIndex {
  const m = memoOf(state);
  if (!m) return forceIndex(scenario, state);
  m.index ??= forceIndex(scenario, state, unitsOf(worldOf(scenario), state), airOf(scenario, state));
  return m.index;
}

/** The state's units' definitions and places by index (read once per state: the AI walks the units again and again). */
function unitsOf(world: World, state: State): UnitIndex | undefined {
  const m = memoOf(state);
  if (!m) return undefined;
  m.units ??= unitIndexOf(world, state.formations);
  return m.units;
}

/**
 * One row of odds per place attacked from, made when first asked for (plain arrays: a typed array
 * costs more to make than it saves), with holes where the odds are not yet worked out (filling a
 * row first cost more than the odds it saved).
 */
type OddsRows = ((number | undefined)[] | undefined)[];

function oddsMemo(state: State, places: number): Record<SideId, OddsRows> {
  const m = memoOf(state);
  const fresh = () => ({ gna: new Array<number[] | undefined>(places), lna: new Array<number[] | undefined>(places) });
  if (!m) return fresh();
  m.odds ??= fresh();
  return m.odds;
}

/** The state's places by their index in world.placeIds (read once per state: the AI walks them again and again). */
function placesOf(world: World, state: State): (PlaceState | undefined)[] {
  const m = memoOf(state);
  if (m?.places) return m.places;
  const places = placesByIndex(world, state);
  if (m) m.places = places;
  return places;
}

/** Who holds each place, by its index in world.placeIds (read once per state: the AI asks it again and again). */
function holdersOf(world: World, state: State): (Controller | undefined)[] {
  const m = memoOf(state);
  if (m?.holders) return m.holders;
  const places = placesOf(world, state);
  const holders: (Controller | undefined)[] = new Array(places.length);
  for (let i = 0; i < places.length; i++) holders[i] = places[i]?.controller;
  if (m) m.holders = holders;
  return holders;
}

/**
 * The terms the computer proposes (a side or the mediator): the default terms, or while an oil blockade is in force
 * the ceasefire without the oil (CEASEFIRE_TERMS), which is left to a deal of its own (rules version 12).
 */
export function proposalTerms(state: State): CeasefireTerms {
  return state.country.blockadeBy ? CEASEFIRE_TERMS : DEFAULT_TERMS;
}

/** ceasefireCalculus on the terms the computer proposes (proposalTerms), as the AI asks it (no restraint, no attack this turn). */
function defaultCalc(scenario: Scenario, state: State, side: SideId): CeasefireCalculus {
  const m = memoOf(state);
  if (!m) return ceasefireCalculus(scenario, state, side, proposalTerms(state));
  return bySide(m.calc, side) ?? setBySide(m.calc, side, ceasefireCalculus(scenario, state, side, proposalTerms(state), false, 0, placesOf(worldOf(scenario), state), airOf(scenario, state)));
}

/** What a planner decided: its orders and the reasons for them. */
function decided(plan: Planner): AiDecision {
  return { orders: plan.orders, reasonMsgs: plan.reasonMsgs };
}

/**
 * Each place's fixed worth to each side, by its index in world.placeIds: the part of placeValue
 * that no state changes (people, capitals, key places, oil, airbases, the central bank), worked
 * out once per scenario.
 */
const fixedWorth = new WeakMap<Scenario, Record<SideId, number[]>>();
function fixedWorthOf(scenario: Scenario): Record<SideId, number[]> {
  let table = fixedWorth.get(scenario);
  if (table) return table;
  const worth = (side: SideId): number[] => {
    const foe = scenario.sides[other(side)];
    const own = scenario.sides[side];
    return scenario.map.places.map((def) => {
      let value = 10 + Math.min(30, Math.floor(def.population / 20));
      if (def.id === foe.capital) value += 60;
      if (foe.keyPlaces.includes(def.id)) value += 25;
      if (own.keyPlaces.includes(def.id)) value += 25;
      if (def.tags.includes('oil-terminal') || def.tags.includes('oil-field')) value += 15;
      if (def.tags.includes('airbase')) value += 10;
      if (def.tags.includes('central-bank')) value += 30;
      return value;
    });
  };
  table = { gna: worth('gna'), lna: worth('lna') };
  fixedWorth.set(scenario, table);
  return table;
}

/** How much a place matters to a side: capitals, oil and the central bank above all. */
export function placeValue(scenario: Scenario, state: State, side: SideId, place: string): number {
  const world = worldOf(scenario);
  const i = world.placeIndex.get(place);
  return i === undefined ? 0 : placeValueIx(world, fixedWorthOf(scenario)[side], holdersOf(world, state), side, i);
}

/** placeValue by the place's index, from the side's fixed worth of each place (fixedWorthOf) and who holds each place (holdersOf). */
function placeValueIx(world: World, worth: readonly number[], holders: readonly (Controller | undefined)[], side: SideId, i: number): number {
  let value = worth[i]!;
  const holder = holders[i];
  if (holder === 'local') value -= 10;
  else if (holder === other(side)) {
    let ours = 0;
    for (const n of world.adjacentIx[i]!) if (holders[n] === side) ours++;
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

/** The terms of a truce an event brings: the lines frozen, nothing else. */
export const EVENT_TRUCE_TERMS: CeasefireTerms = { freezeLines: true, heavyWeaponsOut: false, foreignFightersOut: false, monitors: false, oilReopened: false, revenueShared: false };

/**
 * Answers this role's pending event choices; true when an answer starts a truce (so it holds its fire this turn). A side
 * that plays its score (Skill.settles) takes an event's truce by seatTakesTruce.
 */
function answerChoices(scenario: Scenario, state: State, who: Role, plan: Planner, settles = false): boolean {
  let truce = false;
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
        // A truce an event brings freezes the lines and no more (the rules set no terms for it: no
        // monitors, no oil reopened), and it is weighed so: the GNA rejected the Cairo Declaration.
        const calc = ceasefireCalculus(scenario, state, who, EVENT_TRUCE_TERMS, false, 0, placesOf(worldOf(scenario), state), airOf(scenario, state));
        const takes = settles ? seatTakesTruce(state, who, calc) : calc.accept;
        score += ['truce', 'ceasefire', 'agreement'].includes(peace.stage) ? (takes ? 20 : -20) : 0;
      }
      if (score > bestScore) {
        bestScore = score;
        best = option;
      }
    }
    plan.try({ actor: who, kind: 'event-choice', event: p.event, option: best.id }, m('reasons.ai.choice', { eventTitle: p.event, optionLabel: `${p.event}/${best.id}` }));
    if (talksIndex(state.talks.stage) < 2 && best.effects.some((e) => e.kind === 'talks' && talksIndex(e.stage) >= 2)) truce = true;
  }
  return truce;
}

/** An actor's personality with the defaults filled in (types.ts Personality). */
export interface Traits {
  aggression: number;
  riskTolerance: number;
  caution: number;
  resolve: number;
  values: Record<PersonalityValue, number>;
  redLines: string[];
}

export const DEFAULT_PERSONALITY = { caution: 50, resolve: 50, value: 50 } as const;

type HasPersonality = { aggression: number; riskTolerance?: number; personality?: Personality; redLines?: string[] };
/** Scenario definitions never change during a game: each one's traits are worked out once. */
const traitsCache = new WeakMap<HasPersonality, Traits>();

export function traitsOf(def: HasPersonality): Traits {
  let traits = traitsCache.get(def);
  if (!traits) {
    traits = readTraits(def);
    traitsCache.set(def, traits);
  }
  return traits;
}

function readTraits(def: HasPersonality): Traits {
  const p = def.personality ?? {};
  const v = p.values ?? {};
  const d = DEFAULT_PERSONALITY.value;
  return {
    aggression: def.aggression,
    riskTolerance: def.riskTolerance ?? 50,
    caution: p.caution ?? DEFAULT_PERSONALITY.caution,
    resolve: p.resolve ?? DEFAULT_PERSONALITY.resolve,
    values: { ground: v.ground ?? d, oil: v.oil ?? d, standing: v.standing ?? d, lives: v.lives ?? d, money: v.money ?? d },
    redLines: [...new Set([...(def.redLines ?? []), ...(p.redLines ?? [])])],
  };
}

/**
 * Ripeness as this actor sees it: the rules' own reckoning (ceasefireCalculus), with the bar
 * raised or lowered by its resolve (50: the sober reckoning; 100: the deal must beat fighting
 * on by 10).
 */
export function wantsDeal(
  scenario: Scenario,
  state: State,
  side: SideId,
  /** The terms on the table; by default those the computer would propose (proposalTerms). */
  terms?: CeasefireTerms,
  foresight = 0,
): { accept: boolean; deal: number; fight: number } {
  const calc = terms ? proposalCalculus(scenario, state, side, terms, false, 0, placesOf(worldOf(scenario), state), airOf(scenario, state)) : defaultCalc(scenario, state, side);
  const bar = Math.round((traitsOf(scenario.sides[side]).resolve - 50) / 5) - foresight;
  return { accept: calc.deal >= calc.fight + bar, deal: calc.deal, fight: calc.fight };
}

/**
 * What an attack is worth before it is made: the odds times what the place is worth to this
 * side (ground, oil, and the lives and standing a battle in a city costs), less the losses of a
 * failed attack, and less the risk of the counter-attack on the place the attackers leave.
 */
export function attackValue(
  gain: number,
  odds: number,
  traits: Traits,
  counter: { odds: number; value: number } | null,
): number {
  const failCost = (8 * traits.caution) / 50;
  const counterRisk = counter ? (counter.odds * counter.value * traits.caution) / 10000 : 0;
  return (odds * gain) / 100 - ((100 - odds) * failCost) / 100 - counterRisk;
}

/** What taking a place is worth to a side with these values (the defaults give placeValue). */
function gainOf(scenario: Scenario, state: State, side: SideId, place: string, t: Traits): number {
  const def = worldOf(scenario).place.get(place);
  let gain = (placeValue(scenario, state, side, place) * (50 + t.values.ground)) / 100;
  if (def && (def.tags.includes('oil-terminal') || def.tags.includes('oil-field'))) gain += (t.values.oil - 50) / 2;
  if (def && def.population >= 20) gain -= (t.values.lives - 50) / 5 + (t.values.standing - 50) / 10;
  return gain;
}

interface Knobs {
  /** Most attacks to launch. */
  attacks: number;
  /** Added to the odds an attack needs. */
  margin: number;
  /** Offer a ceasefire whatever the reckoning says (a look-ahead variant). */
  offerPeace: boolean;
  /** Ask a patron for more when money is short. */
  ask: boolean;
  /** Attack only to punish a blunder: an enemy capital or key place with odds of a sure thing. */
  sureOnly: boolean;
  /** Lay sieges and strike from the air. */
  strike: boolean;
  label: string;
}

/** A side's formations in the field by place, by the places' indexes (world.placeIds). */
interface SideForces {
  /** The formations at each place (undefined: none). */
  at: (FormationState[] | undefined)[];
  /** The places that have any, in the order their first formation comes in state.formations. */
  places: number[];
}

/** Formations of one side by place, built once per decision (once per round of decisions: see Memo). Read only. */
function byPlace(world: World, state: State, side: SideId): SideForces {
  const memo = memoOf(state);
  if (!memo) return placeFormations(world, state, side);
  return bySide(memo.forces, side) ?? setBySide(memo.forces, side, placeFormations(world, state, side));
}

function placeFormations(world: World, state: State, side: SideId): SideForces {
  const at: (FormationState[] | undefined)[] = new Array(world.placeIds.length);
  const places: number[] = [];
  const units = unitsOf(world, state);
  const formations = state.formations;
  for (let k = 0; k < formations.length; k++) {
    const f = formations[k]!;
    if (f.side !== side || f.strength <= 0) continue;
    const i = units ? units.at[k] : world.placeIndex.get(f.location);
    if (i === undefined) continue;
    const list = at[i];
    if (list) list.push(f);
    else {
      at[i] = [f];
      places.push(i);
    }
  }
  return { at, places };
}

/** The look-ahead's own dice: the same for every variant it compares, and never the game's. */
function lookaheadRng(state: State, side: SideId, sample: number): RngState {
  return Rng.fromSeed(`${state.seed}|look-ahead|${state.turn}|${side}|${sample}`).state();
}

/** How a side judges a state one turn ahead: its score by its objectives, and the balance of fighters that decides the next turns. */
export function outlook(scenario: Scenario, s: State, side: SideId): number {
  const result = scoreAll(scenario, s, s.ending?.kind ?? 'time-out', s.ending?.winner ?? null)[side];
  // The score unrounded, its share of the country too: a point of standing that a pause buys or an air strike costs, or a
  // small town taken, moved the rounded score by nothing, and the variants' small differences were lost in the rounding
  // (the hard LNA kept the plan that strikes from the air, and lost standing by it, issue 14's pass of 7 December).
  const w = scenario.objectives[side].weights;
  const p = result.parts;
  const weighted = weightedParts(p, w);
  const territory = Math.min(100, Math.max(0, populationShareExact(scenario, s, side) + (s.ending?.winner === side ? 20 : 0)));
  // (The ending's own points, a victory's or a disaster's, are what the rounded total holds beyond its parts.)
  const score = result.total - Math.round(weighted) + weighted + weightedParts({ territory: territory - p.territory, lives: 0, legitimacy: 0, stability: 0, escalation: 0 }, w);
  const own = sideStrength(s, side);
  const enemy = sideStrength(s, other(side));
  // Past 70 the escalation index risks a regional war, in which everyone loses.
  const spiral = Math.max(0, s.country.escalation - 70);
  return score + (10 * (own - enemy)) / Math.max(1, own + enemy) - spiral;
}

function sideOrders(scenario: Scenario, state: State, side: SideId, difficulty: Difficulty): AiDecision {
  const skill = skillNow(SKILL[difficulty], state.sides[side].legitimacy);
  const base: Knobs = { attacks: skill.attacks, margin: skill.attackMargin, offerPeace: false, ask: true, sureOnly: false, strike: true, label: '' };
  const first = sidePlan(scenario, state, side, skill, base);
  if (!skill.lookahead) return first;
  // Look ahead one turn: play the plan and a few variants against what the others are likely
  // to do (the normal AI's orders), with the same dice for each, and keep the best.
  const variants: { knobs: Knobs; msg: ReportMessage }[] = [
    { knobs: { ...base, sureOnly: true, label: 'hold' }, msg: m('reasons.ai.hold') },
    { knobs: { ...base, sureOnly: true, strike: false, label: 'quiet' }, msg: m('reasons.ai.quiet') },
  ];
  const calc = wantsDeal(scenario, state, side, undefined, skill.foresight);
  if (!state.talks.proposal && talksIndex(state.talks.stage) < 2 && !calc.accept && calc.deal >= calc.fight - 15) {
    variants.push({ knobs: { ...base, attacks: 0, offerPeace: true, label: 'peace' }, msg: m('reasons.ai.peace') });
  }
  const others: Order[] = [];
  for (const actor of worldOf(scenario).actors) if (actor !== side) others.push(...aiOrders(scenario, state, actor, 'normal').orders);
  const probes: State[] = [];
  for (let i = 0; i < LOOKAHEAD_SAMPLES; i++) probes.push({ ...state, rng: lookaheadRng(state, side, i) });
  const judge = (orders: Order[]) => {
    let total = 0;
    for (const probe of probes) {
      // Every order is the AI's, checked by its planner on this state (the probe differs only in its dice).
      let s = resolveTurn(scenario, probe, [...orders, ...others], {}, 'checked').state;
      for (let t = 1; t < LOOKAHEAD_TURNS && !s.ending; t++) {
        const next: Order[] = [];
        for (const actor of worldOf(scenario).actors) next.push(...aiOrders(scenario, s, actor, 'normal').orders);
        s = resolveTurn(scenario, s, next, {}, 'checked').state;
      }
      total += outlook(scenario, s, side);
    }
    return total / probes.length;
  };
  let best = first;
  let bestValue = judge(first.orders);
  for (const v of variants) {
    const plan = sidePlan(scenario, state, side, skill, v.knobs);
    if (sameOrders(plan.orders, best.orders)) continue;
    const value = judge(plan.orders);
    if (value > bestValue) {
      best = { orders: plan.orders, reasonMsgs: [...plan.reasonMsgs, v.msg] };
      bestValue = value;
    }
  }
  return best;
}

function sameOrders(a: readonly Order[], b: readonly Order[]): boolean {
  return a.length === b.length && a.every((o, i) => JSON.stringify(o) === JSON.stringify(b[i]));
}

/** What a side's commander sees threatened: the place, the enemy's best odds on it, its worth, and why. */
type ThreatList = { place: string; /** its index in world.placeIds */ ix: number; odds: number; value: number; whyMsg: string }[];

function sidePlan(scenario: Scenario, state: State, side: SideId, skill: Skill, knobs: Knobs): AiDecision {
  const plan = new Planner(scenario, state);
  const index = indexOf(scenario, state);
  const enemy = other(side);
  // Several units share a place, and threats, attacks and sieges ask about the same pairs (and
  // the other side's commander asks them too, in the same round): remember each answer.
  // (By the places' indexes: arrays, no keys to look up in the hot loops.)
  const world = worldOf(scenario);
  const ids = world.placeIds;
  const places = ids.length;
  const adjacentIx = world.adjacentIx;
  const holders = holdersOf(world, state);
  const known = oddsMemo(state, places);
  const oddsIx = (attacker: SideId, from: number, target: number): number => {
    // (A named field, not known[attacker]: a record read by a changing key is V8's slow generic load, and this is asked by the hundred.)
    const rows = attacker === 'gna' ? known.gna : known.lna;
    let row = rows[from];
    if (row === undefined) {
      row = new Array<number | undefined>(places);
      rows[from] = row;
    }
    let chance = row[target];
    if (chance === undefined) {
      chance = attackChanceIx(scenario, state, attacker, from, target, index);
      row[target] = chance;
    }
    return chance;
  };
  const me = state.sides[side];
  const def = scenario.sides[side];
  const traits = traitsOf(def);
  const mine = byPlace(world, state, side);
  const theirs = byPlace(world, state, enemy);
  const worth = fixedWorthOf(scenario)[side];
  // Agreeing to a truce an event offers binds it from this fortnight: it holds its fire.
  const choseTruce = answerChoices(scenario, state, side, plan, skill.settles);
  const inTruce = talksIndex(state.talks.stage) >= 2;
  const calc = wantsDeal(scenario, state, side, undefined, skill.foresight);

  // 0. A ceasefire proposal on the table is answered, for or against, on the same reckoning.
  const proposal = state.talks.proposal;
  // (A side that plays its score in the talks keeps its word from the fortnight it takes a truce.)
  let accepting = choseTruce && (skill.keepsWord || skill.settles);
  if (proposal && proposal.by !== side) {
    const mine = wantsDeal(scenario, state, side, proposal.terms, skill.foresight + skill.answerForesight);
    // The oil deal (rules version 13) is weighed on its own reckoning: the holder's card against the oil money, not a truce.
    const oilDeal = oilDealTalks(state);
    const yes = mine.accept || (!oilDeal && skill.settles && seatTakesTruce(state, side, mine));
    accepting ||= yes;
    const why = oilDeal
      ? yes ? 'reasons.ai.acceptOilDeal' : 'reasons.ai.rejectOilDeal'
      : yes ? (mine.deal >= mine.fight ? 'reasons.ai.acceptTable' : 'reasons.ai.acceptTableStalled') : 'reasons.ai.rejectTable';
    plan.try({ actor: side, kind: 'answer-ceasefire', accept: yes }, m(why, { deal: mine.deal, fight: mine.fight }));
  }

  if (state.conference?.turn === state.turn) {
    const boycott = (me.confidence >= 85 && def.aggression >= 70) || (!skill.attends && me.confidence >= CARELESS_BOYCOTT);
    plan.try(
      { actor: side, kind: 'conference', attend: !boycott },
      m(boycott ? (skill.attends ? 'reasons.ai.boycottSure' : 'reasons.ai.boycott') : 'reasons.ai.attend'),
    );
  }

  // The places an enemy patron has sworn to defend: taking one, or laying siege to it as the
  // first step of storming it, brings that patron in. Only a patron that can still climb its ladder is a threat.
  const enemyRedLines = new Set<string>();
  // And every line an enemy patron has drawn, at the top of its ladder or not (crossingBrings below).
  const anyEnemyLine = new Set<string>();
  for (const b of world.backersOf[enemy]) {
    const climbs = (state.backers[b.id]?.commitment ?? 0) < b.maxCommitment;
    // Lines a person's backer declared in play count too (a computer backer declares none).
    for (const lines of [traitsOf(b).redLines, state.backers[b.id]?.redLines ?? []]) {
      for (const p of lines) {
        anyEnemyLine.add(p);
        if (climbs) enemyRedLines.add(p);
      }
    }
  }
  // Where the region would stand if this side took a place on an enemy patron's line (escalationIfTaken;
  // 0 where no line is drawn): worked out once per place and plan, and only for the places on a line.
  const crossing = new Map<string, number>();
  const crossingBrings = (place: string): number => {
    if (!anyEnemyLine.has(place)) return 0;
    let after = crossing.get(place);
    if (after === undefined) {
      after = escalationIfTaken(scenario, state, side, place)?.after ?? 0;
      crossing.set(place, after);
    }
    return after;
  };

  // Each part of the plan is a function of its own: the JavaScript engine optimises small
  // functions much sooner than one long one (the explorer's first games depend on it).
  const defend = () => {
    // 1. Defend what is threatened: reinforce or dig in where the enemy's odds are good, and
    // sooner where the enemy struck last turn (it adapts) or where the place is a red line.
    const threats: ThreatList = [];
    // (By index: 1 where a threat was found.)
    const threatened = new Uint8Array(places);
    for (let i = 0; i < places; i++) {
      if (holders[i] !== side) continue;
      const p = ids[i]!;
      let worst = 0;
      for (const j of adjacentIx[i]!) {
        if (holders[j] !== enemy || !theirs.at[j]) continue;
        const o = oddsIx(enemy, j, i);
        if (o > worst) worst = o;
      }
      if (worst === 0) continue;
      const struck = skill.adapt && state.places[p]!.lastTurnTouched === state.turn - 1 && state.places[p]!.damage > 0;
      const redLine = traits.redLines.includes(p);
      // The baseline reacts to a red line only when it is truly threatened, then first; a wary
      // commander, or one that weighs outcomes, reacts sooner.
      const bar = struck || (redLine && (skill.ev || skill.wary)) ? 30 : 45;
      if (worst < bar) continue;
      let value = placeValueIx(world, worth, holders, side, i);
      if (struck) value += 20;
      if (redLine) value += 40;
      const whyMsg = redLine ? 'reasons.ai.threat.redLine' : struck ? 'reasons.ai.threat.struck' : 'reasons.ai.threat.odds';
      threats.push({ place: p, ix: i, odds: worst, value, whyMsg });
      threatened[i] = 1;
    }
    threats.sort((a, b) => b.value * b.odds - a.value * a.odds || compareIds(a.place, b.place));
    // An easy opponent sometimes fails to see the threat in time.
    const sees = noise(state.seed, state.turn, side, 'defend') < skill.vigilance;
    for (const t of threats.slice(0, sees ? 2 : 0)) {
      // Bring the biggest unit from a quiet neighbour (not a group that rules its town); otherwise dig in.
      let helper: FormationState | undefined;
      for (const n of adjacentIx[t.ix]!) {
        if (holders[n] !== side || threatened[n]) continue;
        for (const f of mine.at[n] ?? []) {
          if (homeBound(world, state, f)) continue;
          if (!helper || f.strength > helper.strength || (f.strength === helper.strength && compareIds(f.id, helper.id) < 0)) helper = f;
        }
      }
      if (helper && helper.strength >= 5) {
        plan.try({ actor: side, kind: 'move', formation: helper.id, to: t.place }, m('reasons.ai.reinforced', { place: t.place, odds: t.odds, whyMsg: t.whyMsg }));
      } else if (mine.at[t.ix]) {
        plan.try({ actor: side, kind: 'fortify', place: t.place }, m('reasons.ai.dugIn', { place: t.place, odds: t.odds, whyMsg: t.whyMsg }));
      }
    }
    return { threats, threatened };
  };
  const attack = (threats: ThreatList, threatened: Uint8Array) => {
    // 2. Attack where the expected outcome pays: odds times the gain, less the cost of failing
    // and of the counter-attack on the place left behind, above this leadership's bar for risk.
    // Breaking a truce costs trust and standing: a side that weighs outcomes does it only when it no longer wants the truce at all.
    const keepsTruce = inTruce && ((skill.ev && calc.deal >= calc.fight - 15) || (skill.settles && seatTakesTruce(state, side, calc)));
    const threshold = (inTruce ? 80 : 62) - Math.floor(def.riskTolerance / 10) - (me.confidence >= 70 ? 5 : 0) + knobs.margin;
    // A place too strong to storm can be starved only once it is cut off: the place its road
    // still runs to is worth attacking at a lower bar (CUT_OFF_MARGIN), when that place can be taken.
    const cutOff = new Map<string, string>();
    if (!inTruce) {
      for (const fi of mine.places) {
        for (const j of adjacentIx[fi]!) {
          const p = ids[j]!;
          if (holders[j] !== enemy || cutOff.has(p) || enemyRedLines.has(p) || isLargeCity(world, p)) continue;
          const o = oddsIx(side, fi, j);
          if (o < SIEGE_MIN_ODDS || o >= threshold) continue;
          const road = supplyRoad(world, state, p, side, placesOf(world, state));
          if (road && state.places[road]?.controller === enemy && !enemyRedLines.has(road) && !isLargeCity(world, road)) cutOff.set(road, p);
        }
      }
    }
    const attacks: { from: string; target: string; odds: number; score: number }[] = [];
    // A capital under direct attack, without the air: no second front (capitalFront).
    const front = frontOf(scenario, state, side);
    // Each place attacks from once, whatever the number of units there.
    for (const fi of mine.places) {
      const from = ids[fi]!;
      // A group that rules its town fights out of it but takes no ground alone: no attack where it is all there is.
      if (mine.at[fi]!.every((f) => homeBound(world, state, f))) continue;
      // Its own forces go where the capital needs them; allied groups that fight on their own account (an agenda, as the
      // Tebu of Murzuq) fight their own war.
      const heldBack = front !== null && mine.at[fi]!.some((f) => !world.formationDef.get(f.id)?.agenda);
      for (const j of adjacentIx[fi]!) {
        if (holders[j] === side || (heldBack && !front![j])) continue;
        const n = ids[j]!;
        const chance = oddsIx(side, fi, j);
        // A town whose people back the enemy rises against the side that takes it (the LNA lost
        // Gharyan so in June 2019): worth attacking only at a higher bar. So does a town that has kept
        // out of the war, held by its own people: taken, it accepts no occupier (rules version 14).
        const hostile = world.placeDef[j]!.leaning === enemy || (holders[j] === 'local' && world.keptOut[j]) ? HOSTILE_TOWN_MARGIN : 0;
        if (chance < threshold - (cutOff.has(n) ? CUT_OFF_MARGIN : 0) + hostile) continue;
        if (knobs.sureOnly && (chance < SURE_ODDS || !(n === scenario.sides[enemy].capital || scenario.sides[enemy].keyPlaces.includes(n)))) continue;
        const counter = threatened[fi] ? { odds: threats.find((x) => x.place === from)!.odds, value: placeValueIx(world, worth, holders, side, fi) } : null;
        // Taking a place an enemy patron has sworn to defend brings that patron in: part of the counter-attack risk.
        const provokes = skill.ev && enemyRedLines.has(n) ? (30 * traits.caution) / 50 : 0;
        const score = skill.ev ? attackValue(gainOf(scenario, state, side, n, traits) - provokes, chance, traits, counter) : (chance * placeValueIx(world, worth, holders, side, j)) / 100 - (counter ? 20 : 0);
        if (skill.ev && score <= 0) continue;
        // Without weighing it, a wary commander still keeps clear of a patron's red line unless the odds are overwhelming.
        // Any commander does so once the region is on the brink of war.
        if (!skill.ev && (skill.wary || state.country.escalation >= BRINK) && enemyRedLines.has(n) && chance < WARY_ODDS) continue;
        // And no commander takes a line whose crossing would bring on the regional war: the patron's answer would.
        if (crossingBrings(n) >= REGION_BRINK) continue;
        attacks.push({ from, target: n, odds: chance, score });
      }
    }
    attacks.sort((a, b) => b.score - a.score || compareIds(a.target, b.target));
    // A side that has just accepted a ceasefire, or wants the truce it has, holds its fire.
    const wantsPeace = (inTruce && calc.accept) || knobs.offerPeace || accepting || keepsTruce;
    // The baseline tries its best few; a side that weighs outcomes goes down its list until it has launched them.
    let tried = 0;
    let launched = 0;
    for (const a of attacks) {
      if (wantsPeace || launched >= knobs.attacks || (!skill.ev && tried >= knobs.attacks)) break;
      tried++;
      const cuts = cutOff.get(a.target);
      const whyMsg = cuts && a.odds < threshold ? m('reasons.ai.attack.cutOff', { placeCut: cuts }) : m('reasons.ai.attack.worth');
      const msg = m('reasons.ai.attack', { placeTarget: a.target, placeFrom: a.from, odds: a.odds, whyMsg: whyMsg.key, ...whyMsg.values });
      if (plan.try({ actor: side, kind: 'attack', from: a.from, target: a.target }, msg)) launched++;
    }
    return { wantsPeace, threshold };
  };
  const strike = (wantsPeace: boolean, threshold: number) => {
    // 2b. Siege: cut off the enemy place it most wants but cannot yet storm, so that hunger,
    // attrition and a weaker defence do what an assault cannot. A side that could only storm
    // or wait had no way to wear down a dug-in garrison, which is how strongholds actually
    // fell in this kind of war.
    if (!inTruce && !wantsPeace && knobs.strike) {
      const planned = new Set<string>();
      for (const o of plan.orders) if (o.kind === 'attack') planned.add(o.target);
      const targets: { p: string; chance: number; value: number }[] = [];
      // The best odds on each enemy place next to its units, by the place's index (the order the places are met in does
      // not matter: the targets are sorted by value, then id).
      const best: number[] = [];
      const met: number[] = [];
      const at = placesOf(world, state);
      for (const fi of mine.places) {
        for (const j of adjacentIx[fi]!) {
          if (holders[j] !== enemy || at[j]?.siegedBy === side) continue;
          const o = oddsIx(side, fi, j);
          const was = best[j];
          if (was === undefined) {
            if (o > 0) {
              best[j] = o;
              met.push(j);
            }
          } else if (o > was) best[j] = o;
        }
      }
      for (const j of met) {
        const p = ids[j]!;
        const chance = best[j]!;
        if (planned.has(p) || chance < SIEGE_MIN_ODDS || chance >= threshold) continue;
        // A siege wears a garrison down for the assault that follows: not on an enemy patron's red line.
        if (enemyRedLines.has(p)) continue;
        targets.push({ p, chance, value: placeValue(scenario, state, side, p) });
      }
      // The most wanted place that can be cut off now (a siege needs it cut off and forces near enough): one a turn.
      targets.sort((a, b) => b.value - a.value || compareIds(a.p, b.p));
      for (const t of targets) {
        if (plan.try({ actor: side, kind: 'siege', target: t.p }, m('reasons.ai.siege', { place: t.p, odds: t.chance }))) break;
      }
    }

    // 3. Air strikes on the largest enemy force near the front, sparing cities when legitimacy is scarce.
    const air = airOf(scenario, state);
    if ((side === 'gna' ? air.gnaAir : air.lnaAir) >= 10 && airstrikeOdds(scenario, state, side, air) >= 45 && !wantsPeace && knobs.strike) {
      let t: { p: string; enemy: number } | null = null;
      for (const i of theirs.places) {
        if (!adjacentIx[i]!.some((n) => holders[n] === side)) continue;
        const p = ids[i]!;
        const pop = world.population[i]!;
        if (skill.restraint && !(pop < 20 || (me.legitimacy >= 45 && !inTruce && def.aggression >= 60))) continue;
        const strength = strengthOf(theirs.at[i]!);
        if (strength > 0 && (!t || strength > t.enemy || (strength === t.enemy && compareIds(p, t.p) < 0))) t = { p, enemy: strength };
      }
      if (t) plan.try({ actor: side, kind: 'airstrike', target: t.p }, m('reasons.ai.airstrike', { place: t.p, fighters: t.enemy * 100 }));
    }
  };
  const provide = (threats: ThreatList) => {
    // 4. Money and loyalty: keep the coalition paid and together.
    const bill = upkeepOf(scenario, state, side, unitsOf(world, state));
    // Asking a patron for more feeds the escalation spiral: a cautious side stops asking as the
    // regional war nears (escalation 65 at caution 50, 90 at caution 0).
    const spiral = (skill.ev || skill.wary) && state.country.escalation >= 90 - traits.caution / 2;
    if (me.money < bill * 2 && (spiral || !knobs.ask)) {
      if (spiral) plan.note(m('reasons.ai.noAsk', { escalation: state.country.escalation }));
    } else if (me.money < bill * 2) {
      const patron = world.backersOf[side]
        .filter((b) => (state.backers[b.id]?.commitment ?? 0) < b.maxCommitment)
        .sort((a, b) => (state.backers[b.id]?.commitment ?? 0) - (state.backers[a.id]?.commitment ?? 0) || compareIds(a.id, b.id))[0];
      if (patron) plan.try({ actor: side, kind: 'request-support', backer: patron.id }, m('reasons.ai.askMoney', { money: me.money, bill, backer: patron.id }));
    }
    // A patron a person plays hears from its client when the front goes badly, not only when money
    // runs short: the seat is about such requests (a computer patron is asked as before).
    if (state.humans.length && !spiral && me.money >= bill * 2 && (me.momentum < 0 || me.confidence < 45)) {
      const patron = world.backersOf[side].find((b) => state.humans.includes(`backer:${b.id}`) && (state.backers[b.id]?.commitment ?? 0) < b.maxCommitment && !state.backers[b.id]?.request);
      if (patron) plan.try({ actor: side, kind: 'request-support', backer: patron.id }, m('reasons.ai.askFront', { confidence: me.confidence, backer: patron.id }));
    }
    // The blockade is leverage: a side keeps it as its card for the talks while its patrons still
    // pay its bills, and gives it up in a deal that reopens the oil (its terms), or when it can no longer
    // pay its forces at all. Once a ceasefire has held, either side tables the oil deal, the oil reopened for
    // a share of its revenue, when both reckon it worth it (rules version 13: the holder no longer reopens
    // for nothing; the LNA reopened four weeks after the truce of August 2020, by the Maiteeq–Haftar deal).
    if (state.country.blockadeBy === side && me.money < bill) {
      plan.try({ actor: side, kind: 'oil-terminals', open: true }, m('reasons.ai.reopenOil'));
    } else if (!state.talks.proposal && oilDealOpen(state)) {
      const mine = oilDealCalculus(scenario, state, side);
      if (mine.accept && oilDealCalculus(scenario, state, enemy).accept) {
        plan.try({ actor: side, kind: 'propose-ceasefire', terms: OIL_DEAL_TERMS }, m('reasons.ai.oilDeal', { deal: mine.deal, fight: mine.fight }));
      }
    }
    let wavering: FormationState | undefined;
    for (const f of state.formations) {
      if (f.side !== side || f.loyalty >= scenario.rules.defectionThreshold + 15 || f.strength < 5) continue;
      if (!wavering || f.loyalty < wavering.loyalty || (f.loyalty === wavering.loyalty && compareIds(f.id, wavering.id) < 0)) wavering = f;
    }
    if (wavering && skill.tends) plan.try({ actor: side, kind: 'buy-loyalty', formation: wavering.id }, m('reasons.ai.wavering', { formation: wavering.id, loyalty: wavering.loyalty }));
    // Cohesion is half of a side's stability: one that weighs outcomes pays before it frays.
    const payBelow = skill.ev ? 60 : 40;
    plan.tryIf(skill.tends && me.cohesion < payBelow && me.money > bill * 3, { actor: side, kind: 'pay-salaries' }, m('reasons.ai.salaries', { cohesion: me.cohesion }));

    // 5. Talks: a side that expects more from a deal than from fighting proposes one.
    if ((calc.accept || knobs.offerPeace) && !state.talks.proposal && talksIndex(state.talks.stage) < 2) {
      const enemyCalc = wantsDeal(scenario, state, enemy);
      if (knobs.offerPeace || enemyCalc.accept || noise(state.seed, state.turn, side, 'propose') < 0.3) {
        plan.try({ actor: side, kind: 'propose-ceasefire', terms: proposalTerms(state) }, m('reasons.ai.propose', { deal: calc.deal, fight: calc.fight }));
      }
    }
    if (talksIndex(state.talks.stage) >= 1 && state.talks.trust < 40 && calc.accept) {
      plan.try({ actor: side, kind: 'prisoner-exchange' }, m('reasons.ai.goodwill'));
    }
    // A side that weighs outcomes and strikes no one this fortnight says so: a humanitarian pause
    // buys standing, trust and fewer dead at no cost to a front that is quiet anyway.
    if (noise(state.seed, state.turn, side, 'pause') < skill.pause && !plan.orders.some((o) => o.kind === 'attack' || o.kind === 'airstrike')) {
      plan.try({ actor: side, kind: 'humanitarian-pause' }, m('reasons.ai.pause'));
    }
    // With budget left: recruit where support is strong, or rally support.
    // Recruiting wearies the people; a side that weighs outcomes recruits only when outnumbered or threatened.
    const needsMen = !skill.ev || threats.length > 0 || sideStrength(state, side) < sideStrength(state, enemy);
    // (Only with an order left: otherwise every place would be tried in vain.)
    // A recruit is paid every fortnight to the end: a commander who keeps its coalition paid (normal, hard) recruits only
    // while its treasury, at the rate it has been spending (the last RECRUIT_RECORD fortnights, or its bill if that is
    // more), lasts to the end of the game; a careless one (easy) recruits while the money is there.
    // (Asked last: the cheap tests first.)
    const lasts = () => !skill.tends || treasuryAfter(scenario, state, side, scenario.turns - state.turn + 1, 0, RECRUIT_RECORD) >= 0;
    if (me.money > bill * 3 && needsMen && plan.used() < budgetOf(scenario, side) && lasts()) {
      // (The places big enough, most populous first, are listed once per scenario: those the side holds, in that order.)
      for (const p of world.recruitPlaces) {
        if (state.places[p]?.controller === side && plan.try({ actor: side, kind: 'recruit', place: p }, m('reasons.ai.recruit', { place: p }))) break;
      }
    }
    plan.tryIf(skill.tends, { actor: side, kind: 'public-messaging' }, m('reasons.ai.rally'));
  };
  const { threats, threatened } = defend();
  const { wantsPeace, threshold } = attack(threats, threatened);
  strike(wantsPeace, threshold);
  provide(threats);
  return decided(plan);
}

/** The computer mediator when a scenario names none. */
export const DEFAULT_MEDIATOR = { name: 'The mediator', aggression: 50 } as const;

/**
 * What a mediator's personality (Scenario.mediator) changes: the thresholds it acts at. The
 * defaults (every trait 50) give the baseline mediator.
 */
export function mediatorThresholds(scenario: Scenario): {
  /** How far the less willing side may still be from accepting before a ceasefire is tabled (0: both must already accept). */
  ripeSlack: number;
  /** Escalation at which it presses the most committed backer. */
  pressAt: number;
  /** Sanctions spoilers outside a truce too. */
  sanctionsAnyTime: boolean;
  /** Tightens the embargo while enforcement is below this. */
  embargoBelow: number;
  /** Shuttles while trust is below this. */
  shuttleBelow: number;
  /** Convenes a conference once international pressure reaches this. */
  conferenceAt: number;
  /** Opens a corridor where damage reaches this. */
  corridorAt: number;
  /** Aid before pressure (a mediator that values lives above all). */
  aidFirst: boolean;
} {
  const def = scenario.mediator ?? DEFAULT_MEDIATOR;
  const t = traitsOf(def);
  return {
    ripeSlack: Math.max(0, Math.round((50 - t.caution) / 5)),
    pressAt: 75 - Math.round(def.aggression / 2),
    sanctionsAnyTime: def.aggression >= 70,
    embargoBelow: 20 + Math.round((def.aggression * 2) / 5),
    shuttleBelow: 5 + Math.round(t.resolve / 2),
    conferenceAt: 65 - Math.round(t.values.standing / 2),
    corridorAt: 45 - Math.round(t.values.lives / 2),
    aidFirst: t.values.lives >= 65,
  };
}

function mediatorOrders(scenario: Scenario, state: State): AiDecision {
  const plan = new Planner(scenario, state);
  const world = worldOf(scenario);
  const at = mediatorThresholds(scenario);
  answerChoices(scenario, state, 'mediator', plan);
  const t = state.talks;
  const stage = talksIndex(t.stage);
  if (stage >= 2 && !t.monitors) plan.try({ actor: 'mediator', kind: 'deploy-monitors' }, m('reasons.mediator.monitors'));
  if (stage >= 2) plan.try({ actor: 'mediator', kind: 'political-track' }, m('reasons.mediator.politicalTrack'));
  if (stage < 2 && !t.proposal) {
    const gna = defaultCalc(scenario, state, 'gna');
    const lna = defaultCalc(scenario, state, 'lna');
    const gap = Math.max(gna.fight - gna.deal, lna.fight - lna.deal);
    if (gna.accept && lna.accept) plan.try({ actor: 'mediator', kind: 'propose-ceasefire', terms: proposalTerms(state) }, m('reasons.mediator.ripe'));
    else if (at.ripeSlack > 0 && (gna.accept || lna.accept) && gap <= at.ripeSlack) {
      const holdout = gna.accept ? 'lna' : 'gna';
      plan.try(
        { actor: 'mediator', kind: 'propose-ceasefire', terms: proposalTerms(state) },
        m('reasons.mediator.early', { actor: holdout }),
      );
    }
  }
  const sanctionable = stage >= 2 || at.sanctionsAnyTime;
  const spoiler = sanctionable ? state.formations.find((f) => world.formationDef.get(f.id)?.spoiler && f.strength > 0) : undefined;
  if (spoiler) {
    plan.try({ actor: 'mediator', kind: 'sanction-spoiler', formation: spoiler.id }, m(stage >= 2 ? 'reasons.mediator.spoilerTruce' : 'reasons.mediator.spoilerWar', { formation: spoiler.id }),
    );
  }
  // The first by id of the places hit hard enough that still hold defenders.
  let hurt: string | undefined;
  const places = placesOf(world, state);
  for (let i = 0; i < places.length; i++) {
    const p = world.placeIds[i]!;
    if ((places[i]?.damage ?? 0) >= at.corridorAt && (hurt === undefined || compareIds(p, hurt) < 0) && defendersOf(state, p).length) hurt = p;
  }
  const aid = () => {
    if (hurt) plan.try({ actor: 'mediator', kind: 'humanitarian-corridor', place: hurt }, m('reasons.mediator.corridor', { place: hurt }));
  };
  if (at.aidFirst) aid();
  if (state.country.escalation >= at.pressAt) {
    // The most committed backer of a side (the first by id of those equally committed).
    let top: (typeof scenario.backers)[number] | undefined;
    let topLevel = 0;
    for (const b of scenario.backers) {
      if (b.client === 'none') continue;
      const level = state.backers[b.id]?.commitment ?? 0;
      if (!top || level > topLevel || (level === topLevel && compareIds(b.id, top.id) < 0)) {
        top = b;
        topLevel = level;
      }
    }
    if (top) plan.try({ actor: 'mediator', kind: 'pressure-backer', backer: top.id }, m('reasons.mediator.pressBacker', { escalation: state.country.escalation, backer: top.id }));
  }
  if (state.country.embargoEnforcement < at.embargoBelow) plan.try({ actor: 'mediator', kind: 'enforce-embargo' }, m('reasons.mediator.embargo'));
  if (t.trust < at.shuttleBelow) plan.try({ actor: 'mediator', kind: 'shuttle-diplomacy' }, m('reasons.mediator.shuttle', { trust: t.trust }));
  if (!state.conference && state.country.internationalPressure >= at.conferenceAt) plan.try({ actor: 'mediator', kind: 'convene-conference' }, m('reasons.mediator.conference'));
  if (!at.aidFirst) aid();
  plan.try({ actor: 'mediator', kind: 'shuttle-diplomacy' }, m('reasons.mediator.channels'));
  return decided(plan);
}

/** Where a group raids: people to terrorise or to hold to ransom, weighed against who guards them. */
function raidTarget(scenario: Scenario, state: State, options: readonly string[], t: Traits): string | undefined {
  const world = worldOf(scenario);
  let best: string | undefined;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const p of options) {
    const pop = world.place.get(p)?.population ?? 0;
    if (pop <= 0) continue;
    // Standing (being seen) draws it to big towns; caution keeps it from the well defended.
    const score = (Math.sqrt(pop) * t.values.standing) / 50 - (strengthOf(defendersOf(state, p)) * t.caution) / 50;
    if (score > bestScore || (score === bestScore && best !== undefined && compareIds(p, best) < 0)) {
      best = p;
      bestScore = score;
    }
  }
  return best;
}

/** Whether a place next to a unit's is held by the enemy (by the unit's place index when known: holdersOf, no ids to look up). */
function enemyNext(world: World, state: State, location: string, at: number | undefined, enemy: SideId): boolean {
  if (at === undefined) return (world.adjacent.get(location) ?? []).some((p) => state.places[p]?.controller === enemy);
  const holders = holdersOf(world, state);
  for (const j of world.adjacentIx[at]!) if (holders[j] === enemy) return true;
  return false;
}

/**
 * An armed group acting on its own account (FormationDef.agenda). A group that answers to no
 * side raids, more while the two sides fight each other; a spoiler breaks truces, more when its
 * side's hold on its allies is weak; a militia its side needs names its price; and one whose
 * loyalty has worn thin leaves a losing side. Its chances come from its agenda, drawn from a
 * hash of seed, turn and group (as every AI's), so the game's RNG is untouched.
 */
function groupOrders(scenario: Scenario, state: State, id: string, actor: Actor): AiDecision {
  const world = worldOf(scenario);
  const def = world.formationDef.get(id);
  if (!def?.agenda) return NO_DECISION();
  // Its unit: the one whose definition is its own (unitsOf: one comparison of objects a unit, not of ids).
  const units = unitsOf(world, state);
  const formations = state.formations;
  let f: FormationState | undefined;
  let at: number | undefined;
  for (let k = 0; k < formations.length; k++) {
    if (units ? units.defs[k] === def : formations[k]!.id === id) {
      f = formations[k];
      at = units?.at[k];
      break;
    }
  }
  if (!f || f.strength <= 0) return NO_DECISION();
  const plan = new Planner(scenario, state);
  const t = traitsOf(def.agenda);
  const roll = (what: string) => noise(state.seed, state.turn, actor, what) * 100;
  const inTruce = talksIndex(state.talks.stage) >= 2;
  const near = world.adjacent.get(f.location) ?? [];
  if (f.side === 'none') {
    // A local force that answers to no one but is no spoiler keeps to its own town.
    if (!def.spoiler || roll('raid') >= (t.aggression * (inTruce ? 25 : 40)) / 100) return decided(plan);
    const target = raidTarget(scenario, state, near.length ? near : [f.location], t) ?? raidTarget(scenario, state, [f.location], t);
    if (target) {
      plan.try(
        { actor, kind: 'raid', target },
        m(inTruce ? 'reasons.group.raidTruce' : 'reasons.group.raidWar', { formation: id, place: target, motive: id }),
      );
    }
    return decided(plan);
  }
  const side = f.side;
  const me = state.sides[side];
  const enemy = other(side);
  // Leaving a losing side: only once loyalty has worn thin, the thinner the likelier, and less
  // likely for a group with resolve (at resolve 50, 1% a turn per point below threshold + margin).
  const worn = scenario.rules.defectionThreshold + DEFECT_MARGIN - f.loyalty;
  if (worn > 0) {
    const whyMsg =
      me.unpaidTurns > 0 ? 'reasons.group.why.unpaid' : me.momentum < 0 ? 'reasons.group.why.losing' : sideStrength(state, side) < sideStrength(state, enemy) ? 'reasons.group.why.outnumbered' : null;
    if (whyMsg && roll('defect') < (worn * (100 - t.resolve)) / 50) {
      const to = defectionTarget(def, side);
      const msg = m(to === 'none' ? 'reasons.group.defectAlone' : 'reasons.group.defect', { formation: id, actor: side, actorTo: to, loyalty: f.loyalty, whyMsg });
      if (plan.try({ actor, kind: 'defect' }, msg)) return decided(plan);
    }
  }
  // Spoiling a truce: a group that lives off the war strikes on its own, unless its side keeps a firm grip on its allies.
  if (def.spoiler && inTruce) {
    const chance = Math.max(5, Math.min(60, Math.round((t.aggression * 4) / 5) - Math.floor(me.cohesion / 2) + Math.round((t.values.money - 50) / 5)));
    const targets = near.filter((p) => state.places[p]?.controller === enemy);
    const target = roll('spoil') < chance ? raidTarget(scenario, state, targets, t) : undefined;
    if (target && plan.try({ actor, kind: 'raid', target }, m('reasons.group.spoil', { formation: id, place: target, motive: id, actor: side, cohesion: me.cohesion }))) return decided(plan);
  }
  // Naming its price: a group its side cannot do without — on the front line or in the capital — and that values money.
  const leverage = f.location === scenario.sides[side].capital || enemyNext(world, state, f.location, at, enemy);
  if (leverage && t.values.money > 50 && f.loyalty < def.loyalty + 10 && roll('extort') < (t.aggression * (t.values.money - 50)) / 100) {
    plan.try({ actor, kind: 'extort' }, m('reasons.group.extort', { formation: id, motive: id, actor: side, where: f.location === scenario.sides[side].capital ? 'capital' : 'front' }),
    );
  }
  return decided(plan);
}

/**
 * What difficulty changes for the AI in a backer's seat (a role a person could play, which the
 * AI plays when measured or standing in): how well it weighs its escalation, its answers and its
 * deliveries against its own score. The computer backers outside a seat keep to the baseline ladder
 * at every level (backerLadder), as the historical patrons behaved.
 */
interface BackerSkill {
  /** Steps up to save a client in trouble: confidence below this (below this + 10 for one losing ground). */
  rescueBelow: number;
  /** Steps up too when the enemy's best odds against its client's capital reach this (101: does not look). */
  perilOdds: number;
  /** Never steps up at or past this escalation, and steps back down from it (a regional war costs it most of all). */
  brink: number;
  /** Scales back once its client holds its own (confidence at least this); 0: never on that ground. */
  coolAt: number;
  /** Lowest rung it scales back to, for the brink too (issue 14, ladder19: easy's step from rung 2 to 1 at the brink moved the region's
   * escalation little, and left its client's treasury short when its other patrons left late in the game). */
  floor: number;
  /** Yields to the mediator's pressure (false: refuses it). */
  yields: boolean;
  /** Counts a client with less than this many fortnights of upkeep in hand as short (holds its rung), and one with less than one as in trouble (0: does not look). */
  supplyBelow: number;
  /** In the last this share (percent) of the game's turns it scales back unless its client is in trouble: support it can no longer use is money spent and escalation left behind (0: never). */
  windDown: number;
  /** Holds its rung while the enemy's odds against a red line of any of its client's patrons are at least this (0: does not look). */
  guardsLines: number;
  /** Presses its client to fight on while the client's confidence is below this (0: never). */
  pushBelow: number;
  /** Lobbies against the rival on the other side highest on its ladder, at this rung or above, or at the top of its own ladder if that is lower (0: never). */
  lobbyRung: number;
  /** In the last this share (percent) of the game's turns it steps up (or grants a request) only when its client's capital is in danger or it cannot pay its forces: a rung bought late is paid for, and counted in the escalation at the end, before its air power arrives (0: no such rule). */
  lateOnlyCapital: number;
  /** Ships arms to a client that cannot pay its forces only while the odds that a shipment is exposed are at most this (percent; 0: never ships). */
  shipsBelowOdds: number;
  /** Lobbies against the enemy's paymaster (a rival without whose money the enemy's treasury would run out in time for it to break apart unpaid before the end). */
  squeeze: boolean;
  /** Lobbies (against the enemy's paymaster, or the rival at the top of its ladder) before it presses its client: the enemy's collapse unpaid is worth more to its score than a push. */
  lobbiesFirst: boolean;
  /** Counts what its lobbying costs: a seat that values money 60+ does not lobby against the rival at the top (false: lobbies whatever it values). */
  countsCampaigns: boolean;
  /** Judges the brink by where its step up would leave the region, not only where the region stands (false: where it stands). */
  brinkAhead: boolean;
  /** Without a reckoning of its client's money (supplyBelow 0), still counts a client with less in hand than its bill as unable to pay its forces. */
  seesEmpty: boolean;
  /** Highest rung it steps up to of its own accord to rescue its client (4: the top of every ladder; a client's request it may still grant). */
  rescueTo: number;
  /** Counts its campaigns against what its seat's score weighs: lobbies against the rival at the top, whatever it values money at, when the score weighs regional calm above its costs (false: by its money value alone, countsCampaigns). */
  weighsCalm: boolean;
  /** Does not lobby against a rival already under the most pressure it can be put under (MAX_PRESSURE): the campaign is paid for and adds nothing. */
  skipsPressed: boolean;
}
// The seat's score counts every dollar and every point of escalation at the end, while a rung more
// moves its client's ground by little on average (docs/ai.md, "The backers' seats"): the levels differ
// first in how soon and how far they scale back once the client is safe. Easy keeps a presence (rung 2,
// at the brink too, where it only stops climbing) and waits for its client's confidence to reach 45; normal
// scales back from 40 to rung 1; hard whenever its client is out of trouble, to rung 0 when the client
// can pay its way without it. Late in the game none buys a rung for a client's mood. What loses a seat
// most is a regional war its score punishes: every level presses a client losing heart to fight on (a push
// costs a little standing, while a client below 40 brings its other patrons up the ladder) and lobbies
// against the rival on the other side at the top of its ladder (easy, which does not count what its
// campaigns cost, against one at advisers or above, whatever it values money at; hard before it presses
// its client); normal and hard hold their rung near another patron's threatened line, easy watches its own
// client only (stepping up for another patron's line, tried at 50% odds, lost it more than it saved: issue
// 14's pass of 7 December, docs/ai.md). Easy reckons no treasury but sees an empty one, and judges the brink
// by where its step would leave the region, and climbs of its own accord no higher than the money rungs (rescueTo):
// its air power and troops, bought for a client losing heart, cost more than they saved (issue 14's ladder pass 17).
// A shipment's exposure costs standing for good: only hard ships, and only at low odds. Normal and hard pay for no
// campaign against a rival already at the pressure cap, and (a seat whose score weighs regional calm above its costs:
// Egypt's) lobby against a rival at the drones rung whatever they value money at (issue 14's pass of 8 December, ladder21).
const BACKER_SKILL: Record<Difficulty, BackerSkill> = {
  easy: { rescueBelow: 25, perilOdds: 101, brink: 65, coolAt: 45, floor: 2, yields: false, supplyBelow: 0, windDown: 0, guardsLines: 0, pushBelow: 50, lobbyRung: 2, lateOnlyCapital: 15, shipsBelowOdds: 0, squeeze: false, lobbiesFirst: false, countsCampaigns: false, brinkAhead: true, seesEmpty: true, rescueTo: 2, weighsCalm: false, skipsPressed: false },
  normal: { rescueBelow: 25, perilOdds: 55, brink: 65, coolAt: 40, floor: 1, yields: true, supplyBelow: 1, windDown: 10, guardsLines: 40, pushBelow: 50, lobbyRung: 4, lateOnlyCapital: 25, shipsBelowOdds: 0, squeeze: true, lobbiesFirst: false, countsCampaigns: true, brinkAhead: false, seesEmpty: false, rescueTo: 4, weighsCalm: true, skipsPressed: true },
  historical: { rescueBelow: 25, perilOdds: 55, brink: 65, coolAt: 40, floor: 1, yields: true, supplyBelow: 1, windDown: 10, guardsLines: 40, pushBelow: 50, lobbyRung: 4, lateOnlyCapital: 25, shipsBelowOdds: 0, squeeze: true, lobbiesFirst: false, countsCampaigns: true, brinkAhead: false, seesEmpty: false, rescueTo: 4, weighsCalm: false, skipsPressed: false },
  hard: { rescueBelow: 15, perilOdds: 70, brink: 60, coolAt: 1, floor: 0, yields: true, supplyBelow: 2, windDown: 20, guardsLines: 40, pushBelow: 50, lobbyRung: 4, lateOnlyCapital: 35, shipsBelowOdds: 20, squeeze: true, lobbiesFirst: true, countsCampaigns: true, brinkAhead: false, seesEmpty: false, rescueTo: 4, weighsCalm: true, skipsPressed: true },
};

/** A side collapses after this many fortnights unpaid, or at this cohesion, which each unpaid fortnight lowers by the loss (rules/outcome.ts, rules/economy.ts). */
const COLLAPSE_UNPAID = 4;
const COLLAPSE_COHESION = 5;
const COLLAPSE_COHESION_LOSS = 5;

/** The rungs a backer's money mostly comes from (money and arms, advisers): past them a step up sends little more of it. */
const MONEY_RUNGS = 2;

/** A backer's pressure is counted from 0 to 100 (rules/backer-orders.ts clamps it): a campaign against a rival already at 100 adds nothing. */
const MAX_PRESSURE = 100;

/** From this rung up two rivals on opposite sides face each other directly, and the pair adds to the region's escalation (rules/backers.ts). */
const PAIR_RUNG = 3;

/** Fortnights left above which normal and hard hold the drones rung for another patron's threatened line (the horizon hard reckons its client's money over too). */
const LINE_HOLD_TURNS = 10;

/**
 * What a side's treasury comes to after this many fortnights at its present income (oil, its patrons' money, less
 * `without`) and bill — or, with `record`, at the rate its money in fact went over the last `record` fortnights (its
 * recruits, payments and purchases as well as its bill) where that is faster.
 */
function treasuryAfter(scenario: Scenario, state: State, side: SideId, fortnights: number, without = 0, record = 0): number {
  const money = state.sides[side].money;
  const flow = flowOf(scenario, state, side);
  // (The same sums in the same order as income - without - bill, so the same number.)
  let net = flow.income - without - flow.bill;
  const back = record > 0 ? state.log[state.log.length - 1 - record] : undefined;
  if (back) net = Math.min(net, (money - (side === 'gna' ? back.gnaMoney : back.lnaMoney)) / record - without);
  return money + net * fortnights;
}

/** A side's income and bill on a state, worked out once per state in a round of decisions. */
function flowOf(scenario: Scenario, state: State, side: SideId): Flow {
  const m = memoOf(state);
  const known = m ? (side === 'gna' ? m.gnaFlow : m.lnaFlow) : undefined;
  if (known) return known;
  const flow: Flow = {
    income: oilIncome(scenario, state, oilOutput(scenario, state))[side] + backerMoney(scenario, state, side),
    bill: upkeepOf(scenario, state, side, unitsOf(worldOf(scenario), state)),
  };
  if (m) {
    if (side === 'gna') m.gnaFlow = flow;
    else m.lnaFlow = flow;
  }
  return flow;
}

/**
 * Whether a side's treasury, at its present income (oil, its patrons' money) and bill, runs out with COLLAPSE_UNPAID
 * fortnights or more of the game still to go: time enough for unpaid salaries to break it before the end.
 */
function runsDry(scenario: Scenario, state: State, side: SideId, turnsLeft: number, without = 0): boolean {
  const horizon = turnsLeft - COLLAPSE_UNPAID;
  return horizon > 0 && treasuryAfter(scenario, state, side, horizon, without) < 0;
}

/** The enemy's best odds (percent) against a place its client holds (by default its capital, whose fall ends the war). */
function clientPeril(scenario: Scenario, state: State, client: SideId, places: readonly string[] = [scenario.sides[client].capital]): { odds: number; place: string } | null {
  const world = worldOf(scenario);
  const enemy = other(client);
  const theirs = byPlace(world, state, enemy);
  let worst: { odds: number; place: string } | null = null;
  for (const p of places) {
    if (state.places[p]?.controller !== client) continue;
    for (const n of world.adjacent.get(p) ?? []) {
      if (!theirs.at[world.placeIndex.get(n)!] || state.places[n]?.controller !== enemy) continue;
      const odds = attackOdds(scenario, state, enemy, n, p, indexOf(scenario, state)).odds;
      if (!worst || odds > worst.odds) worst = { odds, place: p };
    }
  }
  return worst;
}

function backerOrders(scenario: Scenario, state: State, id: string, actor: Actor, difficulty: Difficulty): AiDecision {
  const plan = new Planner(scenario, state);
  if (!state.humans.includes(actor as PlayerRole)) {
    backerLadder(scenario, state, id, actor, plan);
    return decided(plan);
  }
  const world = worldOf(scenario);
  const def = world.backer.get(id);
  const b = state.backers[id];
  if (!def || !b || def.client === 'none') return decided(plan);
  const side: SideId = def.client;
  const skill = BACKER_SKILL[difficulty];
  const client = state.sides[side];
  // The seat's own bound: what its capital will bear (its score counts every dollar against it).
  const tolerance = def.costTolerance;
  const peril = skill.perilOdds <= 100 ? clientPeril(scenario, state, side) : null;
  const threatened = peril !== null && peril.odds >= skill.perilOdds;
  // A client that cannot pay its fighters breaks apart: money running out is trouble as much as a front giving way.
  const upkeep = upkeepOf(scenario, state, side, unitsOf(worldOf(scenario), state));
  const turnsLeft = scenario.turns - state.turn + 1;
  // What it has in hand and what comes in before the bill is paid (its oil revenue, its patrons' money) against the bill.
  // Unpaid salaries break a client after four fortnights (or once its cohesion is spent): near the end of the game one that
  // cannot go that long unpaid before the end is in no danger from its empty treasury.
  const income = oilIncome(scenario, state, oilOutput(scenario, state))[side] + backerMoney(scenario, state, side);
  // Reckoned to the end of the game too: a treasury that runs out in time for unpaid salaries to break the client before the
  // end is short now, however full it looks this fortnight.
  const short = skill.supplyBelow > 0 && (client.money + income < upkeep * skill.supplyBelow || runsDry(scenario, state, side, turnsLeft));
  // (A level that does not reckon a client's money still sees an empty treasury: less in hand than this fortnight's bill.)
  const broke =
    skill.supplyBelow > 0
      ? client.money + income < upkeep && (client.unpaidTurns + turnsLeft >= COLLAPSE_UNPAID || client.cohesion - COLLAPSE_COHESION_LOSS * turnsLeft <= COLLAPSE_COHESION)
      : skill.seesEmpty && client.money < upkeep;
  const late = skill.lateOnlyCapital > 0 && state.turn > scenario.turns - Math.round((scenario.turns * skill.lateOnlyCapital) / 100);
  const trouble = threatened || broke || client.confidence < skill.rescueBelow || (client.momentum < 0 && client.confidence < skill.rescueBelow + 10);
  // A client short only of money needs money, which the lowest rungs send: the higher ones add air power and troops, which
  // pay no salaries, at a price that climbs faster than the money they bring.
  const moneyOnly = broke && !threatened && client.confidence >= skill.rescueBelow && !(client.momentum < 0 && client.confidence < skill.rescueBelow + 10);
  // Worth a step up: late in the game, only the capital in danger or a client that cannot pay its forces (either ends the
  // war in its defeat) — not a client's mood.
  // A client whose treasury runs dry before the end (short, above) gets the money rungs in time, not once it is broke —
  // nor only once it has less than supplyBelow bills in hand: between one bill and two, hard held its rung 0 and
  // refused every request until its client had nothing (docs/ai.md, ladder pass 17).
  const drying = short && !late && b.commitment < MONEY_RUNGS && client.money + income >= upkeep;
  const rescue = moneyOnly && b.commitment >= MONEY_RUNGS ? false : late ? threatened || broke : trouble || drying;
  // (Why, as the seat's reason says it: the danger, an empty treasury, one that runs dry before the end, a client losing heart.)
  const whyMsg = threatened ? 'reasons.seat.why.danger' : broke ? 'reasons.seat.why.broke' : drying && !trouble ? 'reasons.seat.why.dry' : 'reasons.seat.why.losing';
  const whyValues = { whyMsg, place: peril?.place ?? '', odds: peril?.odds ?? 0, money: client.money, bill: upkeep, confidence: client.confidence };
  const brink = state.country.escalation >= skill.brink;
  // A step up is judged by where it would leave the region (its rung and the rivals it would face at it) by a level that looks ahead.
  const upBrink = (): boolean => brink || (skill.brinkAhead && escalationSupposing(scenario, state, (r) => (r === id ? b.commitment + 1 : undefined), null, null) >= skill.brink);
  // A red line of any of its client's patrons that is about to be crossed brings that patron in, and the region nearer a war:
  // a patron that sees it keeps its client strong there rather than step down (unless it counts its money first: values money 60+).
  const lines = skill.guardsLines && traitsOf(def).values.money < 60 ? [...new Set(world.backersOf[side].flatMap((p) => traitsOf(p).redLines))] : [];
  // Another patron's line it guards at half the odds of its own: that patron climbs the moment it is crossed, whatever this
  // seat does, while its own it answers (or not) itself.
  const own = traitsOf(def).redLines;
  const lineAtRisk = lines.some((p) => (clientPeril(scenario, state, side, [p])?.odds ?? 0) >= (own.includes(p) ? skill.guardsLines : skill.guardsLines / 2));
  // A line is guarded at the drones rung (where this seat and a rival on the other side face each other, and the pair adds to
  // the region's escalation) only while more than ten fortnights are left. In a short game held at that rung from the first
  // fortnight, the rung's price (its score counts every dollar) and the pair at the end cost more than the crossing it guards
  // against: measured, not the regional wars, which stayed as many (docs/ai.md, "red-line-2020's UAE"). Below it the guard holds.
  const holdsForLine = lineAtRisk && (b.commitment < PAIR_RUNG || turnsLeft > LINE_HOLD_TURNS);
  // Leaving the war altogether stops the money too: only for a client that can pay its way without it for a good while
  // (ten fortnights) or to the end of the game, whichever comes first.
  // Normal leaves only in its wind-down at the end of the game; hard whenever the client can do without it.
  const ending = skill.windDown > 0 && state.turn > scenario.turns - Math.round((scenario.turns * skill.windDown) / 100);
  const mayLeave = skill.floor === 0 || (ending && skill.floor === 1);
  // What this seat sends the client stops when it leaves: the client must pay its bill from what it has and the rest of its income.
  const ownMoney = b.commitment > 0 ? (def.ladder[b.commitment - 1]?.money ?? 0) : 0;
  const floor = mayLeave ? (client.money + (income - ownMoney - upkeep) * Math.min(10, turnsLeft) < 0 ? 1 : 0) : skill.floor;
  // The mediator's pressure and a client's request wait for its answer (a computer backer's are settled by the rules).
  if (b.pressed !== undefined) {
    const yields = skill.yields && b.commitment > 0 && !trouble;
    plan.try(
      { actor, kind: 'answer-mediator', accept: yields },
      m(yields ? 'reasons.seat.yield' : 'reasons.seat.rebuff', { backer: id }),
    );
  }
  if (b.request && b.commitment < def.maxCommitment && !plan.orders.some((o) => o.kind === 'answer-mediator' && o.accept)) {
    const grant = rescue && b.spent < tolerance && !upBrink();
    const msg = grant ? m('reasons.seat.grant', { backer: id, actor: side, ...whyValues }) : m('reasons.seat.refuse', { backer: id, actor: side });
    if (plan.try({ actor, kind: 'answer-request', accept: grant }, msg) && grant) {
      return decided(plan);
    }
  }
  const stepped = plan.orders.some((o) => o.kind === 'answer-mediator' && o.accept);
  // A step up costs money every fortnight, standing abroad and regional calm: worth it only to keep the client from defeat.
  if (stepped) {
    // Already a step down this fortnight.
  } else if (rescue && b.commitment < Math.min(def.maxCommitment, skill.rescueTo) && b.spent < tolerance && !upBrink()) {
    plan.try(
      { actor, kind: 'escalate' },
      m('reasons.seat.rescue', { backer: id, rung: String(Math.min(4, b.commitment + 1)), actor: side, ...whyValues }),
    );
  } else if (
    // At the brink too, no lower than its floor (ladder19; normal's and hard's floors, 1 and 0, were their brink floors already).
    b.commitment > floor && !trouble && !short && !holdsForLine && (brink || b.spent >= tolerance || (skill.coolAt > 0 && client.confidence >= skill.coolAt) || ending)) {
    plan.try(
      { actor, kind: 'de-escalate' },
      m('reasons.seat.scaleBack', {
        backer: id,
        actor: side,
        escalation: state.country.escalation,
        whyMsg: brink ? 'reasons.seat.why.brink' : b.spent >= tolerance ? 'reasons.seat.why.costly' : ending ? 'reasons.seat.why.ending' : 'reasons.seat.why.holds',
      }),
    );
  }
  // A shipment of arms and money keeps a client that cannot pay its forces whole (an exposed one costs standing: only then,
  // and only until one is exposed: after that every shipment is watched, and each exposure costs standing for good).
  if (broke && b.commitment > 0 && b.spent < tolerance && (b.exposures ?? 0) === 0 && deliveryExposureOdds(state) <= skill.shipsBelowOdds) {
    plan.try({ actor, kind: 'deliver-arms' }, m('reasons.seat.ship', { backer: id, actor: side, money: client.money, bill: upkeep }));
  }
  // A client losing heart asks its patrons for more and takes a worse deal, and its other patrons climb to save it (a
  // computer patron steps in for a client whose confidence is below 40): a push costs a little standing, a rung much more.
  const push = () => {
    if (skill.pushBelow > 0 && client.confidence < skill.pushBelow && plan.used() < budgetOf(scenario, actor)) {
      plan.try({ actor, kind: 'push-client' }, m('reasons.seat.push', { backer: id, actor: side, confidence: client.confidence }));
    }
  };
  if (!skill.lobbiesFirst) push();
  // Lobby in the capitals against the rival on the other side highest on its ladder, at its top: the pressure brings it
  // down sooner (a patron scales back once pressure reaches 100 − 0.6 × the value it puts on its standing), and with it the
  // enemy's strength and the pairs of rivals at the top that make most of a regional war. A seat that values money 60+
  // (Russia, Egypt) and counts what its campaigns cost (normal, hard) does not pay for that one: measured, it cost more than
  // it returned. The squeeze on a paymaster below it pays whatever the seat values money at: the enemy's collapse unpaid is
  // the ending its score counts most.
  const rung = (r: string) => state.backers[r]?.commitment ?? 0;
  const enemySide = other(side);
  // The enemy's treasury reckoned to the end of the game: one whose money would run out with four fortnights or more still to
  // go can break apart unpaid before the end, and its collapse is the client's victory, the ending the seat's score counts
  // most (its client's ground +20, its own score +15). So (normal, hard) it lobbies against the rival that sends the enemy the
  // most money among those without whose money the enemy would run dry in time: the paymaster, not the rival highest on
  // its ladder. (It reckons the rung's money as the ladder gives it, before what a watched embargo holds back: a rough
  // reckoning, which errs towards the squeeze.)
  const paymaster =
    skill.squeeze && plan.used() < budgetOf(scenario, actor) && b.spent < tolerance
      ? def.rivals
          .filter((r) => world.backer.get(r)?.client === enemySide && rung(r) > 0)
          .map((r) => ({ r, money: world.backer.get(r)!.ladder[rung(r) - 1]?.money ?? 0 }))
          .filter((x) => x.money > 0 && runsDry(scenario, state, enemySide, turnsLeft, x.money))
          .sort((x, y) => y.money - x.money || compareIds(x.r, y.r))[0]?.r
      : undefined;
  const calm = skill.weighsCalm && calmWeighsMore(scenario, id);
  if (paymaster) {
    plan.try({ actor, kind: 'pressure-rival', backer: paymaster }, m('reasons.seat.lobby', { backer: id, backerRival: paymaster }));
  } else if (skill.lobbyRung > 0 && (traitsOf(def).values.money < 60 || !skill.countsCampaigns || calm) && plan.used() < budgetOf(scenario, actor) && b.spent < tolerance) {
    const from = calm ? Math.min(skill.lobbyRung, PAIR_RUNG) : skill.lobbyRung;
    const rival = def.rivals.filter((r) => world.backer.get(r)?.client === enemySide && !(skill.skipsPressed && (state.backers[r]?.pressure ?? 0) >= MAX_PRESSURE) && rung(r) >= Math.min(from, world.backer.get(r)?.maxCommitment ?? 4)).sort((x, y) => rung(y) - rung(x) || compareIds(x, y))[0];
    if (rival) plan.try({ actor, kind: 'pressure-rival', backer: rival }, m('reasons.seat.lobby', { backer: id, backerRival: rival }));
  }
  if (skill.lobbiesFirst) push();
  return decided(plan);
}

/** Whether a backer's seat's score weighs regional calm (escalation) above its costs (stability): Egypt's in sirte-2020, 30 against 20. */
function calmWeighsMore(scenario: Scenario, id: string): boolean {
  const w = scenario.backerRoles?.[id]?.objectives.weights;
  return w !== undefined && w.escalation > w.stability;
}

/** A backer's stakes in Libya, all its interests together (scenario data: worked out once per backer). */
const stakes = new WeakMap<BackerDef, number>();
function stakeOf(def: BackerDef): number {
  let stake = stakes.get(def);
  if (stake === undefined) {
    stake = Object.values(def.interests).reduce((a, v) => a + (v ?? 0), 0);
    stakes.set(def, stake);
  }
  return stake;
}

/** The rung a backer's step up takes it to, as its reason names it (made only for a step it tries: most turns it tries none). */
function rungUp(b: BackerState): string {
  return String(Math.min(4, b.commitment + 1));
}

function backerLadder(scenario: Scenario, state: State, id: string, actor: Actor, plan: Planner): void {
  const world = worldOf(scenario);
  const def = world.backer.get(id);
  const b = state.backers[id];
  if (!def || !b || def.client === 'none') return;
  const client = state.sides[def.client];
  const enemy = other(def.client);
  const traits = traitsOf(def);
  const roll = noise(state.seed, state.turn, id);
  // A backer that values money leaves sooner than its tolerance says; one that does not, later.
  const tolerance = Math.round((def.costTolerance * (150 - traits.values.money)) / 100);
  const overBudget = b.spent >= tolerance;
  // Red lines first: a patron that declared one must answer when it is crossed.
  const crossed = traits.redLines.find((p) => state.places[p]?.controller === enemy);
  if (crossed && b.commitment < def.maxCommitment) {
    plan.try({ actor, kind: 'escalate' }, m('reasons.backer.redLine', { backer: id, rung: rungUp(b), actor: enemy, place: crossed }));
    return;
  }
  // Nothing but a crossed red line makes a patron climb to the brink of a regional war: it reckons where its step
  // would leave the region (its rung and the rivals it would face at it), not only where it stands.
  // Asked last, after the cheap tests of the steps it would stop.
  const brink = () => Math.max(state.country.escalation, escalationSupposing(scenario, state, (r) => (r === id ? b.commitment + 1 : undefined), null, null)) >= REGION_BRINK;
  // A rival's step up is answered, if this backer has the appetite: aggression, tempered by caution.
  const rivalUp = def.rivals.find((r) => {
    const rs = state.backers[r];
    // A step up last turn to a rung never held before (the opening rung is not a step).
    return rs && rs.lastChange >= 1 && rs.lastChange === state.turn - 1 && rs.peak === rs.commitment && rs.commitment > b.commitment - 1;
  });
  if (rivalUp && !overBudget && roll * 100 < (def.aggression * (150 - traits.caution)) / 100 && !brink()) {
    plan.try({ actor, kind: 'escalate' }, m('reasons.backer.answerRival', { backer: id, rung: rungUp(b), backerRival: rivalUp }));
    return;
  }
  // A client losing ground is saved by a backer with a stake in it that values what the client holds; and so is one
  // pinned on its capital's front for want of the air whose money will not last the game (clientPinned): it loses no
  // ground and keeps its heart, but it cannot strike back, and unpaid it breaks apart. (The cheap tests first.)
  const stake = stakeOf(def);
  const losing = client.momentum < 0 && client.confidence < 40;
  if (stake >= 150 && !overBudget && roll * 100 < traits.values.ground && (losing || clientPinned(scenario, state, def.client)) && !brink()) {
    plan.try({ actor, kind: 'escalate' }, m('reasons.backer.save', { backer: id, rung: rungUp(b), actor: def.client }));
    return;
  }
  // Costs and standing: over its tolerance, or shamed enough (sooner for one that values standing abroad); not while its
  // client is so pinned, as it does not leave one losing heart.
  const bowsAt = Math.round(100 - traits.values.standing * 0.6);
  if ((overBudget || b.pressure >= bowsAt) && client.confidence >= 35 + Math.round((traits.resolve - 50) / 2) && !clientPinned(scenario, state, def.client)) {
    plan.try(
      { actor, kind: 'de-escalate' },
      overBudget ? m('reasons.backer.tooCostly', { backer: id, spent: b.spent, tolerance }) : m('reasons.backer.pressure', { backer: id, pressure: b.pressure }),
    );
    return;
  }
  const costly = b.pressure >= 50 || b.spent * 2 >= tolerance;
  // One that values civilian lives leans on its client when the toll mounts.
  const bloody = traits.values.lives >= 60 && state.country.civilianCasualties * 2 >= scenario.rules.catastropheCasualties;
  // The cheap tests first: most backers most turns have no reason to lean on their client.
  if ((costly || bloody) && foreignDependence(scenario, state, def.client) >= 5 && !defaultCalc(scenario, state, def.client).accept) {
    plan.try(
      { actor, kind: 'restrain-client' },
      m(bloody && !costly ? 'reasons.backer.restrainToll' : 'reasons.backer.restrainCost', { backer: id, actor: def.client }),
    );
  }
}

export function aiOrders(scenario: Scenario, state: State, actor: Actor, difficulty: Difficulty = state.difficulty): AiDecision {
  if (state.ending) return NO_DECISION();
  if (actor === 'gna' || actor === 'lna') return sideOrders(scenario, state, actor, difficulty);
  if (actor === 'mediator') return mediatorOrders(scenario, state);
  // The actor's id from the scenario's index (names built once per scenario), or cut from the name.
  const isGroup = actor.startsWith('group:');
  const id = worldOf(scenario).actorId.get(actor) ?? actor.slice(isGroup ? 'group:'.length : 'backer:'.length);
  return isGroup ? groupOrders(scenario, state, id, actor) : backerOrders(scenario, state, id, actor, difficulty);
}

/** Orders of every actor except the player's role (null: all AI). */
export function otherActorsOrders(
  scenario: Scenario,
  state: State,
  /** The role a person plays, or the roles people play (hot-seat), or null: all AI. */
  player: PlayerRole | readonly PlayerRole[] | null,
  /** Only these actors decide (for policies that drop the others' orders anyway: no need to work them out). */
  only?: (actor: Actor) => boolean,
): { orders: Order[]; reasonMsgs: Partial<Record<Actor, ReportMessage[]>> } {
  const orders: Order[] = [];
  const reasonMsgs: Partial<Record<Actor, ReportMessage[]>> = {};
  const outer = round === null;
  if (outer) round = { state: null, memo: null, others: null };
  try {
    for (const actor of worldOf(scenario).actors) {
      if (actor === player || (Array.isArray(player) && player.includes(actor)) || (only && !only(actor))) continue;
      const d = aiOrders(scenario, state, actor);
      // (A loop, not push(...d.orders): a call with a spread takes V8's generic path, once per actor a turn.)
      for (const o of d.orders) orders.push(o);
      if (d.reasonMsgs.length) reasonMsgs[actor] = d.reasonMsgs;
    }
  } finally {
    if (outer) round = null;
  }
  return { orders, reasonMsgs };
}
