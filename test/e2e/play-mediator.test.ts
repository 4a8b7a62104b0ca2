// Playing the international mediator in "Sirte Falls" from the main menu (map animations
// off in Settings): shuttle diplomacy, the arms embargo, a conference, a ceasefire proposal
// with its terms chosen in the preview, pressure on backers; turns ended by button and Enter.
import { describe, expect, it } from 'vitest';
import { openPage, usePreview } from './harness.ts';
import {
  drainCards,
  enableReducedMotion,
  fillNewGame,
  HD,
  type PlayedTurn,
  playTurn,
  readBriefing,
  readHook,
  takeCommand,
  waitReady,
  whyNot,
} from './play-helpers.ts';

describe('play: the mediator from the main menu', () => {
  const preview = usePreview();

  it('plays five turns of diplomacy', { timeout: 240_000 }, async (ctx) => {
    const server = preview();
    if (whyNot || !server) return ctx.skip(whyNot ?? 'no server');
    const { page, problems, close } = await openPage(server.url, { viewport: HD });
    try {
      await waitReady(page, 'MainMenu');
      await enableReducedMotion(page);
      await fillNewGame(page, { role: 'mediator', seed: 'e2e-mediator-2020', difficulty: 'historical' });
      await readBriefing(page);
      await expect.poll(() => page.locator('.briefing h3').allTextContents()).toContain('Your role: International mediator');
      await takeCommand(page);
      const opening = await drainCards(page, { firstTimeoutMs: 15_000 });
      expect(opening.map((c) => c.kind)).toContain('news');

      const turns: PlayedTurn[] = [];
      // Turn 1: the three tools of the first week.
      turns.push(
        await playTurn(page, {
          national: [[/^Shuttle diplomacy/], [/^Enforce the arms embargo/], [/^Convene an international conference/]],
          required: [0, 1, 2],
          end: 'button',
        }),
      );
      // Turn 2: a ceasefire proposal, with monitors added to its terms in the preview.
      let monitorsTicked = false;
      turns.push(
        await playTurn(page, {
          national: [[/^Propose a ceasefire/], [/^Press Turkey/, /^Press .* to hold back/], [/^Shuttle diplomacy/, /^Enforce/]],
          required: [0],
          end: 'key',
          onPreview: async (preview) => {
            const monitors = preview.getByRole('checkbox', { name: 'International monitors' });
            const was = await monitors.isChecked();
            await monitors.click();
            await expect.poll(() => page.locator('.sidebar.right .preview').getByRole('checkbox', { name: 'International monitors' }).isChecked()).toBe(!was);
            monitorsTicked = true;
          },
        }),
      );
      expect(monitorsTicked).toBe(true);
      // A place selected on the map: the mediator sees its forces (no orders there).
      turns.push(
        await playTurn(page, {
          national: [[/^Convene an international conference/, /^Shuttle diplomacy/], [/^Enforce the arms embargo/], [/^Press Russia/, /^Press .* to hold back/]],
          required: [0],
          end: 'button',
          beforeEnd: async () => {
            await page.locator('.sidebar.right select.place-picker').selectOption({ label: 'Sirte' });
            await page.locator('.sidebar.right .forces').waitFor();
            expect(await page.locator('.sidebar.right .order-list').count()).toBe(0);
          },
        }),
      );
      turns.push(
        await playTurn(page, {
          national: [[/^Deploy ceasefire monitors/, /^Advance the political track/, /^Shuttle diplomacy/], [/^Press .* to hold back/, /^Enforce/]],
          end: 'key',
        }),
      );
      turns.push(
        await playTurn(page, {
          national: [[/^Shuttle diplomacy/, /^Convene/, /^Propose a ceasefire/], [/^Enforce the arms embargo/, /^Press .* to hold back/]],
          end: 'button',
        }),
      );

      const end = await readHook(page);
      expect(end.turn).toBe(6);
      const given = turns.flatMap((t) => t.queued);
      for (const k of [/^Shuttle/, /^Enforce/, /^Convene/, /^Propose a ceasefire/, /^Press/]) expect(given.some((g) => k.test(g)), `orders given: ${given.join('; ')}`).toBe(true);
      expect(problems.all()).toEqual([]);
    } finally {
      await close();
    }
  });
});
