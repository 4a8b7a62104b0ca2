// The main menu in every language, in Chromium: English, Arabic, French, Italian and the
// pseudo-locale qps through ?lang=; no console error; Arabic laid out right to left (measured
// from the DOM) with no clipped button text; every visible text of the translated layers
// pseudo-localised in qps (apart from what is marked lang="en"); the picker switches without a
// reload and the choice survives one; a link made in Arabic carries lang=ar and opens the same
// game (same state hash) in French.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import ar from '../../locales/ar/ending.json';
import fr from '../../locales/fr/ending.json';
import { PSEUDO_MARK } from '../../src/i18n/index.ts';
import { axeViolations, describeViolations } from './axe.ts';
import { openPage, screenshot, usePreview } from './harness.ts';
import { HD, readHook, waitForScene, waitReady, whyNot } from './play-helpers.ts';

const LANG_TEXT = { en: 'New game', ar: 'لعبة جديدة', fr: 'Nouvelle partie', it: 'Nuova partita' } as const;

/** Problems with a button's text: clipped (wider than its box). */
function clippedButtons(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.layer-menu button, .layer-menu .btn')]
      .filter((b) => b.offsetParent !== null && b.scrollWidth > b.clientWidth + 1)
      .map((b) => `${b.textContent?.trim()} (${b.scrollWidth} > ${b.clientWidth})`),
  );
}

/** The visible text nodes of the translated layers, minus those inside lang="en" content. */
function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.querySelector('.layer-menu') ?? document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim() ?? '';
      const el = n.parentElement;
      if (!text || !el || !/\p{L}/u.test(text)) continue;
      if (el.closest('[lang="en"]') || el.closest('option')) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      out.push(text);
    }
    return out;
  });
}

async function openMenu(url: string): Promise<Awaited<ReturnType<typeof openPage>>> {
  const opened = await openPage(url, { viewport: HD });
  await waitReady(opened.page, 'MainMenu');
  await opened.page.locator('.layer-menu .menu .btn').first().waitFor();
  return opened;
}

describe('languages: the main menu in en, ar, fr, it and qps', () => {
  const preview = usePreview();

  it('opens in each language from ?lang= with no console error; html lang and dir follow', async (ctx) => {
    const server = preview();
    if (whyNot || !server) return ctx.skip(whyNot ?? 'no server');
    for (const l of ['en', 'ar', 'fr', 'it'] as const) {
      const { page, problems, close } = await openMenu(`${server.url}?lang=${l}`);
      try {
        expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([l, l === 'ar' ? 'rtl' : 'ltr']);
        await page.getByRole('button', { name: LANG_TEXT[l], exact: true }).waitFor();
        // The other pages too: new game, settings, how to play, credits.
        for (const id of ['new', 'settings', 'how', 'credits']) {
          const index = { new: 0, settings: -2, how: -3, credits: -1 }[id] as number;
          await page.locator('.menu-buttons > .btn').nth(index).click();
          await page.locator('.menu h2').waitFor();
          expect(await clippedButtons(page), `${l} ${id}`).toEqual([]);
          await page.locator('.menu .btn.ghost').first().click();
          await page.locator('.menu-buttons').waitFor();
        }
        expect(await clippedButtons(page), `${l} main`).toEqual([]);
        expect(problems.all()).toEqual([]);
      } finally {
        await close();
      }
    }
  });

  it('Arabic: right to left, the panel and its text aligned to the right, the map not mirrored, the Arabic font used', async (ctx) => {
    const server = preview();
    if (whyNot || !server) return ctx.skip(whyNot ?? 'no server');
    const { page, problems, close } = await openMenu(`${server.url}?lang=ar`);
    try {
      const m = await page.evaluate(async () => {
        await document.fonts.ready;
        const panel = document.querySelector<HTMLElement>('.layer-menu .menu') as HTMLElement;
        const box = panel.getBoundingClientRect();
        const first = panel.querySelector<HTMLElement>('.menu-buttons .btn') as HTMLElement;
        const tagline = panel.querySelector<HTMLElement>('.tagline') as HTMLElement;
        const range = document.createRange();
        range.selectNodeContents(first);
        const textBox = range.getBoundingClientRect();
        const btnBox = first.getBoundingClientRect();
        const canvas = document.querySelector('#game canvas');
        return {
          dir: getComputedStyle(panel).direction,
          align: getComputedStyle(tagline).textAlign,
          panelLeft: box.left,
          panelRight: box.right,
          width: window.innerWidth,
          // The button's text hugs its right edge.
          textGapRight: btnBox.right - textBox.right,
          textGapLeft: textBox.left - btnBox.left,
          canvasDir: canvas ? getComputedStyle(canvas).direction : 'none',
          canvasTransform: canvas ? getComputedStyle(canvas).transform : 'none',
          arabicFont: document.fonts.check('16px "IBM Plex Sans Arabic"', 'لعبة'),
          fontLoaded: [...document.fonts].some((f) => f.family.includes('IBM Plex Sans Arabic') && f.status === 'loaded'),
        };
      });
      await screenshot(page, 'languages-ar-menu');
      expect(m.dir).toBe('rtl');
      expect(['start', 'right']).toContain(m.align);
      // The panel stands on the right half of the window.
      expect(m.panelLeft).toBeGreaterThan(m.width / 2);
      expect(m.textGapRight).toBeLessThan(m.textGapLeft);
      expect(m.canvasTransform).toBe('none');
      expect(m.fontLoaded).toBe(true);
      // axe-core on the Arabic pages (lang attributes, labels, contrast with the Arabic font).
      const lines = describeViolations('ar menu', await axeViolations(page));
      await page.getByRole('button', { name: 'لعبة جديدة', exact: true }).click();
      await page.locator('.menu h2').waitFor();
      expect(await clippedButtons(page)).toEqual([]);
      await screenshot(page, 'languages-ar-new-game');
      lines.push(...describeViolations('ar new game', await axeViolations(page)));
      expect(lines).toEqual([]);
      expect(problems.all()).toEqual([]);
    } finally {
      await close();
    }
  });

  it('qps: every visible text of the menu pages is pseudo-localised (except what is marked lang="en")', async (ctx) => {
    const server = preview();
    if (whyNot || !server) return ctx.skip(whyNot ?? 'no server');
    const { page, problems, close } = await openMenu(`${server.url}?lang=qps`);
    try {
      const check = async (where: string) => {
        const texts = await visibleTexts(page);
        expect(texts.length, where).toBeGreaterThan(3);
        const plain = texts.filter((x) => !PSEUDO_MARK.test(x));
        expect(plain, `${where}: text not from the catalogues`).toEqual([]);
      };
      await check('main');
      for (const index of [0, -2, -3, -1, 'load']) {
        await (index === 'load' ? page.locator('#menu-load') : page.locator('.menu-buttons > .btn').nth(index as number)).click();
        await page.locator('.menu h2').waitFor();
        await page.waitForTimeout(100);
        await check(`page ${index}`);
        await page.locator('.menu .btn.ghost').first().click();
        await page.locator('.menu-buttons').waitFor();
      }
      expect(problems.all()).toEqual([]);
    } finally {
      await close();
    }
  });

  it('the picker switches the language in place (no reload), and the choice survives a reload', async (ctx) => {
    const server = preview();
    if (whyNot || !server) return ctx.skip(whyNot ?? 'no server');
    const { page, problems, close } = await openMenu(server.url);
    try {
      await page.evaluate(() => {
        (window as unknown as { notReloaded: boolean }).notReloaded = true;
      });
      await page.getByRole('button', { name: 'New game', exact: true }).waitFor();
      const names = await page.locator('#menu-lang option').allTextContents();
      expect(names).toEqual(['English', 'العربية', 'Français', 'Italiano']);
      await page.locator('#menu-lang').selectOption('fr');
      await page.getByRole('button', { name: 'Nouvelle partie', exact: true }).waitFor();
      expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
      // In settings too: to Arabic, right to left at once.
      await page.getByRole('button', { name: 'Paramètres', exact: true }).click();
      await page.locator('#set-lang').focus();
      await page.locator('#set-lang').selectOption('ar');
      await page.getByRole('heading', { name: 'الإعدادات' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('set-lang');
      await page.reload({ waitUntil: 'load' });
      await waitReady(page, 'MainMenu');
      await page.getByRole('button', { name: 'لعبة جديدة', exact: true }).waitFor();
      expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
      // Back to English for whoever uses this browser next.
      await page.locator('#menu-lang').selectOption('en');
      await page.getByRole('button', { name: 'New game', exact: true }).waitFor();
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');
      expect(problems.all()).toEqual([]);
    } finally {
      await close();
    }
  });

  it('a link made in Arabic carries lang=ar and opens the same game (same hash) in French', async (ctx) => {
    const server = preview();
    if (whyNot || !server) return ctx.skip(whyNot ?? 'no server');
    const start = `${server.url}?lang=ar&scenario=sirte-2020&role=gna&seed=i18n-link-7`;
    const { page, problems, close } = await openPage(start, { viewport: HD });
    try {
      await page.evaluate(() => {
        const writeText = (text: string): Promise<void> => {
          (window as unknown as { copied: string }).copied = text;
          return Promise.resolve();
        };
        Object.defineProperty(navigator, 'clipboard', { value: { writeText } });
      });
      await waitForScene(page, 'Briefing');
      // The briefing is translated: its buttons are found by their words in each language.
      await page.getByRole('button', { name: ar['ending.link.copy'] as string }).click();
      const link = await page.waitForFunction(() => (window as unknown as { copied?: string }).copied).then((h) => h.jsonValue() as Promise<string>);
      expect(new URL(link).searchParams.get('lang')).toBe('ar');
      await page.getByRole('button', { name: ar['ending.briefing.start'] as string }).click();
      await waitForScene(page, 'Game');
      const arHash = (await readHook(page)).hash;
      expect(arHash).not.toBe('');

      const url = new URL(link);
      url.searchParams.set('lang', 'fr');
      await page.goto(url.toString(), { waitUntil: 'load' });
      await waitForScene(page, 'Briefing');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
      await page.getByRole('button', { name: fr['ending.briefing.start'] as string }).click();
      await waitForScene(page, 'Game');
      expect((await readHook(page)).hash).toBe(arHash);
      expect(problems.all()).toEqual([]);
    } finally {
      await close();
    }
  });
});
