// Warnings before the turn ends, in Chromium: the GNA in "Sirte Falls" prepares two attacks from
// Abu Grein, on Sirte and al-Jufra. The first warns that Sirte is Egypt's red line, and where its
// fall would leave the region; the second, going in after the LNA's first attack, that LNA forces
// stand next to Abu Grein, and that al-Jufra is a red line too. Once queued, the orders panel shows the same warnings on the order and the End
// turn button counts them; with the orders cancelled, the warnings go.
import { describe, expect, it } from 'vitest';
import { openPage, screenshot, usePreview } from './harness.ts';
import { drainCards, enableReducedMotion, fillNewGame, HD, pickPlace, queueItems, queueOrder, readBriefing, takeCommand, waitReady, whyNot } from './play-helpers.ts';

describe('warnings before the turn ends', () => {
  const preview = usePreview();

  it('an attack on a red line from a threatened place warns in its preview and in the orders panel', { timeout: 120_000 }, async (ctx) => {
    const server = preview();
    if (whyNot || !server) return ctx.skip(whyNot ?? 'no server');
    const { page, problems, close } = await openPage(server.url, { viewport: HD });
    try {
      await waitReady(page, 'MainMenu');
      await enableReducedMotion(page);
      await fillNewGame(page, { role: 'gna', seed: 'e2e-warnings' });
      await readBriefing(page);
      await takeCommand(page);
      await drainCards(page, { firstTimeoutMs: 15_000 });
      await pickPlace(page, 'Abu Grein');
      let previewWarnings: string[] = [];
      const queued = await queueOrder(page, [/^Attack Sirte/], {
        beforeAdd: async (p) => {
          previewWarnings = await p.locator('.queue-warning').allTextContents();
        },
      });
      expect(queued, 'an attack on Sirte can be ordered from Abu Grein').not.toBeNull();
      // Turn 1: the GNA strikes first, so its first attack cannot lose its start; Sirte is Egypt's red line.
      expect(previewWarnings).toHaveLength(2);
      expect(previewWarnings[0]).toMatch(/Sirte is a red line for Egypt/);
      expect(previewWarnings[1]).toMatch(/Taken, with Egypt answering at the top of the ladder, Sirte would bring regional escalation to \d+ of 100/);
      // A second attack from Abu Grein goes in after the LNA's first: Abu Grein may fall before it.
      const second = await queueOrder(page, [/^Attack al-Jufra/], {
        beforeAdd: async (p) => {
          previewWarnings = await p.locator('.queue-warning').allTextContents();
          await screenshot(page, 'warnings-preview');
        },
      });
      expect(second, 'a second attack can be ordered from Abu Grein').not.toBeNull();
      expect(previewWarnings.join('\n')).toMatch(/LNA forces stand next to Abu Grein .*this is your attack number 2: one enemy attack goes in before it/);
      expect(previewWarnings.join('\n')).toMatch(/al-Jufra is a red line for Egypt/);
      const item = queueItems(page).last();
      expect(await item.getAttribute('class')).toContain('warned');
      const inQueue = await item.locator('.queue-warning').allTextContents();
      expect(inQueue).toEqual(previewWarnings);
      expect(await page.locator('button.end-turn').getAttribute('title')).toMatch(/5 warnings on your orders/);
      await screenshot(page, 'warnings-queue');
      for (let n = 2; n > 0; n--) {
        await queueItems(page).last().getByRole('button', { name: /^Cancel:/ }).click();
        await expect.poll(() => queueItems(page).count()).toBe(n - 1);
      }
      await expect.poll(() => page.locator('.queue-warning').count()).toBe(0);
      expect(await page.locator('button.end-turn').getAttribute('title')).toBe('End the turn (Enter)');
      expect(problems.all()).toEqual([]);
    } finally {
      await close();
    }
  });
});
