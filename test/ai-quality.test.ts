// How well the AI plays, with fixed seeds: paired games of the flagship scenario in which one
// seat (the GNA, then the LNA) is played by the AI at each difficulty or by a player giving random
// legal orders, every other actor being the normal AI. Same code and numbers as
// `npm run ai-quality -- --runs 50 --seed quality`.
import { beforeAll, describe, expect, it } from 'vitest';
import { main, measureQuality, type Pairing, type Quality, randomPolicy, TARGETS } from '../src/cli/ai-quality.ts';
import { loadScenarioFile } from '../src/cli/files.ts';
import { budgetOf, checkLegalOrder, newGame, ORDER_COST, type Scenario } from '../src/sim/index.ts';

function flagship(): Scenario {
  const loaded = loadScenarioFile('sirte-2020');
  if (!loaded.ok) throw new Error(loaded.error.map((p) => p.message).join('; '));
  return loaded.value;
}

const RUNS = 50;

describe('the random player', () => {
  it('gives legal orders within its budget, the same for the same seed and turn, others for another seed', () => {
    const scenario = flagship();
    const s = newGame(scenario, 'random-1', ['lna']);
    const orders = randomPolicy('lna')(scenario, s);
    expect(orders.length).toBeGreaterThan(0);
    const queued = [];
    for (const o of orders) {
      expect(checkLegalOrder(scenario, s, o, queued, true).ok).toBe(true);
      queued.push(o);
    }
    expect(orders.reduce((sum, o) => sum + ORDER_COST[o.kind].budget, 0)).toBeLessThanOrEqual(budgetOf(scenario, 'lna'));
    expect(randomPolicy('lna')(scenario, s)).toEqual(orders);
    expect(randomPolicy('lna')(scenario, newGame(scenario, 'random-2', ['lna']))).not.toEqual(orders);
  });
});

describe(`sirte-2020, ${RUNS} paired seeds per seat`, () => {
  let q: Quality;
  beforeAll(() => {
    q = measureQuality(flagship(), RUNS, 'quality', ['gna', 'lna']);
  }, 60_000);
  const find = (a: string, b: string, seat: string): Pairing => {
    const p = q.pairings.find((x) => x.a === a && x.b === b && x.seat === seat);
    if (!p) throw new Error(`no pairing ${a} vs ${b} as ${seat}`);
    return p;
  };

  it.each(['gna', 'lna'])('the hard AI beats the easy AI as %s in at least 65% of pairs', (seat) => {
    expect(find('hard', 'easy', seat).share).toBeGreaterThanOrEqual(65);
  });

  it.each([
    ['easy', 'gna'],
    ['normal', 'gna'],
    ['hard', 'gna'],
    ['easy', 'lna'],
    ['normal', 'lna'],
    ['hard', 'lna'],
  ])(`the %s AI beats random legal orders as %s in at least ${TARGETS.overRandom}% of pairs`, (level, seat) => {
    expect(find(level, 'random', seat).share).toBeGreaterThanOrEqual(TARGETS.overRandom);
  });

  it('the target against random orders is reported as met', () => {
    expect(q.overRandom.met).toBe(true);
  });

  it('every level scores better than random orders in the median, in both seats', () => {
    for (const seat of ['gna', 'lna'] as const) for (const level of ['easy', 'normal', 'hard'] as const) expect(q.median[seat]![level]).toBeGreaterThan(q.median[seat]!.random);
  });

  it('the report says which targets hold', () => {
    expect(q.ladder.met).toBe(q.pairings.filter((p) => p.b !== 'random').every((p) => p.share >= TARGETS.stepUp));
    expect(q.overRandom.met).toBe(q.pairings.filter((p) => p.b === 'random').every((p) => p.share >= TARGETS.overRandom));
    expect(q.pairings).toHaveLength(12);
  });
});

describe('npm run ai-quality', () => {
  it.each([
    [['--runs', '0'], 2, /--runs must be/],
    [['--runs', 'x'], 2, /--runs must be/],
    [['--seed', ''], 2, /--seed must be/],
    [['--colour'], 2, /Unknown option/],
    [['--scenario', 'atlantis'], 1, /could not be loaded/],
    [['--help'], 0, /Usage: npm run ai-quality/],
  ])('%j → exit %d', (argv, code, message) => {
    const out: string[] = [];
    expect(main(argv, (l) => out.push(l))).toBe(code);
    expect(out.join('\n')).toMatch(message);
  });
});
