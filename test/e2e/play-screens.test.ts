// Screenshots of the menu's pages at 1280×720 (start-up, menu, new game, how to play,
// settings, credits) and of the menu and the map at 1920×1080, reached by clicks, into
// e2e-artifacts/. The briefing, the map, an order preview, news, report, concept and glossary
// cards are taken by play-gna.test.ts, the ending by play-ending.test.ts.
import { describe, expect, it } from 'vitest';
import { openPage, screenshot, usePreview } from './harness.ts';
import { drainCards, FULL_HD, HD, waitForScene, waitReady, whyNot } from './play-helpers.ts';

describe('screens: every page of the menu, and the map in full HD', () => {
  const preview = usePreview();

  it('shows the start-up, the menu and its pages at 1280×720', { timeout: 120_000 }, async (ctx) => {
    const server = preview();
    if (whyNot || !server) return ctx.skip(whyNot ?? 'no server');
    const { page, problems, close } = await openPage(server.url, { viewport: HD, waitUntil: 'commit' });
    try {
      // As early as the page shows a scene (the preloader's bar, or already the menu).
      await page.waitForFunction(() => !!document.body?.dataset.scene, null, { timeout: 30_000 });
      await screenshot(page, 'boot');
      await waitReady(page, 'MainMenu');
      await page.getByRole('button', { name: 'New game' }).waitFor();
      await screenshot(page, 'menu');

      const pages: [string, string, string][] = [
        ['New game', 'new-game', 'Your role'],
        ['How to play', 'how-to-play', 'How to play'],
        ['Settings', 'settings', 'Display'],
        ['Sources & credits', 'credits', 'Sources & credits'],
      ];
      for (const [label, name, heading] of pages) {
        await page.getByRole('button', { name: label, exact: true }).click();
        await page.getByRole('heading', { name: heading, exact: true }).waitFor();
        await screenshot(page, name);
        await page.getByRole('button', { name: '← Back' }).click();
        await page.getByRole('button', { name: 'New game' }).waitFor();
      }

      // Larger text (a display setting, 100–200%): the menu still fits.
      await page.getByRole('button', { name: 'Settings', exact: true }).click();
      await page.getByRole('combobox', { name: 'Text size' }).selectOption('125');
      await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('large-text'))).toBe(true);
      await page.getByRole('button', { name: '← Back' }).click();
      await screenshot(page, 'menu-large-text');
      expect(problems.all()).toEqual([]);
    } finally {
      await close();
    }
  });

  it('shows the menu and the map at 1920×1080', { timeout: 120_000 }, async (ctx) => {
    const server = preview();
    if (whyNot || !server) return ctx.skip(whyNot ?? 'no server');
    const { page, problems, close } = await openPage(server.url, { viewport: FULL_HD });
    try {
      await waitReady(page, 'MainMenu');
      await screenshot(page, 'menu-1920');
      await page.goto(`${server.url}?scenario=sirte-2020&role=gna&seed=e2e-screens&skip=briefing`, { waitUntil: 'load' });
      await waitForScene(page, 'Game');
      await page.locator('button.end-turn').waitFor();
      await drainCards(page, { firstTimeoutMs: 15_000 });
      await screenshot(page, 'map-1920');
      expect(problems.all()).toEqual([]);
    } finally {
      await close();
    }
  });
});
