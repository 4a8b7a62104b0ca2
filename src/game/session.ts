// The game being played: scenario, seed, role and the orders given so far. The state is
// always what the sim core computes from them; the session never changes it by hand.

import { loadBundledScenario } from '../content/index.ts';
import { isShownCopy, shownScenario } from '../i18n/content.ts';
import type { Difficulty, ReportMessage } from '../sim/types.ts';
import { applyWhatIfs, unknownWhatIf, unknownWhatIfMsg } from '../sim/whatif.ts';
import { scenarioById } from './content.ts';
import { legacyEnding } from './legacy-ending.ts';
import type { PlaySession } from './play-session.ts';
import { ProblemError, type ProblemMessage, problemOf, problem as said } from './problem.ts';
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
import type { Actor, CeasefireTerms, CheckResult, Order, OrderWarning, PlayerRole, PlayerView, ReplayFrame, Scenario, State, TurnReport, VerifiedReplay } from './sim-types.ts';

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
  /** The role a person plays (with `humans`, the one whose turn it is). */
  role: PlayerRole;
  /** Hot-seat: every role people play at this screen, in the order they take their turns (the computer plays the rest). */
  humans?: PlayerRole[];
  difficulty: Difficulty;
  /** Counterfactual switches of the scenario (src/sim/whatif.ts): the outcome explorer opens games with them. */
  whatIfs?: string[];
}

type Listener = () => void;

/** A game played at this screen: the whole state, the core run here. */
export class GameSession implements PlaySession {
  /** The scenario the sim plays, in English (its hash covers its text). */
  readonly model: Scenario;
  /** The scenario as the screens show it: its text in the player's language (src/i18n/content.ts). */
  get scenario(): Scenario {
    return shownScenario(this.model);
  }
  readonly seed: string;
  /** The role whose turn it is at the screen (in hot-seat, it changes as the screen is passed). */
  role: PlayerRole;
  /** Every role people play here, in turn order (one, or several at one screen). */
  readonly humans: readonly PlayerRole[];
  /** Hot-seat: the orders each person has given this fortnight, kept while the others give theirs. */
  private readonly handedIn = new Map<PlayerRole, Order[]>();
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
    // The sim plays the English scenario: a translated copy would hash differently.
    if (isShownCopy(scenario)) throw new Error('a translated copy of a scenario cannot be played (use session.model)');
    this.model = scenario;
    this.seed = setup.seed;
    this.humans = setup.humans && setup.humans.length > 1 ? [...setup.humans] : [setup.role];
    this.role = this.humans.includes(setup.role) ? setup.role : (this.humans[0] as PlayerRole);
    this.difficulty = setup.difficulty;
    this.whatIfs = [...(setup.whatIfs ?? [])];
    const { state, report } = core.newGameWithReport(scenario, setup.seed, [...this.humans], setup.difficulty);
    this.state = state;
    this.opening = report;
  }

  /**
   * A new game. Its scenario is loaded (fetched and validated) first, once; rejects with a
   * sentence for the player when it cannot be, or when the setup does not fit it.
   */
  static async start(setup: GameSetup): Promise<GameSession> {
    const entry = scenarioById(setup.scenarioId);
    if (!entry) throw new ProblemError(`Unknown scenario "${setup.scenarioId}".`, said('errors.scenario.unknown', { id: setup.scenarioId }));
    for (const role of setup.humans && setup.humans.length > 1 ? setup.humans : [setup.role]) {
      if (!entry.playable.includes(role)) throw new ProblemError(`The role "${role}" cannot be played in ${entry.title}.`, said('errors.session.roleNotPlayable', { role, scenario: entry.id }));
    }
    if (setup.humans && setup.humans.length > 1 && new Set(setup.humans).size !== setup.humans.length) throw new ProblemError('A role is given to people twice.', said('errors.session.roleTwice'));
    const scenario = await loadBundledScenario(entry.id);
    const problem = unknownWhatIf(scenario, setup.whatIfs ?? []);
    if (problem) throw new ProblemError(`${problem.charAt(0).toUpperCase()}${problem.slice(1)}.`, unknownWhatIfMsg(scenario, setup.whatIfs ?? [], true) as ProblemMessage);
    return new GameSession(applyWhatIfs(scenario, setup.whatIfs ?? []), setup);
  }

  /**
   * Rebuilds a saved game by replaying its orders, checking every order and (when the save
   * has them) every turn's state hash; rejects with a sentence for the player if one differs.
   * A save made before the ending's sentence left the state still matches (legacy-ending.ts).
   */
  static async restore(save: SaveFile): Promise<GameSession> {
    const session = await GameSession.start(save);
    for (let i = 0; i < save.orders.length; i++) {
      const turn = i + 1;
      if (session.state.ending) throw new ProblemError(`it goes on after the game ended (turn ${turn}).`, said('errors.restore.afterEnding', { turn }));
      const report = session.apply(save.orders[i] as Order[]);
      const rejected = report.rejected[0];
      if (rejected) {
        const { actor: by, kind } = rejected.order;
        throw new ProblemError(
          `on turn ${turn} it holds an order that was not allowed (${by} “${kind}”: ${rejected.problem.code}, ${rejected.problem.msg.key})`,
          said('errors.restore.illegalOrder', { turn, by, kind, problem: rejected.problem.msg }),
        );
      }
      const expected = save.hashes?.[i];
      if (expected !== undefined && !core.hashMatches(session.model, session.state, expected, legacyEnding)) {
        throw new ProblemError(`the game differs from the one saved from turn ${turn} on (the save was changed, or made by other rules).`, said('errors.restore.differs', { turn }));
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
      // Name the turn the game ended on, not the first turn of orders past it.
      if (session.state.ending) {
        const ended = session.state.ending.turn;
        throw new ProblemError(
          `its orders go on after the game ended (on turn ${ended}; the link has orders for ${turns.length} turns).`,
          said('errors.link.afterEnding', { turn: ended, count: turns.length }),
        );
      }
      const stray = turn.find((o) => !(session.humans as readonly string[]).includes(o.actor));
      if (stray) {
        throw new ProblemError(
          `on turn ${i + 1}, the order “${stray.kind}” is given by ${stray.actor}, whom no person plays in this game.`,
          said('errors.link.strayOrder', { turn: i + 1, kind: stray.kind, by: stray.actor }),
        );
      }
      for (const [n, role] of session.humans.entries()) {
        for (const order of turn.filter((o) => o.actor === role)) {
          const check = session.queue(order);
          if (!check.ok) {
            throw new ProblemError(
              `on turn ${i + 1}, the order “${order.kind}” is not allowed (${check.error.code}, ${check.error.msg.key})`,
              said('errors.link.notAllowed', { turn: i + 1, kind: order.kind, problem: check.error.msg }),
            );
          }
        }
        if (n < session.humans.length - 1) session.passToNext();
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
      ...(replay.humans.length > 1 ? { humans: [...replay.humans] } : {}),
      difficulty: replay.difficulty,
      ...(replay.whatIfs?.length ? { whatIfs: replay.whatIfs } : {}),
    });
    // The AI's reasons are not in the file (they follow from the state): worked out again, so
    // each turn report says why the other actors did what they did, as it did in play.
    for (let n = 1; n < frames.length; n++) {
      const before = frames[n - 1] as ReplayFrame;
      const ai = core.otherActorsOrders(verified.scenario, before.state, replay.humans);
      (frames[n] as ReplayFrame).report.reasonMsgs = ai.reasonMsgs;
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

  /** What starts this game again (a share link's fields). */
  get setup(): GameSetup {
    return {
      scenarioId: this.model.id,
      role: this.humans[0] as PlayerRole,
      ...(this.hotSeat ? { humans: [...this.humans] } : {}),
      seed: this.seed,
      difficulty: this.difficulty,
      ...(this.whatIfs.length ? { whatIfs: this.whatIfs } : {}),
    };
  }

  /** The people's own orders, turn by turn (what a share link carries). */
  playerOrders(): Order[][] {
    return this.history.map((turn) => turn.filter((o) => (this.humans as readonly string[]).includes(o.actor)));
  }

  /** More than one person plays at this screen. */
  get hotSeat(): boolean {
    return this.humans.length > 1;
  }

  /** Hot-seat: the next person to give orders this fortnight, or null when the turn can be resolved. */
  get nextSeat(): PlayerRole | null {
    if (!this.hotSeat) return null;
    const at = this.humans.indexOf(this.role);
    return at >= 0 && at < this.humans.length - 1 ? (this.humans[at + 1] as PlayerRole) : null;
  }

  /**
   * Hot-seat: this person has finished their orders; the screen passes to the next one. Their
   * queue is kept apart (it is not the next person's to see) until the turn resolves.
   */
  passToNext(): PlayerRole | null {
    const next = this.nextSeat;
    if (!next || this.readOnly) return null;
    this.handedIn.set(this.role, this.queued);
    this.queued = [];
    this.role = next;
    this.changed();
    return next;
  }

  private shown: { state: State; view: PlayerView } | null = null;

  /** What the role at the screen sees (the core's viewFor), worked out once per state and role. */
  view(): PlayerView {
    // Hot-seat: the same state is seen by several roles in turn; each sees its own view.
    if (this.shown?.state !== this.state || this.shown.view.role !== this.role) this.shown = { state: this.state, view: core.viewFor(this.model, this.state, this.role) };
    return this.shown.view;
  }

  /** At one screen no one waits for anyone: the turn resolves when its last person ends it. */
  readonly waiting = false;

  get actor(): Actor {
    return this.role;
  }

  get hash(): string {
    return core.stateHash(this.state);
  }

  get budget(): number {
    return core.budgetOf(this.model, this.role);
  }

  /** What the rules will do to the queued orders that their previews alone do not show (src/sim/warnings.ts). */
  get warnings(): OrderWarning[] {
    return this.readOnly ? [] : core.orderWarnings(this.model, this.state, this.role, this.queued);
  }

  /** The warnings this order would carry if it were queued now, beside the orders already queued. */
  warningsIf(order: Order): OrderWarning[] {
    if (this.readOnly) return [];
    const at = this.queued.length;
    return core.orderWarnings(this.model, this.state, this.role, [...this.queued, order]).filter((w) => w.order === at);
  }

  /** Budget the queued orders use (as the core prices them). */
  get budgetUsed(): number {
    let used = 0;
    const before: Order[] = [];
    for (const order of this.queued) {
      const check = core.checkOrder(this.model, this.state, order, before);
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
    return core.legalOrders(this.model, this.state, this.role);
  }

  check(order: Order): CheckResult {
    const check = core.checkOrder(this.model, this.state, order, this.queued);
    // A ceasefire proposal shows the answers it will get: the reckoning that decides, with the
    // computer's orders for this fortnight (src/sim/forecast.ts).
    if (check.ok && order.kind === 'propose-ceasefire') {
      const forecast = this.forecast(order.terms);
      return { ok: true, value: { ...check.value, riskMsgs: [...check.value.riskMsgs, ...forecast] } };
    }
    return check;
  }

  private forecasts: { state: State; lines: Map<string, ReportMessage[]> } | null = null;

  /** The forecast lines for these terms, worked out once per state (the computer's orders are a function of it). */
  private forecast(terms: CeasefireTerms): ReportMessage[] {
    if (this.forecasts?.state !== this.state) this.forecasts = { state: this.state, lines: new Map() };
    // Hot-seat: each person at the screen has their own forecast of the same state.
    const key = `${this.role}:${JSON.stringify(terms)}`;
    let lines = this.forecasts.lines.get(key);
    if (!lines) {
      lines = core.forecastMsgs(this.model, core.ceasefireForecast(this.model, this.state, this.role, terms));
      this.forecasts.lines.set(key, lines);
    }
    return lines;
  }

  isQueued(order: Order): boolean {
    const key = orderKey(order);
    return this.queued.some((q) => orderKey(q) === key);
  }

  queue(order: Order): CheckResult {
    if (this.readOnly) return { ok: false, error: { code: 'game-over', msg: { key: 'orders.problem.replay', values: {} } } };
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
    this.handedIn.set(this.role, this.queued);
    const people = this.humans.flatMap((r) => this.handedIn.get(r) ?? []);
    const others = core.otherActorsOrders(this.model, this.state, this.humans);
    const report = this.apply([...people, ...others.orders], others.reasonMsgs);
    this.queued = [];
    this.handedIn.clear();
    // The first person at the screen starts the next fortnight.
    this.role = this.humans[0] as PlayerRole;
    return report;
  }

  private apply(orders: Order[], reasonMsgs: TurnReport['reasonMsgs'] = {}): TurnReport {
    const { state, report } = core.resolveTurn(this.model, this.state, orders, reasonMsgs);
    this.state = state;
    this.history.push(orders);
    this.reports.push(report);
    this.hashes.push(core.stateHash(state));
    return report;
  }

  toSave(): SaveFile {
    return {
      version: SAVE_VERSION,
      scenarioId: this.model.id,
      seed: this.seed,
      role: this.role,
      ...(this.hotSeat ? { humans: [...this.humans] } : {}),
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
      core.makeReplay({ scenario: this.model, whatIfs: this.whatIfs, seed: this.seed, humans: [...this.humans], difficulty: this.difficulty, orders: this.history, hashes: this.hashes }),
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
/** What was said about a save set aside (its message code), so the menu can keep saying it after a redraw. */
let asideNotice: ProblemMessage | null = null;

/**
 * The autosave, if there is one that this build can read; never throws. One that cannot be
 * read is moved aside (never overwritten) and reported (`problemMsg`, a message code).
 */
export function readAutosave(storage: SaveStorage | null = browserStorage()): { save: SaveFile | null; problemMsg: ProblemMessage | null } {
  if (!storage) return { save: null, problemMsg: asideNotice };
  const read = readSlot(storage, AUTOSAVE_KEY, known);
  if (read.problemMsg) asideNotice = read.problemMsg;
  return read.save ? { save: read.save, problemMsg: null } : { save: null, problemMsg: asideNotice };
}

/** Every named slot (unreadable ones are set aside and reported, as for the autosave). */
export function readSlots(storage: SaveStorage | null = browserStorage()): SlotRead[] {
  const slots: SlotRead[] = [];
  for (let n = 1; n <= SLOT_COUNT; n++) {
    const key = slotKey(n);
    slots.push(storage ? readSlot(storage, key, known, n) : { key, save: null, problemMsg: null, aside: null });
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
): Promise<{ ok: true; session: GameSession } | { ok: false; problemMsg: ProblemMessage }> {
  if (scenarioById(save.scenarioId)) {
    try {
      await loadBundledScenario(save.scenarioId);
    } catch (error) {
      return { ok: false, problemMsg: said('errors.save.notOpenedNow', { reason: problemOf(error) }) };
    }
  }
  try {
    return { ok: true, session: await GameSession.restore(save) };
  } catch (error) {
    const problemMsg = said('errors.save.notRestored', { reason: problemOf(error) });
    if (!storage) return { ok: false, problemMsg };
    const read = setAsideWithNotice(storage, key, null, problemMsg);
    if (key === AUTOSAVE_KEY && read.problemMsg) asideNotice = read.problemMsg;
    return { ok: false, problemMsg: read.problemMsg ?? problemMsg };
  }
}

/** Reads and verifies a replay file's bytes (a file picker, a drop) into a read-only session; or why not, as a message code (src/ui/error-text.ts tells it). */
export async function openReplay(bytes: Uint8Array): Promise<{ ok: true; session: GameSession } | { ok: false; problemMsg: ProblemMessage }> {
  const cannot = (reason: ProblemMessage) => ({ ok: false as const, problemMsg: said('errors.replay.cannotOpen', { reason }) });
  const parsed = core.parseReplayBytes(bytes);
  if (!parsed.ok) return cannot(parsed.error.msg);
  // Its scenario, loaded if this build has it (an unknown one is reported by the verification).
  const id = parsed.value.scenario.id;
  let scenario: Scenario | undefined;
  if (scenarioById(id)) {
    try {
      scenario = await loadBundledScenario(id);
    } catch (error) {
      return cannot(problemOf(error));
    }
  }
  const verified = core.verifyReplay(parsed.value, (wanted) => (wanted === id ? scenario : undefined), { legacyEnding });
  if (!verified.ok) return cannot(verified.error.msg);
  try {
    return { ok: true, session: GameSession.fromReplay(verified.value) };
  } catch (error) {
    return cannot(problemOf(error));
  }
}
