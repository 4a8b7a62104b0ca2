// The briefing, the ending, the after-action report and the last turn report in Arabic, French,
// Italian and the pseudo-locale, in Chromium: "Sirte Falls" opened from a link with ?lang=, its
// briefing, then the same game's ending from a link that carries the GNA's orders to the end.
// No console error; the page's language and direction; in the pseudo-locale every visible text
// of these screens is pseudo-localised (apart from what is marked lang="en": scenario text and
// the core's English); in Arabic the panels stand right to left (measured from the DOM), the map
// behind them is framed in the part of the window they leave free, and no text is clipped. The
// game reached in each language has the hash Node gives the same orders, and so does the replay
// downloaded in Arabic; the link opened in English again lands on the same hash.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/cli/files.ts';
import { encodeOrders } from '../../src/game/link.ts';
import { PSEUDO_MARK } from '../../src/i18n/index.ts';
import { aiOrders, newGame, type Order, otherActorsOrders, parseReplay, resolveTurn, type State, stateHash } from '../../src/sim/index.ts';
import { problemText } from '../../src/ui/problem-text.ts';
import { openPage, screenshot, usePreview } from './harness.ts';
import { enableReducedMotion, latinLeft, readHook, waitForScene, waitReady, whyNot } from './play-helpers.ts';

const SEED = 'e2e-lang-end';
const loaded = loadScenarioFile('sirte-2020');
if (!loaded.ok) throw new Error('sirte-2020 does not load');
const sirte = loaded.value;
const VIEW = { width: 1400, height: 900 };
/** E2E_LANGS=qps,ar runs only those (while working on one). */
const LANGS = (process.env.E2E_LANGS?.split(',') ?? ['ar', 'fr', 'it', 'qps']) as ('ar' | 'fr' | 'it' | 'qps')[];

/** The GNA gives one order in its first turn (the computer's first choice), then none: a short link that reaches the ending. */
function game(): { mine: Order[][]; states: State[] } {
  let s = newGame(sirte, SEED, ['gna'], 'normal');
  const states = [s];
  const mine: Order[][] = [];
  while (!s.ending) {
    const own: Order[] = s.turn === 1 ? aiOrders(sirte, s, 'gna', 'normal').orders.slice(0, 1) : [];
    mine.push(own);
    s = resolveTurn(sirte, s, [...own, ...otherActorsOrders(sirte, s, 'gna').orders]).state;
    states.push(s);
  }
  return { mine, states };
}

/** Visible text in `selector` that is neither pseudo-localised nor inside an element marked lang="en". */
function notPseudo(page: Page, selector: string): Promise<string[]> {
  return page.evaluate(
    ({ selector, mark }) => {
      const pseudo = new RegExp(mark);
      const out: string[] = [];
      for (const root of document.querySelectorAll(selector)) {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const text = (n.textContent ?? '').trim();
          const el = n.parentElement;
          if (!el || !/[A-Za-z]{2,}/.test(text)) continue;
          if (el.closest('[lang="en"]') || !el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
          if (!pseudo.test(text)) out.push(text);
        }
      }
      return out;
    },
    { selector, mark: PSEUDO_MARK.source },
  );
}

/** Text cut off: an element whose content is wider than its box where the box hides or scrolls it. */
function clipped(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const out: string[] = [];
    for (const root of document.querySelectorAll(selector)) {
      for (const el of root.querySelectorAll<HTMLElement>('*')) {
        if (el.closest('svg, canvas, .uplot, .sr-only') || !el.checkVisibility()) continue;
        const cs = getComputedStyle(el);
        const hides = cs.overflowX !== 'visible' || cs.textOverflow === 'ellipsis';
        if (hides && el.scrollWidth > el.clientWidth + 2 && (el.textContent ?? '').trim()) out.push(`${el.tagName}.${el.className}: ${(el.textContent ?? '').trim().slice(0, 60)}`);
      }
    }
    return out;
  }, selector);
}

/** Right to left, measured: the page's direction, the panel against the right edge, headings and paragraphs ending at the right. */
async function expectRtl(page: Page, layer: string): Promise<void> {
  const m = await page.evaluate((layer) => {
    const panel = document.querySelector(`${layer} .panel`) as HTMLElement;
    const r = panel.getBoundingClientRect();
    const body = panel.querySelector('.briefing-body') as HTMLElement;
    const b = body.getBoundingClientRect();
    // Where each heading's text sits: a range over its text, against the box of the column it is in.
    const heads = [...panel.querySelectorAll<HTMLElement>('.briefing-body h2, .briefing-body h3')].filter((h) => h.checkVisibility() && !h.closest('[lang="en"]'));
    const offsets = heads.map((h) => {
      const range = document.createRange();
      range.selectNodeContents(h);
      const t = range.getBoundingClientRect();
      const box = h.getBoundingClientRect();
      return { right: Math.round(box.right - t.right), left: Math.round(t.left - box.left) };
    });
    return {
      dir: document.documentElement.dir,
      direction: getComputedStyle(panel).direction,
      panelLeft: r.left,
      panelRight: r.right,
      width: window.innerWidth,
      firstColumnRight: (body.firstElementChild as HTMLElement).getBoundingClientRect().right,
      bodyRight: b.right,
      offsets,
      insets: (document.querySelector('#game canvas') as HTMLCanvasElement | null)?.dataset.mapInsets ?? '',
    };
  }, layer);
  expect(m.dir).toBe('rtl');
  expect(m.direction).toBe('rtl');
  // The panel stands against the right edge, the map in the part it leaves free on the left.
  expect(m.width - m.panelRight).toBeLessThan(80);
  expect(m.panelLeft).toBeGreaterThan(m.width - m.panelRight);
  // The first column of the body is the right-hand one.
  expect(m.bodyRight - m.firstColumnRight).toBeLessThan(40);
  expect(m.offsets.length).toBeGreaterThan(2);
  for (const o of m.offsets) expect(o.right, JSON.stringify(m.offsets)).toBeLessThanOrEqual(1);
  const [left, right] = m.insets.split(',').map(Number);
  expect(left).toBe(16);
  expect(right).toBe(Math.round(m.width - m.panelLeft + 16));
}

describe('languages: the briefing, the ending and the after-action report', () => {
  const preview = usePreview();

  it('in Arabic, French, Italian and the pseudo-locale', { timeout: 600_000 }, async (ctx) => {
    const server = preview();
    if (whyNot || !server) return ctx.skip(whyNot ?? 'no server');
    const { mine, states } = game();
    const orders = encodeOrders(mine);
    expect(orders).not.toBeNull();
    const finalHash = stateHash(states.at(-1) as State);
    const { page, problems, close } = await openPage(server.url, { viewport: VIEW });
    try {
      await waitReady(page, 'MainMenu');
      await enableReducedMotion(page);
      for (const lang of LANGS) {
        // The briefing.
        await page.goto(`${server.url}?scenario=sirte-2020&role=gna&seed=${SEED}&lang=${lang}`, { waitUntil: 'load' });
        await waitForScene(page, 'Briefing');
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang === 'qps' ? 'en-XA' : lang);
        const briefing = page.locator('.layer-briefing .briefing');
        await expect.poll(() => briefing.locator('.briefing-foot .btn.primary').textContent()).not.toBe('Take command →');
        expect(await page.locator('.layer-briefing').getAttribute('lang')).toBeNull();
        // Scenario text is told in the language too (locales/<lang>/content/), not marked English.
        expect(await briefing.locator('#briefing-title').getAttribute('lang')).toBeNull();
        const title = (await briefing.locator('#briefing-title').textContent()) ?? '';
        expect(title).not.toBe('Sirte Falls');
        if (lang === 'ar') expect(title).toMatch(/[\u0600-\u06FF]/);
        await page.waitForTimeout(500);
        await screenshot(page, `lang-${lang}-briefing`);
        if (lang === 'qps') expect(await notPseudo(page, '.layer-briefing')).toEqual([]);
        if (lang === 'ar') await expectRtl(page, '.layer-briefing');
        if (lang === 'ar') expect(await latinLeft(page, '.layer-briefing')).toEqual([]);
        expect(await clipped(page, '.layer-briefing')).toEqual([]);

        // The ending, from a link with the GNA's orders to the end.
        await page.goto(`${server.url}?scenario=sirte-2020&role=gna&seed=${SEED}&orders=${orders}&lang=${lang}`, { waitUntil: 'load' });
        await waitForScene(page, 'Ending', 120_000);
        expect((await readHook(page)).hash).toBe(finalHash);
        const ending = page.locator('.layer-ending .panel');
        await expect.poll(() => ending.locator('#ending-title').textContent()).toBeTruthy();
        await expect.poll(() => page.locator('#aar-charts figure.aar-chart').count(), { timeout: 30_000 }).toBeGreaterThan(5);
        await expect.poll(() => page.locator('#ending-epilogue .primer-part').count(), { timeout: 30_000 }).toBe(1);
        expect(await page.locator('#aar-turning-run').textContent()).not.toBe('Find the turning points');
        await page.waitForTimeout(500);
        await screenshot(page, `lang-${lang}-ending`);
        await page.locator('#aar-charts').scrollIntoViewIfNeeded();
        await screenshot(page, `lang-${lang}-aar-charts`);
        // The charts' tables open, so that their headers and rows are read too.
        for (const d of await page.locator('.layer-ending details.aar-figures').all()) await d.evaluate((x) => ((x as HTMLDetailsElement).open = true));
        if (lang === 'qps') expect(await notPseudo(page, '.layer-ending')).toEqual([]);
        if (lang === 'ar') await expectRtl(page, '.layer-ending');
        if (lang === 'ar') expect(await latinLeft(page, '.layer-ending')).toEqual([]);
        expect(await clipped(page, '.layer-ending')).toEqual([]);

        if (lang === 'ar' || lang === 'qps') {
          // The turning points, run and read.
          await page.locator('#aar-runs').selectOption('20');
          await page.locator('#aar-turning-run').click();
          await expect.poll(() => page.locator('#aar-turning').getAttribute('data-state'), { timeout: 240_000, interval: 500 }).toBe('done');
          await page.locator('#aar-turning-results').scrollIntoViewIfNeeded();
          await screenshot(page, `lang-${lang}-aar-turning`);
          await page.locator('#aar-every').evaluate((d) => ((d as HTMLDetailsElement).open = true));
          if (lang === 'qps') expect(await notPseudo(page, '#aar-turning')).toEqual([]);
          expect(await clipped(page, '#aar-turning')).toEqual([]);
        }

        // The last turn report: its chrome in the language, the core's lines in English.
        await page.locator('.layer-ending [data-action="last-report"]').click();
        const report = page.locator('.modal-backdrop [role=dialog]');
        await report.waitFor();
        await screenshot(page, `lang-${lang}-report`);
        if (lang === 'qps') expect(await notPseudo(page, '.modal-backdrop :is(.modal-head, .modal-foot, h3)')).toEqual([]);
        await report.locator('.modal-foot .btn.primary').click();
        await report.waitFor({ state: 'detached' });

        if (lang === 'ar') {
          // The replay downloaded in Arabic holds the same hashes as Node's game.
          const download = page.waitForEvent('download');
          await page.locator('#ending-download-replay').click();
          const file = await download;
          const replay = parseReplay(readFileSync((await file.path()) as string, 'utf8'));
          if (!replay.ok) throw new Error(problemText(replay.error.msg));
          expect(replay.value.turns.map((t) => t.hash)).toEqual(states.slice(1).map(stateHash));
        }
      }
      // The same link in English: the same game.
      await page.goto(`${server.url}?scenario=sirte-2020&role=gna&seed=${SEED}&orders=${orders}&lang=en`, { waitUntil: 'load' });
      await waitForScene(page, 'Ending', 120_000);
      expect((await readHook(page)).hash).toBe(finalHash);
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');
      expect(problems.all()).toEqual([]);
    } finally {
      await close();
    }
  });
});
