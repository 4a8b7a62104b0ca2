// What the player may see of the forces on the map. The sim core's viewFor decides (fog
// of war); this module only reads its answer into shapes the panels and the map can show.
import { fmtNumber, t } from '../i18n/index.ts';
import type { PlaySession } from './play-session.ts';
import type { FormationDef, PlayerView, SideId } from './sim-types.ts';

export type ForceSide = SideId | 'none';

export interface SeenFormation {
  id: string;
  name: string;
  kind: string;
  side: ForceSide;
  location: string;
  /** Exact strength in hundreds when known (null: only the range is known). */
  strength: number | null;
  low: number;
  high: number;
  loyalty: number | null;
  /** How far it is dug in (percent added to its defence; 0 for a view that does not say). */
  dug: number;
  backer?: string;
  /** What it acts for on its own account, if it is an armed group with an agenda. */
  motive?: string;
}

export interface SeenForces {
  side: ForceSide;
  low: number;
  high: number;
  exact: boolean;
  formations: SeenFormation[];
}

/** The session's view: worked out here from the whole state, or sent by the table server. */
export function viewOf(session: PlaySession): PlayerView {
  return session.view();
}

function defOf(session: PlaySession, id: string): FormationDef | undefined {
  return session.scenario.formations.find((f) => f.id === id) ?? session.scenario.reserves.find((f) => f.id === id);
}

/** Every formation the player can see, with exact numbers or estimates. */
export function seenFormations(session: PlaySession): SeenFormation[] {
  const seen: SeenFormation[] = [];
  for (const f of viewOf(session).formations) {
    if (f.estimate.high <= 0 && !f.strength) continue;
    const def = defOf(session, f.id);
    seen.push({
      id: f.id,
      name: def?.name ?? f.id,
      kind: def?.kind ?? 'militia',
      side: f.side,
      location: f.location,
      strength: f.strength,
      low: f.strength ?? f.estimate.low,
      high: f.strength ?? f.estimate.high,
      loyalty: f.loyalty,
      dug: f.dug ?? 0,
      backer: def?.backer,
      motive: def?.agenda?.motive,
    });
  }
  return seen;
}

export function forcesAt(place: string, all: SeenFormation[]): SeenForces[] {
  const bySide = new Map<ForceSide, SeenForces>();
  for (const f of all) {
    if (f.location !== place) continue;
    let entry = bySide.get(f.side);
    if (!entry) {
      entry = { side: f.side, low: 0, high: 0, exact: true, formations: [] };
      bySide.set(f.side, entry);
    }
    entry.low += f.low;
    entry.high += f.high;
    entry.exact &&= f.strength !== null;
    entry.formations.push(f);
  }
  const order: ForceSide[] = ['gna', 'lna', 'none'];
  return [...bySide.values()].sort((a, b) => order.indexOf(a.side) - order.indexOf(b.side));
}

/** Strength in hundreds → "1,200" fighters (in the player's language: "1 200", "1.200"). */
export function fighters(hundreds: number): string {
  return fmtNumber(hundreds * 100);
}

/** Short form for map counters: 45 → "4.5k" ("4,5 k", "4.5 ألف"), 8 → "800". */
export function shortStrength(hundreds: number): string {
  if (hundreds < 10) return fmtNumber(hundreds * 100);
  const k = hundreds / 10;
  return t('game.map.kilo', { n: fmtNumber(k >= 10 ? Math.round(k) : Math.round(k * 10) / 10, { maximumFractionDigits: 1 }) });
}

export function strengthText(f: { low: number; high: number; exact: boolean }, short = false): string {
  const fmt = short ? shortStrength : fighters;
  if (f.exact || f.low === f.high) return fmt(f.low);
  return `~${fmt(f.low)}–${fmt(f.high)}`;
}
