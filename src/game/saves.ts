// Saved games in the browser's storage: the autosave and named slots. A save is a small
// versioned record (scenario, seed, role, difficulty, every order of every turn and the state
// hash after each), read through a strict schema with a migration path from older versions.
// A save that cannot be read is never overwritten: it is moved aside under a key of its own
// and reported, and the game goes on. Storage is passed in, so this runs in Node tests too.
import * as v from 'valibot';
import { DIFFICULTIES, type Difficulty, PLAYER_ROLE_PATTERN } from '../sim/types.ts';
import { issueMsg, orderSchema, parseUntrustedJson } from './sim.ts';
import type { Order, PlayerRole, ProblemMessage } from './sim-types.ts';

export const SAVE_PREFIX = 'ceasefire-line:';
export const AUTOSAVE_KEY = `${SAVE_PREFIX}autosave`;
/** Saves that could not be read are kept here: `ceasefire-line:aside:<slot>:<n>`. */
export const ASIDE_PREFIX = `${SAVE_PREFIX}aside:`;
export const SLOT_COUNT = 5;
export const slotKey = (n: number): string => `${SAVE_PREFIX}slot:${n}`;
export const SAVE_VERSION = 3;
/** A whole game is about 12 KB of orders; a save beyond this is not one the game wrote. */
export const SAVE_LIMITS = { chars: 1_000_000, depth: 12, turns: 200, ordersPerTurn: 400, name: 60, humans: 20 } as const;

export interface SaveFile {
  version: number;
  scenarioId: string;
  seed: string;
  /** The role on screen when it was saved (a person's; with `humans`, one of them). */
  role: PlayerRole;
  /** Every role people play at this screen (hot-seat), when more than one; absent means `role` alone. */
  humans?: PlayerRole[];
  difficulty: Difficulty;
  /** Every order resolved, turn by turn (the player's and the other actors'). */
  orders: Order[][];
  /** The state hash after each turn (checked when the game is restored); absent in version 1. */
  hashes?: string[];
  /** The game has ended (it may end before its last turn). */
  ended?: boolean;
  /** The slot's name, given by the player (shown as text). */
  name?: string;
  /** Counterfactual switches of the scenario (src/sim/whatif.ts); absent means none. */
  whatIfs?: string[];
}

/** The storage a save lives in (window.localStorage, or a Map-backed stand-in in tests). */
export interface SaveStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const saveSchema = v.strictObject({
  version: v.literal(SAVE_VERSION),
  scenarioId: v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,60}$/, 'not a scenario id')),
  seed: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  role: v.pipe(v.string(), v.regex(PLAYER_ROLE_PATTERN, 'not a role (gna, lna, mediator or backer:<id>)')),
  humans: v.optional(
    v.pipe(
      v.array(v.pipe(v.string(), v.regex(PLAYER_ROLE_PATTERN, 'not a role (gna, lna, mediator or backer:<id>)'))),
      v.minLength(2, 'a hot-seat game has at least two people'),
      v.maxLength(SAVE_LIMITS.humans),
      v.check((rs) => new Set(rs).size === rs.length, 'a role is listed twice'),
    ),
  ),
  difficulty: v.picklist(DIFFICULTIES),
  orders: v.pipe(v.array(v.pipe(v.array(orderSchema), v.maxLength(SAVE_LIMITS.ordersPerTurn))), v.maxLength(SAVE_LIMITS.turns)),
  hashes: v.optional(v.array(v.pipe(v.string(), v.regex(/^[0-9a-f]{16}$/, 'not a state hash')))),
  ended: v.optional(v.boolean()),
  name: v.optional(v.pipe(v.string(), v.maxLength(SAVE_LIMITS.name))),
  whatIfs: v.optional(v.pipe(v.array(v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,60}$/, 'not a what-if id'))), v.maxLength(20))),
});

/**
 * How to bring an older save up to date, keyed by the version it reads. Version 1 (the first
 * build) had no hashes, no name, and might lack the difficulty.
 */
export const SAVE_MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  1: (old) => ({ ...old, version: 2, difficulty: old.difficulty ?? 'normal' }),
  // Version 3 reads backer roles and hot-seat games (`humans`); a version 2 save is one already.
  2: (old) => ({ ...old, version: 3 }),
};

/**
 * A save read, or why not, as a message code (`problemMsg`: locales/<lang>/errors.json;
 * src/ui/error-text.ts tells it). A sentence that starts with "The saved game" has a `subject`
 * value naming it (errors.save.subject.*), so that a slot's save can be named instead (readSlot).
 */
export type SaveRead = { ok: true; save: SaveFile } | { ok: false; problemMsg: ProblemMessage };

const SAVED_GAME: ProblemMessage = { key: 'errors.save.subject.game', values: {} };
const no = (key: string, values: ProblemMessage['values'] = {}): SaveRead => ({ ok: false, problemMsg: { key, values: { subject: SAVED_GAME, ...values } } });

/** Reads a save's text: size, depth, forbidden keys, version (migrating older ones), shape. */
export function parseSave(text: string): SaveRead {
  const json = parseUntrustedJson(text, SAVE_LIMITS.chars, SAVE_LIMITS.depth, 'save');
  if (!json.ok) return { ok: false, problemMsg: { key: json.error.msg.key, values: { ...json.error.msg.values, subject: SAVED_GAME } } };
  let data = json.value;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return no('errors.save.notRecord');
  const declared = (data as Record<string, unknown>).version;
  if (typeof declared !== 'number' || !Number.isInteger(declared) || declared < 1) return no('errors.save.noVersion');
  let version: unknown = declared;
  if (declared > SAVE_VERSION) {
    return no('errors.save.newer', { version: declared, reads: SAVE_VERSION });
  }
  while (typeof version === 'number' && version < SAVE_VERSION) {
    const migrate = SAVE_MIGRATIONS[version];
    if (!migrate) return { ok: false, problemMsg: { key: 'errors.save.oldFormat', values: { version } } };
    data = migrate(data as Record<string, unknown>);
    version = (data as Record<string, unknown>).version;
  }
  const parsed = v.safeParse(saveSchema, data);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = issue ? v.getDotPath(issue) : null;
    // The path and the validator's words are technical details: values, shown as they are.
    const detail = issue?.message ?? 'unexpected content';
    return no(path ? 'errors.save.damagedAt' : 'errors.save.damaged', path ? { path, detail: issueMsg(detail) } : { detail: issueMsg(detail) });
  }
  const save = parsed.output as SaveFile;
  if (save.humans && !save.humans.includes(save.role)) return no('errors.save.roleNotAmong', { role: save.role });
  if (save.hashes && save.hashes.length !== save.orders.length) return no('errors.save.hashes');
  return { ok: true, save };
}

export function saveText(save: SaveFile): string {
  return JSON.stringify(save);
}

/**
 * Moves an unreadable save out of the way, under the first free aside key, and removes it
 * from its slot only once the copy is stored. Returns the aside key, or null if storage
 * refused the copy (then the save stays where it was, untouched).
 */
export function setAside(storage: SaveStorage, key: string, text: string): string | null {
  const name = key.startsWith(SAVE_PREFIX) ? key.slice(SAVE_PREFIX.length) : key;
  for (let n = 1; n <= 1000; n++) {
    const aside = `${ASIDE_PREFIX}${name}:${n}`;
    try {
      if (storage.getItem(aside) !== null) continue;
      storage.setItem(aside, text);
      if (storage.getItem(aside) !== text) return null;
      storage.removeItem(key);
      return aside;
    } catch {
      return null;
    }
  }
  return null;
}

export interface SlotRead {
  key: string;
  save: SaveFile | null;
  /** Why the save could not be used, as a message code (src/ui/error-text.ts tells it); null when there is none or it is fine. */
  problemMsg: ProblemMessage | null;
  /** Where an unreadable save was kept. */
  aside: string | null;
}

/**
 * Reads one slot. A save that cannot be read (or is of a scenario this build lacks) is set
 * aside and reported; a slot that is empty gives neither a save nor a problem. Never throws.
 */
export function readSlot(storage: SaveStorage, key: string, knownScenario: (id: string) => boolean, slot?: number): SlotRead {
  let text: string | null;
  try {
    text = storage.getItem(key);
  } catch {
    return { key, save: null, problemMsg: null, aside: null };
  }
  if (text === null) return { key, save: null, problemMsg: null, aside: null };
  const read = parseSave(text);
  // The save named as the player knows it: "The saved game", or the slot's ("The save in slot 2").
  const subject: ProblemMessage = slot === undefined ? SAVED_GAME : { key: 'errors.save.subject.slot', values: { slot } };
  let problemMsg: ProblemMessage | null = null;
  if (!read.ok) {
    problemMsg = 'subject' in read.problemMsg.values ? { key: read.problemMsg.key, values: { ...read.problemMsg.values, subject } } : read.problemMsg;
  } else if (!knownScenario(read.save.scenarioId)) {
    problemMsg = { key: 'errors.save.unknownScenario', values: { subject, id: read.save.scenarioId } };
  }
  if (problemMsg === null && read.ok) return { key, save: read.save, problemMsg: null, aside: null };
  return setAsideWithNotice(storage, key, text, problemMsg as ProblemMessage);
}

/** Sets a save aside (as readSlot does) because it was found wrong later, e.g. on restoring it. */
export function setAsideWithNotice(storage: SaveStorage, key: string, text: string | null, reason: ProblemMessage): SlotRead {
  let stored = text;
  if (stored === null) {
    try {
      stored = storage.getItem(key);
    } catch {
      stored = null;
    }
  }
  const aside = stored === null ? null : setAside(storage, key, stored);
  const told: ProblemMessage = aside ? { key: 'errors.save.keptAside', values: { reason, aside } } : { key: 'errors.save.leftInPlace', values: { reason } };
  return { key, save: null, problemMsg: told, aside };
}

/** Writes a save; false if storage is full or disabled (the game goes on without it). */
export function writeSave(storage: SaveStorage, key: string, save: SaveFile): boolean {
  try {
    storage.setItem(key, saveText(save));
    return true;
  } catch {
    return false;
  }
}

/** A Map-backed storage (tests, and a fallback when the browser's is disabled). */
export class MemoryStorage implements SaveStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}
