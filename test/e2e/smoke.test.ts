// Smoke test of the built game in headless Chromium: the page opens with no console error, no
// page error and no failed request, and exposes the test hook. Skips (with the reason) when
// there is no index.html yet or no Chromium (apt-get install -y chromium).
import { describe, expect, it } from 'vitest';
import { openPage, screenshot, usePreview, whyNot } from './harness.ts';

/** The hook the game installs on window (src/game/app.ts): the contract this test relies on. */
interface Hook {
  scene?: string;
  readyAt?: number;
}

describe('smoke: the built game', () => {
  const preview = usePreview();

  it('opens with no console errors, page errors or failed requests, and exposes window.ceasefireLine', async (ctx) => {
    const server = preview();
    if (whyNot || !server) return ctx.skip(whyNot ?? 'no server');
    const { page, problems, close } = await openPage(server.url);
    try {
      // CONTRACT with src/main.ts: window.ceasefireLine exists and names the scene on screen.
      await page.waitForFunction(() => (window as unknown as { ceasefireLine?: Hook }).ceasefireLine?.scene, null, {
        timeout: 30_000,
      });
      // Let start-up finish (the menu sets readyAt) so that late errors are caught too.
      await page
        .waitForFunction(() => (window as unknown as { ceasefireLine?: Hook }).ceasefireLine?.readyAt !== undefined, null, {
          timeout: 20_000,
        })
        .catch(() => {});
      await page.waitForTimeout(500);
      const hook = await page.evaluate(() => {
        const h = (window as unknown as { ceasefireLine?: Hook }).ceasefireLine;
        return h ? { scene: h.scene, readyAt: h.readyAt } : null;
      });
      await screenshot(page, 'smoke-first-screen');
      expect(hook, 'window.ceasefireLine is missing').not.toBeNull();
      expect(hook?.scene, 'window.ceasefireLine.scene is undefined').toBeDefined();
      expect(problems.all()).toEqual([]);
    } finally {
      await close();
    }
  });

  it('fetches no sound before the first gesture; a real click starts it cleanly', async (ctx) => {
    const server = preview();
    if (whyNot || !server) return ctx.skip(whyNot ?? 'no server');
    const { page, problems, close } = await openPage(server.url);
    const audio: string[] = [];
    page.on('requestfinished', (r) => {
      if (/\/audio\/[^/]+$/.test(new URL(r.url()).pathname)) audio.push(r.url());
    });
    try {
      await page.waitForFunction(() => (window as unknown as { ceasefireLine?: Hook }).ceasefireLine?.scene, null, {
        timeout: 30_000,
      });
      await page.waitForTimeout(1000);
      expect(audio, 'sound files were fetched before any gesture').toEqual([]);
      const contextBefore = await page.evaluate(
        () => (window as unknown as { Howler?: { ctx?: AudioContext } }).Howler?.ctx?.state ?? 'none',
      );
      expect(contextBefore, 'an AudioContext was opened before any gesture').toBe('none');

      // A real pointer click in a corner (page.evaluate would count as a gesture and hide problems).
      await page.mouse.click(2, 2);
      await expect.poll(() => audio.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(11);
      await expect
        .poll(() => page.evaluate(() => (window as unknown as { Howler?: { ctx?: AudioContext } }).Howler?.ctx?.state ?? 'none'), {
          timeout: 5_000,
        })
        .toBe('running');
      await page.waitForTimeout(500);
      expect(problems.all()).toEqual([]);
    } finally {
      await close();
    }
  });
});
