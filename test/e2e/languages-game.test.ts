// The game screen in Arabic, French, Italian and the pseudo-locale (issue 20): sirte-2020 opened
// from a link with ?lang=…, two turns played with clicks that never read a label (ids, data-hook
// and place ids only), and the page measured from the DOM:
// - qps: every visible text of the game layer is pseudo-localised, but for what is marked lang=en
//   (scenario content and the sim core's words, English for now);
// - ar: the page is right to left, the side panels swap sides (the indicators at the reading
//   start, the right), their text starts at the right, no button or label clips its text, and the
//   map canvas is not mirrored;
// - a game saved in Arabic loads in French with the same state hash.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PSEUDO_MARK } from '../../src/i18n/index.ts';
import { openPage, screenshot, usePreview } from './harness.ts';
import { dialog, drainCards, endTurn, HD, latinLeft, readHook, waitForScene, whyNot } from './play-helpers.ts';

const SEED = 'e2e-lang-7';

/** Opens the first order in the panel that can be added now and adds it; false when none could be. */
async function queueFirst(page: Page): Promise<boolean> {
  const panel = page.locator('#panel-orders');
  const items = panel.locator('.order-list button.order-item:not([disabled])');
  const count = await items.count();
  for (let i = 0; i < count; i++) {
    const before = await panel.locator('.queue-item').count();
    await items.nth(i).click();
    const preview = panel.locator('.preview');
    await preview.waitFor();
    const add = preview.locator('.btn-row .btn.primary');
    if ((await add.count()) === 0) {
      await panel.locator('.order-list button.order-item[aria-expanded="true"]').click();
      await preview.waitFor({ state: 'detached' });
      continue;
    }
    await add.click();
    await expect.poll(() => panel.locator('.queue-item').count()).toBe(before + 1);
    return true;
  }
  return false;
}

/** One turn: an order at a place (picked by id in the place picker), a national order, End turn. */
async function playTurn(page: Page, place: string): Promise<void> {
  await page.locator('#panel-orders select.place-picker').selectOption(place);
  await page.locator('#panel-orders .place-head h3').waitFor();
  expect(await queueFirst(page), `an order at ${place}`).toBe(true);
  await page.locator('[data-hook="national-tab"]').click();
  await expect.poll(() => page.locator('[data-hook="national-tab"]').getAttribute('aria-selected')).toBe('true');
  expect(await queueFirst(page), 'a national order').toBe(true);
  const r = await endTurn(page, 'button');
  expect(r.after.turn).toBe(r.before.turn + 1);
  expect(r.after.hash).not.toBe(r.before.hash);
  expect(r.cards.length, 'the turn report (and any news) showed').toBeGreaterThan(0);
}

/** From the link to the game screen: the briefing's primary button, then the opening cards. */
async function openGame(page: Page, base: string, lang: string): Promise<void> {
  // Turns resolve without map animations (the system's setting, followed until the player chooses).
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`${base}?lang=${lang}&scenario=sirte-2020&role=gna&seed=${SEED}`, { waitUntil: 'load' });
  await waitForScene(page, 'Briefing');
  await page.locator('.layer-briefing button.primary').last().click();
  await waitForScene(page, 'Game');
  await page.locator('button.end-turn').waitFor();
  await drainCards(page, { firstTimeoutMs: 15_000 });
}

/** Visible text of the game layer (outside lang=en elements, dialogs of English content included) that is not pseudo-localised. */
function notPseudo(page: Page): Promise<string[]> {
  return page.evaluate((mark) => {
    const pseudo = new RegExp(mark);
    const root = document.querySelector('.layer-game');
    if (!root) return ['no game layer'];
    const bad: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.nodeValue ?? '').trim();
      if (!/[A-Za-z]/.test(text)) continue;
      const el = n.parentElement;
      if (!el || el.closest('[lang="en"], option, select')) continue;
      if (!el.checkVisibility({ visibilityProperty: true })) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (!pseudo.test(text)) bad.push(`${el.tagName.toLowerCase()}.${el.className}: ${text}`);
    }
    return bad;
  }, PSEUDO_MARK.source);
}

interface RtlReport {
  dir: string;
  panelDirections: string[];
  indicators: { left: number; right: number };
  orders: { left: number; right: number };
  width: number;
  /** Block texts whose first line does not start at their box's right edge. */
  notRight: string[];
  clipped: string[];
  canvasTransform: string;
}

function measureRtl(page: Page): Promise<RtlReport> {
  return page.evaluate(() => {
    const rect = (sel: string) => {
      const r = document.querySelector(sel)?.getBoundingClientRect();
      return { left: Math.round(r?.left ?? -1), right: Math.round(r?.right ?? -1) };
    };
    const visible = (el: Element) => (el as HTMLElement).checkVisibility({ visibilityProperty: true }) && el.getBoundingClientRect().width > 0;
    const notRight: string[] = [];
    const blocks = document.querySelectorAll<HTMLElement>('.layer-game .sidebar h2, .layer-game .sidebar .empty, .layer-game .sidebar .order-group, .layer-game .sidebar .indicators > span:first-child, .layer-game .sidebar p');
    for (const el of blocks) {
      // English content (marked lang=en dir=ltr) keeps to the left, as it should.
      if (!visible(el) || !el.firstChild || el.closest('[lang="en"]')) continue;
      const style = getComputedStyle(el);
      if (style.display === 'flex' && style.flexDirection === 'row' && style.direction === 'rtl') continue;
      const range = document.createRange();
      range.selectNodeContents(el);
      const first = range.getClientRects()[0];
      if (!first) continue;
      const box = el.getBoundingClientRect();
      const end = box.right - Number.parseFloat(style.paddingRight) - Number.parseFloat(style.borderRightWidth);
      if (Math.abs(first.right - end) > 3) notRight.push(`${el.tagName.toLowerCase()}.${el.className} (${Math.round(first.right)} vs ${Math.round(end)}): ${el.textContent?.slice(0, 40)}`);
    }
    const clipped: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('.layer-game button, .layer-game label, .layer-game .stat .k, .layer-game .stat .v, .layer-game [role=tab], .layer-game .tag, .layer-game .order-group')) {
      if (!visible(el) || el.clientWidth === 0) continue;
      if (el.scrollWidth > el.clientWidth + 1) clipped.push(`${el.tagName.toLowerCase()}.${el.className} ${el.scrollWidth}>${el.clientWidth}: ${el.textContent?.trim().slice(0, 40)}`);
    }
    return {
      dir: document.documentElement.dir,
      panelDirections: ['#panel-indicators', '#panel-orders', '.topbar'].map((s) => getComputedStyle(document.querySelector(s) as Element).direction),
      indicators: rect('#panel-indicators'),
      orders: rect('#panel-orders'),
      width: window.innerWidth,
      notRight,
      clipped,
      canvasTransform: getComputedStyle(document.querySelector('canvas') as Element).transform,
    };
  });
}

describe('the game screen in Arabic, French, Italian and the pseudo-locale', () => {
  const preview = usePreview();

  it('qps: two turns; every visible text of the game layer is pseudo-localised but what is marked lang=en', { timeout: 240_000 }, async (ctx) => {
    const server = preview();
    if (whyNot || !server) return ctx.skip(whyNot ?? 'no server');
    const { page, problems, close } = await openPage(server.url, { viewport: HD, waitUntil: 'none' });
    try {
      await openGame(page, server.url, 'qps');
      expect(await notPseudo(page)).toEqual([]);
      await playTurn(page, 'abu-grein');
      // A place open, its forces and orders shown, a preview open: all of it pseudo-localised.
      await page.locator('#panel-orders select.place-picker').selectOption('misrata');
      await page.locator('#panel-orders .order-list button.order-item:not([disabled])').first().click();
      await page.locator('#panel-orders .preview').waitFor();
      expect(await notPseudo(page)).toEqual([]);
      await page.locator('#panel-orders .order-list button.order-item[aria-expanded="true"]').click();
      await playTurn(page, 'misrata');
      // The place list and the keyboard shortcuts (dialogs of the game layer).
      await page.keyboard.press('l');
      await dialog(page).waitFor();
      expect(await notPseudo(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await dialog(page).waitFor({ state: 'detached' });
      expect(await notPseudo(page)).toEqual([]);
      await page.keyboard.press('?');
      await dialog(page).waitFor();
      expect(await notPseudo(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await dialog(page).waitFor({ state: 'detached' });
      // The game's own menu (save, share).
      await page.locator('[data-focus-key="top:menu"]').click();
      await dialog(page).waitFor();
      expect(await notPseudo(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await dialog(page).waitFor({ state: 'detached' });
      // The glossary: concept cards, actors, places and terms (levels/glossary.json's text, from the content catalogues).
      await page.locator('[data-hook="glossary"]').click();
      await dialog(page).waitFor();
      await expect.poll(() => dialog(page).locator('.glossary-entry').count()).toBeGreaterThan(20);
      for (const d of await dialog(page).locator('details').all()) await d.evaluate((x) => ((x as HTMLDetailsElement).open = true));
      expect(await notPseudo(page)).toEqual([]);
      expect(await dialog(page).locator('[lang="en"]').count()).toBe(0);
      await page.keyboard.press('Escape');
      await dialog(page).waitFor({ state: 'detached' });
      await screenshot(page, 'languages-game-qps');
      expect(problems.all()).toEqual([]);
    } finally {
      await close();
    }
  });

  it('ar: right to left, panels mirrored, nothing clipped, the map not mirrored; a save made in Arabic loads in French with the same hash', { timeout: 300_000 }, async (ctx) => {
    const server = preview();
    if (whyNot || !server) return ctx.skip(whyNot ?? 'no server');
    const { page, problems, close } = await openPage(server.url, { viewport: HD, waitUntil: 'none' });
    try {
      await openGame(page, server.url, 'ar');
      await playTurn(page, 'abu-grein');
      await page.locator('#panel-orders select.place-picker').selectOption('sirte');
      await page.locator('#panel-orders .place-head h3').waitFor();
      await playTurn(page, 'misrata');
      await page.locator('#panel-orders select.place-picker').selectOption('sirte');
      await page.locator('#panel-orders .place-head h3').waitFor();
      await screenshot(page, 'languages-game-ar');

      const m = await measureRtl(page);
      expect(m.dir).toBe('rtl');
      expect(m.panelDirections).toEqual(['rtl', 'rtl', 'rtl']);
      // The indicators (the reading start) on the right, the place and its orders on the left.
      expect(m.indicators.left, 'the indicators panel stands on the right').toBeGreaterThan(m.width / 2);
      expect(m.orders.right, 'the orders panel stands on the left').toBeLessThan(m.width / 2);
      expect(m.notRight).toEqual([]);
      expect(m.clipped).toEqual([]);
      expect(m.canvasTransform).toBe('none');
      // Arabic text in the panels, English only where marked lang=en.
      expect(await page.locator('#panel-indicators h2').first().textContent()).toMatch(/[\u0600-\u06ff]/);
      expect(await page.locator('button.end-turn').textContent()).toContain('إنهاء الدور');
      // No English left on screen: nothing marked English, no run of English words (names that
      // stay Latin, like "5+5" or a unit, are single tokens).
      expect(await latinLeft(page, '.layer-game')).toEqual([]);
      // The glossary in Arabic: concept cards, actors, places and terms.
      await page.locator('[data-hook="glossary"]').click();
      await dialog(page).waitFor();
      await expect.poll(() => dialog(page).locator('.glossary-entry').count()).toBeGreaterThan(20);
      expect(await dialog(page).locator('.glossary-entry h3').first().textContent()).toMatch(/[\u0600-\u06ff]/);
      expect(await latinLeft(page, '.layer-game')).toEqual([]);
      await page.keyboard.press('Escape');
      await dialog(page).waitFor({ state: 'detached' });

      // Saved in a slot from the game's menu…
      await page.locator('[data-focus-key="top:menu"]').click();
      const slot = await page.locator('#save-slot').inputValue();
      await page.locator('#save-button').click();
      await expect.poll(() => page.locator('.modal [role=status]').textContent()).toMatch(/[\u0600-\u06ff]/);
      await page.keyboard.press('Escape');
      const saved = await readHook(page);
      expect(saved.turn).toBe(3);

      // …and loaded in French: the same game, the same hash, the screen in French.
      await page.goto(`${server.url}?lang=fr`, { waitUntil: 'load' });
      await waitForScene(page, 'MainMenu');
      await page.locator('#menu-load').click();
      await page.locator(`[data-slot="${slot}"] .btn.primary`).click();
      await waitForScene(page, 'Game');
      await page.locator('button.end-turn').waitFor();
      await drainCards(page, { firstTimeoutMs: 3_000 });
      const loaded = await readHook(page);
      expect(loaded.turn).toBe(saved.turn);
      expect(loaded.hash).toBe(saved.hash);
      expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['fr', 'ltr']);
      expect(await page.locator('button.end-turn').textContent()).toContain('Finir le tour');
      await screenshot(page, 'languages-game-fr-loaded');
      expect(problems.all()).toEqual([]);
    } finally {
      await close();
    }
  });

  for (const [lang, endTurnLabel] of [
    ['fr', 'Finir le tour'],
    ['it', 'Fine turno'],
  ] as const) {
    it(`${lang}: two turns, the screen in ${lang}, no console error`, { timeout: 240_000 }, async (ctx) => {
      const server = preview();
      if (whyNot || !server) return ctx.skip(whyNot ?? 'no server');
      const { page, problems, close } = await openPage(server.url, { viewport: HD, waitUntil: 'none' });
      try {
        await openGame(page, server.url, lang);
        expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([lang, 'ltr']);
        await playTurn(page, 'abu-grein');
        await playTurn(page, 'misrata');
        expect(await page.locator('button.end-turn').textContent()).toContain(endTurnLabel);
        const m = await measureRtl(page);
        expect(m.clipped).toEqual([]);
        // LTR: the indicators on the left, the orders on the right.
        expect(m.indicators.right).toBeLessThan(m.width / 2);
        expect(m.orders.left).toBeGreaterThan(m.width / 2);
        await screenshot(page, `languages-game-${lang}`);
        expect(problems.all()).toEqual([]);
      } finally {
        await close();
      }
    });
  }
});
