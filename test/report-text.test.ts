// Issue 20: the core writes each report event as a message code (ReportEvent.msg) beside its
// English sentence. Told in English through the catalogue (ids resolved to English names),
// every code gives back the sentence word for word: the codes carry everything the text says.
// Seeded games of every scenario, random legal orders for the three main roles and the AI's
// for the backers (as the fuzzer plays), and all-AI games.
import { afterEach, describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../src/cli/files.ts';
import { setLang } from '../src/i18n/index.ts';
import { newGame, otherActorsOrders, playGame, type ReportEvent, type Role, resolveTurn, type Scenario, } from '../src/sim/index.ts';
import { Rng } from '../src/sim/rng.ts';
import { eventText } from '../src/ui/report-text.ts';
import { randomOrders } from '../tools/random-orders.ts';

function load(id: string): Scenario {
  const loaded = loadScenarioFile(id);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
  return loaded.value;
}


function* randomGames(scenario: Scenario, games: number, prefix: string): Generator<ReportEvent> {
  for (let g = 0; g < games; g++) {
    const rng = Rng.fromSeed(`${prefix}-${g}`);
    const humans: Role[] = g % 3 === 2 ? ['gna', 'lna', 'mediator', ...scenario.backers.map((b) => `backer:${b.id}` as Role)] : ['gna', 'lna', 'mediator'];
    let state = newGame(scenario, `${prefix}-${g}`, humans);
    for (let turn = 0; !state.ending && turn <= scenario.turns; turn++) {
      const orders = [
        ...humans.flatMap((r) => randomOrders(scenario, state, r, rng)),
        ...(g % 3 === 0 ? otherActorsOrders(scenario, state, null).orders.filter((o) => o.actor.startsWith('backer:')) : []),
      ];
      const { state: next, report } = resolveTurn(scenario, state, orders);
      yield* report.events;
      state = next;
    }
  }
}

function* aiGames(scenario: Scenario, games: number, prefix: string): Generator<ReportEvent> {
  for (let g = 0; g < games; g++) {
    const record = playGame(scenario, `${prefix}-${g}`, {});
    for (const r of record.reports) yield* r.events;
  }
}

afterEach(async () => {
  await setLang('en');
});

describe('report events as message codes', () => {
  const cases: [string, number, number][] = [
    ['sirte-2020', 50, 25],
    ['tripoli-2019', 50, 25],
    ['sirte-2020-lesson', 15, 10],
    ['tripoli-2019-lesson', 15, 10],
    ['red-line-2020', 15, 5],
    ['geneva-2020', 10, 5],
    ['tutorial', 10, 5],
  ];
  it.each(cases)('%s: every event, told in English from its code, is its text word for word', (id, randomCount, aiCount) => {
    const scenario = load(id);
    const wrong: string[] = [];
    const missing = new Map<string, number>();
    const keys = new Set<string>();
    let events = 0;
    for (const ev of [...randomGames(scenario, randomCount, `rt-${id}`), ...aiGames(scenario, aiCount, `rt-ai-${id}`)]) {
      events++;
      if (!ev.msg) {
        const lead = ev.text.replace(/^Second fortnight: /, '').slice(0, 40);
        missing.set(`${ev.mechanic}: ${lead}`, (missing.get(`${ev.mechanic}: ${lead}`) ?? 0) + 1);
        continue;
      }
      keys.add(ev.msg.key);
      const told = eventText(ev, { scenario });
      if (told !== ev.text && wrong.length < 20) wrong.push(`${ev.msg.key} ${JSON.stringify(ev.msg.values)}\n   text: ${ev.text}\n   told: ${told}`);
    }
    console.log(`${id}: ${events} events, ${keys.size} keys, ${[...missing.values()].reduce((a, b) => a + b, 0)} without a code`);
    expect(wrong).toEqual([]);
    expect([...missing.keys()]).toEqual([]);
  }, 300_000);

  it.each(['ar', 'fr', 'it'] as const)('in %s every event reads in full: no key, no placeholder, no English sentence left', async (l) => {
    const sirte = load('sirte-2020');
    const tripoli = load('tripoli-2019-lesson');
    const redLine = load('red-line-2020');
    const events: [ReportEvent, Scenario][] = [
      ...[...randomGames(sirte, 12, 'rt-l-sirte'), ...aiGames(sirte, 4, 'rt-l-ai')].map((ev): [ReportEvent, Scenario] => [ev, sirte]),
      ...[...randomGames(tripoli, 6, 'rt-l-tripoli')].map((ev): [ReportEvent, Scenario] => [ev, tripoli]),
      ...[...randomGames(redLine, 6, 'rt-l-red')].map((ev): [ReportEvent, Scenario] => [ev, redLine]),
    ];
    await setLang(l);
    const bad: string[] = [];
    const keys = new Set<string>();
    for (const [ev, scenario] of events) {
      if (ev.mechanic === 'event') continue; // scenario content: its title and text stay English for now
      keys.add(ev.msg.key);
      const told = eventText(ev, { scenario });
      if (told.includes('report.') || /[{}]/.test(told) || told === ev.text) bad.push(`${ev.msg.key}: ${told}`);
    }
    expect(bad.slice(0, 10)).toEqual([]);
    expect(keys.size).toBeGreaterThan(60);
  }, 300_000);
  it('in Arabic the scenario\'s English inside a sentence (a choice\'s event, its label; a formation) is isolated left to right', async () => {
    const sirte = load('sirte-2020');
    const events = [...randomGames(sirte, 9, 'rt-bidi')].filter((ev) => Object.keys(ev.msg.values).some((k) => k.startsWith('option') || k.startsWith('formation')));
    expect(events.length).toBeGreaterThan(0);
    await setLang('ar');
    for (const ev of events) {
      const told = eventText(ev, { scenario: sirte });
      // The English that came from the scenario sits between U+2066 and U+2069 (a message may
      // leave a formation unnamed: then no English is there to isolate).
      if (/[A-Za-z]/.test(told) || 'optionLabel' in ev.msg.values) expect(told, ev.msg.key).toMatch(/\u2066[^\u2069]*[A-Za-z][^\u2069]*\u2069/);
    }
    // In English nothing is added: the sentence is the core's text, character for character.
    await setLang('en');
    for (const ev of events) expect(eventText(ev, { scenario: sirte })).toBe(ev.text);
  });
});
