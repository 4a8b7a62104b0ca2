// Playing Turkey in "Sirte Falls" for five turns from the main menu (map animations off): a red
// line declared on the map's place panel, the deployment denied, the client pushed on, its
// request for more granted (a rung climbed), a rival lobbied against, a one-off delivery; the
// backer's panels (its rung, costs, standing, rivals, the client's figures) and its fog of war.
// Seed e2e-turkey-322: the GNA's computer commanders ask Turkey for more during turn 3.
import { describe, expect, it } from 'vitest';
import { openPage, screenshot, usePreview } from './harness.ts';
import { drainCards, enableReducedMotion, HD, type PlayedTurn, pickPlace, playTurn, readBriefing, readHook, takeCommand, text, waitForScene, waitReady, whyNot } from './play-helpers.ts';

describe('play: Turkey, a foreign backer, from the main menu', () => {
  const preview = usePreview();

  it('plays five turns from Ankara', { timeout: 300_000 }, async (ctx) => {
    const server = preview();
    if (whyNot || !server) return ctx.skip(whyNot ?? 'no server');
    const { page, problems, close } = await openPage(server.url, { viewport: HD });
    try {
      await waitReady(page, 'MainMenu');
      await enableReducedMotion(page);
      await page.getByRole('button', { name: 'New game' }).click();
      const scenario = page.getByRole('group', { name: 'Scenario' }).getByRole('button', { name: /Sirte Falls/ });
      await scenario.click();
      const turkey = page.getByRole('group', { name: 'Foreign backers' }).getByRole('button', { name: /^Turkey/ });
      await turkey.click();
      await expect.poll(() => turkey.getAttribute('aria-pressed')).toBe('true');
      expect(await text(page.locator('#menu-seats'))).toMatch(/You play Turkey/);
      const seed = page.getByRole('textbox', { name: 'Seed' });
      await seed.click();
      await seed.press('Control+a');
      await seed.pressSequentially('e2e-turkey-322');
      await readBriefing(page);
      await expect.poll(() => page.locator('.briefing h3').allTextContents()).toContain('Your role: Turkey, backer of the GNA');
      expect(await text(page.locator('.briefing'))).toMatch(/client's ground/);
      await takeCommand(page);
      await drainCards(page, { firstTimeoutMs: 15_000 });
      expect((await readHook(page)).scene).toBe('Game');

      const panel = page.locator('#backer-panel');
      await panel.waitFor();
      expect(await text(page.locator('.brand'))).toMatch(/^Turkey · Sirte Falls/);
      expect(await text(panel)).toMatch(/Drones and air defence/);
      expect(await text(panel)).toMatch(/Spent\s*0 of 260/);
      expect(await text(page.locator('#backer-rivals'))).toMatch(/United Arab Emirates[\s\S]*Egypt[\s\S]*Russia/);
      expect(await text(page.locator('.sidebar.left'))).toMatch(/Your client: GNA/);
      // Fog of war: the client's forces are exact, the enemy's estimates.
      await pickPlace(page, 'Sirte');
      expect(await text(page.locator('.sidebar.right .forces'))).toMatch(/~/);
      await pickPlace(page, 'Misrata');
      expect(await text(page.locator('.sidebar.right .forces'))).not.toMatch(/~/);

      const turns: PlayedTurn[] = [];
      // Turn 1: a red line at Zuwara, from the place panel; its preview says what it risks.
      let redLinePreview = '';
      turns.push(
        await playTurn(page, {
          place: { name: 'Zuwara', orders: [/^Declare Zuwara a red line/] },
          national: [],
          end: 'button',
          onPreview: async (p) => {
            redLinePreview = await text(p);
          },
        }),
      );
      expect(redLinePreview).toMatch(/regional escalation rises by 10[\s\S]*your word loses weight/);
      expect(await text(panel)).toMatch(/Red lines\s*Tripoli, Misrata, Zuwara/);
      // Turn 2: deny the Syrian fighters and the officers are Turkey's.
      turns.push(await playTurn(page, { national: [[/^Deny your forces are there/]], required: [0], end: 'key' }));
      // Denied, or already exposed (the risk runs from the fortnight it is denied).
      expect(await text(panel)).toMatch(/Your forces\s*(denied|admitted\s*Exposed)/);
      // Turn 3: push the GNA on.
      turns.push(await playTurn(page, { national: [[/^Push the client to fight on/]], required: [0], end: 'button' }));
      // Turn 4: the GNA may ask for more support; since rules version 4 (air power arriving over
      // weeks, Turkey's dated steps up) Turkey can already be on its top rung, with nothing to ask.
      const asked = async () => /GNA asks you for more support/.test((await page.locator('#backer-waiting').textContent({ timeout: 2000 }).catch(() => '')) ?? '');
      let climbPreview = '';
      const request = await asked();
      turns.push(
        await playTurn(page, {
          national: request ? [[/^Grant the client's request/], [/^Lobby against United Arab Emirates/]] : [[/^Lobby against United Arab Emirates/]],
          required: request ? [0, 1] : [0],
          end: 'button',
          onPreview: async (p) => {
            if (!climbPreview) climbPreview = await text(p);
          },
        }),
      );
      if (request) {
        // Granting the request climbs a rung, at a fortnightly cost against Turkey's tolerance.
        expect(climbPreview).toMatch(/step up to own troops and aircraft[\s\S]*a fortnight against your tolerance/);
        expect(await text(panel)).toMatch(/Own troops and aircraft/);
      } else {
        // No request in this game: Turkey is already on the top rung, own troops and aircraft (the
        // rule tests in test/sim/backer-roles.test.ts cover granting a request).
        expect(await text(panel)).toMatch(/Own troops and aircraft\s*4 \//);
      }
      // Turn 5: a one-off delivery, with its odds of going unseen.
      let deliveryPreview = '';
      turns.push(
        await playTurn(page, {
          national: [[/^Ship a one-off arms delivery/]],
          required: [0],
          end: 'key',
          onPreview: async (p) => {
            deliveryPreview = await text(p);
          },
        }),
      );
      expect(deliveryPreview).toMatch(/Odds\s*\d+% chance/);
      expect(deliveryPreview).toMatch(/chance it is exposed/);
      await screenshot(page, 'play-backer-turkey-turn-6');
      const hook = await readHook(page);
      expect(hook.turn).toBe(6);
      expect(turns.every((t) => t.cards.some((c) => c.kind === 'report'))).toBe(true);
      // The autosave records the role.
      const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('ceasefire-line:autosave') ?? 'null'));
      expect(saved.role).toBe('backer:turkey');
      expect(saved.orders.flat().filter((o: { actor: string }) => o.actor === 'backer:turkey').map((o: { kind: string }) => o.kind)).toEqual([
        'declare-red-line',
        'deny-deployment',
        'push-client',
        ...(request ? ['answer-request'] : []),
        'pressure-rival',
        'deliver-arms',
      ]);
      await waitForScene(page, 'Game');
      expect(problems.all()).toEqual([]);
    } finally {
      await close();
    }
  });
});
