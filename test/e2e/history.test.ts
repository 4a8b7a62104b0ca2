// History, second edition, in Chromium: the primer opens above the first briefing of a
// historical scenario (with its dated steps and its small map), a news card says who made a
// claim and when and opens a glossary term in place, the glossary holds the primer, and the
// ending screen closes with what came after (a game opened at its last turn from a link).
import { describe, expect, it } from 'vitest';
import { encodeOrders } from '../../src/game/link.ts';
import { openPage, screenshot, usePreview } from './harness.ts';
import { dialog, drainCards, endTurn, HD, takeCommand, text, waitForScene, waitReady, whyNot } from './play-helpers.ts';

describe('history: the primer, claims, glossary links and the epilogue', () => {
  const preview = usePreview();

  it('shows the primer, a claim with who made it, a term in place, and the primer in the glossary', { timeout: 180_000 }, async (ctx) => {
    const server = preview();
    if (whyNot || !server) return ctx.skip(whyNot ?? 'no server');
    const { page, problems, close } = await openPage(`${server.url}?scenario=tripoli-2019&role=gna&seed=e2e-history`, { viewport: HD });
    try {
      await waitReady(page, 'Briefing');
      const primer = page.locator('#briefing-primer');
      await primer.locator('.primer-svg').waitFor();
      expect(await primer.getAttribute('open')).not.toBeNull();
      expect(await primer.locator('.primer-tab').allInnerTexts()).toEqual(['2011', '2014', '2015', '2018', '2019']);
      await primer.getByRole('button', { name: '2014' }).click();
      await expect.poll(() => text(primer.locator('.primer-step .primer-step-title'))).toBe('Two parliaments, two governments');
      expect(await primer.locator('.primer-svg').getAttribute('aria-label')).toMatch(/Tobruk/);
      await screenshot(page, 'history-primer');

      await takeCommand(page);
      // The opening news: the claim of detainees pressed into service, with who made it and when.
      const card = dialog(page).first();
      await card.waitFor({ timeout: 15_000 });
      const claim = card.locator('[data-claim="migrants-pressed"]');
      await claim.scrollIntoViewIfNeeded();
      expect(await text(claim)).toMatch(/^Claimed by Human Rights Watch.* on 26 April 2019\. Disputed by the GNA's migration agency/);
      expect(await text(card.locator('[data-event="migrants-pressed"] .eyebrow'))).toBe('15 April 2019 · A claim, not established');
      const term = card.locator('[data-event="migrants-pressed"] details.term').first();
      await term.locator('summary').click();
      expect(await term.getAttribute('open')).not.toBeNull();
      expect(await text(term.locator('p'))).toMatch(/Mitiga/);
      await screenshot(page, 'history-claim');
      await drainCards(page);

      await page.getByRole('button', { name: 'Glossary' }).click();
      const glossary = dialog(page).first();
      await glossary.locator('#glossary-primer').waitFor();
      expect(await glossary.locator('#glossary-primer').getAttribute('open')).toBeNull();
      expect(await glossary.locator('[data-concept="security-dilemma"]').count()).toBe(1);
      await glossary.locator('.modal-foot .btn.primary').click();
      expect(problems.all()).toEqual([]);
    } finally {
      await close();
    }
  });

  it('closes the ending with what came after', { timeout: 180_000 }, async (ctx) => {
    const server = preview();
    if (whyNot || !server) return ctx.skip(whyNot ?? 'no server');
    // The mediator's seven quiet turns of Road to Geneva, then the last one played here.
    const orders = encodeOrders(Array.from({ length: 7 }, () => []));
    if (!orders) throw new Error('the orders did not encode');
    const { page, problems, close } = await openPage(`${server.url}?scenario=geneva-2020&role=mediator&seed=e2e-epilogue&skip=briefing&orders=${orders}`, { viewport: HD });
    try {
      await waitReady(page, 'Game');
      await drainCards(page, { firstTimeoutMs: 5_000 });
      await endTurn(page, 'button', { stopAtScene: 'Ending' });
      await waitForScene(page, 'Ending');
      const epilogue = page.locator('#ending-epilogue');
      await epilogue.locator('.primer-svg').waitFor();
      expect(await text(epilogue.locator('h3'))).toBe('What came after');
      await epilogue.getByRole('button', { name: 'Elections' }).click();
      await expect.poll(() => text(epilogue.locator('.primer-step'))).toMatch(/24 December 2021/);
      await epilogue.scrollIntoViewIfNeeded();
      await screenshot(page, 'history-epilogue');
      expect(problems.all()).toEqual([]);
    } finally {
      await close();
    }
  });
});
