// The tutorial from the main menu, with real clicks and keys: the overlay's steps one by one
// (select a place on the map, queue an attack after reading its odds, end the turn with Enter,
// open the report, propose a ceasefire on the National tab, open the glossary with G, end the
// turn with the button), then play on to the ending, taking Gharyan. Screenshots of every step
// at 1280×720 (e2e-artifacts/tutorial-*.png); no console error on the way.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, screenshot, usePreview } from './harness.ts';
import {
  clickPlaceOnMap,
  dialog,
  drainCards,
  enableReducedMotion,
  endTurn,
  expectTurnAdvanced,
  HD,
  nationalTab,
  pickPlace,
  queueOrder,
  queueTexts,
  readHook,
  takeCommand,
  waitForScene,
  waitReady,
  whyNot,
} from './play-helpers.ts';

const overlay = (page: Page) => page.getByRole('region', { name: 'Tutorial' });
const step = (page: Page) => overlay(page).getAttribute('data-step');

/** Where the places of the tutorial slice are drawn at 1280×720 (clickPlaceOnMap searches around). */
const AT = { tripoli: { x: 608, y: 376 }, airport: { x: 600, y: 447 } };

async function select(page: Page, name: string, guess: { x: number; y: number }): Promise<boolean> {
  if (await clickPlaceOnMap(page, name, guess)) return true;
  await pickPlace(page, name);
  return false;
}

describe('the tutorial, from the menu to its ending', () => {
  const preview = usePreview();

  it('is completed with clicks and keys, step by step, and won', { timeout: 300_000 }, async (ctx) => {
    const server = preview();
    if (whyNot || !server) return ctx.skip(whyNot ?? 'no server');
    const { page, problems, close } = await openPage(server.url, { viewport: HD });
    try {
      await waitReady(page, 'MainMenu');
      await enableReducedMotion(page);

      // New game: the tutorial is first in the list and marked as the place to start.
      await page.getByRole('button', { name: 'New game' }).click();
      const scenarios = page.getByRole('group', { name: 'Scenario' }).getByRole('button');
      await expect.poll(() => scenarios.first().textContent()).toContain('Tutorial');
      await expect.poll(() => scenarios.first().textContent()).toContain('Start here');
      await scenarios.first().click();
      await expect.poll(() => scenarios.first().getAttribute('aria-pressed')).toBe('true');
      // Only the GNA can be played in the tutorial.
      const roles = page.getByRole('group', { name: 'Role' });
      expect(await roles.getByRole('button', { name: /^LNA/ }).isDisabled()).toBe(true);
      await roles.getByRole('button', { name: /^GNA/ }).click();
      const seed = page.getByRole('textbox', { name: 'Seed' });
      await seed.click();
      await seed.press('Control+a');
      await seed.pressSequentially('e2e-tutorial');
      await screenshot(page, 'tutorial-new-game');
      await page.getByRole('button', { name: /Read the briefing/ }).click();
      await waitForScene(page, 'Briefing');
      await takeCommand(page);
      await drainCards(page, { firstTimeoutMs: 15_000 });

      // 1. Welcome: Next.
      await overlay(page).waitFor();
      expect(await step(page)).toBe('welcome');
      await expect.poll(() => overlay(page).textContent()).toContain('step 1 of 9');
      await screenshot(page, 'tutorial-1-welcome');
      await overlay(page).getByRole('button', { name: 'Next' }).click();

      // 2. Select Tripoli, on the map.
      await expect.poll(() => step(page)).toBe('select-tripoli');
      await screenshot(page, 'tutorial-2-select');
      const onMap = await select(page, 'Tripoli', AT.tripoli);

      // 3. Select the old airport and queue the attack, reading its odds first.
      await expect.poll(() => step(page)).toBe('attack-airport');
      await select(page, 'Tripoli International Airport', AT.airport);
      const queued = await queueOrder(page, [/^Attack Tripoli International Airport from Tripoli/], {
        beforeAdd: async (preview) => {
          await expect.poll(() => preview.textContent()).toMatch(/\d+% chance of success/);
          await screenshot(page, 'tutorial-3-odds');
        },
      });
      expect(queued).not.toBeNull();

      // 4. End the turn with Enter.
      await expect.poll(() => step(page)).toBe('end-turn-1');
      await screenshot(page, 'tutorial-4-end-turn');
      const first = await endTurn(page, 'key');
      expectTurnAdvanced(first);

      // 5. Open the report again with its button.
      await expect.poll(() => step(page)).toBe('report');
      await screenshot(page, 'tutorial-5-report');
      await page.locator('.topbar').getByRole('button', { name: 'Report' }).click();
      const report = await drainCards(page, { firstTimeoutMs: 5_000 });
      expect(report.map((c) => c.kind)).toContain('report');

      // 6. Propose a ceasefire on the National tab.
      await expect.poll(() => step(page)).toBe('talks');
      await screenshot(page, 'tutorial-6-talks');
      await nationalTab(page);
      expect(await queueOrder(page, [/^Propose a ceasefire/])).not.toBeNull();

      // 7. The glossary, with the G key.
      await expect.poll(() => step(page)).toBe('glossary');
      await overlay(page).locator('p').first().click();
      await page.keyboard.press('g');
      await dialog(page).first().waitFor();
      await screenshot(page, 'tutorial-7-glossary');
      const glossary = await drainCards(page, { firstTimeoutMs: 5_000 });
      expect(glossary.map((c) => c.kind)).toContain('glossary');

      // 8. End the turn with the button.
      await expect.poll(() => step(page)).toBe('end-turn-2');
      expect(await queueTexts(page)).toContain('Propose a ceasefire');
      const second = await endTurn(page, 'button');
      expectTurnAdvanced(second);

      // 9. The goal; Finish closes the overlay.
      await expect.poll(() => step(page)).toBe('goal');
      await screenshot(page, 'tutorial-9-goal');
      await overlay(page).getByRole('button', { name: /Finish/ }).click();
      await expect.poll(() => overlay(page).isHidden()).toBe(true);

      // Play on: bring fighters up to the old airport and attack Gharyan from it.
      for (let guard = 0; guard < 8 && (await readHook(page)).scene === 'Game'; guard++) {
        await pickPlace(page, 'Gharyan');
        await queueOrder(page, [/^Attack Gharyan from/]);
        await pickPlace(page, 'Tripoli International Airport');
        await queueOrder(page, [/^Attack Tripoli International Airport from/, /^Move .* to Tripoli International Airport/]);
        await queueOrder(page, [/^Move .* to Tripoli International Airport/]);
        const r = await endTurn(page, guard % 2 ? 'button' : 'key', { stopAtScene: 'Ending' });
        expectTurnAdvanced(r);
      }
      await waitForScene(page, 'Ending');
      const end = await readHook(page);
      await screenshot(page, 'tutorial-ending');
      expect(end.ending?.kind).toBe('military-victory');
      expect(end.ending?.winner).toBe('gna');
      expect(onMap, 'Tripoli was found on the map').toBe(true);
      expect(problems.all()).toEqual([]);
    } finally {
      await close();
    }
  });
});
