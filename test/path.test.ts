// The war's path (issue: the historical games follow 2019–2020 month by month). The watcher
// reads a game turn by turn (first change of hands of each place of the record, the blockade's
// start and end, the civilian toll over the UN's windows) and the summary sets the medians beside
// the real dates. With the historical policy and fixed seeds (300 games a scenario), the targets
// the model now meets are kept here; the ones it does not yet meet are listed in the README.
import { beforeAll, describe, expect, it } from 'vitest';
import { runPath } from '../src/cli/calibrate.ts';
import { loadRecordFile, loadScenarioFile } from '../src/cli/files.ts';
import { type HistoryRecord, newGame, type Scenario, type State } from '../src/sim/index.ts';
import { type PathSummary, PathWatcher, realChange, summarisePaths, TOLL_WINDOWS } from '../src/sim/path.ts';

function scenario(id: string): Scenario {
  const s = loadScenarioFile(id);
  if (!s.ok) throw new Error(id);
  return s.value;
}
const loaded = loadRecordFile();
if (!loaded.ok) throw new Error('the record does not load');
const record: HistoryRecord = loaded.value;

describe('the path watcher', () => {
  const sirte = scenario('sirte-2020');
  const step = (st: State, date: string, change: (s: State) => void = () => {}): State => {
    const next = structuredClone(st);
    next.turn += 1;
    next.date = date;
    change(next);
    return next;
  };

  it('notes the first change of hands, the blockade and the toll of the UN windows the scenario covers', () => {
    const s0 = newGame(sirte, 'path');
    s0.country.blockadeBy = null;
    const w = new PathWatcher(record, sirte, s0);
    const s1 = step(s0, '2020-01-22', (s) => (s.country.blockadeBy = 'lna'));
    w.turn(s0, s1);
    const s2 = step(s1, '2020-04-08', (s) => {
      s.places.sabratha!.controller = 'gna';
      s.country.civilianCasualties += 28;
      s.country.oilOutput = 90;
    });
    // A fortnight from 1 April: its toll all falls in the second quarter.
    const s1b = { ...s1, date: '2020-04-01' };
    w.turn(s1b, s2);
    const s3 = step(s2, '2020-04-22', (s) => {
      s.places.sabratha!.controller = 'lna';
      s.country.blockadeBy = null;
    });
    w.turn(s2, s3);
    const p = w.result();
    expect(p.firstChange.sabratha).toBe('2020-04-08');
    expect(p.changed.sabratha).toBe(true);
    expect(p.changed['al-jufra']).toBe(false);
    expect(p.blockadeFrom).toBe('2020-01-22');
    expect(p.blockadeTo).toBe('2020-04-22');
    // The output of the fortnights the blockade held through (not the one it was laid, nor the one it was lifted).
    expect(p.blockadeOutput).toEqual([90]);
    expect(p.toll['2020-q2']).toBe(28);
    // The scenario opens on 8 January: the first quarter of 2020 is not whole, so not compared.
    expect(Object.keys(p.toll)).toEqual(['2020-q2']);
  });

  it('a fortnight across a quarter’s end counts its share of the toll on each side', () => {
    const s0 = newGame(sirte, 'path');
    const w = new PathWatcher(record, sirte, s0);
    const before = { ...s0, date: '2020-06-24' };
    const after = step(before, '2020-07-08', (s) => (s.country.civilianCasualties += 14));
    w.turn(before, after);
    // 24–30 June is 7 of the 14 days.
    expect(w.result().toll['2020-q2']).toBe(7);
  });

  it('the real change of a place is the record’s, inside the scenario’s span', () => {
    expect(realChange(record, sirte, 'sabratha')).toEqual({ date: '2020-04-13', when: 'on 13 April 2020' });
    expect(realChange(record, sirte, 'al-jufra')).toBeNull();
    // Sirte fell on 6 January 2020, before the scenario opens: no change inside its span.
    expect(realChange(record, sirte, 'sirte')).toBeNull();
    expect(realChange(record, scenario('tripoli-2019'), 'sirte')).toEqual({ date: '2020-01-06', when: 'on 6 January 2020' });
    expect(TOLL_WINDOWS.map((t) => t.killed)).toEqual([106, 64, 104]);
  });

  it('the summary gives shares, medians and how many games were early', () => {
    const base = { changed: { a: false }, firstChange: { a: null }, blockadeFrom: null, blockadeTo: null, blockadeOutput: [], toll: {} };
    const paths = [
      { ...base, changed: { sabratha: true }, firstChange: { sabratha: '2020-01-22' } },
      { ...base, changed: { sabratha: true }, firstChange: { sabratha: '2020-04-08' } },
      { ...base, changed: { sabratha: false }, firstChange: { sabratha: null } },
    ];
    const s = summarisePaths(record, sirte, paths as never);
    expect(s.places).toEqual([{ place: 'sabratha', changed: 66.7, median: '2020-01-22', early: 33.3, real: { date: '2020-04-13', when: 'on 13 April 2020' } }]);
    // No game had a blockade: no output to give.
    expect(s.blockade.medianOutput).toBeNull();
    // The output while it held: each game's mean, then the median game's (games without a blockade left out).
    const oil = [[80, 100], [60], [120], []].map((out) => ({ ...base, blockadeFrom: out.length ? '2020-01-22' : null, blockadeOutput: out }));
    expect(summarisePaths(record, sirte, oil as never).blockade.medianOutput).toBe(90);
  });
});

describe('the path of the historical games (300 seeded games a scenario)', () => {
  let sirte: PathSummary;
  let march: PathSummary;
  beforeAll(() => {
    sirte = runPath(scenario('sirte-2020'), record, 'calib', 300);
    march = runPath(scenario('tripoli-2019'), record, 'calib', 300);
  }, 240_000);
  const changed = (s: PathSummary, place: string) => s.places.find((p) => p.place === place)!.changed;

  it('sirte-2020: the places that never changed hands in 2020 stay put in most games (Tripoli, Misrata, Zawiya, Sirte, Sabha, the oil crescent, the east)', () => {
    for (const p of ['tripoli', 'mitiga', 'misrata', 'zawiya', 'sirte', 'sabha', 'kufra', 'es-sider', 'ras-lanuf', 'brega', 'benghazi', 'tobruk']) {
      expect(changed(sirte, p), p).toBeLessThan(50);
    }
  });

  it('sirte-2020: Gharyan stays with the GNA in nearly every game, and Zintan, the road to al-Watiya, in most (rules version 5: its people fight for the GNA)', () => {
    expect(changed(sirte, 'gharyan')).toBeLessThan(10);
    expect(changed(sirte, 'zintan')).toBeLessThan(40);
  });

  it('tripoli-2019: the GNA retakes Gharyan in most games, within a month of 26 June 2019 in most of them', () => {
    const row = march.places.find((p) => p.place === 'gharyan')!;
    expect(row.changed).toBeGreaterThan(80);
    expect(row.early).toBeLessThan(20);
  });

  it('sirte-2020: the blockade holds until August or later in most games, and lasts most of the year', () => {
    expect(sirte.blockade.share).toBeGreaterThanOrEqual(90);
    // The target is "no earlier than August in most games". Since rules version 4 steadier
    // fronts bring a truce that reopens the oil before August in about one game in five (6% before),
    // 28% since the AI no longer lays siege to an enemy patron's red line (fewer escalations, more truces);
    // 43% under rules version 5, the LNA no longer spending January on Gharyan (more truces that reopen
    // the oil); 33% under rules version 6, the blockade being the LNA's card in the talks and its
    // command of the air its hope of victory (docs/calibration.md); 38% under rules version 10, whose
    // LNA leaves the Tripoli front in early June: with the west settled, both sides put a ceasefire in
    // June in more games, and it reopens the oil (in 2020 the GNA rejected Cairo's of 6 June and fought
    // on for Sirte); 38% under rules version 11, whose quieter west left the GNA idle sooner (54% with the
    // blockade's card at 20: the LNA gave it up for a truce in June; at 30 it keeps it, as it did until September);
    // 42% (1000 games: 39%, 35% before) since the capital's front (the AI, 7 December): Zawiya's forces no longer
    // see-saw over Sabratha in February, the GNA's spring goes better and the LNA, losing the west, signs sooner
    // (path19's diagnostic found the same of any early Sabratha held back). Still the issue's "most games" (< 50%).
    expect(sirte.blockade.liftedBeforeAugust).toBeLessThan(45);
    expect(sirte.blockade.medianDays!).toBeGreaterThanOrEqual(240);
  });

  it('sirte-2020: while the blockade holds, oil output stays near what NOC reported (under 100,000 b/d from spring to summer, about 90,000 in August: within ±50% of 90)', () => {
    expect(sirte.blockade.medianOutput!).toBeGreaterThanOrEqual(45);
    expect(sirte.blockade.medianOutput!).toBeLessThanOrEqual(135);
  });

  it('the civilian toll is within ±50% of the UN’s counts for the same months', () => {
    for (const t of [...sirte.toll, ...march.toll]) {
      expect(t.median, t.id).toBeGreaterThanOrEqual(t.killed * 0.5);
      expect(t.median, t.id).toBeLessThanOrEqual(t.killed * 1.5);
    }
    expect(sirte.toll.map((t) => t.id)).toEqual(['2020-q2']);
    expect(march.toll.map((t) => t.id)).toEqual(['tripoli-3-months']);
  });

  it('tripoli-2019: Tripoli, Mitiga and Zawiya hold in nearly every game, Misrata in most', () => {
    for (const p of ['tripoli', 'mitiga', 'zawiya']) expect(changed(march, p), p).toBeLessThan(10);
    expect(changed(march, 'misrata')).toBeLessThan(25);
  });

  it('tripoli-2019: the oil crescent and al-Jufra, which the LNA held throughout, stay with it in most games (rules version 9: positions harden)', () => {
    // Under version 8 the GNA's Sirte garrison stormed Es Sider in May 2019 in 60% of games, Ras Lanuf in 39%, al-Jufra in 41%.
    for (const p of ['es-sider', 'ras-lanuf', 'brega', 'al-jufra']) expect(changed(march, p), p).toBeLessThan(30);
  });

  it('the towns that kept out of the war stay their own people’s in most games (rules version 10: Bani Walid changed hands in every game of 2020 before)', () => {
    for (const p of ['bani-walid', 'ghat']) {
      // Bani Walid in 2020 under 50% since the air against works (path18; 35% before): docs/calibration.md, "Rules version 11".
      expect(changed(sirte, p), `sirte-2020 ${p}`).toBeLessThan(p === 'bani-walid' ? 50 : 35);
      expect(changed(march, p), `tripoli-2019 ${p}`).toBeLessThan(10);
    }
  });

  // A known shortfall until rules version 14 (docs/calibration.md, "Rules version 11" and "Rules version 14"): the LNA's
  // Tripoli front, fallen back whole to al-Jufra in June, stormed Bani Walid (41% of 1000 games under version 13). A town
  // that kept out of the war now accepts no occupier, and no commander storms it unless all but sure; since version 13
  // the oil reopens only by a deal of its own, so the quieter June no longer lifts the blockade early.
  it('sirte-2020: Bani Walid stays its own people’s in two games of three or more (rules version 14: 41% before)', () => {
    expect(changed(sirte, 'bani-walid')).toBeLessThan(35);
  });

  it('sirte-2020: the GNA takes Tripoli International Airport in most games, more than a month before 3 June 2020 in under 45% (rules version 11, the air against works: 59% before)', () => {
    const row = sirte.places.find((p) => p.place === 'tripoli-airport')!;
    expect(row.changed).toBeGreaterThan(50);
    expect(row.early).toBeLessThan(45);
  });

  it('sirte-2020: Tarhuna falls within a month of 5 June 2020 in most of the games where it falls, when the LNA leaves the Tripoli front (rules version 10)', () => {
    const row = sirte.places.find((p) => p.place === 'tarhuna')!;
    expect(row.changed).toBeGreaterThan(50);
    expect(row.early).toBeLessThan(25);
  });

  it('sirte-2020: Tajoura, the GNA’s eastern suburb of Tripoli, stays with it in most games (rules version 9)', () => {
    expect(changed(sirte, 'tajoura')).toBeLessThan(50);
  });

  it('sirte-2020: Zuwara and Zintan, with the GNA throughout, stay with it in nearly every game (rules version 11: Zuwara’s people back the GNA, the al-Watiya garrison keeps to its base; 89% and 17% of games before)', () => {
    expect(changed(sirte, 'zuwara')).toBeLessThan(10);
    expect(changed(sirte, 'zintan')).toBeLessThan(10);
  });

  it('sirte-2020: al-Watiya falls in most games, within a month of 18 May 2020 in nearly all of them, when the LNA withdraws its garrison (rules version 11; early in 36% before)', () => {
    const row = sirte.places.find((p) => p.place === 'al-watiya')!;
    expect(row.changed).toBeGreaterThan(50);
    expect(row.early).toBeLessThan(10);
  });

  it('tripoli-2019: Zuwara stays with the GNA, and al-Watiya, which the LNA held until May 2020, with the LNA in most games (rules version 11; 74% of games took it before)', () => {
    expect(changed(march, 'zuwara')).toBeLessThan(10);
    expect(changed(march, 'al-watiya')).toBeLessThan(50);
  });

  it('tripoli-2019: Sabratha, which the Salafists held for Haftar until 13 April 2020, stays with the LNA in most games (the capital\'s front, 7 December: 99.7% of games took it in the first fortnight before)', () => {
    expect(changed(march, 'sabratha')).toBeLessThan(35);
    expect(changed(march, 'al-watiya')).toBeLessThan(10);
  });

  it('sirte-2020: Sabratha falls in most games, within a month of 13 April 2020 in nearly all (the capital\'s front: early in 34% before)', () => {
    const row = sirte.places.find((p) => p.place === 'sabratha')!;
    expect(row.changed).toBeGreaterThan(50);
    expect(row.early).toBeLessThan(10);
  });

  it('tripoli-2019: the LNA takes Tripoli International Airport within a month of April 2019 in most games', () => {
    const row = march.places.find((p) => p.place === 'tripoli-airport')!;
    expect(row.changed).toBeGreaterThan(50);
    expect(row.early).toBeLessThan(10);
  });
});
