// Playing "Sirte Falls" to its end as the mediator with quick turns (no orders, map
// animations off), turns ended by button and Enter alternately: the Ending scene shows the
// outcome and the scores, the hook reports the ending, and the game matches the headless sim
// fed the same (empty) orders. Then the menu offers the finished game, and Continue reopens it.
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/cli/files.ts';
import { playWithOrders } from '../../src/sim/play.ts';
import { openPage, screenshot, usePreview } from './harness.ts';
import {
  dialog,
  drainCards,
  enableReducedMotion,
  endTurn,
  expectTurnAdvanced,
  fillNewGame,
  HD,
  readBriefing,
  readHook,
  takeCommand,
  text,
  waitForScene,
  waitReady,
  whyNot,
} from './play-helpers.ts';

/** Any seed: a game ends by its last turn at the latest (earlier on a victory, a collapse, a regional war…). */
const SEED = 'e2e-ending-2020';
const ENDING_HEADLINES = /military victory|collapses|Negotiated settlement|Frozen conflict|Regional war|Humanitarian catastrophe|The war goes on/;

describe('play: the flagship to its ending', () => {
  const preview = usePreview();

  it('ends the game and shows the outcome and the scores', { timeout: 300_000 }, async (ctx) => {
    const server = preview();
    if (whyNot || !server) return ctx.skip(whyNot ?? 'no server');
    const scenario = loadScenarioFile('sirte-2020');
    if (!scenario.ok) throw new Error('sirte-2020 does not load');
    const { page, problems, close } = await openPage(server.url, { viewport: HD });
    try {
      await waitReady(page, 'MainMenu');
      await enableReducedMotion(page);
      await fillNewGame(page, { role: 'mediator', seed: SEED });
      await readBriefing(page);
      await takeCommand(page);
      await drainCards(page, { firstTimeoutMs: 15_000 });

      const hashes: string[] = [];
      for (let i = 0; i < scenario.value.turns + 1; i++) {
        const r = await endTurn(page, i % 2 === 0 ? 'button' : 'key', { stopAtScene: 'Ending' });
        expectTurnAdvanced(r);
        hashes.push(r.after.hash);
        if (r.after.ending) break;
      }
      await waitForScene(page, 'Ending');
      const hook = await readHook(page);
      expect(hook.ending, 'window.ceasefireLine.ending').not.toBeNull();
      for (const role of ['gna', 'lna', 'mediator']) expect(typeof hook.ending?.scores[role]?.total).toBe('number');

      // The same game headless: same hashes turn by turn, same ending.
      const headless = playWithOrders(scenario.value, SEED, 'mediator', hashes.map(() => []), 'normal');
      expect(hashes).toEqual(headless.hashes);
      expect(hook.ending?.kind).toBe(headless.state.ending?.kind);

      // The Ending scene: headline, the player's score by part and the total, the others' totals.
      const panel = page.locator('.layer-ending .panel');
      await expect.poll(() => panel.locator('#ending-title').textContent()).toMatch(ENDING_HEADLINES);
      const rows = panel.locator('table.score-table tr');
      expect(await rows.count()).toBe(6);
      const total = await text(rows.last().locator('td.n'));
      expect(total).toBe(String(hook.ending?.scores.mediator?.total));
      expect(await panel.locator('.score-table + p').textContent()).toMatch(/^GNA \d+ · LNA \d+$/);
      expect(await panel.textContent()).toContain('What actually happened');
      await screenshot(page, 'ending');

      // The last report opens from the Ending and closes with its button.
      await panel.getByRole('button', { name: 'Last report' }).click();
      await dialog(page).getByRole('button', { name: 'Continue' }).click();
      await dialog(page).waitFor({ state: 'detached' });

      // Back to the menu: the finished game is offered, and reopens on its ending.
      await panel.getByRole('button', { name: 'Main menu' }).click();
      await waitForScene(page, 'MainMenu');
      await expect.poll(() => page.locator('#continue-note').textContent()).toBe('Sirte Falls · Mediator · game over');
      await page.getByRole('button', { name: 'Continue' }).click();
      await waitForScene(page, 'Ending');
      expect((await readHook(page)).hash).toBe(hook.hash);
      expect(problems.all()).toEqual([]);
    } finally {
      await close();
    }
  });
});
