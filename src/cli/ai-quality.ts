// How well the AI plays, measured: paired seeded games of a scenario in which one seat (the
// GNA, the LNA or a playable backer) is played by the AI at one difficulty, and the same seed is played again
// with another player in the seat. Every other actor is the historical persona (the calibrated world, docs/ai.md):
// the same opponents for every player measured.
//   npm run ai-quality -- [--scenario sirte-2020] [--runs 100] [--seed quality] [--json]
//
// "A beats B" on a seed: the seat's score (src/sim/rules/outcome.ts, the role's weighted score
// at the ending) is strictly higher with A in the seat than with B. A tie counts for neither.
import { parseArgs } from 'node:util';
import { aiOrders } from '../sim/ai.ts';
import {
  type Actor,
  budgetOf,
  checkLegalOrder,
  formatProblems,
  LEVELS,
  type Level,
  legalOrders,
  ORDER_COST,
  type Order,
  PLAYER_ROLE_PATTERN,
  type PlayerRole,
  type Policy,
  playGame,
  roleScore,
  type Scenario,
} from '../sim/index.ts';
import { noise } from '../sim/rng.ts';
import { loadScenarioFile, playableScenarioIds, runWhenMain } from './files.ts';

const HELP = `Ceasefire Line — AI quality

Plays paired seeded games of a scenario: the same seed with the AI at each difficulty in one
seat (the GNA, the LNA and every playable backer in turn), and with a player who gives random
legal orders. Prints how often each player beats the other by the seat's score at the ending
(strictly higher; ties count for neither): the ladder (normal beats easy, hard beats normal, hard
beats easy) and each level against random orders, with the targets: each step up the ladder wins
at least 60% of pairs in every seat, every level beats random orders in at least 90%.

Usage: npm run ai-quality -- [options]

Options:
  --scenario <id|file>  scenario id (${playableScenarioIds().join(', ')}) or a path to a JSON file (default sirte-2020)
  --runs <N>            seeds per seat, <seed>-1 … <seed>-N (1 to 10000, default 100)
  --seed <text>         seed prefix (default quality)
  --role <role>         measure one seat only: gna, lna or a backer (backer:turkey, backer:russia…);
                        without it, every seat the scenario makes playable except the mediator's
  --json                print machine-readable JSON instead of a table
  --help                show this help

Exit status: 0 when both targets hold, 3 when one does not, 2 for a bad argument, 1 for a
scenario that does not load.
`;

export const SIDE_SEATS: readonly PlayerRole[] = ['gna', 'lna'];
/** The seats the AI can be measured in: the sides and every playable backer (the mediator is not measured). */
export function seatsOf(scenario: Scenario): PlayerRole[] {
  return scenario.playable.filter((r) => r !== 'mediator');
}
export type Player = Level | 'random';
export const PLAYERS: readonly Player[] = [...LEVELS, 'random'];
/** The ladder's pairings: each level against the one below it, and the top against the bottom. */
export const LADDER: readonly (readonly [Level, Level])[] = [
  ['normal', 'easy'],
  ['hard', 'normal'],
  ['hard', 'easy'],
];
/** Share of pairs (percent) each level must win against the level below it, and every level against random orders. */
export const TARGETS = { stepUp: 60, overRandom: 90 } as const;

/** A player who gives random legal orders, up to its budget; its only chance is a hash of the seed and turn. */
export function randomPolicy(role: PlayerRole): Policy {
  return (scenario, state) => {
    const legal = legalOrders(scenario, state, role as Actor);
    const picked: Order[] = [];
    let budget = 0;
    // Order the legal orders by a hash of (seed, turn, index): a deterministic shuffle.
    const keyed = legal.map((o, i) => ({ o, k: noise(state.seed, state.turn, 'random-player', i) })).sort((a, b) => a.k - b.k);
    for (const { o } of keyed) {
      if (budget >= budgetOf(scenario, role as Actor) && ORDER_COST[o.kind].budget > 0) continue;
      if (!checkLegalOrder(scenario, state, o, picked, true).ok) continue;
      picked.push(o);
      budget += ORDER_COST[o.kind].budget;
    }
    return picked;
  };
}

/** The AI at a given difficulty, whatever the game's own difficulty. */
export function aiPolicy(role: PlayerRole, difficulty: Level): Policy {
  return (scenario, state) => aiOrders(scenario, state, role as Actor, difficulty).orders;
}

export function policyFor(role: PlayerRole, player: Player): Policy {
  return player === 'random' ? randomPolicy(role) : aiPolicy(role, player);
}

/** The seat's score at the ending of one game with this player in the seat. */
export function seatScore(scenario: Scenario, seed: string, role: PlayerRole, player: Player): number {
  const game = playGame(scenario, seed, { role, policy: policyFor(role, player) });
  return roleScore(scenario, game.state, role)?.total ?? 0;
}

export interface Pairing {
  a: Player;
  b: Player;
  seat: PlayerRole;
  pairs: number;
  /** Pairs in which a's score was strictly higher. */
  wins: number;
  ties: number;
  /** wins / pairs, percent. */
  share: number;
}

export interface Quality {
  scenario: string;
  seed: string;
  runs: number;
  seats: PlayerRole[];
  /** Median seat score of each player, per seat. */
  median: Record<string, Record<Player, number>>;
  pairings: Pairing[];
  /** The ladder's pairings (normal/easy, hard/normal, hard/easy) in every seat: the worst of them. */
  ladder: { share: number; worst: Pairing; met: boolean };
  /** Every level against random orders in every seat: the worst of them. */
  overRandom: { share: number; worst: Pairing; met: boolean };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const pct = (n: number, of: number) => Math.round((n * 1000) / Math.max(1, of)) / 10;

export function measureQuality(scenario: Scenario, runs: number, seed = 'quality', seats: readonly PlayerRole[] = seatsOf(scenario)): Quality {
  const scores: Record<string, Record<Player, number[]>> = {};
  for (const seat of seats) {
    const row: Record<Player, number[]> = { easy: [], normal: [], hard: [], random: [] };
    scores[seat] = row;
    for (let i = 1; i <= runs; i++) for (const p of PLAYERS) row[p].push(seatScore(scenario, `${seed}-${i}`, seat, p));
  }
  const pairings: Pairing[] = [];
  const pair = (a: Player, b: Player, seat: PlayerRole): Pairing => {
    const xs = scores[seat]![a];
    const ys = scores[seat]![b];
    let wins = 0;
    let ties = 0;
    for (let i = 0; i < xs.length; i++) {
      if (xs[i]! > ys[i]!) wins++;
      else if (xs[i] === ys[i]) ties++;
    }
    const p = { a, b, seat, pairs: xs.length, wins, ties, share: pct(wins, xs.length) };
    pairings.push(p);
    return p;
  };
  const ladder: Pairing[] = [];
  const random: Pairing[] = [];
  for (const seat of seats) {
    for (const [a, b] of LADDER) ladder.push(pair(a, b, seat));
    for (const d of LEVELS) random.push(pair(d, 'random', seat));
  }
  const worstOf = (ps: Pairing[]) => [...ps].sort((x, y) => x.share - y.share)[0]!;
  const med: Quality['median'] = {};
  for (const seat of seats) med[seat] = Object.fromEntries(PLAYERS.map((p) => [p, median(scores[seat]![p])])) as Record<Player, number>;
  const lw = worstOf(ladder);
  const rw = worstOf(random);
  return {
    scenario: scenario.id,
    seed,
    runs,
    seats: [...seats],
    median: med,
    pairings,
    ladder: { share: lw.share, worst: lw, met: ladder.every((p) => p.share >= TARGETS.stepUp) },
    overRandom: { share: rw.share, worst: rw, met: random.every((p) => p.share >= TARGETS.overRandom) },
  };
}

export function formatQuality(q: Quality): string {
  const lines = [`AI quality — ${q.scenario}, ${q.runs} paired seeds per seat ("${q.seed}-1" … "${q.seed}-${q.runs}")`, ''];
  const width = Math.max(5, ...q.seats.map((s) => s.length));
  lines.push(`${'seat'.padEnd(width)} pairing            wins   ties   share  target`);
  for (const p of q.pairings) {
    const target = p.b === 'random' ? TARGETS.overRandom : TARGETS.stepUp;
    const mark = p.share >= target ? '' : '  NOT met';
    lines.push(
      `${p.seat.padEnd(width)} ${`${p.a} vs ${p.b}`.padEnd(18)} ${String(p.wins).padStart(4)}  ${String(p.ties).padStart(5)}  ${p.share.toFixed(1).padStart(5)}%  ≥ ${target}%${mark}`,
    );
  }
  lines.push('');
  for (const seat of q.seats) lines.push(`median ${seat} score: ${PLAYERS.map((p) => `${p} ${q.median[seat]![p]}`).join(', ')}`);
  lines.push('');
  lines.push(
    `each level beats the one below it: worst ${q.ladder.worst.a} vs ${q.ladder.worst.b} as ${q.ladder.worst.seat} ${q.ladder.share}% (target ≥ ${TARGETS.stepUp}% in every seat) — ${q.ladder.met ? 'met' : 'NOT met'}`,
  );
  lines.push(
    `every level beats random orders: worst ${q.overRandom.worst.a} as ${q.overRandom.worst.seat} ${q.overRandom.share}% (target ≥ ${TARGETS.overRandom}%) — ${q.overRandom.met ? 'met' : 'NOT met'}`,
  );
  return lines.join('\n');
}

export function main(argv: string[], out: (line: string) => void = console.log): number {
  let values: { scenario?: string; runs?: string; seed?: string; role?: string; json?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { scenario: { type: 'string' }, runs: { type: 'string' }, seed: { type: 'string' }, role: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    out(`error: ${(e as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (values.help) {
    out(HELP);
    return 0;
  }
  const runs = values.runs === undefined ? 100 : Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1 || runs > 10_000) {
    out(`error: --runs must be a whole number from 1 to 10000, not "${values.runs}"\n\n${HELP}`);
    return 2;
  }
  const seed = values.seed ?? 'quality';
  if (seed.length === 0 || seed.length > 200) {
    out(`error: --seed must be 1 to 200 characters\n\n${HELP}`);
    return 2;
  }
  const loaded = loadScenarioFile(values.scenario ?? 'sirte-2020');
  if (!loaded.ok) {
    out(`error: the scenario could not be loaded:\n${formatProblems(loaded.error)}`);
    return 1;
  }
  const role = values.role;
  if (role !== undefined && (!PLAYER_ROLE_PATTERN.test(role) || role === 'mediator' || !loaded.value.playable.includes(role as PlayerRole))) {
    const seats = loaded.value.playable.filter((r) => r !== 'mediator');
    out(`error: --role must be a seat the AI plays in ${loaded.value.id} (${seats.join(', ')}), not "${role}"\n\n${HELP}`);
    return 2;
  }
  const q = measureQuality(loaded.value, runs, seed, role ? [role as PlayerRole] : seatsOf(loaded.value));
  out(values.json ? JSON.stringify(q, null, 2) : formatQuality(q));
  return q.ladder.met && q.overRandom.met ? 0 : 3;
}

runWhenMain(import.meta.url, main);
