// Start from a link: ?scenario=<id>&role=<role>&seed=<seed>[&difficulty=..][&whatif=<id>,<id>][&skip=briefing][&orders=..][&lang=ar|fr|it]
// `role` is gna, lna, mediator or backer:<id>; for hot-seat, a list in turn order (role=gna,lna,mediator).
// `orders` carries the people's orders so far, turn by turn: JSON without the actor when one
// person plays (it is the link's role), with it when several do, deflated with fflate and written in base64url. The other actors' orders are
// not in the link: the AI gives them again, the same way, from the same seed.
import { deflateSync, Inflate } from 'fflate';
import * as v from 'valibot';
import { loadBundledScenario } from '../content/index.ts';
import { lang } from '../i18n/index.ts';
import { unknownWhatIf, unknownWhatIfMsg } from '../sim/whatif.ts';
import { scenarioById } from './content.ts';
import { type ProblemMessage, problemOf, problem as said } from './problem.ts';
import { cleanSeed, randomSeed } from './seed.ts';
import { DIFFICULTIES, type Difficulty, type GameSetup } from './session.ts';
import { decodeUtf8, issueMsg, orderSchema, parseUntrustedJson } from './sim.ts';
import type { Order, PlayerRole, ReplayProblem, Scenario } from './sim-types.ts';

const ROLE_ID = /^(gna|lna|mediator|backer:[a-z0-9-]{1,60})$/;
/** At most this many people at one screen (every playable role of the largest scenario). */
export const MAX_SEATS = 8;

export interface LinkStart {
  setup: GameSetup;
  skipBriefing: boolean;
  /** The player's orders for each turn already played (absent: a game from its start). */
  orders?: Order[][];
  /** What the game changed in the link to open it (a seed cleaned, an unknown difficulty), told to the player (English). */
  notes?: string[];
  /** `notes` as message codes (locales/<lang>/errors.json), one each, in order. */
  noteMsgs?: ProblemMessage[];
}

/** Limits of the orders in a link: the text in the address, and what it may inflate to. */
export const LINK_LIMITS = { chars: 2000, inflated: 65_536, turns: 200, ordersPerTurn: 20 } as const;

const toBase64Url = (bytes: Uint8Array): string => {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  try {
    const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** The people's orders as a link parameter (with their actors when several play); null when they would make the link too long. */
export function encodeOrders(turns: readonly (readonly Order[])[], keepActors = false): string | null {
  const bare = keepActors ? turns : turns.map((turn) => turn.map(({ actor: _actor, ...rest }) => rest));
  const encoded = toBase64Url(deflateSync(new TextEncoder().encode(JSON.stringify(bare)), { level: 9 }));
  return encoded.length <= LINK_LIMITS.chars ? encoded : null;
}

/** Inflates at most `limit` bytes: a small link cannot blow up into a huge text. */
function inflateCapped(bytes: Uint8Array, limit: number): Uint8Array | null {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let ended = false;
  const inflate = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > limit) throw new Error('too large');
    chunks.push(chunk);
    if (final) ended = true;
  });
  try {
    inflate.push(bytes, true);
  } catch {
    return null;
  }
  if (!ended) return null;
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const bareTurns = v.pipe(
  v.array(v.pipe(v.array(v.looseObject({ kind: v.string() })), v.maxLength(LINK_LIMITS.ordersPerTurn, `at most ${LINK_LIMITS.ordersPerTurn} orders in a turn`))),
  v.maxLength(LINK_LIMITS.turns, `at most ${LINK_LIMITS.turns} turns`),
);

/**
 * Reads the orders parameter of a link; a sentence for the player when it cannot (`message` in
 * English, `msg` its message code, locales/<lang>/errors.json).
 */
export function decodeOrders(param: string, roles: PlayerRole | readonly PlayerRole[]): { ok: true; orders: Order[][] } | { ok: false; message: string; msg: ProblemMessage } {
  const people: readonly PlayerRole[] = typeof roles === 'string' ? [roles] : roles;
  const single = people.length === 1;
  const damaged = (why: string, whyMsg: ProblemMessage) => ({
    ok: false as const,
    message: `The link's orders ${why}: the link may have been cut short or changed. Ask for it again.`,
    msg: said('errors.link.damaged', { why: whyMsg }),
  });
  if (param.length > LINK_LIMITS.chars) {
    return {
      ok: false,
      message: `The link's orders are too long (${param.length} characters; a link may carry at most ${LINK_LIMITS.chars}).`,
      msg: said('errors.link.tooLong', { length: param.length, limit: LINK_LIMITS.chars }),
    };
  }
  const bytes = fromBase64Url(param);
  if (!bytes) return damaged('are not readable', said('errors.link.why.notReadable'));
  const inflated = inflateCapped(bytes, LINK_LIMITS.inflated);
  if (!inflated) return damaged('cannot be unpacked', said('errors.link.why.notUnpacked'));
  const text = decodeUtf8(inflated);
  if (!text.ok) return damaged('are not text', said('errors.link.why.notText'));
  const json = parseUntrustedJson(text.value, LINK_LIMITS.inflated, 4, 'link');
  if (!json.ok) {
    const why = jsonProblem(json.error, text.value);
    return damaged(`are refused (${why.text})`, said('errors.link.why.refused', { reason: why.msg }));
  }
  const shape = v.safeParse(bareTurns, json.value);
  if (!shape.success) {
    const detail = shape.issues[0]?.message ?? 'unexpected content';
    return damaged(`are not a list of turns (${detail})`, said('errors.link.why.notTurns', { detail: issueMsg(detail) }));
  }
  const orders: Order[][] = [];
  for (const [t, turn] of shape.output.entries()) {
    const list: Order[] = [];
    for (const bare of turn) {
      // One person: every order is theirs, whatever the text claims. Several: each names whose it is.
      const actor = single ? people[0] : (bare as { actor?: unknown }).actor;
      if (!single && !people.includes(actor as PlayerRole)) return damaged(`hold an order on turn ${t + 1} given by none of the link's roles`, said('errors.link.why.noRole', { turn: t + 1 }));
      const order = v.safeParse(orderSchema, { ...bare, actor });
      if (!order.success) {
        const path = v.getDotPath(order.issues[0]) ?? 'order';
        const detail = order.issues[0].message;
        return damaged(`hold something that is not an order on turn ${t + 1} (${path}: ${detail})`, said('errors.link.why.notOrder', { turn: t + 1, path, detail: issueMsg(detail) }));
      }
      list.push(order.output as Order);
    }
    orders.push(list);
  }
  return { ok: true, orders };
}

/** Why the orders' JSON was refused, in words that agree with "the link's orders" (plural); and as a message code. */
function jsonProblem(problem: ReplayProblem, text: string): { text: string; msg: ProblemMessage } {
  const { code } = problem;
  if (code === 'not-json') return text.trim().length === 0 ? { text: 'they are empty', msg: said('errors.link.json.empty') } : { text: 'they are not readable JSON', msg: said('errors.link.json.notJson') };
  if (code === 'too-deep') return { text: 'they are nested too deeply', msg: said('errors.link.json.tooDeep') };
  if (code === 'too-large') return { text: 'they are too large', msg: said('errors.link.json.tooLarge') };
  const key = problem.msg.values.name;
  if (code === 'forbidden-key' && typeof key === 'string') return { text: `they hold a key "${key}" that no game writes`, msg: said('errors.link.json.forbiddenKey', { name: key }) };
  // parseUntrustedJson gives no other problem: its code as it is, should one be added.
  return { text: code, msg: problem.msg };
}

/** A link read: nothing to start, a game to start, or why not (`message` in English, `msg` its message code). */
export type LinkResult = { kind: 'none' } | { kind: 'start'; start: LinkStart } | { kind: 'error'; message: string; msg: ProblemMessage };

const refused = (message: string, key: string, values: ProblemMessage['values'] = {}): LinkResult => ({ kind: 'error', message, msg: said(key, values) });

/**
 * Reads a game link. The scenario it names is loaded (fetched and validated) to check the
 * link's what-ifs against it; one that cannot be loaded is an error with its reason.
 */
export async function readLink(search: string = window.location.search): Promise<LinkResult> {
  const params = new URLSearchParams(search);
  const scenarioId = params.get('scenario');
  if (!scenarioId) return { kind: 'none' };
  const entry = scenarioById(scenarioId);
  if (!entry) return refused(`The link names a scenario this build does not have ("${scenarioId.slice(0, 40)}").`, 'errors.link.unknownScenario', { id: scenarioId.slice(0, 40) });
  const roleParam = params.get('role') ?? entry.playable[0] ?? 'gna';
  const roleList = roleParam.split(',');
  if (roleList.length > MAX_SEATS) {
    return refused(`The link names ${roleList.length} roles: at most ${MAX_SEATS} people can play at one screen.`, 'errors.link.tooManyRoles', { count: roleList.length, max: MAX_SEATS });
  }
  for (const r of roleList) {
    if (!ROLE_ID.test(r)) {
      return refused(`The link names an unknown role ("${r.slice(0, 30)}"): use gna, lna, mediator or backer:<id>, or several separated by commas.`, 'errors.link.unknownRole', { role: r.slice(0, 30) });
    }
    if (!entry.playable.includes(r as PlayerRole)) {
      const roles = entry.playable.join(', ');
      return refused(`The role "${r}" cannot be played in ${entry.title} (it has ${roles}).`, 'errors.link.roleNotPlayable', { role: r, scenario: entry.id, roles });
    }
  }
  if (new Set(roleList).size !== roleList.length) return refused('The link names a role twice: each person at the screen plays a different role.', 'errors.link.roleTwice');
  const roles = roleList as PlayerRole[];
  const role = roles[0] as PlayerRole;
  const seedParam = params.get('seed');
  const seed = seedParam === null ? randomSeed() : cleanSeed(seedParam);
  if (!seed) return refused('The link has an empty or unreadable seed (use letters, digits, - and _).', 'errors.link.badSeed');
  const notes: string[] = [];
  const noteMsgs: ProblemMessage[] = [];
  // A seed is changed only by cleaning it: the player is told, since it is not the game the link meant.
  if (seedParam !== null && seed !== seedParam) {
    notes.push(`The link's seed was changed to "${seed}": a seed keeps only letters, digits, - and _, and at most 32 of them. This may not be the game the link was made for.`);
    noteMsgs.push(said('errors.link.seedChanged', { seed }));
  }
  const d = params.get('difficulty') as Difficulty | null;
  const difficulty = d && DIFFICULTIES.includes(d) ? d : 'normal';
  if (d !== null && !DIFFICULTIES.includes(d)) {
    notes.push(`The link asks for a difficulty this game does not have ("${d.slice(0, 20)}"): the game is played at normal (${DIFFICULTIES.join(', ')} are known).`);
    noteMsgs.push(said('errors.link.unknownDifficulty', { asked: d.slice(0, 20), known: DIFFICULTIES.join(', ') }));
  }
  const skipBriefing = params.get('skip') === 'briefing';
  const whatIfParam = params.get('whatif');
  const whatIfs = whatIfParam ? whatIfParam.split(',').slice(0, 20) : [];
  let scenario: Scenario;
  try {
    scenario = await loadBundledScenario(entry.id);
  } catch (error) {
    return { kind: 'error', message: (error as Error).message, msg: problemOf(error) };
  }
  const unknownSwitch = unknownWhatIf(scenario, whatIfs);
  if (unknownSwitch) {
    // The English is cut at 300 characters (a hostile link's what-ifs); the code keeps the ids as given (cut at 60 each).
    const why = unknownWhatIfMsg(scenario, whatIfs.map((w) => w.slice(0, 60)), false) as ProblemMessage;
    return refused(`The link names a what-if this build does not have: ${unknownSwitch.slice(0, 300)}.`, 'errors.link.unknownWhatIf', { reason: why });
  }
  const setup: GameSetup = { scenarioId: entry.id, role, ...(roles.length > 1 ? { humans: roles } : {}), seed, difficulty, ...(whatIfs.length ? { whatIfs } : {}) };
  const ordersParam = params.get('orders');
  const told = notes.length ? { notes, noteMsgs } : {};
  if (ordersParam === null) return { kind: 'start', start: { setup, skipBriefing, ...told } };
  if (seedParam === null) return refused('The link carries orders but no seed: without its seed the game cannot be played again.', 'errors.link.ordersNoSeed');
  const decoded = decodeOrders(ordersParam, roles);
  if (!decoded.ok) return { kind: 'error', message: decoded.message, msg: decoded.msg };
  return { kind: 'start', start: { setup, skipBriefing, orders: decoded.orders, ...told } };
}

/**
 * A link that opens this game; with `orders` (the player's, turn by turn), at the turn reached.
 * Orders that would make the link too long are left out (the link then starts the game afresh).
 */
export function shareLink(setup: GameSetup, orders?: readonly (readonly Order[])[], base: string = window.location.href): string {
  const url = new URL(base);
  const people = setup.humans && setup.humans.length > 1 ? setup.humans : [setup.role];
  const params = new URLSearchParams({ scenario: setup.scenarioId, role: people.join(','), seed: setup.seed, difficulty: setup.difficulty });
  if (setup.whatIfs?.length) params.set('whatif', setup.whatIfs.join(','));
  const encoded = orders && orders.length > 0 ? encodeOrders(orders, people.length > 1) : null;
  if (encoded) params.set('orders', encoded);
  // The language the link was made in (English, the default, is left out): the game is the
  // same in every language, only its words change; the reader's ?lang= or picker still decides.
  if (lang() !== 'en') params.set('lang', lang());
  url.search = params.toString();
  url.hash = '';
  return url.toString();
}
