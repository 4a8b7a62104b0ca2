// Indexes over a scenario's static data, built once per scenario object and cached.
import { compareIds } from './compare.ts';
import { dayNumber } from './dates.ts';
import { LARGE_CITY_POP, SIEGE_REACH_KM, SUBURB_KM, SUPPLY_REACH_KM } from './params.ts';
import type { Actor, BackerDef, Condition, Controller, EventDef, FormationDef, FormationState, PlaceDef, PlaceState, RouteDef, Scenario, SideId, State } from './types.ts';

export interface World {
  /** Each place's definition, every field written out: one shape for all (fullPlaceDef). */
  place: Map<string, PlaceDef>;
  /** The same by the place's index in placeIds. */
  placeDef: PlaceDef[];
  placeIds: string[];
  /** Each place's index in placeIds (and scenario.map.places). */
  placeIndex: Map<string, number>;
  /** The neighbours of each place by index, in the order of `adjacent`. */
  adjacentIx: number[][];
  /** The road's km from each place to each of its neighbours, in the order of adjacentIx (routeBetween's km; Infinity without one). */
  adjacentKm: number[][];
  /**
   * supplyReachPct(from, to).pct by the places' indexes, for each road (undefined between places
   * with no road: 100). The road's length and kind never change, so neither does the figure.
   */
  reachPct: (number | undefined)[][];
  /**
   * By the place's index in placeIds: a town that keeps out of the war — its own people hold it at the
   * scenario's start (Bani Walid, whose notables backed neither side) — and has people to defend it.
   */
  keptOut: boolean[];
  /** By the place's index in placeIds: who holds it at the scenario's start (scenario.control; undefined: no one named). */
  startControl: (Controller | undefined)[];
  /**
   * By the place's index in placeIds: the large city (LARGE_CITY_POP) whose suburbs a battle for the
   * place is fought in — a place of fewer people within SUBURB_KM of it by road (Tripoli's airport
   * and Mitiga) — or undefined. The nearest such city, ties by id.
   */
  suburbOf: (string | undefined)[];
  /** Each place's population by its index in placeIds, and their sum in that order (populationShare). */
  population: number[];
  totalPopulation: number;
  /** Places of 50,000 people or more, the most populous first (ties by id): where a side's AI recruits. */
  recruitPlaces: string[];
  /** Places tagged central-bank, in scenario order (hasCentralBank). */
  centralBanks: string[];
  /** Neighbours of each place, sorted by id so iteration order is fixed. */
  adjacent: Map<string, string[]>;
  /** The same as sets, for isAdjacent. */
  neighbours: Map<string, Set<string>>;
  route: Map<string, RouteDef>;
  /** The same by both ends, either way round: no key string to build in the hot loops (routeBetween). */
  routeFrom: Map<string, Map<string, RouteDef>>;
  /** Each formation's definition (the scenario's and its reserves'), every field written out: one shape for all (fullFormationDef). */
  formationDef: Map<string, FormationDef>;
  backer: Map<string, BackerDef>;
  backerIds: string[];
  /** Backers of each side, in scenario order. */
  backersOf: Record<SideId, BackerDef[]>;
  /** Armed groups that act on their own account (formations with an agenda), in scenario order. */
  groups: FormationDef[];
  /** Every actor, in the fixed order orders are resolved in (actorsOf): the sides, the mediator, the backers, the armed groups. */
  actors: readonly Actor[];
  /** The backer's or the armed group's id of each `backer:<id>` and `group:<id>` actor. */
  actorId: Map<string, string>;
  /** Each pair of rival backers once (the first backer's id, then its rival's), in scenario order: escalationIndex. */
  rivalPairs: [string, string][];
  /** The same pairs by each backer's index in scenario.backers (-1: not a backer of the scenario). */
  rivalPairIx: [number, number][];
  /** Each actor's place in that order. */
  actorRank: Map<string, number>;
  oilPlaces: string[];
  /** The scenario's events in its order, every field written out: one shape for all (fullEventDef). */
  events: EventDef[];
  /** Day number of each event's date by its index in scenario.events, for the event calendar, and the last day it may still fire (its date plus lateDays). */
  eventFirst: number[];
  eventLast: number[];
}

/** Every field of T, the optional ones too: a literal of this type must name each of them (undefined where it is left out). */
type AllFields<T> = { [K in keyof Required<T>]: T[K] };

/**
 * A formation's definition with every field written out, undefined where the scenario leaves it
 * out. The scenario's own definitions come in as many shapes as it has combinations of optional
 * fields (thirteen in sirte-2020), and the rules read them in their hottest loops (formationPower,
 * homeBound, the loyalty and upkeep phases): in one shape those reads stay monomorphic.
 */
function fullFormationDef(f: FormationDef): FormationDef {
  const full: AllFields<FormationDef> = {
    id: f.id,
    name: f.name,
    side: f.side,
    kind: f.kind,
    location: f.location,
    strength: f.strength,
    quality: f.quality,
    loyalty: f.loyalty,
    upkeep: f.upkeep,
    backer: f.backer,
    spoiler: f.spoiler,
    defectsTo: f.defectsTo,
    agenda: f.agenda,
    home: f.home,
    note: f.note,
    source: f.source,
  };
  return full;
}

/** A place's definition with every field written out (as fullFormationDef; four shapes in sirte-2020). */
function fullPlaceDef(p: PlaceDef): PlaceDef {
  const full: AllFields<PlaceDef> = {
    id: p.id,
    name: p.name,
    lat: p.lat,
    lon: p.lon,
    region: p.region,
    tags: p.tags,
    population: p.population,
    oilCapacity: p.oilCapacity,
    defence: p.defence,
    leaning: p.leaning,
    note: p.note,
    source: p.source,
  };
  return full;
}

/** A condition with every test written out (as fullFormationDef): the event calendar checks them every turn. */
function fullCondition(c: Condition): Condition {
  const full: AllFields<Condition> = {
    controls: c.controls,
    talksAtLeast: c.talksAtLeast,
    talksAtMost: c.talksAtMost,
    commitmentAtLeast: c.commitmentAtLeast,
    commitmentAtMost: c.commitmentAtMost,
    indicatorAtLeast: c.indicatorAtLeast,
    indicatorAtMost: c.indicatorAtMost,
    countryAtLeast: c.countryAtLeast,
    countryAtMost: c.countryAtMost,
    oilBlockaded: c.oilBlockaded,
    eventFired: c.eventFired,
    eventNotFired: c.eventNotFired,
    chance: c.chance,
  };
  return full;
}

/** An event's definition with every field written out, its condition too (fifteen shapes of events and twelve of conditions in sirte-2020). */
function fullEventDef(e: EventDef): EventDef {
  const full: AllFields<EventDef> = {
    id: e.id,
    title: e.title,
    date: e.date,
    lateDays: e.lateDays,
    text: e.text,
    when: e.when ? fullCondition(e.when) : undefined,
    actors: e.actors,
    places: e.places,
    effects: e.effects,
    choice: e.choice,
    concept: e.concept,
    historical: e.historical,
    claim: e.claim,
    terms: e.terms,
    source: e.source,
  };
  return full;
}

/**
 * The one copy of a name that V8 keeps for property names (using a string as a key of an object
 * literal interns it). An actor's name built with a template is a fresh string: as the key of a
 * record (the AI's reasons by actor, the report's) V8 would look its text up in its table of
 * interned strings at every read and write, and compare it by its characters everywhere else.
 */
function internedName<T extends string>(name: T): T {
  return (Object.keys({ [name]: 0 })[0] ?? name) as T;
}

const cache = new WeakMap<Scenario, World>();
/** The scenario asked for last and its index: nearly every call asks for the same one, cheaper to compare than to look up. */
let lastScenario: Scenario | null = null;
let lastWorld: World | null = null;

export function worldOf(scenario: Scenario): World {
  if (scenario === lastScenario) return lastWorld!;
  const cached = cache.get(scenario);
  if (cached) {
    lastScenario = scenario;
    lastWorld = cached;
    return cached;
  }
  const placeDef = scenario.map.places.map(fullPlaceDef);
  const place = new Map(placeDef.map((p) => [p.id, p]));
  const adjacent = new Map<string, string[]>(scenario.map.places.map((p) => [p.id, []]));
  const route = new Map<string, RouteDef>();
  const routeFrom = new Map<string, Map<string, RouteDef>>();
  const link = (a: string, b: string, r: RouteDef) => {
    let m = routeFrom.get(a);
    if (!m) {
      m = new Map();
      routeFrom.set(a, m);
    }
    // As the key map: a later route between the same two places replaces an earlier one.
    m.set(b, r);
  };
  for (const r of scenario.map.routes) {
    adjacent.get(r.from)?.push(r.to);
    adjacent.get(r.to)?.push(r.from);
    route.set(routeKey(r.from, r.to), r);
    link(r.from, r.to, r);
    link(r.to, r.from, r);
  }
  for (const list of adjacent.values()) list.sort();
  const neighbours = new Map<string, Set<string>>();
  for (const [id, list] of adjacent) neighbours.set(id, new Set(list));
  const groups = [...scenario.formations, ...scenario.reserves].filter((f) => f.agenda);
  const actors: Actor[] = ['gna', 'lna', 'mediator'];
  const actorId = new Map<string, string>();
  for (const b of scenario.backers) {
    actors.push(internedName(`backer:${b.id}`));
    actorId.set(`backer:${b.id}`, b.id);
  }
  for (const g of groups) {
    actors.push(internedName(`group:${g.id}`));
    actorId.set(`group:${g.id}`, g.id);
  }
  const placeIndex = new Map(scenario.map.places.map((p, i) => [p.id, i]));
  let totalPopulation = 0;
  for (const p of scenario.map.places) totalPopulation += p.population;
  const rivalPairs: [string, string][] = [];
  const paired = new Set<string>();
  for (const b of scenario.backers) {
    for (const r of b.rivals) {
      const key = b.id < r ? `${b.id}|${r}` : `${r}|${b.id}`;
      if (paired.has(key)) continue;
      paired.add(key);
      rivalPairs.push([b.id, r]);
    }
  }
  const backerIx = new Map(scenario.backers.map((b, i) => [b.id, i]));
  const rivalPairIx = rivalPairs.map(([a, r]): [number, number] => [backerIx.get(a) ?? -1, backerIx.get(r) ?? -1]);
  const world: World = {
    place,
    placeDef,
    placeIds: scenario.map.places.map((p) => p.id),
    placeIndex,
    adjacentIx: scenario.map.places.map((p) => (adjacent.get(p.id) ?? []).map((n) => placeIndex.get(n)!)),
    adjacentKm: [],
    reachPct: [],
    keptOut: scenario.map.places.map((p) => scenario.control[p.id] === 'local' && p.population > 0),
    startControl: scenario.map.places.map((p) => scenario.control[p.id]),
    suburbOf: [],
    population: scenario.map.places.map((p) => p.population),
    totalPopulation,
    recruitPlaces: scenario.map.places
      .filter((p) => p.population >= 50)
      .sort((a, b) => b.population - a.population || compareIds(a.id, b.id))
      .map((p) => p.id),
    centralBanks: scenario.map.places.filter((p) => p.tags.includes('central-bank')).map((p) => p.id),
    adjacent,
    neighbours,
    route,
    routeFrom,
    formationDef: new Map([...scenario.formations, ...scenario.reserves].map((f) => [f.id, fullFormationDef(f)])),
    backer: new Map(scenario.backers.map((b) => [b.id, b])),
    backerIds: scenario.backers.map((b) => b.id),
    backersOf: {
      gna: scenario.backers.filter((b) => b.client === 'gna'),
      lna: scenario.backers.filter((b) => b.client === 'lna'),
    },
    groups,
    actors,
    actorId,
    rivalPairs,
    rivalPairIx,
    actorRank: new Map(actors.map((a, i) => [a, i])),
    oilPlaces: scenario.map.places.filter((p) => (p.oilCapacity ?? 0) > 0).map((p) => p.id),
    events: scenario.events.map(fullEventDef),
    eventFirst: scenario.events.map((e) => dayNumber(e.date)),
    eventLast: scenario.events.map((e) => dayNumber(e.date) + (e.lateDays ?? 0)),
  };
  world.adjacentKm = world.adjacentIx.map((near, i) => near.map((j) => routeBetween(world, world.placeIds[i]!, world.placeIds[j]!)?.km ?? Number.POSITIVE_INFINITY));
  world.reachPct = world.adjacentIx.map((near, i) => {
    const row: (number | undefined)[] = new Array(world.placeIds.length);
    for (const j of near) row[j] = supplyReachPct(world, world.placeIds[i]!, world.placeIds[j]!).pct;
    return row;
  });
  world.suburbOf = scenario.map.places.map((p) => {
    if (p.population >= LARGE_CITY_POP) return undefined;
    let best: string | undefined;
    let bestKm = SUBURB_KM + 1;
    for (const n of adjacent.get(p.id) ?? []) {
      const km = routeBetween(world, p.id, n)?.km ?? Number.POSITIVE_INFINITY;
      if ((place.get(n)?.population ?? 0) < LARGE_CITY_POP || km > SUBURB_KM) continue;
      if (km < bestKm || (km === bestKm && best !== undefined && compareIds(n, best) < 0)) {
        best = n;
        bestKm = km;
      }
    }
    return best;
  });
  cache.set(scenario, world);
  lastScenario = scenario;
  lastWorld = world;
  return world;
}

export function routeKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** The road between two places (either way round), as world.route.get(routeKey(a, b)). */
export function routeBetween(world: World, a: string, b: string): RouteDef | undefined {
  return world.routeFrom.get(a)?.get(b);
}

export function isAdjacent(world: World, a: string, b: string): boolean {
  return world.neighbours.get(a)?.has(b) ?? false;
}

/**
 * A state's units as the hot loops read them, by each unit's index in state.formations: its
 * definition (world.formationDef) and its place's index (world.placeIndex), each looked up once
 * for code that walks the units again and again on the same state (the AI's round of decisions:
 * the force index, each side's units by place, each side's bill). A `Map` lookup by id is some
 * sixty instructions; an array read by index, a few.
 */
export interface UnitIndex {
  defs: (FormationDef | undefined)[];
  at: (number | undefined)[];
}

export function unitIndexOf(world: World, formations: readonly FormationState[]): UnitIndex {
  const defs: (FormationDef | undefined)[] = new Array(formations.length);
  const at: (number | undefined)[] = new Array(formations.length);
  for (let i = 0; i < formations.length; i++) {
    const f = formations[i]!;
    defs[i] = world.formationDef.get(f.id);
    at[i] = world.placeIndex.get(f.location);
  }
  return { defs, at };
}

/**
 * A state's places by their index in world.placeIds: for code that walks them all more than once.
 * (Read by changing ids, `state.places[id]` is V8's generic keyed load, about a hundred
 * instructions; an array read by index is a few.)
 */
export function placesByIndex(world: World, state: State): (PlaceState | undefined)[] {
  const ids = world.placeIds;
  const places: (PlaceState | undefined)[] = new Array(ids.length);
  for (let i = 0; i < ids.length; i++) places[i] = state.places[ids[i]!];
  return places;
}

export function other(side: SideId): SideId {
  return side === 'gna' ? 'lna' : 'gna';
}

/**
 * The value within [min, max]. At the bound itself it gives min, so that -0 (Math.round of a
 * small negative number) comes out as 0: a -0 is no small integer to V8, and the first one met,
 * hundreds of games in, threw the optimised code of every function it went through away.
 */
export function clamp(value: number, min = 0, max = 100): number {
  return value <= min ? min : Math.min(value , max);
}

/** Days in one round of a turn: the whole turn, or a fortnight of a lesson form's month. */
export function roundDays(scenario: Scenario): number {
  return Math.round(scenario.turnDays / (scenario.rounds ?? 1));
}

/** What the players call a turn: a fortnight, or a month in a lesson form. */
export function periodOf(scenario: Scenario): 'fortnight' | 'month' {
  return (scenario.rounds ?? 1) > 1 ? 'month' : scenario.turnDays >= 28 ? 'month' : 'fortnight';
}

/**
 * Percent of its strength an attack along the road from one place to the next keeps: 100 within
 * the road's supply reach (SUPPLY_REACH_KM), sqrt(reach / km) beyond it. Also says how far.
 */
export function supplyReachPct(world: World, from: string, to: string): { pct: number; km: number; reach: number } {
  const r = routeBetween(world, from, to);
  if (!r) return { pct: 100, km: 0, reach: 0 };
  const reach = SUPPLY_REACH_KM[r.kind];
  return { pct: r.km <= reach ? 100 : Math.round(100 * Math.sqrt(reach / r.km)), km: r.km, reach };
}

/**
 * The road that still supplies a place: the first place its holder controls (other than the
 * place itself) that can be reached from it by road without passing through a place the
 * besieger holds; null when the place is cut off. Breadth-first, neighbours in id order.
 */
export function supplyRoad(
  world: World,
  state: State,
  place: string,
  besieger: SideId,
  /** The state's places by index (world.placeIds), when the caller has them. */
  places?: readonly (PlaceState | undefined)[],
): string | null {
  const holder: Controller | undefined = state.places[place]?.controller;
  if (!holder || holder === besieger) return null;
  // (By the places' indexes: adjacentIx is `adjacent` in the same order, so the search meets the places as by id.)
  const start = world.placeIndex.get(place);
  if (start === undefined) return null;
  const { adjacentIx, placeIds } = world;
  const seen = new Uint8Array(placeIds.length);
  seen[start] = 1;
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const near = adjacentIx[queue[i]!]!;
    for (let k = 0; k < near.length; k++) {
      const j = near[k]!;
      if (seen[j]) continue;
      seen[j] = 1;
      const c = (places ? places[j] : state.places[placeIds[j]!])?.controller;
      if (c === besieger) continue;
      if (c === holder) return placeIds[j]!;
      queue.push(j);
    }
  }
  return null;
}

/** Whether a place is so large that it can be besieged from its outskirts, cut off or not. */
export function isLargeCity(world: World, place: string): boolean {
  return (world.place.get(place)?.population ?? 0) >= LARGE_CITY_POP;
}

/**
 * Why a side cannot besiege a place now (null when it can): no forces next to it, too far, or not
 * cut off (then the place its road still runs to, from supplyRoad).
 */
export function siegeBlocker(world: World, state: State, side: SideId, place: string, hasForces: (at: string) => boolean): 'no-forces' | 'too-far' | { supplied: string } | null {
  // (By index: each neighbour's road km is adjacentKm, routeBetween's either way; hasForces asks nothing else.)
  const i = world.placeIndex.get(place);
  if (i === undefined) return 'no-forces';
  const near = world.adjacentIx[i]!;
  const km = world.adjacentKm[i]!;
  let forces = false;
  let close = false;
  for (let k = 0; k < near.length && !close; k++) {
    if (!hasForces(world.placeIds[near[k]!]!)) continue;
    forces = true;
    close = km[k]! <= SIEGE_REACH_KM;
  }
  if (!forces) return 'no-forces';
  if (!close) return 'too-far';
  const road = isLargeCity(world, place) ? null : supplyRoad(world, state, place, side);
  return road === null ? null : { supplied: road };
}
