// Problems with what the player brings in — saved games, replay files, share links, scenarios
// that will not load — are written as message codes (ProblemMessage), some beside an English
// sentence of the code that found them (links, scenario files). Told in English from its code,
// every problem is that sentence character for character; a problem with no sentence of its own
// (a save's, a replay's: the sim core and the saves write none) reads in full. Told in Arabic,
// French and Italian it leaves no key, no placeholder and no English phrase (apart from its
// technical values: ids, paths, positions, the validator's words).
// The malformed inputs are those of test/saves.test.ts, test/replay.test.ts and test/links.test.ts.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchScenarioFiles, scenarioMeta } from '../src/content/catalog.ts';
import { problemLine } from '../src/content/catalog-problems.ts';
import { loadAllScenarios, loadBundledScenario, validateScenarioFiles } from '../src/content/index.ts';
import { scenarioById } from '../src/game/content.ts';
import { encodeOrders, LINK_LIMITS, readLink } from '../src/game/link.ts';
import { type ProblemMessage, problem, problemOf } from '../src/game/problem.ts';
import { MemoryStorage, SAVE_LIMITS, SAVE_VERSION, type SaveFile, saveText, slotKey } from '../src/game/saves.ts';
import { AUTOSAVE_KEY, GameSession, openReplay, readAutosave, readSlots, restoreOrSetAside } from '../src/game/session.ts';
import type { Replay } from '../src/game/sim-types.ts';
import { setLang } from '../src/i18n/index.ts';
import { issueMsg, REPLAY_LIMITS } from '../src/sim/replay.ts';
import { RULES_VERSION } from '../src/sim/version.ts';
import { unknownWhatIf, unknownWhatIfMsg } from '../src/sim/whatif.ts';
import { errorText } from '../src/ui/error-text.ts';
import { readCatalog } from '../tools/scenario-catalog.ts';

/** One problem: where it came from, its English sentence (null when its code is all there is), its code. */
type Case = [name: string, english: string | null, msg: ProblemMessage];
const cases: Case[] = [];

// ---- Saved games ------------------------------------------------------------------------------

const session = await GameSession.start({ scenarioId: 'sirte-2020', seed: 'saves-1', role: 'gna', difficulty: 'normal' });
for (let t = 0; t < 3; t++) {
  const order = session.legalOrders().find((o) => o.kind !== 'event-choice');
  if (order) session.queue(order);
  session.endTurn();
}
const good: SaveFile = session.toSave();
const goodText = saveText(good);
const tweak = (fn: (s: Record<string, unknown>) => void): string => {
  const copy = structuredClone(good) as unknown as Record<string, unknown>;
  fn(copy);
  return JSON.stringify(copy);
};
const damagedSaves: [string, string][] = [
  ['truncated JSON', goodText.slice(0, goodText.length - 40)],
  ['an empty save', ''],
  ['binary garbage', '\u0000\u00ff\ufffd\ud800garbage'],
  ['not a record', '[1,2]'],
  ['a newer version', tweak((s) => (s.version = SAVE_VERSION + 1))],
  ['no version', tweak((s) => delete s.version)],
  ['an unknown scenario', tweak((s) => (s.scenarioId = 'cyrenaica-2011'))],
  ['an unknown role', tweak((s) => (s.role = 'wagner'))],
  ['an order log that is not a list', tweak((s) => (s.orders = 'all of them'))],
  ['an order of an unknown kind', tweak((s) => ((s.orders as { kind: string }[][])[0]![0]!.kind = 'teleport'))],
  ['hashes that do not match the turns', tweak((s) => (s.hashes = []))],
  ['a role not among its players', tweak((s) => (s.humans = ['lna', 'mediator']))],
  ['a __proto__ key', goodText.replace('{"version"', '{"__proto__":{"isAdmin":true},"version"')],
  ['a constructor key', goodText.replace('"seed"', '"constructor":1,"seed"')],
  ['deep nesting', `${'['.repeat(50_000)}${']'.repeat(50_000)}`],
  ['a huge save', `{"version":2,"x":"${'y'.repeat(SAVE_LIMITS.chars)}"}`],
  ['a name too long', tweak((s) => (s.name = 'n'.repeat(61)))],
  ['a bad scenario id', tweak((s) => (s.scenarioId = 'Sirte!'))],
  ['a bad state hash', tweak((s) => (s.hashes = ['x', 'y', 'z']))],
  ['a bad what-if id', tweak((s) => (s.whatIfs = ['Peace Now']))],
  ['a hot-seat game of one', tweak((s) => (s.humans = ['gna']))],
];
for (const [name, text] of damagedSaves) {
  // The autosave, and the same save in slot 3 (named by its slot).
  const auto = new MemoryStorage();
  auto.setItem(AUTOSAVE_KEY, text);
  const read = readAutosave(auto);
  cases.push([`save: ${name}`, null, read.problemMsg as ProblemMessage]);
  const slots = new MemoryStorage();
  slots.setItem(slotKey(3), text);
  const slot = readSlots(slots)[2];
  cases.push([`save in a slot: ${name}`, null, slot?.problemMsg as ProblemMessage]);
}
// A save that reads well but cannot be rebuilt: set aside, or left in place when storage refuses.
const restoreCases: [string, SaveFile][] = [
  ['a changed hash', { ...good, hashes: good.hashes?.map((h, i) => (i === 1 ? h.replace(/^./, (c) => (c === '0' ? '1' : '0')) : h)) }],
  ['an order not allowed', { ...good, orders: good.orders.map((t, i) => (i === 1 ? [...t, { actor: 'gna', kind: 'attack', from: 'misrata', target: 'tripoli' } as never] : t)) }],
  ['an unknown scenario', { ...good, scenarioId: 'cyrenaica-2011' }],
  ['a role that cannot be played', { ...good, role: 'backer:nobody' as never }],
  ['an unknown what-if', { ...good, whatIfs: ['peace-now'] }],
];
for (const [name, save] of restoreCases) {
  const storage = new MemoryStorage();
  storage.setItem(AUTOSAVE_KEY, saveText(save));
  const restored = await restoreOrSetAside(save, AUTOSAVE_KEY, storage);
  if (restored.ok) throw new Error(`${name}: restored`);
  cases.push([`restore: ${name}`, null, restored.problemMsg]);
  const refusing = new MemoryStorage();
  refusing.setItem(AUTOSAVE_KEY, saveText(save));
  refusing.setItem = () => {
    throw new Error('full');
  };
  const left = await restoreOrSetAside(save, AUTOSAVE_KEY, refusing);
  if (!left.ok) cases.push([`restore, storage full: ${name}`, null, left.problemMsg]);
}
// Past the ending: the whole game, then one turn more.
{
  const ended = await GameSession.start({ scenarioId: 'tutorial', seed: 'end-1', role: 'gna', difficulty: 'normal' });
  while (!ended.state.ending) ended.endTurn();
  const save = { ...ended.toSave(), orders: [...ended.toSave().orders, []], hashes: undefined };
  const restored = await restoreOrSetAside(save, AUTOSAVE_KEY, new MemoryStorage());
  if (!restored.ok) cases.push(['restore: after the ending', null, restored.problemMsg]);
}

// ---- Replay files ---------------------------------------------------------------------------

const replayText = session.toReplay();
const replay = JSON.parse(replayText) as Replay;
const utf8 = (s: string) => new TextEncoder().encode(s);
const edit = (fn: (r: Replay) => void): string => {
  const copy = structuredClone(replay);
  fn(copy);
  return JSON.stringify(copy);
};
const badReplays: [string, string | Uint8Array][] = [
  ['truncated JSON', replayText.slice(0, Math.floor(replayText.length / 2))],
  ['empty file', ''],
  ['not JSON at all', 'hello, teacher'],
  ['a JSON array', '[1,2,3]'],
  ['a newer format version', edit((r) => (r.version = 99))],
  ['a version that is not a number', edit((r) => ((r as unknown as { version: string }).version = '1'))],
  ['an old format version', edit((r) => (r.version = 0.5))],
  ['other rules version', edit((r) => (r.rulesVersion = RULES_VERSION + 1))],
  ['unknown scenario', edit((r) => (r.scenario.id = 'benghazi-2014'))],
  ['unknown what-if', edit((r) => (r.whatIfs = ['peace-now']))],
  ['scenario changed since', edit((r) => (r.scenario.hash = '0123456789abcdef'))],
  ['a role that cannot be played', edit((r) => (r.humans = ['backer:nobody']))],
  ['order illegal at its turn', edit((r) => r.turns[1]?.orders.push({ actor: 'gna', kind: 'attack', from: 'misrata', target: 'tripoli' } as never))],
  ['order illegal, no target', edit((r) => r.turns[1]?.orders.push(...Array.from({ length: 12 }, () => ({ actor: 'gna', kind: 'pay-salaries' }) as never)))],
  ['tampered state hash', edit((r) => ((r.turns[2] as { hash: string }).hash = '0123456789abcdef'))],
  ['a huge file', `{"format":"ceasefire-line-replay","pad":"${'x'.repeat(REPLAY_LIMITS.bytes)}"}`],
  ['huge bytes', new Uint8Array(REPLAY_LIMITS.bytes + 1).fill(0x20)],
  ['deep nesting', `${'['.repeat(100_000)}${']'.repeat(100_000)}`],
  ['a __proto__ key', replayText.replace('"seed":', '"__proto__": {"polluted": true}, "seed":')],
  ['non-UTF-8 bytes', new Uint8Array([...utf8(replayText.slice(0, 40)), 0xff, 0xfe, ...utf8(replayText.slice(40))])],
  ['a lone surrogate in UTF-8', new Uint8Array([0x7b, 0xed, 0xa0, 0x80, 0x7d])],
  ['UTF-16 text', new Uint8Array([0xff, 0xfe, 0x7b, 0x00])],
  ['an unknown field', edit((r) => ((r as unknown as { cheat: boolean }).cheat = true))],
  ['an order of an unknown kind', edit((r) => ((r.turns[0]?.orders[0] as unknown as { kind: string }).kind = 'nuke'))],
  ['a malformed hash', edit((r) => ((r.turns[0] as { hash: string }).hash = '<b>x</b>'))],
  ['a role listed twice', edit((r) => (r.humans = ['gna', 'gna']))],
  ['too many turns', edit((r) => (r.turns = Array.from({ length: REPLAY_LIMITS.turns + 1 }, () => ({ orders: [], hash: '0000000000000000' }))))],
  ['too many orders in a turn', edit((r) => ((r.turns[0] as { orders: unknown[] }).orders = Array.from({ length: REPLAY_LIMITS.ordersPerTurn + 1 }, () => ({ actor: 'gna', kind: 'pay-salaries' }))))],
  ['a bad scenario id', edit((r) => (r.scenario.id = 'Sirte!'))],
  ['a bad what-if id', edit((r) => (r.whatIfs = ['Peace Now']))],
  ['a what-if listed twice', edit((r) => (r.whatIfs = ['turkey-out', 'turkey-out']))],
  ['a bad role', edit((r) => (r.humans = ['wagner' as never]))],
  ['an order by an unknown actor', edit((r) => ((r.turns[0]?.orders[0] as unknown as { actor: string }).actor = 'wagner'))],
  ['a rules version that is not a whole number', edit((r) => (r.rulesVersion = 1.5))],
];
for (const [name, input] of badReplays) {
  const opened = await openReplay(typeof input === 'string' ? utf8(input) : input);
  if (opened.ok) throw new Error(`${name}: opened`);
  cases.push([`replay: ${name}`, null, opened.problemMsg]);
}
{
  // Turns after the ending.
  const ended = await GameSession.start({ scenarioId: 'tutorial', seed: 'end-2', role: 'gna', difficulty: 'normal' });
  while (!ended.state.ending) ended.endTurn();
  const r = JSON.parse(ended.toReplay()) as Replay;
  r.turns.push({ orders: [], hash: '0000000000000000' });
  const opened = await openReplay(utf8(JSON.stringify(r)));
  if (!opened.ok) cases.push(['replay: turns after the ending', null, opened.problemMsg]);
}

// ---- Share links ----------------------------------------------------------------------------

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const packed = (text: string) => b64(deflateSync(new TextEncoder().encode(text)));
const link = (params: Record<string, string>) => `?${new URLSearchParams({ scenario: 'sirte-2020', role: 'gna', seed: 'link-3', ...params })}`;
const badLinks: [string, string][] = [
  ['orders cut short', link({ orders: (encodeOrders(session.playerOrders()) ?? '').slice(0, 30) })],
  ['orders with characters outside base64url', link({ orders: 'abc$%^&*' })],
  ['non-UTF-8 bytes inside', link({ orders: b64(deflateSync(new Uint8Array([0x5b, 0xff, 0xfe, 0x5d]))) })],
  ['empty orders', link({ orders: packed('') })],
  ['not JSON inside', link({ orders: packed('[[{"kind":') })],
  ['deep nesting inside', link({ orders: packed(`${'['.repeat(50)}${']'.repeat(50)}`) })],
  ['a __proto__ key inside', link({ orders: packed('[[{"kind":"fortify","place":"tripoli","__proto__":{"x":1}}]]') })],
  ['too large inside', link({ orders: packed(`"${' '.repeat(70_000)}"`) })],
  ['not a list of turns', link({ orders: packed('{"kind":"fortify"}') })],
  ['an order of an unknown kind', link({ orders: packed('[[{"kind":"nuke"}]]') })],
  ['an order of none of the roles', link({ role: 'gna,lna', orders: packed('[[{"kind":"pay-salaries","actor":"mediator"}]]') })],
  ['too many orders in a turn', link({ orders: packed(JSON.stringify([Array.from({ length: 21 }, () => ({ kind: 'pay-salaries' }))])) })],
  ['orders too long for a link', link({ orders: 'A'.repeat(LINK_LIMITS.chars + 1) })],
  ['orders without a seed', '?scenario=sirte-2020&role=gna&orders=abc'],
  ['an unknown scenario', '?scenario=<script>alert(1)</script>&role=gna&seed=1'],
  ['an unknown role', link({ role: 'haftar' })],
  ['a role that cannot be played', link({ role: 'backer:nobody' })],
  ['a role twice', link({ role: 'gna,gna' })],
  ['too many roles', link({ role: 'gna,lna,mediator,gna,lna,mediator,gna,lna,mediator' })],
  ['an empty seed', link({ seed: '<>' })],
  ['an unknown what-if', link({ whatif: 'peace-now' })],
  ['a what-if where there are none', '?scenario=tutorial&role=gna&seed=1&whatif=peace-now'],
];
for (const [name, search] of badLinks) {
  const read = await readLink(search);
  if (read.kind !== 'error') throw new Error(`${name}: ${read.kind}`);
  cases.push([`link: ${name}`, read.message, read.msg]);
}
for (const [name, params] of [
  ['a seed with emoji and markup', { seed: 'ab😀<b>c</b>' }],
  ['an unknown difficulty', { difficulty: 'nightmare' }],
] as const) {
  const read = await readLink(link(params));
  if (read.kind !== 'start') throw new Error(name);
  read.start.notes?.forEach((note, i) => cases.push([`link note: ${name}`, note, read.start.noteMsgs?.[i] as ProblemMessage]));
}
// A link that reads but cannot start its game (the Preloader's words around the session's).
// An error whose cause is the core's refusal of an order has no English sentence of its own
// (its message names the code, for developers): `sentence` false.
const cannotStart = async (name: string, start: () => Promise<unknown>, sentence = true) => {
  try {
    await start();
    throw new Error(`${name}: started`);
  } catch (error) {
    cases.push([`link start: ${name}`, sentence ? `This link could not start a game: ${(error as Error).message}` : null, problem('errors.link.cannotStart', { reason: problemOf(error) })]);
  }
};
const setup = { scenarioId: 'sirte-2020', seed: 'link-3', role: 'gna' as const, difficulty: 'normal' as const };
await cannotStart('an order not allowed', () => GameSession.fromPlayerOrders(setup, [[], [{ actor: 'gna', kind: 'attack', from: 'misrata', target: 'tripoli' } as never]]), false);
await cannotStart('an order of nobody', () => GameSession.fromPlayerOrders(setup, [[{ actor: 'lna', kind: 'pay-salaries' } as never]]));
await cannotStart('orders after the ending', () => GameSession.fromPlayerOrders({ ...setup, scenarioId: 'tutorial' }, Array.from({ length: 40 }, () => [])));

// ---- Scenarios and new games ----------------------------------------------------------------

const startFails = async (name: string, start: () => Promise<unknown>) => {
  try {
    await start();
    throw new Error(`${name}: started`);
  } catch (error) {
    cases.push([`start: ${name}`, (error as Error).message, problemOf(error)]);
  }
};
await startFails('an unknown scenario', () => GameSession.start({ ...setup, scenarioId: 'cyrenaica-2011' }));
await startFails('a role that cannot be played', () => GameSession.start({ ...setup, role: 'backer:nobody' }));
await startFails('a role twice', () => GameSession.start({ ...setup, humans: ['gna', 'gna'] }));
await startFails('an unknown what-if', () => GameSession.start({ ...setup, whatIfs: ['peace-now'] }));
await startFails('a what-if where there are none', () => GameSession.start({ ...setup, scenarioId: 'tutorial', whatIfs: ['peace-now'] }));
await startFails('files of an unknown scenario', () => fetchScenarioFiles('cyrenaica-2011'));
{
  const meta = scenarioMeta('sirte-2020');
  if (!meta) throw new Error('no sirte-2020');
  const raw = JSON.parse(readFileSync(meta.file, 'utf8')) as Record<string, unknown>;
  const maps = [{ file: 'levels/maps/libya.json', data: JSON.parse(readFileSync('levels/maps/libya.json', 'utf8')) }];
  await startFails('an invalid file (one problem)', async () => validateScenarioFiles({ meta, scenario: { file: meta.file, data: { ...raw, turns: 'many' } }, maps }));
  await startFails('an invalid file (several problems)', async () => validateScenarioFiles({ meta, scenario: { file: meta.file, data: { ...raw, turns: 'many', startDate: 5, actors: 'none' } }, maps }));
  await startFails('a file holding another id', async () => validateScenarioFiles({ meta, scenario: { file: meta.file, data: { ...raw, id: 'sirte-2020-b' } }, maps }));
}

// Files of levels/ that cannot be listed (the catalog, when the game is built): the menu's line.
{
  const root = mkdtempSync(join(tmpdir(), 'ceasefire-errors-'));
  try {
    mkdirSync(join(root, 'levels/scenarios'), { recursive: true });
    mkdirSync(join(root, 'levels/maps'), { recursive: true });
    const good = { id: 'a', map: 'm', title: 'A', subtitle: 'a', startDate: '2020-01-01', turns: 3, playable: ['gna'] };
    const files: Record<string, string> = {
      'levels/scenarios/a.json': JSON.stringify(good),
      'levels/scenarios/b.json': JSON.stringify({ ...good, id: 'b', turns: 'three', playable: ['haftar'] }),
      'levels/scenarios/c.json': '{"id": "c",',
      'levels/scenarios/d.json': JSON.stringify({ ...good, title: 'Again' }),
      'levels/scenarios/e.json': '[1]',
      'levels/scenarios/f.json': JSON.stringify({ whatIfs: 'none' }),
      'levels/maps/m.json': JSON.stringify({ name: 'm' }),
    };
    for (const [file, text] of Object.entries(files)) writeFileSync(join(root, file), text);
    for (const p of readCatalog(root).problems) cases.push([`catalog: ${p.file}`, `${p.file}: ${p.message}`, problemLine(p.file, p.msg as ProblemMessage)]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

// An order's problem with a code of its own (OrderProblem.msg, written by the order checks): told
// by the report's teller inside the sentence (here a report key stands for one).
cases.push([
  'replay: an order whose problem has a code',
  'Turn 2: the order gna “attack” was not allowed at that turn — Tripoli changed hands earlier in the fortnight',
  problem('errors.replay.illegalOrder', { turn: 2, order: problem('errors.order.bare', { by: 'gna', kind: 'attack' }), problem: { key: 'report.odds.why.changedHands', values: { place: 'tripoli' } } }),
]);

// The validator's words no input above reaches (a message of another form is kept as it is).
for (const words of ['unexpected content', 'Invalid integer: Received 1.5', 'at most 400 orders per turn', 'Something else entirely.']) {
  cases.push([`validator: ${words}`, words, issueMsg(words)]);
}
{
  // Every bundled scenario has what-ifs: one without, for the message that says so.
  const bare = { ...(await loadBundledScenario('tutorial')), whatIfs: [] };
  const clause = unknownWhatIf(bare, ['peace-now']) as string;
  cases.push(['what-if: a scenario without any', clause, unknownWhatIfMsg(bare, ['peace-now'], false) as ProblemMessage]);
  cases.push(['what-if: a scenario without any (a sentence)', `${clause.charAt(0).toUpperCase()}${clause.slice(1)}.`, unknownWhatIfMsg(bare, ['peace-now'], true) as ProblemMessage]);
}

// ---- The checks -----------------------------------------------------------------------------

/** The English of the problems with no sentence of their own, told from their codes (for the other languages to differ from). */
const inEnglish = new Map<ProblemMessage, string>();

/** Why a told problem does not read in full (a key or a placeholder left, the teller's "undefined" or "NaN"), or null; technical values are taken out first. */
function unread(told: string, msg: ProblemMessage): string | null {
  if (!told.trim()) return 'empty';
  const found = /errors\.[a-z]|orders\.[a-z]|[{}]|undefined|NaN|\[object/.exec(withoutTechnical(told, msg));
  return found ? `"${found[0]}" in it` : null;
}

/** The values shown as they are (technical details), deep: they may stay English in any language. */
function technical(msg: ProblemMessage, out: string[] = []): string[] {
  for (const [name, value] of Object.entries(msg.values)) {
    if (typeof value === 'object') technical(value, out);
    else if (typeof value === 'string' && !name.startsWith('scenario')) out.push(value);
  }
  return out;
}

/** Every run of three words (of letters) in `text`, lower-cased. */
function trigrams(text: string): Set<string> {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  return new Set(words.slice(2).map((w, i) => `${words[i]} ${words[i + 1]} ${w}`));
}

// Longest first: a short value ("save", a path) may be part of a longer one (an aside key, the
// validator's words). The role ids a link is written with (gna, lna, mediator, backer:<id>) are
// its syntax, the same in every language.
const withoutTechnical = (text: string, msg: ProblemMessage) =>
  technical(msg)
    .sort((a, b) => b.length - a.length)
    .reduce((t, v) => (v ? t.split(v).join(' ') : t), text)
    .replace(/\b(gna|lna|mediator|backer:<id>)\b/g, ' ');

describe('problems as message codes', () => {
  afterAll(() => setLang('en'));

  it('the table covers every kind of problem', () => {
    const keys = new Set<string>();
    const walk = (msg: ProblemMessage) => {
      keys.add(msg.key);
      for (const v of Object.values(msg.values)) if (typeof v === 'object') walk(v);
    };
    for (const [, , msg] of cases) walk(msg);
    console.log(`${cases.length} problems, ${keys.size} keys`);
    expect(cases.length).toBeGreaterThan(100);
    // Every key but the passthrough for errors from elsewhere, and a fetch that failed (the network's).
    // Keys no input here reaches: the passthrough for errors from elsewhere; a fetch that failed
    // (the network's); formats older than any this build migrates; a validator issue without a
    // path; JSON too large once inflated (the inflation cap, the same size, refuses it first).
    const never = [
      'errors.text',
      'errors.scenario.notInBuild',
      'errors.scenario.notArrived',
      'errors.scenario.notLoaded',
      'errors.save.notOpenedNow',
      'errors.save.oldFormat',
      'errors.replay.oldFormat',
      'errors.replay.damaged',
      'errors.save.damaged',
      'errors.link.json.tooLarge',
    ];
    const all = Object.keys(JSON.parse(readFileSync('locales/en/errors.json', 'utf8')) as Record<string, string>);
    expect(all.filter((k) => !keys.has(k) && !never.includes(k))).toEqual([]);
  });

  it('told in English from its code, every problem is its English sentence, character for character, or reads in full', async () => {
    await setLang('en');
    const wrong = cases
      .filter(([, english, msg]) => (english === null ? unread(errorText(msg), msg) : errorText(msg) !== english))
      .map(([name, english, msg]) => `${name}\n  text: ${english}\n  told: ${errorText(msg)}`);
    expect(wrong).toEqual([]);
  });

  it('a scenario named by its id is told with the title the English sentence had', async () => {
    await setLang('en');
    for (const scenario of await loadAllScenarios()) expect(scenarioById(scenario.id)?.title, scenario.id).toBe(scenario.title);
  });

  describe.each(['ar', 'fr', 'it'] as const)('in %s', (l) => {
    beforeAll(async () => {
      await setLang('en');
      for (const [, english, msg] of cases) if (english === null) inEnglish.set(msg, errorText(msg));
      await setLang(l);
    });
    it('every problem reads in full: no key, no placeholder, no English phrase', () => {
      const bad: string[] = [];
      for (const [name, sentence, msg] of cases) {
        // Words the code has no code for are shown as they are, in any language.
        if (msg.key === 'errors.text') continue;
        const english = sentence ?? inEnglish.get(msg) ?? '';
        const told = errorText(msg);
        if (unread(told, msg) || told === english) {
          bad.push(`${name}: ${told}`);
          continue;
        }
        // Three English words in a row (outside the technical values) are English left over.
        const theirs = trigrams(withoutTechnical(told, msg));
        const left = [...trigrams(withoutTechnical(english, msg))].filter((g) => theirs.has(g));
        if (left.length) bad.push(`${name}: "${left.join('", "')}" in: ${told}`);
      }
      expect(bad).toEqual([]);
    });
  });
});
