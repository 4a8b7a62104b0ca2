// Notices that must not wait for the mouse: the render loop sleeps when the page is idle
// (src/scenes/loop.ts), and a notice raised while it sleeps must still show at once. Nothing
// here moves the pointer or presses a key: files are given to the file input, buttons are
// clicked by script (no pointer event), and the page is only read.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, screenshot, usePreview } from './harness.ts';
import { HD, waitForScene, waitReady, whyNot } from './play-helpers.ts';

/** Long enough for the idle loop (400 ms) to have gone to sleep. */
const asleep = (page: Page) => page.waitForTimeout(1200);

/** What the page shows within `ms`, polled without touching it. */
async function noticeWithin(page: Page, selector: string, ms: number): Promise<string> {
  const start = Date.now();
  while (Date.now() - start < ms) {
    const text = await page.evaluate((s) => document.querySelector(s)?.textContent ?? '', selector);
    if (text) return text;
    await page.waitForTimeout(100);
  }
  return '';
}

describe('notices show at once, with no pointer movement', () => {
  const server = usePreview();

  it('a refused replay file, and a save that does not rebuild on Continue', async (ctx) => {
    const url = server()?.url;
    if (whyNot || !url) return ctx.skip(whyNot ?? 'no server');
    const { page, problems, close } = await openPage(url, { viewport: HD, waitUntil: 'none' });
    const pointer: string[] = [];
    await page.exposeFunction('__pointerSeen', (type: string) => pointer.push(type));
    await page.addInitScript(() => {
      for (const type of ['pointermove', 'pointerdown', 'mousemove', 'keydown']) {
        window.addEventListener(type, () => (window as unknown as { __pointerSeen(t: string): void }).__pointerSeen(type), true);
      }
    });
    try {
      await page.goto(url, { waitUntil: 'load' });
      await waitReady(page, 'MainMenu');
      await asleep(page);
      // A hostile replay file (not JSON): the menu's notice, at once.
      await page.locator('#replay-file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"ceasefire-line-replay","version":') });
      expect(await noticeWithin(page, '.menu .notice[role=alert]', 3000)).toMatch(/not readable JSON/);
      await screenshot(page, 'notice-replay-no-pointer');

      // A save that parses but does not rebuild to its hashes: Continue, clicked by script.
      const save = { version: 2, scenarioId: 'sirte-2020', seed: 'n1', role: 'gna', difficulty: 'normal', orders: [[]], hashes: ['0123456789abcdef'] };
      await page.evaluate((text) => localStorage.setItem('ceasefire-line:autosave', text), JSON.stringify(save));
      await page.reload({ waitUntil: 'load' });
      await waitReady(page, 'MainMenu');
      await page.waitForFunction(() => !(document.querySelector('.menu-buttons .btn:nth-child(2)') as HTMLButtonElement | null)?.disabled);
      await asleep(page);
      await page.evaluate(() => {
        const cont = [...document.querySelectorAll<HTMLButtonElement>('.menu-buttons .btn')].find((b) => b.textContent === 'Continue');
        cont?.click();
      });
      expect(await noticeWithin(page, '.menu .notice[role=alert]', 4000)).toMatch(/kept aside|set aside|does not|differs|cannot/i);
      await screenshot(page, 'notice-save-no-pointer');
      expect(pointer).toEqual([]);
      expect(problems.all()).toEqual([]);
    } finally {
      await close();
    }
  });

  it('a link whose seed is cleaned or whose difficulty is unknown says so over the briefing', async (ctx) => {
    const url = server()?.url;
    if (whyNot || !url) return ctx.skip(whyNot ?? 'no server');
    const link = `${url}?${new URLSearchParams({ scenario: 'sirte-2020', role: 'gna', seed: 'ab😀<b>c', difficulty: 'nightmare' })}`;
    const { page, problems, close } = await openPage(link, { viewport: HD });
    try {
      await waitForScene(page, 'Briefing');
      const texts = await page.locator('.notices .notice').allInnerTexts();
      expect(texts.join('\n')).toMatch(/seed was changed to "abbc"/);
      expect(texts.join('\n')).toMatch(/difficulty this game does not have \("nightmare"\)/);
      await screenshot(page, 'notice-link-cleaned');
      // Closed with its own button; focus is not needed for it to show.
      await page.locator('.notices .notice').first().getByRole('button', { name: 'Close this notice' }).click();
      await expect.poll(() => page.locator('.notices .notice').count()).toBe(1);
      expect(problems.all()).toEqual([]);
    } finally {
      await close();
    }
  });
});
