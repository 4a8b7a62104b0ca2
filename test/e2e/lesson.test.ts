// A class-length game in the browser: "Sirte Falls" in its lesson form, chosen on the new-game
// screen (Length: One lesson), stated in the briefing, played for two monthly turns whose
// reports show the second fortnight apart; and the same form opened from a link.
import { describe, expect, it } from 'vitest';
import { openPage, screenshot, usePreview } from './harness.ts';
import { dialog, drainCards, enableReducedMotion, endTurn, expectTurnAdvanced, HD, readAutosave, readBriefing, readHook, takeCommand, text, waitForScene, waitReady, whyNot } from './play-helpers.ts';

describe('the lesson form of a scenario', () => {
  const preview = usePreview();

  it('is chosen on the new-game screen, stated in the briefing, and plays in months', { timeout: 240_000 }, async (ctx) => {
    const server = preview();
    if (whyNot || !server) return ctx.skip(whyNot ?? 'no server');
    const { page, problems, close } = await openPage(server.url, { viewport: HD });
    try {
      await waitReady(page, 'MainMenu');
      await enableReducedMotion(page);
      await page.getByRole('button', { name: 'New game' }).click();
      // The lesson form is the full form's length, not a scenario of its own.
      const scenarios = page.getByRole('group', { name: 'Scenario' });
      expect(await scenarios.getByRole('button', { name: /lesson form/ }).count()).toBe(0);
      await scenarios.getByRole('button', { name: /Sirte Falls/ }).click();
      const length = page.getByRole('group', { name: 'Length' });
      const full = length.getByRole('button', { name: /Full game/ });
      const lesson = length.getByRole('button', { name: /One lesson/ });
      expect(await full.getAttribute('aria-pressed')).toBe('true');
      expect(await text(full)).toMatch(/21 fortnights/);
      expect(await text(lesson)).toMatch(/10 months: the same dates, fits 50 minutes/);
      await lesson.click();
      await expect.poll(() => lesson.getAttribute('aria-pressed')).toBe('true');
      expect(await text(page.locator('#menu-length-note'))).toMatch(/ten turns of a month/);
      await screenshot(page, 'lesson-new-game');
      // A scenario that fits a lesson as it is says so, and offers no second length.
      await scenarios.getByRole('button', { name: /Road to Geneva/ }).click();
      expect(await length.isHidden()).toBe(true);
      expect(await text(page.locator('#menu-length-note'))).toMatch(/8 fortnights: fits one lesson as it is/);
      await scenarios.getByRole('button', { name: /Sirte Falls/ }).click();
      await lesson.click();
      const seed = page.getByRole('textbox', { name: 'Seed' });
      await seed.click();
      await seed.press('Control+a');
      await seed.pressSequentially('e2e-lesson');

      await readBriefing(page);
      await expect.poll(() => text(page.locator('#briefing-lesson'))).toMatch(/Lesson form: ten turns of a month \(30 days\)/);
      expect(await text(page.locator('.briefing-head .eyebrow'))).toMatch(/10 turns of 30 days/);
      expect(await text(page.locator('#briefing-title'))).toBe('Sirte Falls — lesson form');
      await screenshot(page, 'lesson-briefing');
      await takeCommand(page);
      await drainCards(page, { firstTimeoutMs: 15_000 });
      expect((await readHook(page)).scene).toBe('Game');
      expect(await text(page.locator('.topbar'))).toMatch(/Turn\s*1 of 10/);

      // Two monthly turns; the report of each shows what the second fortnight brought.
      const reports: string[] = [];
      for (let t = 0; t < 2; t++) {
        const turn = await endTurn(page, t === 0 ? 'button' : 'key', {
          onCard: async (card) => {
            if (card.kind !== 'report') return;
            reports.push(await text(dialog(page)));
            await screenshot(page, `lesson-report-${t + 1}`);
          },
        });
        expectTurnAdvanced(turn);
      }
      expect(reports.join('\n')).toMatch(/The second fortnight: no new orders, the war runs on/);
      const hook = await readHook(page);
      expect(hook.turn).toBe(3);
      expect(await text(page.locator('.topbar'))).toMatch(/Turn\s*3 of 10/);
      const save = await readAutosave(page);
      expect(save?.scenarioId).toBe('sirte-2020-lesson');
      await screenshot(page, 'lesson-turn-3');
      expect(problems.all()).toEqual([]);
    } finally {
      await close();
    }
  });

  it('opens from a link, as any scenario does', { timeout: 120_000 }, async (ctx) => {
    const server = preview();
    if (whyNot || !server) return ctx.skip(whyNot ?? 'no server');
    const { page, problems, close } = await openPage(`${server.url}?scenario=sirte-2020-lesson&role=lna&seed=7`, { viewport: HD });
    try {
      await waitForScene(page, 'Briefing');
      expect(await text(page.locator('#briefing-lesson'))).toMatch(/Lesson form/);
      await takeCommand(page);
      await drainCards(page, { firstTimeoutMs: 15_000 });
      expect(await text(page.locator('.brand'))).toMatch(/Sirte Falls — lesson form/);
      expect(await text(page.locator('.topbar'))).toMatch(/Turn\s*1 of 10/);
      expect(problems.all()).toEqual([]);
    } finally {
      await close();
    }
  });
});
