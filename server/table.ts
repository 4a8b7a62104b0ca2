// A classroom table as a pure model over the sim core: no network, no database, no clock of
// its own (the time is passed in). The Colyseus room (room.ts) is a thin shell around it, and
// the store (store.ts) writes down what it does, so a table can be rebuilt by replaying.

import { legacyEnding } from '../src/game/legacy-ending.ts';
import type { SeatReport, SeatStanding, TableFigures } from '../src/net/protocol.ts';
import {
  actorsOf,
  type Controller,
  checkOrder,
  type Difficulty,
  hashMatches,
  makeReplay,
  newGameWithReport,
  type Order,
  type OrderProblem,
  otherActorsOrders,
  type PlayerRole,
  type PlayerView,
  type Replay,
  resolveTurn,
  type Scenario,
  type SideId,
  type State,
  stateHash,
  type TurnReport,
  viewFor,
} from '../src/sim/index.ts';

export interface TableConfig {
  scenario: string;
  whatIfs: string[];
  seed: string;
  difficulty: Difficulty;
  /** The roles people may take (the others, and an empty one, are the computer's). */
  seats: PlayerRole[];
  /** Seconds a turn may last from its start (0: no timer); when it runs out, queued orders stand. */
  timerSeconds: number;
}

export type TableStatus = 'lobby' | 'playing' | 'ended';

/** Why the table itself refuses something (the server's own words, English). */
export interface Problem {
  code: string;
  message: string;
}
export type Result<T, E = Problem> = { ok: true; value: T } | { ok: false; error: E };
const fail = (code: string, message: string): { ok: false; error: Problem } => ({ ok: false, error: { code, message } });

/** A turn that has been played: every actor's orders as given to resolveTurn, and the hash after. */
export interface PlayedTurn {
  orders: Order[];
  hash: string;
}

export interface TableMessage {
  id: number;
  turn: number;
  /** The seat it comes from (null: someone without a seat, e.g. the host watching). */
  from: PlayerRole | null;
  fromName: string;
  /** null: to everyone at the table. */
  to: PlayerRole | null;
  text: string;
}

export const MESSAGE_MAX = 500;

/** Who may read a message: everyone when it is to all, else the two seats (and the host). */
export function canRead(m: TableMessage, role: PlayerRole | null, host = false): boolean {
  return m.to === null || host || (role !== null && (m.to === role || m.from === role));
}

/** The side a role reads exactly (its own, or a backer's client), or null. */
function sideSeen(scenario: Scenario, role: PlayerRole): SideId | null {
  if (role === 'gna' || role === 'lna') return role;
  const backer = scenario.backers.find((b) => `backer:${b.id}` === role);
  return backer && backer.client !== 'none' ? backer.client : null;
}

/** The indicators before and after, without the inner figures of a side the role does not see. */
function seatStanding(standing: NonNullable<TurnReport['standing']>, seen: SideId | null): NonNullable<SeatReport['standing']> {
  const cut = (st: (typeof standing)['before']): SeatStanding => ({
    ...st,
    sides: {
      gna: seen === 'gna' ? st.sides.gna : { legitimacy: st.sides.gna.legitimacy },
      lna: seen === 'lna' ? st.sides.lna : { legitimacy: st.sides.lna.legitimacy },
    },
  });
  return { before: cut(standing.before), after: cut(standing.after) };
}

export function seatReport(report: TurnReport, role: PlayerRole, scenario?: Scenario): SeatReport {
  const side = role === 'gna' || role === 'lna' ? role : null;
  const r: SeatReport = {
    turn: report.turn,
    date: report.date,
    events: report.events.filter((e) => !e.visibleTo || e.visibleTo.includes(role)),
    rejected: report.rejected.filter((x) => x.order.actor === role),
    ledger: side ? { [side]: report.ledger.money[side], strength: { [side]: report.ledger.strength[side] } } : {},
    reasonMsgs: report.reasonMsgs,
  };
  if (report.standing) r.standing = seatStanding(report.standing, scenario ? sideSeen(scenario, role) : side);
  return r;
}

/** The places a teacher watches on every table (null where a scenario's map has no such place). */
export const KEY_PLACES = ['tripoli', 'sirte', 'al-jufra'] as const;

export type { TableFigures };

export function figuresOf(state: State): TableFigures {
  const held = (id: string): Controller | null => state.places[id]?.controller ?? null;
  return {
    turn: state.turn,
    date: state.date,
    holders: { tripoli: held('tripoli'), sirte: held('sirte'), 'al-jufra': held('al-jufra') },
    civilianDeaths: state.country.civilianCasualties,
    displaced: state.country.displaced,
    escalation: state.country.escalation,
    talks: state.talks.stage,
    oil: state.country.oilOutput,
  };
}

/** A teacher's news item waiting for the turn it fires at (the start of turn fireTurn). */
export interface PendingInject {
  fireTurn: number;
  fromName: string;
  text: string;
}

export class Table {
  readonly scenario: Scenario;
  readonly config: TableConfig;
  status: TableStatus = 'lobby';
  state: State;
  /** The opening report (turn 1's events), then the last turn's. */
  report: TurnReport;
  readonly turns: PlayedTurn[] = [];
  /** Each seat's orders queued for the turn in play. */
  readonly queued = new Map<PlayerRole, Order[]>();
  /** Seats whose people have ended the turn. */
  readonly ended = new Set<PlayerRole>();
  /** Seats with a person present (connected, or within the reconnection grace). */
  readonly present = new Set<PlayerRole>();
  readonly messages: TableMessage[] = [];
  /** When the turn in play must end (ms, the caller's clock), or null. */
  deadline: number | null = null;
  /** Paused by the teacher: no turn is resolved and the timer stands still. */
  paused = false;
  /** The teacher's injects not yet fired. */
  readonly injects: PendingInject[] = [];
  /** The headline figures at the start of every turn so far (index 0: the opening). */
  readonly figures: TableFigures[] = [];

  constructor(scenario: Scenario, config: TableConfig) {
    for (const role of config.seats) {
      if (!scenario.playable.includes(role)) throw new Error(`“${role}” cannot be played in ${scenario.title}.`);
    }
    this.scenario = scenario;
    this.config = config;
    const opening = newGameWithReport(scenario, config.seed, [...config.seats], config.difficulty);
    this.state = opening.state;
    this.report = opening.report;
    this.figures.push(figuresOf(this.state));
    for (const role of config.seats) this.queued.set(role, []);
  }

  get turn(): number {
    return this.state.turn;
  }

  isSeat(role: unknown): role is PlayerRole {
    return typeof role === 'string' && (this.config.seats as string[]).includes(role);
  }

  start(now: number): Result<null> {
    if (this.status !== 'lobby') return fail('started', 'The game has already started.');
    this.status = this.state.ending ? 'ended' : 'playing';
    this.armTimer(now);
    return { ok: true, value: null };
  }

  private armTimer(now: number): void {
    this.deadline = this.status === 'playing' && !this.paused && this.config.timerSeconds > 0 ? now + this.config.timerSeconds * 1000 : null;
  }

  /** The teacher pauses the table (no turn is played, the timer stops) or resumes it (the timer starts again in full). */
  setPaused(paused: boolean, now: number): Result<null> {
    if (this.status === 'ended') return fail('game-over', 'This table has ended.');
    if (this.paused === paused) return fail(paused ? 'paused' : 'not-paused', paused ? 'This table is already paused.' : 'This table is not paused.');
    this.paused = paused;
    this.armTimer(now);
    return { ok: true, value: null };
  }

  /**
   * The teacher changes the turn timer (seconds, 0: none): the turn in play is given the new
   * length from now (a paused table's timer stays stopped until it resumes).
   */
  setTimer(seconds: number, now: number): Result<null> {
    if (!Number.isInteger(seconds) || seconds < 0 || seconds > 3600) return fail('bad-timer', 'A turn timer is from 0 to 3,600 seconds.');
    this.config.timerSeconds = seconds;
    this.armTimer(now);
    return { ok: true, value: null };
  }

  /** Fires the injects due at the turn in play, as messages to everyone at the table. */
  fireInjects(): TableMessage[] {
    const out: TableMessage[] = [];
    for (let i = 0; i < this.injects.length; ) {
      const inject = this.injects[i]!;
      if (inject.fireTurn > this.state.turn) {
        i++;
        continue;
      }
      this.injects.splice(i, 1);
      const msg: TableMessage = { id: this.messages.length + 1, turn: this.state.turn, from: null, fromName: inject.fromName, to: null, text: inject.text };
      this.messages.push(msg);
      out.push(msg);
    }
    return out;
  }

  private canAct(role: PlayerRole, turn: number | undefined): Result<null> {
    if (this.status === 'lobby') return fail('not-started', 'The game has not started yet.');
    if (this.status === 'ended' || this.state.ending) return fail('game-over', 'The game is over: no more orders.');
    if (!this.isSeat(role)) return fail('wrong-seat', 'You do not hold a seat at this table.');
    if (turn !== undefined && turn !== this.state.turn) return fail('wrong-turn', `That was for turn ${turn}; the table is at turn ${this.state.turn}.`);
    return { ok: true, value: null };
  }

  /** Queues an order for a seat, checked by the core's own checks against that seat's queue (the core's refusal is a message code, OrderProblem). */
  queue(role: PlayerRole, raw: unknown, turn?: number): Result<{ index: number }, Problem | OrderProblem> {
    const can = this.canAct(role, turn);
    if (!can.ok) return can;
    if (this.ended.has(role)) return fail('turn-ended', 'Your seat has ended this turn: wait for the next.');
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail('malformed', 'This is not a valid order.');
    const actor = (raw as { actor?: unknown }).actor;
    if (actor !== role) return fail('wrong-seat', `An order for “${String(actor).slice(0, 40)}” cannot be given from the ${role} seat.`);
    const mine = this.queued.get(role) ?? [];
    const check = checkOrder(this.scenario, this.state, raw, mine);
    if (!check.ok) return { ok: false, error: check.error };
    mine.push(raw as Order);
    this.queued.set(role, mine);
    return { ok: true, value: { index: mine.length - 1 } };
  }

  cancel(role: PlayerRole, index: number, turn?: number): Result<null> {
    const can = this.canAct(role, turn);
    if (!can.ok) return can;
    if (this.ended.has(role)) return fail('turn-ended', 'Your seat has ended this turn: wait for the next.');
    const mine = this.queued.get(role) ?? [];
    if (!Number.isInteger(index) || index < 0 || index >= mine.length) return fail('no-such-order', 'There is no queued order with that number.');
    mine.splice(index, 1);
    return { ok: true, value: null };
  }

  end(role: PlayerRole, turn?: number): Result<null> {
    const can = this.canAct(role, turn);
    if (!can.ok) return can;
    this.ended.add(role);
    return { ok: true, value: null };
  }

  /** Seats with a person present who has not ended the turn. */
  waitingFor(): PlayerRole[] {
    return this.config.seats.filter((r) => this.present.has(r) && !this.ended.has(r));
  }

  /** Every person present has ended the turn, or the timer ran out. */
  ready(now: number): boolean {
    if (this.status !== 'playing' || this.paused) return false;
    if (this.deadline !== null && now >= this.deadline) return true;
    return this.present.size > 0 && this.waitingFor().length === 0;
  }

  /**
   * Plays the turn: the queued orders of every seat with a person, the computer's for every
   * other actor (an empty seat included). Returns the orders as recorded: an order the rules
   * refuse at resolution is dropped and the turn played again without it, so that the table's
   * replay holds only legal orders and verifies.
   */
  resolve(now: number): PlayedTurn {
    if (this.status !== 'playing') throw new Error('The table is not playing.');
    const people = new Set<string>(this.config.seats.filter((r) => this.present.has(r) || this.ended.has(r)));
    const ai = otherActorsOrders(this.scenario, this.state, null, (a) => !people.has(a));
    let orders: Order[] = [];
    for (const actor of actorsOf(this.scenario)) {
      if (people.has(actor)) orders.push(...(this.queued.get(actor as PlayerRole) ?? []));
    }
    orders.push(...ai.orders);
    let played = resolveTurn(this.scenario, this.state, orders, ai.reasonMsgs);
    if (played.report.rejected.length) {
      const refused = played.report.rejected;
      const rejected = new Set(refused.map((x) => x.order));
      orders = orders.filter((o) => !rejected.has(o));
      played = resolveTurn(this.scenario, this.state, orders, ai.reasonMsgs);
      played.report.rejected = refused;
    }
    return this.apply(orders, played, now);
  }

  private apply(orders: Order[], played: { state: State; report: TurnReport }, now: number): PlayedTurn {
    const turn: PlayedTurn = { orders, hash: stateHash(played.state) };
    this.turns.push(turn);
    this.state = played.state;
    this.report = played.report;
    this.figures.push(figuresOf(this.state));
    for (const role of this.config.seats) this.queued.set(role, []);
    this.ended.clear();
    if (this.state.ending) this.status = 'ended';
    this.armTimer(now);
    return turn;
  }

  /**
   * Replays a recorded turn (when a table is rebuilt from the store); false if its hash differs.
   * A table stored before the ending's sentence left the state still matches (legacy-ending.ts);
   * the turn is then kept with the state's hash as computed now.
   */
  replayTurn(turn: PlayedTurn, now: number): boolean {
    const played = resolveTurn(this.scenario, this.state, turn.orders);
    if (!hashMatches(this.scenario, played.state, turn.hash, legacyEnding)) return false;
    this.apply(turn.orders, played, now);
    return true;
  }

  /** Why a message cannot be sent, or null. */
  messageProblem(m: Pick<TableMessage, 'to' | 'text'>): Problem | null {
    const text = m.text.trim();
    if (!text) return { code: 'empty', message: 'The message is empty.' };
    if (text.length > MESSAGE_MAX) return { code: 'too-long', message: `A message may be at most ${MESSAGE_MAX} characters.` };
    if (m.to !== null && !this.isSeat(m.to)) return { code: 'no-such-seat', message: 'There is no such seat to write to.' };
    return null;
  }

  addMessage(m: Omit<TableMessage, 'id' | 'turn'>): Result<TableMessage> {
    const problem = this.messageProblem(m);
    if (problem) return { ok: false, error: problem };
    const msg: TableMessage = { ...m, text: m.text.trim(), id: this.messages.length + 1, turn: this.state.turn };
    this.messages.push(msg);
    return { ok: true, value: msg };
  }

  view(role: PlayerRole): PlayerView {
    return viewFor(this.scenario, this.state, role);
  }

  seatReport(role: PlayerRole): SeatReport {
    return seatReport(this.report, role, this.scenario);
  }

  replay(note?: string): Replay {
    return makeReplay({
      scenario: this.scenario,
      whatIfs: this.config.whatIfs,
      seed: this.config.seed,
      humans: this.config.seats,
      difficulty: this.config.difficulty,
      orders: this.turns.map((t) => t.orders),
      hashes: this.turns.map((t) => t.hash),
      ...(note ? { note } : {}),
    });
  }
}
