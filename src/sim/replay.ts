// Replay files: a versioned JSON record of one game — the rules version, the scenario and a
// hash of its content, the seed, the roles played by people, every order of every turn and
// the state hash after every turn. Reading one never trusts it: the text is size- and
// depth-checked before it is parsed, the shape is checked by a strict valibot schema, and
// verification replays the game turn by turn and names the first turn that differs.
import * as v from 'valibot';
import { canonicalJson, hashMatches, hashText, type LegacyEnding, stateHash } from './hash.ts';
import { orderSchema } from './orders.ts';
import { resolveTurn } from './resolve.ts';
import { newGameWithReport } from './setup.ts';
import { DIFFICULTIES, type Difficulty, type Order, PLAYER_ROLE_PATTERN, type PlayerRole, type ProblemMessage, type Scenario, type State, type TurnReport } from './types.ts';
import { RULES_VERSION } from './version.ts';
import { applyWhatIfs, unknownWhatIfMsg } from './whatif.ts';

/** The replay format this build writes. Older formats are migrated on reading (MIGRATIONS). */
export const REPLAY_FORMAT = 'ceasefire-line-replay';
export const REPLAY_VERSION = 1;
/** Limits on what is read: a whole game is about 12 KB, so these leave a wide margin. */
export const REPLAY_LIMITS = { bytes: 1_000_000, depth: 12, turns: 200, ordersPerTurn: 400, noteLength: 500, humans: 20 } as const;

export interface Replay {
  format: typeof REPLAY_FORMAT;
  version: number;
  rulesVersion: number;
  /** The scenario's id and the hash of its content as played (with the what-ifs applied). */
  scenario: { id: string; hash: string };
  /** The counterfactual switches the game was played with (whatif.ts), if any. */
  whatIfs?: string[];
  seed: string;
  /** The roles people played (their orders are in the file like everyone else's). */
  humans: PlayerRole[];
  difficulty: Difficulty;
  /** A free note (shown as text, never as HTML). */
  note?: string;
  turns: { orders: Order[]; hash: string }[];
}

export type ReplayProblemCode =
  | 'too-large'
  | 'not-utf8'
  | 'not-json'
  | 'too-deep'
  | 'forbidden-key'
  | 'not-a-replay'
  | 'newer-format'
  | 'bad-shape'
  | 'other-rules'
  | 'unknown-scenario'
  | 'unknown-what-if'
  | 'scenario-changed'
  | 'illegal-order'
  | 'after-ending'
  | 'diverged';

export interface ReplayProblem {
  code: ReplayProblemCode;
  /** What is wrong, as a message code (locales/<lang>/errors.json): src/ui/error-text.ts tells it in the player's language, the CLI in English. */
  msg: ProblemMessage;
  /** The turn (1-based) where the problem is, for illegal orders and divergence. */
  turn?: number;
}

export type ReplayResult<T> = { ok: true; value: T } | { ok: false; error: ReplayProblem };

const fail = (code: ReplayProblemCode, msg: ProblemMessage, turn?: number): { ok: false; error: ReplayProblem } => ({
  ok: false,
  error: turn === undefined ? { code, msg } : { code, msg, turn },
});
const m = (key: string, values: ProblemMessage['values'] = {}): ProblemMessage => ({ key, values });

/** The validator's own words for the game's schemas (replays, saves, links), each as a message code. */
const ISSUES: [RegExp, string][] = [
  [/^must be a 16-digit hex hash$/, 'errors.issue.hexHash'],
  [/^must be a scenario id$/, 'errors.issue.scenarioId'],
  [/^must be a what-if id$/, 'errors.issue.whatIfId'],
  [/^must be gna, lna, mediator or backer:<id>$/, 'errors.issue.role'],
  [/^not a scenario id$/, 'errors.issue.notScenarioId'],
  [/^not a role \(gna, lna, mediator or backer:<id>\)$/, 'errors.issue.notRole'],
  [/^not a state hash$/, 'errors.issue.notStateHash'],
  [/^not a what-if id$/, 'errors.issue.notWhatIfId'],
  [/^a hot-seat game has at least two people$/, 'errors.issue.hotSeatTwo'],
  [/^a what-if is listed twice$/, 'errors.issue.whatIfTwice'],
  [/^a role is listed twice$/, 'errors.issue.roleTwice'],
  [/^unknown actor$/, 'errors.issue.unknownActor'],
  [/^at most (\d+) orders per turn$/, 'errors.issue.ordersPerTurn'],
  [/^at most (\d+) orders in a turn$/, 'errors.issue.ordersInTurn'],
  [/^at most (\d+) turns$/, 'errors.issue.turns'],
  [/^unexpected content$/, 'errors.issue.unexpected'],
];

/**
 * A validator's message (valibot's, or a schema's own) as a message code: valibot's
 * "Invalid <what>: Expected <x> but received <y>" keeps <what>, <x> and <y> as values (a kind
 * word, and the values as the validator writes them); the schemas' own messages have keys. A
 * message of neither form is kept as it is ("errors.text").
 */
export function issueMsg(message: string): ProblemMessage {
  const expected = /^Invalid (\w+): Expected (.*) but received (.*)$/s.exec(message);
  if (expected) return m('errors.issue.expected', { what: expected[1] as string, expected: expected[2] as string, received: expected[3] as string });
  const received = /^Invalid (\w+): Received (.*)$/s.exec(message);
  if (received) return m('errors.issue.received', { what: received[1] as string, received: received[2] as string });
  for (const [pattern, key] of ISSUES) {
    const found = pattern.exec(message);
    if (found) return m(key, found[1] === undefined ? {} : { n: Number(found[1]) });
  }
  return m('errors.text', { text: message });
}

/** The content hash of a loaded scenario: any change to its data (or its map) changes it. */
export function scenarioHash(scenario: Scenario): string {
  return hashText(canonicalJson(scenario));
}

// ---- Bytes and text -------------------------------------------------------------------------

/** Strict UTF-8 decoding (no DOM or Node here): any malformed byte sequence is refused. */
export function decodeUtf8(bytes: Uint8Array): ReplayResult<string> {
  let out = '';
  let chunk: number[] = [];
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const bad = (at: number) => fail('not-utf8', m('errors.file.notUtf8', { at: String(at) }));
  while (i < bytes.length) {
    const b = bytes[i] as number;
    let cp: number;
    let need: number;
    let min: number;
    if (b < 0x80) {
      cp = b;
      need = 0;
      min = 0;
    } else if (b >= 0xc2 && b < 0xe0) {
      cp = b & 0x1f;
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b < 0xf0) {
      cp = b & 0x0f;
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b < 0xf5) {
      cp = b & 0x07;
      need = 3;
      min = 0x10000;
    } else return bad(i);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return bad(i);
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return bad(i);
    chunk.push(cp);
    if (chunk.length >= 4096) {
      out += String.fromCodePoint(...chunk);
      chunk = [];
    }
    i += need + 1;
  }
  out += String.fromCodePoint(...chunk);
  return { ok: true, value: out };
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * JSON from outside: refuses text over `maxChars`, nesting deeper than `maxDepth` (checked by
 * a scan before parsing, so a hostile file cannot exhaust the stack), and the keys
 * __proto__, constructor and prototype anywhere. `subject` is what is read, as the messages'
 * select names it: a saved game, a link's orders, or a file.
 */
export function parseUntrustedJson(text: string, maxChars: number, maxDepth: number, subject: 'save' | 'link' | 'file' = 'file'): ReplayResult<unknown> {
  if (text.length > maxChars) {
    return fail('too-large', m('errors.json.tooLarge', { what: subject, size: text.length, limit: maxChars }));
  }
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > maxDepth) return fail('too-deep', m('errors.json.tooDeep', { what: subject, depth: maxDepth }));
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    const trimmed = text.trim();
    const cut = /^[[{]/.test(trimmed);
    return trimmed.length === 0
      ? fail('not-json', m('errors.json.empty', { what: subject }))
      : fail('not-json', m('errors.json.notJson', { what: subject, cut: cut ? 'yes' : 'no' }));
  }
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      for (const item of node) stack.push(item);
      continue;
    }
    for (const key of Object.keys(node)) {
      if (FORBIDDEN_KEYS.has(key)) return fail('forbidden-key', m('errors.json.forbiddenKey', { what: subject, name: key }));
      stack.push((node as Record<string, unknown>)[key]);
    }
  }
  return { ok: true, value: data };
}

// ---- Shape ----------------------------------------------------------------------------------

const hex16 = v.pipe(v.string(), v.regex(/^[0-9a-f]{16}$/, 'must be a 16-digit hex hash'));
const turnSchema = v.strictObject({
  orders: v.pipe(v.array(orderSchema), v.maxLength(REPLAY_LIMITS.ordersPerTurn, `at most ${REPLAY_LIMITS.ordersPerTurn} orders per turn`)),
  hash: hex16,
});
const replaySchema = v.strictObject({
  format: v.literal(REPLAY_FORMAT),
  version: v.literal(REPLAY_VERSION),
  rulesVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
  scenario: v.strictObject({ id: v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,60}$/, 'must be a scenario id')), hash: hex16 }),
  whatIfs: v.optional(
    v.pipe(
      v.array(v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,60}$/, 'must be a what-if id'))),
      v.maxLength(20),
      v.check((ids) => new Set(ids).size === ids.length, 'a what-if is listed twice'),
    ),
  ),
  seed: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  humans: v.pipe(
    v.array(v.pipe(v.string(), v.regex(PLAYER_ROLE_PATTERN, 'must be gna, lna, mediator or backer:<id>'))),
    v.maxLength(REPLAY_LIMITS.humans),
    v.check((rs) => new Set(rs).size === rs.length, 'a role is listed twice'),
  ),
  difficulty: v.picklist(DIFFICULTIES),
  note: v.optional(v.pipe(v.string(), v.maxLength(REPLAY_LIMITS.noteLength))),
  turns: v.pipe(v.array(turnSchema), v.maxLength(REPLAY_LIMITS.turns, `at most ${REPLAY_LIMITS.turns} turns`)),
});

/**
 * Migrations from older replay versions to the next one, keyed by the version they read.
 * There is only version 1 so far; a future version 2 adds `1: (old) => new` here.
 */
const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {};

/** Reads a replay file's bytes (what a file picker, a drop or the disk gives). */
export function parseReplayBytes(bytes: Uint8Array): ReplayResult<Replay> {
  if (bytes.length > REPLAY_LIMITS.bytes) {
    return fail('too-large', m('errors.replay.tooLarge', { size: bytes.length, limit: REPLAY_LIMITS.bytes }));
  }
  const text = decodeUtf8(bytes);
  if (!text.ok) return text;
  return parseReplay(text.value);
}

/** Reads a replay file's text: size, depth, forbidden keys, version, then the strict shape. */
export function parseReplay(text: string): ReplayResult<Replay> {
  const json = parseUntrustedJson(text, REPLAY_LIMITS.bytes, REPLAY_LIMITS.depth, 'file');
  if (!json.ok) return json;
  let data = json.value;
  if (data === null || typeof data !== 'object' || Array.isArray(data) || (data as Record<string, unknown>).format !== REPLAY_FORMAT) {
    return fail('not-a-replay', m('errors.replay.notReplay'));
  }
  const declared = (data as Record<string, unknown>).version;
  if (typeof declared !== 'number' || !Number.isInteger(declared) || declared < 1) {
    return fail('bad-shape', m('errors.replay.noVersion'));
  }
  let version: number = declared;
  if (version > REPLAY_VERSION) {
    return fail(
      'newer-format', m('errors.replay.newer', { version, reads: REPLAY_VERSION }),
    );
  }
  while (version < REPLAY_VERSION) {
    const migrate = MIGRATIONS[version];
    if (!migrate) return fail('bad-shape', m('errors.replay.oldFormat', { version }));
    data = migrate(data as Record<string, unknown>);
    version = (data as Record<string, unknown>).version as number;
  }
  const parsed = v.safeParse(replaySchema, data);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = issue ? v.getDotPath(issue) : null;
    // The path and the validator's words are technical details: values, shown as they are.
    const detail = issue?.message ?? 'unexpected content';
    return fail(
      'bad-shape', path ? m('errors.replay.damagedAt', { path, detail: issueMsg(detail) }) : m('errors.replay.damaged', { detail: issueMsg(detail) }),
    );
  }
  return { ok: true, value: parsed.output as Replay };
}

// ---- Making and checking --------------------------------------------------------------------

export interface ReplayInput {
  /** The scenario as played: with the what-ifs below already applied. */
  scenario: Scenario;
  whatIfs?: readonly string[];
  seed: string;
  humans: readonly PlayerRole[];
  difficulty: Difficulty;
  /** Every turn's orders as given to resolveTurn (people's and the AI's). */
  orders: readonly (readonly Order[])[];
  /** The state hash after each turn; computed when not given. */
  hashes?: readonly string[];
  note?: string;
}

export function makeReplay(input: ReplayInput): Replay {
  let hashes = input.hashes;
  if (!hashes || hashes.length !== input.orders.length) {
    let state = newGameWithReport(input.scenario, input.seed, [...input.humans], input.difficulty).state;
    const computed: string[] = [];
    for (const orders of input.orders) {
      state = resolveTurn(input.scenario, state, orders).state;
      computed.push(stateHash(state));
    }
    hashes = computed;
  }
  const replay: Replay = {
    format: REPLAY_FORMAT,
    version: REPLAY_VERSION,
    rulesVersion: RULES_VERSION,
    scenario: { id: input.scenario.id, hash: scenarioHash(input.scenario) },
    ...(input.whatIfs?.length ? { whatIfs: [...input.whatIfs] } : {}),
    seed: input.seed,
    humans: [...input.humans],
    difficulty: input.difficulty,
    turns: input.orders.map((orders, i) => ({ orders: orders.map((o) => ({ ...o })), hash: hashes[i] as string })),
  };
  if (input.note) replay.note = input.note.slice(0, REPLAY_LIMITS.noteLength);
  return replay;
}

/** The replay as file text (stable: two exports of the same game are the same bytes). */
export function replayText(replay: Replay): string {
  const { turns, ...head } = replay;
  const top = JSON.stringify(head, null, 1).slice(0, -2);
  return `${top},\n "turns": [\n${turns.map((t) => `  ${JSON.stringify(t)}`).join(',\n')}\n ]\n}\n`;
}

export interface ReplayFrame {
  /** 0 is the start of the game; frame n is the state after turn n. */
  state: State;
  report: TurnReport;
  hash: string;
}

export interface VerifiedReplay {
  replay: Replay;
  scenario: Scenario;
  /** frames[0] is the opening; frames[n] the state and report after turn n. */
  frames: ReplayFrame[];
}

function orderTarget(order: Order): unknown {
  const o = order as unknown as Record<string, unknown>;
  return o.target ?? o.to ?? o.place ?? o.formation ?? o.backer ?? o.event;
}

/** An order as a message: the actor, the kind and the target are ids, shown as the file has them. */
function orderMsg(order: Order): ProblemMessage {
  const target = orderTarget(order);
  return typeof target === 'string' ? m('errors.order.withTarget', { by: order.actor, kind: order.kind, target }) : m('errors.order.bare', { by: order.actor, kind: order.kind });
}

export interface VerifyOptions {
  /**
   * The ending's English sentence, for replays written before the core stopped putting it in the
   * final state (see hashMatches): without it, such a replay's last turn does not verify.
   */
  legacyEnding?: LegacyEnding;
}

/**
 * Plays the replay from its start and checks it turn by turn: the rules version, the scenario
 * and its content, then every order's legality and the state hash after every turn. The first
 * problem stops the check and names its turn. A frame's hash is the state's own, as computed now.
 */
export function verifyReplay(replay: Replay, findScenario: (id: string) => Scenario | undefined, options: VerifyOptions = {}): ReplayResult<VerifiedReplay> {
  if (replay.rulesVersion !== RULES_VERSION) {
    return fail(
      'other-rules', m('errors.replay.otherRules', { version: replay.rulesVersion, rules: RULES_VERSION }),
    );
  }
  const base = findScenario(replay.scenario.id);
  if (!base) return fail('unknown-scenario', m('errors.replay.unknownScenario', { id: replay.scenario.id }));
  const whatIfs = replay.whatIfs ?? [];
  const unknown = unknownWhatIfMsg(base, whatIfs, false);
  if (unknown) return fail('unknown-what-if', m('errors.replay.unknownWhatIf', { reason: unknown }));
  const scenario = applyWhatIfs(base, whatIfs);
  if (scenarioHash(scenario) !== replay.scenario.hash) {
    return fail(
      'scenario-changed', m('errors.replay.scenarioChanged', { scenario: scenario.id }),
    );
  }
  for (const role of replay.humans) {
    if (!scenario.playable.includes(role)) {
      return fail('bad-shape', m('errors.replay.roleNotPlayable', { role, scenario: scenario.id }));
    }
  }
  const opening = newGameWithReport(scenario, replay.seed, replay.humans, replay.difficulty);
  const frames: ReplayFrame[] = [{ state: opening.state, report: opening.report, hash: stateHash(opening.state) }];
  let state = opening.state;
  for (let i = 0; i < replay.turns.length; i++) {
    const turn = replay.turns[i] as Replay['turns'][number];
    const n = i + 1;
    if (state.ending) return fail('after-ending', m('errors.replay.afterEnding', { turn: n }), n);
    const { state: next, report } = resolveTurn(scenario, state, turn.orders);
    const rejected = report.rejected[0];
    if (rejected) {
      return fail(
        'illegal-order', m('errors.replay.illegalOrder', { turn: n, order: orderMsg(rejected.order), problem: rejected.problem.msg }),
        n,
      );
    }
    const hash = stateHash(next);
    // (hashMatches hashes again only when the hash differs: an old record's last turn, or a fault.)
    if (hash !== turn.hash && !hashMatches(scenario, next, turn.hash, options.legacyEnding)) {
      return fail(
        'diverged', m('errors.replay.diverged', { turn: n }),
        n,
      );
    }
    frames.push({ state: next, report, hash });
    state = next;
  }
  return { ok: true, value: { replay, scenario, frames } };
}

/** Reads and verifies in one step. */
export function loadReplay(text: string, findScenario: (id: string) => Scenario | undefined, options: VerifyOptions = {}): ReplayResult<VerifiedReplay> {
  const parsed = parseReplay(text);
  if (!parsed.ok) return parsed;
  return verifyReplay(parsed.value, findScenario, options);
}
