// The outcome explorer in headless Chromium: 1,000 games of the flagship scenario in the page's
// Web Workers, as a player starts them from the explorer screen, with the explorer's default
// policy (history) and with every actor the computer at normal. Measures the time from the click on "Run the games" to the results on screen, the
// worker's own time, and the longest gap between two progress updates. Median of 3 runs, each
// in a fresh page.
//
//   npx tsx bench/explorer.ts [--runs 3] [--games 1000]    (npm run bench prints it too)
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, closeBrowser, DIST, openPage, ROOT, startPreview } from '../test/e2e/harness.ts';
import { descendantsCpuMs, median } from './browser.ts';

/** Its own build (standalone), so that a test run rebuilding dist/ meanwhile cannot disturb it. */
const OWN_DIST = join(ROOT, 'bench/.build/explorer-dist');

export interface ExplorerFigures {
  /** Click on Run to the results on screen, ms. */
  totalMs: number;
  /** The worker's own time for the batch (as it reports it), ms. */
  workerMs: number;
  /** Longest time between two progress updates on screen, ms. */
  maxGapMs: number;
  updates: number;
  /** CPU time of the browser's processes (all threads, all workers) during the batch, ms. */
  cpuMs: number;
}

/** The explorer's policies as its buttons name them: the default (history) and every actor the computer. */
export const POLICIES = {
  historical: { button: 'Historical: backers move only as they did in history', words: 'the historical policy, the explorer’s default' },
  'ai-normal': { button: 'Every actor plays the computer at normal', words: 'every actor the computer at normal' },
} as const;
export type BenchPolicy = keyof typeof POLICIES;

export async function measureExplorer(url: string, games: number, policy: BenchPolicy = 'historical'): Promise<ExplorerFigures> {
  const { page, close } = await openPage(url, { viewport: { width: 1440, height: 900 } });
  try {
    await page.waitForFunction(() => (window as unknown as { ceasefireLine?: { readyAt?: number } }).ceasefireLine?.readyAt !== undefined, null, { timeout: 60_000 });
    await page.click('#menu-explore');
    await page.waitForSelector('#explore-run', { timeout: 30_000 });
    await page.getByRole('button', { name: POLICIES[policy].button }).click();
    await page.fill('#explore-runs', String(games));
    // A person takes a moment to choose; the explorer warms its worker meanwhile.
    await page.waitForTimeout(1000);
    await page.evaluate(() => {
      const w = window as unknown as { bench: { at: number[]; start: number } };
      w.bench = { at: [], start: 0 };
      const text = document.getElementById('explore-progress-text');
      if (text) new MutationObserver(() => w.bench.at.push(performance.now())).observe(text, { childList: true, characterData: true, subtree: true });
      document.getElementById('explore-run')?.addEventListener('click', () => (w.bench.start = performance.now()), { capture: true, once: true });
    });
    const cpu0 = descendantsCpuMs();
    await page.click('#explore-run');
    await page.waitForSelector('#explore-results[data-summary]', { timeout: 120_000 });
    const cpuMs = descendantsCpuMs() - cpu0;
    const figures = await page.evaluate(() => {
      const w = window as unknown as { bench: { at: number[]; start: number } };
      const end = performance.now();
      const at = [w.bench.start, ...w.bench.at];
      const gaps = at.slice(1).map((t, i) => t - (at[i] as number));
      const message = document.getElementById('explore-message')?.textContent ?? '';
      const worker = /in ([\d.]+) s/.exec(message);
      return { totalMs: end - w.bench.start, workerMs: worker ? Number(worker[1]) * 1000 : Number.NaN, maxGapMs: Math.max(...gaps), updates: w.bench.at.length };
    });
    return { ...figures, cpuMs };
  } finally {
    await close();
  }
}

/** With build: false, measures the game already built in dist/ (npm run bench builds it first). */
export async function runExplorerBench(opts: { runs?: number; games?: number; build?: boolean } = {}): Promise<void> {
  const runs = opts.runs ?? 3;
  const games = opts.games ?? 1000;
  const dir = opts.build === false ? DIST : build({ root: ROOT, outDir: OWN_DIST });
  const server = await startPreview({ outDir: dir });
  try {
    for (const policy of Object.keys(POLICIES) as BenchPolicy[]) {
      const figures: ExplorerFigures[] = [];
      for (let i = 0; i < runs; i++) figures.push(await measureExplorer(server.url, games, policy));
      const m = (f: (x: ExplorerFigures) => number) => median(figures.map(f));
      const cores = Math.min(availableParallelism(), 8);
      console.log(`\nOutcome explorer: ${games} flagship games (${POLICIES[policy].words}) in the browser's Web Workers, median of ${runs} runs`);
      console.log(`  click to results      ${(m((f) => f.totalMs) / 1000).toFixed(2)} s   (target ≤ 10 s; runs: ${figures.map((f) => (f.totalMs / 1000).toFixed(2)).join(', ')} s)`);
      console.log(`  workers' own time     ${(m((f) => f.workerMs) / 1000).toFixed(1)} s   (${((games * 1000) / m((f) => f.workerMs)).toFixed(0)} games/s)`);
      console.log(
        `  browser CPU time      ${(m((f) => f.cpuMs) / 1000).toFixed(1)} s   (all its processes; spread over ${cores} free cores that is ≥ ${(m((f) => f.cpuMs) / 1000 / cores).toFixed(1)} s of wall time; load average now ${loadavg()[0]?.toFixed(1)})`,
      );
      console.log(`  longest progress gap  ${m((f) => f.maxGapMs).toFixed(0)} ms   (target ≤ 500 ms; ${m((f) => f.updates)} updates)`);
    }
  } finally {
    await server.close();
    await closeBrowser();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const arg = (name: string) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : undefined);
  runExplorerBench({ runs: arg('--runs'), games: arg('--games') }).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
