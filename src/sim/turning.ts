// Turning points: which of a player's decisions moved the outcome of a finished game, and by
// how much. A game is a pure function of (scenario, seed, orders), so each decision can be
// tried again: the game is replayed up to the turn in which the player gave orders, that
// turn's orders are replaced by an alternative (nothing at all, or what the baseline AI would
// have ordered), and the rest of the war is played out many times. Continuation k uses the
// same fresh dice (and the same seed for the computer's choices) on the real branch and on
// every alternative, and the player's role is played by the baseline AI after the branch turn
// on all of them, so that only that turn's orders differ. Incremental and splittable (a Web
// Worker plays every n-th continuation and reports progress); the summary is the same however
// the work was split, in Node and in the browser.
import { aiOrders, otherActorsOrders } from './ai.ts';
import { endingKey } from './explore.ts';
import { canonicalJson, stateHash } from './hash.ts';
import { resolveTurn } from './resolve.ts';
import { Rng } from './rng.ts';
import { roleScore } from './rules/outcome.ts';
import { newGame } from './setup.ts';
import type { Difficulty, Order, PlayerRole, Scenario, State } from './types.ts';

/** The branches tried at a decision turn: what the player did, and two alternatives. */
export type BranchKind = 'real' | 'nothing' | 'baseline';
export type AlternativeKind = Exclude<BranchKind, 'real'>;
export const ALTERNATIVES: readonly AlternativeKind[] = ['nothing', 'baseline'];

export const TURNING_DEFAULT_RUNS = 100;

/**
 * The AI that stands in for the player in an analysis: in a historical game the historical
 * persona (the leaders' choices of 2019–2020, as every other actor of that game plays), at
 * every other difficulty the normal level.
 */
export function baselineLevel(difficulty: Difficulty): Difficulty {
  return difficulty === 'historical' ? 'historical' : 'normal';
}
export const TURNING_MAX_RUNS = 2000;
/** z for a two-sided 95% interval. */
const Z = 1.96;

/** A finished (or unfinished) game as its record: what the analysis replays. */
export interface TurningGame {
  /** The scenario as played (what-ifs applied). */
  scenario: Scenario;
  seed: string;
  humans: readonly PlayerRole[];
  difficulty: Difficulty;
  /** The role whose decisions are analysed. */
  role: PlayerRole;
  /** Every actor's orders, turn by turn, as given to resolveTurn. */
  turns: readonly (readonly Order[])[];
}

export interface TurningConfig {
  /** Continuations per branch (the same continuation seeds on every branch). */
  runs: number;
}

export interface DecisionTurn {
  turn: number;
  /** The date the turn began. */
  date: string;
  /** The player's orders on each branch. */
  orders: Record<BranchKind, Order[]>;
  /** The branches played, 'real' first; an alternative that is the same as the real orders is not played. */
  branches: BranchKind[];
}

/** What the summary needs of a plan: plain data a worker can post to the page. */
export interface TurningOutline {
  scenario: string;
  seed: string;
  role: PlayerRole;
  runs: number;
  decisions: DecisionTurn[];
  /** Continuations to play in all: Σ branches × runs. */
  units: number;
  /** Index of the first unit of each decision. */
  offsets: number[];
}

export interface TurningPlan extends TurningOutline {
  game: TurningGame;
  /** The state before each turn: states[t - 1] before turn t (states[0] the opening), as played. */
  states: State[];
  /** The state hash after each replayed turn (equal to the game's own). */
  hashes: string[];
}

export function outlineOf(plan: TurningPlan): TurningOutline {
  const { scenario, seed, role, runs, decisions, units, offsets } = plan;
  return { scenario, seed, role, runs, decisions, units, offsets };
}

/** A clear message for a bad configuration, or null. */
export function checkTurningConfig(config: TurningConfig): string | null {
  if (!Number.isInteger(config.runs) || config.runs < 1 || config.runs > TURNING_MAX_RUNS) return `runs must be a whole number from 1 to ${TURNING_MAX_RUNS}, not ${config.runs}`;
  return null;
}

function ordersOf(turn: readonly Order[], role: PlayerRole): Order[] {
  return turn.filter((o) => o.actor === role);
}

function sameOrders(a: readonly Order[], b: readonly Order[]): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/**
 * Replays the game and finds its decision turns: the turns in which the player's role gave at
 * least one order. Throws with a clear message on a bad configuration.
 */
export function turningPlan(game: TurningGame, config: TurningConfig): TurningPlan {
  const problem = checkTurningConfig(config);
  if (problem) throw new Error(problem);
  const { scenario, role } = game;
  let state = newGame(scenario, game.seed, [...game.humans], game.difficulty);
  const states: State[] = [state];
  const hashes: string[] = [];
  const decisions: DecisionTurn[] = [];
  for (const [i, turnOrders] of game.turns.entries()) {
    if (state.ending) break;
    const real = ordersOf(turnOrders, role);
    if (real.length > 0) {
      const baseline = aiOrders(scenario, state, role, baselineLevel(state.difficulty)).orders;
      const branches: BranchKind[] = ['real', 'nothing'];
      if (!sameOrders(baseline, real)) branches.push('baseline');
      decisions.push({ turn: i + 1, date: state.date, orders: { real, nothing: [], baseline }, branches });
    }
    state = resolveTurn(scenario, state, turnOrders).state;
    states.push(state);
    hashes.push(stateHash(state));
  }
  const offsets: number[] = [];
  let units = 0;
  for (const d of decisions) {
    offsets.push(units);
    units += d.branches.length * config.runs;
  }
  return { scenario: scenario.id, seed: game.seed, role, game, runs: config.runs, decisions, states, hashes, units, offsets };
}

/** The decision, branch and continuation (1 … runs) of unit i. */
export function unitAt(plan: TurningOutline, index: number): { decision: number; branch: BranchKind; k: number } {
  let d = plan.decisions.length - 1;
  while (d > 0 && (plan.offsets[d] ?? 0) > index) d--;
  const within = index - (plan.offsets[d] ?? 0);
  const decision = plan.decisions[d] as DecisionTurn;
  return { decision: d, branch: decision.branches[Math.floor(within / plan.runs)] as BranchKind, k: (within % plan.runs) + 1 };
}

/** The seed of continuation k from turn t: the same on every branch of that turn. */
export function continuationSeed(game: TurningGame, turn: number, k: number): string {
  return `${game.seed}|turning|${turn}|${k}`;
}

export interface UnitResult {
  ending: string;
  /** The player's role's score at the ending. */
  score: number;
}

/**
 * Plays one continuation: the state before the decision turn as played, the other actors'
 * orders of that turn as given, the branch's orders for the player, fresh dice from the
 * continuation's seed; then every actor the computer (the player's role the baseline AI)
 * until the game ends.
 */
export function playUnit(plan: TurningPlan, index: number): UnitResult {
  const { decision, branch, k } = unitAt(plan, index);
  const d = plan.decisions[decision] as DecisionTurn;
  const { scenario, role } = plan.game;
  const before = plan.states[d.turn - 1] as State;
  const seed = continuationSeed(plan.game, d.turn, k);
  const recorded = plan.game.turns[d.turn - 1] ?? [];
  const others = recorded.filter((o) => o.actor !== role);
  // resolveTurn copies the state it is given: a shallow variant is enough.
  let state = resolveTurn(scenario, { ...before, seed, rng: Rng.fromSeed(seed).state() }, [...d.orders[branch], ...others]).state;
  // From here on nobody is a person: every side answers proposals as the computer does.
  state = { ...state, humans: [] };
  const level = baselineLevel(state.difficulty);
  // At the baseline's own level the player's role is one of the computer's actors.
  const own = state.difficulty === level;
  for (let guard = 0; !state.ending && guard <= scenario.turns + 1; guard++) {
    const ai = otherActorsOrders(scenario, state, own ? null : role);
    const orders = own ? ai.orders : [...aiOrders(scenario, state, role, level).orders, ...ai.orders];
    // Every order is the AI's, checked by its planner on this state.
    state = resolveTurn(scenario, state, orders, {}, 'checked').state;
  }
  const score = roleScore(scenario, state, role)?.total ?? 0;
  return { ending: endingKey(state), score };
}

/** What part of an analysis found: each unit played, by index. */
export interface TurningPart {
  units: [number, string, number][];
}

/**
 * An analysis, or a share of one (every `of`-th unit from `index`: interleaved, so that shares
 * of early and late turns, which differ in cost, are spread evenly), in progress.
 */
export class TurningRun {
  readonly plan: TurningPlan;
  private readonly stride: number;
  private readonly first: number;
  private next: number;
  private readonly results: [number, string, number][] = [];

  constructor(plan: TurningPlan, share: { index: number; of: number } = { index: 0, of: 1 }) {
    if (!Number.isInteger(share.of) || share.of < 1 || !Number.isInteger(share.index) || share.index < 0 || share.index >= share.of) {
      throw new Error(`share ${share.index} of ${share.of} is not a share`);
    }
    this.plan = plan;
    this.stride = share.of;
    this.first = share.index;
    this.next = share.index;
  }

  /** Units this share plays in all. */
  get total(): number {
    return this.first >= this.plan.units ? 0 : Math.ceil((this.plan.units - this.first) / this.stride);
  }

  get played(): number {
    return this.results.length;
  }

  get done(): boolean {
    return this.next >= this.plan.units;
  }

  /** Plays up to n more continuations; returns how many were played. */
  step(n = 1): number {
    let count = 0;
    while (count < n && !this.done) {
      const r = playUnit(this.plan, this.next);
      this.results.push([this.next, r.ending, r.score]);
      this.next += this.stride;
      count++;
    }
    return count;
  }

  part(): TurningPart {
    return { units: this.results.map((u) => [...u] as [number, string, number]) };
  }
}

// ---------------------------------------------------------------- the summary

export interface EndingShare {
  ending: string;
  games: number;
  /** Percent, one decimal, with its 95% (Wilson) interval. */
  share: number;
  low: number;
  high: number;
}

export interface BranchSummary {
  kind: BranchKind;
  orders: Order[];
  runs: number;
  /** The player's mean score, one decimal, with its 95% interval. */
  score: number;
  scoreLow: number;
  scoreHigh: number;
  /** Every ending reached, most frequent first. */
  endings: EndingShare[];
}

export interface Effect {
  alternative: AlternativeKind;
  /** The player's mean score on the real branch minus on the alternative (paired by continuation), one decimal, with its 95% interval. */
  scoreDiff: number;
  low: number;
  high: number;
  /** The interval holds 0: the difference is within the noise of the continuations. */
  noise: boolean;
  /** The ending whose chance moved most: its share on the real branch and on the alternative. */
  ending: { ending: string; real: number; alternative: number } | null;
}

export interface TurnAnalysis {
  turn: number;
  date: string;
  branches: BranchSummary[];
  /** One per alternative played; an alternative that equals the real orders is listed in `same`. */
  effects: Effect[];
  same: AlternativeKind[];
  /** The largest |scoreDiff| over the alternatives: what the turns are ranked by. */
  size: number;
  /** Every effect is within the noise. */
  noise: boolean;
}

export interface TurningSummary {
  scenario: string;
  seed: string;
  role: PlayerRole;
  runs: number;
  /** Continuations played in all. */
  units: number;
  /** The decision turns in turn order. */
  turns: TurnAnalysis[];
  /** Turn numbers, the largest effect first (ties: the earlier turn). */
  ranking: number[];
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** The mean of whole numbers and its 95% interval (normal approximation), one decimal each. */
export function meanInterval(values: readonly number[]): { mean: number; low: number; high: number } {
  const n = values.length;
  if (n === 0) return { mean: 0, low: 0, high: 0 };
  let sum = 0;
  let squares = 0;
  for (const v of values) {
    sum += v;
    squares += v * v;
  }
  const mean = sum / n;
  // n Σx² − (Σx)² is an exact integer for whole numbers: the same variance on every engine.
  const variance = n > 1 ? Math.max(0, n * squares - sum * sum) / (n * (n - 1)) : 0;
  const half = Z * Math.sqrt(variance / n);
  return { mean: round1(mean), low: round1(mean - half), high: round1(mean + half) };
}

/** The Wilson 95% interval of a share, in percent with one decimal. */
export function shareInterval(games: number, n: number): { share: number; low: number; high: number } {
  if (n === 0) return { share: 0, low: 0, high: 0 };
  const p = games / n;
  const z2 = Z * Z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return { share: round1(p * 100), low: round1(Math.max(0, centre - half) * 100), high: round1(Math.min(1, centre + half) * 100) };
}

function endingShares(endings: readonly string[]): EndingShare[] {
  const counts = new Map<string, number>();
  for (const e of endings) counts.set(e, (counts.get(e) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([ending, games]) => ({ ending, games, ...shareInterval(games, endings.length) }));
}

/**
 * The summary of an analysis from its parts, in unit order: the same figures however the work
 * was split. Units not (yet) played are left out; a branch's figures are over the
 * continuations played on it, and an effect pairs only continuations played on both branches.
 */
export function summariseTurning(plan: TurningOutline, parts: readonly TurningPart[]): TurningSummary {
  const played = new Map<number, { ending: string; score: number }>();
  for (const part of parts) for (const [i, ending, score] of part.units) played.set(i, { ending, score });
  const turns: TurnAnalysis[] = plan.decisions.map((d, di) => {
    const byBranch = new Map<BranchKind, ({ ending: string; score: number } | undefined)[]>();
    d.branches.forEach((b, bi) => {
      const start = (plan.offsets[di] ?? 0) + bi * plan.runs;
      byBranch.set(
        b,
        Array.from({ length: plan.runs }, (_, k) => played.get(start + k)),
      );
    });
    const branches: BranchSummary[] = d.branches.map((kind) => {
      const got = (byBranch.get(kind) ?? []).filter((u) => u !== undefined);
      const s = meanInterval(got.map((u) => u.score));
      return { kind, orders: d.orders[kind], runs: got.length, score: s.mean, scoreLow: s.low, scoreHigh: s.high, endings: endingShares(got.map((u) => u.ending)) };
    });
    const real = byBranch.get('real') ?? [];
    const effects: Effect[] = [];
    for (const alt of ALTERNATIVES) {
      const other = byBranch.get(alt);
      if (!other) continue;
      const diffs: number[] = [];
      const realEndings: string[] = [];
      const altEndings: string[] = [];
      for (let k = 0; k < plan.runs; k++) {
        const a = real[k];
        const b = other[k];
        if (!a || !b) continue;
        diffs.push(a.score - b.score);
        realEndings.push(a.ending);
        altEndings.push(b.ending);
      }
      const m = meanInterval(diffs);
      effects.push({ alternative: alt, scoreDiff: m.mean, low: m.low, high: m.high, noise: diffs.length === 0 || (m.low <= 0 && m.high >= 0), ending: biggestShift(realEndings, altEndings) });
    }
    const same = ALTERNATIVES.filter((a) => !d.branches.includes(a));
    const size = Math.max(0, ...effects.map((e) => Math.abs(e.scoreDiff)));
    return { turn: d.turn, date: d.date, branches, effects, same, size, noise: effects.every((e) => e.noise) };
  });
  const ranking = [...turns].sort((a, b) => b.size - a.size || a.turn - b.turn).map((t) => t.turn);
  return { scenario: plan.scenario, seed: plan.seed, role: plan.role, runs: plan.runs, units: played.size, turns, ranking };
}

/** The ending whose share differs most between two paired lists of endings. */
function biggestShift(real: readonly string[], alt: readonly string[]): Effect['ending'] {
  if (real.length === 0) return null;
  const keys = [...new Set([...real, ...alt])].sort();
  let best: Effect['ending'] = null;
  let bestGap = -1;
  for (const key of keys) {
    const r = real.filter((e) => e === key).length;
    const a = alt.filter((e) => e === key).length;
    if (Math.abs(r - a) > bestGap) {
      bestGap = Math.abs(r - a);
      best = { ending: key, real: shareInterval(r, real.length).share, alternative: shareInterval(a, alt.length).share };
    }
  }
  return best;
}

/** Runs a whole analysis at once (the runner, tests). */
export function analyseTurningPoints(game: TurningGame, config: TurningConfig): TurningSummary {
  const plan = turningPlan(game, config);
  const run = new TurningRun(plan);
  run.step(plan.units);
  return summariseTurning(plan, [run.part()]);
}
