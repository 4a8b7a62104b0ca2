// The turning points of a whole flagship game, headless on one core: the game is sirte-2020,
// seed "bench-aar", the GNA played by the computer at hard (so that its orders differ from the
// baseline AI's and each turn has three branches), every other actor at normal. Median of
// several runs, wall and CPU time (CPU is steadier on a busy machine).
//
//   npx tsx bench/turning.ts [--runs 3] [--continuations 100]     (npm run bench runs it bundled)
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadScenarioFile } from '../src/cli/files.ts';
import { aiOrders, newGame, type Order, otherActorsOrders, resolveTurn, type Scenario } from '../src/sim/index.ts';
import { analyseTurningPoints, type TurningGame, turningPlan } from '../src/sim/turning.ts';

export const SEED = 'bench-aar';

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export function flagship(): Scenario {
  const loaded = loadScenarioFile('sirte-2020');
  if (!loaded.ok) throw new Error('cannot load sirte-2020');
  return loaded.value;
}

/** The benchmark's game: the GNA at hard, the others at normal, to its end. */
export function benchGame(scenario: Scenario): TurningGame {
  let s = newGame(scenario, SEED, ['gna'], 'normal');
  const turns: Order[][] = [];
  while (!s.ending) {
    const orders = [...aiOrders(scenario, s, 'gna', 'hard').orders, ...otherActorsOrders(scenario, s, 'gna').orders];
    turns.push(orders);
    s = resolveTurn(scenario, s, orders).state;
  }
  return { scenario, seed: SEED, humans: ['gna'], difficulty: 'normal', role: 'gna', turns };
}

export function benchHeadless(runs: number, continuations: number): void {
  const scenario = flagship();
  const game = benchGame(scenario);
  const plan = turningPlan(game, { runs: continuations });
  // Warm the engine up on a small analysis first.
  analyseTurningPoints(game, { runs: 2 });
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    analyseTurningPoints(game, { runs: continuations });
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  console.log(
    `\nTurning points of a whole sirte-2020 game (${game.turns.length} turns, ${plan.decisions.length} with orders, ${plan.units} continuations: ${continuations} per branch), headless on one core, median of ${runs}`,
  );
  console.log(`  wall ${(median(times) / 1000).toFixed(1)} s (runs ${times.map((t) => (t / 1000).toFixed(1)).join(', ')} s), CPU ${(median(cpu) / 1000).toFixed(1)} s, ${((plan.units * 1000) / median(times)).toFixed(0)} continuations/s`);
}


if (process.argv[1] && (import.meta.url === pathToFileURL(resolve(process.argv[1])).href || process.argv[1].endsWith('turning.mjs'))) {
  const args = process.argv.slice(2);
  const arg = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
  benchHeadless(arg('--runs', 3), arg('--continuations', 100));
}
