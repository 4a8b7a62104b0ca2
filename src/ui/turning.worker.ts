// The turning points' Web Worker: replays the game, then plays its share of the continuations
// (every `of`-th one from `index`, src/sim/turning.ts) off the page's thread, reporting progress
// at least every PROGRESS_MS. The page runs a few of them, sums their parts up in unit order
// (summariseTurning), and cancels by ending them. It fetches only the scenario of the game.
import { loadBundledScenario } from '../content/index.ts';
import { outlineOf, type TurningGame, type TurningOutline, type TurningPart, TurningRun, turningPlan } from '../sim/turning.ts';
import type { Difficulty, Order, PlayerRole } from '../sim/types.ts';
import { applyWhatIfs } from '../sim/whatif.ts';

export interface TurningJob {
  scenarioId: string;
  whatIfs: string[];
  seed: string;
  humans: PlayerRole[];
  difficulty: Difficulty;
  role: PlayerRole;
  turns: Order[][];
  runs: number;
}

export type ToTurningWorker = { type: 'run'; job: TurningJob; share: { index: number; of: number } };
export type FromTurningWorker =
  | { type: 'outline'; outline: TurningOutline }
  | { type: 'progress'; played: number; total: number; ms: number }
  | { type: 'done'; part: TurningPart; ms: number }
  | { type: 'error'; message: string };

const PROGRESS_MS = 100;

const scope = self as unknown as { postMessage(message: FromTurningWorker): void; onmessage: ((e: MessageEvent<ToTurningWorker>) => void) | null };

async function run(message: ToTurningWorker): Promise<void> {
  const start = performance.now();
  const { job, share } = message;
  const base = await loadBundledScenario(job.scenarioId);
  const game: TurningGame = { scenario: applyWhatIfs(base, job.whatIfs), seed: job.seed, humans: job.humans, difficulty: job.difficulty, role: job.role, turns: job.turns };
  const plan = turningPlan(game, { runs: job.runs });
  scope.postMessage({ type: 'outline', outline: outlineOf(plan) });
  const mine = new TurningRun(plan, share);
  let last = start;
  scope.postMessage({ type: 'progress', played: 0, total: mine.total, ms: Math.round(performance.now() - start) });
  while (!mine.done) {
    mine.step(1);
    const now = performance.now();
    if (now - last >= PROGRESS_MS) {
      last = now;
      scope.postMessage({ type: 'progress', played: mine.played, total: mine.total, ms: Math.round(now - start) });
    }
  }
  scope.postMessage({ type: 'done', part: mine.part(), ms: Math.round(performance.now() - start) });
}

scope.onmessage = (e) => {
  if (e.data?.type === 'run') run(e.data).catch((error: Error) => scope.postMessage({ type: 'error', message: `The analysis stopped: ${error.message}` }));
};
