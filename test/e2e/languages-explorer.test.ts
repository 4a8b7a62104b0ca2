// The outcome explorer in the pseudo-locale and in Arabic, in Chromium: opened from the menu with
// ?lang=, a batch of 100 games run to the end, its results drawn (the endings, the key facts, the
// seven charts, the war's path). No console error; in the pseudo-locale every visible text of the
// explorer is pseudo-localised (apart from what is marked lang="en": the scenario's titles and
// what-ifs, the commands it names); in Arabic the page runs right to left (measured from the DOM),
// no visible text is English outside lang="en", and the results are the same games as in English.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PSEUDO_MARK } from '../../src/i18n/index.ts';
import type { ExploreSummary } from '../../src/sim/explore.ts';
import { openPage, screenshot, usePreview } from './harness.ts';
import { waitReady, whyNot } from './play-helpers.ts';

const VIEW = { width: 1440, height: 900 };

/** Visible text of the explorer that is left in English: in qps, not pseudo-localised; in Arabic, Latin words with no Arabic. */
function leftInEnglish(page: Page, lang: 'qps' | 'ar'): Promise<string[]> {
  return page.evaluate(
    ({ lang, mark }) => {
      const pseudo = new RegExp(mark);
      const out: string[] = [];
      const root = document.querySelector('.layer-explorer');
      if (!root) return ['no explorer layer'];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = (n.textContent ?? '').trim();
        const el = n.parentElement;
        if (!el || !/[A-Za-z]{2,}/.test(text)) continue;
        if (el.closest('[lang="en"]') || el.closest('option') || !el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
        if (lang === 'qps' ? !pseudo.test(text) : !/\p{Script=Arabic}/u.test(text)) out.push(text);
      }
      // Attributes read aloud or shown on hover count too.
      for (const el of root.querySelectorAll<HTMLElement>('[aria-label], [title]')) {
        if (el.closest('[lang="en"]')) continue;
        for (const attr of ['aria-label', 'title']) {
          const text = el.getAttribute(attr) ?? '';
          if (!/[A-Za-z]{2,}/.test(text)) continue;
          if (lang === 'qps' ? !pseudo.test(text) : !/\p{Script=Arabic}/u.test(text)) out.push(`${attr}: ${text}`);
        }
      }
      return out;
    },
    { lang, mark: PSEUDO_MARK.source },
  );
}

async function runSmallBatch(page: Page): Promise<ExploreSummary> {
  await page.fill('#explore-runs', '100');
  await page.fill('#explore-seed', 'lang');
  await page.click('#explore-run');
  await page.waitForSelector('#explore-results[data-summary]', { timeout: 90_000 });
  await page.waitForFunction(() => document.querySelectorAll('.explore-chart canvas').length === 7, null, { timeout: 10_000 });
  return JSON.parse((await page.locator('#explore-results').getAttribute('data-summary')) ?? 'null') as ExploreSummary;
}

describe('languages: the outcome explorer', () => {
  const preview = usePreview();

  it('in the pseudo-locale and in Arabic: every text translated, right to left in Arabic, the same games', { timeout: 300_000 }, async (ctx) => {
    const server = preview();
    if (whyNot || !server) return ctx.skip(whyNot ?? 'no server');
    const summaries: ExploreSummary[] = [];
    for (const lang of ['qps', 'ar'] as const) {
      const { page, problems, close } = await openPage(`${server.url}?lang=${lang}`, { viewport: VIEW });
      try {
        await waitReady(page, 'MainMenu');
        await page.click('#menu-explore');
        await page.waitForSelector('.explorer [data-whatif="turkey-out"]', { timeout: 30_000 });
        // The explorer is a translated layer: it takes the page's language, not lang="en".
        expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir, document.querySelector('.layer-explorer')?.getAttribute('lang') ?? null])).toEqual([
          lang === 'qps' ? 'en-XA' : 'ar',
          lang === 'ar' ? 'rtl' : 'ltr',
          null,
        ]);
        expect(await leftInEnglish(page, lang), `${lang}: setup`).toEqual([]);
        // A number out of range: the message beside the field, in the language.
        await page.fill('#explore-runs', '50');
        await page.click('#explore-run');
        expect(await page.locator('#explore-field-error').textContent()).toMatch(lang === 'ar' ? /\p{Script=Arabic}.*100.*5[.,]000/u : PSEUDO_MARK);
        const summary = await runSmallBatch(page);
        summaries.push(summary);
        expect(await page.locator('#explore-endings tbody tr').count()).toBe(summary.endings.length);
        expect(await page.locator('#explore-facts tbody tr').count()).toBe(summary.facts.length);
        expect(await page.locator('#explore-path tbody tr').count()).toBeGreaterThan(0);
        expect(await page.locator('#explore-message').textContent()).toMatch(lang === 'ar' ? /\p{Script=Arabic}/u : PSEUDO_MARK);
        expect(await leftInEnglish(page, lang), `${lang}: results`).toEqual([]);
        if (lang === 'ar') {
          const m = await page.evaluate(() => {
            const panel = document.querySelector('.layer-explorer .explorer') as HTMLElement;
            const back = document.getElementById('explore-back') as HTMLElement;
            const head = panel.querySelector('h2') as HTMLElement;
            const cell = document.querySelector('#explore-endings thead th') as HTMLElement;
            const range = document.createRange();
            range.selectNodeContents(cell);
            return {
              direction: getComputedStyle(panel).direction,
              backRight: back.getBoundingClientRect().right,
              headRight: head.getBoundingClientRect().right,
              // The first column of a table stands at the right, its text against the right edge.
              firstColumnRight: cell.getBoundingClientRect().right,
              lastColumnRight: (document.querySelector('#explore-endings thead th:last-child') as HTMLElement).getBoundingClientRect().right,
              textGap: cell.getBoundingClientRect().right - range.getBoundingClientRect().right,
            };
          });
          expect(m.direction).toBe('rtl');
          expect(m.backRight).toBeGreaterThan(m.headRight);
          expect(m.firstColumnRight).toBeGreaterThan(m.lastColumnRight);
          expect(m.textGap, JSON.stringify(m)).toBeLessThan(16);
        }
        await page.locator('#explore-endings').scrollIntoViewIfNeeded();
        await screenshot(page, `languages-explorer-${lang}`);
        expect(problems.all()).toEqual([]);
      } finally {
        await close();
      }
    }
    // The language changes the words, never the games.
    expect(summaries[1]).toEqual(summaries[0]);
  });

  it('in French and Italian: the setup in the language, no key shown, no button text cut off', { timeout: 120_000 }, async (ctx) => {
    const server = preview();
    if (whyNot || !server) return ctx.skip(whyNot ?? 'no server');
    const heading = { fr: 'Explorer les « et si… »', it: 'Esplori i «e se…»' } as const;
    for (const lang of ['fr', 'it'] as const) {
      const { page, problems, close } = await openPage(`${server.url}?lang=${lang}`, { viewport: { width: 1280, height: 720 } });
      try {
        await waitReady(page, 'MainMenu');
        await page.click('#menu-explore');
        await page.waitForSelector('.explorer [data-whatif="turkey-out"]', { timeout: 30_000 });
        expect(await page.locator('.explorer h2').textContent()).toBe(heading[lang]);
        const found = await page.evaluate(() => {
          const root = document.querySelector('.layer-explorer') as HTMLElement;
          const keys = ((root.textContent ?? "").match(/\bexplorer\.[\w.-]+/g) ?? []).filter((k) => !k.endsWith('.'));
          const clipped = [...root.querySelectorAll<HTMLElement>('button, .btn')].filter((b) => b.checkVisibility() && b.scrollWidth > b.clientWidth + 1).map((b) => b.textContent);
          // A choice wider than its group (a long name) would stick out of its column.
          const outside = [...root.querySelectorAll<HTMLElement>('.choices .btn')]
            .filter((b) => {
              const r = b.getBoundingClientRect();
              const g = (b.parentElement as HTMLElement).getBoundingClientRect();
              return b.checkVisibility() && (r.right > g.right + 1 || r.left < g.left - 1);
            })
            .map((b) => b.textContent);
          return { keys, clipped: [...clipped, ...outside] };
        });
        expect(found).toEqual({ keys: [], clipped: [] });
        await screenshot(page, `languages-explorer-${lang}`);
        expect(problems.all()).toEqual([]);
      } finally {
        await close();
      }
    }
  });
});
