// The outcome explorer: many seeded games of one scenario with chosen counterfactual switches
// and a policy, summarised as the distribution of endings, the share of games in which each
// key fact of the 2020 war happened, and the main indicators turn by turn (median and a
// 10–90% band). Incremental: a batch is stepped a few games at a time, so a Web Worker can
// report progress and be stopped. Pure and deterministic: the same inputs give the same
// summary, in Node and in the browser (all arithmetic is on integers).
import { type GamePath, type PathSummary, PathWatcher, summarisePaths } from './path.ts';
import { playGame } from './play.ts';
import type { HistoryRecord } from './record.ts';
import type { Actor, Difficulty, Order, Scenario, State, TurnSummary } from './types.ts';
import { applyWhatIfs, unknownWhatIf } from './whatif.ts';

// ---------------------------------------------------------------- the key facts

/** A key fact, by id (the screens and the CLI name it: src/ui/explore-words.ts). */
export interface FactDef {
  id: string;
}

/**
 * The key facts of the 2020 war, each measured at the end of a turn. Another scenario is
 * measured on the same places (a fact may then be trivially true or false there).
 */
export const FACTS: readonly FactDef[] = [
  { id: 'tripoli-held' },
  { id: 'watiya-changes' },
  { id: 'tarhuna-changes' },
  { id: 'front-sirte' },
  { id: 'oil-blockade' },
  { id: 'lna-takes-tripoli' },
];

/** The last day of the period in which Tripoli must stay with the GNA. */
export const TRIPOLI_UNTIL = '2020-06-30';

function gnaDefeated(state: State): boolean {
  const e = state.ending;
  return !!e && (e.kind === 'military-victory' || e.kind === 'collapse') && e.winner === 'lna';
}

/** Watches one game turn by turn and reads off the facts at its end. */
export class FactWatcher {
  private tripoliHeld = true;
  private watiya = false;
  private tarhuna = false;
  private blockade = false;
  private lnaTripoli = false;

  private look(s: State): void {
    if (s.places['al-watiya']?.controller === 'gna') this.watiya = true;
    if (s.places.tarhuna?.controller === 'gna') this.tarhuna = true;
    if (s.country.blockadeBy !== null) this.blockade = true;
    if (s.places.tripoli?.controller === 'lna') this.lnaTripoli = true;
  }

  /** Call after every turn with the state before and after it. */
  turn(before: State, after: State): void {
    if (before.turn === 1) this.look(before);
    this.look(after);
    if (before.date <= TRIPOLI_UNTIL && (after.places.tripoli?.controller !== 'gna' || gnaDefeated(after))) this.tripoliHeld = false;
  }

  facts(end: State): Record<string, boolean> {
    const front =
      end.places.tripoli?.controller === 'gna' &&
      end.places.misrata?.controller === 'gna' &&
      end.places.sirte?.controller === 'lna' &&
      end.places.benghazi?.controller === 'lna';
    return {
      'tripoli-held': this.tripoliHeld,
      'watiya-changes': this.watiya,
      'tarhuna-changes': this.tarhuna,
      'front-sirte': front,
      'oil-blockade': this.blockade,
      'lna-takes-tripoli': this.lnaTripoli,
    };
  }
}

/** An ending as one key: the kind, with the winner when there is one ("military-victory:gna"). */
export function endingKey(state: State): string {
  const e = state.ending;
  return e ? `${e.kind}${e.winner ? `:${e.winner}` : ''}` : 'none';
}

// ---------------------------------------------------------------- policies

/**
 * How the actors play. "historical": the Libyan sides and the mediator play the historical persona
 * (the calibration's AI, docs/ai.md), the foreign backers take no decisions of their own and move only through the
 * scenario's dated events. "ai-<difficulty>": every actor plays the AI at that difficulty.
 */
export type ExplorePolicy = 'historical' | 'ai-easy' | 'ai-normal' | 'ai-hard';
export const EXPLORE_POLICIES: readonly ExplorePolicy[] = ['historical', 'ai-easy', 'ai-normal', 'ai-hard'];

/** The historical policy: only the Libyan sides' and the mediator's AI orders are kept. */
export function historicalOrder(order: Order): boolean {
  return historicalActor(order.actor);
}

/** The actors whose AI the historical policy asks at all (the backers' orders would be dropped). */
export function historicalActor(actor: Actor): boolean {
  return !actor.startsWith('backer:');
}

/** The difficulty a policy plays at (and the one a game opened from the explorer uses). */
export function policyDifficulty(policy: ExplorePolicy): Difficulty {
  return policy === 'historical' ? 'historical' : (policy.slice(3) as Difficulty);
}

/** The policy whose games play at a difficulty: the historical persona's is the calibration's historical policy. */
export function difficultyPolicy(difficulty: Difficulty): ExplorePolicy {
  return difficulty === 'historical' ? 'historical' : `ai-${difficulty}`;
}

// ---------------------------------------------------------------- one game

/** The indicators charted turn by turn, read from each turn's summary. */
export const INDICATORS = [
  { id: 'gnaShare' },
  { id: 'lnaShare' },
  { id: 'gnaStrength' },
  { id: 'lnaStrength' },
  { id: 'casualties' },
  { id: 'oilOutput' },
  { id: 'escalation' },
] as const satisfies readonly { id: keyof TurnSummary }[];
export type IndicatorId = (typeof INDICATORS)[number]['id'];

export interface GameOutcome {
  seed: string;
  ending: string;
  /** Turn on which the game ended. */
  turn: number;
  facts: Record<string, boolean>;
  /** One summary per turn (the opening first), as the game logged them. */
  log: TurnSummary[];
  /** The war's path against the record (when a record was given): first changes of hands, blockade, toll. */
  path?: GamePath;
}

/** Plays one game of an explorer batch (the scenario already has its switches applied). */
export function playOutcome(scenario: Scenario, seed: string, policy: ExplorePolicy, record?: HistoryRecord): GameOutcome {
  const watcher = new FactWatcher();
  // The same watcher as the calibration's (src/cli/calibrate.ts runPath), on the same games.
  let path: PathWatcher | null = null;
  const game = playGame(scenario, seed, {
    difficulty: policyDifficulty(policy),
    ...(policy === 'historical' ? { aiActors: historicalActor } : {}),
    onTurn: (before, _orders, after, report) => {
      watcher.turn(before, after);
      if (record) {
        path ??= new PathWatcher(record, scenario, before);
        path.turn(before, after, report);
      }
    },
  });
  const end = game.state;
  const watched = path as PathWatcher | null;
  return { seed, ending: endingKey(end), turn: end.ending?.turn ?? end.turn, facts: watcher.facts(end), log: end.log, ...(watched ? { path: watched.result() } : {}) };
}

// ---------------------------------------------------------------- a batch

export interface ExploreConfig {
  /** Switch ids (from the scenario's whatIfs). */
  whatIfs: string[];
  policy: ExplorePolicy;
  /** Games: seeds <seed>-1 … <seed>-<runs>. */
  runs: number;
  seed: string;
}

export const MAX_RUNS = 100_000;
/** Example seeds kept per fact and per ending (to open one as a game). */
export const EXAMPLES = 8;

/** A clear message for a bad configuration, or null. */
export function checkExploreConfig(scenario: Scenario, config: ExploreConfig): string | null {
  if (!Number.isInteger(config.runs) || config.runs < 1 || config.runs > MAX_RUNS) return `runs must be a whole number from 1 to ${MAX_RUNS}, not ${config.runs}`;
  if (!EXPLORE_POLICIES.includes(config.policy)) return `the policy must be one of ${EXPLORE_POLICIES.join(', ')}, not "${config.policy}"`;
  if (typeof config.seed !== 'string' || config.seed.length === 0 || config.seed.length > 200) return 'the seed must be 1 to 200 characters';
  return unknownWhatIf(scenario, config.whatIfs);
}

export interface Band {
  /** 10th percentile, median, 90th percentile, by turn (index 0 = the opening). */
  p10: number[];
  p50: number[];
  p90: number[];
}

export interface ExploreSummary {
  scenario: string;
  whatIfs: string[];
  policy: ExplorePolicy;
  seed: string;
  runs: number;
  /** Games per ending key, most frequent first. */
  endings: { ending: string; games: number; share: number; seeds: string[] }[];
  facts: { id: string; games: number; share: number; seeds: string[]; seedsWithout: string[] }[];
  /** Dates of the turns (index 0 = the opening). */
  dates: string[];
  indicators: Record<IndicatorId, Band>;
  /** The war's path against the record, as `npm run calibrate` prints it (when the batch watched it). */
  path?: PathSummary;
}

/** A share in percent with one decimal, computed on integers so every engine agrees. */
export function share(count: number, total: number): number {
  return total > 0 ? Math.round((count * 1000) / total) / 10 : 0;
}

/** The p-th percentile (p a whole number 0–100) of sorted values: the nearest rank below. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.floor(((sorted.length - 1) * p) / 100)] ?? 0;
}

/**
 * What part of a batch found, as plain data (a worker posts it to the page): games per ending
 * and per fact with their first example seeds, and every game's indicators by turn, in seed
 * order. Parts of one batch (consecutive seed ranges) combine into its summary.
 */
export interface ExplorePart {
  /** Seed numbers played: first … first + played - 1. */
  first: number;
  played: number;
  endings: [string, { games: number; seeds: string[] }][];
  facts: [string, { games: number; seeds: string[]; seedsWithout: string[] }][];
  /** Values by indicator, by turn, one per game in seed order. */
  values: [IndicatorId, number[][]][];
  dates: string[];
  /** Each game's path against the record, in seed order (when the batch watches it). */
  paths?: GamePath[];
}

/**
 * A batch, or a part of one (seeds <seed>-first … <seed>-last), in progress. `step(n)` plays up
 * to n more games; `part()` gives what the games so far found; `summary()` summarises them.
 */
export class Exploration {
  readonly scenario: Scenario;
  readonly config: ExploreConfig;
  readonly first: number;
  readonly last: number;
  private next: number;
  private readonly endings = new Map<string, { games: number; seeds: string[] }>();
  private readonly factCounts = new Map<string, { games: number; seeds: string[]; seedsWithout: string[] }>();
  private readonly values = new Map<IndicatorId, number[][]>();
  private dates: string[] = [];
  private readonly paths: GamePath[] = [];

  /**
   * Throws with a clear message on a bad configuration (see checkExploreConfig) or range. With
   * the record of the war, each game's path is watched too (the summary's `path`).
   */
  constructor(
    base: Scenario,
    config: ExploreConfig,
    range?: { first: number; last: number },
    private readonly record?: HistoryRecord,
  ) {
    const problem = checkExploreConfig(base, config);
    if (problem) throw new Error(problem);
    this.first = range?.first ?? 1;
    this.last = range?.last ?? config.runs;
    if (!Number.isInteger(this.first) || !Number.isInteger(this.last) || this.first < 1 || this.last > config.runs || this.first > this.last + 1) {
      throw new Error(`the seed range ${this.first}–${this.last} is not within 1–${config.runs}`);
    }
    this.next = this.first;
    this.config = { ...config, whatIfs: [...config.whatIfs] };
    this.scenario = applyWhatIfs(base, config.whatIfs);
    for (const f of FACTS) this.factCounts.set(f.id, { games: 0, seeds: [], seedsWithout: [] });
    const turns = this.scenario.turns + 1;
    for (const ind of INDICATORS) this.values.set(ind.id, Array.from({ length: turns }, () => []));
  }

  get played(): number {
    return this.next - this.first;
  }

  get done(): boolean {
    return this.next > this.last;
  }

  /** Plays up to n more games; returns how many were played. */
  step(n = 1): number {
    let count = 0;
    while (count < n && !this.done) {
      this.add(playOutcome(this.scenario, `${this.config.seed}-${this.next}`, this.config.policy, this.record));
      this.next++;
      count++;
    }
    return count;
  }

  private add(g: GameOutcome): void {
    if (g.path) this.paths.push(g.path);
    const e = this.endings.get(g.ending) ?? { games: 0, seeds: [] };
    e.games++;
    if (e.seeds.length < EXAMPLES) e.seeds.push(g.seed);
    this.endings.set(g.ending, e);
    for (const f of FACTS) {
      const c = this.factCounts.get(f.id);
      if (!c) continue;
      if (g.facts[f.id]) {
        c.games++;
        if (c.seeds.length < EXAMPLES) c.seeds.push(g.seed);
      } else if (c.seedsWithout.length < EXAMPLES) c.seedsWithout.push(g.seed);
    }
    // A game that ended early keeps its final values for the turns it did not play.
    const last = g.log[g.log.length - 1];
    for (const ind of INDICATORS) {
      const byTurn = this.values.get(ind.id);
      if (!byTurn || !last) continue;
      for (let t = 0; t < byTurn.length; t++) byTurn[t]?.push((g.log[t] ?? last)[ind.id]);
    }
    if (g.log.length > this.dates.length) this.dates = g.log.map((l) => l.date);
  }

  part(): ExplorePart {
    return {
      first: this.first,
      played: this.played,
      endings: [...this.endings.entries()].map(([k, e]) => [k, { games: e.games, seeds: [...e.seeds] }]),
      facts: [...this.factCounts.entries()].map(([k, c]) => [k, { games: c.games, seeds: [...c.seeds], seedsWithout: [...c.seedsWithout] }]),
      values: [...this.values.entries()].map(([k, byTurn]) => [k, byTurn.map((xs) => [...xs])]),
      dates: [...this.dates],
      ...(this.record ? { paths: [...this.paths] } : {}),
    };
  }

  summary(): ExploreSummary {
    return summarise(this.scenario.id, this.config, [this.part()], this.record ? { record: this.record, scenario: this.scenario } : undefined);
  }
}

/**
 * The summary of a batch from its parts, combined in seed order: the same numbers whether the
 * batch was played in one piece or in several (in parallel workers, say).
 */
export function summarise(
  scenarioId: string,
  config: ExploreConfig,
  parts: readonly ExplorePart[],
  /** With the record and the scenario played, the parts' paths are summarised as the calibration's are. */
  against?: { record: HistoryRecord; scenario: Scenario },
): ExploreSummary {
  const ordered = [...parts].sort((a, b) => a.first - b.first);
  const runs = ordered.reduce((n, p) => n + p.played, 0);
  const endingMap = new Map<string, { games: number; seeds: string[] }>();
  const factMap = new Map<string, { games: number; seeds: string[]; seedsWithout: string[] }>();
  const valueMap = new Map<IndicatorId, number[][]>();
  let dates: string[] = [];
  const take = (into: string[], from: readonly string[]) => {
    for (const seed of from) if (into.length < EXAMPLES) into.push(seed);
  };
  for (const part of ordered) {
    for (const [key, e] of part.endings) {
      const into = endingMap.get(key) ?? { games: 0, seeds: [] };
      into.games += e.games;
      take(into.seeds, e.seeds);
      endingMap.set(key, into);
    }
    for (const [key, c] of part.facts) {
      const into = factMap.get(key) ?? { games: 0, seeds: [], seedsWithout: [] };
      into.games += c.games;
      take(into.seeds, c.seeds);
      take(into.seedsWithout, c.seedsWithout);
      factMap.set(key, into);
    }
    for (const [key, byTurn] of part.values) {
      const into = valueMap.get(key) ?? [];
      byTurn.forEach((xs, t) => {
        into[t] ??= [];
        for (const x of xs) into[t]?.push(x);
      });
      valueMap.set(key, into);
    }
    if (part.dates.length > dates.length) dates = [...part.dates];
  }
  const endings = [...endingMap.entries()]
    .map(([ending, e]) => ({ ending, games: e.games, share: share(e.games, runs), seeds: e.seeds }))
    // Code-point order, not localeCompare: the order must not depend on the machine's locale.
    .sort((a, b) => b.games - a.games || (a.ending < b.ending ? -1 : a.ending > b.ending ? 1 : 0));
  const facts = FACTS.map((f) => {
    const c = factMap.get(f.id) ?? { games: 0, seeds: [], seedsWithout: [] };
    return { id: f.id, games: c.games, share: share(c.games, runs), seeds: c.seeds, seedsWithout: c.seedsWithout };
  });
  const turns = runs > 0 ? dates.length : 0;
  const indicators = {} as Record<IndicatorId, Band>;
  for (const ind of INDICATORS) {
    const band: Band = { p10: [], p50: [], p90: [] };
    const byTurn = valueMap.get(ind.id) ?? [];
    for (let t = 0; t < turns; t++) {
      const sorted = [...(byTurn[t] ?? [])].sort((a, b) => a - b);
      band.p10.push(percentile(sorted, 10));
      band.p50.push(percentile(sorted, 50));
      band.p90.push(percentile(sorted, 90));
    }
    indicators[ind.id] = band;
  }
  return {
    scenario: scenarioId,
    whatIfs: [...config.whatIfs],
    policy: config.policy,
    seed: config.seed,
    runs,
    endings,
    facts,
    dates: runs > 0 ? dates : [],
    indicators,
    ...(against && ordered.every((p) => p.paths) ? { path: summarisePaths(against.record, against.scenario, ordered.flatMap((p) => p.paths ?? [])) } : {}),
  };
}

/** Splits seeds 1 … runs into at most `parts` consecutive ranges of nearly equal size. */
export function splitRuns(runs: number, parts: number): { first: number; last: number }[] {
  const n = Math.max(1, Math.min(parts, runs));
  const ranges: { first: number; last: number }[] = [];
  let first = 1;
  for (let i = 0; i < n; i++) {
    const size = Math.floor(runs / n) + (i < runs % n ? 1 : 0);
    ranges.push({ first, last: first + size - 1 });
    first += size;
  }
  return ranges;
}

/** Runs a whole batch at once (the headless runner and tests). */
export function explore(scenario: Scenario, config: ExploreConfig, record?: HistoryRecord): ExploreSummary {
  const run = new Exploration(scenario, config, undefined, record);
  run.step(config.runs);
  return run.summary();
}
