// The data of the simulation: scenario (static, from levels/), state (dynamic, JSON),
// orders (what actors ask for) and reports (what happened and why).
// All quantities are integers. Scales are stated where a field is declared.

export type SideId = 'gna' | 'lna';
/**
 * How the computer plays the actors no person plays. It changes the AI, never the rules. The levels (easy, normal, hard)
 * play each seat's score as well as they can; "historical" is the persona the calibration measures against the record:
 * the leaders as they chose in 2019–2020 (Haftar fighting on through the war's weariness), not the best play of the
 * seat's score (docs/ai.md, "The historical persona apart from the normal level").
 */
export type Difficulty = Level | 'historical';
/** The difficulty levels proper, easiest first: the AI's ladder (npm run ai-quality). */
export type Level = 'easy' | 'normal' | 'hard';
export const LEVELS: readonly Level[] = ['easy', 'normal', 'hard'];
/** Every difficulty a game can be played at (links, saves, replays): the levels and the historical persona. */
export const DIFFICULTIES: readonly Difficulty[] = [...LEVELS, 'historical'];
export type Role = SideId | 'mediator';
export const SIDES: readonly SideId[] = ['gna', 'lna'];
export const ROLES: readonly Role[] = ['gna', 'lna', 'mediator'];
/** A foreign backer played by a person: `backer:<id>` (the backer's id in the scenario). */
export type BackerRole = `backer:${string}`;
/** Every role a person can play: a side, the mediator, or a foreign backer. */
export type PlayerRole = Role | BackerRole;
/** A role id as it may be written in a link, a save or a replay (the backer's id is checked against the scenario). */
export const PLAYER_ROLE_PATTERN = /^(gna|lna|mediator|backer:[a-z0-9-]{1,60})$/;
export function isBackerRole(role: string): role is BackerRole {
  return role.startsWith('backer:');
}
/** The backer's id of a backer role (`backer:turkey` → `turkey`). */
export function backerIdOf(role: BackerRole): string {
  return role.slice('backer:'.length);
}

export type Region = 'tripolitania' | 'cyrenaica' | 'fezzan';
export type PlaceTag =
  | 'capital'
  | 'seat'
  | 'central-bank'
  | 'city'
  | 'port'
  | 'airbase'
  | 'oil-terminal'
  | 'oil-field'
  | 'crossroads'
  | 'border-crossing'
  | 'town';
export type RouteKind = 'coastal-road' | 'desert-road' | 'track';
/** Who holds a place: a side, or nobody in particular (a local power, neutral). */
export type Controller = SideId | 'local';

// ---------------------------------------------------------------- scenario (static)

export interface Source {
  /** Where a number comes from, e.g. "reference §5.1 [M]". */
  source?: string;
}

export interface PlaceDef extends Source {
  id: string;
  name: string;
  lat: number;
  lon: number;
  region: Region;
  tags: PlaceTag[];
  /** Inhabitants, in thousands. */
  population: number;
  /** Oil capacity in thousand barrels a day (fields produce, terminals export). */
  oilCapacity?: number;
  /** Defence bonus in percent from terrain and fortifications already there. */
  defence?: number;
  /**
   * The side most of its people back, where the record shows them taking up arms for it (rules
   * version 5): they fight beside that side's forces, in defence or in an attack.
   */
  leaning?: 'gna' | 'lna';
  note?: string;
}

export interface RouteDef {
  from: string;
  to: string;
  kind: RouteKind;
  /** Length in kilometres, for display and supply. */
  km: number;
}

export interface MapDef {
  id: string;
  name: string;
  places: PlaceDef[];
  routes: RouteDef[];
}

export type FormationKind = 'regular' | 'militia' | 'mercenary' | 'foreign-troops' | 'extremist';

export interface FormationDef extends Source {
  id: string;
  name: string;
  /** The side it fights for, or none (a spoiler or a neutral local force). */
  side: SideId | 'none';
  kind: FormationKind;
  location: string;
  /** Fighters, in hundreds (10 = 1,000 fighters). */
  strength: number;
  /** Fighting quality in percent (100 = average). */
  quality: number;
  /** Loyalty to its side, 0-100. Below the scenario's threshold it may defect. */
  loyalty: number;
  /** Money it costs each turn, in million US dollars. */
  upkeep: number;
  /** Backer that pays or sent it, if foreign. */
  backer?: string;
  /** Acts to wreck talks: attacks during truces, raids. */
  spoiler?: boolean;
  /** May switch to this side when loyalty breaks (defaults to the other side). */
  defectsTo?: SideId | 'none';
  /** Makes it an actor of its own (`group:<id>`): an armed group that acts for itself as well as for its side. */
  agenda?: Agenda;
  /**
   * The town this armed group rules (the Kaniyat's Tarhuna). While it is there and its side holds
   * the town, it fights out of it but does not leave it: its side cannot move it away, and it does
   * not move into a place it helps to take (homeBound, src/sim/rules/military.ts).
   */
  home?: string;
  note?: string;
}

/**
 * What drives an armed group that acts on its own account (a militia or a spoiler): its AI
 * (src/sim/ai.ts groupOrders) raids, extorts or changes sides from these.
 */
export interface Agenda {
  /** Appetite for violence on its own account, 0-100 (raids, strikes during a truce). */
  aggression: number;
  /** Caution, resolve (how long it stays with a losing side), values (money: it lives off the war; lives; standing; ground). */
  personality?: Personality;
  /** What it wants, in a few words, for its panel and the turn report. */
  motive: string;
}

export type Interest = 'security' | 'migration' | 'energy' | 'ideology' | 'bases' | 'prestige';

/** What one rung of the escalation ladder gives the client each turn. */
export interface LadderRung {
  /** Money to the client each turn (million USD). */
  money: number;
  /** Air strike capacity added to the client. */
  air: number;
  /** Air defence added to the client. */
  airDefence: number;
  /** Formation that arrives when this rung is first reached, if any (id in formations). */
  deploys?: string[];
  /** What the backer spends per turn at this rung, against its cost tolerance. */
  cost: number;
}

/** What an actor's AI values, 0-100 each (see Personality). */
export type PersonalityValue = 'ground' | 'oil' | 'standing' | 'lives' | 'money';

/**
 * How an actor's AI weighs its choices, beyond its aggression and appetite for risk. Every key
 * is optional; src/sim/ai.ts gives the defaults.
 */
export interface Personality {
  /** Fear of losses and of the counter-attack that follows an attack, 0-100 (default 50). */
  caution?: number;
  /** Staying power: how much better a deal must look than fighting on before it settles, 0-100 (default 50). */
  resolve?: number;
  /** What it values: ground held, oil, standing abroad, civilian lives, money (default 50 each). */
  values?: Partial<Record<PersonalityValue, number>>;
  /** Places it will not lose: a side defends them first; a backer answers their loss as a red line. */
  redLines?: string[];
}

export interface BackerDef extends Source {
  id: string;
  name: string;
  /** Side it supports, or none for a mediator-like power. */
  client: SideId | 'none';
  interests: Partial<Record<Interest, number>>;
  rivals: string[];
  /** Starting rung 0..4: 0 words, 1 money and arms, 2 advisers and mercenaries,
   *  3 drones and air defence, 4 own troops and aircraft. */
  commitment: number;
  /** Highest rung it would ever climb to. */
  maxCommitment: number;
  /** Accumulated cost (see LadderRung.cost) it tolerates before it wants out. */
  costTolerance: number;
  /** Rungs 1..4 (index 0 = rung 1). */
  ladder: [LadderRung, LadderRung, LadderRung, LadderRung];
  /** Places whose loss to the other side it treats as a red line. */
  redLines?: string[];
  /** AI personality, 0-100. */
  aggression: number;
  personality?: Personality;
  note?: string;
}

export interface SideDef extends Source {
  id: SideId;
  name: string;
  shortName: string;
  leader: string;
  /** The seat of this side; losing it ends the game. */
  capital: string;
  /** Places whose loss counts as defeat when all are lost. */
  keyPlaces: string[];
  recognised: boolean;
  money: number;
  air: number;
  airDefence: number;
  legitimacy: number;
  cohesion: number;
  confidence: number;
  warWeariness: number;
  support: Record<Region, number>;
  /** How well it reads the enemy's strength, 0-100 (narrows fog estimates). */
  intelligence: number;
  /** AI personality, 0-100. */
  aggression: number;
  riskTolerance: number;
  personality?: Personality;
}

export interface CountryDef extends Source {
  civilianCasualties: number;
  displaced: number;
  humanitarianAccess: number;
  /** Thousand barrels a day. */
  oilOutput: number;
  escalation: number;
  internationalPressure: number;
  embargoEnforcement: number;
  talks: TalksStage;
  trust: number;
}

export interface Condition {
  /** All listed conditions must hold. */
  controls?: { place: string; by: Controller }[];
  talksAtLeast?: TalksStage;
  talksAtMost?: TalksStage;
  commitmentAtLeast?: { backer: string; level: number }[];
  commitmentAtMost?: { backer: string; level: number }[];
  indicatorAtLeast?: { side: SideId; indicator: SideIndicator; value: number }[];
  indicatorAtMost?: { side: SideId; indicator: SideIndicator; value: number }[];
  countryAtLeast?: { indicator: CountryIndicator; value: number }[];
  countryAtMost?: { indicator: CountryIndicator; value: number }[];
  oilBlockaded?: boolean;
  eventFired?: string[];
  eventNotFired?: string[];
  /** Percent chance, drawn from the game RNG when the other conditions hold. */
  chance?: number;
}

export type Effect =
  | { kind: 'side'; side: SideId; indicator: SideIndicator; delta: number }
  | { kind: 'country'; indicator: CountryIndicator; delta: number }
  | { kind: 'commitment'; backer: string; delta: number }
  | { kind: 'loyalty'; formation: string; delta: number }
  | { kind: 'control'; place: string; to: Controller }
  | { kind: 'deploy'; formation: string }
  /** A patron takes its unit off one front to another place its side holds (Wagner leaving Tripoli's front in May 2020): it goes with nothing dug. */
  | { kind: 'redeploy'; formation: string; to: string }
  /**
   * A side pulls out of a front for a place behind its lines (the LNA leaving Tripoli's southern front
   * in June 2020): every unit of the side at those places goes, groups bound to their town too, with
   * nothing dug. Each place left (one the side held with no unit in it too) passes to the enemy when the
   * enemy has forces next to it (they walk in). Nothing moves when the side no longer holds the place it
   * would go to.
   */
  | { kind: 'fall-back'; side: SideId; from: string[]; to: string }
  | { kind: 'blockade'; on: boolean; by: SideId }
  | { kind: 'talks'; stage: TalksStage }
  | { kind: 'trust'; delta: number }
  | { kind: 'concept'; concept: Concept };

export interface EventOption {
  id: string;
  label: string;
  /** What a player reads before choosing: consequences in plain words, addressed to the role that chooses. */
  hint: string;
  /**
   * What the choice did, in the third person, for the turn report every role reads ("The LNA's
   * commanders take heart…"): the hint speaks to the chooser, the report to everyone.
   */
  outcome?: string;
  effects: Effect[];
}

/**
 * A claim whose truth is not established: made on a date by someone, perhaps disputed by
 * someone else. An event that carries one reports the claim, neither as history nor as invention.
 */
export interface EventClaim {
  /** Who made it, e.g. "the UN panel of experts on Libya". */
  by: string;
  /** When it was made (ISO date). */
  date: string;
  /** Who disputed or denied it, and how, in a few words. */
  disputedBy?: string;
}

export interface EventDef extends Source {
  id: string;
  title: string;
  /** ISO date on which it happened (or would happen). */
  date: string;
  /** It may still fire this many days after its date if its conditions come to hold. */
  lateDays?: number;
  text: string;
  when?: Condition;
  /** Actors named by the event (checked against the scenario). */
  actors?: string[];
  places?: string[];
  effects: Effect[];
  /** A choice for one role; the AI decides when that role is not the player's. */
  choice?: { role: Role; options: EventOption[] };
  concept?: Concept;
  /** Historical (true) or an alternative to history (false). An event with a claim is neither: it is false here. */
  historical: boolean;
  /** The event reports a claim whose truth is not established (who made it, and when). */
  claim?: EventClaim;
  /** Glossary entries (levels/glossary.json ids) its text relies on: the news card links them, as actors and places link theirs. */
  terms?: string[];
}

export interface ObjectiveWeights {
  territory: number;
  lives: number;
  legitimacy: number;
  stability: number;
  escalation: number;
}

export interface RoleObjectives {
  summary: string;
  goals: string[];
  weights: ObjectiveWeights;
}

export interface HistoryEntry {
  date: string;
  text: string;
  source?: string;
}

export interface ScenarioRules {
  /** Orders each role may give per turn. */
  orderBudget: Record<Role, number>;
  /** Loyalty below which a formation may defect. */
  defectionThreshold: number;
  /** Turns a ceasefire must hold, with a political agreement, for a settlement. */
  settlementTurns: number;
  /** Civilian casualties that count as a humanitarian catastrophe. */
  catastropheCasualties: number;
  /** Oil price in USD per barrel (revenue = output x price x days). */
  oilPrice: number;
  /** Share (percent) of oil revenue the central bank pays into the other side's areas. */
  revenueShareToOther: number;
}

/** What a counterfactual switch changes in a copy of the scenario (see src/sim/whatif.ts). */
export type WhatIfEffect =
  /** A backer stays out: rung 0 for good, none of its formations, no event in which it steps up. */
  | { kind: 'backer-out'; backer: string }
  /** The arms embargo is enforced at this level (0-90) from the start; events no longer move it. */
  | { kind: 'embargo'; level: number }
  /** This event never happens. */
  | { kind: 'no-event'; event: string }
  /** This formation starts fully loyal and no event shakes its loyalty. */
  | { kind: 'loyal'; formation: string };

export interface WhatIfDef {
  id: string;
  label: string;
  /** What the switch changes, in plain words. */
  description: string;
  effects: WhatIfEffect[];
}

/** What the player must do to finish a tutorial step (checked by the tutorial overlay, src/ui/tutorial.ts). */
export type TutorialGoal =
  /** Read and press Next. */
  | { kind: 'next' }
  /** Select this place (on the map or with "Go to a place…"). */
  | { kind: 'select'; place: string }
  /** Queue an order of this kind (at or against this place, when given). */
  | { kind: 'queue'; order: OrderKind; place?: string }
  /** Reach this turn (end the turn before it). */
  | { kind: 'turn'; turn: number }
  /** Open the last turn report with the Report button. */
  | { kind: 'report' }
  /** Open the glossary (G). */
  | { kind: 'glossary' };

/** A part of the game screen a tutorial step points at. */
export type TutorialTarget = 'end-turn' | 'orders' | 'queue' | 'national-tab' | 'report-button' | 'glossary-button' | 'indicators';

/** One step of a tutorial scenario: what it teaches, what to do, and where to look. */
export interface TutorialStep {
  id: string;
  title: string;
  text: string;
  goal: TutorialGoal;
  /** The part of the screen to highlight. */
  highlight?: TutorialTarget;
  /** A place to highlight on the map. */
  place?: string;
}

/** The international mediator as the computer plays it. */
export interface MediatorDef extends Source {
  /** Who it is, for the turn report ("the UN envoy"). */
  name: string;
  /**
   * How hard it leans on backers and spoilers, 0-100 (default 50): an assertive mediator
   * sanctions and presses sooner; a deferential one keeps to shuttle diplomacy.
   */
  aggression: number;
  /**
   * Caution: how ripe the moment must be before it tables a ceasefire (high: only when both
   * sides already want one). Resolve: how long it keeps at it when trust is low. Values: lives
   * (aid corridors first), standing (conferences and the political track), money (the embargo).
   */
  personality?: Personality;
}

/** A foreign backer as a role a person can play (see docs/roles.md). */
export interface BackerRoleDef {
  /** What it plays for; the weights read territory as its client's share, legitimacy as its standing abroad, stability as its costs kept within bounds. */
  objectives: RoleObjectives;
  /** Written for that capital: interests, red lines, rivals, what it risks at home and abroad. */
  briefing: string;
  /** How well it reads the forces its client faces, 0-100 (narrows fog estimates). */
  intelligence: number;
}

/** A scenario's short form for one lesson: the same dates in fewer, longer turns. */
export interface LessonDef {
  turns: number;
  turnDays: number;
  /** Rounds of the model in each turn (2: a month of two fortnights, orders in the first). */
  rounds: number;
  /** What the short form keeps and changes, as the briefing states it. */
  note: string;
}

export interface Scenario {
  id: string;
  title: string;
  subtitle: string;
  startDate: string;
  turnDays: number;
  turns: number;
  /** Rounds of the model in a turn (absent: 1). Orders are carried out in the first. */
  rounds?: number;
  /** The short form of a lesson, when the scenario offers one (its full form's file holds it). */
  lesson?: LessonDef;
  /** Set on the lesson form itself: its id is the full form's id and "-lesson". */
  form?: 'lesson';
  map: MapDef;
  /** Controller of each place at the start (places not listed are local). */
  control: Record<string, Controller>;
  sides: Record<SideId, SideDef>;
  formations: FormationDef[];
  /** Formations that enter later (by events or backer escalation). */
  reserves: FormationDef[];
  backers: BackerDef[];
  country: CountryDef;
  rules: ScenarioRules;
  events: EventDef[];
  objectives: Record<Role, RoleObjectives>;
  briefing: Record<Role, string>;
  history: HistoryEntry[];
  /** Roles a person may play: the sides, the mediator, and `backer:<id>` for each backer in `backerRoles`. */
  playable: PlayerRole[];
  /** The foreign backers a person may play, by backer id: their objectives and briefings. */
  backerRoles?: Record<string, BackerRoleDef>;
  /** Who mediates when no player does, and how (the computer mediator's AI reads it; defaults in src/sim/ai.ts). */
  mediator?: MediatorDef;
  /** Counterfactual switches the outcome explorer offers (src/sim/whatif.ts). */
  whatIfs?: WhatIfDef[];
  /** A tutorial's steps, shown one at a time over the map (src/ui/tutorial.ts). */
  tutorial?: TutorialStep[];
}

// ---------------------------------------------------------------- state (dynamic)

export type TalksStage = 'none' | 'talks' | 'truce' | 'ceasefire' | 'agreement';
export const TALKS_STAGES: readonly TalksStage[] = ['none', 'talks', 'truce', 'ceasefire', 'agreement'];

export type SideIndicator =
  | 'money'
  | 'air'
  | 'airDefence'
  | 'legitimacy'
  | 'cohesion'
  | 'confidence'
  | 'warWeariness';
export type CountryIndicator =
  | 'civilianCasualties'
  | 'displaced'
  | 'humanitarianAccess'
  | 'oilOutput'
  | 'escalation'
  | 'internationalPressure'
  | 'embargoEnforcement'
  | 'trust';

export interface SideState {
  money: number;
  air: number;
  airDefence: number;
  legitimacy: number;
  cohesion: number;
  confidence: number;
  warWeariness: number;
  support: Record<Region, number>;
  /** Turns in a row it could not pay its bills. */
  unpaidTurns: number;
  /** Fighters lost so far (hundreds). */
  losses: number;
  /** Places gained minus places lost in the last turn (momentum). */
  momentum: number;
}

export interface FormationState {
  id: string;
  side: SideId | 'none';
  location: string;
  strength: number;
  loyalty: number;
  /** Entrenched (fortified) at its location: percent defence bonus. */
  dug: number;
}

export interface PlaceState {
  controller: Controller;
  /** Besieged by this side (supply cut, terminals shut). */
  siegedBy?: SideId;
  /** Terminal or field shut by its controller (blockade). */
  shut: boolean;
  /** Recent damage 0-100 from fighting and strikes (decays). */
  damage: number;
  /** Ids of report entries that touched this place recently (for the place panel). */
  lastTurnTouched: number;
}

export interface BackerState {
  commitment: number;
  /** Cost accumulated against its tolerance. */
  spent: number;
  /** Turn in which it last changed rung (so rivals can answer). */
  lastChange: number;
  /** Pressure on it from the mediator and others, 0-100. */
  pressure: number;
  /** Rung reached at the highest point (deploys happen once). */
  peak: number;
  /**
   * The air power and air defence of its rung that have reached the client so far: they build up
   * week by week after a step up (airBuildUp), never above the rung's.
   */
  arrived: { air: number; airDefence: number };
  // The fields below are only ever set for a backer a person plays (a computer backer never has them).
  /** Places it has declared red lines during the game (declare-red-line). */
  redLines?: string[];
  /** What it says of its forces in Libya: denied (deniable, at risk of exposure) or admitted. */
  stance?: 'denied' | 'admitted';
  /** Times its denied deployments or deliveries were exposed. */
  exposures?: number;
  /** Times one of its declared red lines was crossed and it did not answer (a bluff called). */
  bluffs?: number;
  /** Its declared red lines crossed this turn, awaiting an answer next turn. */
  crossed?: string[];
  /** A client's request for more support, waiting for its answer (the turn it was made). */
  request?: { side: SideId; turn: number };
  /** The mediator's pressure, waiting for its answer (the turn it was applied). */
  pressed?: number;
  /** One-off arms deliveries sent. */
  deliveries?: number;
}

export interface CeasefireTerms {
  freezeLines: boolean;
  heavyWeaponsOut: boolean;
  foreignFightersOut: boolean;
  monitors: boolean;
  oilReopened: boolean;
  revenueShared: boolean;
}

export interface TalksState {
  stage: TalksStage;
  trust: number;
  /** Turns since the current stage began. */
  turnsInStage: number;
  violations: number;
  monitors: boolean;
  terms: CeasefireTerms | null;
  /** Progress of the political track, 0-100; 100 means a political agreement. */
  politicalTrack: number;
  /** Turns in a row that talks have stood at ceasefire or better. */
  held: number;
  /** An open proposal awaiting answers. */
  proposal: { by: Role; terms: CeasefireTerms; turn: number } | null;
}

export interface CountryState {
  civilianCasualties: number;
  displaced: number;
  humanitarianAccess: number;
  oilOutput: number;
  escalation: number;
  internationalPressure: number;
  embargoEnforcement: number;
  /** Who is blockading oil exports, if anyone. */
  blockadeBy: SideId | null;
  /** Share (percent) of oil revenue paid into the other side's areas. */
  revenueShareToOther: number;
}

export type EndingKind =
  | 'military-victory'
  | 'settlement'
  | 'frozen-conflict'
  | 'regional-war'
  | 'catastrophe'
  | 'collapse'
  | 'time-out';

export interface Ending {
  kind: EndingKind;
  winner: SideId | null;
  turn: number;
  // No sentence: the presentation tells the ending from endingMsg (rules/outcome.ts). Records
  // made before the core stopped writing one (`text`, English) hashed their final state with
  // it; they verify through hashMatches (hash.ts), given that sentence by the caller.
  /** Score by role, each with its parts (0-100). */
  scores: Record<Role, RoleScore>;
}

export interface RoleScore {
  total: number;
  parts: ObjectiveWeights;
}

export interface PendingChoice {
  event: string;
  role: Role;
  options: string[];
}

export interface State {
  scenarioId: string;
  seed: string;
  /** Roles played by people: they answer proposals and choices themselves, a turn later if needed. */
  humans: PlayerRole[];
  difficulty: Difficulty;
  turn: number;
  /** ISO date of the start of the current turn. */
  date: string;
  /** RNG state (seedrandom alea), so a saved game continues exactly. */
  rng: RngState;
  sides: Record<SideId, SideState>;
  places: Record<string, PlaceState>;
  formations: FormationState[];
  backers: Record<string, BackerState>;
  country: CountryState;
  talks: TalksState;
  /** Events fired so far, by id, with the turn. */
  fired: Record<string, number>;
  /** Choices waiting for an answer this turn. */
  pending: PendingChoice[];
  /** Concepts met so far (first meeting shows the card). */
  concepts: Concept[];
  /** A conference convened for this turn (by the mediator or an event), if any. */
  conference: { turn: number; by: Role | 'event' } | null;
  /** Per-turn history of the main indicators (for charts and the ending). */
  log: TurnSummary[];
  ending: Ending | null;
}

export interface RngState {
  c: number;
  s0: number;
  s1: number;
  s2: number;
}

export interface TurnSummary {
  turn: number;
  date: string;
  gnaPlaces: number;
  lnaPlaces: number;
  /** Population-weighted share (percent) of the country each side holds. */
  gnaShare: number;
  lnaShare: number;
  gnaStrength: number;
  lnaStrength: number;
  gnaMoney: number;
  lnaMoney: number;
  casualties: number;
  displaced: number;
  oilOutput: number;
  escalation: number;
  talks: TalksStage;
  trust: number;
}

// ---------------------------------------------------------------- orders

/** The sides, the mediator, a foreign backer, or an armed group acting on its own account (FormationDef.agenda). */
export type Actor = Role | `backer:${string}` | `group:${string}`;

interface OrderBase {
  actor: Actor;
}

export type MilitaryOrder =
  | (OrderBase & { kind: 'move'; formation: string; to: string })
  | (OrderBase & { kind: 'attack'; from: string; target: string })
  | (OrderBase & { kind: 'fortify'; place: string })
  | (OrderBase & { kind: 'airstrike'; target: string })
  | (OrderBase & { kind: 'siege'; target: string })
  | (OrderBase & { kind: 'recruit'; place: string })
  | (OrderBase & { kind: 'request-support'; backer: string })
  | (OrderBase & { kind: 'buy-loyalty'; formation: string })
  | (OrderBase & { kind: 'withdraw'; from: string; to: string });

export type PoliticalOrder =
  | (OrderBase & { kind: 'oil-terminals'; open: boolean })
  | (OrderBase & { kind: 'pay-salaries' })
  | (OrderBase & { kind: 'public-messaging' })
  | (OrderBase & { kind: 'humanitarian-pause' })
  | (OrderBase & { kind: 'prisoner-exchange' })
  | (OrderBase & { kind: 'propose-ceasefire'; terms: CeasefireTerms })
  | (OrderBase & { kind: 'answer-ceasefire'; accept: boolean })
  | (OrderBase & { kind: 'conference'; attend: boolean });

export type MediatorOrder =
  | (OrderBase & { kind: 'shuttle-diplomacy' })
  | (OrderBase & { kind: 'convene-conference' })
  | (OrderBase & { kind: 'enforce-embargo' })
  | (OrderBase & { kind: 'sanction-spoiler'; formation: string })
  | (OrderBase & { kind: 'pressure-backer'; backer: string })
  | (OrderBase & { kind: 'humanitarian-corridor'; place: string })
  | (OrderBase & { kind: 'deploy-monitors' })
  | (OrderBase & { kind: 'political-track' });

export type BackerOrder =
  | (OrderBase & { kind: 'escalate' })
  | (OrderBase & { kind: 'de-escalate' })
  | (OrderBase & { kind: 'restrain-client' })
  // What a person playing a backer can do besides (the computer backers never give these).
  | (OrderBase & { kind: 'push-client' })
  | (OrderBase & { kind: 'answer-request'; accept: boolean })
  | (OrderBase & { kind: 'deliver-arms' })
  | (OrderBase & { kind: 'declare-red-line'; place: string })
  | (OrderBase & { kind: 'deny-deployment' })
  | (OrderBase & { kind: 'admit-deployment' })
  | (OrderBase & { kind: 'answer-mediator'; accept: boolean })
  | (OrderBase & { kind: 'pressure-rival'; backer: string });

/** What an armed group can do on its own account (see FormationDef.agenda). */
export type GroupOrder =
  | (OrderBase & { kind: 'raid'; target: string })
  | (OrderBase & { kind: 'extort' })
  | (OrderBase & { kind: 'defect' });

export type ChoiceOrder = OrderBase & { kind: 'event-choice'; event: string; option: string };

export type Order = MilitaryOrder | PoliticalOrder | MediatorOrder | BackerOrder | GroupOrder | ChoiceOrder;
export type OrderKind = Order['kind'];

export type Result<T, E = string> = { ok: true; value: T } | { ok: false; error: E };

export interface OrderProblem {
  code:
    | 'not-your-turn'
    | 'game-over'
    | 'unknown-actor'
    | 'wrong-role'
    | 'unknown-place'
    | 'unknown-formation'
    | 'unknown-backer'
    | 'unknown-event'
    | 'not-adjacent'
    | 'not-yours'
    | 'no-forces'
    | 'no-money'
    | 'no-air'
    | 'over-budget'
    | 'not-now'
    | 'duplicate'
    | 'malformed';
  /** Why, as a message code (locales/<lang>/orders.json): the screen tells it in the player's language, the CLI in English. */
  msg: ReportMessage;
}

/** What an order costs and risks, shown before it is committed. */
export interface OrderPreview {
  budget: number;
  money: number;
  /** Percent chance of success where chance is involved. */
  odds?: number;
  /**
   * What the order does, its risks, and what it costs beyond orders and money (for a backer,
   * what it spends against its tolerance), as message codes (locales/<lang>/orders.json): the
   * core writes no words, the screen tells them in the player's language.
   */
  summaryMsg: ReportMessage;
  riskMsgs: ReportMessage[];
  costNoteMsg?: ReportMessage;
}

// ---------------------------------------------------------------- reports

export type Mechanic =
  | 'event'
  | 'order'
  | 'movement'
  | 'combat'
  | 'air'
  | 'siege'
  | 'economy'
  | 'oil'
  | 'humanitarian'
  | 'civilian-harm'
  | 'legitimacy'
  | 'loyalty'
  | 'backer'
  | 'escalation'
  | 'ripeness'
  | 'commitment'
  | 'spoiler'
  | 'talks'
  | 'mediation'
  | 'ending';

export type Concept =
  | 'ripeness'
  | 'commitment-problem'
  | 'spoilers'
  | 'proxy-war'
  | 'escalation-spiral'
  | 'rentier-state'
  | 'legitimacy'
  | 'civilian-harm'
  | 'fragmented-coalitions'
  | 'security-dilemma'
  | 'red-line-credibility'
  | 'embargo-enforcement';

export type Phase =
  | 'events'
  | 'diplomacy'
  | 'movement'
  | 'combat'
  | 'air'
  | 'economy'
  | 'humanitarian'
  | 'backers'
  | 'talks'
  | 'outcome';

export const PHASES: readonly Phase[] = [
  'events',
  'diplomacy',
  'movement',
  'combat',
  'air',
  'economy',
  'humanitarian',
  'backers',
  'talks',
  'outcome',
];

export interface ReportEvent {
  phase: Phase;
  mechanic: Mechanic;
  /**
   * What happened, as a message code: a catalogue key (locales/<lang>/report.json) and its
   * values (ids and numbers, no words). The core writes no sentence: the presentation tells the
   * code in the player's language (src/ui/report-text.ts, eventText).
   */
  msg: ReportMessage;
  /** Actors, places and formations concerned (for filtering and map animation). */
  actors?: Actor[];
  places?: string[];
  /** Who saw this: omitted = public. */
  visibleTo?: PlayerRole[];
  /** Machine-readable detail for animation (e.g. control change). */
  detail?: ReportDetail;
  concept?: Concept;
  /** Said at the start of the next turn (its scripted events), after this turn's phases: the report shows it apart. */
  nextTurn?: true;
  /** Said in a later round of the turn (the second fortnight of a lesson form's month). */
  round?: number;
}

/**
 * A report message: `key` names a message in the `report` catalogue (the AI's reasons, the
 * ceasefire forecast and "Left history here": the `reasons` catalogue); `values` are ids and
 * numbers only. Value names say how an id is shown (src/ui/report-text.ts): `actor*` a side,
 * the mediator or a backer; `backer*` a backer; `place*` a place; `formation*` a formation (its
 * scenario name); `*List` ids joined by "|"; `*Msg` another report key told with the same values;
 * `*Msgs` several, joined by "|". Anything else (counts, odds, codes for select) as it is.
 */
export interface ReportMessage {
  key: string;
  values: Record<string, string | number>;
}

/**
 * A problem with something read from outside (a replay file, a save, a link, a scenario file)
 * as a message code: a key of locales/<lang>/errors.json and its values — ids, numbers and
 * technical details (a JSON path, a byte position, a file name) shown as they are, or another
 * message nested (told first). src/ui/error-text.ts tells it (src/ui/problem-text.ts in Node);
 * the core writes no sentence beside it.
 */
export interface ProblemMessage {
  key: string;
  values: { [name: string]: string | number | ProblemMessage };
}

export type ReportDetail =
  | { type: 'control'; place: string; from: Controller; to: Controller }
  | { type: 'battle'; from: string; target: string; attacker: SideId; won: boolean; odds: number; /** The odds its order's preview showed, when the fight's differ. */ queued?: number }
  | { type: 'strike'; target: string; by: SideId; civilians: number }
  | { type: 'move'; formation: string; from: string; to: string }
  | { type: 'defection'; formation: string; to: SideId | 'none' }
  | { type: 'commitment'; backer: string; from: number; to: number }
  /** A client's request for more: the chance it was weighed at, and the chance its preview showed (the fortnight's opening state). */
  | { type: 'request'; backer: string; side: SideId; odds: number; asked: number; granted: boolean }
  | { type: 'talks'; from: TalksStage; to: TalksStage }
  | { type: 'event'; event: string };

/**
 * The indicators the panels show, as they stood before and after a turn (after its next-turn
 * events too): the report's "Where things stand" reads them, so the report and the panels name
 * the same figures.
 */
export interface Standing {
  country: Omit<CountryState, 'blockadeBy' | 'revenueShareToOther'>;
  trust: number;
  politicalTrack: number;
  sides: Record<SideId, Pick<SideState, 'legitimacy' | 'cohesion' | 'confidence' | 'warWeariness' | 'support'>>;
}

export interface TurnReport {
  turn: number;
  date: string;
  events: ReportEvent[];
  /** The panels' indicators before the turn and after it (absent in the opening report). */
  standing?: { before: Standing; after: Standing };
  /** Orders that were rejected at resolution, with why. */
  rejected: { order: Order; problem: OrderProblem }[];
  /** What came in and went out, so that forces and money can be checked to add up. */
  ledger: Ledger;
  /** The reasons the AI gave for its orders, by actor, as message codes (locales/<lang>/reasons.json, told by messageText). */
  reasonMsgs: Partial<Record<Actor, ReportMessage[]>>;
}

export interface StrengthLedger {
  start: number;
  recruited: number;
  deployed: number;
  lost: number;
  defectedIn: number;
  defectedOut: number;
  end: number;
}

export interface MoneyLedger {
  start: number;
  oil: number;
  backers: number;
  upkeep: number;
  orders: number;
  events: number;
  end: number;
}

export interface Ledger {
  strength: Record<SideId | 'none', StrengthLedger>;
  money: Record<SideId, MoneyLedger>;
}
