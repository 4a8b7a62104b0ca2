// The outcome explorer's Web Worker: plays its share of a batch of seeded games (a range of
// seeds) off the page's thread and reports progress at least every PROGRESS_MS; the page runs
// one worker per core and sums their parts up (src/sim/explore.ts summarise), so the numbers are
// the same as the headless runner's for the same seeds. The page cancels a batch by ending its
// workers. A worker fetches and validates only the scenario it runs (its own chunk).
import { loadBundledScenario } from '../content/index.ts';
import { historyRecord } from '../game/left-history.ts';
import { type ProblemMessage, problemOf } from '../game/problem.ts';
import { Exploration, type ExploreConfig, type ExplorePart } from '../sim/explore.ts';
import type { Scenario } from '../sim/types.ts';

/** 'warm' loads a scenario ahead of a batch, so that a batch starts at once. */
export type ToWorker = { type: 'warm'; scenarioId: string } | { type: 'run'; scenarioId: string; config: ExploreConfig; range: { first: number; last: number } };
export type FromWorker =
  | { type: 'progress'; played: number; ms: number }
  | { type: 'done'; part: ExplorePart; ms: number }
  /** `message` in English; `msg` its code (src/ui/error-text.ts tells it on the page, in the page's language). */
  | { type: 'error'; message: string; msg: ProblemMessage };

/** How often progress is reported (a game of the flagship takes a few milliseconds). */
const PROGRESS_MS = 100;

const scope = self as unknown as { postMessage(message: FromWorker): void; onmessage: ((e: MessageEvent<ToWorker>) => void) | null };

async function run(message: Extract<ToWorker, { type: 'run' }>): Promise<void> {
  const start = performance.now();
  scope.postMessage({ type: 'progress', played: 0, ms: 0 });
  let scenario: Scenario;
  try {
    scenario = await loadBundledScenario(message.scenarioId);
  } catch (error) {
    scope.postMessage({ type: 'error', message: (error as Error).message, msg: problemOf(error) });
    return;
  }
  let batch: Exploration;
  try {
    // Where the record of the war applies, each game's path is watched for the page to set beside it.
    batch = new Exploration(scenario, message.config, message.range, historyRecord(scenario) ?? undefined);
  } catch (error) {
    scope.postMessage({ type: 'error', message: (error as Error).message, msg: problemOf(error) });
    return;
  }
  let last = start;
  while (!batch.done) {
    batch.step(1);
    const now = performance.now();
    if (now - last >= PROGRESS_MS) {
      last = now;
      scope.postMessage({ type: 'progress', played: batch.played, ms: Math.round(now - start) });
    }
  }
  scope.postMessage({ type: 'done', part: batch.part(), ms: Math.round(performance.now() - start) });
}

scope.onmessage = (e) => {
  // A scenario that fails to load is reported when a batch asks for it, not when warming.
  if (e.data?.type === 'warm') void loadBundledScenario(e.data.scenarioId).catch(() => {});
  else if (e.data?.type === 'run') {
    run(e.data).catch((error: Error) => scope.postMessage({ type: 'error', message: `The batch stopped: ${error.message}`, msg: problemOf(error) }));
  }
};
