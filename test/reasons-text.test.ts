// The AI's reasons for its orders (TurnReport.reasonMsgs, AiDecision.reasonMsgs), the ceasefire
// forecast (forecastMsgs) and "Left history here" (Departure.msg) are message codes
// (locales/<lang>/reasons.json and orders.json) with no sentence beside them. Checked three ways:
// a table of pinned English sentences (test/fixtures/english-pins.json: the core's own English
// until it stopped writing it, one per code) told back word for word; every code met in seeded
// games of every scenario told in English with nothing left untold (no key, placeholder,
// "undefined" or "NaN"); and the same in Arabic, French and Italian, with no English sentence
// left. Random legal orders for the three main roles (the AI plays the rest, and stands in the
// backers' seats when people hold them), and all-AI games. The endings (endingMsg) too: their
// pins are the sentences the core wrote into the ended state until it stopped (Ending.text).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LEVELS, loadScenarioFile, mapFiles } from '../src/cli/files.ts';
import { loadContent } from '../src/i18n/content.ts';
import { setLang } from '../src/i18n/index.ts';
import {
  aiOrders,
  ceasefireForecast,
  DEFAULT_TERMS,
  departures,
  endingMsg,
  forecastMsgs,
  type HistoryRecord,
  loadRecord,
  newGame,
  otherActorsOrders,
  type PlayerRole,
  playGame,
  type ReportMessage,
  type Role,
  resolveTurn,
  type Scenario,
  type State,
} from '../src/sim/index.ts';
import { Rng } from '../src/sim/rng.ts';
import { messageText } from '../src/ui/report-text.ts';
import { randomOrders } from '../tools/random-orders.ts';

function load(id: string): Scenario {
  const loaded = loadScenarioFile(id);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
  return loaded.value;
}

const libya = new Set((mapFiles().find((m) => (m.data as { id: string }).id === 'libya')!.data as { places: { id: string }[] }).places.map((p) => p.id));
const recordLoaded = loadRecord({ file: 'levels/record.json', data: JSON.parse(readFileSync(join(LEVELS, 'record.json'), 'utf8')) }, libya);
if (!recordLoaded.ok) throw new Error('the record does not load');
const record: HistoryRecord = recordLoaded.value;

/** A code met in play. */
type Said = { kind: 'reason' | 'forecast' | 'departure' | 'ending'; msg: ReportMessage };

function* each(kind: Said['kind'], msgs: readonly ReportMessage[] = []): Generator<Said> {
  for (const msg of msgs) yield { kind, msg };
}

/** A told sentence with something left untold: a key, a placeholder, a missing value. */
const unfilled = (told: string): boolean => /\b(report|reasons|orders)\.[a-z]/.test(told) || /[{}]/.test(told) || /\bundefined\b|\bNaN\b/.test(told) || told.trim() === '';

/** What a state says beside its turn: its departures from the record and (every few turns) the forecast of a proposal. */
function* around(scenario: Scenario, state: State, turn: number, forecastRole: PlayerRole): Generator<Said> {
  if (scenario.map.id === 'libya') for (const d of departures(record, scenario, state)) yield { kind: 'departure', msg: d.msg };
  if (turn % 3 === 1 && !state.ending) {
    yield* each('forecast', forecastMsgs(scenario, ceasefireForecast(scenario, state, forecastRole, DEFAULT_TERMS)));
  }
  if (state.ending) yield { kind: 'ending', msg: endingMsg(state.ending.kind, scenario, state.ending.winner, state) };
}

const MAIN: readonly PlayerRole[] = ['gna', 'lna', 'mediator'];

function* randomGames(scenario: Scenario, games: number, prefix: string): Generator<Said> {
  for (let g = 0; g < games; g++) {
    const rng = Rng.fromSeed(`${prefix}-${g}`);
    const seats = scenario.backers.map((b) => `backer:${b.id}` as PlayerRole);
    // Four seatings: the three main roles; the mediator alone; everyone (the AI standing in the backers' seats); the GNA and the backers' seats.
    const mode = g % 4;
    const humans: PlayerRole[] = [[...MAIN], ['mediator'], [...MAIN, ...seats], ['gna', ...seats]][mode] as PlayerRole[];
    const standIn = mode >= 2;
    let state = newGame(scenario, `${prefix}-${g}`, humans, (['normal', 'hard', 'easy'] as const)[g % 3]);
    for (let turn = 0; !state.ending && turn <= scenario.turns; turn++) {
      const ai = otherActorsOrders(scenario, state, humans);
      const orders = [...humans.flatMap((r) => (standIn && r.startsWith('backer:') ? [] : randomOrders(scenario, state, r as Role, rng))), ...ai.orders];
      // The AI standing in a person's backer seat (the seat's own reckoning).
      if (standIn) {
        for (const seat of seats) {
          const d = aiOrders(scenario, state, seat);
          yield* each('reason', d.reasonMsgs);
          orders.push(...d.orders);
        }
      }
      for (const list of Object.values(ai.reasonMsgs)) yield* each('reason', list);
      yield* around(scenario, state, turn, 'mediator');
      state = resolveTurn(scenario, state, orders).state;
    }
    yield* around(scenario, state, 0, 'mediator');
  }
}

function* aiGames(scenario: Scenario, games: number, prefix: string, difficulty: 'easy' | 'normal' | 'hard'): Generator<Said> {
  for (let g = 0; g < games; g++) {
    const played = playGame(scenario, `${prefix}-${g}`, { keepReports: true, difficulty });
    for (const r of played.reports) {
      for (const list of Object.values(r.reasonMsgs)) yield* each('reason', list);
    }
    yield* around(scenario, played.state, 0, 'mediator');
  }
}

afterEach(async () => {
  await setLang('en');
});

const CASES: [string, number, number][] = [
  ['sirte-2020', 12, 6],
  ['tripoli-2019', 12, 6],
  ['sirte-2020-lesson', 6, 3],
  ['tripoli-2019-lesson', 6, 3],
  ['red-line-2020', 6, 3],
  ['geneva-2020', 6, 3],
  ['tutorial', 6, 3],
];

describe('reasons, forecast, departures and endings as message codes', () => {
  it('the pinned English: each code told as the core once wrote it, word for word', () => {
    type Pin = { scenario: string; msg: ReportMessage; text: string };
    const pins = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/english-pins.json'), 'utf8')) as { reasons: Pin[]; endings: Pin[] };
    const scenarios = new Map<string, Scenario>();
    const wrong: string[] = [];
    for (const pin of [...pins.reasons, ...pins.endings]) {
      if (!scenarios.has(pin.scenario)) scenarios.set(pin.scenario, load(pin.scenario));
      const told = messageText(pin.msg, scenarios.get(pin.scenario)!);
      if (told !== pin.text) wrong.push(`${pin.msg.key}\n   pinned: ${pin.text}\n   told:   ${told}`);
    }
    expect(wrong).toEqual([]);
    const kinds = new Set(pins.reasons.map((p) => p.msg.key.split('.').slice(0, 2).join('.')));
    for (const kind of ['reasons.ai', 'reasons.mediator', 'reasons.backer', 'reasons.history', 'orders.forecast']) expect(kinds).toContain(kind);
    // Every ending's code (and both units of an agreement not yet held) is pinned.
    const endingKeys = new Set(pins.endings.map((p) => `${p.msg.key}${p.msg.values.unit ? `/${p.msg.values.unit}` : ''}`));
    const english = JSON.parse(readFileSync(join(import.meta.dirname, '../locales/en/report.json'), 'utf8')) as Record<string, string>;
    for (const key of Object.keys(english).filter((k) => k.startsWith('report.ending.'))) {
      for (const variant of key === 'report.ending.frozenAgreement' ? [`${key}/turns`, `${key}/fortnights`] : [key]) expect(endingKeys).toContain(variant);
    }
  });

  it.each(CASES)('%s: every one told in English reads in full', (id, randomCount, aiCount) => {
    const scenario = load(id);
    const wrong: string[] = [];
    const counts: Record<string, number> = {};
    const keys = new Set<string>();
    const difficulties = ['easy', 'normal', 'hard'] as const;
    const all = [...randomGames(scenario, randomCount, `rs-${id}`), ...difficulties.flatMap((d, i) => [...aiGames(scenario, Math.max(1, Math.round(aiCount / (i === 2 ? 3 : 1.5))), `rs-ai-${d}-${id}`, d)])];
    for (const said of all) {
      counts[said.kind] = (counts[said.kind] ?? 0) + 1;
      keys.add(said.msg.key);
      const told = messageText(said.msg, scenario);
      if (unfilled(told) && wrong.length < 20) wrong.push(`${said.msg.key} ${JSON.stringify(said.msg.values)}\n   told: ${told}`);
    }
    console.log(`${id}: ${JSON.stringify(counts)}, ${keys.size} keys`);
    expect(wrong).toEqual([]);
    expect(counts.reason ?? 0).toBeGreaterThan(50);
    expect(counts.ending ?? 0).toBeGreaterThan(0);
  }, 600_000);

  it('between them the games use most of the catalogue', () => {
    const english = JSON.parse(readFileSync(join(import.meta.dirname, '../locales/en/reasons.json'), 'utf8')) as Record<string, string>;
    const used = new Set<string>();
    for (const [id, randomCount, aiCount] of CASES) {
      const scenario = load(id);
      for (const said of [...randomGames(scenario, randomCount, `rs-${id}`), ...aiGames(scenario, aiCount, `rs-ai-hard-${id}`, 'hard')]) {
        used.add(said.msg.key);
        // Nested codes count too.
        for (const [name, value] of Object.entries(said.msg.values)) if (name.endsWith('Msg') && typeof value === 'string' && value) used.add(value);
      }
    }
    const unused = Object.keys(english).filter((k) => !used.has(k));
    console.log(`reasons.json: ${Object.keys(english).length} keys, ${Object.keys(english).length - unused.length} met in play; not met: ${unused.join(', ')}`);
    expect(unused.length).toBeLessThan(Object.keys(english).length / 3);
  }, 600_000);

  it.each(['ar', 'fr', 'it'] as const)('in %s every one reads in full: no key, no placeholder, no English sentence left', async (l) => {
    const said: [Said, Scenario, string][] = [];
    for (const [id, n] of [
      ['sirte-2020', 6],
      ['tripoli-2019-lesson', 4],
      ['red-line-2020', 4],
      ['geneva-2020', 3],
      ['tutorial', 3],
    ] as const) {
      const scenario = load(id);
      for (const s of [...randomGames(scenario, n, `rs-l-${id}`), ...aiGames(scenario, 2, `rs-l-ai-${id}`, 'hard')]) said.push([s, scenario, messageText(s.msg, scenario)]);
    }
    await setLang(l);
    // The record's own words (a change's date, a backer's line) are content: locales/<lang>/content/record.json.
    await loadContent('record');
    const bad: string[] = [];
    const keys = new Set<string>();
    for (const [s, scenario, english] of said) {
      keys.add(s.msg.key);
      const told = messageText(s.msg, scenario);
      if (unfilled(told) || told === english) bad.push(`${s.msg.key}: ${told}`);
    }
    expect(bad.slice(0, 10)).toEqual([]);
    expect(keys.size).toBeGreaterThan(30);
  }, 600_000);
});
