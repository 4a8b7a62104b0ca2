// Benchmark of the simulation core: one whole flagship game with every actor AI, and
// 1,000 seeded games on one core. Prints medians so figures compare across commits.
import { loadScenarioFile } from '../src/cli/files.ts';
import { DIFFICULTIES, type Difficulty, newGame, otherActorsOrders, playGame, resolveTurn, type State } from '../src/sim/index.ts';

export interface SimFigures {
  scenario: string;
  medianGameMs: number;
  p95GameMs: number;
  batchGames: number;
  batchSeconds: number;
  /** CPU time of the batch: steadier than wall time when the machine is busy. */
  batchCpuSeconds: number;
  gamesPerSecond: number;
  medianAiTurnMs: number;
  /** The same at each difficulty (the hard AI looks one turn ahead). */
  aiTurnMsByLevel: Record<Difficulty, number>;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

export function benchSim(id = 'sirte-2020', batch = 1000): SimFigures {
  const loaded = loadScenarioFile(id);
  if (!loaded.ok) throw new Error(`cannot load ${id}`);
  const scenario = loaded.value;
  // Warm up the JIT so the figures describe steady play.
  for (let i = 0; i < 30; i++) playGame(scenario, `warm-${i}`);
  const games: number[] = [];
  for (let i = 0; i < 101; i++) {
    const t = performance.now();
    playGame(scenario, `bench-${i}`);
    games.push(performance.now() - t);
  }
  const start = performance.now();
  const cpu = process.cpuUsage();
  for (let i = 0; i < batch; i++) playGame(scenario, `batch-${i}`);
  const used = process.cpuUsage(cpu);
  const batchSeconds = (performance.now() - start) / 1000;
  const batchCpuSeconds = (used.user + used.system) / 1e6;
  // The AI's share: all decisions of one turn, timed on every state of a real game.
  const states: State[] = [];
  for (let s = newGame(scenario, 'ai-timing'); !s.ending; s = resolveTurn(scenario, s, otherActorsOrders(scenario, s, null).orders).state) states.push(s);
  const timeAi = (level: Difficulty): number[] => {
    const times: number[] = [];
    const atLevel = states.map((s) => ({ ...s, difficulty: level }));
    for (let rep = 0; rep < 20; rep++) {
      for (const s of atLevel) {
        const t = performance.now();
        otherActorsOrders(scenario, s, null);
        times.push(performance.now() - t);
      }
    }
    return times;
  };
  const aiTurns = timeAi('normal');
  const aiTurnMsByLevel = Object.fromEntries(DIFFICULTIES.map((d) => [d, round(median(d === 'normal' ? aiTurns : timeAi(d)), 3)])) as Record<Difficulty, number>;
  const sorted = [...games].sort((a, b) => a - b);
  return {
    scenario: id,
    medianGameMs: round(median(games)),
    p95GameMs: round(sorted[Math.floor(sorted.length * 0.95)] ?? 0),
    batchGames: batch,
    batchSeconds: round(batchSeconds),
    batchCpuSeconds: round(batchCpuSeconds),
    gamesPerSecond: Math.round(batch / batchSeconds),
    medianAiTurnMs: round(median(aiTurns), 3),
    aiTurnMsByLevel,
  };
}

export function formatSim(f: SimFigures): string {
  return `sim core (${f.scenario}): median game ${f.medianGameMs} ms (p95 ${f.p95GameMs} ms); ${f.batchGames} games in ${f.batchSeconds} s wall, ${f.batchCpuSeconds} s CPU = ${f.gamesPerSecond} games/s on one core (target: 1,000 in ≤ 1.5 s); all AI decisions of a turn, median ${f.medianAiTurnMs} ms (easy ${f.aiTurnMsByLevel.easy}, normal ${f.aiTurnMsByLevel.normal}, hard ${f.aiTurnMsByLevel.hard} ms; target ≤ 2 ms)`;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(formatSim(benchSim(process.argv[2] ?? 'sirte-2020')));
