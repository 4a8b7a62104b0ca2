// Playing whole games headless: the CLI runner, tests, benchmarks and the outcome explorer.
import { otherActorsOrders } from './ai.ts';
import { stateHash } from './hash.ts';
import { resolveTurn } from './resolve.ts';
import { newGame } from './setup.ts';
import type { Actor, Difficulty, Order, PlayerRole, Scenario, State, TurnReport } from './types.ts';

/** Chooses the player's orders each turn (a scripted policy, random legal orders, or recorded orders). */
export type Policy = (scenario: Scenario, state: State) => Order[];

export interface PlayOptions {
  /** The role a policy plays; every other actor is AI. Omit for an all-AI game. */
  role?: PlayerRole;
  policy?: Policy;
  /** Keep every turn's report (costs memory in big batches). */
  keepReports?: boolean;
  /** Compute the state hash after every turn (replays need it; big batches need not pay for it). */
  hashEachTurn?: boolean;
  difficulty?: Difficulty;
  /** Which AI orders to keep (a policy for the others, e.g. backers that act only through the scenario's historical events). */
  keepAiOrder?: (order: Order) => boolean;
  /** Which actors the AI decides for at all (the others give no orders and cost nothing to skip). */
  aiActors?: (actor: Actor) => boolean;
  /** Called after each turn (for invariant checks). */
  onTurn?: (before: State, orders: Order[], after: State, report: TurnReport) => void;
}

export interface GameRecord {
  seed: string;
  state: State;
  /** Every turn's orders, as given to resolveTurn. */
  orders: Order[][];
  /** The state hash after each turn, when asked for (hashEachTurn). */
  hashes: string[];
  reports: TurnReport[];
}

export function playGame(scenario: Scenario, seed: string, options: PlayOptions = {}): GameRecord {
  const role = options.role ?? null;
  let state = newGame(scenario, seed, role && options.policy ? [role] : [], options.difficulty ?? 'historical');
  const orders: Order[][] = [];
  const hashes: string[] = [];
  const reports: TurnReport[] = [];
  // A game always ends by its last turn; the bound only guards against a broken rule.
  for (let guard = 0; !state.ending && guard <= scenario.turns + 1; guard++) {
    const ai = otherActorsOrders(scenario, state, role && options.policy ? role : null, options.aiActors);
    const mine = role && options.policy ? options.policy(scenario, state) : [];
    const aiOrders = options.keepAiOrder ? ai.orders.filter(options.keepAiOrder) : ai.orders;
    const turnOrders = [...mine, ...aiOrders];
    // The AI's orders are built by this program, each checked by its planner as it decided
    // (unless some were dropped: then they are checked again); a policy's orders are checked in full.
    const { state: next, report } = resolveTurn(scenario, state, turnOrders, ai.reasonMsgs, mine.length === 0 && (options.keepAiOrder ? true : 'checked'));
    options.onTurn?.(state, turnOrders, next, report);
    orders.push(turnOrders);
    if (options.hashEachTurn) hashes.push(stateHash(next));
    if (options.keepReports) reports.push(report);
    state = next;
  }
  return { seed, state, orders, hashes, reports };
}

/** Replays recorded orders from the start; returns the final state and the hash after each turn. */
export function replayOrders(
  scenario: Scenario,
  seed: string,
  humans: readonly PlayerRole[],
  turns: readonly (readonly Order[])[],
  difficulty: Difficulty = 'historical',
): { state: State; hashes: string[] } {
  let state = newGame(scenario, seed, [...humans], difficulty);
  const hashes: string[] = [];
  for (const orders of turns) {
    state = resolveTurn(scenario, state, orders).state;
    hashes.push(stateHash(state));
  }
  return { state, hashes };
}

/**
 * A game in which one role's orders are given (turn by turn) and every other actor is AI:
 * what the browser computes when a person plays, computed headless.
 */
export function playWithOrders(
  scenario: Scenario,
  seed: string,
  role: PlayerRole,
  playerTurns: readonly (readonly Order[])[],
  difficulty: Difficulty = 'historical',
): { state: State; hashes: string[] } {
  let state = newGame(scenario, seed, [role], difficulty);
  const hashes: string[] = [];
  for (const mine of playerTurns) {
    if (state.ending) break;
    const ai = otherActorsOrders(scenario, state, role);
    state = resolveTurn(scenario, state, [...mine, ...ai.orders], ai.reasonMsgs).state;
    hashes.push(stateHash(state));
  }
  return { state, hashes };
}
