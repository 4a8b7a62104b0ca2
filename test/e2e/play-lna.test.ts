// Playing the LNA in "Sirte Falls" from the main menu (map animations off in Settings):
// the opening decisions answered on their cards, five turns of orders, turns ended by the
// button and by Enter, and a reload in the middle of the game picked up with Continue.
import { describe, expect, it } from 'vitest';
import { openPage, usePreview } from './harness.ts';
import {
  drainCards,
  enableReducedMotion,
  fillNewGame,
  HD,
  type PlayedTurn,
  playTurn,
  queueTexts,
  readAutosave,
  readBriefing,
  readHook,
  takeCommand,
  waitForScene,
  waitReady,
  whyNot,
} from './play-helpers.ts';

describe('play: the LNA from the main menu, with a reload', () => {
  const preview = usePreview();

  it('answers decisions, plays five turns and continues after a reload with the same state', { timeout: 240_000 }, async (ctx) => {
    const server = preview();
    if (whyNot || !server) return ctx.skip(whyNot ?? 'no server');
    const { page, problems, close } = await openPage(server.url, { viewport: HD });
    try {
      await waitReady(page, 'MainMenu');
      await expect.poll(() => page.locator('#continue-note').textContent()).toBe('No saved game yet');
      await enableReducedMotion(page);
      await fillNewGame(page, { role: 'lna', seed: 'e2e-lna-2020' });
      await readBriefing(page);
      await expect.poll(() => page.locator('.briefing h3').allTextContents()).toContain('Your role: Libyan National Army');
      await takeCommand(page);

      // The opening: news, concepts and the LNA's two decisions (Istanbul truce, Moscow text).
      const pick = (title: string) => (/Moscow/.test(title) ? 1 : 0);
      const opening = await drainCards(page, { firstTimeoutMs: 15_000, pick });
      const choices = opening.filter((c) => c.kind === 'choice');
      expect(choices.length, `cards: ${opening.map((c) => `${c.kind}:${c.title}`).join(', ')}`).toBeGreaterThanOrEqual(1);
      expect((await queueTexts(page)).sort()).toEqual(choices.map((c) => `${c.title}: ${c.answer}`).sort());

      const national = {
        messaging: [/^Public messaging/],
        backer: [/^Ask Russia/, /^Ask .* for more support/],
        money: [/^Pay salaries/, /^Ask .* for more support/, /^Public messaging/],
      };
      const turns: PlayedTurn[] = [];
      turns.push(
        await playTurn(page, {
          place: { name: 'Sirte', map: { x: 580, y: 191 }, orders: [/^Attack Abu Grein/, /^Attack/, /^Fortify/] },
          national: [national.messaging, national.backer],
          required: [0],
          end: 'key',
        }, { pick }),
      );
      expect(turns[0]?.viaMap, 'Sirte was found and clicked on the map').toBe(true);
      turns.push(
        await playTurn(page, {
          place: { name: 'Tripoli International Airport', orders: [/^Attack Tripoli from/, /^Attack/, /^Fortify/] },
          national: [[/^Ask Egypt/, /^Ask .* for more support/]],
          required: [0],
          end: 'button',
        }, { pick }),
      );
      turns.push(
        await playTurn(page, {
          place: { name: 'Benghazi (Rajma, Benina)', orders: [/^Fortify/, /^Move/] },
          national: [national.messaging],
          end: 'key',
        }, { pick }),
      );

      // Reload in the middle of the game, then Continue from the menu.
      const before = await readHook(page);
      expect(before.turn).toBe(4);
      const save = await readAutosave(page);
      expect(save?.orders.length).toBe(3);
      await page.reload({ waitUntil: 'load' });
      await waitReady(page, 'MainMenu');
      await expect.poll(() => page.locator('#continue-note').textContent()).toBe('Sirte Falls · LNA · turn 4');
      await page.getByRole('button', { name: 'Continue' }).click();
      await waitForScene(page, 'Game');
      const after = await readHook(page);
      expect({ turn: after.turn, hash: after.hash }).toEqual({ turn: before.turn, hash: before.hash });
      // A restored game shows no news again, only decisions still waiting.
      const restoredCards = await drainCards(page, { firstTimeoutMs: 1_500, pick });
      expect(restoredCards.filter((c) => c.kind !== 'choice')).toEqual([]);

      turns.push(
        await playTurn(page, {
          place: { name: 'al-Jufra (airbase, Hun, Waddan, Sokna)', orders: [/^Move/, /^Fortify/] },
          national: [national.money],
          end: 'button',
        }, { pick }),
      );
      turns.push(
        await playTurn(page, {
          place: { name: 'Sirte', orders: [/^Fortify/, /^Recruit/, /^Attack/] },
          national: [national.backer],
          end: 'key',
        }, { pick }),
      );

      const end = await readHook(page);
      expect(end.turn).toBe(6);
      expect(end.scene).toBe('Game');
      const kinds = new Set(turns.flatMap((t) => t.queued.map((q) => q.split(' ')[0])));
      for (const k of ['Attack', 'Fortify', 'Public', 'Ask']) expect(kinds, `orders given: ${[...kinds].join(', ')}`).toContain(k);
      expect((await readAutosave(page))?.orders.length).toBe(5);
      expect(problems.all()).toEqual([]);
    } finally {
      await close();
    }
  });
});
