// The outcome explorer: many seeded games of one scenario with chosen counterfactual switches
// and a policy, summarised as the distribution of endings, the share of games in which each
// key fact of the 2020 war happened, and the main indicators turn by turn (median and a
// 10–90% band). Incremental: a batch is stepped a few games at a time, so a Web Worker can
// report progress and be stopped. Pure and deterministic: the same inputs give the same
// summary, in Node and in the browser (all arithmetic is on integers).
import { playGame } from './play.ts';
import type { Difficulty, Order, Scenario, State, TurnSummary } from './types.ts';
import { applyWhatIfs, unknownWhatIf } from './whatif.ts';

// ---------------------------------------------------------------- the key facts

export interface FactDef {
  id: string;
  label: string;
}

/**
 * The key facts of the 2020 war, each measured at the end of a turn. Another scenario is
 * measured on the same places (a fact may then be trivially true or false there).
 */
export const FACTS: readonly FactDef[] = [
  { id: 'tripoli-held', label: 'Tripoli stays with the GNA through June 2020' },
  { id: 'watiya-changes', label: 'al-Watiya changes hands' },
  { id: 'tarhuna-changes', label: 'Tarhuna changes hands' },
  { id: 'front-sirte', label: 'Front ends between Sirte and Misrata' },
  { id: 'oil-blockade', label: 'An oil blockade comes' },
  { id: 'lna-takes-tripoli', label: 'The LNA takes Tripoli' },
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
 * How the actors play. "historical": the Libyan sides and the mediator play the baseline AI
 * (normal), the foreign backers take no decisions of their own and move only through the
 * scenario's dated events. "ai-<difficulty>": every actor plays the AI at that difficulty.
 */
export type ExplorePolicy = 'historical' | 'ai-easy' | 'ai-normal' | 'ai-hard';
export const EXPLORE_POLICIES: readonly ExplorePolicy[] = ['historical', 'ai-easy', 'ai-normal', 'ai-hard'];

export const POLICY_LABELS: Record<ExplorePolicy, string> = {
  historical: 'Historical: backers move only as they did in history',
  'ai-easy': 'Every actor plays the computer at easy',
  'ai-normal': 'Every actor plays the computer at normal',
  'ai-hard': 'Every actor plays the computer at hard',
};

/** The historical policy: only the Libyan sides' and the mediator's AI orders are kept. */
export function historicalOrder(order: Order): boolean {
  return !order.actor.startsWith('backer:');
}

/** The difficulty a policy plays at (and the one a game opened from the explorer uses). */
export function policyDifficulty(policy: ExplorePolicy): Difficulty {
  return policy === 'historical' ? 'normal' : (policy.slice(3) as Difficulty);
}

// ---------------------------------------------------------------- one game

/** The indicators charted turn by turn, read from each turn's summary. */
export const INDICATORS = [
  { id: 'gnaShare', label: 'GNA share of the population held (%)' },
  { id: 'lnaShare', label: 'LNA share of the population held (%)' },
  { id: 'gnaStrength', label: 'GNA fighters (hundreds)' },
  { id: 'lnaStrength', label: 'LNA fighters (hundreds)' },
  { id: 'casualties', label: 'Civilian deaths' },
  { id: 'oilOutput', label: 'Oil output (thousand barrels a day)' },
  { id: 'escalation', label: 'Regional escalation index' },
] as const satisfies readonly { id: keyof TurnSummary; label: string }[];
export type IndicatorId = (typeof INDICATORS)[number]['id'];

export interface GameOutcome {
  seed: string;
  ending: string;
  /** Turn on which the game ended. */
  turn: number;
  facts: Record<string, boolean>;
  /** One summary per turn (the opening first), as the game logged them. */
  log: TurnSummary[];
}

/** Plays one game of an explorer batch (the scenario already has its switches applied). */
export function playOutcome(scenario: Scenario, seed: string, policy: ExplorePolicy): GameOutcome {
  const watcher = new FactWatcher();
  const game = playGame(scenario, seed, {
    difficulty: policyDifficulty(policy),
    ...(policy === 'historical' ? { keepAiOrder: historicalOrder } : {}),
    onTurn: (before, _orders, after) => watcher.turn(before, after),
  });
  const end = game.state;
  return { seed, ending: endingKey(end), turn: end.ending?.turn ?? end.turn, facts: watcher.facts(end), log: end.log };
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
  facts: { id: string; label: string; games: number; share: number; seeds: string[]; seedsWithout: string[] }[];
  /** Dates of the turns (index 0 = the opening). */
  dates: string[];
  indicators: Record<IndicatorId, Band>;
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
 * A batch in progress. `step(n)` plays up to n more games; `summary()` summarises the games
 * played so far (the whole batch once `done`).
 */
export class Exploration {
  readonly scenario: Scenario;
  readonly config: ExploreConfig;
  private next = 1;
  private readonly endings = new Map<string, { games: number; seeds: string[] }>();
  private readonly factCounts = new Map<string, { games: number; seeds: string[]; seedsWithout: string[] }>();
  /** Values by indicator, by turn, one per game played. */
  private readonly values = new Map<IndicatorId, number[][]>();
  private dates: string[] = [];

  /** Throws with a clear message on a bad configuration (see checkExploreConfig). */
  constructor(base: Scenario, config: ExploreConfig) {
    const problem = checkExploreConfig(base, config);
    if (problem) throw new Error(problem);
    this.config = { ...config, whatIfs: [...config.whatIfs] };
    this.scenario = applyWhatIfs(base, config.whatIfs);
    for (const f of FACTS) this.factCounts.set(f.id, { games: 0, seeds: [], seedsWithout: [] });
    const turns = this.scenario.turns + 1;
    for (const ind of INDICATORS) this.values.set(ind.id, Array.from({ length: turns }, () => []));
  }

  get played(): number {
    return this.next - 1;
  }

  get done(): boolean {
    return this.played >= this.config.runs;
  }

  /** Plays up to n more games; returns how many were played. */
  step(n = 1): number {
    let count = 0;
    while (count < n && !this.done) {
      this.record(playOutcome(this.scenario, `${this.config.seed}-${this.next}`, this.config.policy));
      this.next++;
      count++;
    }
    return count;
  }

  private record(g: GameOutcome): void {
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

  summary(): ExploreSummary {
    const runs = this.played;
    const endings = [...this.endings.entries()]
      .map(([ending, e]) => ({ ending, games: e.games, share: share(e.games, runs), seeds: [...e.seeds] }))
      .sort((a, b) => b.games - a.games || a.ending.localeCompare(b.ending));
    const facts = FACTS.map((f) => {
      const c = this.factCounts.get(f.id) ?? { games: 0, seeds: [], seedsWithout: [] };
      return { id: f.id, label: f.label, games: c.games, share: share(c.games, runs), seeds: [...c.seeds], seedsWithout: [...c.seedsWithout] };
    });
    const indicators = {} as Record<IndicatorId, Band>;
    const turns = runs > 0 ? this.dates.length : 0;
    for (const ind of INDICATORS) {
      const band: Band = { p10: [], p50: [], p90: [] };
      const byTurn = this.values.get(ind.id) ?? [];
      for (let t = 0; t < turns; t++) {
        const sorted = [...(byTurn[t] ?? [])].sort((a, b) => a - b);
        band.p10.push(percentile(sorted, 10));
        band.p50.push(percentile(sorted, 50));
        band.p90.push(percentile(sorted, 90));
      }
      indicators[ind.id] = band;
    }
    return {
      scenario: this.scenario.id,
      whatIfs: [...this.config.whatIfs],
      policy: this.config.policy,
      seed: this.config.seed,
      runs,
      endings,
      facts,
      dates: runs > 0 ? [...this.dates] : [],
      indicators,
    };
  }
}

/** Runs a whole batch at once (the headless runner and tests). */
export function explore(scenario: Scenario, config: ExploreConfig): ExploreSummary {
  const run = new Exploration(scenario, config);
  run.step(config.runs);
  return run.summary();
}
