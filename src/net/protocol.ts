// The classroom protocol: what a browser may send the table server, checked by valibot schemas
// (unknown fields refused), and what the server sends back. Shared by server/ and the browser
// client; no Node, no DOM.
import * as v from 'valibot';
import type { Concept, Difficulty, Ending, Order, OrderPreview, OrderProblem, OrderWarning, PendingChoice, PlayerRole, PlayerView, ReportEvent, ReportMessage, Result, TurnReport } from '../sim/index.ts';
import { DIFFICULTIES } from '../sim/types.ts';

export const NAME_MAX = 40;
export const TEXT_MAX = 500;
export const ROOM_NAME = 'table';
/** The nesting an incoming message may have (an order with ceasefire terms needs 4). */
export const INPUT_DEPTH = 6;
/** Largest websocket frame the server accepts, in bytes. */
export const MAX_FRAME = 16 * 1024;

const roleId = v.pipe(v.string(), v.regex(/^(gna|lna|mediator|backer:[a-z0-9-]{1,40})$/, 'not a seat'));
const turn = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000));
const name = v.pipe(
  v.string(),
  v.trim(),
  v.minLength(1, 'a name is needed'),
  v.maxLength(NAME_MAX, `a name has at most ${NAME_MAX} characters`),
  v.regex(/^[^\p{Cc}\p{Cf}]*$/u, 'no control characters'),
);

/** Options to host a new table. */
export const hostSchema = v.strictObject({
  name,
  scenario: v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,60}$/, 'not a scenario id')),
  seats: v.pipe(v.array(roleId), v.minLength(1, 'at least one seat for people'), v.maxLength(20)),
  seed: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(60))),
  difficulty: v.optional(v.picklist(DIFFICULTIES)),
  timerSeconds: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(3600))),
  whatIfs: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(60))), v.maxLength(20))),
  token: v.optional(v.pipe(v.string(), v.maxLength(64))),
});
export type HostOptions = v.InferOutput<typeof hostSchema>;

/** Options to join a table by its code (token: to take one's seat back). */
export const joinSchema = v.strictObject({
  name,
  code: v.pipe(v.string(), v.maxLength(12)),
  token: v.optional(v.pipe(v.string(), v.maxLength(64))),
});
export type JoinOptions = v.InferOutput<typeof joinSchema>;

/** Every message a client may send, by type. */
export const clientMessages = {
  seat: v.strictObject({ role: v.nullable(roleId) }),
  assign: v.strictObject({ person: v.pipe(v.string(), v.maxLength(40)), role: v.nullable(roleId) }),
  start: v.strictObject({}),
  order: v.strictObject({ turn, order: v.unknown() }),
  /** The preview of an order the seat composes (a ceasefire's terms): answered with a `preview` message. */
  preview: v.strictObject({ turn, order: v.unknown() }),
  cancel: v.strictObject({ turn, index: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100)) }),
  end: v.strictObject({ turn }),
  message: v.strictObject({ to: v.nullable(roleId), text: v.pipe(v.string(), v.maxLength(TEXT_MAX * 2)) }),
  replay: v.strictObject({}),
  /** The host's record of the table for the debrief: the replay, every message, who sat where. */
  record: v.strictObject({}),
  /** Send me again who I am, the messages I may read and my seat's view (after a reconnection). */
  sync: v.strictObject({}),
} as const;
export type ClientMessageType = keyof typeof clientMessages;
export type ClientMessage<K extends ClientMessageType> = v.InferOutput<(typeof clientMessages)[K]>;

/**
 * Checks a message from outside before any schema looks at it: depth, and no keys that
 * could reach an object's prototype. Returns a sentence, or null when it is fine.
 */
export function unsafeInput(x: unknown, depth = 0): string | null {
  if (depth > INPUT_DEPTH) return `nested deeper than ${INPUT_DEPTH} levels`;
  if (typeof x !== 'object' || x === null) return null;
  if (Array.isArray(x)) {
    for (const item of x) {
      const bad = unsafeInput(item, depth + 1);
      if (bad) return bad;
    }
    return null;
  }
  const proto = Object.getPrototypeOf(x);
  if (proto !== Object.prototype && proto !== null) return 'not a plain object';
  for (const key of Object.keys(x)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') return `the key “${key}” is not allowed`;
    const bad = unsafeInput((x as Record<string, unknown>)[key], depth + 1);
    if (bad) return bad;
  }
  return null;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

export function parseInput<S extends v.GenericSchema>(schema: S, x: unknown): Parsed<v.InferOutput<S>> {
  const bad = unsafeInput(x);
  if (bad) return { ok: false, message: `The message is refused: ${bad}.` };
  const r = v.safeParse(schema, x);
  if (r.success) return { ok: true, value: r.output };
  const issue = r.issues[0];
  const path = issue ? v.getDotPath(issue) : null;
  return { ok: false, message: `The message is refused: ${path ? `${path}: ` : ''}${issue?.message ?? 'unexpected content'}.` };
}

// ---- What the server sends ----------------------------------------------------------------

/** Sent once on joining: who you are at this table. Keep the token to take your seat back. */
export interface Welcome {
  code: string;
  token: string;
  name: string;
  role: PlayerRole | null;
  host: boolean;
  scenario: string;
  title: string;
  seats: PlayerRole[];
  seed: string;
  difficulty: Difficulty;
  timerSeconds: number;
  whatIfs: string[];
}

/**
 * A message the server refused (`type`), and why: the server's own refusals say it in English
 * (`message`); an order the core refused says it as the core does, a message code (`msg`,
 * OrderProblem.msg, locales/<lang>/orders.json) the seat's screen tells in its player's language.
 */
export type Rejection = { type: string; code: string } & ({ message: string } | { msg: ReportMessage });

/** One seat's state of the game: its own view (fog of war), its report, its queue. */
export interface SeatUpdate {
  turn: number;
  role: PlayerRole;
  view: PlayerView;
  report: SeatReport;
  queued: Order[];
  /** The orders the seat may give now (the core's legalOrders; each is checked again when queued). */
  legal: Order[];
  /** legal[i]'s preview beside the queue: cost, odds and risks as the core works them out on the true state. */
  previews: SeatPreview[];
  /** The budget the queued orders use (the core's prices) and the warnings the rules give them. */
  budgetUsed: number;
  warnings: OrderWarning[];
  /** The choices waiting for this seat's answer, and the concepts the game has met so far. */
  pending: PendingChoice[];
  concepts: Concept[];
  ended: boolean;
  ending: Ending | null;
  /**
   * True on the first update of a new turn, sent as soon as the turn is resolved: the view, the
   * report and the choices, with `legal`, `previews`, `budgetUsed` and `warnings` left empty —
   * the full update, with them, follows a moment later (worked out after every table that
   * resolved at the same moment has sent its views).
   */
  ordersComing?: boolean;
}

/** One order's preview for a seat: the core's check (an attack's exact enemy figure left out) and its warnings. */
export interface SeatPreview {
  check: Result<OrderPreview, OrderProblem>;
  warnings: OrderWarning[];
}

/** The answer to a `preview` message. */
export interface PreviewAnswer extends SeatPreview {
  turn: number;
  order: Order;
}

/**
 * What one seat reads of a turn report: the events it saw, its own rejected orders and money,
 * and the indicators before and after as its panels show them (another side's inner figures,
 * which its view does not hold, are left out).
 */
export interface SeatReport {
  turn: number;
  date: string;
  events: ReportEvent[];
  standing?: { before: SeatStanding; after: SeatStanding };
  rejected: TurnReport['rejected'];
  /** Its own side's ledger (none for a seat that is not a side). */
  ledger: Partial<TurnReport['ledger']['money']> & { strength?: Partial<TurnReport['ledger']['strength']> };
  /** The AI's reasons for its orders, as message codes. */
  reasonMsgs: TurnReport['reasonMsgs'];
}

type Standing = NonNullable<TurnReport['standing']>['before'];
/** The indicators as a seat's panels show them: a side's legitimacy is public, its inner figures are its own (and its backers'). */
export type SeatStanding = Omit<Standing, 'sides'> & {
  sides: Record<keyof Standing['sides'], Partial<Standing['sides']['gna']> & Pick<Standing['sides']['gna'], 'legitimacy'>>;
};

export interface NetMessage {
  id: number;
  turn: number;
  from: PlayerRole | null;
  fromName: string;
  to: PlayerRole | null;
  text: string;
}

// ---- Classes: a teacher, several tables, students seated (server/class-room.ts) -------------

export const CLASS_ROOM_NAME = 'class';
/** Most tables in one class (a class of 60 at one seat each, or teams). */
export const CLASS_TABLES_MAX = 20;
/** The longest news item a teacher may write. */
export const MESSAGE_MAX_TEACHER = TEXT_MAX;

const classCode = v.pipe(v.string(), v.maxLength(12));
const teacherKey = v.pipe(v.string(), v.minLength(1), v.maxLength(80));

/** Options to create a class (the teacher's browser). */
export const classCreateSchema = v.strictObject({
  create: v.literal(true),
  name,
  scenario: v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,60}$/, 'not a scenario id')),
  tables: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(CLASS_TABLES_MAX)),
  seats: v.pipe(v.array(roleId), v.minLength(1, 'at least one seat for people'), v.maxLength(20)),
  sameSeed: v.boolean(),
  seed: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(60))),
  difficulty: v.optional(v.picklist(DIFFICULTIES)),
  timerSeconds: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(3600))),
  whatIfs: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(60))), v.maxLength(20))),
});
export type ClassCreateOptions = v.InferOutput<typeof classCreateSchema>;

/** The teacher opens the console again: the class code and the teacher key. */
export const teacherJoinSchema = v.strictObject({ classCode, key: teacherKey });
/** A student joins a class (token: to be the same student again). */
export const studentJoinSchema = v.strictObject({ classCode, name, token: v.optional(v.pipe(v.string(), v.maxLength(64))) });

const tableNo = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(CLASS_TABLES_MAX));

/** Every message the console may send; only the teacher's connection may send any but sync. */
export const classMessages = {
  sync: v.strictObject({}),
  seat: v.strictObject({ token: v.pipe(v.string(), v.maxLength(64)), table: tableNo, role: roleId }),
  balance: v.strictObject({}),
  start: v.strictObject({}),
  pause: v.strictObject({ table: v.nullable(tableNo), paused: v.boolean() }),
  endSeat: v.strictObject({ table: tableNo, role: roleId }),
  inject: v.strictObject({
    table: v.nullable(tableNo),
    text: v.optional(v.pipe(v.string(), v.maxLength(TEXT_MAX * 2))),
    event: v.optional(v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,60}$/, 'not an event id'))),
  }),
  /** Open one table in full (the whole state, no fog): answered with an `inspect` message. */
  inspect: v.strictObject({ table: tableNo }),
  /** The turn timer of every table (seconds, 0: none), from the turn in play on. */
  timer: v.strictObject({ seconds: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(3600)) }),
} as const;
export type ClassMessageType = keyof typeof classMessages;

/** A table's headline figures at the start of a turn. */
export interface TableFigures {
  turn: number;
  date: string;
  holders: Record<'tripoli' | 'sirte' | 'al-jufra', 'gna' | 'lna' | 'local' | null>;
  civilianDeaths: number;
  displaced: number;
  escalation: number;
  talks: string;
  oil: number;
}

/** One table as the console sees it (the teacher sees everything). */
export interface ConsoleTable {
  no: number;
  code: string;
  seed: string;
  status: 'lobby' | 'playing' | 'ended';
  paused: boolean;
  turn: number;
  waitingFor: string[];
  seats: { role: string; names: string[]; connected: number; ended: boolean }[];
  /** The figures at the start of every turn so far (the last: now). */
  figures: TableFigures[];
  ending: { kind: string; winner: string | null; turn: number; scores: Record<string, number> } | null;
  messages: NetMessage[];
  /** Injects waiting for the next turn. */
  injects: { fireTurn: number; text: string }[];
  /** The turn timer (seconds, 0: none) and when the turn in play ends (epoch ms, 0: no deadline). */
  timerSeconds: number;
  deadline: number;
}

/**
 * One table in full, for the teacher only (the answer to `inspect`): everything needed to
 * rebuild every state and turn report of the table by replaying its orders from its seed (the
 * game is a pure function of them), checked against the table's own hashes, and the orders
 * each seat has queued for the turn in play.
 */
export interface TableInspect {
  no: number;
  code: string;
  scenario: string;
  whatIfs: string[];
  seed: string;
  difficulty: Difficulty;
  seats: string[];
  status: 'lobby' | 'playing' | 'ended';
  /** Every actor's orders, turn by turn, as given to resolveTurn, and the hash after each turn. */
  turns: { orders: unknown[]; hash: string }[];
  queued: Record<string, unknown[]>;
  ended: string[];
}

export interface ClassStudent {
  token: string;
  name: string;
  table: number | null;
  role: string | null;
  connected: boolean;
}

/** Sent to the teacher whenever something changes. */
export interface ClassView {
  code: string;
  title: string;
  scenario: string;
  status: 'gathering' | 'playing';
  /** The class's turn timer now (seconds, 0: none); the teacher may change it while the tables play. */
  timerSeconds: number;
  tables: ConsoleTable[];
  students: ClassStudent[];
}

/** Sent once to whoever joins a class. */
export interface ClassWelcome {
  teacher: boolean;
  code: string;
  title: string;
  scenario: string;
  name: string;
  /** The teacher key: only to the teacher, only when the class is created. */
  key?: string;
  /** A student's token (to be the same student again). */
  token?: string;
  seats: string[];
  tables: number;
  timerSeconds: number;
  /** The scenario's events, for an inject (the teacher's only). */
  events?: { id: string; title: string }[];
  /** The teacher's only: what the computer-played games of the debrief's distribution need. */
  seed?: string;
  difficulty?: Difficulty;
  whatIfs?: string[];
}

/** A student's place: the table and seat, and the table's code once the class plays. */
export interface StudentPlace {
  table: number | null;
  role: string | null;
  status: 'gathering' | 'playing';
  tableCode: string | null;
}
