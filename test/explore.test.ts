// Counterfactual switches (src/sim/whatif.ts) and the outcome explorer's batches
// (src/sim/explore.ts): the data is validated, each kind of switch changes what it says and
// nothing else, and a batch's summary is what its games show.
import { describe, expect, it } from 'vitest';
import { runPath } from '../src/cli/calibrate.ts';
import { loadRecordFile, loadScenarioFile, scenarioIds } from '../src/cli/files.ts';
import {
  checkExploreConfig,
  Exploration,
  type ExploreConfig,
  explore,
  FACTS,
  historicalActor,
  historicalOrder,
  INDICATORS,
  percentile,
  playOutcome,
  policyDifficulty,
  share,
  splitRuns,
  summarise,
} from '../src/sim/explore.ts';
import { loadScenario, newGame, playGame, type Scenario, type WhatIfDef } from '../src/sim/index.ts';
import { applyWhatIfs, listWhatIfs, unknownWhatIf } from '../src/sim/whatif.ts';
import { miniMap, miniScenarioFile } from './fixtures/mini.ts';

function scenario(id: string): Scenario {
  const loaded = loadScenarioFile(id);
  if (!loaded.ok) throw new Error(loaded.error.map((p) => p.message).join('; '));
  return loaded.value;
}

const MINI_WHAT_IFS: WhatIfDef[] = [
  { id: 'west-alone', label: 'Patron West stays out', description: 'No help for the west.', effects: [{ kind: 'backer-out', backer: 'patron-west' }] },
  { id: 'embargo', label: 'Embargo enforced', description: 'Tight.', effects: [{ kind: 'embargo', level: 70 }] },
  { id: 'no-blockade', label: 'No blockade', description: 'Oil flows.', effects: [{ kind: 'no-event', event: 'blockade' }] },
  { id: 'loyal-guards', label: 'Oil guards stay loyal', description: 'Loyal.', effects: [{ kind: 'loyal', formation: 'oil-guards' }] },
];

function miniWith(whatIfs: unknown, patch?: (file: ReturnType<typeof miniScenarioFile>) => void) {
  const file = { ...miniScenarioFile(), whatIfs } as ReturnType<typeof miniScenarioFile> & { whatIfs: unknown };
  patch?.(file);
  return loadScenario({ file: 'mini.json', data: file }, [{ file: 'mini-map.json', data: miniMap() }]);
}

function mini(): Scenario {
  const r = miniWith(MINI_WHAT_IFS, (f) => {
    f.country.embargoEnforcement = 10;
    f.events.push({
      id: 'embargo-news',
      title: 'Smuggling',
      date: '2020-01-15',
      text: 'Arms slip through.',
      effects: [
        { kind: 'country', indicator: 'embargoEnforcement', delta: -5 } as never,
        { kind: 'loyalty', formation: 'oil-guards', delta: -20 } as never,
        { kind: 'loyalty', formation: 'oil-guards', delta: 5 } as never,
        { kind: 'trust', delta: 1 } as never,
      ],
      historical: true,
    } as never);
  });
  if (!r.ok) throw new Error(r.error.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return r.value;
}

describe('what-ifs in the scenario data', () => {
  it.each(scenarioIds())('%s offers the switches every scenario needs, and each changes the scenario', (id) => {
    const s = scenario(id);
    const ids = listWhatIfs(s).map((w) => w.id);
    for (const needed of ['turkey-out', 'embargo-enforced', 'militia-loyal']) expect(ids).toContain(needed);
    // Russia and Wagner stay out wherever Russia is on the board (the tutorial's slice has no Russia).
    if (s.backers.some((b) => b.id === 'russia')) expect(ids).toContain('russia-out');
    // No oil blockade where the scenario has one to prevent (the war of 2019 ended before it).
    if (s.events.some((e) => e.effects.some((x) => x.kind === 'blockade' && x.on))) expect(ids).toContain('no-oil-blockade');
    for (const w of listWhatIfs(s)) {
      expect(w.description.length).toBeGreaterThan(40);
      expect(JSON.stringify(applyWhatIfs(s, [w.id]))).not.toBe(JSON.stringify(s));
    }
  });

  it.each([
    { name: 'unknown backer', whatIfs: [{ ...MINI_WHAT_IFS[0], effects: [{ kind: 'backer-out', backer: 'patron-wets' }] }], path: 'whatIfs.0.effects.0.backer', words: ['unknown backer "patron-wets"', 'patron-west'] },
    { name: 'unknown event', whatIfs: [{ ...MINI_WHAT_IFS[2], effects: [{ kind: 'no-event', event: 'blokade' }] }], path: 'whatIfs.0.effects.0.event', words: ['unknown event "blokade"', 'blockade'] },
    { name: 'unknown formation', whatIfs: [{ ...MINI_WHAT_IFS[3], effects: [{ kind: 'loyal', formation: 'oil-guard' }] }], path: 'whatIfs.0.effects.0.formation', words: ['unknown formation "oil-guard"'] },
    { name: 'loyal to no side', whatIfs: [{ ...MINI_WHAT_IFS[3], effects: [{ kind: 'loyal', formation: 'desert-cell' }] }], path: 'whatIfs.0.effects.0.formation', words: ['no side'] },
    { name: 'duplicate id', whatIfs: [MINI_WHAT_IFS[0], MINI_WHAT_IFS[0]], path: 'whatIfs', words: ['"west-alone"', 'more than once'] },
    { name: 'embargo above 90', whatIfs: [{ ...MINI_WHAT_IFS[1], effects: [{ kind: 'embargo', level: 95 }] }], path: 'whatIfs.0.effects.0.level', words: ['90'] },
    { name: 'no effects', whatIfs: [{ ...MINI_WHAT_IFS[1], effects: [] }], path: 'whatIfs.0.effects', words: ['at least one effect'] },
    { name: 'unknown kind', whatIfs: [{ ...MINI_WHAT_IFS[1], effects: [{ kind: 'peace', level: 1 }] }], path: 'whatIfs.0.effects.0.kind', words: [] },
    { name: 'missing label', whatIfs: [{ id: 'x', description: 'd', effects: MINI_WHAT_IFS[1]?.effects }], path: 'whatIfs.0.label', words: [] },
    { name: 'unknown key', whatIfs: [{ ...MINI_WHAT_IFS[1], colour: 'red' }], path: 'whatIfs.0.colour', words: ['colour'] },
  ])('a what-if with $name is rejected at $path', ({ whatIfs, path, words }) => {
    const r = miniWith(whatIfs);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const p = r.error.find((x) => x.path === path);
    expect(p, JSON.stringify(r.error)).toBeDefined();
    for (const w of words) expect(p?.message).toContain(w);
  });
});

describe('applyWhatIfs', () => {
  const base = mini();

  it('never changes the scenario passed in; no switch gives the same scenario', () => {
    const before = JSON.stringify(base);
    for (const w of MINI_WHAT_IFS) applyWhatIfs(base, [w.id]);
    applyWhatIfs(base, MINI_WHAT_IFS.map((w) => w.id));
    expect(JSON.stringify(base)).toBe(before);
    expect(applyWhatIfs(base, [])).toBe(base);
  });

  it.each([
    {
      id: 'west-alone',
      check: (s: Scenario) => {
        const b = s.backers.find((x) => x.id === 'patron-west');
        expect([b?.commitment, b?.maxCommitment]).toEqual([0, 0]);
        expect([...s.formations, ...s.reserves].some((f) => f.backer === 'patron-west')).toBe(false);
        expect(s.backers.flatMap((x) => x.ladder.flatMap((r) => r.deploys ?? []))).not.toContain('expeditionary-force');
        expect(newGame(s, '1').backers['patron-west']?.commitment).toBe(0);
      },
    },
    {
      id: 'embargo',
      check: (s: Scenario) => {
        expect(s.country.embargoEnforcement).toBe(70);
        expect(s.events.flatMap((e) => e.effects).some((e) => e.kind === 'country' && e.indicator === 'embargoEnforcement')).toBe(false);
        expect(s.events.find((e) => e.id === 'embargo-news')?.effects.some((e) => e.kind === 'trust')).toBe(true);
        expect(newGame(s, '1').country.embargoEnforcement).toBe(70);
      },
    },
    {
      id: 'no-blockade',
      check: (s: Scenario) => {
        expect(s.events.map((e) => e.id)).toEqual(base.events.map((e) => e.id).filter((e) => e !== 'blockade'));
      },
    },
    {
      id: 'loyal-guards',
      check: (s: Scenario) => {
        expect(s.formations.find((f) => f.id === 'oil-guards')?.loyalty).toBe(100);
        const effects = s.events.find((e) => e.id === 'embargo-news')?.effects ?? [];
        expect(effects.filter((e) => e.kind === 'loyalty')).toEqual([{ kind: 'loyalty', formation: 'oil-guards', delta: 5 }]);
      },
    },
  ])('$id changes what it says', ({ id, check }) => {
    check(applyWhatIfs(base, [id]));
  });

  it('switches apply in the scenario’s order, whatever the order asked, and repeats do nothing', () => {
    const a = applyWhatIfs(base, ['loyal-guards', 'west-alone', 'embargo']);
    const b = applyWhatIfs(base, ['embargo', 'west-alone', 'loyal-guards', 'embargo']);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('an unknown switch is refused with a message naming the ones there are', () => {
    expect(unknownWhatIf(base, ['west-alone'])).toBeNull();
    const message = unknownWhatIf(base, ['west-alone', 'peace-now']);
    expect(message).toContain('"peace-now"');
    expect(message).toContain('west-alone, embargo, no-blockade, loyal-guards');
    expect(() => applyWhatIfs(base, ['peace-now'])).toThrow(/peace-now/);
  });

  it('"Turkey stays out" in sirte-2020 is the calibration’s counterfactual: Turkey at rung 0 with no forces', () => {
    const s = applyWhatIfs(scenario('sirte-2020'), ['turkey-out']);
    const state = newGame(s, 'x');
    expect(state.backers.turkey?.commitment).toBe(0);
    expect(s.formations.some((f) => f.backer === 'turkey')).toBe(false);
  });
});

describe('explore: the summary of a batch', () => {
  const base = mini();
  const config: ExploreConfig = { whatIfs: [], policy: 'ai-normal', runs: 30, seed: 't' };

  it.each([
    [{ runs: 0 }, 'runs'],
    [{ runs: 2.5 }, 'runs'],
    [{ policy: 'random' }, 'policy'],
    [{ seed: '' }, 'seed'],
    [{ whatIfs: ['nope'] }, '"nope"'],
  ])('a bad configuration %j is refused naming %s', (patch, word) => {
    const bad = { ...config, ...patch } as ExploreConfig;
    expect(checkExploreConfig(base, bad)).toContain(word);
    expect(() => new Exploration(base, bad)).toThrow(word);
  });

  it.each([
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 10, 1],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50, 5],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90, 9],
    [[7], 90, 7],
    [[], 50, 0],
  ])('percentile(%j, %i) = %i', (xs, p, want) => {
    expect(percentile(xs, p)).toBe(want);
  });

  it.each([
    [1, 3, 33.3],
    [2, 3, 66.7],
    [0, 5, 0],
    [5, 5, 100],
    [0, 0, 0],
  ])('share(%i, %i) = %s percent', (n, total, want) => {
    expect(share(n, total)).toBe(want);
  });

  it('counts every game once, and its numbers are those of the games it played', () => {
    const summary = explore(base, config);
    expect(summary.runs).toBe(30);
    expect(summary.endings.reduce((n, e) => n + e.games, 0)).toBe(30);
    const games = Array.from({ length: 30 }, (_, i) => playOutcome(base, `t-${i + 1}`, 'ai-normal'));
    for (const e of summary.endings) {
      const seeds = games.filter((g) => g.ending === e.ending).map((g) => g.seed);
      expect(e.games).toBe(seeds.length);
      expect(e.share).toBe(share(seeds.length, 30));
      expect(e.seeds).toEqual(seeds.slice(0, 8));
    }
    for (const f of summary.facts) {
      const seeds = games.filter((g) => g.facts[f.id]).map((g) => g.seed);
      expect(f.games).toBe(seeds.length);
      expect(f.seeds).toEqual(seeds.slice(0, 8));
      expect(f.seedsWithout).toEqual(games.filter((g) => !g.facts[f.id]).map((g) => g.seed).slice(0, 8));
    }
    expect(summary.facts.map((f) => f.id)).toEqual(FACTS.map((f) => f.id));
    // The median and the band at the opening and at the last turn, worked out by hand.
    const last = summary.dates.length - 1;
    for (const ind of INDICATORS) {
      const band = summary.indicators[ind.id];
      expect(band.p50).toHaveLength(summary.dates.length);
      for (const t of [0, last]) {
        const values = games.map((g) => (g.log[t] ?? g.log[g.log.length - 1])?.[ind.id] as number).sort((a, b) => a - b);
        expect([band.p10[t], band.p50[t], band.p90[t]]).toEqual([values[2], values[14], values[26]]);
        expect(band.p10[t]).toBeLessThanOrEqual(band.p90[t] as number);
      }
    }
  });

  it('stepping a batch a few games at a time gives the same summary as running it at once', () => {
    const run = new Exploration(base, config);
    expect(run.summary().runs).toBe(0);
    while (!run.done) expect(run.step(7)).toBeGreaterThan(0);
    expect(run.played).toBe(30);
    expect(run.step(5)).toBe(0);
    expect(run.summary()).toEqual(explore(base, config));
  });

  it.each([
    [10, 2, [{ first: 1, last: 5 }, { first: 6, last: 10 }]],
    [7, 3, [{ first: 1, last: 3 }, { first: 4, last: 5 }, { first: 6, last: 7 }]],
    [2, 4, [{ first: 1, last: 1 }, { first: 2, last: 2 }]],
    [5, 1, [{ first: 1, last: 5 }]],
  ])('splitRuns(%i, %i) gives consecutive ranges covering every seed once', (runs, parts, want) => {
    expect(splitRuns(runs, parts)).toEqual(want);
  });

  it.each([2, 3, 5])('a batch played in %i parts (in any order) sums up to the same summary as in one piece', (n) => {
    const parts = splitRuns(config.runs, n).map((range) => {
      const run = new Exploration(base, config, range);
      run.step(config.runs);
      expect(run.played).toBe(range.last - range.first + 1);
      return run.part();
    });
    expect(summarise('mini', config, parts.reverse())).toEqual(explore(base, config));
  });

  it('a seed range outside the batch is refused', () => {
    expect(() => new Exploration(base, config, { first: 0, last: 5 })).toThrow('1–30');
    expect(() => new Exploration(base, config, { first: 20, last: 31 })).toThrow('1–30');
  });

  it('a switch moves the numbers for its reason: with no blockade, no game sees one', () => {
    const withBlockade = explore(base, { ...config, runs: 20 });
    const without = explore(base, { ...config, runs: 20, whatIfs: ['no-blockade'] });
    const blockade = (s: typeof without) => s.facts.find((f) => f.id === 'oil-blockade')?.share;
    expect(blockade(withBlockade)).toBeGreaterThan(50);
    expect(blockade(without)).toBe(0);
    expect(without.whatIfs).toEqual(['no-blockade']);
  });

  it('the policy sets the difficulty; the historical policy keeps the backers to history', () => {
    expect(policyDifficulty('ai-hard')).toBe('hard');
    expect(policyDifficulty('historical')).toBe('historical');
    const s = scenario('sirte-2020');
    const hist = explore(s, { whatIfs: [], policy: 'historical', runs: 10, seed: 'calib' });
    const out = explore(s, { whatIfs: ['turkey-out'], policy: 'historical', runs: 10, seed: 'calib' });
    const fact = (x: typeof hist, id: string) => x.facts.find((f) => f.id === id)?.share ?? -1;
    expect(fact(hist, 'tripoli-held')).toBeGreaterThan(fact(out, 'tripoli-held'));
  });
});

describe('the historical policy skips the backers’ AI', () => {
  // Their orders would be dropped anyway; not working them out must change nothing.
  it.each(['sirte-2020', 'tripoli-2019'])('%s: the same hashes turn by turn with and without asking them', (id) => {
    const loaded = loadScenarioFile(id);
    if (!loaded.ok) throw new Error(`cannot load ${id}`);
    for (let i = 0; i < 8; i++) {
      const asked = playGame(loaded.value, `skip-${i}`, { keepAiOrder: historicalOrder, hashEachTurn: true });
      const skipped = playGame(loaded.value, `skip-${i}`, { keepAiOrder: historicalOrder, aiActors: historicalActor, hashEachTurn: true });
      expect(skipped.hashes).toEqual(asked.hashes);
    }
  });
});

describe("the explorer's path against the record", () => {
  const record = (() => {
    const r = loadRecordFile();
    if (!r.ok) throw new Error('no record');
    return r.value;
  })();
  const sirte = scenario('sirte-2020');
  const config = { whatIfs: [], policy: 'historical' as const, runs: 30, seed: 'calib' };

  it('is the calibration’s path for the same seeds and policy, whether the batch is played whole or in parts', () => {
    const whole = explore(sirte, config, record);
    expect(whole.path).toEqual(runPath(sirte, record, 'calib', 30));
    const parts = splitRuns(30, 3).map(({ first, last }) => {
      const run = new Exploration(sirte, config, { first, last }, record);
      run.step(30);
      return run.part();
    });
    expect(summarise(sirte.id, config, parts.reverse(), { record, scenario: sirte }).path).toEqual(whole.path);
    // Something to show: places with a real change, a blockade, a toll window.
    expect(whole.path?.places.some((p) => p.real && p.changed > 0)).toBe(true);
    expect(whole.path?.blockade.share).toBeGreaterThan(0);
    expect(whole.path?.toll.map((t) => t.id)).toEqual(['2020-q2']);
  });

  it('is absent without the record, and the rest of the summary does not change with it', () => {
    const without = explore(sirte, { ...config, runs: 5 });
    const withRecord = explore(sirte, { ...config, runs: 5 }, record);
    expect(without.path).toBeUndefined();
    const { path: _path, ...rest } = withRecord;
    expect(rest).toEqual(without);
  });
});
