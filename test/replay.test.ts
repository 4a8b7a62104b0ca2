// Replay files: export → import gives the same hashes; every malformed file gets a clear
// message naming what is wrong (and the turn, when a turn is wrong); the runner's --replay.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../src/cli/files.ts';
import { main } from '../src/cli/sim.ts';
import { loadAllScenarios } from '../src/content/index.ts';
import {
  applyWhatIfs,
  decodeUtf8,
  loadReplay,
  makeReplay,
  otherActorsOrders,
  parseReplay,
  parseReplayBytes,
  playGame,
  playWithOrders,
  REPLAY_LIMITS,
  type Replay,
  RULES_VERSION,
  replayText,
  type Scenario,
  scenarioHash,
  verifyReplay,
} from '../src/sim/index.ts';
import { problemText } from '../src/ui/problem-text.ts';

function scenario(id: string): Scenario {
  const s = loadScenarioFile(id);
  if (!s.ok) throw new Error(`cannot load ${id}`);
  return s.value;
}
const sirte = scenario('sirte-2020');
const find = (id: string) => (id === sirte.id ? sirte : undefined);

// One whole game: the GNA plays fixed orders (its AI's choices), everyone else is AI.
const game = playGame(sirte, 'replay-7', {
  role: 'gna',
  policy: (s, st) => otherActorsOrders(s, st, null).orders.filter((o) => o.actor === 'gna'),
  hashEachTurn: true,
  difficulty: 'normal',
});
const replay = makeReplay({ scenario: sirte, seed: 'replay-7', humans: ['gna'], difficulty: 'normal', orders: game.orders, hashes: game.hashes });
const text = replayText(replay);
const utf8 = (s: string) => new TextEncoder().encode(s);
const edit = (fn: (r: Replay) => void): string => {
  const copy = structuredClone(replay);
  fn(copy);
  return JSON.stringify(copy);
};

describe('replay: export → import', () => {
  it('round-trips and reproduces every hash', () => {
    const loaded = loadReplay(text, find);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.value.frames.slice(1).map((f) => f.hash)).toEqual(game.hashes);
    expect(loaded.value.frames).toHaveLength(game.orders.length + 1);
    expect(loaded.value.frames.at(-1)?.state.ending).not.toBeNull();
  });

  it('the replay of a played game gives the same hashes as playing the player’s orders with the AI', () => {
    const mine = game.orders.map((turn) => turn.filter((o) => o.actor === 'gna'));
    expect(playWithOrders(sirte, 'replay-7', 'gna', mine, 'normal').hashes).toEqual(game.hashes);
  });

  it('computes the hashes itself when none are given, and the text is stable', () => {
    const again = makeReplay({ scenario: sirte, seed: 'replay-7', humans: ['gna'], difficulty: 'normal', orders: game.orders });
    expect(replayText(again)).toBe(text);
    expect(text.length).toBeLessThan(REPLAY_LIMITS.bytes / 20);
  });

  it('a game in progress (a few turns) is a valid replay too', () => {
    const part = makeReplay({ scenario: sirte, seed: 'replay-7', humans: ['gna'], difficulty: 'normal', orders: game.orders.slice(0, 3) });
    const loaded = loadReplay(replayText(part), find);
    expect(loaded.ok && loaded.value.frames.map((f) => f.hash).slice(1)).toEqual(game.hashes.slice(0, 3));
  });

  it('a game played with what-ifs replays with them, and a replay naming an unknown what-if is refused', () => {
    const played = applyWhatIfs(sirte, ['turkey-out']);
    const g = playGame(played, 'replay-wi', { hashEachTurn: true, difficulty: 'normal' });
    const r = makeReplay({ scenario: played, whatIfs: ['turkey-out'], seed: 'replay-wi', humans: [], difficulty: 'normal', orders: g.orders.slice(0, 4) });
    expect(r.whatIfs).toEqual(['turkey-out']);
    const loaded = loadReplay(replayText(r), find);
    expect(loaded.ok && loaded.value.frames.map((f) => f.hash).slice(1)).toEqual(g.hashes.slice(0, 4));
    // Without its switch the same orders are of another scenario.
    const stripped = loadReplay(replayText({ ...r, whatIfs: undefined }), find);
    expect(!stripped.ok && stripped.error.code).toBe('scenario-changed');
    const unknown = loadReplay(replayText({ ...r, whatIfs: ['martians-land'] }), find);
    expect(!unknown.ok && unknown.error.code).toBe('unknown-what-if');
    expect(!unknown.ok && problemText(unknown.error.msg)).toMatch(/martians-land/);
  });

  it('the scenario hash is the same for the runner’s loader and the bundled content the browser uses', async () => {
    const bundled = (await loadAllScenarios()).find((s) => s.id === 'sirte-2020');
    expect(bundled && scenarioHash(bundled)).toBe(scenarioHash(sirte));
  });
});

// The malformed-input corpus for replay files: [name, input, expected code, expected words in the message, turn].
const illegalAtTurn4 = edit((r) => {
  // A GNA attack on Tripoli, which it already holds: not legal at any turn.
  r.turns[3]?.orders.push({ actor: 'gna', kind: 'attack', from: 'misrata', target: 'tripoli' });
});
const overBudget = edit((r) => {
  const t = r.turns[1];
  if (t) for (let i = 0; i < 12; i++) t.orders.push({ actor: 'gna', kind: 'recruit', place: i % 2 ? 'tripoli' : 'misrata' });
});
const tamperedHash = edit((r) => {
  const t = r.turns[5];
  if (t) t.hash = t.hash.replace(/^./, (c) => (c === '0' ? '1' : '0'));
});
const droppedOrders = edit((r) => {
  const t = r.turns[2];
  if (t) t.orders = [];
});
const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
const cases: [string, string | Uint8Array, string, RegExp, number?][] = [
  ['truncated JSON', text.slice(0, Math.floor(text.length / 2)), 'not-json', /cut short or damaged/],
  ['empty file', '', 'not-json', /empty/],
  ['not JSON at all', 'hello, teacher', 'not-json', /not readable JSON/],
  ['a JSON array', '[1,2,3]', 'not-a-replay', /not a Ceasefire Line replay/],
  ['a scenario file', JSON.stringify({ id: 'sirte-2020', title: 'x' }), 'not-a-replay', /not a Ceasefire Line replay/],
  ['a newer format version', edit((r) => (r.version = 99)), 'newer-format', /newer version of the game \(format 99/],
  ['a version that is not a number', edit((r) => ((r as unknown as { version: string }).version = '1')), 'bad-shape', /format version/],
  ['other rules version', edit((r) => (r.rulesVersion = RULES_VERSION + 1)), 'other-rules', /rules version/],
  ['unknown scenario', edit((r) => (r.scenario.id = 'benghazi-2014')), 'unknown-scenario', /does not have \("benghazi-2014"\)/],
  ['scenario changed since', edit((r) => (r.scenario.hash = '0123456789abcdef')), 'scenario-changed', /has changed since/],
  ['order illegal at its turn', illegalAtTurn4, 'illegal-order', /Turn 4: the order gna “attack” \(tripoli\) was not allowed/, 4],
  ['orders over the turn’s budget', overBudget, 'illegal-order', /Turn 2: .*No orders left/, 2],
  ['tampered state hash', tamperedHash, 'diverged', /from turn 6 on/, 6],
  ['orders removed from a turn', droppedOrders, 'diverged', /from turn 3 on/, 3],
  ['turns after the ending', edit((r) => r.turns.push({ orders: [], hash: '0000000000000000' })), 'after-ending', /after the game ended/],
  ['a huge file', `{"format":"ceasefire-line-replay","pad":"${'x'.repeat(REPLAY_LIMITS.bytes)}"}`, 'too-large', /too large/],
  ['huge bytes', new Uint8Array(REPLAY_LIMITS.bytes + 1).fill(0x20), 'too-large', /at most 1,000,000/],
  ['deep nesting', deep, 'too-deep', /nested too deeply/],
  ['deep nesting inside a turn', edit((r) => ((r.turns[0] as unknown as { x: unknown }).x = JSON.parse(`${'['.repeat(20)}${']'.repeat(20)}`))), 'too-deep', /nested too deeply/],
  ['a __proto__ key', text.replace('"seed":', '"__proto__": {"polluted": true}, "seed":'), 'forbidden-key', /"__proto__"/],
  ['a constructor key in an order', text.replace('{"actor":', '{"constructor":{"prototype":{}},"actor":'), 'forbidden-key', /"constructor"/],
  ['non-UTF-8 bytes', new Uint8Array([...utf8(text.slice(0, 40)), 0xff, 0xfe, ...utf8(text.slice(40))]), 'not-utf8', /not UTF-8 text/],
  ['a lone surrogate in UTF-8', new Uint8Array([0x7b, 0xed, 0xa0, 0x80, 0x7d]), 'not-utf8', /position 1/],
  ['an overlong UTF-8 encoding', new Uint8Array([0xc0, 0xaf]), 'not-utf8', /not UTF-8/],
  ['UTF-16 text', new Uint8Array([0xff, 0xfe, 0x7b, 0x00]), 'not-utf8', /not UTF-8/],
  ['an unknown field', edit((r) => ((r as unknown as { cheat: boolean }).cheat = true)), 'bad-shape', /cheat/],
  ['an order of an unknown kind', edit((r) => ((r.turns[0]?.orders[0] as unknown as { kind: string }).kind = 'nuke')), 'bad-shape', /turns\.0\.orders\.0\.kind/],
  ['a malformed hash', edit((r) => ((r.turns[0] as { hash: string }).hash = '<b>x</b>')), 'bad-shape', /16-digit hex/],
  ['a role listed twice', edit((r) => (r.humans = ['gna', 'gna'])), 'bad-shape', /listed twice/],
  ['an unknown difficulty', edit((r) => ((r as unknown as { difficulty: string }).difficulty = 'insane')), 'bad-shape', /difficulty/],
  ['too many turns', edit((r) => (r.turns = Array.from({ length: REPLAY_LIMITS.turns + 1 }, () => ({ orders: [], hash: '0000000000000000' })))), 'bad-shape', /at most 200 turns/],
  ['a note too long', edit((r) => (r.note = 'x'.repeat(REPLAY_LIMITS.noteLength + 1))), 'bad-shape', /note/],
];

describe('replay: malformed files', () => {
  it.each(cases)('%s', (_name, input, code, message, turn) => {
    const bytes = typeof input === 'string' ? utf8(input) : input;
    const parsed = parseReplayBytes(bytes);
    const result = parsed.ok ? verifyReplay(parsed.value, find) : parsed;
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    // Told in English from its code.
    expect(problemText(result.error.msg)).toMatch(message);
    expect(problemText(result.error.msg)).not.toMatch(/undefined|\[object|TypeError|at \w+ \(/);
    if (turn !== undefined) expect(result.error.turn).toBe(turn);
    // Nothing leaked onto the prototypes.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('HTML in the note and the seed stays plain text', () => {
    const html = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const r = makeReplay({ scenario: sirte, seed: html, humans: [], difficulty: 'normal', orders: [], note: html });
    const parsed = parseReplay(replayText(r));
    expect(parsed.ok && parsed.value.note).toBe(html);
    expect(parsed.ok && parsed.value.seed).toBe(html);
    const loaded = loadReplay(replayText(r), find);
    expect(loaded.ok).toBe(true);
  });

  it('strict UTF-8 decoding agrees with TextDecoder on valid text (BOM dropped)', () => {
    const sample = 'Tripoli – طرابلس 🇱🇾 "quote" \\ end';
    const decoded = decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(sample)]));
    expect(decoded).toEqual({ ok: true, value: sample });
  });
});

describe('sim CLI: --export-replay and --replay', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ceasefire-replay-'));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  const run = (argv: string[]) => {
    const lines: string[] = [];
    const code = main(argv, (line) => lines.push(line));
    return { code, text: lines.join('\n') };
  };

  it('exports a game and verifies it turn by turn with the same final hash', () => {
    const file = join(dir, 'game.json');
    const played = run(['--scenario', 'sirte-2020', '--seed', '9', '--role', 'lna', '--export-replay', file]);
    expect(played.code).toBe(0);
    const finalHash = /Final state hash: ([0-9a-f]{16})/.exec(played.text)?.[1];
    const checked = run(['--replay', file]);
    expect(checked.code).toBe(0);
    expect(checked.text).toContain('Every turn matches');
    expect(checked.text).toContain(`Final state hash: ${finalHash}`);
    const json = run(['--replay', file, '--json']);
    expect(JSON.parse(json.text).ok).toBe(true);
  });

  it('names the first diverging turn and exits 1', () => {
    const file = join(dir, 'tampered.json');
    writeFileSync(file, tamperedHash);
    const { code, text: out } = run(['--replay', file]);
    expect(code).toBe(1);
    expect(out).toMatch(/tampered\.json: The replay differs from the game from turn 6 on/);
  });

  it('a missing file, a bad file and a misuse of options each get a message', () => {
    expect(run(['--replay', join(dir, 'none.json')]).text).toMatch(/cannot read the replay file .*ENOENT/);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"format":');
    expect(run(['--replay', bad])).toEqual({ code: 1, text: expect.stringMatching(/not readable JSON/) });
    expect(run(['--runs', '3', '--export-replay', join(dir, 'x.json')]).code).toBe(2);
  });
});
