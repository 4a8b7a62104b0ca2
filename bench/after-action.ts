// The after-action report in the browser: how long the turning points of a whole flagship game
// take in the page's Web Workers from the ending screen (with the longest gap between two
// progress updates), and what the report downloads on top of the game. With no flag it also
// runs the headless figure (bench/turning.ts). The game is bench/turning.ts's. Medians.
//
//   npx tsx bench/after-action.ts [--runs 3] [--continuations 100] [--headless-only] [--browser-only]
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { deflateSync } from 'fflate';
import type { TurningGame } from '../src/sim/turning.ts';
import { build, closeBrowser, DIST, launchBrowser, ROOT, startPreview } from '../test/e2e/harness.ts';
import { descendantsCpuMs } from './browser.ts';
import { benchGame, benchHeadless, flagship, median, SEED } from './turning.ts';

const OWN_DIST = join(ROOT, 'bench/.build/aar-dist');


/** The player's orders as a share link carries them (src/game/link.ts encodeOrders). */
function linkOrders(game: TurningGame): string {
  const bare = game.turns.map((t) => t.filter((o) => o.actor === game.role).map(({ actor: _actor, ...rest }) => rest));
  const bytes = deflateSync(new TextEncoder().encode(JSON.stringify(bare)), { level: 9 });
  return Buffer.from(bytes).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

interface BrowserFigures {
  totalMs: number;
  /** CPU time of the browser's processes (all threads, all workers) during the analysis, ms. */
  cpuMs: number;
  maxGapMs: number;
  updates: number;
  workers: string;
  /** Files fetched once the ending was on screen (the report's chunk), and once the analysis ran (the worker). */
  endingFiles: string[];
  workerFiles: string[];
}

async function browserOnce(url: string, game: TurningGame, continuations: number): Promise<BrowserFigures> {
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const urls: string[] = [];
  context.on('response', (r) => {
    if (r.ok()) urls.push(r.url());
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    await page.goto(`${url}?scenario=sirte-2020&role=gna&seed=${SEED}&orders=${linkOrders(game)}`, { waitUntil: 'load' });
    await page.waitForFunction(() => (window as unknown as { ceasefireLine?: { scene?: string } }).ceasefireLine?.scene === 'Ending', null, { timeout: 120_000 });
    await page.waitForSelector('#aar-turning-run', { timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    const endingFiles = [...urls];
    await page.selectOption('#aar-runs', String(continuations));
    // A person reads the screen a moment before asking.
    await page.waitForTimeout(1000);
    await page.evaluate(() => {
      const w = window as unknown as { bench: { at: number[]; start: number } };
      w.bench = { at: [], start: 0 };
      const text = document.getElementById('aar-progress-text');
      if (text) new MutationObserver(() => w.bench.at.push(performance.now())).observe(text, { childList: true, characterData: true, subtree: true });
      document.getElementById('aar-turning-run')?.addEventListener('click', () => (w.bench.start = performance.now()), { capture: true, once: true });
    });
    const mark = urls.length;
    const cpu0 = descendantsCpuMs();
    await page.click('#aar-turning-run');
    await page.waitForFunction(() => /worker/.test(document.getElementById('aar-turning-message')?.textContent ?? ''));
    const workers = /\((\d+) workers?\)/.exec((await page.locator('#aar-turning-message').textContent()) ?? '')?.[1] ?? '?';
    await page.waitForSelector('#aar-turning[data-state="done"]', { timeout: 600_000 });
    const cpuMs = descendantsCpuMs() - cpu0;
    const figures = await page.evaluate(() => {
      const w = window as unknown as { bench: { at: number[]; start: number } };
      const end = performance.now();
      const at = [w.bench.start, ...w.bench.at];
      const gaps = at.slice(1).map((t, i) => t - (at[i] as number));
      const long = gaps.map((g, i) => [Math.round(at[i] as number) - Math.round(w.bench.start), Math.round(g)]).filter(([, g]) => (g as number) > 400);
      return { long, totalMs: end - w.bench.start, maxGapMs: Math.max(...gaps), updates: w.bench.at.length, message: document.getElementById('aar-turning-message')?.textContent ?? '' };
    });
    if (errors.length) throw new Error(`page errors:\n${errors.join('\n')}`);
    if (process.env.AAR_GAPS) console.log('gaps over 400 ms [at, gap]:', JSON.stringify(figures.long));
    return { totalMs: figures.totalMs, cpuMs, maxGapMs: figures.maxGapMs, updates: figures.updates, workers, endingFiles, workerFiles: urls.slice(mark) };
  } finally {
    // The browser is the harness's, shared by the runs: closed once at the end (closeBrowser).
    await context.close();
  }
}

type Manifest = Record<string, { file: string; imports?: string[]; dynamicImports?: string[]; css?: string[] }>;

/** Files (JS and CSS) a manifest entry loads with its static imports. */
function closure(manifest: Manifest, key: string): Set<string> {
  const out = new Set<string>();
  const seen = new Set<string>();
  const walk = (k: string) => {
    const entry = manifest[k];
    if (!entry || seen.has(k)) return;
    seen.add(k);
    out.add(entry.file);
    for (const c of entry.css ?? []) out.add(c);
    for (const next of entry.imports ?? []) walk(next);
  };
  walk(key);
  return out;
}

/** What the report's chunk brings that the game has already: its own JS and CSS, and uPlot's shared chunk. */
function reportFiles(dir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(dir, '.vite/manifest.json'), 'utf8')) as Manifest;
  const game = new Set([...closure(manifest, 'index.html'), ...closure(manifest, 'src/scenes/play.ts')]);
  return [...closure(manifest, 'src/ui/aar.ts')].filter((f) => !game.has(f)).sort();
}

function gzipped(dir: string, url: string): { path: string; bytes: number } {
  const path = decodeURIComponent(new URL(url).pathname).replace(/^\//, '');
  return { path, bytes: gzipSync(readFileSync(join(dir, path)), { level: 9 }).length };
}

export async function benchBrowser(runs: number, continuations: number, opts: { build?: boolean } = {}): Promise<void> {
  const scenario = flagship();
  const game = benchGame(scenario);
  const dir = opts.build === false ? DIST : build({ root: ROOT, outDir: OWN_DIST });
  const server = await startPreview({ outDir: dir });
  try {
    const figures: BrowserFigures[] = [];
    for (let i = 0; i < runs; i++) figures.push(await browserOnce(server.url, game, continuations));
    const first = figures[0] as BrowserFigures;
    const files = (list: string[]) => list.filter((u) => /\.(js|css)$/.test(u)).map((u) => gzipped(dir, u));
    // The report's own files: what its chunk imports that the game (the play chunk, the first chunk) does not; each was fetched in the session.
    const own = reportFiles(dir);
    const fetched = new Set(first.endingFiles.map((u) => decodeURIComponent(new URL(u).pathname).replace(/^\//, '')));
    const missing = own.filter((f) => !fetched.has(f));
    if (missing.length) throw new Error(`the report's files were not fetched at the ending: ${missing.join(', ')}`);
    const ending = own.map((path) => ({ path, bytes: gzipSync(readFileSync(join(dir, path)), { level: 9 }).length }));
    const worker = files(first.workerFiles);
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    const sum = (xs: { bytes: number }[]) => xs.reduce((a, f) => a + f.bytes, 0);
    console.log(`\nTurning points in the browser's Web Workers (${first.workers} on this machine), from the click on "Find the turning points" to the results, ${continuations} continuations per branch, median of ${runs}`);
    console.log(`  click to results      ${(median(figures.map((f) => f.totalMs)) / 1000).toFixed(1)} s   (runs: ${figures.map((f) => (f.totalMs / 1000).toFixed(1)).join(', ')} s)`);
    console.log(`  browser CPU time      ${(median(figures.map((f) => f.cpuMs)) / 1000).toFixed(1)} s   (all its processes; load average now ${loadavg()[0]?.toFixed(1)})`);
    console.log(`  longest progress gap  ${median(figures.map((f) => f.maxGapMs)).toFixed(0)} ms   (target ≤ 500 ms; ${median(figures.map((f) => f.updates))} updates)`);
    console.log(`  downloads, gzip -9: the report when the ending opens +${kb(sum(ending))} (${ending.map((f) => `${f.path.replace(/^assets\//, '')} ${kb(f.bytes)}`).join(', ')})`);
    console.log(`                      the analysis's worker on the click +${kb(sum(worker))} (${worker.map((f) => `${f.path.replace(/^assets\//, '')} ${kb(f.bytes)}`).join(', ')})`);
    const all = readdirSync(join(dir, 'assets')).filter((f) => /^(aar|turning\.worker)-.*\.(js|css)$/.test(f));
    console.log(`  in the build: ${all.map((f) => `${f} ${kb(gzipSync(readFileSync(join(dir, 'assets', f)), { level: 9 }).length)}`).join(', ')}`);
  } finally {
    await server.close();
    await closeBrowser();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const arg = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
  const runs = arg('--runs', 3);
  const continuations = arg('--continuations', 100);
  if (!args.includes('--browser-only')) benchHeadless(runs, continuations);
  if (!args.includes('--headless-only')) {
    benchBrowser(runs, continuations).catch((error) => {
      console.error(error);
      process.exit(1);
    });
  }
}
