// Historical calibration of the flagship scenario: under the historical policy (the Libyan
// sides and the mediator play the baseline AI, backers move only through the dated historical
// events) the key facts of 2020 happen in most games; with Turkey staying out, Tripoli falls.
// Same seeds and numbers as `npm run calibrate` (200 games per policy, seeds calib-1 … calib-200).
import { beforeAll, describe, expect, it } from 'vitest';
import { type Calibration, calibrate, FACTS, factsFor, historicalOrder, MARCH_FACTS, MarchWatcher, main, meets, withoutBacker } from '../src/cli/calibrate.ts';
import { loadScenarioFile } from '../src/cli/files.ts';
import { newGame, type Order, type Scenario, type State } from '../src/sim/index.ts';

function flagship(): Scenario {
  const loaded = loadScenarioFile('sirte-2020');
  if (!loaded.ok) throw new Error(loaded.error.map((p) => p.message).join('; '));
  return loaded.value;
}

describe('the policies', () => {
  it('the historical policy keeps the Libyan sides’ and the mediator’s orders and drops the backers’', () => {
    const order = (actor: Order['actor']) => ({ actor, kind: 'public-messaging' }) as Order;
    expect(historicalOrder(order('gna'))).toBe(true);
    expect(historicalOrder(order('lna'))).toBe(true);
    expect(historicalOrder(order('mediator'))).toBe(true);
    expect(historicalOrder({ actor: 'backer:turkey', kind: 'escalate' })).toBe(false);
  });

  it('"Turkey stays out" removes Turkey’s rung, its forces, the events in which it steps up and every effect that would bring it back', () => {
    const scenario = flagship();
    const before = JSON.stringify(scenario);
    const out = withoutBacker(scenario, 'turkey');
    expect(JSON.stringify(scenario)).toBe(before);
    const turkey = out.backers.find((b) => b.id === 'turkey');
    expect(turkey?.commitment).toBe(0);
    expect(turkey?.maxCommitment).toBe(0);
    expect([...out.formations, ...out.reserves].filter((f) => f.backer === 'turkey')).toEqual([]);
    const turkish = new Set([...scenario.formations, ...scenario.reserves].filter((f) => f.backer === 'turkey').map((f) => f.id));
    expect(turkish.size).toBeGreaterThan(0);
    for (const e of out.events) {
      for (const effect of [...e.effects, ...(e.choice?.options.flatMap((o) => o.effects) ?? [])]) {
        expect(effect.kind === 'commitment' && effect.backer === 'turkey').toBe(false);
        expect(effect.kind === 'deploy' && turkish.has(effect.formation)).toBe(false);
      }
    }
    for (const b of out.backers) for (const rung of b.ladder) for (const id of rung.deploys ?? []) expect(turkish.has(id)).toBe(false);
    // The events in which Turkey steps up are gone; every other event is still there.
    const stepsUp = (e: Scenario['events'][number]) => e.effects.some((x) => x.kind === 'commitment' && x.backer === 'turkey' && x.delta > 0);
    expect(scenario.events.filter(stepsUp).map((e) => e.id)).toContain('turkish-air-defence');
    expect(out.events.map((e) => e.id)).toEqual(scenario.events.filter((e) => !stepsUp(e)).map((e) => e.id));
    expect(out.events.find((e) => e.id === 'cairo-declaration')?.choice?.options.length).toBe(2);
    const s = newGame(out, 'out');
    expect(s.backers.turkey?.commitment).toBe(0);
    expect(s.formations.some((f) => turkish.has(f.id))).toBe(false);
  });
});

describe('sirte-2020: the key facts of 2020 come from the mechanics', () => {
  let result: Calibration;
  beforeAll(() => {
    result = calibrate(flagship(), 200, 'calib');
  }, 120_000);

  const row = (id: string) => {
    const r = result.rows.find((x) => x.fact === id);
    if (!r) throw new Error(`no fact ${id}`);
    return r;
  };

  it.each([
    ['tripoli-held', 'Tripoli stays with the GNA through June 2020 in most games'],
    ['watiya-changes', 'al-Watiya changes hands in most games'],
    ['tarhuna-changes', 'Tarhuna changes hands in most games'],
    ['front-sirte', 'the front ends between Sirte and Misrata in most games'],
  ])('%s: %s (historical policy, > 50%%)', (id) => {
    expect(row(id).historical).toBeGreaterThan(50);
  });

  it('an oil blockade comes in nearly all games (≥ 90%)', () => {
    expect(row('oil-blockade').historical).toBeGreaterThanOrEqual(90);
  });

  it('with Turkey staying out, the LNA takes Tripoli in most games (> 50%)', () => {
    expect(row('lna-takes-tripoli').turkeyOut).toBeGreaterThan(50);
    expect(row('lna-takes-tripoli').historical).toBeLessThan(10);
  });

  it('the counterfactual moves the result for a reason: without Turkish air power the GNA gains little', () => {
    // 20 points at least. Without Turkey the GNA still takes al-Watiya in some games: large
    // cities fall in stages, so those games last long enough for its own offensives.
    expect(row('watiya-changes').turkeyOut).toBeLessThan(row('watiya-changes').historical - 20);
    expect(row('tarhuna-changes').turkeyOut).toBeLessThan(row('tarhuna-changes').historical - 25);
    expect(row('tripoli-held').turkeyOut).toBeLessThan(50);
  });

  it('every row of the table reports what the assertions above check', () => {
    expect(result.runs).toBe(200);
    expect(result.rows.map((r) => r.fact)).toEqual(FACTS.map((f) => f.id));
    for (const f of FACTS) {
      const r = row(f.id);
      const share = f.target?.policy === 'turkey-out' ? r.turkeyOut : r.historical;
      expect(r.pass).toBe(f.target ? meets(f.target, share) : null);
    }
    expect(result.rows.every((r) => r.pass)).toBe(true);
  });

  it('history did not end in a settlement or a regional war: neither is the usual ending', () => {
    const share = (kind: string) => ((result.endings.historical[kind] ?? 0) * 100) / result.runs;
    expect(share('settlement')).toBeLessThan(45);
    expect(share('regional-war')).toBeLessThan(20);
  });
});

describe('calibrate CLI', () => {
  const run = (argv: string[]) => {
    const lines: string[] = [];
    const code = main(argv, (line) => lines.push(line));
    return { code, text: lines.join('\n') };
  };

  it('--help lists every option', () => {
    const { code, text } = run(['--help']);
    expect(code).toBe(0);
    for (const option of ['--scenario', '--runs', '--seed', '--json', '--help']) expect(text).toContain(option);
  });

  it.each([[['--runs', '0']], [['--runs', 'x']], [['--seed', '']], [['--colour']]])('%j → exit 2 with a message', (argv) => {
    const { code, text } = run(argv);
    expect(code).toBe(2);
    expect(text).toMatch(/^error: /);
  });

  it('an unknown scenario exits 1', () => {
    expect(run(['--scenario', 'no-such-scenario', '--runs', '1']).code).toBe(1);
  });

  it('prints a table, or JSON with --json', () => {
    const table = run(['--runs', '2', '--seed', 'cli']);
    expect(table.text).toContain('Tripoli stays with the GNA through June 2020');
    expect(table.text).toMatch(/historical\s+Turkey out\s+target/);
    const json = run(['--runs', '2', '--seed', 'cli', '--json']);
    const parsed = JSON.parse(json.text) as Calibration;
    expect(parsed.runs).toBe(2);
    expect(parsed.rows).toHaveLength(FACTS.length);
  });
});

describe('tripoli-2019: the march on Tripoli does not take the capital in its first three months', () => {
  let result: Calibration;
  beforeAll(() => {
    const loaded = loadScenarioFile('tripoli-2019');
    if (!loaded.ok) throw new Error(loaded.error.map((p) => p.message).join('; '));
    result = calibrate(loaded.value, 200, 'calib');
  }, 120_000);

  const row = (id: string) => {
    const r = result.rows.find((x) => x.fact === id);
    if (!r) throw new Error(`no fact ${id}`);
    return r;
  };

  it('measures the facts of 2019, not those of 2020', () => {
    expect(result.rows.map((r) => r.fact)).toEqual(MARCH_FACTS.map((f) => f.id));
    expect(factsFor({ id: 'tripoli-2019' } as Scenario)).toBe(MARCH_FACTS);
    expect(factsFor({ id: 'sirte-2020' } as Scenario)).toBe(FACTS);
  });

  it('the GNA holds Tripoli through 3 July 2019 in most games (historical policy, > 50%)', () => {
    expect(row('tripoli-holds-3-months').historical).toBeGreaterThan(50);
    expect(row('tripoli-holds-3-months').pass).toBe(true);
  });

  it('the LNA takes Tripoli at some point in few games, and the front moves: Gharyan is retaken in some', () => {
    expect(row('lna-takes-tripoli').historical).toBeLessThan(50);
    expect(row('gharyan-retaken').historical).toBeGreaterThan(0);
  });
});

describe('the march watcher', () => {
  const state = (turn: number, date: string, tripoli: 'gna' | 'lna', gharyan: 'gna' | 'lna' = 'lna') =>
    ({ turn, date, ending: null, places: { tripoli: { controller: tripoli }, gharyan: { controller: gharyan }, tarhuna: { controller: 'lna' } } }) as unknown as State;

  it.each<[string, [State, State][], Record<string, boolean>]>([
    ['Tripoli held throughout', [[state(1, '2019-04-04', 'gna'), state(2, '2019-04-18', 'gna')]], { 'tripoli-holds-3-months': true, 'lna-takes-tripoli': false }],
    [
      'Tripoli lost in June',
      [[state(5, '2019-06-13', 'gna'), state(6, '2019-06-27', 'lna')]],
      { 'tripoli-holds-3-months': false, 'lna-takes-tripoli': true },
    ],
    [
      'Tripoli lost only in August',
      [[state(9, '2019-08-08', 'gna'), state(10, '2019-08-22', 'lna')]],
      { 'tripoli-holds-3-months': true, 'lna-takes-tripoli': true },
    ],
    ['Gharyan retaken', [[state(6, '2019-06-13', 'gna'), state(7, '2019-06-27', 'gna', 'gna')]], { 'gharyan-retaken': true, 'tarhuna-changes': false }],
  ])('%s', (_label, turns, expected) => {
    const w = new MarchWatcher();
    for (const [before, after] of turns) w.turn(before, after);
    expect(w.facts()).toMatchObject(expected);
  });
});
