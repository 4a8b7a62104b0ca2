// A class table opened in full by the teacher (the answer to `inspect`, server/class-room.ts):
// every state and turn report of the table rebuilt in the teacher's browser by replaying its
// orders from its seed — the game is a pure function of (scenario, seed, orders) — and checked
// turn by turn against the table's own hashes. No DOM: the tests read it in Node.

import { legacyEnding } from '../game/legacy-ending.ts';
import { hashMatches } from '../sim/hash.ts';
import { resolveTurn } from '../sim/resolve.ts';
import { newGameWithReport } from '../sim/setup.ts';
import type { Order, PlayerRole, Scenario, State, TurnReport } from '../sim/types.ts';
import type { TableInspect } from './protocol.ts';

export interface RebuiltTable {
  /** The opening, then the state after each turn (the last: the turn in play). */
  states: State[];
  /** The opening report, then each turn's (no fog: every event, for every seat). */
  reports: TurnReport[];
  /** Every actor's orders, turn by turn. */
  turns: Order[][];
}

/**
 * Replays a table; throws, naming the turn, if a turn's hash differs from the table's own (a
 * table stored before the ending's sentence left the state still matches: legacy-ending.ts).
 */
export function rebuildTable(scenario: Scenario, t: TableInspect): RebuiltTable {
  const opening = newGameWithReport(scenario, t.seed, t.seats as PlayerRole[], t.difficulty);
  const states = [opening.state];
  const reports = [opening.report];
  const turns: Order[][] = [];
  let s = opening.state;
  for (const [i, turn] of t.turns.entries()) {
    const orders = turn.orders as Order[];
    const played = resolveTurn(scenario, s, orders);
    if (!hashMatches(scenario, played.state, turn.hash, legacyEnding)) throw new Error(`table ${t.no} played again differs from its record at turn ${i + 1}`);
    s = played.state;
    states.push(s);
    reports.push(played.report);
    turns.push(orders);
  }
  return { states, reports, turns };
}

/** Fighters (hundreds) of each side and of the others, from a state's formations. */
export function fightersBySide(s: State): Record<'gna' | 'lna' | 'none', number> {
  const out = { gna: 0, lna: 0, none: 0 };
  for (const f of s.formations) out[f.side] += f.strength;
  return out;
}
