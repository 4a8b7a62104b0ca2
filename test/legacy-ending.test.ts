// The ending holds no words: an ended state has its kind, winner, turn and scores, and the
// presentation tells it from endingMsg. Records made before the core stopped writing the
// ending's English into the state (Ending.text) hold the hash of their final state with that
// sentence in it; they still verify, everywhere a record's hash is checked, because the caller
// gives the core the sentence (src/game/legacy-ending.ts). save-v3-ended.json was written by main's
// code before the change (commit 629016f: a GameSession of seed "saves-ended" played to its
// ending, the GNA giving its first legal order each turn), and written again so under rules
// version 8 (whose Kaniyat no longer leaves Tarhuna: the old save's first turn moved it) and
// version 9 (whose units settle into their positions), its last hash replaced as for the replays
// below (the LNA's military victory in turn 9; version 10 left that game as it was), and under version 11
// (whose al-Watiya garrison stays in its base: the old save's second turn moved it) from seed
// "saves-ended-3", the first of "saves-ended", "saves-ended-2", … to end so (an LNA military victory in turn 9). The two replays were written so too, under rules
// version 6, and re-recorded when the rules became version 7, 8, 9, 10, 11, 12, 13 and 14 (an old rules version is
// refused before any hash is read): test/fixtures/replay-v14-ended.json is
// `npm run sim -- --seed 58 --role lna --export-replay …` (the LNA's collapse, in turn 20, the computer at its default, the
// historical persona; under version 11 seed 4, under 12 seed 58, under 13 seed 43; under 14 the first of 43, 4, 78, 10, 7,
// 58, … to end so, seeds played in that order), replay-v14-agreement.json `--seed 59`, all AI (seed 10 under version 11,
// 11 under 12 and 13; under 14 the first of seeds 1, 2, 3, … to end so)
// (a frozen conflict with an agreement held 3 of 8 turns, a sentence with figures), each with its
// last hash replaced, as that code wrote it, by the hash of the final state with the ending's
// English sentence (test/fixtures/english-pins.json, pinned from that code) in `ending.text`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../src/cli/files.ts';
import { main } from '../src/cli/sim.ts';
import { legacyEnding } from '../src/game/legacy-ending.ts';
import { AUTOSAVE_KEY, parseSave } from '../src/game/saves.ts';
import { GameSession, restoreOrSetAside } from '../src/game/session.ts';
import { setLang } from '../src/i18n/index.ts';
import { rebuildTable } from '../src/net/inspect.ts';
import type { TableInspect } from '../src/net/protocol.ts';
import {
  canonicalJson,
  type EndingKind,
  endingMsg,
  hashMatches,
  type Level,
  newGame,
  parseReplay,
  type Replay,
  type ReportMessage,
  resolveTurn,
  type Scenario,
  type State,
  stateHash,
  verifyReplay,
} from '../src/sim/index.ts';
import { errorText } from '../src/ui/error-text.ts';
import { messageText } from '../src/ui/report-text.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');

function load(id: string): Scenario {
  const loaded = loadScenarioFile(id);
  if (!loaded.ok) throw new Error(`${id} does not load`);
  return loaded.value;
}
const sirte = load('sirte-2020');
const find = (id: string) => (id === sirte.id ? sirte : undefined);

type Pin = { scenario: string; kind: EndingKind; msg: ReportMessage; text: string };
/** The sentences main's core wrote into ended states, beside their codes. */
const pins = (JSON.parse(fixture('english-pins.json')) as { endings: Pin[] }).endings;
const pinned = (msg: ReportMessage): string | undefined => pins.find((p) => p.scenario === 'sirte-2020' && canonicalJson(p.msg) === canonicalJson(msg))?.text;

function replayFixture(name: string): Replay {
  const parsed = parseReplay(fixture(name));
  if (!parsed.ok) throw new Error(`${name} does not parse`);
  return parsed.value;
}
const withLastHash = (replay: Replay, hash: string): Replay => ({ ...replay, turns: replay.turns.map((t, i) => (i === replay.turns.length - 1 ? { ...t, hash } : t)) });

afterEach(async () => {
  await setLang('en');
});

describe('an ended state holds no words', () => {
  // Each ending brought about in one turn of sirte-2020 (no orders), from a state set up for it.
  const cases: [string, EndingKind, (s: State) => void][] = [
    ['regional war', 'regional-war', (s) => void (s.country.escalation = 100)],
    ['catastrophe', 'catastrophe', (s) => void (s.country.civilianCasualties = sirte.rules.catastropheCasualties)],
    ['military victory', 'military-victory', (s) => void ((s.places[sirte.sides.lna.capital] as { controller: string }).controller = 'gna')],
    ['settlement', 'settlement', (s) => Object.assign(s.talks, { stage: 'agreement', held: sirte.rules.settlementTurns, politicalTrack: 100, trust: 60, monitors: true })],
    ['frozen conflict', 'frozen-conflict', (s) => Object.assign(s, { turn: sirte.turns }) && Object.assign(s.talks, { stage: 'ceasefire', trust: 60, monitors: true })],
    ['frozen conflict with an agreement not yet held', 'frozen-conflict', (s) => Object.assign(s, { turn: sirte.turns }) && Object.assign(s.talks, { stage: 'agreement', held: 2, politicalTrack: 100, trust: 60, monitors: true })],
    ['time out', 'time-out', (s) => void (s.turn = sirte.turns)],
  ];

  it.each(cases)('%s: the ending is kind, winner, turn and scores; told from endingMsg as the core once wrote it', (_label, kind, setUp) => {
    // The opening's pending choice (a truce called from abroad) settled, so that talks set up by hand stand.
    const before = { ...newGame(sirte, 'no-words', ['gna'], 'normal'), pending: [] };
    setUp(before);
    const { state, report } = resolveTurn(sirte, before, []);
    const ending = state.ending;
    expect(ending?.kind).toBe(kind);
    if (!ending) return;
    expect(Object.keys(ending).sort()).toEqual(['kind', 'scores', 'turn', 'winner']);
    const msg = endingMsg(ending.kind, sirte, ending.winner, state);
    // The report says the ending with the same code.
    expect(report.events.filter((e) => e.mechanic === 'ending').map((e) => e.msg)).toEqual([msg]);
    const told = messageText(msg, sirte);
    expect(told).toBe(pinned(msg));
    // Nowhere in the state: not the sentence, not a word of it that is not an id.
    const json = canonicalJson(state);
    expect(json).not.toContain(told);
    expect(json).not.toMatch(/force of arms|political settlement|frozen conflict|humanitarian catastrophe|escalation spiral|still undecided|signed an agreement/);
    // The sentence the core used to write, told by the legacy teller, in English whatever the language.
    expect(legacyEnding(sirte, state, ending)).toBe(told);
  });

  it('the legacy teller tells English while the screen is in French or Arabic', async () => {
    const before = newGame(sirte, 'no-words', [], 'normal');
    before.country.escalation = 100;
    const { state } = resolveTurn(sirte, before, []);
    const english = legacyEnding(sirte, state, state.ending!);
    for (const l of ['fr', 'ar'] as const) {
      await setLang(l);
      expect(messageText(endingMsg('regional-war', sirte, null, state), sirte)).not.toBe(english);
      expect(legacyEnding(sirte, state, state.ending!)).toBe(english);
      // And the language is left as it was.
      expect(messageText(endingMsg('regional-war', sirte, null, state), sirte)).not.toBe(english);
    }
  });
});

describe('a replay recorded before the sentence left the state still verifies', () => {
  it.each([
    ['replay-v14-ended.json', 'collapse'],
    ['replay-v14-agreement.json', 'frozen-conflict'],
  ])('%s: its last hash is of the final state with the old sentence; it verifies with the teller, not without', async (name, kind) => {
    const replay = replayFixture(name);
    const n = replay.turns.length;
    // Without the old sentence the last turn differs (the fixture really is an old record) …
    const bare = verifyReplay(replay, find);
    expect(bare.ok).toBe(false);
    if (!bare.ok) expect([bare.error.code, bare.error.turn]).toEqual(['diverged', n]);
    // … with it, every turn verifies.
    const verified = verifyReplay(replay, find, { legacyEnding });
    expect(verified.ok).toBe(true);
    if (!verified.ok) return;
    const frames = verified.value.frames;
    const last = frames[n]!.state;
    expect(last.ending?.kind).toBe(kind);
    // Every turn but the last has the file's own hash; the last, the state's as computed now.
    expect(frames.slice(1, n).map((f) => f.hash)).toEqual(replay.turns.slice(0, n - 1).map((t) => t.hash));
    expect(frames[n]!.hash).toBe(stateHash(last));
    expect(frames[n]!.hash).not.toBe(replay.turns[n - 1]!.hash);
    // The recorded hash is that state with the sentence pinned from main's core, independently of the teller.
    const msg = endingMsg(last.ending!.kind, sirte, last.ending!.winner, last);
    expect(stateHash({ ...last, ending: { ...last.ending, text: pinned(msg) } })).toBe(replay.turns[n - 1]!.hash);
    // In French too: the sentence was English in every game.
    await setLang('fr');
    expect(verifyReplay(replay, find, { legacyEnding }).ok).toBe(true);
  });

  it('a tampered final hash is still refused, and so is the hash of the state with another sentence', () => {
    const replay = replayFixture('replay-v14-ended.json');
    const n = replay.turns.length;
    const recorded = replay.turns[n - 1]!.hash;
    const tampered = verifyReplay(withLastHash(replay, `${recorded.slice(0, -1)}${recorded.endsWith('0') ? '1' : '0'}`), find, { legacyEnding });
    expect(tampered.ok).toBe(false);
    if (!tampered.ok) expect([tampered.error.code, tampered.error.turn]).toEqual(['diverged', n]);
    const verified = verifyReplay(replay, find, { legacyEnding });
    if (!verified.ok) throw new Error('the fixture does not verify');
    const last = verified.value.frames[n]!.state;
    const other = stateHash({ ...last, ending: { ...last.ending, text: 'GNA won by force of arms.' } });
    expect(verifyReplay(withLastHash(replay, other), find, { legacyEnding }).ok).toBe(false);
    expect(hashMatches(sirte, last, other, legacyEnding)).toBe(false);
    // An earlier turn's state has no ending: the teller is not asked, its own hash alone matches.
    const earlier = verified.value.frames[n - 1]!;
    expect(hashMatches(sirte, earlier.state, earlier.hash, () => 'never asked')).toBe(true);
    expect(hashMatches(sirte, earlier.state, recorded, () => { throw new Error('asked about a state without an ending'); })).toBe(false);
    // A new game's final state matches its own hash, with or without the teller.
    expect(hashMatches(sirte, last, stateHash(last))).toBe(true);
  });

  it('the runner verifies it (exit 0) and says which hash the file holds', () => {
    const lines: string[] = [];
    expect(main(['--replay', join(FIXTURES, 'replay-v14-ended.json')], (l) => lines.push(l))).toBe(0);
    const replay = replayFixture('replay-v14-ended.json');
    const n = replay.turns.length;
    expect(lines.find((l) => l.startsWith(`turn ${String(n).padStart(3)}`))).toContain(`the file has ${replay.turns[n - 1]!.hash}`);
    expect(lines.filter((l) => l.includes('the file has'))).toHaveLength(1);
    expect(lines.at(-1)).toMatch(/^Every turn matches\. Ending: collapse on turn \d+\./);
  });

  it('a classroom table stored before (its turns and hashes) is rebuilt in the teacher\'s browser; a tampered one is not', () => {
    const replay = replayFixture('replay-v14-agreement.json');
    const table: TableInspect = { no: 1, code: 'OLD1', scenario: 'sirte-2020', whatIfs: [], seed: replay.seed, difficulty: replay.difficulty as Level, seats: [...replay.humans], status: 'ended', turns: replay.turns, queued: {}, ended: [] };
    const rebuilt = rebuildTable(sirte, table);
    expect(rebuilt.states.at(-1)?.ending?.kind).toBe('frozen-conflict');
    const n = replay.turns.length;
    expect(() => rebuildTable(sirte, { ...table, turns: withLastHash(replay, '0123456789abcdef').turns })).toThrow(`table 1 played again differs from its record at turn ${n}`);
  });
});

describe('a save made before the sentence left the state still restores', () => {
  it('a finished game\'s save rebuilds to its ending (in English and in French); a tampered last hash is refused', async () => {
    const read = parseSave(fixture('save-v3-ended.json'));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const save = read.save;
    expect(save.ended).toBe(true);
    const session = await GameSession.restore(save);
    expect(session.state.ending?.kind).toBe('military-victory');
    expect(session.hashes.slice(0, -1)).toEqual(save.hashes?.slice(0, -1));
    // The restored game keeps its hashes as computed now: saved again, it holds no old hash.
    expect(session.hashes.at(-1)).toBe(session.hash);
    expect(session.toSave().hashes?.at(-1)).not.toBe(save.hashes?.at(-1));
    await setLang('fr');
    expect((await GameSession.restore(save)).hash).toBe(session.hash);
    await setLang('en');
    const turns = save.orders.length;
    const tampered = { ...save, hashes: [...(save.hashes ?? []).slice(0, -1), '0123456789abcdef'] };
    const refused = await restoreOrSetAside(tampered, AUTOSAVE_KEY, null);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(errorText(refused.problemMsg)).toContain(`differs from the one saved from turn ${turns} on`);
  });
});
