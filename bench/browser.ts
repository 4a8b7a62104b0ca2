// Browser benchmarks in headless Chromium: a page's start-up, frame times while something
// drives it, CPU use at rest, and the size of its JavaScript, for the built game beside a bare
// Phaser 4 page (bench/bare, built into dist-bare/). Each figure is the median of 3 runs, each
// run in a fresh browser. Beside the size of the whole build, what a session actually downloads:
// the menu, the menu and a flagship game, the outcome explorer on demand (measureDownloads).
//
//   npx tsx bench/browser.ts --bare      # the bare page's figures alone
//   npx tsx bench/browser.ts             # ours vs bare (what npm run bench prints)
//   npx tsx bench/browser.ts --downloads # what a session downloads, alone
//
// From code: measurePage(url, opts) / measureMedian(url, opts, runs), jsSize(dir),
// phaserSize(), measureDownloads(url, dir, runs), buildBare(), buildGame(), serve(dir),
// dragAndZoom (a ready-made drive).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type Browser, chromium, type Page } from 'playwright-core';
import { build, CHROMIUM, CHROMIUM_FLAGS, DIST, hasChromium, type Preview, ROOT, startPreview } from '../test/e2e/harness.ts';

export const BARE_ROOT = join(ROOT, 'bench/bare');
export const DIST_BARE = join(ROOT, 'dist-bare');
/** Opens the flagship scenario straight on the map (see src/game/link.ts). */
export const MAP_QUERY = '?scenario=sirte-2020&role=gna&seed=bench&skip=briefing';

export type Drive = (page: Page, ms: number) => Promise<void>;

export interface MeasureOptions {
  /**
   * In-page expression giving the moment (performance.now(), ms since navigation) the page
   * became usable, or undefined while it is not. Default: window.__ready (the bare page)
   * or window.ceasefireLine.readyAt (the game's first usable screen).
   */
  readyExpression?: string;
  /** What to do while frames are timed (default: nothing: the page at rest). */
  drive?: Drive;
  /** How long frames are timed (default 3000 ms). */
  frameMs?: number;
  /** How long CPU use at rest is measured (default 5000 ms). */
  idleMs?: number;
  /** Pause between ready and the idle measurement, to let start-up work settle (default 1000 ms). */
  settleMs?: number;
  viewport?: { width: number; height: number };
  /** Extra Chromium flags. */
  args?: string[];
  /** Time allowed to become ready (default 60 s). */
  readyTimeoutMs?: number;
}

export interface PageFigures {
  /** Navigation start to ready, ms. */
  readyMs: number;
  /** requestAnimationFrame deltas while the drive ran, ms. */
  frameMedianMs: number;
  frameP95Ms: number;
  frames: number;
  /** Renderer main thread over the idle window (CDP Performance.getMetrics deltas), ms. */
  idleTaskMs: number;
  idleScriptMs: number;
  /** All Chromium processes (renderer, GPU/SwiftShader, browser) over the idle window, ms of CPU. */
  idleProcessCpuMs: number;
  idleMs: number;
}

const DEFAULT_READY =
  '(window.__ready ?? (window.ceasefireLine && window.ceasefireLine.readyAt))';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] as number;
}

// ---------------------------------------------------------------------------------------------
// CPU of the browser's process tree (Linux /proc), to count what the renderer's metrics miss:
// WebGL in headless Chromium is rendered in software by the GPU process.

const CLOCK_TICKS_PER_S = 100;

function processTable(): Map<number, { ppid: number; ticks: number }> {
  const table = new Map<number, { ppid: number; ticks: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command, which is in parentheses and may hold spaces.
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(rest[1]);
      const ticks = Number(rest[11]) + Number(rest[12]); // utime + stime
      table.set(Number(name), { ppid, ticks });
    } catch {
      // The process ended meanwhile.
    }
  }
  return table;
}

/** CPU ms used so far by every descendant process of this one (the browser we launched). */
export function descendantsCpuMs(): number {
  if (process.platform !== 'linux') return Number.NaN;
  const table = processTable();
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of table) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  let ticks = 0;
  const stack = [...(children.get(process.pid) ?? [])];
  while (stack.length) {
    const pid = stack.pop() as number;
    ticks += table.get(pid)?.ticks ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return (ticks * 1000) / CLOCK_TICKS_PER_S;
}

// ---------------------------------------------------------------------------------------------
// One measurement

async function launch(args: string[]): Promise<Browser> {
  if (!hasChromium()) throw new Error(`Chromium is missing at ${CHROMIUM}: apt-get install -y chromium`);
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_FLAGS, ...args], timeout: 60_000 });
}

/** Measures one page load in a fresh browser. */
export async function measurePage(url: string, opts: MeasureOptions = {}): Promise<PageFigures> {
  const frameMs = opts.frameMs ?? 3000;
  const idleMs = opts.idleMs ?? 5000;
  const browser = await launch(opts.args ?? []);
  try {
    // The game's Content-Security-Policy forbids eval, which is how the probes below (strings)
    // run in the page: the benchmark sets it aside (the e2e tests check the game under it).
    const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1280, height: 800 }, bypassCSP: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(url, { waitUntil: 'commit' });
    const readyHandle = await page.waitForFunction(opts.readyExpression ?? DEFAULT_READY, null, {
      timeout: opts.readyTimeoutMs ?? 60_000,
      polling: 'raf',
    });
    const readyMs = Number(await readyHandle.jsonValue());
    if (errors.length) throw new Error(`page errors on ${url}:\n${errors.join('\n')}`);

    // (c) CPU at rest.
    await sleep(opts.settleMs ?? 1000);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const metrics = async () => {
      const { metrics: list } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
      return Object.fromEntries(list.map((m) => [m.name, m.value])) as Record<string, number>;
    };
    const m0 = await metrics();
    const p0 = descendantsCpuMs();
    const t0 = Date.now();
    await sleep(idleMs);
    const m1 = await metrics();
    const p1 = descendantsCpuMs();
    const idleWall = Date.now() - t0;

    // (b) Frame times while the drive runs.
    // Strings, not functions: tsx's transform would put helpers the page lacks into a function.
    await page.evaluate(`(() => {
      window.__frames = [];
      window.__framesOn = true;
      let last = -1;
      const tick = (t) => {
        if (last >= 0) window.__frames.push(t - last);
        last = t;
        if (window.__framesOn) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    })()`);
    await Promise.all([opts.drive ? opts.drive(page, frameMs) : Promise.resolve(), sleep(frameMs)]);
    const frames = (await page.evaluate('(window.__framesOn = false, window.__frames)')) as number[];
    if (errors.length) throw new Error(`page errors on ${url}:\n${errors.join('\n')}`);

    return {
      readyMs,
      frameMedianMs: median(frames),
      frameP95Ms: percentile(frames, 95),
      frames: frames.length,
      idleTaskMs: ((m1.TaskDuration ?? 0) - (m0.TaskDuration ?? 0)) * 1000,
      idleScriptMs: ((m1.ScriptDuration ?? 0) - (m0.ScriptDuration ?? 0)) * 1000,
      idleProcessCpuMs: p1 - p0,
      idleMs: idleWall,
    };
  } finally {
    await browser.close().catch(() => {});
  }
}

/** Runs measurePage `runs` times (each in a fresh browser) and takes the median of every figure. */
export async function measureMedian(url: string, opts: MeasureOptions = {}, runs = 3): Promise<PageFigures & { runs: number }> {
  const all: PageFigures[] = [];
  for (let i = 0; i < runs; i++) all.push(await measurePage(url, opts));
  const pick = (k: keyof PageFigures) => median(all.map((f) => f[k]));
  return {
    readyMs: pick('readyMs'),
    frameMedianMs: pick('frameMedianMs'),
    frameP95Ms: pick('frameP95Ms'),
    frames: pick('frames'),
    idleTaskMs: pick('idleTaskMs'),
    idleScriptMs: pick('idleScriptMs'),
    idleProcessCpuMs: pick('idleProcessCpuMs'),
    idleMs: pick('idleMs'),
    runs,
  };
}

/**
 * A drive for map-like pages: drags the view around in a circle from the middle of the
 * viewport, then zooms in and out with the wheel, until `ms` has passed.
 */
export const dragAndZoom: Drive = async (page, ms) => {
  const { width, height } = page.viewportSize() ?? { width: 1280, height: 800 };
  const cx = width / 2;
  const cy = height / 2;
  const end = Date.now() + ms;
  const dragUntil = Date.now() + ms * 0.6;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  for (let a = 0; Date.now() < dragUntil; a += 0.15) {
    await page.mouse.move(cx + Math.cos(a) * 120 - 120, cy + Math.sin(a) * 90, { steps: 1 });
    await sleep(16);
  }
  await page.mouse.up();
  for (let i = 0; Date.now() < end; i++) {
    await page.mouse.wheel(0, i % 8 < 4 ? -120 : 120);
    await sleep(60);
  }
};

// ---------------------------------------------------------------------------------------------
// Sizes

export interface JsSize {
  files: number;
  rawBytes: number;
  gzipBytes: number;
}

const gz = (buf: Buffer) => gzipSync(buf, { level: 9 }).length;

/** Sum over <dir>/assets/*.js, each gzipped separately (as a server would send them); `only` picks files by name. */
export function jsSize(dir: string, only: (file: string) => boolean = () => true): JsSize {
  const assets = join(dir, 'assets');
  const files = readdirSync(assets).filter((f) => f.endsWith('.js') && only(f));
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const f of files) {
    const buf = readFileSync(join(assets, f));
    rawBytes += buf.length;
    gzipBytes += gz(buf);
  }
  return { files: files.length, rawBytes, gzipBytes };
}

/** Phaser's own minified builds, gzipped: the floor any Phaser page pays. */
export function phaserSize(): { umdMin: JsSize; esmMin: JsSize | null } {
  const one = (file: string): JsSize | null => {
    try {
      const buf = readFileSync(join(ROOT, 'node_modules/phaser/dist', file));
      return { files: 1, rawBytes: buf.length, gzipBytes: gz(buf) };
    } catch {
      return null;
    }
  };
  const umdMin = one('phaser.min.js');
  if (!umdMin) throw new Error('node_modules/phaser/dist/phaser.min.js is missing: npm ci');
  return { umdMin, esmMin: one('phaser.esm.min.js') };
}

// ---------------------------------------------------------------------------------------------
// What a session downloads: every response recorded in Chromium (the page's and its workers'),
// each file then sized from the build as the server would send it (gzip level 9 for text, fonts
// and sounds as they are).

/** The budget of issue 3: our code and data add at most this much gzip JavaScript to Phaser's. */
export const JS_BUDGET_BYTES = 150 * 1024;

export type FileKind = 'js' | 'css' | 'json' | 'html' | 'font' | 'audio' | 'other';

export interface Fetched {
  /** Path in the build, e.g. assets/index-abc.js. */
  path: string;
  kind: FileKind;
  rawBytes: number;
  /** What goes over the wire: gzip -9 for text, the file itself for fonts and sounds. */
  sentBytes: number;
}

export interface SessionDownloads {
  /** Fetches started before the menu was ready (window.ceasefireLine.readyAt). */
  menu: Fetched[];
  /** The menu, then New game → Read the briefing (sirte-2020, the default) → Take command, up to the map. */
  game: Fetched[];
  /** Fetched when the explorer opens and runs a batch (after the menu and its background fetches). */
  explorer: Fetched[];
  /** Files the explorer's chunk imports that the menu's background fetch of the game had already brought. */
  explorerShared: Fetched[];
  /** Menu ready, ms after navigation (median of the runs). */
  menuReadyMs: number;
  /** The click on "Read the briefing" (the new-game page at rest) to the briefing on screen, ms (median of the runs). */
  briefingMs: number;
  /** The click on "Run the games" to the results of 100 games, ms (median of the runs). */
  explorerMs: number;
  runs: number;
  /** Set when the runs did not all fetch the same files (they should). */
  unstable: string | null;
}

const kindOf = (path: string): FileKind => {
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  if (ext === 'js' || ext === 'mjs') return 'js';
  if (ext === 'css' || ext === 'json' || ext === 'html') return ext;
  if (ext === 'woff' || ext === 'woff2' || ext === 'ttf') return 'font';
  if (ext === 'ogg' || ext === 'mp3' || ext === 'wav') return 'audio';
  return 'other';
};

function fetchedFile(dir: string, path: string): Fetched {
  const kind = kindOf(path);
  const file = join(dir, path);
  const buf = existsSync(file) ? readFileSync(file) : Buffer.alloc(0);
  const text = kind === 'js' || kind === 'css' || kind === 'json' || kind === 'html' || kind === 'other';
  return { path, kind, rawBytes: buf.length, sentBytes: text ? gz(buf) : buf.length };
}

/** Build paths of the URLs served from `base` (other origins and data: URLs are left out). */
function buildPaths(base: string, urls: Iterable<string>): string[] {
  const paths = new Set<string>();
  for (const u of urls) {
    if (!u.startsWith(base)) continue;
    const path = decodeURIComponent(new URL(u).pathname).replace(/^\//, '');
    paths.add(path === '' ? 'index.html' : path);
  }
  return [...paths].sort();
}

/** A fresh browser context that records the URL of every successful response (page and workers). */
async function recordedPage(browser: Browser): Promise<{ page: Page; urls: Set<string>; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
  const urls = new Set<string>();
  const errors: string[] = [];
  context.on('response', (r) => {
    if (r.ok()) urls.add(r.url());
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  return { page, urls, errors };
}

const READY = '(window.ceasefireLine && window.ceasefireLine.readyAt)';
const sceneIs = (key: string) => `(window.ceasefireLine && window.ceasefireLine.scene === ${JSON.stringify(key)})`;

async function menuReady(page: Page, url: string): Promise<{ readyMs: number; before: string[] }> {
  await page.goto(url, { waitUntil: 'commit' });
  const readyMs = Number(await (await page.waitForFunction(READY, null, { timeout: 60_000, polling: 'raf' })).jsonValue());
  // Resource Timing gives each fetch's start: those that started before the menu was ready.
  const before = (await page.evaluate(
    `performance.getEntriesByType('resource').filter((e) => e.startTime <= ${readyMs}).map((e) => e.name)`,
  )) as string[];
  return { readyMs, before: [page.url(), ...before] };
}

/** One run of the three sessions, each in a fresh context of one browser. */
async function downloadsOnce(url: string): Promise<{ menu: string[]; game: string[]; explorer: string[]; menuReadyMs: number; briefingMs: number; explorerMs: number }> {
  const browser = await launch([]);
  try {
    // (a) and (b): the menu, then the flagship game (the new-game page's default) up to the map.
    const g = await recordedPage(browser);
    const menu = await menuReady(g.page, url);
    await g.page.getByRole('button', { name: 'New game' }).click();
    // A player reads the new-game page for a while: what the menu fetches meanwhile has come.
    await g.page.waitForLoadState('networkidle');
    await sleep(500);
    await g.page.evaluate(`document.addEventListener('click', () => { window.__clickAt ??= performance.now(); }, true)`);
    await g.page.getByRole('button', { name: /Read the briefing/ }).click();
    await g.page.waitForFunction(sceneIs('Briefing'), null, { timeout: 60_000 });
    const briefingMs = Number(await g.page.evaluate(`performance.getEntriesByName('scene:Briefing')[0].startTime - window.__clickAt`));
    await g.page.getByRole('button', { name: /Take command/ }).click();
    await g.page.waitForFunction(sceneIs('Game'), null, { timeout: 60_000 });
    await g.page.waitForLoadState('networkidle');
    await sleep(500);
    if (g.errors.length) throw new Error(`page errors in the game session:\n${g.errors.join('\n')}`);
    await g.page.context().close();

    // (c): the menu at rest (its background fetches done), then the explorer and 100 games.
    const x = await recordedPage(browser);
    await menuReady(x.page, url);
    await x.page.waitForLoadState('networkidle');
    await sleep(500);
    const atRest = new Set(x.urls);
    await x.page.getByRole('button', { name: /Explore what if/ }).click();
    await x.page.waitForSelector('#explore-run');
    await x.page.fill('#explore-runs', '100');
    await x.page.evaluate(`document.addEventListener('click', () => { window.__runAt = performance.now(); }, true)`);
    await x.page.click('#explore-run');
    await x.page.waitForFunction(`document.querySelector('.explorer')?.dataset.state === 'done'`, null, { timeout: 120_000 });
    const explorerMs = Number(await x.page.evaluate('performance.now() - window.__runAt'));
    await sleep(300);
    if (x.errors.length) throw new Error(`page errors in the explorer session:\n${x.errors.join('\n')}`);
    const explorer = [...x.urls].filter((u) => !atRest.has(u));
    await x.page.context().close();

    return { menu: menu.before, game: [...g.urls], explorer, menuReadyMs: menu.readyMs, briefingMs, explorerMs };
  } finally {
    await browser.close().catch(() => {});
  }
}

/** The files the explorer's chunk imports statically (from the Vite manifest), but the menu does not. */
function explorerImports(dir: string): string[] {
  const manifestFile = join(dir, '.vite/manifest.json');
  if (!existsSync(manifestFile)) return [];
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, { file: string; imports?: string[]; css?: string[] }>;
  const explorer = manifest['src/ui/explorer.ts'];
  if (!explorer) return [];
  const out = new Set<string>();
  const walk = (key: string) => {
    const entry = manifest[key];
    if (!entry || key === 'index.html' || out.has(entry.file)) return;
    out.add(entry.file);
    for (const next of entry.imports ?? []) walk(next);
  };
  for (const key of explorer.imports ?? []) walk(key);
  return [...out];
}

/** What a session downloads, `runs` times in fresh browsers: the file lists of the first run, timings the medians. */
export async function measureDownloads(url: string, dir: string, runs = 3): Promise<SessionDownloads> {
  const all: Awaited<ReturnType<typeof downloadsOnce>>[] = [];
  for (let i = 0; i < runs; i++) all.push(await downloadsOnce(url));
  const first = all[0] as (typeof all)[number];
  const lists = (r: (typeof all)[number]) => JSON.stringify([buildPaths(url, r.menu), buildPaths(url, r.game), buildPaths(url, r.explorer)]);
  const unstable = all.every((r) => lists(r) === lists(first)) ? null : 'the runs did not fetch the same files; the lists are those of the first run';
  const files = (urls: string[]) => buildPaths(url, urls).map((p) => fetchedFile(dir, p));
  const menu = files(first.menu);
  const explorer = files(first.explorer);
  const fetchedByExplorer = new Set(explorer.map((f) => f.path));
  const inMenu = new Set(menu.map((f) => f.path));
  const explorerShared = explorerImports(dir)
    .filter((p) => !fetchedByExplorer.has(p) && !inMenu.has(p))
    .map((p) => fetchedFile(dir, p));
  return {
    menu,
    game: files(first.game),
    explorer,
    explorerShared,
    menuReadyMs: median(all.map((r) => r.menuReadyMs)),
    briefingMs: median(all.map((r) => r.briefingMs)),
    explorerMs: median(all.map((r) => r.explorerMs)),
    runs,
    unstable,
  };
}

const sum = (files: Fetched[], kinds: FileKind[] = ['js']) => files.filter((f) => kinds.includes(f.kind)).reduce((n, f) => n + f.sentBytes, 0);
const count = (files: Fetched[], kinds: FileKind[] = ['js']) => files.filter((f) => kinds.includes(f.kind)).length;
const kb1 = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const signed = (b: number) => `${b < 0 ? '−' : '+'}${(Math.abs(b) / 1024).toFixed(1)} KB`;

/** The session figures as printed by the bench (and quoted in the README). */
export function formatDownloads(d: SessionDownloads): string {
  const phaser = phaserSize().umdMin.gzipBytes;
  const other = (files: Fetched[]) => {
    const css = sum(files, ['css']);
    const json = sum(files, ['json']);
    const font = sum(files, ['font']);
    return `CSS ${kb1(css)}, JSON ${kb1(json)}, fonts ${kb1(font)}`;
  };
  const explorerJs = sum(d.explorer) + sum(d.explorerShared);
  const gameJs = sum(d.game);
  const overPhaser = gameJs - phaser;
  const rows = [
    ['(a) the menu, fetched before it is ready', String(count(d.menu)), kb1(sum(d.menu)), signed(sum(d.menu) - phaser), other(d.menu)],
    ['(b) (a), then a sirte-2020 game up to the map', String(count(d.game)), kb1(gameJs), signed(overPhaser), other(d.game)],
    [
      '(c) the outcome explorer on demand, 100 games',
      `+${count(d.explorer) + count(d.explorerShared)}`,
      `+${kb1(explorerJs)}`,
      '',
      `of which ${kb1(sum(d.explorerShared))} shared with the game (the menu fetches it in the background)`,
    ],
  ];
  const scenarioData = d.game.filter((f) => f.kind === 'js' && /^assets\/(sirte-2020|libya)-/.test(f.path));
  const lines = [
    `What a session downloads: every response recorded in headless Chromium; each file as the server would send it (gzip -9; fonts as they are); audio loads apart, on the first gesture, and is not counted. JS only in the first columns.`,
    table(['', 'JS files', 'JS gzip', 'vs phaser.min.js', 'besides JS'], rows),
    `(b) file by file: ${d.game.filter((f) => f.kind === 'js').map((f) => `${f.path.replace(/^assets\//, '')} ${kb1(f.sentBytes)}`).join(', ')}`,
    `    of which scenario data (its own chunks): ${scenarioData.map((f) => `${f.path.replace(/^assets\//, '').replace(/-[\w-]{8}\.js$/, '')} ${kb1(f.sentBytes)}`).join(', ')}`,
    `(c) file by file: ${[...d.explorer, ...d.explorerShared].filter((f) => f.kind === 'js').map((f) => `${f.path.replace(/^assets\//, '')} ${kb1(f.sentBytes)}`).join(', ')}`,
    `Target (issue 3): the game a session downloads, (b), is at most phaser.min.js (${kb1(phaser)}) + 150 KB of JS: ${overPhaser <= JS_BUDGET_BYTES ? 'met' : 'NOT met'} (${signed(overPhaser)}).`,
    `Times, median of ${d.runs} runs (fresh browser each): menu ready ${ms(d.menuReadyMs)}; click on "Read the briefing" (the new-game page at rest) to the briefing: the scenario fetched and validated, the game set up ${ms(d.briefingMs)}; 100 explorer games from the click ${ms(d.explorerMs)}.`,
  ];
  if (d.unstable) lines.push(`Note: ${d.unstable}.`);
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Builds and servers

export function buildBare(): string {
  return build({ root: BARE_ROOT, outDir: DIST_BARE, base: './' });
}

export function buildGame(): string {
  return build({ root: ROOT, outDir: DIST });
}

export function serve(dir: string): Promise<Preview> {
  return startPreview({ outDir: dir });
}

// ---------------------------------------------------------------------------------------------
// Reports

const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(x < 100 ? 1 : 0)} ms` : '–');
const kb = (b: number) => `${(b / 1024).toFixed(0)} KB`;

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function figureRows(cols: (PageFigures | null)[]): string[][] {
  const row = (label: string, f: (p: PageFigures) => string) => [label, ...cols.map((c) => (c ? f(c) : '–'))];
  return [
    row('ready after navigation', (p) => ms(p.readyMs)),
    row('frame time, median', (p) => ms(p.frameMedianMs)),
    row('frame time, p95', (p) => ms(p.frameP95Ms)),
    row('idle main thread (tasks)', (p) => `${ms(p.idleTaskMs)}/${(p.idleMs / 1000).toFixed(0)} s`),
    row('idle main thread (script)', (p) => `${ms(p.idleScriptMs)}/${(p.idleMs / 1000).toFixed(0)} s`),
    row('idle CPU, all processes', (p) => `${ms(p.idleProcessCpuMs)}/${(p.idleMs / 1000).toFixed(0)} s`),
  ];
}

export function formatBare(bare: PageFigures & { runs: number }, size: JsSize): string {
  const phaser = phaserSize();
  const rows = [
    ...figureRows([bare]),
    ['JS, gzip', kb(size.gzipBytes)],
    ['phaser.min.js, gzip', kb(phaser.umdMin.gzipBytes)],
  ];
  return `Bare Phaser 4 page, headless Chromium, median of ${bare.runs} runs (frames while dragging and zooming)\n${table(['', 'bare'], rows)}`;
}

/** Ours (menu at rest; map while dragging and zooming) vs the bare page, printed as a table. */
export async function runBrowserBench(opts: { runs?: number } = {}): Promise<void> {
  const runs = opts.runs ?? 3;
  buildGame();
  buildBare();
  const game = await serve(DIST);
  const bare = await serve(DIST_BARE);
  try {
    const menu = await measureMedian(game.url, {}, runs);
    const map = await measureMedian(`${game.url}${MAP_QUERY}`, { drive: dragAndZoom }, runs).catch((e: Error) => {
      console.log(`map run failed: ${e.message.split('\n')[0]}`);
      return null;
    });
    const base = await measureMedian(bare.url, { drive: dragAndZoom }, runs);
    const ours = jsSize(DIST);
    const bareJs = jsSize(DIST_BARE);
    const phaser = phaserSize();
    const rows = [
      ...figureRows([menu, map, base]),
      ['JS, gzip', kb(ours.gzipBytes), '', kb(bareJs.gzipBytes)],
    ];
    console.log(`\nBrowser: headless Chromium (SwiftShader WebGL), median of ${runs} runs each`);
    console.log(table(['', 'ours: menu', 'ours: map, drag+zoom', 'bare, drag+zoom'], rows));
    console.log(
      `JS gzip, the whole build (every chunk, whether a session loads it or not): ours ${kb(ours.gzipBytes)} (${ours.files} files, ${kb(ours.rawBytes)} raw) = ` +
        `phaser.min.js ${kb(phaser.umdMin.gzipBytes)} + ${kb(ours.gzipBytes - phaser.umdMin.gzipBytes)}; ` +
        `bare page ${kb(bareJs.gzipBytes)}`,
    );
    console.log('');
    console.log(formatDownloads(await measureDownloads(game.url, DIST, runs)));
  } finally {
    await game.close();
    await bare.close();
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const runs = Number(args[args.indexOf('--runs') + 1]) || 3;
  if (args.includes('--downloads')) {
    buildGame();
    const server = await serve(DIST);
    try {
      console.log(formatDownloads(await measureDownloads(server.url, DIST, runs)));
    } finally {
      await server.close();
    }
  } else if (args.includes('--bare')) {
    buildBare();
    const server = await serve(DIST_BARE);
    try {
      const figures = await measureMedian(server.url, { drive: dragAndZoom }, runs);
      console.log(formatBare(figures, jsSize(DIST_BARE)));
    } finally {
      await server.close();
    }
  } else {
    await runBrowserBench({ runs });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
