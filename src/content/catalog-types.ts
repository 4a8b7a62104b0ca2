// The shape of the scenario catalog: what the menu and the outcome explorer show of each
// bundled scenario before one is chosen. It is extracted from levels/ at build time by
// tools/scenario-catalog.ts (the virtual module `virtual:scenario-catalog`); the whole
// scenario is loaded, and validated, only when a game or a batch needs it (index.ts).
import type { PlayerRole, ProblemMessage } from '../sim/types.ts';

export interface ScenarioMeta {
  id: string;
  /** Its file, from the repository root: `levels/scenarios/<name>.json`. */
  file: string;
  /** The map it is played on (a map's `id`). */
  map: string;
  title: string;
  subtitle: string;
  /** ISO date of turn 1. */
  startDate: string;
  turns: number;
  /** Days in a turn (a fortnight, or a month in a lesson form). */
  turnDays: number;
  playable: PlayerRole[];
  /** The backers among the playable roles, as the role picker names them. */
  backerSeats: { role: `backer:${string}`; name: string; client: 'gna' | 'lna' | 'none'; summary: string }[];
  /** It has tutorial steps (shown first, marked "Start here"). */
  tutorial: boolean;
  /** Its counterfactual switches, as the explorer lists them (their effects come with the scenario). */
  whatIfs: { id: string; label: string; description: string }[];
  /** The full form's short form for one lesson, when it has one (its id: this id and "-lesson"). */
  lesson?: { turns: number; turnDays: number; note: string };
  /** Set on a lesson form: the menu offers it as the full form's length, not as a scenario of its own. */
  form?: 'lesson';
  /** A lesson form's full form. */
  fullId?: string;
}

export interface MapMeta {
  id: string;
  /** `levels/maps/<name>.json`. */
  file: string;
}

/** A file that could not be listed, and why: the menu shows it (`message` in English, `msg` its code: src/content/catalog-problems.ts). */
export interface CatalogProblem {
  file: string;
  message: string;
  msg?: ProblemMessage;
}

export interface Catalog {
  scenarios: ScenarioMeta[];
  maps: MapMeta[];
  problems: CatalogProblem[];
}
