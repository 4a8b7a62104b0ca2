// A whole turn of sirte-2020 by keyboard alone, in Chromium: from the menu to the briefing,
// the map, a place found in the place list, an order queued from its preview, End turn, the
// report read, and a save — with no mouse or pointer event at all (the page records any). On
// the way: focus is always visible and never on the page's body, it stays inside a dialog
// (Tab and Shift+Tab wrap), goes back where it was when the dialog closes, and the live
// region says what changed.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, describeViolations } from './axe.ts';
import { openPage, screenshot, usePreview } from './harness.ts';
import { HD, readHook, waitForScene, waitReady, whyNot } from './play-helpers.ts';

interface Focused {
  tag: string;
  text: string;
  id: string;
  label: string;
  inDialog: boolean;
  /** The focus ring as drawn: outline style and width. */
  outline: string;
}

function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    return {
      tag: el.tagName.toLowerCase(),
      text: (el.textContent ?? '').trim().replace(/\s+/g, ' '),
      id: el.id,
      label: el.getAttribute('aria-label') ?? '',
      inDialog: !!el.closest('[role=dialog]'),
      outline: `${style.outlineStyle} ${style.outlineWidth}`,
    };
  });
}

/** Tab (or Shift+Tab) until the focused element matches; fails after `max` presses. */
async function tabTo(page: Page, match: (f: Focused) => boolean, max = 60, back = false): Promise<Focused> {
  for (let i = 0; i < max; i++) {
    const f = await focused(page);
    if (f && match(f)) return f;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`tabTo: not reached in ${max} presses (last: ${JSON.stringify(await focused(page))})`);
}

const dialogOpen = (page: Page) => page.evaluate(() => !!document.querySelector('.modal-backdrop [role=dialog]'));

/** Closes every card by keyboard: a choice by its first option, the others with Enter on their focused button; axe checks each card first. */
async function closeCardsByKeyboard(page: Page, firstWaitMs: number, axeLines: string[] = []): Promise<string[]> {
  const seen: string[] = [];
  let wait = firstWaitMs;
  for (let guard = 0; guard < 20; guard++) {
    try {
      await page.locator('.modal-backdrop [role=dialog]').first().waitFor({ state: 'visible', timeout: Math.max(wait, 500) });
    } catch {
      return seen;
    }
    wait = 700;
    const title = ((await page.locator('.modal-backdrop [role=dialog] .modal-head h2').first().textContent()) ?? '').trim();
    seen.push(title);
    axeLines.push(...describeViolations(`card "${title}"`, await axeViolations(page)));
    const f = await focused(page);
    expect(f?.inDialog, `the focus is inside the dialog "${title}"`).toBe(true);
    if ((await page.locator('.modal-backdrop .btn.option').count()) > 0) await tabTo(page, (x) => x.inDialog && x.tag === 'button' && x.text !== 'Decide later', 10);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(150);
  }
  return seen;
}

describe('keyboard only', () => {
  const server = usePreview();

  it('a whole turn of sirte-2020, from the menu to a save, without the mouse', { timeout: 180_000 }, async (ctx) => {
    const url = server()?.url;
    if (whyNot || !url) return ctx.skip(whyNot ?? 'no server');
    const { page, problems, close } = await openPage(url, { viewport: HD, waitUntil: 'none' });
    const pointer: string[] = [];
    await page.exposeFunction('__pointerSeen', (type: string) => pointer.push(type));
    await page.addInitScript(() => {
      const log: string[] = [];
      (window as unknown as { __focusLog: string[] }).__focusLog = log;
      document.addEventListener('focusin', (e) => log.push(`in ${(e.target as HTMLElement).tagName} ${(e.target as HTMLElement).textContent?.slice(0, 30)}`), true);
      document.addEventListener('focusout', (e) => log.push(`out ${(e.target as HTMLElement).tagName} ${(e.target as HTMLElement).textContent?.slice(0, 30)} -> ${(e as FocusEvent).relatedTarget ? 'el' : 'null'}`), true);
      for (const type of ['mousemove', 'mousedown', 'mouseup', 'pointerdown', 'pointermove', 'pointerup', 'wheel', 'touchstart']) {
        window.addEventListener(type, (e) => (e.isTrusted ? (window as unknown as { __pointerSeen(t: string): void }).__pointerSeen(type) : undefined), true);
      }
    });
    try {
      await page.goto(url, { waitUntil: 'load' });
      await waitReady(page, 'MainMenu');
      // Reduce motion, through the settings page, by keyboard.
      expect((await focused(page))?.text).toBe('New game');
      await tabTo(page, (f) => f.text === 'Settings');
      await page.keyboard.press('Enter');
      await tabTo(page, (f) => f.id === 'set-reduced-motion', 20);
      if (!(await page.locator('#set-reduced-motion').isChecked())) await page.keyboard.press('Space');
      await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('reduced-motion'))).toBe(true);
      await tabTo(page, (f) => f.text === '← Back', 20, true);
      await page.keyboard.press('Enter');

      // New game: sirte-2020 as the GNA is the default; a seed typed; the briefing.
      await tabTo(page, (f) => f.text === 'New game', 5);
      await page.keyboard.press('Enter');
      await tabTo(page, (f) => f.id === 'seed');
      await page.keyboard.press('Control+a');
      await page.keyboard.type('keys-1');
      await tabTo(page, (f) => /Read the briefing/.test(f.text));
      const ring = await focused(page);
      expect(ring?.outline).toMatch(/solid [1-9]/);
      await page.keyboard.press('Enter');
      await waitForScene(page, 'Briefing');
      await tabTo(page, (f) => /Take command/.test(f.text));
      await page.keyboard.press('Enter');
      await waitForScene(page, 'Game');
      await closeCardsByKeyboard(page, 4000);
      expect(await dialogOpen(page)).toBe(false);

      // The place list (L): find Abu Grein, open it; the focus lands on its tab.
      await page.keyboard.press('l');
      await page.getByRole('dialog', { name: 'All places' }).waitFor();
      expect((await focused(page))?.id).toBe('places-filter');
      // The focus stays in the dialog: Shift+Tab from the field wraps to its last button.
      await page.keyboard.press('Shift+Tab');
      expect((await focused(page))?.inDialog).toBe(true);
      await tabTo(page, (f) => f.id === 'places-filter', 80);
      await page.keyboard.type('Abu G');
      expect(await page.locator('#places-count').textContent()).toBe('1 of 34 places');
      await screenshot(page, 'keyboard-place-list');
      await page.keyboard.press('Enter');
      await page.locator('.sidebar.right .place-head h3', { hasText: 'Abu Grein' }).waitFor();
      expect((await focused(page))?.id).toBe('tab-place');
      await expect.poll(() => page.locator('#announce-polite').textContent()).toMatch(/^Abu Grein, held by the GNA/);

      // Arrow keys move between the tabs; back to the place.
      await page.keyboard.press('ArrowRight');
      expect((await focused(page))?.id).toBe('tab-national');
      expect(await page.locator('#tab-national').getAttribute('aria-selected')).toBe('true');
      await page.keyboard.press('ArrowLeft');
      expect((await focused(page))?.id).toBe('tab-place');
      // Shift+arrows: along the roads, east to Sirte and back west.
      await page.keyboard.press('Shift+ArrowRight');
      await page.locator('.sidebar.right .place-head h3', { hasText: 'Sirte' }).waitFor();
      await expect.poll(() => page.locator('#announce-polite').textContent()).toMatch(/^Sirte, held by the LNA/);
      await page.keyboard.press('Shift+ArrowLeft');
      await page.locator('.sidebar.right .place-head h3', { hasText: 'Abu Grein' }).waitFor();
      expect((await focused(page))?.id).toBe('tab-place');

      // An order: Tab to the first order of the place, Enter opens its preview, Enter adds it.
      await tabTo(page, (f) => f.tag === 'button' && !!f.text && (f.text.includes('order') || f.text.includes('$')) && !f.inDialog, 30);
      const orderText = (await focused(page))?.text ?? '';
      await page.keyboard.press('Enter');
      await page.locator('.sidebar.right .preview').waitFor();
      expect((await focused(page))?.text).toBe('Add to orders');
      await screenshot(page, 'keyboard-preview');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('.sidebar.right .queue-item').count()).toBe(1);
      expect(await focused(page)).not.toBeNull();
      await expect.poll(() => page.locator('#announce-polite').textContent()).toMatch(/^Queued: .*1 of \d orders used/);
      expect(orderText).not.toBe('');

      // The glossary (G) and back: the focus returns where it was.
      const before = await focused(page);
      await page.keyboard.press('g');
      await page.locator('.modal.glossary').waitFor();
      await page.keyboard.press('Escape');
      await expect.poll(async () => (await focused(page))?.text).toBe(before?.text);

      // The shortcuts (?).
      await page.keyboard.press('?');
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
      await page.keyboard.press('Escape');

      // End turn from its button.
      await tabTo(page, (f) => f.text.startsWith('End turn'), 80, true);
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => (window as unknown as { ceasefireLine: { turn: number } }).ceasefireLine.turn === 2, null, { timeout: 30_000 });
      await expect.poll(() => page.locator('#announce-polite').textContent(), { timeout: 10_000 }).toMatch(/^Turn 1 resolved\./);
      // The report (and any card) read and closed by keyboard; the long report scrolls by keyboard.
      const axeLines: string[] = [];
      const cards = await closeCardsByKeyboard(page, 5000, axeLines);
      expect(cards).toContain('Turn report');
      // The cards of a played turn (the report, news, decisions, concepts) pass axe too.
      expect(axeLines).toEqual([]);
      expect(await dialogOpen(page)).toBe(false);
      if (process.env.KEY_DEBUG) console.log(await page.evaluate(() => (window as unknown as { __focusLog: string[] }).__focusLog.join('\n')));
      expect(await focused(page)).not.toBeNull();

      // Save from the game's menu.
      await tabTo(page, (f) => f.text === 'Menu', 80, true);
      await page.keyboard.press('Enter');
      await tabTo(page, (f) => f.id === 'save-button', 10);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('.modal [role=status]').textContent()).toContain('Saved in slot 1');
      await screenshot(page, 'keyboard-saved');
      await page.keyboard.press('Escape');
      expect((await readHook(page)).turn).toBe(2);
      const slot = await page.evaluate(() => JSON.parse(localStorage.getItem('ceasefire-line:slot:1') ?? 'null'));
      expect(slot?.seed).toBe('keys-1');
      expect(slot?.orders[0].some((o: { actor: string }) => o.actor === 'gna')).toBe(true);

      expect(pointer).toEqual([]);
      expect(problems.all()).toEqual([]);
    } finally {
      await close();
    }
  });

  it('display settings: the system’s reduced motion followed until the player chooses; text size and contrast remembered', { timeout: 90_000 }, async (ctx) => {
    const url = server()?.url;
    if (whyNot || !url) return ctx.skip(whyNot ?? 'no server');
    const { page, problems, close } = await openPage(url, { viewport: HD, waitUntil: 'none' });
    const classes = () => page.evaluate(() => document.documentElement.className);
    try {
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto(url, { waitUntil: 'load' });
      await waitReady(page, 'MainMenu');
      expect(await classes()).toMatch(/reduced-motion/);
      // The system changes its mind during the session: followed.
      await page.emulateMedia({ reducedMotion: 'no-preference' });
      await expect.poll(classes).not.toMatch(/reduced-motion/);
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await expect.poll(classes).toMatch(/reduced-motion/);
      // The player's choice wins over the system's, and is remembered.
      await page.getByRole('button', { name: 'Settings' }).click();
      expect(await page.locator('#set-reduced-motion').isChecked()).toBe(true);
      await page.locator('#set-reduced-motion').uncheck();
      await page.getByRole('combobox', { name: 'Text size' }).selectOption('150');
      await page.locator('#set-high-contrast').check();
      await page.reload({ waitUntil: 'load' });
      await waitReady(page, 'MainMenu');
      expect(await classes()).not.toMatch(/reduced-motion/);
      expect(await classes()).toMatch(/high-contrast/);
      expect(await page.evaluate(() => document.documentElement.dataset.textScale)).toBe('150');
      // The menu's body text is 150% of its size.
      expect(await page.evaluate(() => getComputedStyle(document.body).fontSize)).toBe('21px');
      expect(problems.all()).toEqual([]);
    } finally {
      await close();
    }
  });
});
