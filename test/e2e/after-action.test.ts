// The after-action report in Chromium: a short game opened from a link with all its orders
// reaches its ending; the charts draw (with their tables, the same figures as Node's); the turning
// points run in Web Workers with a moving progress bar, can be cancelled, and finish with the
// figures the headless analysis gives; the replay viewer shows the charts too; no console error.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/cli/files.ts';
import { encodeOrders } from '../../src/game/link.ts';
import { aiOrders, makeReplay, newGame, type Order, otherActorsOrders, replayText, resolveTurn, type State, stateHash } from '../../src/sim/index.ts';
import { analyseTurningPoints } from '../../src/sim/turning.ts';
import { warData } from '../../src/ui/war-data.ts';
import { openPage, screenshot, usePreview } from './harness.ts';
import { drainCards, enableReducedMotion, readHook, waitForScene, waitReady, whyNot } from './play-helpers.ts';

const SEED = 'd';
const loaded = loadScenarioFile('tutorial');
if (!loaded.ok) throw new Error('the tutorial does not load');
const tutorial = loaded.value;

/** The tutorial as the GNA: the computer's orders, but in turn 2 Tripoli is left to Zawiya. */
function game(): { turns: Order[][]; states: State[] } {
  let s = newGame(tutorial, SEED, ['gna'], 'normal');
  const states = [s];
  const turns: Order[][] = [];
  while (!s.ending) {
    const mine: Order[] = s.turn === 2 ? [{ actor: 'gna', kind: 'withdraw', from: 'tripoli', to: 'zawiya' }] : aiOrders(tutorial, s, 'gna', 'normal').orders;
    const orders = [...mine, ...otherActorsOrders(tutorial, s, 'gna').orders];
    turns.push(orders);
    s = resolveTurn(tutorial, s, orders).state;
    states.push(s);
  }
  return { turns, states };
}

describe('the after-action report', () => {
  const preview = usePreview();

  it('the ending shows the charts and the turning points; Cancel stops them; the replay viewer shows the charts', { timeout: 300_000 }, async (ctx) => {
    const server = preview();
    if (whyNot || !server) return ctx.skip(whyNot ?? 'no server');
    const { turns, states } = game();
    const mine = turns.map((t) => t.filter((o) => o.actor === 'gna'));
    const encoded = encodeOrders(mine);
    expect(encoded).not.toBeNull();
    const data = warData(tutorial, states);
    const runs = 20;
    const expected = analyseTurningPoints({ scenario: tutorial, seed: SEED, humans: ['gna'], difficulty: 'normal', role: 'gna', turns }, { runs });
    const { page, problems, close } = await openPage(server.url, { viewport: { width: 1400, height: 900 } });
    try {
      await waitReady(page, 'MainMenu');
      await enableReducedMotion(page);
      await page.goto(`${server.url}?scenario=tutorial&role=gna&seed=${SEED}&orders=${encoded}`, { waitUntil: 'load' });
      // A link whose orders reach the end of the game opens on its ending.
      await waitForScene(page, 'Ending');
      const hook = await readHook(page);
      expect(hook.hash).toBe(stateHash(states.at(-1) as State));

      // The charts: every one drawn, each with its table holding Node's figures.
      const charts = page.locator('#aar-charts figure.aar-chart');
      await expect.poll(() => charts.count(), { timeout: 20_000 }).toBe(data.charts.filter((c) => c.series.length).length);
      expect(await page.locator('#aar-charts canvas').count()).toBeGreaterThanOrEqual(data.charts.length);
      const forces = data.charts.find((c) => c.id === 'forces');
      const cells = await page.locator('[data-chart="forces"] table.aar-table tbody tr:last-child td').allTextContents();
      expect(cells).toEqual(forces?.series.map((s) => (s.values.at(-1) ?? 0).toLocaleString('en-GB')));
      await screenshot(page, 'aar-charts');
      // A chart saved as an image: a PNG file, named after the game and the chart.
      const download = page.waitForEvent('download');
      await page.locator('[data-chart="territory"] .aar-png').click();
      const png = await download;
      expect(png.suggestedFilename()).toBe(`ceasefire-line-tutorial-seed${SEED}-territory.png`);
      const bytes = readFileSync((await png.path()) as string);
      expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);

      // Turning points: start, watch the bar move, cancel; start again and let it finish. The cancelled
      // analysis is the longest on offer (200 runs a branch), so that the Cancel comes while it runs:
      // since the eighth speed pass one of 20 runs a branch can end between the bar's first move and the click.
      const section = page.locator('#aar-turning');
      // The default: the 100 a branch where the page gets two workers or more, 50 with one.
      const cores = await page.evaluate(() => navigator.hardwareConcurrency || 2);
      expect(await page.locator('#aar-runs').inputValue()).toBe(cores >= 3 ? '100' : '50');
      await page.locator('#aar-runs').selectOption('200');
      await page.locator('#aar-turning-run').click();
      await expect.poll(() => section.getAttribute('data-state')).toBe('running');
      await expect.poll(() => page.locator('#aar-progress').evaluate((p) => (p as HTMLProgressElement).value), { timeout: 30_000 }).toBeGreaterThan(0);
      await page.locator('#aar-turning-cancel').click();
      await expect.poll(() => section.getAttribute('data-state')).toBe('cancelled');
      await expect.poll(() => page.locator('#aar-turning-message').textContent()).toMatch(/Cancelled/);

      // The bar's value at every change of the progress line, recorded in the page.
      await page.evaluate(() => {
        const w = window as unknown as { aarValues: number[] };
        w.aarValues = [];
        const bar = document.getElementById('aar-progress') as HTMLProgressElement;
        new MutationObserver(() => w.aarValues.push(bar.value)).observe(document.getElementById('aar-progress-text') as HTMLElement, { childList: true, characterData: true, subtree: true });
      });
      await page.locator('#aar-runs').selectOption(String(runs));
      await page.locator('#aar-turning-run').click();
      for (let i = 0; i < 600 && (await section.getAttribute('data-state')) === 'running'; i++) {
        // The page answers while the workers play.
        expect(await page.evaluate(() => 1 + 1)).toBe(2);
        await page.waitForTimeout(250);
      }
      expect(await section.getAttribute('data-state')).toBe('done');
      const values = await page.evaluate(() => (window as unknown as { aarValues: number[] }).aarValues);
      expect(new Set(values).size, 'the bar moved').toBeGreaterThan(2);
      // The whole analysis, figure for figure, is Node's (as JSON carries it: -0 is written 0).
      expect(JSON.parse((await page.locator('#aar-turning-results').getAttribute('data-summary')) ?? 'null')).toEqual(JSON.parse(JSON.stringify(expected)));
      const top = page.locator('#aar-turning-results .aar-top > li').first();
      expect(await top.getAttribute('data-turn')).toBe(String(expected.ranking[0]));
      const first = expected.turns.find((t) => t.turn === expected.ranking[0]);
      expect(await top.locator('h5').textContent()).toContain(`Turn ${first?.turn},`);
      const real = first?.branches.find((b) => b.kind === 'real');
      expect(await top.locator('tr[data-branch="real"] td.num').textContent()).toBe(`${real?.score} (${real?.scoreLow}–${real?.scoreHigh})`);
      await top.scrollIntoViewIfNeeded();
      await screenshot(page, 'aar-turning-points');

      // Printing: the report's page holds the ending, the charts and the turning points, not the map.
      await page.evaluate(() => {
        window.print = () => {};
      });
      await page.locator('#aar-print').click();
      await page.emulateMedia({ media: 'print' });
      expect(await page.evaluate(() => document.documentElement.classList.contains('aar-print'))).toBe(true);
      expect(await page.locator('#game').evaluate((e) => getComputedStyle(e).display)).toBe('none');
      expect(await page.locator('#aar-every').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
      expect(await page.locator('#aar-charts').isVisible()).toBe(true);
      await screenshot(page, 'aar-print');
      await page.emulateMedia({ media: 'screen' });
      await page.evaluate(() => document.documentElement.classList.remove('aar-print'));

      // The replay viewer: the same game as a file; its charts from the frames.
      const dir = mkdtempSync(join(tmpdir(), 'aar-e2e-'));
      try {
        const file = join(dir, 'game.json');
        const hashes = states.slice(1).map(stateHash);
        writeFileSync(file, replayText(makeReplay({ scenario: tutorial, seed: SEED, humans: ['gna'], difficulty: 'normal', orders: turns, hashes })));
        await page.getByRole('button', { name: 'Main menu' }).click();
        await waitForScene(page, 'MainMenu');
        const chooser = page.waitForEvent('filechooser');
        await page.getByRole('button', { name: /Open a replay/ }).click();
        await (await chooser).setFiles(file);
        await waitForScene(page, 'Game');
        await page.locator('.replay-bar').getByRole('button', { name: 'Charts' }).click();
        const overlay = page.locator('.aar-overlay');
        await expect.poll(() => overlay.locator('figure.aar-chart').count(), { timeout: 20_000 }).toBe(data.charts.filter((c) => c.series.length).length);
        const harm = await overlay.locator('[data-chart="harm"] table.aar-table tbody tr:last-child td').allTextContents();
        expect(harm).toEqual(data.charts.find((c) => c.id === 'harm')?.series.map((s) => (s.values.at(-1) ?? 0).toLocaleString('en-GB')));
        await screenshot(page, 'aar-replay-charts');
        await overlay.getByRole('button', { name: 'Close' }).click();
        await expect.poll(() => overlay.count()).toBe(0);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      expect(problems.all()).toEqual([]);
    } finally {
      await close();
    }
  });

  it('during play, the game menu opens the charts of the war so far, with only what the player’s panels show', { timeout: 240_000 }, async (ctx) => {
    const server = preview();
    if (whyNot || !server) return ctx.skip(whyNot ?? 'no server');
    const { turns, states } = game();
    const mine = turns.slice(0, 2).map((t) => t.filter((o) => o.actor === 'gna'));
    const { page, problems, close } = await openPage(server.url, { viewport: { width: 1400, height: 900 } });
    try {
      await waitReady(page, 'MainMenu');
      await enableReducedMotion(page);
      await page.goto(`${server.url}?scenario=tutorial&role=gna&seed=${SEED}&orders=${encodeOrders(mine)}`, { waitUntil: 'load' });
      // A link with orders opens the game at the turn reached.
      await waitForScene(page, 'Game');
      await drainCards(page, { firstTimeoutMs: 3000 });
      expect((await readHook(page)).hash).toBe(stateHash(states[2] as State));
      await page.getByRole('button', { name: 'Menu', exact: true }).click();
      await page.locator('#menu-charts').click();
      const overlay = page.locator('.aar-overlay');
      await expect.poll(() => overlay.locator('figure.aar-chart').count(), { timeout: 20_000 }).toBeGreaterThan(5);
      expect(await overlay.locator('#aar-turning').count()).toBe(0);
      // The GNA's own fighters, not the LNA's; the start and two turns.
      const heads = await overlay.locator('[data-chart="forces"] table.aar-table thead th').allTextContents();
      expect(heads).toEqual(['Turn', 'GNA']);
      expect(await overlay.locator('[data-chart="forces"] table.aar-table tbody tr').count()).toBe(3);
      await screenshot(page, 'aar-during-play');
      // Enter does not end the turn behind the charts.
      await page.keyboard.press('Enter');
      await page.waitForTimeout(500);
      expect((await readHook(page)).turn).toBe(3);
      await page.keyboard.press('Escape');
      await expect.poll(() => overlay.count()).toBe(0);
      expect((await readHook(page)).scene).toBe('Game');
      expect(problems.all()).toEqual([]);
    } finally {
      await close();
    }
  });
});
