// The teacher's guides in the built game, in Chromium: opened from the main menu with the
// keyboard, each guide fetched only when picked, its sections under real headings and
// landmarks with what its file holds, and a print view that is the guide alone (no buttons,
// each section on a new page); a guide file that is invalid or does not arrive gives a
// sentence, never a blank screen. No console error throughout.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Guide } from '../../src/content/guide-schema.ts';
import { englishMessage, PSEUDO_MARK } from '../../src/i18n/index.ts';
import { GUIDE_SECTIONS } from '../../src/ui/guide.ts';
import { readCatalog } from '../../tools/scenario-catalog.ts';
import { ARTIFACTS, DIST, openPage, type Problems, ROOT, screenshot, usePreview } from './harness.ts';
import { waitReady, whyNot } from './play-helpers.ts';

const catalog = readCatalog(ROOT);
const guideFile = (id: string) => `levels/guides/${id}.json`;
const readGuide = (id: string): Guide => JSON.parse(readFileSync(join(ROOT, guideFile(id)), 'utf8'));

/** The build's chunk of each guide, from Vite's manifest: { 'sirte-2020': 'assets/sirte-2020-….js', … }. */
/** The scenarios with a guide of their own: a lesson form shares its full form's. */
const guided = catalog.scenarios.filter((s) => s.form !== 'lesson');

function guideChunks(): Map<string, string> {
  const manifest = JSON.parse(readFileSync(join(DIST, '.vite/manifest.json'), 'utf8')) as Record<string, { file: string }>;
  return new Map(guided.map((s) => [s.id, manifest[guideFile(s.id)]?.file ?? `missing:${guideFile(s.id)}`]));
}

/** Records which guide chunks the page requests, by scenario id. */
function recordGuides(page: Page, chunks: Map<string, string>): string[] {
  const byFile = new Map([...chunks].map(([id, file]) => [file, id]));
  const seen: string[] = [];
  page.on('request', (r) => {
    const id = byFile.get(new URL(r.url()).pathname.replace(/^\//, ''));
    if (id) seen.push(id);
  });
  return seen;
}

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el ? { tag: el.tagName.toLowerCase(), id: el.id, text: (el.textContent ?? '').trim().slice(0, 60) } : null;
  });

/** Everything wrong on the page except the named requests (which a test made fail on purpose). */
const problemsBut = (problems: Problems, file: string) => problems.all().filter((p) => !p.includes(file));

describe("the teacher's guides", () => {
  const preview = usePreview();

  it('opens from the menu with the keyboard, shows a guide by its sections, prints as a clean handout, and goes back', { timeout: 120_000 }, async (ctx) => {
    const server = preview();
    if (whyNot || !server) return ctx.skip(whyNot ?? 'no server');
    const chunks = guideChunks();
    expect([...chunks.values()].filter((f) => f.startsWith('missing:'))).toEqual([]);
    const { page, problems, close } = await openPage(server.url, { waitUntil: 'none', viewport: { width: 1366, height: 820 } });
    const seen = recordGuides(page, chunks);
    try {
      await page.goto(server.url);
      await waitReady(page, 'MainMenu');
      const open = page.getByRole('button', { name: "Teacher's guide" });
      await open.focus();
      await page.keyboard.press('Enter');

      // The screen: a main landmark named by its h1, a list of the scenarios, no guide fetched yet.
      const main = page.getByRole('main', { name: "Teacher's guides" });
      await main.waitFor();
      expect(await page.getByRole('heading', { level: 1 }).allTextContents()).toEqual(["Teacher's guides"]);
      const picks = page.getByRole('navigation', { name: 'Scenarios' }).getByRole('button');
      expect(await picks.count()).toBe(guided.length);
      for (let i = 0; i < guided.length; i++) expect(await picks.nth(i).isEnabled()).toBe(true);
      expect(seen).toEqual([]);
      await screenshot(page, 'guides-picker');

      // Keyboard only: the first scenario has the focus; Tab to Sirte Falls, Enter.
      expect((await focused(page))?.text).toMatch(/^Tutorial/);
      for (let i = 0; i < 5 && !(await focused(page))?.text.startsWith('Sirte Falls'); i++) await page.keyboard.press('Tab');
      expect((await focused(page))?.text).toMatch(/^Sirte Falls/);
      await page.keyboard.press('Enter');
      const article = main.getByRole('article', { name: 'Sirte Falls' });
      await article.waitFor();
      await expect.poll(async () => (await focused(page))?.id).toBe('guide-title');
      expect(seen).toEqual(['sirte-2020']);

      // Its sections, in order, under real headings, with what the file holds.
      const guide = readGuide('sirte-2020');
      expect(await article.getByRole('heading', { level: 3 }).allTextContents()).toEqual(GUIDE_SECTIONS.map(([, key]) => englishMessage(key)));
      expect(await article.getByRole('navigation', { name: 'Sections of this guide' }).getByRole('link').count()).toBe(GUIDE_SECTIONS.length);
      expect(await article.locator('#guide-objectives li').count()).toBe(guide.objectives.length);
      expect(await article.locator('#guide-history > p').count()).toBe(guide.history.paragraphs.length);
      expect(await article.locator('.guide-sources li').count()).toBe(guide.history.sources.length);
      for (const lesson of guide.lessons) {
        expect(await article.locator(`.guide-lesson-plan[data-minutes="${lesson.minutes}"] tbody tr`).count()).toBe(lesson.steps.length);
      }
      expect(await article.locator('.guide-lesson-plan h4').allTextContents()).toEqual(['The 50-minute lesson', 'The 90-minute lesson']);
      expect(await article.locator('.guide-plan').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.students))).toEqual(['3', '7', '15', '30']);
      expect(await article.locator('#guide-questions li').count()).toBe(guide.questions.length);
      expect(await article.locator('#guide-debrief .guide-card').count()).toBe(guide.debrief.length);
      expect(await article.locator('#guide-assessment .guide-answer').count()).toBe(guide.assessment.length);
      expect(await article.locator('.guide-reading li').count()).toBe(guide.reading.length);
      // Concept cards by their glossary titles (and a card still to come, in words); seats by role.
      const firstConcepts = await article.locator('#guide-questions .guide-concepts').first().textContent();
      expect(firstConcepts).toBe('Concept card: Ripeness: the hurting stalemate');
      expect(await article.locator('#guide-questions .guide-concepts').nth(1).textContent()).toBe('Concept cards: The commitment problem · The security dilemma');
      const seven = article.locator('.guide-plan[data-students="7"] li[data-role]');
      expect(await seven.allTextContents()).toEqual([
        'GNA — 1 student',
        'LNA — 1 student',
        'Mediator — 1 student',
        // The backers are seats of their own now (New game → Or a foreign backer).
        'Turkey — 1 student',
        'Russia — 1 student',
        'United Arab Emirates — 1 student',
        'Egypt — 1 student',
      ]);
      await screenshot(page, 'guides-sirte-2020');

      // A section link, by keyboard: the section takes the focus.
      await article.getByRole('link', { name: 'Assessment' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await focused(page))?.id).toBe('guide-assessment');
      await screenshot(page, 'guides-sirte-2020-assessment');

      // Print: the guide alone, black on white, no buttons, each section after the first on a new page.
      await page.emulateMedia({ media: 'print' });
      const print = await page.evaluate(() => {
        const style = (el: Element | null) => (el ? getComputedStyle(el) : null);
        const visibleButtons = [...document.querySelectorAll('button')].filter((b) => (b as HTMLElement).offsetParent !== null).length;
        const sections = [...document.querySelectorAll('.guide-section')].map((s) => style(s)?.breakBefore);
        return {
          game: style(document.getElementById('game'))?.display,
          bar: style(document.querySelector('.guide-bar'))?.display,
          picker: style(document.querySelector('.guide-picker'))?.display,
          toc: style(document.querySelector('.guide-toc'))?.display,
          visibleButtons,
          sections,
          text: style(document.querySelector('.guide-summary'))?.color,
          background: style(document.body)?.backgroundColor,
          answers: [...document.querySelectorAll('.guide-answer')].filter((a) => (a as HTMLElement).offsetParent !== null).length,
        };
      });
      expect(print).toEqual({
        game: 'none',
        bar: 'none',
        picker: 'none',
        toc: 'none',
        visibleButtons: 0,
        sections: GUIDE_SECTIONS.map((_, i) => (i === 0 ? 'auto' : 'page')),
        text: 'rgb(17, 17, 17)',
        background: 'rgb(255, 255, 255)',
        answers: guide.assessment.length,
      });
      await page.screenshot({ path: join(ARTIFACTS, 'guides-print.png'), fullPage: true });
      // The browser's own print: one page at least for each section after the first, and the title page.
      const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
      expect((pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThanOrEqual(GUIDE_SECTIONS.length);

      // The history with its sources fits one printed page: A4 at the print margins (16 mm) holds
      // 265 × 180 mm, about 1,000 × 680 CSS pixels; measured at that width, for every guide.
      for (const s of guided) {
        await page.emulateMedia({ media: 'screen' });
        await page.setViewportSize({ width: 1366, height: 820 });
        await page.click(`.guide-pick[data-scenario="${s.id}"]`);
        await page.waitForSelector(`.guide[data-scenario="${s.id}"]`);
        await page.emulateMedia({ media: 'print' });
        await page.setViewportSize({ width: 680, height: 1000 });
        const height = await page.evaluate(() => document.getElementById('guide-history')?.getBoundingClientRect().height ?? Number.POSITIVE_INFINITY);
        expect(height, `${s.id}: the history's height in print`).toBeLessThanOrEqual(1000);
      }
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize({ width: 1366, height: 820 });
      await page.click('.guide-pick[data-scenario="sirte-2020"]');
      await page.waitForSelector('.guide[data-scenario="sirte-2020"]');

      // Questions for students: the model answers and notes left out of the print.
      await page.emulateMedia({ media: 'screen' });
      await page.getByRole('checkbox', { name: 'Print the model answers and notes' }).uncheck();
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.guide-answer:visible, .guide-notes:visible').count()).toBe(0);
      expect(await page.locator('.guide-question:visible').count()).toBe(guide.questions.length + guide.assessment.length);
      await page.emulateMedia({ media: 'screen' });

      // Another scenario's guide: its own title (each guide came once, as its own chunk).
      await page.getByRole('button', { name: /^The Red Line/ }).click();
      await main.getByRole('article', { name: 'The Red Line' }).waitFor();
      expect([...seen].sort()).toEqual(guided.map((s) => s.id).sort());
      await screenshot(page, 'guides-red-line-2020');

      // Escape: back to the menu, on the button that opened the guides.
      await page.keyboard.press('Escape');
      await expect.poll(async () => (await focused(page))?.id).toBe('menu-guide');
      expect(await page.locator('.layer-guide').count()).toBe(0);
      expect(await page.evaluate(() => document.documentElement.classList.contains('guide-open'))).toBe(false);
      expect(problems.all()).toEqual([]);
    } finally {
      await close();
    }
  });

  it('a guide file that is invalid, or does not arrive, gives a sentence; the second can be tried again', { timeout: 120_000 }, async (ctx) => {
    const server = preview();
    if (whyNot || !server) return ctx.skip(whyNot ?? 'no server');
    const chunks = guideChunks();
    const tripoli = chunks.get('tripoli-2019') as string;
    const geneva = chunks.get('geneva-2020') as string;
    const { page, problems, close } = await openPage(server.url, { waitUntil: 'none' });
    try {
      // tripoli-2019's guide arrives but is not a valid guide; geneva-2020's does not arrive.
      await page.route(`**/${tripoli}`, (route) => route.fulfill({ contentType: 'text/javascript', body: 'export default { "scenario": "tripoli-2019", "objectives": [] };' }));
      await page.route(`**/${geneva}`, (route) => route.abort('connectionreset'));
      await page.goto(server.url);
      await waitReady(page, 'MainMenu');
      await page.click('#menu-guide');
      const alert = page.locator('.guide-screen .notice[role=alert]');

      await page.getByRole('button', { name: /^The March on Tripoli/ }).click();
      await expect
        .poll(() => alert.textContent(), { timeout: 15_000 })
        .toMatch(/^This teacher's guide could not be opened: its file is invalid \(levels\/guides\/tripoli-2019\.json at audience: missing: "audience" is required; and \d+ more problems\)\.$/);
      expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(0);
      await screenshot(page, 'guides-invalid');

      await page.getByRole('button', { name: /^Road to Geneva/ }).click();
      await expect
        .poll(() => alert.textContent(), { timeout: 15_000 })
        .toBe("This teacher's guide could not be opened: its file (levels/guides/geneva-2020.json) did not arrive. Check the connection and try again.");
      await page.unroute(`**/${geneva}`);
      await page.getByRole('button', { name: 'Try again' }).click();
      await page.getByRole('article', { name: 'Road to Geneva' }).waitFor();
      expect(problemsBut(problems, geneva)).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe("teacher's guides in Arabic and the pseudo-locale", () => {
  const preview = usePreview();

  it('the screen and the guide are told in the language, right to left in Arabic, nothing marked English', { timeout: 120_000 }, async (ctx) => {
    const server = preview();
    if (whyNot || !server) return ctx.skip(whyNot ?? 'no server');
    const { page, problems, close } = await openPage(server.url, { waitUntil: 'none' });
    try {
      for (const lang of ['ar', 'qps'] as const) {
        await page.goto(`${server.url}?lang=${lang}`);
        await waitReady(page, 'MainMenu');
        await page.click('#menu-guide');
        await page.locator('.guide-pick[data-scenario="sirte-2020"]').click();
        const article = page.locator('article.guide[data-scenario="sirte-2020"]');
        await article.waitFor();
        const title = (await article.locator('#guide-title').textContent()) ?? '';
        const intro = (await article.locator('#guide-objectives p').first().textContent()) ?? '';
        if (lang === 'ar') {
          expect(title).toMatch(/[\u0600-\u06FF]/);
          expect(intro).toMatch(/[\u0600-\u06FF]/);
          expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
          expect(await article.evaluate((a) => getComputedStyle(a).direction)).toBe('rtl');
        } else {
          expect(title).toMatch(PSEUDO_MARK);
          // Every visible text of the screen is pseudo-localised (URLs and book titles, kept as published, aside).
          const left = await page.evaluate((mark) => {
            const pseudo = new RegExp(mark);
            const out: string[] = [];
            const root = document.querySelector('.guide-screen') as Element;
            const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              const text = (n.textContent ?? '').trim();
              const el = n.parentElement;
              if (!el || !/[A-Za-z]{3,}/.test(text) || el.closest('a.guide-link, cite')) continue;
              if (!pseudo.test(text)) out.push(text);
            }
            return out;
          }, PSEUDO_MARK.source);
          expect(left).toEqual([]);
        }
        expect(await page.locator('.guide-screen [lang="en"]').count()).toBe(0);
        await screenshot(page, `guides-${lang}`);
      }
      expect(problems.all()).toEqual([]);
    } finally {
      await close();
    }
  });
});
