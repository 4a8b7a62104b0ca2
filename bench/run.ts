// npm run bench: the simulation core, then (when Chromium is present) the built game in
// headless Chromium beside a bare Phaser page. Figures are medians, comparable across commits.
import { existsSync } from 'node:fs';
import { benchSim, formatSim } from './sim.ts';

const sim = benchSim('sirte-2020');
console.log(formatSim(sim));

if (!existsSync('/usr/bin/chromium')) {
  console.log('browser benchmarks skipped: /usr/bin/chromium is not installed (apt-get install -y chromium)');
} else if (existsSync(new URL('./browser.ts', import.meta.url))) {
  const { runBrowserBench } = await import('./browser.ts');
  await runBrowserBench();
}
