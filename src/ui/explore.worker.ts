// The outcome explorer's Web Worker: plays a batch of seeded games off the page's thread and
// reports progress at least every PROGRESS_MS. The page cancels a batch by ending the worker.
// The numbers are src/sim/explore.ts's, the same as the headless runner's for the same seeds.
import { scenarioById, scenarios } from '../content/index.ts';
import { Exploration, type ExploreConfig, type ExploreSummary } from '../sim/explore.ts';

/** 'warm' loads the scenarios ahead of a batch, so that a batch starts at once. */
export type ToWorker = { type: 'warm' } | { type: 'run'; scenarioId: string; config: ExploreConfig };
export type FromWorker =
  | { type: 'progress'; played: number; runs: number; ms: number }
  | { type: 'done'; summary: ExploreSummary; ms: number }
  | { type: 'error'; message: string };

/** How often progress is reported (a game of the flagship takes a few milliseconds). */
const PROGRESS_MS = 100;

const scope = self as unknown as { postMessage(message: FromWorker): void; onmessage: ((e: MessageEvent<ToWorker>) => void) | null };

function run(message: Extract<ToWorker, { type: 'run' }>): void {
  const start = performance.now();
  scope.postMessage({ type: 'progress', played: 0, runs: message.config.runs, ms: 0 });
  const scenario = scenarioById(message.scenarioId);
  if (!scenario) {
    scope.postMessage({ type: 'error', message: `Unknown scenario "${message.scenarioId}".` });
    return;
  }
  let batch: Exploration;
  try {
    batch = new Exploration(scenario, message.config);
  } catch (error) {
    scope.postMessage({ type: 'error', message: (error as Error).message });
    return;
  }
  let last = start;
  while (!batch.done) {
    batch.step(1);
    const now = performance.now();
    if (now - last >= PROGRESS_MS) {
      last = now;
      scope.postMessage({ type: 'progress', played: batch.played, runs: message.config.runs, ms: Math.round(now - start) });
    }
  }
  const summary = batch.summary();
  scope.postMessage({ type: 'done', summary, ms: Math.round(performance.now() - start) });
}

scope.onmessage = (e) => {
  try {
    if (e.data?.type === 'warm') scenarios();
    else if (e.data?.type === 'run') run(e.data);
  } catch (error) {
    scope.postMessage({ type: 'error', message: `The batch stopped: ${(error as Error).message}` });
  }
};
