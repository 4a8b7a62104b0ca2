// Small and touch screens: a phone (390×844) and a tablet (768×1024), in both orientations,
// with touch. The map fills the screen under the top bar; the orders and the indicators come
// up as sheets over its bottom half, one at a time; nothing is off screen, cut off or on top of
// something else (measured from the DOM's boxes); touch targets are at least 44 px; and a turn
// is played by taps alone: a place from the list, an order, End turn.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, describeViolations } from './axe.ts';
import { collectProblems, launchBrowser, screenshot, usePreview } from './harness.ts';
import { waitForScene, whyNot } from './play-helpers.ts';

type Box = { name: string; x0: number; y0: number; x1: number; y1: number };

/** The boxes of the game screen's visible parts. */
function boxes(page: Page): Promise<Box[]> {
  return page.evaluate(() => {
    const parts: [string, string][] = [
      ['top bar', '.topbar'],
      ['indicators', '.sidebar.left'],
      ['orders', '.sidebar.right'],
      ['map key', '.legend'],
      ['zoom', '.zoom-ctl'],
      ['sheet bar', '.sheet-bar'],
    ];
    const out: { name: string; x0: number; y0: number; x1: number; y1: number }[] = [];
    for (const [name, sel] of parts) {
      const el = document.querySelector<HTMLElement>(sel);
      if (!el || el.offsetParent === null || getComputedStyle(el).display === 'none') continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      out.push({ name, x0: r.left, y0: r.top, x1: r.right, y1: r.bottom });
    }
    return out;
  });
}

function overlaps(list: Box[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      const a = list[i] as Box;
      const b = list[j] as Box;
      if (a.x0 < b.x1 - 1 && b.x0 < a.x1 - 1 && a.y0 < b.y1 - 1 && b.y0 < a.y1 - 1) found.push(`${a.name} × ${b.name}`);
    }
  }
  return found;
}

/** Controls that are off screen, cut off, or smaller than 44 px high. */
function badControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bad: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('#ui .btn, #ui .tab, #ui .order-item, #ui select')) {
      if (el.offsetParent === null) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0) continue;
      const name = (el.textContent ?? el.getAttribute('aria-label') ?? el.tagName).trim().slice(0, 30);
      if (r.left < -1 || r.right > window.innerWidth + 1 || r.top < -1 || r.bottom > window.innerHeight + 1) {
        // Inside a scrolling panel a control may be scrolled out of view: only what is not in one counts.
        if (!el.closest('.scroll, .sidebar, .modal-body')) bad.push(`off screen: ${name}`);
      }
      if (el.scrollWidth > el.clientWidth + 2 && !el.matches('select')) bad.push(`cut off: ${name}`);
      if (r.height < 43.5) bad.push(`${Math.round(r.height)} px high: ${name}`);
    }
    return bad;
  });
}

const SIZES: [string, number, number][] = [
  ['phone', 390, 844],
  ['phone landscape', 844, 390],
  ['tablet', 768, 1024],
  ['tablet landscape', 1024, 768],
];

describe('small and touch screens', () => {
  const server = usePreview();

  for (const [name, width, height] of SIZES) {
  it(`${name} (${width}×${height}): sheets, no overlap, 44 px targets, a turn by taps`, { timeout: 120_000 }, async (ctx) => {
    const url = server()?.url;
    if (whyNot || !url) return ctx.skip(whyNot ?? 'no server');
    const browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width, height }, hasTouch: true, reducedMotion: 'reduce' });
    const page = await context.newPage();
    const problems = collectProblems(page);
    const shot = name.replace(/ /g, '-');
    try {
      await page.goto(`${url}?scenario=sirte-2020&role=gna&seed=small-1&skip=briefing`, { waitUntil: 'load' });
      await waitForScene(page, 'Game');
      for (let i = 0; i < 8; i++) {
        try {
          await page.locator('.modal-backdrop [role=dialog]').first().waitFor({ timeout: 2500 });
        } catch {
          break;
        }
        await page.locator('.modal-backdrop .modal-foot .btn.primary, .modal-backdrop .btn.option').first().tap();
        await page.waitForTimeout(200);
      }
      const sheets = width <= 900 || height <= 500;
      let list = await boxes(page);
      if (sheets) {
        // The map alone: at least 40% of the screen's height is map.
        expect(list.map((b) => b.name).sort()).toEqual(['map key', 'sheet bar', 'top bar', 'zoom']);
        const top = list.find((b) => b.name === 'top bar') as Box;
        const bar = list.find((b) => b.name === 'sheet bar') as Box;
        expect(bar.y0 - top.y1).toBeGreaterThan(height * 0.4);
      } else {
        // Wide enough for both panels beside the map: a third of the width stays map.
        const left = list.find((b) => b.name === 'indicators') as Box;
        const right = list.find((b) => b.name === 'orders') as Box;
        expect(right.x0 - left.x1).toBeGreaterThan(width / 3);
      }
      expect(overlaps(list)).toEqual([]);
      expect(await badControls(page)).toEqual([]);
      await screenshot(page, `small-${shot}-map`);

      // The orders (a sheet on a small screen): a place from the list, an order, by taps.
      if (sheets) {
        await page.getByRole('button', { name: 'Orders', exact: true }).tap();
        list = await boxes(page);
        expect(list.map((b) => b.name)).toContain('orders');
        expect(list.map((b) => b.name)).not.toContain('indicators');
        expect(overlaps(list)).toEqual([]);
      }
      await page.getByRole('button', { name: 'All places' }).tap();
      await page.getByRole('dialog', { name: 'All places' }).getByRole('button', { name: /^Abu Grein/ }).tap();
      await page.locator('.sidebar.right .place-head h3', { hasText: 'Abu Grein' }).waitFor();
      expect(await badControls(page)).toEqual([]);
      await screenshot(page, `small-${shot}-orders`);
      await page.locator('.sidebar.right .order-item:not(:disabled)').first().tap();
      await page.locator('.sidebar.right .preview .btn.primary').tap();
      await expect.poll(() => page.locator('.sidebar.right .queue-item').count()).toBe(1);

      if (sheets) {
        // The indicators sheet replaces it.
        await page.getByRole('button', { name: 'Indicators', exact: true }).tap();
        list = await boxes(page);
        expect(list.map((b) => b.name)).toContain('indicators');
        expect(list.map((b) => b.name)).not.toContain('orders');
        expect(overlaps(list)).toEqual([]);
        await screenshot(page, `small-${shot}-indicators`);
        if (name === 'phone') {
          const found = await axeViolations(page);
          expect(describeViolations('phone, indicators', found)).toEqual([]);
        }
        await page.getByRole('button', { name: 'Indicators', exact: true }).tap();
      }

      // End turn, by a tap; the report reads on the small screen.
      await page.locator('button.end-turn').tap();
      await page.waitForFunction(() => (window as unknown as { ceasefireLine: { turn: number } }).ceasefireLine.turn === 2, null, { timeout: 30_000 });
      await page.locator('.modal-backdrop [role=dialog]').first().waitFor({ timeout: 10_000 });
      await screenshot(page, `small-${shot}-card`);
      const modal = await page.locator('.modal-backdrop [role=dialog]').first().boundingBox();
      expect(modal && modal.x >= 0 && modal.x + modal.width <= width + 1).toBe(true);
      expect(problems.all()).toEqual([]);
    } finally {
      await context.close();
    }
  });
  }
});
