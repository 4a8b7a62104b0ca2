// A game started from a link (?scenario=sirte-2020&role=gna&seed=…), three turns played with
// clicks, then replayed headless: the player's own orders read back from the autosave and fed
// to playWithOrders (every other actor AI) give the very state hash the browser shows, turn by
// turn. The browser and Node run the same sim core: this is the game's replay promise.
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/cli/files.ts';
import { playWithOrders } from '../../src/sim/play.ts';
import type { Difficulty, Order } from '../../src/sim/types.ts';
import { openPage, usePreview } from './harness.ts';
import { drainCards, enableReducedMotion, HD, playTurn, readAutosave, readHook, takeCommand, waitForScene, waitReady, whyNot } from './play-helpers.ts';

const SEED = 'e2e-link-42';

describe('play: a linked game replays headless to the same hash', () => {
  const preview = usePreview();

  it('plays three turns from a link; playWithOrders on the saved player orders gives the same hash', { timeout: 240_000 }, async (ctx) => {
    const server = preview();
    if (whyNot || !server) return ctx.skip(whyNot ?? 'no server');
    const scenario = loadScenarioFile('sirte-2020');
    if (!scenario.ok) throw new Error('sirte-2020 does not load');
    const { page, problems, close } = await openPage(server.url, { viewport: HD });
    try {
      // Map animations off first (a setting kept in this browser), then the link.
      await waitReady(page, 'MainMenu');
      await enableReducedMotion(page);
      await page.goto(`${server.url}?scenario=sirte-2020&role=gna&seed=${SEED}`, { waitUntil: 'load' });
      await waitForScene(page, 'Briefing');
      await expect.poll(() => page.locator('.briefing').textContent()).toContain(`Seed ${SEED} · normal`);
      await takeCommand(page);
      await drainCards(page, { firstTimeoutMs: 15_000 });

      const seen: string[] = [(await readHook(page)).hash];
      const turns = [
        await playTurn(page, {
          place: { name: 'Abu Grein', orders: [/^Attack Sirte/, /^Attack/, /^Fortify/] },
          national: [[/^Ask Turkey/, /^Ask .* for more support/], [/^Public messaging/]],
          required: [0, 1],
          end: 'button',
        }),
        await playTurn(page, {
          place: { name: 'Tripoli', orders: [/^Attack Tripoli International Airport/, /^Fortify/] },
          national: [[/^Pay salaries/, /^Public messaging/]],
          end: 'key',
        }),
        await playTurn(page, {
          place: { name: 'Misrata', orders: [/^Move/, /^Fortify/] },
          national: [[/^Public messaging/, /^Ask .* for more support/]],
          end: 'button',
        }),
      ];
      for (const t of turns) seen.push(t.after.hash);
      const hook = await readHook(page);
      expect(hook.turn).toBe(4);

      const save = await readAutosave(page);
      expect(save).not.toBeNull();
      if (!save) return;
      expect({ scenarioId: save.scenarioId, seed: save.seed, role: save.role, difficulty: save.difficulty }).toEqual({
        scenarioId: 'sirte-2020',
        seed: SEED,
        role: 'gna',
        difficulty: 'normal',
      });
      expect(save.orders.length).toBe(3);
      const mine = save.orders.map((turn) => turn.filter((o) => o.actor === 'gna')) as unknown as Order[][];
      // The orders queued in the browser are the ones saved (event choices aside, there were none).
      expect(mine.map((t) => t.length)).toEqual(turns.map((t) => t.queued.length));

      const headless = playWithOrders(scenario.value, save.seed, 'gna', mine, save.difficulty as Difficulty);
      expect(headless.hashes.at(-1)).toBe(hook.hash);
      expect(headless.hashes).toEqual(seen.slice(1));
      expect(problems.all()).toEqual([]);
    } finally {
      await close();
    }
  });
});
