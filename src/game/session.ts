// The game being played: scenario, seed, role and the orders given so far. The state is
// always what the sim core computes from them; the session never changes it by hand.

import { loadBundledScenario } from '../content/index.ts';
import type { Difficulty } from '../sim/types.ts';
import { applyWhatIfs, unknownWhatIf } from '../sim/whatif.ts';
import { scenarioById } from './content.ts';
import {
  AUTOSAVE_KEY,
  readSlot,
  SAVE_VERSION,
  type SaveFile,
  type SaveStorage,
  SLOT_COUNT,
  type SlotRead,
  setAsideWithNotice,
  slotKey,
  writeSave,
} from './saves.ts';
import * as core from './sim.ts';
import type { Actor, CheckResult, Order, ReplayFrame, Role, Scenario, State, TurnReport, VerifiedReplay } from './sim-types.ts';

export type { Difficulty } from '../sim/types.ts';
export { DIFFICULTIES } from '../sim/types.ts';
export { AUTOSAVE_KEY, SAVE_VERSION, type SaveFile, SLOT_COUNT, slotKey } from './saves.ts';
export { cleanSeed, randomSeed } from './seed.ts';

/** The browser's storage, or null where it is disabled (the game goes on without saves). */
export function browserStorage(): SaveStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export interface GameSetup {
  scenarioId: string;
  seed: string;
  role: Role;
  difficulty: Difficulty;
  /** Counterfactual switches of the scenario (src/sim/whatif.ts): the outcome explorer opens games with them. */
  whatIfs?: string[];
}

type Listener = () => void;

export class GameSession {
  readonly scenario: Scenario;
  readonly seed: string;
  readonly role: Role;
  readonly difficulty: Difficulty;
  readonly whatIfs: string[];
  state: State;
  /** Orders resolved so far, one list per turn. */
  readonly history: Order[][] = [];
  readonly reports: TurnReport[] = [];
  /** The state hash after each resolved turn. */
  readonly hashes: string[] = [];
  /** The player's orders for the coming turn, not yet resolved. */
  queued: Order[] = [];
  /** What the opening events did (turn 1 starts with them). */
  readonly opening: TurnReport;
  private readonly listeners = new Set<Listener>();
  /**
   * A replay being watched (read-only): every frame of the game and the one on screen. The
   * session's state, history and reports are those of that frame; no order can be given.
   */
  replay: { frames: ReplayFrame[]; orders: Order[][]; at: number; note: string | undefined } | null = null;

  private constructor(scenario: Scenario, setup: GameSetup) {
    this.scenario = scenario;
    this.seed = setup.seed;
    this.role = setup.role;
    this.difficulty = setup.difficulty;
    this.whatIfs = [...(setup.whatIfs ?? [])];
    const { state, report } = core.newGameWithReport(scenario, setup.seed, [setup.role], setup.difficulty);
    this.state = state;
    this.opening = report;
  }

  /**
   * A new game. Its scenario is loaded (fetched and validated) first, once; rejects with a
   * sentence for the player when it cannot be, or when the setup does not fit it.
   */
  static async start(setup: GameSetup): Promise<GameSession> {
    const entry = scenarioById(setup.scenarioId);
    if (!entry) throw new Error(`Unknown scenario "${setup.scenarioId}".`);
    if (!entry.playable.includes(setup.role)) throw new Error(`The role "${setup.role}" cannot be played in ${entry.title}.`);
    const scenario = await loadBundledScenario(entry.id);
    const problem = unknownWhatIf(scenario, setup.whatIfs ?? []);
    if (problem) throw new Error(`${problem.charAt(0).toUpperCase()}${problem.slice(1)}.`);
    return new GameSession(applyWhatIfs(scenario, setup.whatIfs ?? []), setup);
  }

  /**
   * Rebuilds a saved game by replaying its orders, checking every order and (when the save
   * has them) every turn's state hash; rejects with a sentence for the player if one differs.
   */
  static async restore(save: SaveFile): Promise<GameSession> {
    const session = await GameSession.start(save);
    for (let i = 0; i < save.orders.length; i++) {
      if (session.state.ending) throw new Error(`it goes on after the game ended (turn ${i + 1}).`);
      const report = session.apply(save.orders[i] as Order[]);
      const rejected = report.rejected[0];
      if (rejected) throw new Error(`on turn ${i + 1} it holds an order that was not allowed (${rejected.order.actor} “${rejected.order.kind}”: ${rejected.problem.message})`);
      const expected = save.hashes?.[i];
      if (expected !== undefined && expected !== session.hash) {
        throw new Error(`the game differs from the one saved from turn ${i + 1} on (the save was changed, or made by other rules).`);
      }
    }
    return session;
  }

  /**
   * A game rebuilt from the player's orders turn by turn (a share link), with every other
   * actor played by the AI as in play; rejects with a sentence if an order is not allowed.
   */
  static async fromPlayerOrders(setup: GameSetup, turns: readonly (readonly Order[])[]): Promise<GameSession> {
    const session = await GameSession.start(setup);
    for (const [i, turn] of turns.entries()) {
      if (session.state.ending) throw new Error(`its orders go on after the game ended (turn ${i + 1}).`);
      for (const order of turn) {
        const check = session.queue(order);
        if (!check.ok) throw new Error(`on turn ${i + 1}, the order “${order.kind}” is not allowed: ${check.error.message}`);
      }
      session.resolveQueued();
    }
    return session;
  }

  /** A read-only session showing a verified replay, at its start (frame 0): the scenario as played, what-ifs applied. */
  static fromReplay(verified: VerifiedReplay): GameSession {
    const { replay, frames } = verified;
    const role = replay.humans[0] ?? verified.scenario.playable[0] ?? 'gna';
    const session = new GameSession(verified.scenario, {
      scenarioId: replay.scenario.id,
      seed: replay.seed,
      role,
      difficulty: replay.difficulty,
      ...(replay.whatIfs?.length ? { whatIfs: replay.whatIfs } : {}),
    });
    // The AI's reasons are not in the file (they follow from the state): worked out again, so
    // each turn report says why the other actors did what they did, as it did in play.
    for (let n = 1; n < frames.length; n++) {
      const before = frames[n - 1] as ReplayFrame;
      (frames[n] as ReplayFrame).report.reasons = core.otherActorsOrders(verified.scenario, before.state, role).reasons;
    }
    session.replay = { frames, orders: replay.turns.map((t) => t.orders), at: 0, note: replay.note };
    session.showFrame(0);
    return session;
  }

  get readOnly(): boolean {
    return this.replay !== null;
  }

  /** Shows the replay's frame n (0 the start, n the state after turn n), as it was then. */
  showFrame(n: number): void {
    const r = this.replay;
    if (!r) return;
    const at = Math.max(0, Math.min(r.frames.length - 1, Math.round(n)));
    r.at = at;
    this.state = (r.frames[at] as ReplayFrame).state;
    this.history.splice(0, this.history.length, ...r.orders.slice(0, at));
    this.reports.splice(0, this.reports.length, ...r.frames.slice(1, at + 1).map((f) => f.report));
    this.hashes.splice(0, this.hashes.length, ...r.frames.slice(1, at + 1).map((f) => f.hash));
    this.queued = [];
    this.changed();
  }

  /** The player's own orders, turn by turn (what a share link carries). */
  playerOrders(): Order[][] {
    return this.history.map((turn) => turn.filter((o) => o.actor === this.role));
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
    if (this.state.ending || this.readOnly) return [];
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
    if (this.readOnly) return { ok: false, error: { code: 'game-over', message: 'This is a replay: orders cannot be given.' } };
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
    if (this.readOnly) throw new Error('This is a replay: turns cannot be played.');
    const report = this.resolveQueued();
    this.autosave();
    this.changed();
    return report;
  }

  private resolveQueued(): TurnReport {
    const others = core.otherActorsOrders(this.scenario, this.state, this.role);
    const report = this.apply([...this.queued, ...others.orders], others.reasons);
    this.queued = [];
    return report;
  }

  private apply(orders: Order[], reasons: TurnReport['reasons'] = {}): TurnReport {
    const { state, report } = core.resolveTurn(this.scenario, this.state, orders, reasons);
    this.state = state;
    this.history.push(orders);
    this.reports.push(report);
    this.hashes.push(core.stateHash(state));
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
      hashes: this.hashes,
      ended: this.state.ending !== null,
      ...(this.whatIfs.length ? { whatIfs: this.whatIfs } : {}),
    };
  }

  /** A replay file of the game so far (see src/sim/replay.ts). */
  toReplay(): string {
    return core.replayText(
      core.makeReplay({ scenario: this.scenario, whatIfs: this.whatIfs, seed: this.seed, humans: [this.role], difficulty: this.difficulty, orders: this.history, hashes: this.hashes }),
    );
  }

  autosave(storage: SaveStorage | null = browserStorage()): void {
    if (this.readOnly) return;
    // Storage may be full or disabled (private mode): the game goes on without a save.
    if (storage) writeSave(storage, AUTOSAVE_KEY, this.toSave());
  }

  /** Saves the game under a name in slot n (1…SLOT_COUNT); false if storage refused it. */
  saveToSlot(n: number, name: string, storage: SaveStorage | null = browserStorage()): boolean {
    if (!storage || n < 1 || n > SLOT_COUNT) return false;
    return writeSave(storage, slotKey(n), { ...this.toSave(), name: name.trim().slice(0, 60) || `Slot ${n}` });
  }
}

export function orderKey(order: Order): string {
  return JSON.stringify(order, Object.keys(order).sort());
}

const known = (id: string) => scenarioById(id) !== undefined;
/** What was said about a save set aside, so the menu can keep saying it after a redraw. */
let asideNotice: string | null = null;

/**
 * The autosave, if there is one that this build can read; never throws. One that cannot be
 * read is moved aside (never overwritten) and reported.
 */
export function readAutosave(storage: SaveStorage | null = browserStorage()): { save: SaveFile | null; problem: string | null } {
  if (!storage) return { save: null, problem: asideNotice };
  const read = readSlot(storage, AUTOSAVE_KEY, known);
  if (read.problem) asideNotice = read.problem;
  return { save: read.save, problem: read.save ? null : asideNotice };
}

/** Every named slot (unreadable ones are set aside and reported, as for the autosave). */
export function readSlots(storage: SaveStorage | null = browserStorage()): SlotRead[] {
  const slots: SlotRead[] = [];
  for (let n = 1; n <= SLOT_COUNT; n++) {
    const key = slotKey(n);
    slots.push(storage ? readSlot(storage, key, known, `The save in slot ${n}`) : { key, save: null, problem: null, aside: null });
  }
  return slots;
}

export function deleteSlot(n: number, storage: SaveStorage | null = browserStorage()): void {
  try {
    storage?.removeItem(slotKey(n));
  } catch {
    // Nothing to do: the slot stays as it was.
  }
}

/**
 * Restores a save that read well; if the game cannot be rebuilt from it (an illegal order, a
 * hash that differs), the save is set aside under its own key and the reason is returned. A
 * scenario that cannot be loaded now (a file that did not arrive, or is invalid) is the game's
 * problem, not the save's: the save stays where it is.
 */
export async function restoreOrSetAside(
  save: SaveFile,
  key: string = AUTOSAVE_KEY,
  storage: SaveStorage | null = browserStorage(),
): Promise<{ ok: true; session: GameSession } | { ok: false; problem: string }> {
  if (scenarioById(save.scenarioId)) {
    try {
      await loadBundledScenario(save.scenarioId);
    } catch (error) {
      return { ok: false, problem: `The saved game could not be opened now. ${(error as Error).message}` };
    }
  }
  try {
    return { ok: true, session: await GameSession.restore(save) };
  } catch (error) {
    const problem = `The saved game could not be restored: ${(error as Error).message}`;
    if (!storage) return { ok: false, problem };
    const read = setAsideWithNotice(storage, key, null, problem);
    if (key === AUTOSAVE_KEY) asideNotice = read.problem;
    return { ok: false, problem: read.problem ?? problem };
  }
}

/** Reads and verifies a replay file's bytes (a file picker, a drop) into a read-only session. */
export async function openReplay(bytes: Uint8Array): Promise<{ ok: true; session: GameSession } | { ok: false; problem: string }> {
  const parsed = core.parseReplayBytes(bytes);
  if (!parsed.ok) return { ok: false, problem: `This replay cannot be opened. ${parsed.error.message}` };
  // Its scenario, loaded if this build has it (an unknown one is reported by the verification).
  const id = parsed.value.scenario.id;
  let scenario: Scenario | undefined;
  if (scenarioById(id)) {
    try {
      scenario = await loadBundledScenario(id);
    } catch (error) {
      return { ok: false, problem: `This replay cannot be opened. ${(error as Error).message}` };
    }
  }
  const verified = core.verifyReplay(parsed.value, (wanted) => (wanted === id ? scenario : undefined));
  if (!verified.ok) return { ok: false, problem: `This replay cannot be opened. ${verified.error.message}` };
  try {
    return { ok: true, session: GameSession.fromReplay(verified.value) };
  } catch (error) {
    return { ok: false, problem: `This replay cannot be opened. ${(error as Error).message}` };
  }
}
