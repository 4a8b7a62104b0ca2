// Classroom play in Chromium: the built game served by the classroom server (npm run server's
// startServer), two browser contexts — one hosts a table from the main menu, the other joins
// with its code — they take seats and, once the host starts, play on the game screen of a single
// game (the map, the panels, the order previews with their odds from the server, the turn
// reports) with the table's waiting line and messages beside the map; each sees the other's
// forces only through the fog; a reload brings the guest back to its seat. No console error.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Running, startServer } from '../../server/app.ts';
import { resetLimits } from '../../server/room.ts';
import { scenarioFor } from '../../server/scenarios.ts';
import { loadReplay } from '../../src/sim/index.ts';
import { buildOnce, DIST, type OpenedPage, openPage, screenshot, startPreview, whyNot } from './harness.ts';
import { drainCards, HD, nationalTab, queueOrder, queueTexts, readHook, waitForScene } from './play-helpers.ts';

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

  it('host and join a table, then play it on the game screen: the map, the panels, the odds, the reports, the messages, through the fog', { timeout: 240_000 }, async () => {
    const url = `http://127.0.0.1:${PORT}/`;
    const pages: OpenedPage[] = [];
    try {
      const host = await openPage(url, { viewport: HD });
      pages.push(host);
      const guest = await openPage(url, { viewport: HD });
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

      // A message in the lobby, from the LNA to the GNA.
      await guest.page.selectOption('#class-to', 'gna');
      await guest.page.fill('#class-text', 'We will hold our fire at Sirte if you hold yours.');
      await guest.page.click('#class-send');
      await host.page.waitForFunction(() => document.querySelector('#class-messages')?.textContent?.includes('hold our fire'));

      // The host starts: both are on the game screen of a single game, the map drawn.
      await host.page.click('#class-start');
      for (const { page } of pages) {
        await waitForScene(page, 'Game');
        await page.locator('button.end-turn').waitFor();
        await page.waitForFunction(() => {
          const hook = (window as unknown as { ceasefireLine: { mapForces: string[]; areas: { holders: Record<string, string> } | null } }).ceasefireLine;
          return hook.mapForces.length > 0 && hook.areas !== null && Object.keys(hook.areas.holders).length > 10;
        });
        const canvas = await page.locator('canvas').boundingBox();
        expect(canvas!.width).toBeGreaterThan(600);
        // The opening news and concept cards, as in a single game.
        await drainCards(page, { firstTimeoutMs: 5_000 });
        expect(await page.locator('.sidebar.left').textContent()).toContain('Libya');
        expect(await page.locator('#table-waiting').textContent()).toBe('Waiting for: GNA, LNA');
      }
      // The lobby's message is in the messages panel beside the map.
      expect(await host.page.textContent('#table-messages')).toContain('hold our fire');
      expect(await host.page.textContent('.topbar')).toContain('GNA');
      expect(await guest.page.textContent('.topbar')).toContain('LNA');

      // The host queues an order with its odds shown before it is queued: the server's preview
      // (Qatar and Italy are the computer's; Turkey, a seat for people, would answer itself).
      await nationalTab(host.page);
      let odds = '';
      const queued = await queueOrder(host.page, [/^Ask Qatar for more support/, /^Ask Italy for more support/, /^Air or drone strike/], {
        beforeAdd: async (preview) => {
          await screenshot(host.page, 'classroom-order-preview');
          odds = ((await preview.locator('dd', { hasText: 'chance of success' }).textContent({ timeout: 5_000 })) ?? '').trim();
        },
      });
      expect(queued).not.toBeNull();
      expect(odds).toMatch(/^\d{1,2}% chance of success/);
      expect(await queueTexts(host.page)).toEqual([queued!.text]);
      await expect.poll(() => host.page.textContent('.topbar .stat:has(.k:text("Orders")) .v')).toMatch(/^[1-9] of \d/);

      // The guest writes from the game screen; the host reads it beside the map.
      await guest.page.selectOption('#table-to', 'gna');
      await guest.page.fill('#table-text', 'Your drones over Sirte break our word.');
      await guest.page.click('#table-send');
      await host.page.waitForFunction(() => document.querySelector('#table-messages')?.textContent?.includes('break our word'));
      await screenshot(host.page, 'classroom-game-host');
      // The host plays a seat: the record (every seat's orders) waits for the end of the table.
      expect(await host.page.locator('#table-record').isDisabled()).toBe(true);
      expect(await host.page.getAttribute('#table-record', 'title')).toMatch(/once the table has ended/);

      // Turn 1: the host ends it; the table waits for the LNA; the guest ends it; both get the report.
      for (let turn = 1; turn <= 2; turn++) {
        await host.page.click('button.end-turn');
        await host.page.waitForFunction(() => document.querySelector('#table-waiting')?.textContent === 'You have ended the turn. Waiting for: LNA');
        await guest.page.waitForFunction(() => document.querySelector('#table-waiting')?.textContent === 'Waiting for: LNA');
        expect(await host.page.locator('button.end-turn').isDisabled()).toBe(true);
        await guest.page.click('button.end-turn');
        for (const { page } of pages) {
          const cards = await drainCards(page, {
            firstTimeoutMs: 30_000,
            onCard: async (card) => {
              if (card.kind === 'report' && turn === 1) await screenshot(page, `classroom-report-${page === host.page ? 'host' : 'guest'}`);
            },
          });
          expect(cards.some((c) => c.kind === 'report')).toBe(true);
          expect((await readHook(page)).turn).toBe(turn + 1);
          expect(await page.locator('#table-waiting').textContent()).toBe('Waiting for: GNA, LNA');
        }
      }

      // Each sees the other's forces only through the fog: Benghazi's LNA garrison is exact for
      // the LNA, an estimate for the GNA.
      const benghazi = async (page: OpenedPage['page']) => {
        await page.selectOption('select.place-picker', 'benghazi');
        await page.locator('.place-head h3', { hasText: 'Benghazi' }).waitFor();
        return (await page.locator('.forces .force').first().textContent()) ?? '';
      };
      expect(await benghazi(host.page)).toMatch(/LNA~\d/);
      expect(await benghazi(guest.page)).toMatch(/LNA\d/);
      await screenshot(guest.page, 'classroom-game-guest');

      // A reload: the guest comes back to the LNA seat with the code and name the browser kept.
      await guest.page.reload();
      await guest.page.click('#menu-classroom');
      expect(await guest.page.inputValue('#class-code')).toBe(code);
      expect(await guest.page.inputValue('#class-name')).toBe('Badr');
      await guest.page.click('#class-join');
      await waitForScene(guest.page, 'Game');
      await guest.page.waitForFunction(() => (window as unknown as { ceasefireLine: { turn: number } }).ceasefireLine.turn === 3);
      expect(await guest.page.textContent('.topbar')).toContain('LNA');
      for (const p of pages) expect(p.problems.all()).toEqual([]);
    } finally {
      for (const p of pages) await p.close();
    }
  });

  it('a table that ends goes to the ending screen of a single game, with a replay download that verifies', { timeout: 240_000 }, async () => {
    resetLimits();
    const url = `http://127.0.0.1:${PORT}/`;
    const opened = await openPage(url, { viewport: HD });
    try {
      const { page, problems } = opened;
      await page.waitForSelector('#menu-classroom', { timeout: 60_000 });
      await page.click('#menu-classroom');
      await page.fill('#class-name', 'Chiara');
      // Geneva 2020: eight fortnights, the mediator's seat the only one for people.
      await page.selectOption('#class-scenario', 'geneva-2020');
      for (const box of await page.$$('input[data-seat]')) if ((await box.getAttribute('data-seat')) !== 'mediator') await box.uncheck();
      await page.fill('#class-seed', 'browser-end');
      await page.click('#class-host');
      await page.waitForSelector('#class-code-shown');
      const code = (await page.textContent('#class-code-shown'))!.trim();
      await page.waitForSelector('[data-take="mediator"]');
      await page.click('[data-take="mediator"]');
      await page.waitForFunction(() => document.querySelector('[data-seat="mediator"]')?.textContent?.includes('Chiara'));
      await page.click('#class-start');
      await waitForScene(page, 'Game');
      for (let turn = 1; turn <= 9 && (await readHook(page)).scene === 'Game'; turn++) {
        await drainCards(page, { firstTimeoutMs: turn === 1 ? 5_000 : 30_000, stopAtScene: 'Ending' });
        if ((await readHook(page)).scene !== 'Game') break;
        await expect.poll(() => page.locator('button.end-turn').isEnabled(), { timeout: 10_000 }).toBe(true);
        await page.click('button.end-turn');
        await page.waitForFunction((t) => {
          const h = (window as unknown as { ceasefireLine: { turn: number; scene: string; ending: unknown } }).ceasefireLine;
          return h.turn > t || h.ending !== null || h.scene === 'Ending';
        }, turn);
      }
      await drainCards(page, { firstTimeoutMs: 2_000, stopAtScene: 'Ending' });
      await waitForScene(page, 'Ending', 60_000);
      const hook = await readHook(page);
      expect(hook.ending).not.toBeNull();
      await page.locator('#ending-title').waitFor();
      await screenshot(page, 'classroom-ending');
      // The replay download: the whole table, as the server played it, verified by the core.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download replay' }).click()]);
      const text = readFileSync((await download.path())!, 'utf8');
      const sc = scenarioFor('geneva-2020', []);
      if (!sc.ok) throw new Error(sc.message);
      const verified = loadReplay(text, (id) => (id === 'geneva-2020' ? sc.scenario : undefined));
      expect(verified.ok).toBe(true);
      // The table as the server wrote it down (its room has closed: no one is at it any more).
      const served = await running!.store.load((await running!.store.idByCode(code))!);
      expect(served?.status).toBe('ended');
      if (verified.ok) expect(verified.value.frames.at(-1)?.hash).toBe(served?.turns.at(-1)?.hash);
      expect(hook.hash).toBe(served?.turns.at(-1)?.hash);
      expect(problems.all()).toEqual([]);
    } finally {
      await opened.close();
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
