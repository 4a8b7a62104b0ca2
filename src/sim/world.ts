// Indexes over a scenario's static data, built once per scenario object and cached.
import { dayNumber } from './dates.ts';
import type { BackerDef, FormationDef, PlaceDef, RouteDef, Scenario, SideId } from './types.ts';

export interface World {
  place: Map<string, PlaceDef>;
  placeIds: string[];
  /** Neighbours of each place, sorted by id so iteration order is fixed. */
  adjacent: Map<string, string[]>;
  /** The same as sets, for isAdjacent. */
  neighbours: Map<string, Set<string>>;
  route: Map<string, RouteDef>;
  formationDef: Map<string, FormationDef>;
  backer: Map<string, BackerDef>;
  backerIds: string[];
  /** Backers of each side, in scenario order. */
  backersOf: Record<SideId, BackerDef[]>;
  /** Armed groups that act on their own account (formations with an agenda), in scenario order. */
  groups: FormationDef[];
  oilPlaces: string[];
  /** Day number of each event's date, for the event calendar. */
  eventDay: Map<string, number>;
}

const cache = new WeakMap<Scenario, World>();

export function worldOf(scenario: Scenario): World {
  const cached = cache.get(scenario);
  if (cached) return cached;
  const place = new Map(scenario.map.places.map((p) => [p.id, p]));
  const adjacent = new Map<string, string[]>(scenario.map.places.map((p) => [p.id, []]));
  const route = new Map<string, RouteDef>();
  for (const r of scenario.map.routes) {
    adjacent.get(r.from)?.push(r.to);
    adjacent.get(r.to)?.push(r.from);
    route.set(routeKey(r.from, r.to), r);
  }
  for (const list of adjacent.values()) list.sort();
  const neighbours = new Map<string, Set<string>>();
  for (const [id, list] of adjacent) neighbours.set(id, new Set(list));
  const world: World = {
    place,
    placeIds: scenario.map.places.map((p) => p.id),
    adjacent,
    neighbours,
    route,
    formationDef: new Map([...scenario.formations, ...scenario.reserves].map((f) => [f.id, f])),
    backer: new Map(scenario.backers.map((b) => [b.id, b])),
    backerIds: scenario.backers.map((b) => b.id),
    backersOf: {
      gna: scenario.backers.filter((b) => b.client === 'gna'),
      lna: scenario.backers.filter((b) => b.client === 'lna'),
    },
    groups: [...scenario.formations, ...scenario.reserves].filter((f) => f.agenda),
    oilPlaces: scenario.map.places.filter((p) => (p.oilCapacity ?? 0) > 0).map((p) => p.id),
    eventDay: new Map(scenario.events.map((e) => [e.id, dayNumber(e.date)])),
  };
  cache.set(scenario, world);
  return world;
}

export function routeKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

export function isAdjacent(world: World, a: string, b: string): boolean {
  return world.neighbours.get(a)?.has(b) ?? false;
}

export function other(side: SideId): SideId {
  return side === 'gna' ? 'lna' : 'gna';
}

export function clamp(value: number, min = 0, max = 100): number {
  return value < min ? min : Math.min(value , max);
}

/** Days in one round of a turn: the whole turn, or a fortnight of a lesson form's month. */
export function roundDays(scenario: Scenario): number {
  return Math.round(scenario.turnDays / (scenario.rounds ?? 1));
}

/** What the players call a turn: a fortnight, or a month in a lesson form. */
export function periodOf(scenario: Scenario): 'fortnight' | 'month' {
  return (scenario.rounds ?? 1) > 1 ? 'month' : scenario.turnDays >= 28 ? 'month' : 'fortnight';
}
