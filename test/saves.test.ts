// Saved games: round trips through storage, the migration from version 1, named slots, and a
// corpus of damaged saves — each reported in words, kept aside byte for byte, never lost.
import { describe, expect, it } from 'vitest';
import {
  AUTOSAVE_KEY,
  MemoryStorage,
  parseSave,
  SAVE_LIMITS,
  SAVE_VERSION,
  type SaveFile,
  type SaveStorage,
  saveText,
  setAside,
  slotKey,
} from '../src/game/saves.ts';
import { GameSession, readAutosave, readSlots, restoreOrSetAside } from '../src/game/session.ts';
import type { ProblemMessage } from '../src/game/sim-types.ts';
import { errorText } from '../src/ui/error-text.ts';

/** A problem told in English, as the menu shows it. */
const told = (msg: ProblemMessage | null | undefined): string | null => (msg ? errorText(msg) : null);

// A short game: the GNA plays three turns with a legal order each (the first one it may give).
async function playedSession(turns = 3): Promise<GameSession> {
  const session = await GameSession.start({ scenarioId: 'sirte-2020', seed: 'saves-1', role: 'gna', difficulty: 'normal' });
  for (let t = 0; t < turns; t++) {
    const order = session.legalOrders().find((o) => o.kind !== 'event-choice');
    if (order) expect(session.queue(order).ok).toBe(true);
    session.endTurn();
  }
  return session;
}
const session = await playedSession();
const good: SaveFile = session.toSave();
const goodText = saveText(good);
const store = (text: string | null, key = AUTOSAVE_KEY): MemoryStorage => {
  const s = new MemoryStorage();
  if (text !== null) s.setItem(key, text);
  return s;
};
const tweak = (fn: (s: Record<string, unknown>) => void): string => {
  const copy = structuredClone(good) as unknown as Record<string, unknown>;
  fn(copy);
  return JSON.stringify(copy);
};

describe('saves: good ones', () => {
  it('a save restores the very same game', async () => {
    expect(good.version).toBe(SAVE_VERSION);
    expect(good.hashes).toHaveLength(3);
    const read = readAutosave(store(goodText));
    expect(read.problemMsg).toBeNull();
    const restored = await restoreOrSetAside(read.save as SaveFile, AUTOSAVE_KEY, new MemoryStorage());
    expect(restored.ok && restored.session.hash).toBe(session.hash);
  });

  it('a version 1 save (no hashes, no difficulty) is migrated and restores the same game', async () => {
    const v1 = JSON.stringify({ version: 1, scenarioId: 'sirte-2020', seed: 'saves-1', role: 'gna', orders: good.orders });
    const read = parseSave(v1);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.save).toMatchObject({ version: SAVE_VERSION, difficulty: 'normal' });
    expect((await GameSession.restore(read.save)).hash).toBe(session.hash);
  });

  it('named slots keep their names (as text) and their games', async () => {
    const storage = new MemoryStorage();
    const name = '<b>Week 3</b> <script>alert(1)</script>';
    expect(session.saveToSlot(2, name, storage)).toBe(true);
    const slots = readSlots(storage);
    expect(slots).toHaveLength(5);
    expect(slots[1]?.save?.name).toBe(name);
    expect(slots.filter((s) => s.save).length).toBe(1);
    expect((await GameSession.restore(slots[1]?.save as SaveFile)).hash).toBe(session.hash);
  });

  it('the autosave after each turn writes to its own key only', () => {
    const storage = store(null);
    storage.setItem('ceasefire-line:aside:autosave:1', 'old bad save');
    session.autosave(storage);
    expect(storage.getItem('ceasefire-line:aside:autosave:1')).toBe('old bad save');
    expect(storage.getItem(AUTOSAVE_KEY)).toBe(goodText);
  });
});

// [name, stored text, words the player is told]
const damaged: [string, string, RegExp][] = [
  ['truncated JSON', goodText.slice(0, goodText.length - 40), /not readable JSON \(it may be cut short/],
  ['an empty save', '', /is empty/],
  ['binary garbage', '\u0000\u00ff\ufffd\ud800garbage', /not readable JSON/],
  ['a newer version', tweak((s) => (s.version = SAVE_VERSION + 1)), new RegExp(`newer version of the game \\(save format ${SAVE_VERSION + 1}`)],
  ['no version', tweak((s) => delete s.version), /no readable version/],
  ['a version that cannot be migrated', tweak((s) => (s.version = 0)), /no readable version/],
  ['an unknown scenario', tweak((s) => (s.scenarioId = 'cyrenaica-2011')), /scenario this version does not have \("cyrenaica-2011"\)/],
  ['an unknown role', tweak((s) => (s.role = 'wagner')), /damaged \(role/],
  ['an order log that is not a list', tweak((s) => (s.orders = 'all of them')), /damaged \(orders/],
  ['an order of an unknown kind', tweak((s) => ((s.orders as { kind: string }[][])[0]![0]!.kind = 'teleport')), /damaged \(orders\.0\.0\.kind/],
  ['hashes that do not match the turns', tweak((s) => (s.hashes = [])), /hashes do not match its turns/],
  ['a __proto__ key', goodText.replace('{"version"', '{"__proto__":{"isAdmin":true},"version"'), /"__proto__"/],
  ['a constructor key', goodText.replace('"seed"', '"constructor":1,"seed"'), /"constructor"/],
  ['deep nesting', `${'['.repeat(50_000)}${']'.repeat(50_000)}`, /nested too deeply/],
  ['a huge save', `{"version":2,"x":"${'y'.repeat(SAVE_LIMITS.chars)}"}`, /too large/],
  ['a name too long', tweak((s) => (s.name = 'n'.repeat(61))), /damaged \(name/],
];

describe('saves: damaged ones are reported and kept aside', () => {
  it.each(damaged)('%s', (_name, text, message) => {
    const storage = store(text);
    const read = readAutosave(storage);
    expect(read.save).toBeNull();
    expect(told(read.problemMsg)).toMatch(message);
    expect(told(read.problemMsg)).toContain('kept aside');
    expect(told(read.problemMsg)).toContain('ceasefire-line:aside:autosave:1');
    // Kept byte for byte, and the autosave key is free for the next game.
    expect(storage.getItem('ceasefire-line:aside:autosave:1')).toBe(text);
    expect(storage.getItem(AUTOSAVE_KEY)).toBeNull();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('a tampered hash is found on restoring: the turn is named and the save kept aside', async () => {
    const text = tweak((s) => ((s.hashes as string[])[1] = '0123456789abcdef'));
    const storage = store(text);
    const read = readAutosave(storage);
    expect(read.problemMsg).toBeNull();
    const restored = await restoreOrSetAside(read.save as SaveFile, AUTOSAVE_KEY, storage);
    expect(restored.ok).toBe(false);
    if (restored.ok) return;
    expect(told(restored.problemMsg)).toMatch(/differs from the one saved from turn 2 on/);
    expect(storage.getItem('ceasefire-line:aside:autosave:1')).toBe(text);
    expect(storage.getItem(AUTOSAVE_KEY)).toBeNull();
  });

  it('an order illegal at its turn is found on restoring', async () => {
    const text = tweak((s) => (s.orders as unknown[][])[0]?.push({ actor: 'gna', kind: 'attack', from: 'misrata', target: 'tripoli' }));
    const storage = store(text);
    const restored = await restoreOrSetAside(readAutosave(storage).save as SaveFile, AUTOSAVE_KEY, storage);
    expect(!restored.ok && told(restored.problemMsg)).toMatch(/on turn 1 it holds an order that was not allowed \(gna “attack”/);
    expect(storage.getItem('ceasefire-line:aside:autosave:1')).toBe(text);
  });

  it('a second bad save does not replace the first one kept aside', () => {
    const storage = store('{"broken": ');
    readAutosave(storage);
    storage.setItem(AUTOSAVE_KEY, 'also broken');
    const read = readAutosave(storage);
    expect(told(read.problemMsg)).toContain('ceasefire-line:aside:autosave:2');
    expect(storage.getItem('ceasefire-line:aside:autosave:1')).toBe('{"broken": ');
    expect(storage.getItem('ceasefire-line:aside:autosave:2')).toBe('also broken');
  });

  it('when storage refuses the copy, the bad save stays where it was', () => {
    const full: SaveStorage = {
      items: new Map([[AUTOSAVE_KEY, 'not json']]),
      getItem(key: string) {
        return this.items.get(key) ?? null;
      },
      setItem() {
        throw new Error('QuotaExceededError');
      },
      removeItem(key: string) {
        this.items.delete(key);
      },
    } as SaveStorage & { items: Map<string, string> };
    expect(setAside(full, AUTOSAVE_KEY, 'not json')).toBeNull();
    const read = readAutosave(full);
    expect(told(read.problemMsg)).toMatch(/left where it was, untouched/);
    expect(full.getItem(AUTOSAVE_KEY)).toBe('not json');
  });

  it('a damaged slot is set aside under its own name; the others still read', () => {
    const storage = new MemoryStorage();
    session.saveToSlot(1, 'good', storage);
    storage.setItem(slotKey(3), '{"version":2');
    const slots = readSlots(storage);
    expect(slots[0]?.save?.name).toBe('good');
    expect(told(slots[2]?.problemMsg)).toMatch(/^The save in slot 3 is not readable JSON.*ceasefire-line:aside:slot:3:1/);
    expect(storage.getItem('ceasefire-line:aside:slot:3:1')).toBe('{"version":2');
  });
});
