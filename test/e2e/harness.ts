// Helpers for end-to-end tests (and the browser benchmarks) in Debian's headless Chromium with
// playwright-core: build the game once per test run, serve the build on 127.0.0.1 with a free
// port, open pages that collect every console error, page error and failed request, and save
// screenshots to e2e-artifacts/ (gitignored).
//
//   const server = await startPreview();            // after buildOnce() (global-setup.ts does it)
//   const { page, problems, close } = await openPage(server.url);
//   ...; expect(problems.all()).toEqual([]);
//   await close(); await server.close(); await closeBrowser();
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = join(ROOT, 'dist');
export const ARTIFACTS = join(ROOT, 'e2e-artifacts');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Flags that work on these machines (see shared stack notes). */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** Add to launch args when a test needs sound without a gesture (prefer a real click instead). */
export const AUTOPLAY_FLAG = '--autoplay-policy=no-user-gesture-required';

export const hasChromium = (): boolean => existsSync(CHROMIUM);
/** The game's page exists (another part of the repo provides index.html + src/main.ts). */
export const hasApp = (): boolean => existsSync(join(ROOT, 'index.html'));

// ---------------------------------------------------------------------------------------------
// Build once per test run

/** Env var set by global-setup.ts: one key per `vitest` invocation, inherited by its workers. */
export const RUN_KEY_ENV = 'CEASEFIRE_E2E_RUN';

function runKey(): string {
  // Without global-setup (a test run directly), the workers' parent is the vitest process.
  return process.env[RUN_KEY_ENV] ?? `ppid-${process.ppid}`;
}

function markerPaths(outDir: string): { done: string; lock: string } {
  const id = createHash('sha1').update(`${outDir}\n${runKey()}`).digest('hex').slice(0, 16);
  const base = join(tmpdir(), `ceasefire-line-build-${id}`);
  return { done: `${base}.done`, lock: `${base}.lock` };
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export interface BuildOptions {
  /** Project root holding index.html (default: the repo). */
  root?: string;
  /** Output folder (default: dist/). */
  outDir?: string;
  /** Public base path passed to vite (default: the config's, './' for the game). */
  base?: string;
}

/**
 * Runs `vite build` once per test run (guarded by a marker and a lock file in the OS temp
 * folder, keyed by the run), so any number of test files and workers can call it. Returns
 * the output folder.
 */
export function buildOnce(opts: BuildOptions = {}): string {
  const root = opts.root ?? ROOT;
  const outDir = opts.outDir ?? DIST;
  const { done, lock } = markerPaths(outDir);
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (existsSync(done) && existsSync(join(outDir, 'index.html'))) return outDir;
    let fd: number | null = null;
    try {
      fd = openSync(lock, 'wx');
    } catch {
      // Someone else is building; a lock older than 3 minutes is stale.
      try {
        if (Date.now() - statSync(lock).mtimeMs > 180_000) rmSync(lock, { force: true });
      } catch {
        // The lock went away meanwhile.
      }
      if (Date.now() > deadline) throw new Error(`buildOnce: timed out waiting for ${lock}`);
      sleepSync(200);
      continue;
    }
    try {
      if (existsSync(done) && existsSync(join(outDir, 'index.html'))) return outDir;
      viteBuild(root, outDir, opts.base);
      writeFileSync(done, `${new Date().toISOString()}\n`);
      return outDir;
    } finally {
      closeSync(fd);
      rmSync(lock, { force: true });
    }
  }
}

/** Forgets this run's build (global-setup's teardown), so the next run builds afresh. */
export function forgetBuild(outDir: string = DIST): void {
  rmSync(markerPaths(outDir).done, { force: true });
}

/** Builds now, whatever was built before (benchmarks use it); returns the output folder. */
export function build(opts: BuildOptions = {}): string {
  const outDir = opts.outDir ?? DIST;
  viteBuild(opts.root ?? ROOT, outDir, opts.base);
  return outDir;
}

/** `vite build` in a child process (vite reads the vite.config.* found in root, if any). */
function viteBuild(root: string, outDir: string, base?: string): void {
  const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
  const args = [vite, 'build', root, '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'];
  if (base) args.push('--base', base);
  try {
    execFileSync(process.execPath, args, { cwd: ROOT, stdio: 'pipe', encoding: 'utf8', timeout: 300_000 });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`vite build failed for ${root}:\n${e.stdout ?? ''}${e.stderr ?? ''}${e.message}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Serve a build

export interface Preview {
  url: string;
  close(): Promise<void>;
}

/** Serves a built folder on 127.0.0.1 with a free port (vite's preview server, base './'). */
export async function startPreview(opts: { outDir?: string; root?: string } = {}): Promise<Preview> {
  const { preview } = await import('vite');
  const outDir = opts.outDir ?? DIST;
  if (!existsSync(join(outDir, 'index.html'))) throw new Error(`startPreview: ${outDir}/index.html is missing: build first`);
  const server = await preview({
    root: opts.root ?? ROOT,
    configFile: false,
    base: './',
    logLevel: 'silent',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const address = server.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : null;
  if (!port) throw new Error('startPreview: the server has no port');
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => server.close(),
  };
}

// ---------------------------------------------------------------------------------------------
// Browser and pages

let browser: Promise<Browser> | null = null;
let browserArgs = '';

/** One headless Chromium per worker, started on first use (again if the flags change). */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  const key = extraArgs.join(' ');
  if (browser && key !== browserArgs) await closeBrowser();
  if (!browser) {
    if (!hasChromium()) throw new Error(`Chromium is missing at ${CHROMIUM}: apt-get install -y chromium`);
    browserArgs = key;
    browser = chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_FLAGS, ...extraArgs], timeout: 60_000 });
  }
  return browser;
}

export async function closeBrowser(): Promise<void> {
  const b = browser;
  browser = null;
  if (b) await (await b).close().catch(() => {});
}

/** What went wrong on a page: every list should be empty on a healthy page. */
export interface Problems {
  consoleErrors: string[];
  pageErrors: string[];
  /** requestfailed events and responses with status >= 400, as "STATUS url" or "ERROR url". */
  failedRequests: string[];
  /** Console warnings (not problems by themselves; some tests may want none). */
  consoleWarnings: string[];
  /** Every problem, one line each. */
  all(): string[];
  clear(): void;
}

export function collectProblems(page: Page): Problems {
  const p: Problems = {
    consoleErrors: [],
    pageErrors: [],
    failedRequests: [],
    consoleWarnings: [],
    all: () => [
      ...p.consoleErrors.map((m) => `console: ${m}`),
      ...p.pageErrors.map((m) => `page: ${m}`),
      ...p.failedRequests.map((m) => `request: ${m}`),
    ],
    clear: () => {
      p.consoleErrors.length = 0;
      p.pageErrors.length = 0;
      p.failedRequests.length = 0;
      p.consoleWarnings.length = 0;
    },
  };
  page.on('console', (msg) => {
    const where = msg.location();
    const at = where.url ? ` (${where.url}:${where.lineNumber})` : '';
    if (msg.type() === 'error') p.consoleErrors.push(`${msg.text()}${at}`);
    else if (msg.type() === 'warning') p.consoleWarnings.push(`${msg.text()}${at}`);
  });
  page.on('pageerror', (error) => p.pageErrors.push(error.stack ?? String(error)));
  page.on('requestfailed', (request) => {
    const why = request.failure()?.errorText ?? 'failed';
    // The browser cancels what is still loading when the page goes elsewhere (a reload, a new
    // link): the icon of a page left at once is no failure of the game.
    if (why === 'net::ERR_ABORTED' && request.url().endsWith('/favicon.svg')) return;
    p.failedRequests.push(`${why} ${request.url()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) p.failedRequests.push(`${response.status()} ${response.url()}`);
  });
  return p;
}

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  problems: Problems;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Extra Chromium flags (e.g. AUTOPLAY_FLAG); a browser with these flags is used. */
  args?: string[];
  viewport?: { width: number; height: number };
  /** Navigation wait (default 'load'); 'none' opens the page without navigating. */
  waitUntil?: 'load' | 'domcontentloaded' | 'networkidle' | 'commit' | 'none';
  timeoutMs?: number;
}

/** Opens url in a fresh browser context, collecting problems from before the navigation on. */
export async function openPage(url: string, opts: OpenOptions = {}): Promise<OpenedPage> {
  const b = await launchBrowser(opts.args ?? []);
  const context = await b.newContext({ viewport: opts.viewport ?? { width: 1280, height: 800 } });
  const page = await context.newPage();
  const problems = collectProblems(page);
  if (opts.waitUntil !== 'none') await page.goto(url, { waitUntil: opts.waitUntil ?? 'load', timeout: opts.timeoutMs ?? 60_000 });
  return { page, context, problems, close: () => context.close().catch(() => {}) };
}

/** Saves a PNG screenshot to e2e-artifacts/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Why the end-to-end tests cannot run here, or null when they can. */
export const whyNot = !hasApp()
  ? 'index.html is absent: the game page is not in this checkout yet'
  : !hasChromium()
    ? 'Chromium is not installed at /usr/bin/chromium (apt-get install -y chromium)'
    : null;

/**
 * For a describe block: serves the built game for its tests (built once per run) and closes
 * the server and the browser after them. Returns the server, or null when the tests must skip.
 */
export function usePreview(): () => Preview | null {
  let server: Preview | null = null;
  beforeAll(async () => {
    if (whyNot) return;
    buildOnce();
    server = await startPreview();
  });
  afterAll(async () => {
    await server?.close();
    await closeBrowser();
  });
  return () => server;
}
