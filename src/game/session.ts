// The game being played: scenario, seed, role and the orders given so far. The state is
// always what the sim core computes from them; the session never changes it by hand.

import type { Difficulty } from '../sim/types.ts';
import { DIFFICULTIES } from '../sim/types.ts';
import { scenarioById } from './content.ts';
import * as core from './sim.ts';
import type { Actor, CheckResult, Order, Role, Scenario, State, TurnReport } from './sim-types.ts';

export type { Difficulty } from '../sim/types.ts';
export { DIFFICULTIES } from '../sim/types.ts';

export const AUTOSAVE_KEY = 'ceasefire-line:autosave';
export const SAVE_VERSION = 1;

export interface SaveFile {
  version: number;
  scenarioId: string;
  seed: string;
  role: Role;
  difficulty: Difficulty;
  /** Every order resolved, turn by turn (the player's and the other actors'). */
  orders: Order[][];
  /** The game has ended (it may end before its last turn); absent in older saves. */
  ended?: boolean;
}

export interface GameSetup {
  scenarioId: string;
  seed: string;
  role: Role;
  difficulty: Difficulty;
}

type Listener = () => void;

export class GameSession {
  readonly scenario: Scenario;
  readonly seed: string;
  readonly role: Role;
  readonly difficulty: Difficulty;
  state: State;
  /** Orders resolved so far, one list per turn. */
  readonly history: Order[][] = [];
  readonly reports: TurnReport[] = [];
  /** The player's orders for the coming turn, not yet resolved. */
  queued: Order[] = [];
  /** What the opening events did (turn 1 starts with them). */
  readonly opening: TurnReport;
  private readonly listeners = new Set<Listener>();

  private constructor(scenario: Scenario, setup: GameSetup) {
    this.scenario = scenario;
    this.seed = setup.seed;
    this.role = setup.role;
    this.difficulty = setup.difficulty;
    const { state, report } = core.newGameWithReport(scenario, setup.seed, [setup.role], setup.difficulty);
    this.state = state;
    this.opening = report;
  }

  static start(setup: GameSetup): GameSession {
    const entry = scenarioById(setup.scenarioId);
    if (!entry) throw new Error(`Unknown scenario "${setup.scenarioId}".`);
    if (!entry.scenario.playable.includes(setup.role)) throw new Error(`The role "${setup.role}" cannot be played in ${entry.title}.`);
    return new GameSession(entry.scenario, setup);
  }

  /** Rebuilds a saved game by replaying its orders: the state hash comes out the same. */
  static restore(save: SaveFile): GameSession {
    const session = GameSession.start(save);
    for (const orders of save.orders) {
      if (session.state.ending) break;
      session.apply(orders);
    }
    return session;
  }

  get actor(): Actor {
    return this.role;
  }

  get hash(): string {
    return core.stateHash(this.state);
  }

  get budget(): number {
    return this.scenario.rules.orderBudget[this.role] ?? 0;
  }

  /** Budget the queued orders use (as the core prices them). */
  get budgetUsed(): number {
    let used = 0;
    const before: Order[] = [];
    for (const order of this.queued) {
      const check = core.checkOrder(this.scenario, this.state, order, before);
      used += check.ok ? check.value.budget : 1;
      before.push(order);
    }
    return used;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  legalOrders(): Order[] {
    if (this.state.ending) return [];
    return core.legalOrders(this.scenario, this.state, this.role);
  }

  check(order: Order): CheckResult {
    return core.checkOrder(this.scenario, this.state, order, this.queued);
  }

  isQueued(order: Order): boolean {
    const key = orderKey(order);
    return this.queued.some((q) => orderKey(q) === key);
  }

  queue(order: Order): CheckResult {
    const check = this.check(order);
    if (check.ok) {
      this.queued = [...this.queued, order];
      this.changed();
    }
    return check;
  }

  cancel(index: number): void {
    this.queued = this.queued.filter((_, i) => i !== index);
    this.changed();
  }

  /** Resolves the turn: the player's queued orders plus every other actor's. */
  endTurn(): TurnReport {
    const others = core.otherActorsOrders(this.scenario, this.state, this.role);
    const report = this.apply([...this.queued, ...others.orders], others.reasons);
    this.queued = [];
    this.autosave();
    this.changed();
    return report;
  }

  private apply(orders: Order[], reasons: TurnReport['reasons'] = {}): TurnReport {
    const { state, report } = core.resolveTurn(this.scenario, this.state, orders, reasons);
    this.state = state;
    this.history.push(orders);
    this.reports.push(report);
    return report;
  }

  toSave(): SaveFile {
    return {
      version: SAVE_VERSION,
      scenarioId: this.scenario.id,
      seed: this.seed,
      role: this.role,
      difficulty: this.difficulty,
      orders: this.history,
      ended: this.state.ending !== null,
    };
  }

  autosave(): void {
    try {
      localStorage.setItem(AUTOSAVE_KEY, JSON.stringify(this.toSave()));
    } catch {
      // Storage may be full or disabled (private mode): the game goes on without a save.
    }
  }
}

export function orderKey(order: Order): string {
  return JSON.stringify(order, Object.keys(order).sort());
}

/** The autosave, if there is one that this build can read; never throws. */
export function readAutosave(): { save: SaveFile | null; problem: string | null } {
  let text: string | null = null;
  try {
    text = localStorage.getItem(AUTOSAVE_KEY);
  } catch {
    return { save: null, problem: null };
  }
  if (!text) return { save: null, problem: null };
  try {
    const data = JSON.parse(text) as Partial<SaveFile>;
    if (data.version !== SAVE_VERSION) return { save: null, problem: `The saved game was made by another version (${String(data.version)}).` };
    if (typeof data.scenarioId !== 'string' || typeof data.seed !== 'string') return { save: null, problem: 'The saved game is incomplete.' };
    if (data.role !== 'gna' && data.role !== 'lna' && data.role !== 'mediator') return { save: null, problem: 'The saved game names an unknown role.' };
    if (!Array.isArray(data.orders) || !data.orders.every(Array.isArray)) return { save: null, problem: 'The saved game has no readable order log.' };
    if (!scenarioById(data.scenarioId)) return { save: null, problem: `The saved game's scenario "${data.scenarioId}" is not in this build.` };
    const difficulty = DIFFICULTIES.includes(data.difficulty as Difficulty) ? (data.difficulty as Difficulty) : 'normal';
    return { save: { ...(data as SaveFile), difficulty }, problem: null };
  } catch {
    return { save: null, problem: 'The saved game could not be read.' };
  }
}

/** A fresh seed for the UI (the sim itself never draws outside its own RNG). */
export function randomSeed(): string {
  const bytes = new Uint8Array(4);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function cleanSeed(seed: string): string {
  return seed.trim().replace(/[^A-Za-z0-9_-]/g, '').slice(0, 32);
}
