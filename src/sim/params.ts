// Model parameters: the constants of the rules, in one place, each with why it has its value.
// Scenario-specific numbers (forces, money, places) live in levels/, not here.

/** Orders and what they cost: budget points and money (million USD). */
export const ORDER_COST = {
  move: { budget: 1, money: 0 },
  attack: { budget: 1, money: 5 },
  fortify: { budget: 1, money: 4 },
  airstrike: { budget: 1, money: 6 },
  siege: { budget: 1, money: 3 },
  recruit: { budget: 1, money: 20 },
  'request-support': { budget: 1, money: 0 },
  'buy-loyalty': { budget: 1, money: 15 },
  withdraw: { budget: 1, money: 0 },
  'oil-terminals': { budget: 1, money: 0 },
  'pay-salaries': { budget: 1, money: 25 },
  'public-messaging': { budget: 1, money: 3 },
  'humanitarian-pause': { budget: 1, money: 0 },
  'prisoner-exchange': { budget: 1, money: 0 },
  'propose-ceasefire': { budget: 1, money: 0 },
  'answer-ceasefire': { budget: 0, money: 0 },
  conference: { budget: 0, money: 0 },
  'shuttle-diplomacy': { budget: 1, money: 0 },
  'convene-conference': { budget: 1, money: 0 },
  'enforce-embargo': { budget: 1, money: 0 },
  'sanction-spoiler': { budget: 1, money: 0 },
  'pressure-backer': { budget: 1, money: 0 },
  'humanitarian-corridor': { budget: 1, money: 0 },
  'deploy-monitors': { budget: 1, money: 0 },
  'political-track': { budget: 1, money: 0 },
  escalate: { budget: 1, money: 0 },
  'de-escalate': { budget: 1, money: 0 },
  'restrain-client': { budget: 1, money: 0 },
  'push-client': { budget: 1, money: 0 },
  'answer-request': { budget: 0, money: 0 },
  'deliver-arms': { budget: 1, money: 0 },
  'declare-red-line': { budget: 1, money: 0 },
  'deny-deployment': { budget: 1, money: 0 },
  'admit-deployment': { budget: 1, money: 0 },
  'answer-mediator': { budget: 0, money: 0 },
  'pressure-rival': { budget: 1, money: 0 },
  raid: { budget: 1, money: 0 },
  extort: { budget: 1, money: 0 },
  defect: { budget: 1, money: 0 },
  'event-choice': { budget: 0, money: 0 },
} as const;

const ORDER_COSTS = new Map<keyof typeof ORDER_COST, { readonly budget: number; readonly money: number }>(Object.entries(ORDER_COST) as [keyof typeof ORDER_COST, { budget: number; money: number }][]);

/**
 * ORDER_COST[kind], from a Map: the rules and the AI ask it for orders of every kind in turn, and
 * V8 reads a Map by such changing keys faster than an object's properties.
 */
export function orderCost(kind: keyof typeof ORDER_COST): { readonly budget: number; readonly money: number } {
  return ORDER_COSTS.get(kind)!;
}

/** Armed groups (FormationDef.agenda). A raid's harm to civilians, as a share of a battle's (0.4 for a group that answers to no one, 0.3 for one that has a side). */
export const RAID_INTENSITY = { independent: 0.4, sided: 0.3 } as const;
/** What a militia extorts from its side in one turn: this many times its upkeep, at least EXTORT_MIN (million USD)... */
export const EXTORT_TIMES_UPKEEP = 4;
export const EXTORT_MIN = 3;
/** ...and the loyalty it shows for it. */
export const EXTORT_LOYALTY = 8;
/** A group may change sides of its own accord once its loyalty is below the scenario's threshold plus this margin. */
export const DEFECT_MARGIN = 10;

/** Combat: odds = A^k / (A^k + D^k). k > 1 makes superiority count more than linearly. */
export const COMBAT_EXPONENT = 2.2;
/**
 * A unit that holds its ground through a fortnight improves its position on its own by this much
 * (percent added to its defence, as dug), up to NATURAL_DUG after two fortnights; the fortify order
 * digs deeper, to 60. A unit that moves, falls back or leads an attack into a place starts again at 0.
 */
export const NATURAL_DUG_STEP = 5;
export const NATURAL_DUG = 10;
/**
 * A town's people rise beside an attacker that comes to free them (PlaceDef.leaning) only when
 * its own forces would take the place at these odds (percent) or better without them.
 */
export const RISING_ODDS = 50;
/** An enemy turned out of its place loses this share of its strength in the rout. */
export const ROUT_LOSS_PCT = 25;
/**
 * A city of at least this many thousand people is taken in stages: a won attack first takes
 * its outskirts and puts it under siege; only a second won attack, while the siege holds,
 * takes the city itself (Tripoli held out for 14 months with the front in its suburbs).
 */
export const LARGE_CITY_POP = 300;
/** Share (percent) of oil revenue that reaches the war chests; the rest pays the state. */
export const WAR_BUDGET_PCT = 6;
/** Air power above the enemy's air defence adds up to this many percent to a ground fight. */
export const MAX_AIR_BONUS_PCT = 40;
/** Each point of arms-embargo enforcement removes this many tenths of a percent of deliveries. */
export const EMBARGO_BITE = 6;
/** Escalation at or above this ends the game in regional war. */
export const REGIONAL_WAR = 100;
/** Score lost by every role at a regional war or a catastrophe... */
export const DISASTER_PENALTY = 15;
/** ...and up to this much more the earlier it comes (in proportion to the turns it leaves unplayed). */
export const DISASTER_EARLY = 15;
/** Base chance (percent) per turn that a truce is violated; monitors and trust lower it. */
export const TRUCE_VIOLATION_BASE = 45;
export const MONITOR_EFFECT = 25;
/** Trust below which a truce collapses. */
export const TRUCE_COLLAPSE_TRUST = 8;
/** Turns a truce must hold with monitors before it becomes a ceasefire. */
export const TRUCE_TO_CEASEFIRE_TURNS = 2;

/**
 * A backer a person plays (src/sim/rules/backers.ts). Orders a turn (a computer backer never gives
 * more than one, so this changes nothing for it).
 */
export const BACKER_BUDGET = 2;
/** Most red lines a backer may declare in a game: a patron with many lines has none. */
export const MAX_DECLARED_RED_LINES = 3;
/** What a one-off arms delivery costs the backer against its tolerance, and the least it brings the client (million USD). */
export const DELIVERY_COST = 4;
export const DELIVERY_MIN_MONEY = 10;
/** Chance (percent) that a delivery is exposed: this, plus the embargo's enforcement divided by two. */
export const DELIVERY_EXPOSURE_BASE = 10;
/** Chance (percent) each turn that a denied deployment is exposed: this, plus a quarter of the embargo's enforcement, plus this per rung above money and arms. */
export const DENIAL_EXPOSURE_BASE = 4;
export const DENIAL_EXPOSURE_PER_RUNG = 3;
/** What being caught costs: pressure on the backer, and its client's legitimacy. */
export const EXPOSURE_PRESSURE = 12;
export const EXPOSURE_LEGITIMACY = 3;
/** What admitting a deployment costs at once in pressure (the price of saying it aloud). */
export const ADMIT_PRESSURE = 6;
/** Pushing the client on: its confidence rises by this; the backer draws this much more pressure. */
export const PUSH_CONFIDENCE = 6;
export const PUSH_PRESSURE = 3;
/** Pressure on a rival: what it adds to the rival's pressure, and what it costs the backer against its tolerance. */
export const RIVAL_PRESSURE = 8;
export const RIVAL_PRESSURE_COST = 2;
/** Answering the mediator: accepting lowers the pressure on it by this; refusing raises it by that. */
export const MEDIATOR_ACCEPT_RELIEF = 20;
export const MEDIATOR_REFUSE_PRESSURE = 8;
/** A red line crossed and not answered by a step up: the client's confidence falls by this. */
export const BLUFF_CONFIDENCE = 6;
/**
 * A backer's air power and air defence reach its client at this many points a week after a
 * step up (its money comes at once; a step down takes them away at once): drones, crews and air
 * defence batteries take weeks to ship and set up (Turkey's, from January 2020, tipped the air
 * war only from late March).
 */
export const AIR_BUILDUP_PER_WEEK = 3;
/**
 * How far (km) an attacking force can be supplied along a road of each kind. An attack along a
 * longer route fights at sqrt(reach / km) of its strength (Abu Grein to al-Jufra, 330 km of
 * desert road: about two-thirds).
 */
export const SUPPLY_REACH_KM = { 'coastal-road': 250, 'desert-road': 150, track: 100 } as const;
/** A siege needs the besieger's forces within this many km of the place by road. */
export const SIEGE_REACH_KM = 200;
/**
 * While no truce is in force, trust between the sides falls by perBattle for each battle of the
 * turn and by one point for each civiliansPerPoint civilians killed, at most max a turn.
 */
export const WAR_TRUST_EROSION = { perBattle: 2, civiliansPerPoint: 10, max: 12 } as const;
/**
 * Where a place's people back a side (PlaceDef.leaning), they add this many times the square root
 * of its population (thousands) to that side's power there: Gharyan's 187 thousand, about 20, the
 * power of a militia brigade of 2,500 (the GNA retook it on 26 June 2019 "with local help" and held
 * it to the end of the war). Rules version 5.
 */
export const LOCAL_LEVY = 1.5;

/**
 * A place of fewer people than a large city within this many km of one by road is fought over in
 * that city's suburbs (world.suburbOf): Tripoli's airport stood for the southern front of Qasr bin
 * Ghashir, Ain Zara and Abu Salim (reference §4.3), Mitiga for its eastern districts.
 */
export const SUBURB_KM = 30;
/** The harm (civilianHarm's intensity) a battle in a large city's suburbs does to the city's people. */
export const SUBURB_HARM = 0.2;
