// Playing the GNA in "Sirte Falls" from the main menu, with real clicks and keys: five turns
// of orders at places (picked on the map and in the place list) and national orders, event
// cards answered and dismissed, turns ended by the button and by Enter. Screenshots of the
// scenes on the way (e2e-artifacts/). Skips when Chromium or the game page is absent.
import { describe, expect, it } from 'vitest';
import { openPage, screenshot, usePreview } from './harness.ts';
import { type CardSeen, drainCards, fillNewGame, HD, type PlayedTurn, pickPlace, playTurn, readBriefing, readHook, takeCommand, waitReady, whyNot } from './play-helpers.ts';

describe('play: the GNA from the main menu', () => {
  const preview = usePreview();

  it('plays five turns of orders, cards and both ways of ending a turn', { timeout: 240_000 }, async (ctx) => {
    const server = preview();
    if (whyNot || !server) return ctx.skip(whyNot ?? 'no server');
    const { page, problems, close } = await openPage(server.url, { viewport: HD });
    try {
      await waitReady(page, 'MainMenu');
      await fillNewGame(page, { role: 'gna', seed: 'e2e-gna-2020' });
      await readBriefing(page);
      await expect.poll(() => page.locator('.briefing').textContent()).toContain('Seed e2e-gna-2020 · normal');
      await screenshot(page, 'briefing');
      await takeCommand(page);
      const start = await readHook(page);
      expect(start.turn).toBe(1);

      // The opening: news of turn 1 and the first concepts.
      const shots = new Set<string>();
      const shoot = async (card: CardSeen) => {
        const name = { news: 'news-card', concept: 'concept-card', report: 'turn-report', choice: 'event-choice' }[card.kind as string];
        if (name && !shots.has(name)) {
          shots.add(name);
          await screenshot(page, name);
        }
      };
      const opening = await drainCards(page, { firstTimeoutMs: 15_000, onCard: shoot });
      expect(opening.map((c) => c.kind)).toContain('news');
      // Cards arrive when they mean something: one concept card at most, explaining one concept.
      const openingConcepts = opening.filter((c) => c.kind === 'concept');
      expect(openingConcepts.map((c) => c.concepts)).toEqual([1]);
      await screenshot(page, 'map');

      const national = {
        messaging: [/^Public messaging/],
        backer: [/^Ask Turkey/, /^Ask .* for more support/],
        money: [/^Pay salaries/, /^Ask .* for more support/, /^Public messaging/],
      };
      const turns: PlayedTurn[] = [];
      // Turn 1: Misrata clicked on the map; a move or fortification there; messaging; a backer.
      turns.push(
        await playTurn(
          page,
          {
            place: { name: 'Misrata', map: { x: 522, y: 138 }, orders: [/^Move .* to Abu Grein/, /^Fortify/, /^Attack/] },
            national: [national.messaging, national.backer],
            required: [0, 1],
            end: 'button',
            onPreview: async () => {
              await screenshot(page, 'map-order-preview');
            },
          },
          { onCard: shoot },
        ),
      );
      expect(turns[0]?.viaMap, 'Misrata was found and clicked on the map').toBe(true);
      // Turn 2: an attack from Abu Grein (place list); a backer; ended with Enter.
      turns.push(
        await playTurn(page, {
          place: { name: 'Abu Grein', orders: [/^Attack Sirte/, /^Attack/, /^Fortify/] },
          national: [national.backer, national.money],
          required: [0],
          end: 'key',
        }),
      );
      // Turn 3: fortify Tripoli; messaging; the glossary opened with G.
      turns.push(
        await playTurn(page, {
          place: { name: 'Tripoli', orders: [/^Fortify/, /^Move/] },
          national: [national.messaging],
          required: [0],
          end: 'button',
          beforeEnd: async () => {
            // Tripoli's armed groups act on their own account too: the panel says what for.
            await pickPlace(page, 'Tripoli');
            const forces = page.locator('.forces').first();
            await expect.poll(() => forces.textContent()).toMatch(/Nawasi Brigade[\s\S]*Acts on its own account: its share of the state offices/);
            // Units that have held their ground since January have settled in: the panel says how far (rules version 9).
            expect(await forces.textContent()).toMatch(/dug in \+\d+%/);
            await screenshot(page, 'place-armed-groups');
            await page.mouse.click(700, 95);
            await page.keyboard.press('g');
            const glossary = page.getByRole('dialog', { name: 'How this war works' });
            await glossary.waitFor();
            expect(await glossary.locator('.glossary-entry').count()).toBeGreaterThan(5);
            await screenshot(page, 'glossary');
            await glossary.getByRole('button', { name: 'Close' }).click();
            await glossary.waitFor({ state: 'detached' });
          },
        }),
      );
      // Turns 4 and 5: strikes, sieges or attacks on Sirte; backers and money.
      turns.push(
        await playTurn(page, {
          place: { name: 'Sirte', orders: [/^Air or drone strike/, /^Besiege/, /^Attack/] },
          national: [national.backer, national.money],
          end: 'key',
        }),
      );
      turns.push(
        await playTurn(page, {
          place: { name: 'Misrata', orders: [/^Fortify/, /^Recruit/, /^Move/] },
          national: [national.messaging, national.money],
          end: 'button',
        }),
      );

      // Every turn: one concept card at most, of one concept.
      for (const t of turns) expect(t.cards.filter((c) => c.kind === 'concept').map((c) => c.concepts).join(',')).toMatch(/^(1)?$/);
      const end = await readHook(page);
      expect(end.turn).toBe(6);
      expect(new Set([start.hash, ...turns.map((t) => t.after.hash)]).size).toBe(6);
      const kinds = new Set(turns.flatMap((t) => t.queued.map((q) => q.split(' ')[0])));
      for (const k of ['Move', 'Attack', 'Fortify', 'Public', 'Ask']) expect(kinds, `orders given: ${[...kinds].join(', ')}`).toContain(k);
      expect(problems.all()).toEqual([]);
    } finally {
      await close();
    }
  });
});
