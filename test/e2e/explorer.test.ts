// The outcome explorer in the built game, in headless Chromium: open it from the menu, start a
// big batch and watch its progress (updating at least every half second, the page responsive),
// cancel it, run another to the end, check its numbers equal the headless runner's for the same
// seeds, look at the results, and open one of its games. No console error on the way.
import { describe, expect, it } from 'vitest';
import { runPath } from '../../src/cli/calibrate.ts';
import { loadRecordFile, loadScenarioFile } from '../../src/cli/files.ts';
import { main as runner } from '../../src/cli/sim.ts';
import { type ExploreSummary, explore } from '../../src/sim/explore.ts';
import { newGame, stateHash } from '../../src/sim/index.ts';
import { applyWhatIfs } from '../../src/sim/whatif.ts';
import { openPage, screenshot, usePreview } from './harness.ts';
import { readHook, takeCommand, waitForScene, waitReady, whyNot } from './play-helpers.ts';

describe('the outcome explorer in the browser', () => {
  const preview = usePreview();

  it('runs a batch with progress, cancels one, completes another with the runner’s numbers, and opens one of its games', async (ctx) => {
    const server = preview();
    if (whyNot || !server) return ctx.skip(whyNot ?? 'no server');
    const { page, problems, close } = await openPage(server.url, { viewport: { width: 1440, height: 900 } });
    try {
      await waitReady(page, 'MainMenu');
      await page.click('#menu-explore');
      await page.waitForSelector('.explorer [data-whatif="turkey-out"]', { timeout: 30_000 });
      await screenshot(page, 'explorer-setup');

      // Too few games: a clear message beside the field, and nothing starts.
      await page.fill('#explore-runs', '50');
      await page.click('#explore-run');
      expect(await page.locator('#explore-field-error').textContent()).toContain('from 100 to 5,000');
      expect(await page.isEnabled('#explore-run')).toBe(true);

      // A big batch: progress comes often and the page answers while the workers play.
      await page.check('[data-whatif="turkey-out"]');
      await page.fill('#explore-runs', '5000');
      await page.evaluate(() => {
        const w = window as unknown as { progressAt: number[] };
        w.progressAt = [];
        const text = document.getElementById('explore-progress-text');
        if (text) new MutationObserver(() => w.progressAt.push(performance.now())).observe(text, { childList: true, characterData: true, subtree: true });
      });
      await page.click('#explore-run');
      await page.waitForFunction(() => Number((document.getElementById('explore-progress') as HTMLProgressElement | null)?.value) > 50, null, { timeout: 30_000 });
      const frame = await page.evaluate(async () => {
        const t0 = performance.now();
        await new Promise((r) => requestAnimationFrame(() => r(null)));
        return performance.now() - t0;
      });
      expect(frame, 'the page must answer while the batch runs').toBeLessThan(250);
      await page.waitForTimeout(2000);
      const gaps = await page.evaluate(() => {
        const at = (window as unknown as { progressAt: number[] }).progressAt;
        return at.slice(1).map((t, i) => t - (at[i] as number));
      });
      expect(gaps.length).toBeGreaterThan(3);
      expect(Math.max(...gaps), `progress gaps ${gaps.map((g) => g.toFixed(0)).join(', ')} ms`).toBeLessThan(500);
      await screenshot(page, 'explorer-running');
      const before = await page.evaluate(() => (document.getElementById('explore-progress') as HTMLProgressElement).value);
      expect(before).toBeLessThan(5000);
      await page.click('#explore-cancel');
      expect(await page.locator('#explore-field-error').textContent()).toBe('');
      await page.waitForFunction(() => document.getElementById('explore-message')?.textContent?.startsWith('Cancelled'), null, { timeout: 5000 });
      expect(await page.isEnabled('#explore-run')).toBe(true);
      expect(await page.locator('#explore-results').getAttribute('data-summary')).toBeNull();

      // A batch to the end: 100 games of history with Turkey out.
      await page.fill('#explore-runs', '100');
      await page.fill('#explore-seed', 'browser');
      await page.click('#explore-run');
      await page.waitForSelector('#explore-results[data-summary]', { timeout: 60_000 });
      const summary = JSON.parse((await page.locator('#explore-results').getAttribute('data-summary')) ?? 'null') as ExploreSummary;
      const flagship = loadScenarioFile('sirte-2020');
      if (!flagship.ok) throw new Error('the flagship does not load');
      // The same seeds give the same numbers in Node and in the browser.
      const record = loadRecordFile();
      if (!record.ok) throw new Error('the record does not load');
      expect(summary).toEqual(explore(flagship.value, { whatIfs: ['turkey-out'], policy: 'historical', runs: 100, seed: 'browser' }, record.value));
      // The war's path: the calibration's figures for the same games, on the scenario's time line.
      expect(summary.path).toEqual(runPath(flagship.value, record.value, 'browser', 100, ['turkey-out']));
      const lines: string[] = [];
      expect(runner(['--scenario', 'sirte-2020', '--what-if', 'turkey-out', '--policy', 'historical', '--runs', '100', '--seed', 'browser', '--json'], (l) => lines.push(l))).toBe(0);
      expect(summary).toEqual(JSON.parse(lines.join('\n')));
      expect(await page.locator('#explore-endings tbody tr').count()).toBe(summary.endings.length);
      expect(await page.locator('#explore-facts tbody tr').count()).toBe(summary.facts.length);
      expect(await page.locator('.explore-chart canvas').count()).toBe(7);
      await page.locator('#explore-endings').scrollIntoViewIfNeeded();
      await screenshot(page, 'explorer-results');
      await page.locator('.explore-charts').scrollIntoViewIfNeeded();
      await screenshot(page, 'explorer-charts');
      const pathRows = page.locator('#explore-path tbody tr');
      expect(await pathRows.count()).toBe(summary.path?.places.filter((r) => r.real || r.changed >= 1).length);
      const tarhuna = summary.path?.places.find((r) => r.place === 'tarhuna');
      expect(await page.locator('#explore-path tr[data-place="tarhuna"]').textContent()).toContain(`${tarhuna?.changed.toFixed(1)}%`);
      expect(await page.locator('#explore-path tr[data-place="tarhuna"] .path-real').count()).toBe(1);
      expect(await page.locator('#explore-path-section').textContent()).toMatch(/Oil blockade in [\d.]+% of games/);
      // The output while it held, the same median as the summary's (thousand b/d), in barrels.
      const output = summary.path?.blockade.medianOutput;
      if (output !== null && output !== undefined) {
        expect(await page.locator('#explore-path-section [data-line="blockade-output"]').textContent()).toContain(`a median of ${(output * 1000).toLocaleString('en')} barrels a day`);
      }
      await page.locator('#explore-path').scrollIntoViewIfNeeded();
      await screenshot(page, 'explorer-path');

      // "Show me one": the first game that ended as the most common ending, with Turkey out.
      const seed = summary.endings[0]?.seeds[0] as string;
      await page.click(`#explore-endings button[data-seed="${seed}"]`);
      await waitForScene(page, 'Briefing');
      expect(await page.locator('#briefing-whatifs').textContent()).toContain('Turkey stays out');
      await screenshot(page, 'explorer-briefing');
      await takeCommand(page);
      await waitForScene(page, 'Game');
      const hook = await readHook(page);
      expect(hook.hash).toBe(stateHash(newGame(applyWhatIfs(flagship.value, ['turkey-out']), seed, ['gna'], 'historical')));
      await screenshot(page, 'explorer-opened-game');
      expect(problems.all()).toEqual([]);
    } finally {
      await close();
    }
  });
});
