// A front you can read, in Chromium: every area of the map is tinted (and for the LNA hatched)
// by who holds its place, and the front line runs between the two sides' areas. A mediator's war
// in "Sirte Falls" is played in Node first (no orders but the first option of each decision) to
// know who holds what after each turn; in the browser the areas drawn must follow it turn by
// turn, a change of hands included. The Greater Tripoli close-up opens with T and closes again.
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/cli/files.ts';
import { newGame, type State } from '../../src/sim/index.ts';
import { openPage, screenshot, usePreview } from './harness.ts';
import { quietTurn } from './node-war.ts';
import { drainCards, enableReducedMotion, endTurn, fillNewGame, HD, readBriefing, takeCommand, waitReady, whyNot } from './play-helpers.ts';

const loaded = loadScenarioFile('sirte-2020');
if (!loaded.ok) throw new Error('sirte-2020 does not load');
const scenario = loaded.value;
const TURNS = 3;

/** Who holds each place after each of the first turns of the mediator's war. */
function holdersByTurn(seed: string): Record<string, string>[] {
  let state: State = newGame(scenario, seed, ['mediator'], 'normal');
  const out = [controllers(state)];
  for (let t = 0; t < TURNS && !state.ending; t++) {
    state = quietTurn(scenario, state).state;
    out.push(controllers(state));
  }
  return out;
}

function controllers(state: State): Record<string, string> {
  return Object.fromEntries(scenario.map.places.map((p) => [p.id, state.places[p.id]?.controller ?? 'local']));
}

type Areas = { holders: Record<string, string>; front: number } | null;

describe('the front on the map', () => {
  const preview = usePreview();

  it('tints every area by its holder, moves with a change of hands, and closes up on Greater Tripoli', { timeout: 240_000 }, async (ctx) => {
    const server = preview();
    if (whyNot || !server) return ctx.skip(whyNot ?? 'no server');
    // A seed whose war changes hands in its first turns (most do: the front south of Tripoli moves early).
    let seed = '';
    let expected: Record<string, string>[] = [];
    for (let i = 0; i < 50; i++) {
      seed = `front-${i}`;
      expected = holdersByTurn(seed);
      if (JSON.stringify(expected[0]) !== JSON.stringify(expected[expected.length - 1])) break;
    }
    expect(JSON.stringify(expected[0]), 'some place changes hands').not.toBe(JSON.stringify(expected[expected.length - 1]));
    const { page, problems, close } = await openPage(server.url, { viewport: HD });
    const areas = () => page.evaluate(() => (window as unknown as { ceasefireLine: { areas: Areas } }).ceasefireLine.areas);
    try {
      await waitReady(page, 'MainMenu');
      await enableReducedMotion(page);
      await fillNewGame(page, { role: 'mediator', seed });
      await readBriefing(page);
      await takeCommand(page);
      await drainCards(page, { firstTimeoutMs: 15_000 });
      const first = await areas();
      expect(first?.holders).toEqual(expected[0]);
      expect(first?.front, 'a front line is drawn').toBeGreaterThan(0);
      await screenshot(page, 'front-map');
      for (let turn = 1; turn < expected.length; turn++) {
        await endTurn(page, 'button', { firstTimeoutMs: 20_000 });
        expect((await areas())?.holders, `turn ${turn}`).toEqual(expected[turn]);
      }

      // Greater Tripoli: T closes up (the button says so), T again goes back.
      const toggle = page.getByRole('button', { name: /Zoom to Greater Tripoli/ });
      expect(await toggle.getAttribute('aria-pressed')).toBe('false');
      await page.locator('body').focus();
      await page.keyboard.press('t');
      await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
      await page.waitForTimeout(400);
      await screenshot(page, 'front-tripoli');
      await toggle.click();
      await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('false');
      expect(problems.all()).toEqual([]);
    } finally {
      await close();
    }
  });
});
