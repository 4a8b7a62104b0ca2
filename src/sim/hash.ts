// The canonical state hash: used by replays, saves and tests. Keys are sorted so the hash
// does not depend on the order in which a state's objects were built.
import type { Ending, Scenario, State } from './types.ts';

/** JSON with object keys in sorted order; undefined fields are left out as in JSON. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`canonicalJson: non-finite number ${value}`);
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const keys = Object.keys(value).sort();
  const parts: string[] = [];
  for (const key of keys) {
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined) continue;
    parts.push(`${JSON.stringify(key)}:${canonicalJson(v)}`);
  }
  return `{${parts.join(',')}}`;
}

/** 64-bit FNV-1a over the UTF-16 code units of the text, as 16 hex digits. */
export function hashText(text: string): string {
  let h1 = 0x84222325;
  let h2 = 0xcbf29ce4;
  for (let i = 0; i < text.length; i++) {
    h1 ^= text.charCodeAt(i);
    // Multiply the 64-bit value (h2:h1) by the FNV prime 0x100000001b3.
    const lo = h1 * 0x1b3;
    const hi = h2 * 0x1b3 + h1 * 0x100 + Math.floor(lo / 0x100000000);
    h1 = lo >>> 0;
    h2 = hi >>> 0;
  }
  return h2.toString(16).padStart(8, '0') + h1.toString(16).padStart(8, '0');
}

export function stateHash(state: unknown): string {
  return hashText(canonicalJson(state));
}

/**
 * The English sentence the core once wrote into an ended state (`Ending.text`), told by the
 * caller from endingMsg: the core writes no words, so it cannot make it itself.
 */
export type LegacyEnding = (scenario: Scenario, state: State, ending: Ending) => string;

/**
 * Whether a played state is the one a record's hash (a replay's, a save's, a stored table's)
 * was taken of. Until the core stopped writing it, an ended state held the ending in English
 * (`ending.text`), so records made before hashed their final state with that sentence in it:
 * given `legacyEnding`, an ended state also matches the hash of itself with the sentence put
 * back. The rules did not change, so nothing else can differ.
 */
export function hashMatches(scenario: Scenario, state: State, expected: string, legacyEnding?: LegacyEnding): boolean {
  if (stateHash(state) === expected) return true;
  if (!state.ending || !legacyEnding) return false;
  return stateHash({ ...state, ending: { ...state.ending, text: legacyEnding(scenario, state, state.ending) } }) === expected;
}
