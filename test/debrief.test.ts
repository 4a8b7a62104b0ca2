// The class debrief as data (src/net/debrief.ts): the CSV has a row per table per turn reached,
// history's holders beside each table's, the ending on the last row, and text a spreadsheet
// would read as a formula made plain; departures from history on the key places.
import { describe, expect, it } from 'vitest';
import { loadRecordFile, loadScenarioFile } from '../src/cli/files.ts';
import { classCsv, csvField, departures, historyHolder, wordsAndDeeds } from '../src/net/debrief.ts';
import { distributionConfig, distributionOf, percentileRank, placeTable } from '../src/net/distribution.ts';
import type { ClassView, ConsoleTable, TableFigures, TableInspect } from '../src/net/protocol.ts';
import { Exploration, explore, percentile, splitRuns } from '../src/sim/explore.ts';

const fig = (turn: number, date: string, sirte: 'gna' | 'lna'): TableFigures => ({
  turn,
  date,
  holders: { tripoli: 'gna', sirte, 'al-jufra': 'lna' },
  civilianDeaths: 100 * turn,
  displaced: 10,
  escalation: 40 + turn,
  talks: 'talks',
  oil: 900,
});

const table = (no: number, figures: TableFigures[], ending: ConsoleTable['ending'] = null): ConsoleTable => ({
  no,
  code: `TABLE${no}`,
  seed: no === 2 ? '=HYPERLINK("x")' : 's',
  status: ending ? 'ended' : 'playing',
  paused: false,
  turn: figures.at(-1)!.turn,
  waitingFor: [],
  seats: [],
  figures,
  ending,
  messages: [
    { id: 1, turn: 2, from: null, fromName: 'News from the teacher', to: null, text: 'x' },
    { id: 2, turn: 2, from: 'gna', fromName: 'Amal', to: null, text: 'y' },
  ],
  injects: [],
  timerSeconds: 0,
  deadline: 0,
});

describe('the class debrief', () => {
  const loaded = loadRecordFile();
  if (!loaded.ok) throw new Error('levels/record.json does not load');
  const record = loaded.value;

  it('writes a row per table per turn, history beside each', () => {
    const view: ClassView = {
      code: 'ABCDEF',
      title: 'Sirte',
      scenario: 'sirte-2020',
      status: 'playing',
      timerSeconds: 0,
      students: [],
      tables: [
        table(1, [fig(1, '2020-01-08', 'lna'), fig(2, '2020-01-15', 'lna')]),
        table(2, [fig(1, '2020-01-08', 'lna'), fig(2, '2020-01-15', 'gna'), fig(3, '2020-01-22', 'gna')], {
          kind: 'settlement',
          winner: null,
          turn: 3,
          scores: { gna: 60, lna: 40 },
        }),
      ],
    };
    const lines = classCsv(view, record).trim().split('\r\n');
    const head = lines[0]!.split(',');
    const rows = lines.slice(1).map((l) => l.split(','));
    expect(rows.map((r) => `${r[0]}:${r[head.indexOf('turn')]}`)).toEqual(['1:1', '1:2', '2:1', '2:2', '2:3']);
    expect(rows.map((r) => r[head.indexOf('injects')])).toEqual(['0', '1', '0', '1', '0']);
    expect(rows.map((r) => r[head.indexOf('messages')])).toEqual(['0', '1', '0', '1', '0']);
    expect(rows[4]![head.indexOf('ending')]).toBe('settlement');
    expect(rows[4]![head.indexOf('scores')]).toBe('gna 60; lna 40');
    expect(rows[0]![head.indexOf('sirte_in_history')]).toBe('lna');
    // The seed a teacher typed cannot become a formula in a spreadsheet.
    expect(lines[3]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(departures(view.tables[1]!, record).map((d) => `${d.place}@${d.turn}`)).toEqual(['sirte@2']);
  });

  it('sets each message a seat sent beside that seat’s orders of the same turn and the next', () => {
    const t = table(1, [fig(1, '2020-01-08', 'lna'), fig(2, '2020-01-15', 'lna'), fig(3, '2020-01-22', 'lna')]);
    t.messages.push({ id: 3, turn: 3, from: 'lna', fromName: 'Badr', to: 'gna', text: 'We hold our fire.' });
    const strike = { actor: 'lna', type: 'strike', target: 'tripoli' };
    const talk = { actor: 'gna', type: 'talks' };
    const inspect: TableInspect = {
      no: 1,
      code: 'TABLE1',
      scenario: 'sirte-2020',
      whatIfs: [],
      seed: 's',
      difficulty: 'normal',
      seats: ['gna', 'lna'],
      status: 'playing',
      turns: [
        { orders: [], hash: 'a' },
        { orders: [talk, { actor: 'group:x', type: 'move' }], hash: 'b' },
      ],
      queued: {},
      ended: [],
    };
    inspect.turns.push({ orders: [strike], hash: 'c' });
    const list = wordsAndDeeds(t, { ...inspect, turns: inspect.turns.slice(0, 2) });
    // The teacher's news is not a seat's word; Amal (GNA) wrote in turn 2, Badr (LNA) in turn 3.
    expect(list.map((x) => x.message.fromName)).toEqual(['Amal', 'Badr']);
    expect(list[0]!.sameTurn).toEqual([talk]);
    expect(list[0]!.nextTurn).toBeNull();
    expect(list[1]!.sameTurn).toBeNull();
    expect(wordsAndDeeds(t, inspect)[1]!.sameTurn).toEqual([strike]);
  });

  it('quotes and guards fields', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField(-3)).toBe('-3');
    expect(csvField(null)).toBe('');
    expect(historyHolder(null, 'tripoli', '2020-01-01')).toBe('');
  });
});

describe('the debrief against the computer games', () => {
  const loaded = loadScenarioFile('sirte-2020');
  if (!loaded.ok) throw new Error('sirte-2020 does not load');
  const scenario = loaded.value;
  const config = distributionConfig({ code: 'ABCDEF', seed: 'teach-1', difficulty: 'normal', whatIfs: [] }, 40);

  it('plays the explorer’s own games: the same endings and figures as its runner for the same seeds', () => {
    expect(config).toEqual({ whatIfs: [], policy: 'ai-normal', runs: 40, seed: 'computer-teach-1' });
    // As in the browser: the seeds split between workers, each playing its range.
    const parts = splitRuns(40, 2).map((range) => {
      const run = new Exploration(scenario, config, range);
      run.step(40);
      return run.part();
    });
    const d = distributionOf(config, parts.reverse());
    const runner = explore(scenario, config);
    expect(d.runs).toBe(40);
    expect(d.endings).toEqual(runner.endings.map((e) => ({ ending: e.ending, games: e.games, share: e.share })));
    for (const [id, values] of Object.entries(d.values) as [keyof typeof d.values, number[][]][]) {
      expect(values.map((xs) => percentile(xs, 50))).toEqual(runner.indicators[id].p50);
      expect(values.map((xs) => percentile(xs, 90))).toEqual(runner.indicators[id].p90);
      expect(values.every((xs) => xs.length === 40)).toBe(true);
    }

    // A table that ended as the most frequent ending, with the median civilian deaths at turn 3.
    const top = d.endings[0]!;
    const [kind, winner] = top.ending.split(':');
    const deaths = d.values.casualties[2]!;
    const f3 = { ...fig(3, '2020-01-22', 'lna'), civilianDeaths: percentile(deaths, 50) };
    const placed = placeTable(d, table(1, [fig(1, '2020-01-08', 'lna'), fig(2, '2020-01-15', 'lna'), f3], { kind: kind!, winner: winner ?? null, turn: 3, scores: {} }));
    expect(placed.ending).toEqual({ key: top.ending, games: top.games, share: top.share });
    const civ = placed.figures.find((f) => f.id === 'casualties')!;
    expect(civ.median).toBe(percentile(deaths, 50));
    expect(civ.percentile).toBeGreaterThanOrEqual(40);
    expect(civ.percentile).toBeLessThanOrEqual(60);

    // The CSV carries them: the games, the ending's share on the last row, each turn's percentiles.
    const t1 = table(1, [fig(1, '2020-01-08', 'lna'), f3], { kind: kind!, winner: winner ?? null, turn: 2, scores: {} });
    const csv = classCsv({ code: 'ABCDEF', title: 'Sirte', scenario: 'sirte-2020', status: 'playing', timerSeconds: 0, students: [], tables: [t1] }, null, d).trim().split('\r\n');
    const head = csv[0]!.split(',');
    const rows = csv.slice(1).map((l) => l.split(','));
    const col = (r: string[], name: string) => r[head.indexOf(name)];
    expect(rows.map((r) => col(r, 'computer_games'))).toEqual(['40', '40']);
    expect(rows.map((r) => col(r, 'ending_share_in_computer_games'))).toEqual(['', String(top.share)]);
    expect(col(rows[0]!, 'civilian_deaths_percentile')).toBe(String(percentileRank(d.values.casualties[0]!, 100)));
    expect(col(rows[1]!, 'civilian_deaths_percentile')).toBe(String(percentileRank(d.values.casualties[2]!, f3.civilianDeaths)));
    expect(classCsv({ code: 'ABCDEF', title: 'Sirte', scenario: 'sirte-2020', status: 'playing', timerSeconds: 0, students: [], tables: [t1] }, null).split('\r\n')[1]!.endsWith(',,,,,')).toBe(true);
  });

  it('ranks a value among the games, ties counting half', () => {
    expect(percentileRank([1, 2, 3, 4], 5)).toBe(100);
    expect(percentileRank([1, 2, 3, 4], 0)).toBe(0);
    expect(percentileRank([1, 2, 2, 4], 2)).toBe(50);
    expect(percentileRank([], 2)).toBe(0);
  });
});
