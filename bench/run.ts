// npm run bench: the simulation core, then (when Chromium is present) the built game in
// headless Chromium beside a bare Phaser page, and the outcome explorer's 1,000 games in the
// page's Web Worker (bench/explorer.ts). Figures are medians, comparable across commits.
//
// The core is measured as plain bundled JavaScript (as the browser and its worker run it), not
// through tsx's on-the-fly transform, whose wrappers would add their own cost to the figures.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { benchBrowser as runAfterActionBrowserBench } from './after-action.ts';
import { runBrowserBench } from './browser.ts';
import { runExplorerBench } from './explorer.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const outfile = here('./.build/sim.mjs');
await build({ entryPoints: [here('./sim.ts')], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'warning' });
execFileSync(process.execPath, [outfile], { stdio: 'inherit' });
// The turning points of a whole flagship game, headless on one core (bundled the same way).
const turningOut = here('./.build/turning.mjs');
await build({ entryPoints: [here('./turning.ts')], bundle: true, platform: 'node', format: 'esm', outfile: turningOut, logLevel: 'warning' });
execFileSync(process.execPath, [turningOut], { stdio: 'inherit' });

if (!existsSync('/usr/bin/chromium')) {
  console.log('browser benchmarks skipped: /usr/bin/chromium is not installed (apt-get install -y chromium)');
} else {
  await runBrowserBench();
  // The game is built by now: the explorer's batch runs in that build.
  await runExplorerBench({ build: false });
  // The same game's turning points in the browser's workers, from its ending screen.
  await runAfterActionBrowserBench(3, 100, { build: false });
}
