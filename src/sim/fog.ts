// Fog of war: what a role sees. A side sees its own numbers exactly and the enemy's as ranges
// whose width depends on its intelligence; the mediator reads both through public reports.
import { noise } from './rng.ts';
import type { FormationState, PlayerRole, Scenario, SideId, SideState, State } from './types.ts';
import { backerIdOf, isBackerRole } from './types.ts';

export interface Estimate {
  low: number;
  high: number;
}

export interface FormationView {
  id: string;
  side: FormationState['side'];
  location: string;
  /** Exact strength when known, otherwise null and see `estimate`. */
  strength: number | null;
  estimate: Estimate;
  loyalty: number | null;
  /** How far it is dug in (percent added to its defence): works can be seen, and the attack's odds count them. */
  dug: number;
}

export interface SideView {
  exact: boolean;
  money: Estimate;
  air: Estimate;
  airDefence: Estimate;
  state: SideState | null;
  legitimacy: number;
}

export interface PlayerView {
  role: PlayerRole;
  turn: number;
  date: string;
  formations: FormationView[];
  sides: Record<SideId, SideView>;
  places: State['places'];
  country: State['country'];
  talks: State['talks'];
  backers: State['backers'];
}

/** Public reports are as good as an intelligence service of this quality. */
const PUBLIC_INTELLIGENCE = 45;

export function estimate(value: number, intelligence: number, ...key: (string | number)[]): Estimate {
  // Width of the range, in percent of the true value, shrinks as intelligence grows.
  const width = Math.max(5, Math.round((100 - intelligence) * 0.8));
  const offset = (noise(...key) - 0.5) * width;
  const centre = value * (1 + offset / 100);
  const low = Math.max(0, Math.floor(centre * (1 - width / 200)));
  const high = Math.max(low, Math.ceil(centre * (1 + width / 200)));
  return { low, high };
}

/**
 * What a role sees. A backer sees its client's forces and its own exactly (its officers sit in
 * the client's operations rooms) and the rest as estimates at its own intelligence; a backer of
 * no side reads public reports as the mediator does.
 */
export function viewFor(scenario: Scenario, state: State, role: PlayerRole): PlayerView {
  const backer = isBackerRole(role) ? scenario.backers.find((b) => b.id === backerIdOf(role)) : undefined;
  const client: SideId | null = backer ? (backer.client === 'none' ? null : backer.client) : role === 'gna' || role === 'lna' ? role : null;
  const intelligence = backer ? (scenario.backerRoles?.[backer.id]?.intelligence ?? PUBLIC_INTELLIGENCE) : client ? scenario.sides[client].intelligence : PUBLIC_INTELLIGENCE;
  const own = new Set(backer ? scenario.formations.concat(scenario.reserves).filter((f) => f.backer === backer.id).map((f) => f.id) : []);
  const sees = (side: SideId | 'none') => client !== null && side === client;
  const formations: FormationView[] = state.formations.map((f) => {
    const exact = sees(f.side) || own.has(f.id);
    return {
      id: f.id,
      side: f.side,
      location: f.location,
      strength: exact ? f.strength : null,
      estimate: exact ? { low: f.strength, high: f.strength } : estimate(f.strength, intelligence, state.seed, state.turn, role, f.id),
      loyalty: exact ? f.loyalty : null,
      dug: f.dug,
    };
  });
  const side = (id: SideId): SideView => {
    const s = state.sides[id];
    const exact = sees(id);
    const e = (v: number, what: string) => (exact ? { low: v, high: v } : estimate(v, intelligence, state.seed, state.turn, role, id, what));
    return {
      exact,
      money: e(s.money, 'money'),
      air: e(s.air, 'air'),
      airDefence: e(s.airDefence, 'ad'),
      state: exact ? s : null,
      legitimacy: s.legitimacy,
    };
  };
  return {
    role,
    turn: state.turn,
    date: state.date,
    formations,
    sides: { gna: side('gna'), lna: side('lna') },
    places: state.places,
    country: state.country,
    talks: state.talks,
    backers: state.backers,
  };
}
