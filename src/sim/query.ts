// Questions about a state that many rules ask. None of these change the state.
import { AIR_BUILDUP_PER_WEEK, EMBARGO_BITE } from './params.ts';
import type { BackerDef, Controller, FormationDef, FormationState, PlaceState, Scenario, SideId, State } from './types.ts';
import { type World, worldOf } from './world.ts';

export function formationsAt(state: State, place: string, side?: SideId | 'none'): FormationState[] {
  const here: FormationState[] = [];
  for (const f of state.formations) if (f.location === place && f.strength > 0 && (side === undefined || f.side === side)) here.push(f);
  return here;
}

/** Whether a side has any unit at a place (formationsAt(...).length > 0 without the list). */
export function hasForcesAt(state: State, place: string, side: SideId | 'none'): boolean {
  for (const f of state.formations) if (f.location === place && f.strength > 0 && f.side === side) return true;
  return false;
}

export function defendersOf(state: State, place: string): FormationState[] {
  const controller = state.places[place]?.controller;
  // A local place is held by the unaligned forces in it.
  const side: SideId | 'none' = controller === 'gna' || controller === 'lna' ? controller : 'none';
  return formationsAt(state, place, side);
}

export function strengthOf(formations: readonly FormationState[]): number {
  let total = 0;
  for (const f of formations) total += f.strength;
  return total;
}

export function sideStrength(state: State, side: SideId | 'none'): number {
  let total = 0;
  for (const f of state.formations) if (f.side === side) total += f.strength;
  return total;
}

/** How much of backers' deliveries the embargo lets through, in percent. */
export function embargoPassPct(state: State): number {
  return 100 - Math.floor((state.country.embargoEnforcement * EMBARGO_BITE) / 10);
}

function backerSupply(scenario: Scenario, state: State, side: SideId, field: 'air' | 'airDefence' | 'money'): number {
  const world = worldOf(scenario);
  let total = 0;
  for (const b of world.backersOf[side]) {
    const bs = state.backers[b.id];
    const level = bs?.commitment ?? 0;
    if (!bs || level <= 0) continue;
    // Money comes with the rung; air power and air defence as they have arrived (airBuildUp).
    if (field === 'money') total += b.ladder[level - 1]?.money ?? 0;
    else total += field === 'air' ? bs.arrived.air : bs.arrived.airDefence;
  }
  return Math.floor((total * embargoPassPct(state)) / 100);
}

/**
 * effectiveAir and effectiveAirDefence of both sides, in one pass over the backers (the same sums:
 * each side's own, plus what its backers' rungs have brought, let through the embargo).
 */
export interface AirBalance {
  gnaAir: number;
  lnaAir: number;
  gnaAirDefence: number;
  lnaAirDefence: number;
}

export function airBalance(scenario: Scenario, state: State): AirBalance {
  let gnaAir = 0;
  let lnaAir = 0;
  let gnaAd = 0;
  let lnaAd = 0;
  for (const b of scenario.backers) {
    if (b.client === 'none') continue;
    const bs = state.backers[b.id];
    if (!bs || bs.commitment <= 0) continue;
    if (b.client === 'gna') {
      gnaAir += bs.arrived.air;
      gnaAd += bs.arrived.airDefence;
    } else {
      lnaAir += bs.arrived.air;
      lnaAd += bs.arrived.airDefence;
    }
  }
  const pass = embargoPassPct(state);
  return {
    gnaAir: state.sides.gna.air + Math.floor((gnaAir * pass) / 100),
    lnaAir: state.sides.lna.air + Math.floor((lnaAir * pass) / 100),
    gnaAirDefence: state.sides.gna.airDefence + Math.floor((gnaAd * pass) / 100),
    lnaAirDefence: state.sides.lna.airDefence + Math.floor((lnaAd * pass) / 100),
  };
}

/** Weeks for a backer's rung's air power and air defence still on their way to arrive in full. */
export function airWeeksToArrive(def: BackerDef, level: number, arrived: { air: number; airDefence: number }): number {
  const rung = level > 0 ? def.ladder[level - 1] : undefined;
  const missing = Math.max((rung?.air ?? 0) - arrived.air, (rung?.airDefence ?? 0) - arrived.airDefence, 0);
  return Math.ceil(missing / AIR_BUILDUP_PER_WEEK);
}

export function effectiveAir(scenario: Scenario, state: State, side: SideId): number {
  // (Named fields: state.sides[side], by a key that changes, is V8's generic keyed load.)
  return (side === 'gna' ? state.sides.gna : state.sides.lna).air + backerSupply(scenario, state, side, 'air');
}

export function effectiveAirDefence(scenario: Scenario, state: State, side: SideId): number {
  return (side === 'gna' ? state.sides.gna : state.sides.lna).airDefence + backerSupply(scenario, state, side, 'airDefence');
}

export function backerMoney(scenario: Scenario, state: State, side: SideId): number {
  return backerSupply(scenario, state, side, 'money');
}

export function placesHeld(state: State, side: Controller): string[] {
  return Object.keys(state.places)
    .filter((id) => state.places[id]?.controller === side)
    .sort();
}

/** Population-weighted share (percent) of the country a side holds. */
export function populationShare(
  scenario: Scenario,
  state: State,
  side: SideId,
  /** The state's places by index, when the caller has them (placesByIndex). */
  places?: readonly (PlaceState | undefined)[],
): number {
  return Math.round(populationShareExact(scenario, state, side, places));
}

/** populationShare unrounded. */
export function populationShareExact(scenario: Scenario, state: State, side: SideId, places?: readonly (PlaceState | undefined)[]): number {
  const { placeIds, population, totalPopulation } = worldOf(scenario);
  let held = 0;
  for (let i = 0; i < placeIds.length; i++) if ((places ? places[i] : state.places[placeIds[i]!])?.controller === side) held += population[i]!;
  return totalPopulation === 0 ? 0 : (held * 100) / totalPopulation;
}

/** populationShare of both sides, and the places each holds, in one pass over the places. */
export function holdings(
  scenario: Scenario,
  state: State,
  /** The state's places by index, when the caller has them (placesByIndex). */
  places?: readonly (PlaceState | undefined)[],
): { gnaShare: number; lnaShare: number; gnaPlaces: number; lnaPlaces: number } {
  const { placeIds, population, totalPopulation } = worldOf(scenario);
  let gna = 0;
  let lna = 0;
  let gnaPlaces = 0;
  let lnaPlaces = 0;
  for (let i = 0; i < placeIds.length; i++) {
    const c = (places ? places[i] : state.places[placeIds[i]!])?.controller;
    if (c === 'gna') {
      gna += population[i]!;
      gnaPlaces++;
    } else if (c === 'lna') {
      lna += population[i]!;
      lnaPlaces++;
    }
  }
  const share = (held: number) => (totalPopulation === 0 ? 0 : Math.round((held * 100) / totalPopulation));
  return { gnaShare: share(gna), lnaShare: share(lna), gnaPlaces, lnaPlaces };
}

export function hasCentralBank(scenario: Scenario, state: State, side: SideId): boolean {
  for (const p of worldOf(scenario).centralBanks) if (state.places[p]?.controller === side) return true;
  return false;
}

/** Strength at a place, weighted by quality and loyalty: what actually fights. */
export function combatPower(scenario: Scenario, formations: readonly FormationState[]): number {
  const world = worldOf(scenario);
  let power = 0;
  for (const f of formations) power += formationPower(world, f);
  return power;
}

/** One formation's share of combatPower: a unit with no loyalty still fights at half strength; a loyal one at full. */
export function formationPower(world: World, f: FormationState, def: FormationDef | undefined = world.formationDef.get(f.id)): number {
  const quality = def?.quality ?? 100;
  return (f.strength * quality * (50 + f.loyalty / 2)) / 10000;
}

const STAGE_ORDER: readonly State['talks']['stage'][] = ['none', 'talks', 'truce', 'ceasefire', 'agreement'];

export function talksIndex(stage: State['talks']['stage']): number {
  return STAGE_ORDER.indexOf(stage);
}
