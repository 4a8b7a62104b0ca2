// axe-core (WCAG 2.2 A/AA and best practices) over every screen of the built game in
// Chromium: the menu and its pages, the outcome explorer, the teacher's guides, the briefing,
// the map with a place panel and an order preview open, the place list, the shortcuts, the
// news, decision and concept cards, the turn report, the glossary, the game menu, the replay
// viewer and the ending, at 1280×720, then again with the high-contrast theme and 200% text.
// Every screen must have no violation at all.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/cli/files.ts';
import { shareLink } from '../../src/game/link.ts';
import { makeReplay, otherActorsOrders, playGame, type Role, replayText, type Scenario } from '../../src/sim/index.ts';
import { type AxeViolation, axeViolations, describeViolations } from './axe.ts';
import { openPage, screenshot, usePreview } from './harness.ts';
import { dialog, enableReducedMotion, HD, waitForScene, waitReady, whyNot } from './play-helpers.ts';

const loaded = loadScenarioFile('sirte-2020');
if (!loaded.ok) throw new Error('sirte-2020 does not load');
const sirte: Scenario = loaded.value;
const aiPolicy = (role: Role) => (s: Scenario, st: Parameters<typeof otherActorsOrders>[1]) => otherActorsOrders(s, st, null).orders.filter((o) => o.actor === role);
const SEED = 'axe-1';
const whole = playGame(sirte, SEED, { role: 'gna', policy: aiPolicy('gna'), hashEachTurn: true, difficulty: 'normal' });
const mine = whole.orders.map((turn) => turn.filter((o) => o.actor === 'gna'));

/** Violations seen, screen by screen. */
class Audit {
  readonly lines: string[] = [];
  readonly screens: string[] = [];
  constructor(private readonly page: Page, private readonly suffix: string) {}
  async check(screen: string): Promise<AxeViolation[]> {
    const name = `${screen}${this.suffix}`;
    // Let the screen settle (fonts, focus, a card opening).
    await this.page.waitForTimeout(150);
    const found = await axeViolations(this.page);
    this.screens.push(name);
    this.lines.push(...describeViolations(name, found));
    if (process.env.AXE_VERBOSE) console.log(describeViolations(name, found).join('\n') || `${name}: none`);
    return found;
  }
}

async function closeCard(page: Page): Promise<void> {
  const box = dialog(page).first();
  const handle = await box.elementHandle();
  await page.keyboard.press('Escape');
  await handle?.waitForElementState('hidden', { timeout: 10_000 }).catch(() => {});
}

/** Every screen, in the order a player meets them; `audit` is run on each. */
async function tour(page: Page, url: string, audit: Audit, shots: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load' });
  await waitReady(page, 'MainMenu');
  await audit.check('menu');
  await page.getByRole('button', { name: 'New game' }).click();
  await audit.check('menu-new-game');
  await screenshot(page, `axe-new-game${shots}`);
  await page.getByRole('button', { name: '← Back' }).click();
  for (const [label, screen] of [
    ['How to play', 'menu-how-to-play'],
    ['Settings', 'menu-settings'],
    ['Sources & credits', 'menu-credits'],
    ['Load a saved game', 'menu-load'],
  ] as const) {
    await page.getByRole('button', { name: label }).click();
    await page.getByRole('button', { name: '← Back' }).waitFor();
    await audit.check(screen);
    if (screen === 'menu-settings') await screenshot(page, `axe-settings${shots}`);
    await page.getByRole('button', { name: '← Back' }).click();
  }
  // The outcome explorer, with a small batch's results.
  await page.click('#menu-explore');
  await page.waitForSelector('.explorer [data-whatif="turkey-out"]', { timeout: 30_000 });
  await audit.check('explorer');
  await page.fill('#explore-runs', '100');
  await page.click('#explore-run');
  await page.waitForSelector('#explore-results[data-summary]', { timeout: 90_000 });
  await audit.check('explorer-results');
  await page.getByRole('button', { name: '← Back' }).first().click();
  // The teacher's guides.
  await page.getByRole('button', { name: "Teacher's guide" }).click();
  await page.getByRole('main', { name: "Teacher's guides" }).waitFor();
  await audit.check('guides');
  await page.getByRole('navigation', { name: 'Scenarios' }).getByRole('button', { name: /^Sirte Falls/ }).click();
  await page.getByRole('article', { name: 'Sirte Falls' }).waitFor();
  await audit.check('guide-sirte');
  await page.locator('#guide-back').click();

  // A game: the briefing, the map and its panels, cards, report, glossary, menu.
  await page.goto(`${url}?scenario=sirte-2020&role=gna&seed=${SEED}`, { waitUntil: 'load' });
  await waitForScene(page, 'Briefing');
  await audit.check('briefing');
  await screenshot(page, `axe-briefing${shots}`);
  await page.getByRole('button', { name: /Take command/ }).click();
  await waitForScene(page, 'Game');
  // The opening cards: news, decisions, concepts, each checked while it is up.
  for (let i = 0; i < 10; i++) {
    const box = dialog(page).first();
    try {
      await box.waitFor({ state: 'visible', timeout: 3000 });
    } catch {
      break;
    }
    const cls = (await box.getAttribute('class')) ?? '';
    const kind = cls.includes('concept-card') ? 'concept-card' : cls.includes('event-card') ? ((await box.locator('.btn.option').count()) ? 'decision-card' : 'news-card') : 'card';
    await audit.check(kind);
    await screenshot(page, `axe-${kind}${shots}`);
    await closeCard(page);
  }
  await audit.check('map');
  await screenshot(page, `axe-map${shots}`);
  // A place panel and an order preview.
  await page.keyboard.press('l');
  await page.getByRole('dialog', { name: 'All places' }).waitFor();
  await audit.check('place-list');
  await screenshot(page, `axe-place-list${shots}`);
  await page.getByRole('dialog', { name: 'All places' }).getByRole('button', { name: /^Sirte\b/ }).first().click();
  await page.locator('.sidebar.right .place-head h3', { hasText: 'Sirte' }).waitFor();
  await audit.check('place-panel');
  const order = page.locator('.sidebar.right .order-item:not(:disabled)').first();
  if (await order.count()) {
    await order.click();
    await page.locator('.sidebar.right .preview').waitFor();
    await audit.check('order-preview');
    await screenshot(page, `axe-order-preview${shots}`);
  }
  await page.keyboard.press('?');
  await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
  await audit.check('shortcuts');
  await closeCard(page);
  await page.getByRole('button', { name: 'Report' }).click();
  await dialog(page).first().waitFor();
  await audit.check('turn-report');
  await closeCard(page);
  await page.getByRole('button', { name: 'Glossary' }).click();
  await dialog(page).first().waitFor();
  await audit.check('glossary');
  await closeCard(page);
  await page.getByRole('button', { name: 'Menu', exact: true }).click();
  await dialog(page).first().waitFor();
  await audit.check('game-menu');
  await closeCard(page);

  // Classroom play (its first page, without a server), a hot-seat hand-over, a backer's map.
  await page.goto(url, { waitUntil: 'load' });
  await waitReady(page, 'MainMenu');
  await page.click('#menu-classroom');
  await page.locator('#class-back').waitFor();
  await audit.check('classroom');
  await screenshot(page, `axe-classroom${shots}`);
  await page.goto(`${url}?scenario=sirte-2020&role=gna,lna&seed=${SEED}&skip=briefing`, { waitUntil: 'load' });
  await waitForScene(page, 'Game');
  await page.locator('#handover-ready').waitFor();
  await audit.check('hot-seat-handover');
  await page.goto(`${url}?scenario=sirte-2020&role=backer:turkey&seed=${SEED}&skip=briefing`, { waitUntil: 'load' });
  await waitForScene(page, 'Game');
  for (let i = 0; i < 10; i++) {
    try {
      await dialog(page).first().waitFor({ state: 'visible', timeout: 3000 });
    } catch {
      break;
    }
    await closeCard(page);
  }
  await audit.check('map-backer');
  await screenshot(page, `axe-map-backer${shots}`);

  // The replay viewer, then the ending (a link with every order of a whole game).
  const replay = replayText(makeReplay({ scenario: sirte, seed: SEED, humans: ['gna'], difficulty: 'normal', orders: whole.orders, hashes: whole.hashes }));
  await page.goto(url, { waitUntil: 'load' });
  await waitReady(page, 'MainMenu');
  await page.locator('#replay-file').setInputFiles({ name: 'game.json', mimeType: 'application/json', buffer: Buffer.from(replay) });
  await waitForScene(page, 'Game');
  await page.getByRole('button', { name: 'One turn forward' }).click();
  await audit.check('replay-viewer');
  await screenshot(page, `axe-replay${shots}`);
  await page.goto(shareLink({ scenarioId: 'sirte-2020', role: 'gna', seed: SEED, difficulty: 'normal' }, mine, url), { waitUntil: 'load' });
  await waitForScene(page, 'Ending');
  await page.locator('#ending-title').waitFor();
  await audit.check('ending');
  await screenshot(page, `axe-ending${shots}`);

  // The tutorial's step panel over the map.
  await page.goto(`${url}?scenario=tutorial&role=gna&seed=${SEED}&skip=briefing`, { waitUntil: 'load' });
  await waitForScene(page, 'Game');
  for (let i = 0; i < 10; i++) {
    try {
      await dialog(page).first().waitFor({ state: 'visible', timeout: 3000 });
    } catch {
      break;
    }
    await closeCard(page);
  }
  await page.locator('.tutorial').waitFor();
  await audit.check('tutorial');
  await screenshot(page, `axe-tutorial${shots}`);
}

describe('accessibility: axe-core on every screen', () => {
  const server = usePreview();

  it('no violation on any screen, in the default display', { timeout: 300_000 }, async (ctx) => {
    const url = server()?.url;
    if (whyNot || !url) return ctx.skip(whyNot ?? 'no server');
    const { page, problems, close } = await openPage(url, { viewport: HD });
    try {
      await waitReady(page, 'MainMenu');
      await enableReducedMotion(page);
      const audit = new Audit(page, '');
      await tour(page, url, audit, '');
      expect(audit.screens.length).toBeGreaterThanOrEqual(27);
      expect(audit.lines).toEqual([]);
      expect(problems.all()).toEqual([]);
    } finally {
      await close();
    }
  });

  it('no violation with high contrast and 200% text, at 1280×720; the panels reflow and nothing is cut off', { timeout: 240_000 }, async (ctx) => {
    const url = server()?.url;
    if (whyNot || !url) return ctx.skip(whyNot ?? 'no server');
    const { page, problems, close } = await openPage(url, { viewport: HD });
    try {
      await waitReady(page, 'MainMenu');
      await enableReducedMotion(page);
      await page.getByRole('button', { name: 'Settings' }).click();
      await page.getByRole('combobox', { name: 'Text size' }).selectOption('200');
      await page.getByRole('checkbox', { name: /High contrast/ }).check();
      await expect.poll(() => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--text-scale').trim())).toBe('2');
      const audit = new Audit(page, ' (contrast, 200%)');
      await audit.check('menu-settings');
      await screenshot(page, 'axe-settings-200');
      // Remembered: a new page reads them back.
      await page.goto(`${url}?scenario=sirte-2020&role=gna&seed=${SEED}`, { waitUntil: 'load' });
      await waitForScene(page, 'Briefing');
      expect(await page.evaluate(() => document.documentElement.className)).toMatch(/high-contrast/);
      await audit.check('briefing');
      await screenshot(page, 'axe-briefing-200');
      await page.getByRole('button', { name: /Take command/ }).click();
      await waitForScene(page, 'Game');
      for (let i = 0; i < 10; i++) {
        const box = dialog(page).first();
        try {
          await box.waitFor({ state: 'visible', timeout: 3000 });
        } catch {
          break;
        }
        await audit.check('card');
        await closeCard(page);
      }
      await audit.check('map');
      await screenshot(page, 'axe-map-200');
      // No button of the top bar is cut off or pushed off the screen.
      const clipped = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.topbar .btn, .sidebar .tab, .sidebar .btn')]
          .filter((b) => b.offsetParent !== null)
          .filter((b) => {
            const r = b.getBoundingClientRect();
            return r.right > window.innerWidth + 1 || r.left < -1 || b.scrollWidth > b.clientWidth + 2;
          })
          .map((b) => b.textContent),
      );
      expect(clipped).toEqual([]);
      await page.keyboard.press('l');
      await page.getByRole('dialog', { name: 'All places' }).waitFor();
      await audit.check('place-list');
      await page.getByRole('dialog', { name: 'All places' }).getByRole('button', { name: /^Misrata/ }).click();
      await audit.check('place-panel');
      await screenshot(page, 'axe-place-200');
      await page.getByRole('button', { name: 'Report' }).click();
      await dialog(page).first().waitFor();
      await audit.check('turn-report');
      await screenshot(page, 'axe-report-200');
      expect(audit.lines).toEqual([]);
      expect(problems.all()).toEqual([]);
    } finally {
      await close();
    }
  });
});
