// Movement, ground combat, air operations, sieges, recruitment, loyalty and defection.

import { compareIds } from '../compare.ts';
import { COMBAT_EXPONENT, EXTORT_LOYALTY, EXTORT_MIN, EXTORT_TIMES_UPKEEP, LARGE_CITY_POP, LOCAL_LEVY, MAX_AIR_BONUS_PCT, NATURAL_DUG, NATURAL_DUG_STEP, RAID_INTENSITY, RISING_ODDS, ROUT_LOSS_PCT, SUBURB_HARM } from '../params.ts';
import {
  type AirBalance,
  airBalance,
  defendersOf,
  effectiveAir,
  effectiveAirDefence,
  formationPower,
  formationsAt,
  hasForcesAt,
  strengthOf,
  talksIndex,
} from '../query.ts';
import type { Controller, FormationDef, FormationState, Order, PlaceDef, ReportDetail, ReportMessage, Scenario, SideId, State } from '../types.ts';
import { clamp, isAdjacent, isLargeCity, other, supplyRoad, type UnitIndex, type World, worldOf } from '../world.ts';
import { type Ctx, ordersOf, say, sideOfActor, spend } from './context.ts';

/** A side in a report message's values ('none' for anyone else: local forces). */
const sideCode = (side: SideId | 'none' | Controller): string => (side === 'gna' || side === 'lna' ? side : 'none');

/** Points of regional support a change of hands moves, by the place's population (thousands). */
export function supportShift(population: number): number {
  return population >= LARGE_CITY_POP ? 3 : population >= 20 ? 2 : 1;
}

export function setControl(ctx: Ctx, place: string, to: Controller): void {
  const p = ctx.s.places[place];
  if (!p || p.controller === to) return;
  const from = p.controller;
  p.controller = to;
  p.siegedBy = undefined;
  if (from === 'gna' || from === 'lna') ctx.facts.lost[from].push(place);
  if (to === 'gna' || to === 'lna') ctx.facts.gained[to].push(place);
  // Support in the region follows who holds its towns: people rally to a side that takes and
  // holds ground, and turn from one that loses it (more for a large town).
  const def = ctx.world.place.get(place);
  if (def) {
    const weight = supportShift(def.population);
    if (from === 'gna' || from === 'lna') ctx.s.sides[from].support[def.region] = clamp(ctx.s.sides[from].support[def.region] - weight);
    if (to === 'gna' || to === 'lna') ctx.s.sides[to].support[def.region] = clamp(ctx.s.sides[to].support[def.region] + weight);
  }
  say(ctx, {
    mechanic: 'combat',
    msg: { key: 'report.control', values: { place, actorFrom: sideCode(from), actorTo: sideCode(to) } },
    places: [place],
    detail: { type: 'control', place, from, to },
  });
}

/**
 * Where a unit arriving lands: its landing place, or, if its side has lost it, wherever its side still
 * holds ground, the capital first. (The capital is asked on every call: a lost landing place, first
 * met hundreds of games in, threw deployFormation's optimised code away.)
 */
function landingPlace(ctx: Ctx, def: FormationDef): string | undefined {
  const side = def.side;
  if (side === 'none') return def.location;
  const capital = ctx.scenario.sides[side].capital;
  const fallback = ctx.s.places[capital]?.controller === side ? capital : undefined;
  if (ctx.s.places[def.location]?.controller === side) return def.location;
  return fallback ?? ctx.world.placeIds.find((p) => ctx.s.places[p]?.controller === side);
}

export function deployFormation(ctx: Ctx, id: string): void {
  const def = ctx.world.formationDef.get(id);
  if (!def || ctx.s.formations.some((f) => f.id === id)) return;
  const location = landingPlace(ctx, def);
  if (!location) return;
  ctx.s.formations.push({ id, side: def.side, location, strength: def.strength, loyalty: def.loyalty, dug: 0 });
  ctx.report.ledger.strength[def.side].deployed += def.strength;
  say(ctx, {
    mechanic: 'backer',
    msg: { key: def.backer ? 'report.arrived.sent' : 'report.arrived', values: { formation: def.id, place: location, fighters: def.strength * 100, backer: def.backer ?? '' } },
    places: [location],
    concept: def.kind === 'mercenary' || def.kind === 'foreign-troops' ? 'proxy-war' : undefined,
  });
}

/** Takes `amount` of strength from a group of formations, spread by their size. */
function inflictLosses(ctx: Ctx, formations: FormationState[], amount: number): number {
  const total = strengthOf(formations);
  if (total === 0 || amount <= 0) return 0;
  const take = Math.min(total, amount);
  const n = formations.length;
  const before = new Array<number>(n);
  let left = take;
  for (let i = 0; i < n; i++) {
    const f = formations[i]!;
    before[i] = f.strength;
    const share = i === n - 1 ? left : Math.min(left, Math.floor((take * f.strength) / total));
    const lost = Math.min(f.strength, share);
    f.strength -= lost;
    left -= lost;
  }
  // Rounding may leave a remainder: take it from the largest survivors.
  if (left > 0) {
    for (const f of [...formations].sort((a, b) => b.strength - a.strength || compareIds(a.id, b.id))) {
      if (left <= 0) break;
      const lost = Math.min(f.strength, left);
      f.strength -= lost;
      left -= lost;
    }
  }
  // Book each unit's loss to its own side: a strike may hit several sides' units at once.
  for (let i = 0; i < n; i++) {
    const f = formations[i]!;
    const lost = before[i]! - f.strength;
    if (lost <= 0) continue;
    ctx.report.ledger.strength[f.side].lost += lost;
    ctx.facts.losses[f.side] += lost;
    if (f.side !== 'none') ctx.s.sides[f.side].losses += lost;
  }
  return take;
}

/** Percent bonus that one side's air power gives it against the other's air defence. */
export function airBonus(scenario: Scenario, state: State, side: SideId): number {
  return airBonusOf(effectiveAir(scenario, state, side), effectiveAirDefence(scenario, state, other(side)));
}

/**
 * Air power against troops dug in (rules version 11): an air bonus, or a strike's losses, divided by
 * (100 + the defenders' works) / 100, as their defence is multiplied by it. Works shelter troops from
 * drones and jets as from an assault: a year of trenches in Tripoli's southern suburbs held against
 * the LNA's air superiority in 2019 and against the GNA's drones in April–May 2020, until the LNA left
 * them (reference §4.2, §4.3).
 */
export function againstWorks(value: number, dug: number): number {
  return (value * 100) / (100 + dug);
}

/** airBonus of a side from both sides' air (airBalance: the same sums), for a caller that has it already. */
export function airBonusFrom(bal: AirBalance, side: SideId): number {
  return side === 'gna' ? airBonusOf(bal.gnaAir, bal.lnaAirDefence) : airBonusOf(bal.lnaAir, bal.gnaAirDefence);
}

/** The attacker's air bonus (percent) from its air power and the defender's air defence. */
function airBonusOf(air: number, enemyAirDefence: number): number {
  return clamp(Math.round(air - enemyAirDefence * 0.7), 0, MAX_AIR_BONUS_PCT);
}

export interface AttackOdds {
  attack: number;
  defence: number;
  /** Percent chance that the attacker takes the place. */
  odds: number;
  /** The town's people rise beside the attacker (they back it, and its own forces would win without them: RISING_ODDS). */
  rising: boolean;
  /** The defenders' works counted in their defence (the deepest of their units' dug). */
  dug: number;
  /** A town that keeps out of the war (World.keptOut): all its people defend it. */
  keptOut: boolean;
  /** Such a town held by a side: it accepts no occupier, its people rise with an attack that could drive it out (rules version 14). */
  occupied: boolean;
  /** The attacker's air bonus (percent) as the fight counts it: divided by the defenders' works (againstWorks). */
  air: number;
}

/**
 * Combat power and deepest entrenchment of each side at one place ('none' for local forces), read through powerAt and
 * dugAt: one record of named fields a place (the index is made several times a turn, for a score of places each).
 */
export interface PlaceForces {
  gna: number;
  lna: number;
  none: number;
  gnaDug: number;
  lnaDug: number;
  noneDug: number;
}

function powerAt(here: PlaceForces, key: SideId | 'none'): number {
  return key === 'gna' ? here.gna : key === 'lna' ? here.lna : here.none;
}

function dugAt(here: PlaceForces, key: SideId | 'none'): number {
  return key === 'gna' ? here.gnaDug : key === 'lna' ? here.lnaDug : here.noneDug;
}

/** A figure of a place's forces (powerAt or dugAt), 0 where the index has none. */
function forcesAt(here: PlaceForces | undefined, key: SideId | 'none', read: (here: PlaceForces, key: SideId | 'none') => number): number {
  return here ? read(here, key) : 0;
}

/** What attack odds need to know about a state, gathered once so that many odds are cheap. */
export interface ForceIndex {
  /** The forces at each place that has any, by the place's index in world.placeIds. */
  at: (PlaceForces | undefined)[];
  air: Record<SideId, number>;
}

function indexForces(scenario: Scenario, state: State, a?: string, b?: string, units?: UnitIndex, air?: AirBalance): ForceIndex {
  const world = worldOf(scenario);
  const at = new Array<PlaceForces | undefined>(world.placeIds.length);
  // With a and b: only the forces at those two places (all an attack's odds need).
  const only = a !== undefined;
  const formations = state.formations;
  for (let k = 0; k < formations.length; k++) {
    const f = formations[k]!;
    if (f.strength <= 0) continue;
    const loc = f.location;
    if (only && loc !== a && loc !== b) continue;
    const i = units ? units.at[k] : world.placeIndex.get(loc);
    if (i === undefined) continue;
    let here = at[i];
    if (!here) {
      here = { gna: 0, lna: 0, none: 0, gnaDug: 0, lnaDug: 0, noneDug: 0 };
      at[i] = here;
    }
    // As combatPower.
    const power = formationPower(world, f, units ? units.defs[k] : world.formationDef.get(f.id));
    // (Named fields, not power[f.side]: the engine reads and writes them much faster.)
    if (f.side === 'gna') {
      here.gna += power;
      if (f.dug > here.gnaDug) here.gnaDug = f.dug;
    } else if (f.side === 'lna') {
      here.lna += power;
      if (f.dug > here.lnaDug) here.lnaDug = f.dug;
    } else {
      here.none += power;
      if (f.dug > here.noneDug) here.noneDug = f.dug;
    }
  }
  // Both sides' air bonus (airBonus of each) from one pass over the backers (or the caller's: the AI's memo).
  const bal = air ?? airBalance(scenario, state);
  return {
    at,
    air: {
      gna: airBonusOf(bal.gnaAir, bal.lnaAirDefence),
      lna: airBonusOf(bal.lnaAir, bal.gnaAirDefence),
    },
  };
}

export function forceIndex(scenario: Scenario, state: State, units?: UnitIndex, air?: AirBalance): ForceIndex {
  return indexForces(scenario, state, undefined, undefined, units, air);
}

/**
 * The power a place's own people add to the side they back (PlaceDef.leaning): LOCAL_LEVY times the
 * square root of its population (thousands). Positive when that side holds the place, negative when
 * it is the attacker, 0 otherwise.
 */
export function localLevy(place: { population: number; leaning?: SideId } | undefined, holder: Controller | undefined, attacker: SideId): number {
  if (!place?.leaning) return 0;
  const levy = LOCAL_LEVY * Math.sqrt(place.population);
  // Both comparisons are made for every town that leans: one that leans to its attacker is
  // rarely met, and a comparison first made hundreds of games in threw V8's optimised code away.
  const forHolder = place.leaning === holder;
  const forAttacker = place.leaning === attacker;
  return levy * (forHolder ? 1 : forAttacker ? -1 : 0);
}

/**
 * The power of a town that kept out of the war (World.keptOut) against the side that took it: all
 * its people, as they defended it (LOCAL_LEVY times the square root of its population in thousands).
 * They rise with an attacker that comes to drive the occupier out and could win without them, as a
 * town's people rise with the side they back (RISING_ODDS). Rules version 14.
 */
export function occupiedLevy(place: { population: number } | undefined): number {
  return LOCAL_LEVY * Math.sqrt(place?.population ?? 0);
}

export function attackOdds(scenario: Scenario, state: State, side: SideId, from: string, target: string, index?: ForceIndex): AttackOdds {
  const world = worldOf(scenario);
  // (A place not on the map has no index: -1 finds no forces, no place and no road, as its id would.)
  return attackOddsIx(scenario, state, side, world.placeIndex.get(from) ?? -1, world.placeIndex.get(target) ?? -1, index ?? indexForces(scenario, state, from, target));
}

/**
 * A side's figure in a record of the force index (power, dug, air), read as a named field: V8
 * reads `rec[side]`, with a key that changes from call to call, through its generic keyed load
 * (some hundred instructions), and the odds are asked by the hundred a turn.
 */
function forceOf(rec: Readonly<Record<SideId, number>> & { none?: number }, key: SideId | 'none'): number {
  return key === 'gna' ? rec.gna : key === 'lna' ? rec.lna : (rec.none ?? 0);
}

/** attackOdds by the places' indexes in world.placeIds (what the side AI asks by the hundred: no ids to look up). */
export function attackOddsIx(scenario: Scenario, state: State, side: SideId, from: number, target: number, ix: ForceIndex): AttackOdds {
  const full: AttackOdds = { attack: 0, defence: 0, odds: 0, rising: false, dug: 0, keptOut: false, occupied: false, air: 0 };
  fight(scenario, state, side, from, target, ix, full);
  return full;
}

/** attackOddsIx's odds alone (the side AI's question, asked by the hundred: no record made for it). */
export function attackChanceIx(scenario: Scenario, state: State, side: SideId, from: number, target: number, ix: ForceIndex): number {
  return fight(scenario, state, side, from, target, ix, null);
}

/** The fight's odds (percent), and with `full` the figures attackOddsIx gives, written into it. */
function fight(scenario: Scenario, state: State, side: SideId, from: number, target: number, ix: ForceIndex, full: AttackOdds | null): number {
  const world = worldOf(scenario);
  const place: PlaceDef | undefined = world.placeDef[target];
  const targetState = state.places[world.placeIds[target]!];
  const defSide = targetState?.controller;
  const defKey: SideId | 'none' = defSide === 'gna' || defSide === 'lna' ? defSide : 'none';
  const attackers = ix.at[from];
  const here = ix.at[target];
  const dug = here ? dugAt(here, defKey) : 0;
  // Air power does less against troops dug in (againstWorks).
  const air = Math.round(againstWorks(forceOf(ix.air, side), dug));
  let attack = (attackers ? powerAt(attackers, side) : 0) * (100 + air);
  // Beyond its road's supply reach, an attacking force fights at sqrt(reach / km) of its strength.
  const reach = world.reachPct[from]?.[target] ?? 100;
  if (reach < 100) attack = (attack * reach) / 100;
  // Even with no unit there, a town's own people put up some defence (more in bigger towns)...
  const homeGuard = 1 + Math.sqrt(place?.population ?? 0) / 3;
  let defence = Math.max(here ? powerAt(here, defKey) : 0, homeGuard);
  // ...and where most of them back a side, they take up arms beside its forces: with the holder,
  // or with an attacker that comes to free them from it (Gharyan, retaken with local help).
  // A town that has kept out of the war is defended by all its people, whoever attacks it: its
  // neutrality is its notables' own (Bani Walid's stood through 2019 and 2020). Taken by a side, it
  // accepts no occupier: its people back whoever comes to drive the occupier out (rules version 14).
  const neutral = world.keptOut[target] === true;
  const keptOut = neutral && defSide === 'local';
  const occupied = neutral && defSide !== 'local' && defSide !== undefined;
  const levy = occupied ? -occupiedLevy(place) : localLevy(place, defSide, side);
  if (levy > 0) defence += levy;
  if (keptOut) defence += LOCAL_LEVY * Math.sqrt(place?.population ?? 0);
  // The people rise beside an attacker only when its own forces would win without them: not for a raid that cannot free them.
  // (Worked out for every town, as localLevy's sign: a rising is rarely met, and its first
  // multiplication hundreds of games in threw this code away.)
  const uprising = Math.max(0, -levy * (100 + air));
  defence *= 100 + (place?.defence ?? 0) + dug;
  if (defSide === 'gna' || defSide === 'lna') defence = (defence * (100 + forceOf(ix.air, defSide) / 2)) / 100;
  if (targetState?.siegedBy === side) defence *= 0.8;
  // (levy < 0 is uprising > 0: the air bonus is never negative.)
  const rises = levy < 0 && oddsOf(attack, defence) >= RISING_ODDS;
  attack += rises ? uprising : 0;
  attack /= 100;
  defence /= 100;
  const odds = clamp(Math.round(oddsOf(attack, defence)), 1, 99);
  if (full) {
    full.attack = Math.round(attack * 10) / 10;
    full.defence = Math.round(defence * 10) / 10;
    full.odds = odds;
    full.rising = rises;
    full.dug = dug;
    full.keptOut = keptOut;
    full.occupied = occupied;
    full.air = air;
  }
  return odds;
}

/** The attacker's chance (percent, unrounded) from the two sides' power: A^k / (A^k + D^k). */
function oddsOf(attack: number, defence: number): number {
  const a = attack ** COMBAT_EXPONENT;
  const d = defence ** COMBAT_EXPONENT;
  return a + d === 0 ? 0 : (a * 100) / (a + d);
}

/**
 * Whether an armed group is held by the town it rules (FormationDef.home): it is there, and its
 * side holds the town. It then fights out of it but does not leave it. Once the town is lost (the
 * group falls back elsewhere), it goes where its side sends it, and it is bound again if it returns.
 */
export function homeBound(world: World, state: State, f: FormationState): boolean {
  const home = world.formationDef.get(f.id)?.home;
  return home !== undefined && f.location === home && state.places[home]?.controller === f.side;
}

/** Where defenders fall back to: the neighbouring place of their own with most of their strength. */
function retreatTarget(ctx: Ctx, place: string, side: SideId | 'none'): string | null {
  let best: string | null = null;
  let bestStrength = 0;
  for (const n of ctx.world.adjacent.get(place) ?? []) {
    const c = ctx.s.places[n]?.controller;
    if (side === 'none' ? c !== 'local' : c !== side) continue;
    let strength = 0;
    for (const f of ctx.s.formations) if (f.location === n && f.strength > 0 && f.side === side) strength += f.strength;
    if (best === null || strength > bestStrength || (strength === bestStrength && compareIds(n, best) < 0)) {
      best = n;
      bestStrength = strength;
    }
  }
  return best;
}

/** Whether a backer of this side has declared the place a red line (a tag for the report; no rule reads it). */
const guarded = new WeakMap<Scenario, Record<SideId | 'none', Set<string>>>();
function guardedByRedLine(scenario: Scenario, place: string, client: SideId): boolean {
  let lines = guarded.get(scenario);
  if (!lines) {
    lines = { gna: new Set(), lna: new Set(), none: new Set() };
    for (const b of scenario.backers) for (const p of [...(b.redLines ?? []), ...(b.personality?.redLines ?? [])]) lines[b.client].add(p);
    guarded.set(scenario, lines);
  }
  return lines[client].has(place);
}

function civilianHarm(ctx: Ctx, place: string, by: SideId | 'none', intensity: number): { killed: number; fled: number } {
  const def = ctx.world.place.get(place);
  const pop = def?.population ?? 0;
  if (pop <= 0) return { killed: 0, fled: 0 };
  const factor = ctx.facts.corridors.includes(place) ? 0.5 : 1;
  const pause = by !== 'none' && ctx.facts.pauses.includes(by) ? 0.6 : 1;
  const killed = Math.round(Math.sqrt(pop) * intensity * factor * pause * (0.6 + ctx.rng.int(80) / 100));
  const fled = Math.round(pop * 1000 * ((1 + ctx.rng.int(30) / 10) / 100) * intensity * factor);
  ctx.s.country.civilianCasualties += killed;
  ctx.s.country.displaced += fled;
  ctx.facts.civilians[by] += killed;
  ctx.facts.displaced += fled;
  const p = ctx.s.places[place];
  if (p) p.damage = clamp(p.damage + Math.round(10 * intensity));
  return { killed, fled };
}

/**
 * When an attack is fought at other odds than its order's preview showed (the preview reads the
 * state as the turn began), the two figures and what changed in between: forces that moved in or
 * out, losses in earlier fights, the air balance, a siege.
 */
function oddsChange(
  ctx: Ctx,
  side: SideId,
  from: string,
  target: string,
  fought: number,
  /** The forces at the two places now (the fight's odds were worked out on them). */
  nowIndex: ForceIndex,
): { queued: number; key: string; reasonMsgs: string; formationList: string } | null {
  const start = ctx.start;
  const thenIndex = indexForces(ctx.scenario, start, from, target);
  const queued = attackOdds(ctx.scenario, start, side, from, target, thenIndex).odds;
  if (queued === fought) return null;
  const defSide = start.places[target]?.controller;
  const defKey: SideId | 'none' = defSide === 'gna' || defSide === 'lna' ? defSide : 'none';
  const then = thenIndex.at;
  const now = nowIndex.at;
  const fromIx = ctx.world.placeIndex.get(from) ?? -1;
  const targetIx = ctx.world.placeIndex.get(target) ?? -1;
  // The reasons, each through the one function `why`: a change of odds is rare, and most of its
  // reasons rarer still, so each reason's own call site would meet its first case long after V8 has
  // optimised this function, and throw the optimised code away when it did (a recompile in the middle
  // of a batch of games); the one call site has seen them all.
  const codes: string[] = [];
  const why = (holds: boolean, code: string) => {
    if (holds) codes.push(code);
  };
  why(ctx.s.places[target]?.controller !== defSide, 'report.odds.why.changedHands');
  const was = new Set(start.formations.filter((f) => f.location === target && f.side === defKey && f.strength > 0).map((f) => f.id));
  // (The arrived units' ids listed in a plain loop: see `why`.)
  let formationList = '';
  for (const f of ctx.s.formations) {
    if (f.location === target && f.side === defKey && f.strength > 0 && !was.has(f.id)) formationList = formationList ? `${formationList}|${f.id}` : f.id;
  }
  const defThen = forcesAt(then[targetIx], defKey, powerAt);
  const defNow = forcesAt(now[targetIx], defKey, powerAt);
  why(formationList !== '', 'report.odds.why.reinforced');
  why(formationList === '' && defNow > defThen, 'report.odds.why.defStronger');
  why(formationList === '' && defNow < defThen, 'report.odds.why.defWeaker');
  const dugThen = forcesAt(then[targetIx], defKey, dugAt);
  const dugNow = forcesAt(now[targetIx], defKey, dugAt);
  why(dugNow > dugThen, 'report.odds.why.dugIn');
  why(dugNow < dugThen, 'report.odds.why.lostEarthworks');
  const attThen = forcesAt(then[fromIx], side, powerAt);
  const attNow = forcesAt(now[fromIx], side, powerAt);
  why(attNow < attThen, 'report.odds.why.attWeaker');
  why(attNow > attThen, 'report.odds.why.attStronger');
  // (The index holds each side's air bonus: the same as airBonus on each state.)
  why(thenIndex.air[side] !== nowIndex.air[side] || thenIndex.air[other(side)] !== nowIndex.air[other(side)], 'report.odds.why.air');
  why((start.places[target]?.siegedBy === side) !== (ctx.s.places[target]?.siegedBy === side), 'report.odds.why.siege');
  return { queued, key: codes.length ? 'report.odds.changedWhy' : 'report.odds.changed', reasonMsgs: codes.join('|'), formationList };
}

function resolveAttack(ctx: Ctx, side: SideId, from: string, target: string): void {
  const attackers = formationsAt(ctx.s, from, side);
  if (!attackers.length || ctx.s.places[target]?.controller === side) {
    say(ctx, {
      mechanic: 'combat',
      msg: { key: 'report.attack.noForces', values: { actor: side, place: target, placeFrom: from } },
      actors: [side],
      places: [target],
    });
    return;
  }
  const defSide = ctx.s.places[target]!.controller;
  const defFormationSide: SideId | 'none' = defSide === 'local' ? 'none' : defSide;
  const defenders = defendersOf(ctx.s, target);
  const nowIndex = indexForces(ctx.scenario, ctx.s, from, target);
  const { odds, air: bonus } = attackOdds(ctx.scenario, ctx.s, side, from, target, nowIndex);
  // The odds the order's preview showed (the state as the turn began), and why the fight differs.
  const changed = oddsChange(ctx, side, from, target, odds, nowIndex);
  ctx.facts.attacks[side]++;
  const won = ctx.rng.chance(odds);
  const attackStrength = strengthOf(attackers);
  const defenceStrength = strengthOf(defenders);
  const attLoss = Math.max(1, Math.round((attackStrength * (won ? 6 : 14) * (80 + ctx.rng.int(41))) / 10000));
  const defLoss = Math.round((defenceStrength * (won ? ROUT_LOSS_PCT : 8) * (80 + ctx.rng.int(41))) / 10000);
  inflictLosses(ctx, attackers, attLoss);
  inflictLosses(ctx, defenders, defLoss);
  // A group that rules the town it attacks from fights, but does not go on to hold the place it
  // beat: with no other unit left to move in, a won fight takes no ground (a large city's outskirts aside).
  const bound = won ? attackers.find((f) => f.strength > 0 && homeBound(ctx.world, ctx.s, f)) : undefined;
  const noGround =
    bound !== undefined &&
    !attackers.some((f) => f.strength > 0 && !homeBound(ctx.world, ctx.s, f)) &&
    !((ctx.world.place.get(target)?.population ?? 0) >= LARGE_CITY_POP && ctx.s.places[target]!.siegedBy !== side);
  const harm = civilianHarm(ctx, target, side, 1);
  // A battle in a large city's suburbs (world.suburbOf) kills some of the city's people too.
  const city = ctx.world.suburbOf[ctx.world.placeIndex.get(target) ?? -1];
  if (city !== undefined) harm.killed += civilianHarm(ctx, city, side, SUBURB_HARM).killed;
  // (Losses and harm do not touch the air war: the report gives `bonus`, the one the odds were worked out with.)
  // The battle's detail and values as literals (no spreads): one of the most frequent events.
  const detail: ReportDetail = { type: 'battle', from, target, attacker: side, won, odds };
  const values: ReportMessage['values'] = { actor: side, actorDef: sideCode(defSide), place: target, placeFrom: from, odds, oddsMsg: changed ? changed.key : 'report.odds.plain', whyMsg: bonus > 10 ? 'report.battle.air' : '', bonus, attLoss: attLoss * 100, defLoss: defLoss * 100, killed: harm.killed, killedMsg: harm.killed ? 'report.battle.killed' : '' };
  if (changed) {
    detail.queued = changed.queued;
    values.queued = changed.queued;
    values.reasonMsgs = changed.reasonMsgs;
    values.formationList = changed.formationList;
  }
  if (noGround) values.formation = bound.id;
  say(ctx, {
    mechanic: 'combat',
    actors: [side],
    places: [from, target],
    detail,
    msg: { key: noGround ? 'report.battle.noGround' : won ? 'report.battle.won' : 'report.battle.lost', values },
    // An attack on a place a patron of the defender has sworn to defend tests whether its red line is meant.
    concept: harm.killed > 20 ? 'civilian-harm' : defSide !== 'local' && guardedByRedLine(ctx.scenario, target, defSide) ? 'red-line-credibility' : undefined,
  });
  if (won && (ctx.world.place.get(target)?.population ?? 0) >= LARGE_CITY_POP && ctx.s.places[target]!.siegedBy !== side) {
    // A large city is taken in stages: this win only takes its outskirts.
    ctx.s.places[target]!.siegedBy = side;
    say(ctx, {
      mechanic: 'siege',
      msg: { key: 'report.siege.outskirts', values: { actor: side, place: target } },
      actors: [side],
      places: [target],
    });
    return;
  }
  if (won && !noGround) {
    const survivors = defenders.filter((f) => f.strength > 0);
    const fallback = retreatTarget(ctx, target, defFormationSide);
    for (const f of survivors) {
      if (fallback) {
        f.location = fallback;
        f.dug = 0;
      } else {
        // Cut off with nowhere to go: the unit surrenders or scatters.
        inflictLosses(ctx, [f], f.strength);
      }
    }
    setControl(ctx, target, side);
    // The strongest attacking unit moves in (not a group bound to its town); the rest hold the line behind it.
    const lead = attackers.filter((f) => !homeBound(ctx.world, ctx.s, f)).sort((a, b) => b.strength - a.strength || compareIds(a.id, b.id))[0];
    if (lead && lead.strength > 0) {
      lead.location = target;
      lead.dug = 0;
    }
  }
}

export function airstrikeOdds(
  scenario: Scenario,
  state: State,
  side: SideId,
  /** Both sides' air on this state (airBalance), when the caller has it. */
  bal?: AirBalance,
): number {
  const gna = side === 'gna';
  const air = bal ? (gna ? bal.gnaAir : bal.lnaAir) : effectiveAir(scenario, state, side);
  const ad = bal ? (gna ? bal.lnaAirDefence : bal.gnaAirDefence) : effectiveAirDefence(scenario, state, other(side));
  return clamp(35 + air - ad, 10, 90);
}

function resolveAirstrike(ctx: Ctx, side: SideId, target: string): void {
  const odds = airstrikeOdds(ctx.scenario, ctx.s, side);
  // The preview's odds were reckoned on the fortnight's opening state: when the fortnight changed
  // the air war before the strike, the report gives both.
  const ordered = airstrikeOdds(ctx.scenario, ctx.start, side);
  const enemy = other(side);
  const place = ctx.world.place.get(target);
  const hit = ctx.rng.chance(odds);
  if (!hit) {
    const own = ctx.s.sides[side];
    own.air = Math.max(0, own.air - 2);
    say(ctx, {
      mechanic: 'air',
      msg: { key: 'report.strike.failed', values: { actor: side, actorEnemy: enemy, place: target, odds, ordered, oddsMsg: ordered === odds ? 'report.strike.oddsWere' : 'report.strike.oddsWereChanged' } },
      actors: [side],
      places: [target],
    });
    return;
  }
  const air = effectiveAir(ctx.scenario, ctx.s, side);
  const targets = formationsAt(ctx.s, target).filter((f) => f.side !== side);
  // Works shelter troops from a strike as from an assault (againstWorks: the deepest works there).
  let dug = 0;
  for (const f of targets) if (f.strength > 0 && f.dug > dug) dug = f.dug;
  const lost = inflictLosses(ctx, targets, Math.max(1, Math.round(againstWorks(air / 6 + ctx.rng.int(3), dug))));
  const p = ctx.s.places[target];
  if (p) p.damage = clamp(p.damage + 15);
  let concept: 'civilian-harm' | undefined;
  let civilians = 0;
  let fled = 0;
  if ((place?.population ?? 0) >= 20) {
    const harm = civilianHarm(ctx, target, side, 0.8);
    civilians = harm.killed;
    fled = harm.fled;
    const s = ctx.s.sides[side];
    s.legitimacy = clamp(s.legitimacy - 3);
    if (place) s.support[place.region] = clamp(s.support[place.region] - 4);
    concept = 'civilian-harm';
  }
  const msg: ReportMessage = { key: concept ? 'report.strike.hitPopulated' : 'report.strike.hit', values: { actor: side, place: target, odds, ordered, oddsMsg: ordered === odds ? 'report.strike.odds' : 'report.strike.oddsChanged', fighters: lost * 100, killed: civilians, fled } };
  say(ctx, { mechanic: 'air', msg, actors: [side], places: [target], detail: { type: 'strike', target, by: side, civilians }, concept });
}

/** Movement phase: moves and withdrawals, in the order given (orders are sorted by actor first). */
export function movementPhase(ctx: Ctx): void {
  for (const o of ctx.orders) {
    if (o.kind === 'move') {
      const f = ctx.s.formations.find((x) => x.id === o.formation);
      const side = sideOfActor(o.actor);
      if (!f || !side || f.side !== side || f.strength <= 0) continue;
      if (!isAdjacent(ctx.world, f.location, o.to) || ctx.s.places[o.to]?.controller !== side || homeBound(ctx.world, ctx.s, f)) continue;
      const from = f.location;
      f.location = o.to;
      f.dug = 0;
      say(ctx, {
        mechanic: 'movement',
        msg: { key: 'report.move', values: { formation: f.id, placeFrom: from, placeTo: o.to } },
        actors: [side],
        places: [from, o.to],
        detail: { type: 'move', formation: f.id, from, to: o.to },
        visibleTo: [side, 'mediator'],
      });
    } else if (o.kind === 'withdraw') {
      const side = sideOfActor(o.actor);
      if (!side || ctx.s.places[o.to]?.controller !== side || !isAdjacent(ctx.world, o.from, o.to)) continue;
      for (const f of formationsAt(ctx.s, o.from, side)) {
        // A group that rules the town stays in it.
        if (homeBound(ctx.world, ctx.s, f)) continue;
        f.location = o.to;
        f.dug = 0;
        say(ctx, {
          mechanic: 'movement',
          msg: { key: 'report.withdrew', values: { formation: f.id, placeFrom: o.from, placeTo: o.to } },
          actors: [side],
          detail: { type: 'move', formation: f.id, from: o.from, to: o.to },
          visibleTo: [side],
        });
      }
      say(ctx, {
        mechanic: 'movement',
        msg: { key: 'report.pulledOut', values: { actor: side, placeFrom: o.from, placeTo: o.to } },
        actors: [side],
        places: [o.from, o.to],
      });
      // An empty place facing the enemy is abandoned to whoever is next to it.
      const enemy = other(side);
      const enemyNear = (ctx.world.adjacent.get(o.from) ?? []).some((n) => hasForcesAt(ctx.s, n, enemy));
      if (!hasForcesAt(ctx.s, o.from, side) && enemyNear) setControl(ctx, o.from, 'local');
    }
  }
}

/** Combat phase: attacks (alternating between the sides), sieges, and spoilers acting alone. */
export function combatPhase(ctx: Ctx): void {
  const attacks = { gna: [] as Extract<Order, { kind: 'attack' }>[], lna: [] as Extract<Order, { kind: 'attack' }>[] };
  for (const o of ordersOf(ctx, 'attack')) {
    const side = sideOfActor(o.actor);
    if (side) attacks[side].push(o);
  }
  const rounds = Math.max(attacks.gna.length, attacks.lna.length);
  // Who strikes first alternates by turn so neither side always has the initiative.
  const first: SideId = ctx.s.turn % 2 === 1 ? 'gna' : 'lna';
  for (let i = 0; i < rounds; i++) {
    for (const side of [first, other(first)]) {
      const o = attacks[side][i];
      if (o) resolveAttack(ctx, side, o.from, o.target);
    }
  }
  for (const o of ordersOf(ctx, 'siege')) {
    const side = sideOfActor(o.actor);
    const p = ctx.s.places[o.target];
    if (!side || !p || p.controller === side) continue;
    p.siegedBy = side;
    say(ctx, {
      mechanic: 'siege',
      msg: { key: (ctx.world.place.get(o.target)?.oilCapacity ?? 0) > 0 ? 'report.siege.laidOil' : 'report.siege.laid', values: { actor: side, place: o.target } },
      actors: [side],
      places: [o.target],
    });
  }
  siegeAttrition(ctx);
  spoilersAct(ctx);
  settleIn(ctx);
}

/**
 * Units that held their ground through the fortnight improve their positions on their own, up
 * to NATURAL_DUG; the fortify order digs deeper. A unit that moved, fell back or led an attack
 * into a place it took starts again from nothing (the moves set dug to 0).
 */
function settleIn(ctx: Ctx): void {
  const before = ctx.start.formations;
  for (let i = 0; i < ctx.s.formations.length; i++) {
    const f = ctx.s.formations[i]!;
    if (f.strength <= 0 || f.dug >= NATURAL_DUG) continue;
    // (Formations keep their order within a fortnight; one that arrived during it is not in the opening state.)
    const was = before[i]?.id === f.id ? before[i] : before.find((x) => x.id === f.id);
    if (was?.location !== f.location) continue;
    f.dug = Math.min(NATURAL_DUG, f.dug + NATURAL_DUG_STEP);
  }
}

function siegeAttrition(ctx: Ctx): void {
  const ids = ctx.world.placeIds;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    const p = ctx.places[i]!;
    if (!p.siegedBy) continue;
    const besieger = p.siegedBy;
    const stillThere = (ctx.world.adjacent.get(id) ?? []).some((n) => hasForcesAt(ctx.s, n, besieger));
    // A siege holds only while the place is cut off (a large city's outskirts can be held anyway).
    const road = stillThere && p.controller !== besieger && !isLargeCity(ctx.world, id) ? supplyRoad(ctx.world, ctx.s, id, besieger, ctx.places) : null;
    if (!stillThere || p.controller === besieger || road !== null) {
      p.siegedBy = undefined;
      say(ctx, { mechanic: 'siege', msg: { key: road !== null ? 'report.siege.liftedRoad' : 'report.siege.lifted', values: { place: id, placeRoad: road ?? '' } }, places: [id] });
      continue;
    }
    const inside = defendersOf(ctx.s, id);
    for (const f of inside) f.loyalty = clamp(f.loyalty - 4);
    const lost = inflictLosses(ctx, inside, Math.floor(strengthOf(inside) / 25));
    ctx.s.country.humanitarianAccess = clamp(ctx.s.country.humanitarianAccess - 2);
    if (lost > 0) {
      say(ctx, {
        mechanic: 'siege',
        msg: { key: 'report.siege.attrition', values: { place: id, fighters: lost * 100 } },
        places: [id],
      });
    }
  }
}

/**
 * Spoilers act for themselves: extremists raid, and militias that live off the war strike during
 * truces. An armed group with an agenda decides for itself (its raid orders, from its AI); a
 * spoiler without one acts by chance.
 */
function spoilersAct(ctx: Ctx): void {
  for (const o of ordersOf(ctx, 'raid')) groupRaid(ctx, o.actor.slice('group:'.length), o.target);
  const inTruce = talksIndex(ctx.s.talks.stage) >= 2;
  for (const f of ctx.s.formations) {
    const def = ctx.world.formationDef.get(f.id);
    if (!def?.spoiler || def.agenda || f.strength <= 0) continue;
    if (f.side === 'none') {
      // Raids: a chance each turn, higher when the sides are busy fighting each other.
      if (!ctx.rng.chance(inTruce ? 20 : 30)) continue;
      const targets = (ctx.world.adjacent.get(f.location) ?? []).filter((n) => (ctx.world.place.get(n)?.population ?? 0) > 0);
      const target = targets.length ? ctx.rng.pick(targets) : f.location;
      const harm = civilianHarm(ctx, target, 'none', 0.4);
      ctx.facts.attacks.none++;
      say(ctx, {
        mechanic: 'spoiler',
        msg: { key: 'report.spoiler.raidNear', values: { formation: f.id, place: target, killed: harm.killed } },
        places: [target],
        concept: 'spoilers',
      });
    } else if (inTruce) {
      const side = f.side;
      const cohesion = ctx.s.sides[side].cohesion;
      if (!ctx.rng.chance(clamp(60 - Math.floor(cohesion / 2), 5, 60))) continue;
      const targets = (ctx.world.adjacent.get(f.location) ?? []).filter((n) => ctx.s.places[n]?.controller === other(side));
      if (!targets.length) continue;
      const target = ctx.rng.pick(targets);
      ctx.facts.attacks[side]++;
      civilianHarm(ctx, target, side, 0.3);
      say(ctx, {
        mechanic: 'spoiler',
        msg: { key: 'report.spoiler.shelled', values: { formation: f.id, place: target, actor: side, killed: 0 } },
        actors: [side],
        places: [target],
        concept: 'spoilers',
      });
    }
  }
}

/** An armed group's raid (a `raid` order): civilians suffer; a group with a side breaks a truce in its side's name. */
function groupRaid(ctx: Ctx, id: string, target: string): void {
  const f = ctx.s.formations.find((x) => x.id === id);
  const def = ctx.world.formationDef.get(id);
  if (!f || !def || f.strength <= 0) return;
  const inTruce = talksIndex(ctx.s.talks.stage) >= 2;
  const by = f.side;
  const harm = civilianHarm(ctx, target, by, by === 'none' ? RAID_INTENSITY.independent : RAID_INTENSITY.sided);
  ctx.facts.attacks[by]++;
  say(ctx, {
    mechanic: 'spoiler',
    msg: { key: by === 'none' ? 'report.spoiler.raidOn' : inTruce ? 'report.spoiler.shelled' : 'report.spoiler.raided', values: { formation: id, place: target, actor: by, killed: harm.killed } },
    actors: by === 'none' ? [`group:${id}`] : [`group:${id}`, by],
    places: [target],
    concept: 'spoilers',
  });
}

/** Armed groups' dealings with their own side: extortion, then changing sides of their own accord. */
export function groupDealings(ctx: Ctx): void {
  for (const o of ctx.orders) {
    if (o.kind !== 'extort' && o.kind !== 'defect') continue;
    const id = o.actor.slice('group:'.length);
    const f = ctx.s.formations.find((x) => x.id === id);
    const def = ctx.world.formationDef.get(id);
    if (!f || !def || f.strength <= 0 || f.side === 'none') continue;
    const side = f.side;
    if (o.kind === 'extort') {
      const paid = spend(ctx, side, Math.max(EXTORT_MIN, def.upkeep * EXTORT_TIMES_UPKEEP), 'upkeep');
      if (paid <= 0) continue;
      f.loyalty = clamp(f.loyalty + EXTORT_LOYALTY);
      say(ctx, {
        mechanic: 'loyalty',
        msg: { key: 'report.group.extort', values: { formation: id, actor: side, paid } },
        actors: [`group:${id}`, side],
        places: [f.location],
        concept: 'fragmented-coalitions',
        // Public, as such shakedowns were (and as the group's own reason for it, in the report).
      });
    } else {
      defect(ctx, f, defectionTarget(def, side), { key: 'report.defect.why.abandon', values: { actorBy: side, loyalty: f.loyalty } });
      f.loyalty = 50;
    }
  }
}

/** Air phase: air and drone strikes. */
export function airPhase(ctx: Ctx): void {
  for (const o of ordersOf(ctx, 'airstrike')) {
    const side = sideOfActor(o.actor);
    if (side) resolveAirstrike(ctx, side, o.target);
  }
}

/** Fortify, recruit and buy loyalty (resolved with the economy, as they cost money). */
export function militaryEconomyOrders(ctx: Ctx): void {
  for (const o of ctx.orders) {
    const side = sideOfActor(o.actor);
    if (!side) continue;
    if (o.kind === 'fortify') {
      for (const f of formationsAt(ctx.s, o.place, side)) f.dug = Math.min(60, f.dug + 20);
      say(ctx, { mechanic: 'order', msg: { key: 'report.dugIn', values: { actor: side, place: o.place } }, actors: [side], places: [o.place], visibleTo: [side] });
    } else if (o.kind === 'recruit') {
      const place = ctx.world.place.get(o.place);
      // The recruits join the first militia or regular unit there by id (a plain loop: no array
      // to sort, and no read past the end of an empty one, which threw this code away).
      let unit: FormationState | undefined;
      for (const f of formationsAt(ctx.s, o.place, side)) {
        const kind = ctx.world.formationDef.get(f.id)?.kind;
        if ((kind === 'militia' || kind === 'regular') && (!unit || compareIds(f.id, unit.id) < 0)) unit = f;
      }
      if (!place || !unit) continue;
      const support = ctx.s.sides[side].support[place.region];
      const gained = 2 + Math.floor(support / 20);
      unit.strength += gained;
      ctx.report.ledger.strength[side].recruited += gained;
      ctx.s.sides[side].warWeariness = clamp(ctx.s.sides[side].warWeariness + 1);
      say(ctx, {
        mechanic: 'order',
        msg: { key: 'report.recruit', values: { actor: side, fighters: gained * 100, place: o.place, formation: unit.id, support } },
        actors: [side],
        places: [o.place],
        visibleTo: [side],
      });
    } else if (o.kind === 'buy-loyalty') {
      const f = ctx.s.formations.find((x) => x.id === o.formation);
      if (!f) continue;
      if (f.side === side) {
        const before = f.loyalty;
        f.loyalty = clamp(f.loyalty + 20);
        say(ctx, {
          mechanic: 'loyalty',
          msg: { key: 'report.loyalty.paid', values: { actor: side, formation: f.id, points: f.loyalty - before } },
          actors: [side],
          visibleTo: [side],
        });
      } else {
        const odds = bribeOdds(ctx.scenario, ctx.s, f);
        if (ctx.rng.chance(odds)) {
          defect(ctx, f, side, { key: 'report.defect.why.bought', values: { actorBy: side } });
          f.loyalty = 55;
        } else {
          f.loyalty = clamp(f.loyalty + 5);
          say(ctx, {
            mechanic: 'loyalty',
            msg: { key: 'report.bribe.failed', values: { actor: side, formation: f.id, odds } },
            actors: [side],
            concept: 'fragmented-coalitions',
          });
        }
      }
    }
  }
}

export function bribeOdds(scenario: Scenario, state: State, f: FormationState): number {
  const kind = worldOf(scenario).formationDef.get(f.id)?.kind;
  if (kind !== 'militia' && kind !== 'regular') return 0;
  const unpaid = f.side === 'gna' || f.side === 'lna' ? state.sides[f.side].unpaidTurns * 10 : 10;
  return clamp(Math.round((65 - f.loyalty) * 1.2) + unpaid, 0, 80);
}

/** Where a unit goes when it leaves this side: where its data says, unless that is where it already is (then the other side). */
export function defectionTarget(def: FormationDef | undefined, from: SideId): SideId | 'none' {
  const to = def?.defectsTo;
  return to && to !== from ? to : other(from);
}

/** A formation changes side; if it was the main force of its place, the place goes with it. */
export function defect(ctx: Ctx, f: FormationState, to: SideId | 'none', whyMsg: ReportMessage): void {
  const from = f.side;
  const place = ctx.s.places[f.location];
  const wasMain =
    place &&
    from !== 'none' &&
    place.controller === from &&
    formationsAt(ctx.s, f.location, from).every((g) => g.id === f.id || g.strength <= f.strength);
  ctx.report.ledger.strength[from].defectedOut += f.strength;
  ctx.report.ledger.strength[to].defectedIn += f.strength;
  f.side = to;
  f.dug = 0;
  say(ctx, {
    mechanic: 'loyalty',
    msg: { key: to === 'none' ? 'report.defect.alone' : 'report.defect.to', values: { ...whyMsg.values, formation: f.id, actorTo: to, whyMsg: whyMsg.key } },
    places: [f.location],
    detail: { type: 'defection', formation: f.id, to },
    concept: 'fragmented-coalitions',
  });
  if (wasMain && place) {
    // It was the main force there: the place goes with it, and the old side's other units fall back.
    const remaining = formationsAt(ctx.s, f.location, from);
    const fallback = retreatTarget(ctx, f.location, from);
    for (const g of remaining) {
      if (fallback) g.location = fallback;
      else inflictLosses(ctx, [g], g.strength);
    }
    setControl(ctx, f.location, to === 'none' ? 'local' : to);
  } else if (place && place.controller !== (to === 'none' ? 'local' : to)) {
    // A minority unit slips away to its new side's lines, or scatters if it cannot reach them.
    const refuge = retreatTarget(ctx, f.location, to);
    if (refuge) f.location = refuge;
    else inflictLosses(ctx, [f], f.strength);
  }
}

/** What a side's turn does to the loyalty of all its units: ground gained or lost, pay missed, a fraying leadership. */
function loyaltyShock(ctx: Ctx, side: SideId, unpaid: boolean): { drift: number; unpaid: boolean } {
  const gained = ctx.facts.gained[side].length - ctx.facts.lost[side].length;
  const fraying = ctx.s.sides[side].cohesion < 30;
  return { drift: (gained > 0 ? 2 : gained < 0 ? -3 : 0) - (fraying ? 2 : 0), unpaid };
}

/** Loyalty drifts with fortune and pay; units whose loyalty breaks may defect. */
export function loyaltyPhase(ctx: Ctx, unpaid: Record<SideId, boolean>): void {
  const threshold = ctx.scenario.rules.defectionThreshold;
  // What each side's turn did to its units' loyalty, worked out once per side, not per unit
  // (read in the loop as named fields: a record read by a changing key, shock[side], is V8's slow generic path).
  let gna = loyaltyShock(ctx, 'gna', unpaid.gna);
  let lna = loyaltyShock(ctx, 'lna', unpaid.lna);
  for (const f of ctx.s.formations) {
    if (f.strength <= 0 || f.side === 'none') continue;
    const side = f.side;
    const def = ctx.world.formationDef.get(f.id);
    const kind = def?.kind;
    const shock = side === 'gna' ? gna : lna;
    // (One sum for every unit, the rare shocks too: a branch first taken after V8 has optimised
    // this phase would throw the optimised code away in the middle of a batch of games.)
    let drift = shock.drift - (shock.unpaid ? (kind === 'mercenary' ? 15 : 6) : 0);
    // Without a shock, loyalty returns slowly towards where it started.
    if (drift === 0 && def) drift = Math.sign(def.loyalty - f.loyalty);
    f.loyalty = clamp(f.loyalty + drift);
    if (f.loyalty < threshold && ctx.rng.chance((threshold - f.loyalty) * 2)) {
      if (kind === 'mercenary' || kind === 'foreign-troops') {
        const gone = f.strength;
        inflictLosses(ctx, [f], gone);
        say(ctx, {
          mechanic: 'loyalty',
          msg: { key: 'report.foreign.wentHome', values: { formation: f.id, fighters: gone * 100 } },
          actors: [side],
          places: [f.location],
          concept: 'fragmented-coalitions',
        });
      } else {
        defect(ctx, f, defectionTarget(def, side), { key: 'report.defect.why.lostFaith', values: { actorBy: side, loyalty: f.loyalty } });
        f.loyalty = 50;
        // A place may have gone with the unit: the next units feel that gain or loss.
        gna = loyaltyShock(ctx, 'gna', unpaid.gna);
        lna = loyaltyShock(ctx, 'lna', unpaid.lna);
      }
    }
  }
  ctx.s.formations = ctx.s.formations.filter((f) => f.strength > 0);
}
