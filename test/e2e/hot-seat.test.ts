// Hot-seat: three people at one screen (the GNA, the LNA and the mediator) play three turns of
// "Sirte Falls". Each person's turn starts behind a "pass the screen" page; while it is up,
// neither the DOM nor the map canvas holds anything of the view of the person who just left
// (their exact figures, their side's panel, the forces drawn on the map).
import { describe, expect, it } from 'vitest';
import { openPage, screenshot, usePreview } from './harness.ts';
import { dialog, drainCards, enableReducedMotion, HD, nationalTab, queueOrder, readBriefing, readHook, text, waitForScene, waitReady, whyNot } from './play-helpers.ts';

type Seat = 'gna' | 'lna' | 'mediator';
const SEATS: Seat[] = ['gna', 'lna', 'mediator'];
const SHORT: Record<Seat, string> = { gna: 'GNA', lna: 'LNA', mediator: 'Mediator' };
/** One order each person gives every turn (the first that can be). */
const ORDERS: Record<Seat, RegExp[]> = {
  gna: [/^Public messaging/, /^Pay salaries/],
  lna: [/^Public messaging/, /^Pay salaries/],
  mediator: [/^Shuttle diplomacy/, /^Enforce the arms embargo/],
};

describe('hot-seat: three people at one screen', () => {
  const preview = usePreview();

  it('plays three turns; every hand-over hides the last view', { timeout: 300_000 }, async (ctx) => {
    const server = preview();
    if (whyNot || !server) return ctx.skip(whyNot ?? 'no server');
    const { page, problems, close } = await openPage(server.url, { viewport: HD });
    try {
      await waitReady(page, 'MainMenu');
      await enableReducedMotion(page);
      await page.getByRole('button', { name: 'New game' }).click();
      await page.getByRole('group', { name: 'Scenario' }).getByRole('button', { name: /Sirte Falls/ }).click();
      await page.locator('#menu-hotseat').check();
      await page.getByRole('group', { name: 'Role' }).getByRole('button', { name: /^LNA/ }).click();
      await page.getByRole('group', { name: 'Role' }).getByRole('button', { name: /^Mediator/ }).click();
      await expect.poll(() => text(page.locator('#menu-seats'))).toMatch(/in turn order: GNA → LNA → Mediator/);
      const seed = page.getByRole('textbox', { name: 'Seed' });
      await seed.click();
      await seed.press('Control+a');
      await seed.pressSequentially('e2e-hot-seat');
      await readBriefing(page);
      // The briefing is the first person's; then the screen is passed to them by name.
      await page.getByRole('button', { name: /Take command/ }).click();
      await waitForScene(page, 'Game');

      /** While the hand-over is up: nothing of `left`'s view is on the page or the canvas. */
      const checkHidden = async (to: Seat, left: Seat | null, secrets: string[]) => {
        await page.waitForFunction((r) => window.ceasefireLine.handOver === r, to, { timeout: 30_000 });
        const box = dialog(page).first();
        expect(await text(box.locator('.modal-head h2'))).toMatch(/^Pass the screen to /);
        const dom = await page.evaluate(() => ({
          html: document.body.innerHTML,
          text: document.body.textContent ?? "",
          panels: document.querySelectorAll('.sidebar.left > *, .sidebar.right .order-list, .sidebar.right .forces, .sidebar.right .queue-item').length,
          tipShown: !(document.querySelector('.map-tip') as HTMLElement | null)?.hidden,
        }));
        expect(dom.panels, 'the panels are empty').toBe(0);
        expect(dom.tipShown).toBe(false);
        expect(await page.evaluate(() => window.ceasefireLine.mapForces), 'the map draws no forces').toEqual([]);
        if (left) {
          expect(dom.text).not.toMatch(new RegExp(`You: ${SHORT[left]}`));
          for (const secret of secrets) expect(dom.html.includes(secret), `"${secret}" of the ${SHORT[left]} is not in the page`).toBe(false);
        }
        await screenshot(page, `hot-seat-handover-${to}-turn-${(await readHook(page)).turn}`);
      };
      /** The exact figures only this person sees: their own panel's money and fighters (a side), and every force label on the map. */
      const secretsOf = async (seat: Seat): Promise<string[]> => {
        if (seat === 'mediator') return [];
        const own = page.locator('.sidebar.left section.box').first();
        const values = await own.locator('.indicators .v').allInnerTexts();
        // Fighters and money: exact for the side, a range or another figure for everyone else.
        return values.slice(0, 2).map((v) => v.trim());
      };

      let left: Seat | null = null;
      let secrets: string[] = [];
      for (let turn = 1; turn <= 3; turn++) {
        for (const seat of SEATS) {
          await checkHidden(seat, left, secrets);
          await page.locator('#handover-ready').click();
          await page.waitForFunction(() => window.ceasefireLine.handOver === null);
          await drainCards(page, { firstTimeoutMs: 4_000 });
          expect(await text(page.locator('.brand'))).toMatch(new RegExp(`^${SHORT[seat]} · Sirte Falls`));
          expect((await readHook(page)).turn).toBe(turn);
          // Once the person is there, the map draws the forces as they see them.
          expect((await page.evaluate(() => window.ceasefireLine.mapForces)).length).toBeGreaterThan(5);
          secrets = await secretsOf(seat);
          await nationalTab(page);
          expect(await queueOrder(page, ORDERS[seat]), `${seat} gives an order on turn ${turn}`).not.toBeNull();
          const end = page.locator('button.end-turn');
          expect(await text(end)).toMatch(seat === 'mediator' ? /^End turn/ : new RegExp(`^Pass to ${SHORT[SEATS[SEATS.indexOf(seat) + 1] as Seat]}`));
          await end.click();
          left = seat;
        }
      }
      await checkHidden('gna', 'mediator', secrets);
      expect((await readHook(page)).turn).toBe(4);
      const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('ceasefire-line:autosave') ?? 'null'));
      expect(saved.humans).toEqual(['gna', 'lna', 'mediator']);
      const actors = (saved.orders as { actor: string }[][]).map((t) => [...new Set(t.filter((o) => SEATS.includes(o.actor as Seat)).map((o) => o.actor))].sort());
      expect(actors).toEqual([SEATS.slice().sort(), SEATS.slice().sort(), SEATS.slice().sort()]);
      expect(problems.all()).toEqual([]);
    } finally {
      await close();
    }
  });
});
