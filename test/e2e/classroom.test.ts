// Classroom play in Chromium: the built game served by the classroom server (npm run server's
// startServer), two browser contexts — one hosts a table from the main menu, the other joins
// with its code — they take seats, exchange a message, play two turns, and each sees the
// other's forces only through the fog; a reload brings the guest back to its seat. No console
// error throughout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Running, startServer } from '../../server/app.ts';
import { resetLimits } from '../../server/room.ts';
import { buildOnce, DIST, type OpenedPage, openPage, screenshot, startPreview, whyNot } from './harness.ts';

const PORT = 20_000 + ((process.pid * 13) % 20_000);
let running: Running | null = null;

describe.skipIf(whyNot)('classroom play in the browser', () => {
  beforeAll(async () => {
    buildOnce();
    resetLimits();
    running = await startServer({ port: PORT, host: '127.0.0.1', dist: DIST, dataDir: null, graceSeconds: 5 });
  });
  afterAll(async () => {
    await running?.stop();
  });

  it('host and join a table, exchange a message, play two turns through the fog', { timeout: 180_000 }, async () => {
    const url = `http://127.0.0.1:${PORT}/`;
    const pages: OpenedPage[] = [];
    try {
      const host = await openPage(url);
      pages.push(host);
      const guest = await openPage(url);
      pages.push(guest);
      for (const p of pages) await p.page.waitForSelector('#menu-classroom', { timeout: 60_000 });

      // The host opens a table on sirte-2020 with the GNA and the LNA for people.
      await host.page.click('#menu-classroom');
      await host.page.fill('#class-name', 'Teacher');
      await host.page.selectOption('#class-scenario', 'sirte-2020');
      await host.page.uncheck('input[data-seat="mediator"]');
      await host.page.fill('#class-seed', 'browser-1');
      await host.page.click('#class-host');
      await host.page.waitForSelector('#class-code-shown');
      const code = (await host.page.textContent('#class-code-shown'))!.trim();
      expect(code).toMatch(/^[A-Z]{6}$/);
      await host.page.click('[data-take="gna"]');

      // The guest joins with the code and takes the LNA.
      await guest.page.click('#menu-classroom');
      await guest.page.fill('#class-name', 'Badr');
      await guest.page.fill('#class-code', code.toLowerCase());
      await guest.page.click('#class-join');
      await guest.page.waitForSelector('[data-take="lna"]');
      await guest.page.click('[data-take="lna"]');
      await host.page.waitForFunction(() => document.querySelector('[data-seat="lna"]')?.textContent?.includes('Badr'));
      await screenshot(host.page, 'classroom-lobby');

      // A message from the LNA to the GNA, read by the host.
      await guest.page.selectOption('#class-to', 'gna');
      await guest.page.fill('#class-text', 'We will hold our fire at Sirte if you hold yours.');
      await guest.page.click('#class-send');
      await host.page.waitForFunction(() => document.querySelector('#class-messages')?.textContent?.includes('hold our fire'));

      await host.page.click('#class-start');
      for (const p of pages) await p.page.waitForSelector('#class-waiting');
      expect(await host.page.textContent('#class-waiting')).toMatch(/Turn 1.*waiting for: GNA, LNA/);

      // Turn 1: the host queues an order, both end the turn.
      const options = await host.page.$$eval('#class-order option', (os) => os.length);
      expect(options).toBeGreaterThan(5);
      await host.page.click('#class-queue-order');
      await host.page.waitForFunction(() => !document.querySelector('#class-queue')?.textContent?.includes('No orders'));
      await host.page.click('#class-end');
      await guest.page.waitForFunction(() => document.querySelector('#class-waiting')?.textContent?.includes('waiting for: LNA'));
      await guest.page.click('#class-end');
      for (const p of pages) await p.page.waitForFunction(() => document.querySelector('#class-waiting')?.textContent?.startsWith('Turn 2'));
      // Turn 2: both end it.
      await host.page.click('#class-end');
      await guest.page.click('#class-end');
      for (const p of pages) await p.page.waitForFunction(() => document.querySelector('#class-waiting')?.textContent?.startsWith('Turn 3'));
      await screenshot(guest.page, 'classroom-turn-3');

      // Each sees only its own forces exactly.
      const room = running!.colyseus;
      expect(room).toBeDefined();
      const hostForces = await host.page.$$eval('#class-forces li', (li) => li.map((x) => x.textContent ?? ''));
      const guestForces = await guest.page.$$eval('#class-forces li', (li) => li.map((x) => x.textContent ?? ''));
      expect(hostForces.length).toBeGreaterThan(0);
      expect(guestForces.length).toBeGreaterThan(0);
      for (const f of hostForces) expect(guestForces).not.toContain(f);
      // A reload: the guest comes back to the LNA seat with the code and name the browser kept.
      await guest.page.reload();
      await guest.page.click('#menu-classroom');
      expect(await guest.page.inputValue('#class-code')).toBe(code);
      expect(await guest.page.inputValue('#class-name')).toBe('Badr');
      await guest.page.click('#class-join');
      await guest.page.waitForFunction(() => document.querySelector('#class-waiting')?.textContent?.startsWith('Turn 3'));
      expect(await guest.page.textContent('#classroom h1')).toContain('Libyan National Army');
      for (const p of pages) expect(p.problems.all()).toEqual([]);
    } finally {
      for (const p of pages) await p.close();
    }
  });

  it('without a table server (the game served as single player), Play with others says so in a sentence', { timeout: 120_000 }, async () => {
    const preview = await startPreview();
    const opened = await openPage(preview.url);
    try {
      const { page, problems } = opened;
      await page.waitForSelector('#menu-classroom', { timeout: 60_000 });
      await page.click('#menu-classroom');
      await page.fill('#class-name', 'Amal');
      await page.click('#class-host');
      await page.waitForFunction(() => document.querySelector('#class-status')?.textContent?.includes('npm run server'));
      expect(await page.textContent('#class-status')).toMatch(/^No table server answered\./);
      // The only problem: the matchmaking request the static server refused.
      expect(problems.pageErrors).toEqual([]);
      expect(problems.all().every((p) => p.includes('/matchmake/'))).toBe(true);
      // The menu is still there behind Back.
      await page.click('#class-back');
      await page.waitForSelector('#menu-classroom:visible');
    } finally {
      await opened.close();
      await preview.close();
    }
  });
});
