// The classroom screens in the pseudo-locale and in Arabic, in Chromium, with the classroom
// server (npm run server's startServer): a teacher creates a class (Teach a class), a student
// joins it (Play with others → Join a class) and is seated, the teacher opens a table in full,
// starts the tables, and the student plays on the game screen with the table's panel; then the
// teacher's debrief. On every page: no console error; in the pseudo-locale every visible text is
// pseudo-localised (apart from what is marked lang="en": scenario text, the server's own words);
// in Arabic no visible text is English outside lang="en" and the screens run right to left. (The
// events of a table's turn reports, drawn by the game's report renderer, are left to its tests.)
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Running, startServer } from '../../server/app.ts';
import { resetClassLimits } from '../../server/class-room.ts';
import { resetLimits } from '../../server/room.ts';
import { PSEUDO_MARK } from '../../src/i18n/index.ts';
import { buildOnce, DIST, type OpenedPage, openPage, screenshot, whyNot } from './harness.ts';
import { drainCards, waitForScene } from './play-helpers.ts';

const PORT = 20_000 + ((process.pid * 19 + 11) % 20_000);
let running: Running | null = null;

/**
 * Visible text (and aria-label, title, placeholder) under `selector` left in English: in qps,
 * not pseudo-localised; in Arabic, Latin words with no Arabic. Codes (six capitals), the
 * server's address and options are not words to translate.
 */
function leftInEnglish(page: Page, selector: string, lang: 'qps' | 'ar'): Promise<string[]> {
  return page.evaluate(
    ({ selector, lang, mark }) => {
      const pseudo = new RegExp(mark);
      const english = (text: string) => /[A-Za-z]{2,}/.test(text.replace(/\b[A-Z]{6}\b/g, '')) && (lang === 'qps' ? !pseudo.test(text) : !/\p{Script=Arabic}/u.test(text));
      const skip = (el: Element) => !!el.closest('[lang="en"], option, .class-address, .class-code');
      const out: string[] = [];
      for (const root of document.querySelectorAll(selector)) {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const text = (n.textContent ?? '').trim();
          const el = n.parentElement;
          if (!el || skip(el) || !el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
          if (english(text)) out.push(text);
        }
        for (const el of root.querySelectorAll<HTMLElement>('[aria-label], [title], [placeholder]')) {
          if (skip(el)) continue;
          for (const attr of ['aria-label', 'title', 'placeholder']) {
            const text = el.getAttribute(attr) ?? '';
            if (english(text)) out.push(text);
          }
        }
      }
      return out;
    },
    { selector, lang, mark: PSEUDO_MARK.source },
  );
}

/** The screen runs right to left: its direction, and its bar's first button (Back) at the right of the heading. */
async function expectRtl(page: Page, screen: string): Promise<void> {
  const m = await page.evaluate((screen) => {
    const box = document.querySelector(screen) as HTMLElement;
    const back = box.querySelector('.class-bar .btn') as HTMLElement;
    const head = box.querySelector('.class-bar h1') as HTMLElement;
    return { direction: getComputedStyle(box).direction, back: back.getBoundingClientRect().left, head: head.getBoundingClientRect().right };
  }, screen);
  expect(m.direction).toBe('rtl');
  expect(m.back).toBeGreaterThanOrEqual(m.head - 1);
}

describe.skipIf(whyNot)('languages: the classroom screens', () => {
  beforeAll(async () => {
    buildOnce();
    resetLimits();
    resetClassLimits();
    running = await startServer({ port: PORT, host: '127.0.0.1', dist: DIST, dataDir: null, graceSeconds: 5 });
  });
  afterAll(async () => {
    await running?.stop();
  });

  it('fr and it: the start pages in the language, no key shown, no button text cut off', { timeout: 120_000 }, async () => {
    const titles = { fr: ['Jouer à plusieurs', 'Animer une classe'], it: ['Gioca con altri', 'Conduca una classe'] } as const;
    for (const lang of ['fr', 'it'] as const) {
      const opened = await openPage(`http://127.0.0.1:${PORT}/?lang=${lang}`, { viewport: { width: 1280, height: 720 } });
      try {
        const p = opened.page;
        await p.waitForSelector('#menu-classroom', { timeout: 60_000 });
        for (const [i, [button, layer]] of ([['#menu-classroom', '.layer-classroom'], ['#menu-teach', '.layer-console']] as const).entries()) {
          await p.click(button);
          await p.waitForSelector(`${layer} h1`);
          expect(await p.textContent(`${layer} h1`)).toBe(titles[lang][i]);
          const found = await p.evaluate((layer) => {
            const root = document.querySelector(layer) as HTMLElement;
            const keys = (root.textContent ?? '').match(/\b(classroom|console)\.[a-z][\w.-]*/g) ?? [];
            const clipped = [...root.querySelectorAll<HTMLElement>('button, .btn')].filter((b) => b.checkVisibility() && b.scrollWidth > b.clientWidth + 1).map((b) => b.textContent);
            return { keys, clipped };
          }, layer);
          expect(found, `${lang} ${layer}`).toEqual({ keys: [], clipped: [] });
          await p.click(`${layer} .class-bar .btn`);
          await p.waitForSelector('#menu-classroom');
        }
        expect(opened.problems.all()).toEqual([]);
      } finally {
        await opened.close();
      }
    }
  });

  for (const lang of ['qps', 'ar'] as const) {
    it(`${lang}: create a class, join it, the console, a table in full, the table's panel, the debrief`, { timeout: 240_000 }, async () => {
      const url = `http://127.0.0.1:${PORT}/?lang=${lang}`;
      const pages: OpenedPage[] = [];
      // Names as people type them, in the language (qps: accented), so that they count as translated.
      const [teacherName, studentName] = lang === 'ar' ? ['الأستاذة حداد', 'أمل'] : ['Ḿš Ĥáđđáđ', 'Ámáĺ'];
      try {
        const teacher = await openPage(url, { viewport: { width: 1400, height: 900 } });
        pages.push(teacher);
        const student = await openPage(url, { viewport: { width: 1400, height: 900 } });
        pages.push(student);
        for (const p of pages) await p.page.waitForSelector('#menu-classroom', { timeout: 60_000 });
        const t = teacher.page;
        const s = student.page;

        // The teacher's create page.
        await t.click('#menu-teach');
        await t.waitForSelector('#console-create');
        expect(await leftInEnglish(t, '.layer-console', lang), `${lang}: create page`).toEqual([]);
        if (lang === 'ar') await expectRtl(t, '#console');
        await t.fill('#console-name', teacherName);
        await t.selectOption('#console-scenario', 'sirte-2020');
        await t.uncheck('input[data-seat="mediator"]');
        await t.uncheck('input[data-seat="lna"]');
        await t.fill('#console-tables', '1');
        await t.fill('#console-seed', `lang-${lang}`);
        await t.click('#console-create');
        await t.waitForSelector('#console-code');
        const code = (await t.textContent('#console-code'))!.trim();

        // The student's start page, then the class's waiting room.
        await s.click('#menu-classroom');
        await s.waitForSelector('#class-join-class');
        expect(await leftInEnglish(s, '.layer-classroom', lang), `${lang}: classroom start`).toEqual([]);
        if (lang === 'ar') await expectRtl(s, '#classroom');
        await s.fill('#class-name', studentName);
        await s.fill('#class-class-code', code);
        await s.click('#class-join-class');
        await s.waitForSelector('#class-place');
        expect(await s.textContent('#class-place')).toMatch(lang === 'ar' ? /الطاولة 1/ : PSEUDO_MARK);
        expect(await leftInEnglish(s, '.layer-classroom', lang), `${lang}: class waiting room`).toEqual([]);

        // The console while the class gathers, with the seating plan.
        await t.waitForFunction(() => document.querySelectorAll('#console-student-list li').length === 1);
        expect(await leftInEnglish(t, '.layer-console', lang), `${lang}: console gathering`).toEqual([]);
        await screenshot(t, `languages-console-${lang}`);

        // A table opened in full before the start: its opening.
        await t.click('[data-open-table="1"]');
        await t.waitForSelector('#full-places tr[data-place="sirte"]', { timeout: 30_000 });
        expect(await leftInEnglish(t, '.layer-console', lang), `${lang}: table in full`).toEqual([]);
        await screenshot(t, `languages-console-full-${lang}`);
        await t.click('#full-back');
        await t.waitForSelector('#console-student-list');

        // The tables start: the student plays on the game screen, with the table's panel.
        await t.click('#console-start');
        await waitForScene(s, 'Game');
        await s.waitForSelector('#table-waiting', { timeout: 30_000 });
        await drainCards(s, { firstTimeoutMs: 5_000 });
        expect(await leftInEnglish(s, '.table-panel', lang), `${lang}: table panel`).toEqual([]);
        expect(await s.evaluate(() => document.querySelector('.table-panel')?.closest('[lang="en"]') === null)).toBe(true);
        await t.waitForFunction(() => document.querySelectorAll('.console-table').length === 1);
        expect(await leftInEnglish(t, '.layer-console', lang), `${lang}: console playing`).toEqual([]);

        // The debrief.
        await t.click('#console-debrief');
        await t.waitForSelector('#debrief-table');
        await t.waitForSelector('#debrief-words [data-table="1"] .muted, #debrief-words [data-table="1"] li[data-message]', { timeout: 30_000 });
        expect(await leftInEnglish(t, '.layer-console', lang), `${lang}: debrief`).toEqual([]);
        if (lang === 'ar') await expectRtl(t, '#console');
        await screenshot(t, `languages-debrief-${lang}`);
        for (const p of pages) expect(p.problems.all(), `${lang}: console errors`).toEqual([]);
      } finally {
        for (const p of pages) await p.close();
      }
    });
  }
});
