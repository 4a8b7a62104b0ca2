// The ceasefire forecast in Chromium: as the mediator in "Sirte Falls", with a seed found in Node
// where a side will accept the proposal the order list offers first, the preview says who will
// accept and refuse and with what figures, and after the turn the report gives the same answers
// with the same figures; the browser's war is Node's, hash for hash.
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/cli/files.ts';
import { ceasefireForecast, forecastMsgs, newGame, stateHash, TERM_PACKAGES } from '../../src/sim/index.ts';
import { messageText } from '../../src/ui/report-text.ts';
import { openPage, screenshot, usePreview } from './harness.ts';
import { quietTurn } from './node-war.ts';
import { dialog, drainCards, enableReducedMotion, endTurn, fillNewGame, HD, nationalTab, queueOrder, readBriefing, readHook, takeCommand, waitReady, whyNot } from './play-helpers.ts';

const loaded = loadScenarioFile('sirte-2020');
if (!loaded.ok) throw new Error('sirte-2020 does not load');
const scenario = loaded.value;
const terms = TERM_PACKAGES[0]!;


describe('the ceasefire forecast is the answer', () => {
  const preview = usePreview();

  it('as the mediator: the preview says a side will accept, and it does, with the same figures', { timeout: 180_000 }, async (ctx) => {
    const server = preview();
    if (whyNot || !server) return ctx.skip(whyNot ?? 'no server');
    // A seed and a turn (playing on with nothing but the decisions' first options) where a side will accept.
    let seed = '';
    let turn = 0;
    let lines: string[] = [];
    let expected: string[] = [];
    let hashes: string[] = [];
    for (let i = 0; i < 200 && !turn; i++) {
      seed = `forecast-${i}`;
      let state = newGame(scenario, seed, ['mediator'], 'historical');
      hashes = [];
      for (let t = 1; t <= 8 && !state.ending; t++) {
        const forecast = ceasefireForecast(scenario, state, 'mediator', terms);
        if (forecast.some((f) => f.calc?.accept)) {
          lines = forecastMsgs(scenario, forecast).map((m) => messageText(m, scenario));
          expected = forecast.map((f) => `${scenario.sides[f.side].shortName} ${f.calc!.accept ? 'accepted' : 'rejected'} the ceasefire (deal ${f.calc!.deal} against fighting on ${f.calc!.fight})`);
          hashes.push(stateHash(quietTurn(scenario, state, 'mediator', [{ actor: 'mediator', kind: 'propose-ceasefire', terms }]).state));
          turn = t;
          break;
        }
        state = quietTurn(scenario, state).state;
        hashes.push(stateHash(state));
      }
    }
    expect(turn, 'a seed where a side accepts in the first eight turns').toBeGreaterThan(0);

    const { page, problems, close } = await openPage(server.url, { viewport: HD });
    try {
      await waitReady(page, 'MainMenu');
      await enableReducedMotion(page);
      await fillNewGame(page, { role: 'mediator', seed, difficulty: 'historical' });
      await readBriefing(page);
      await takeCommand(page);
      await drainCards(page, { firstTimeoutMs: 15_000 });
      for (let t = 1; t < turn; t++) {
        await endTurn(page, 'button', { firstTimeoutMs: 20_000 });
        expect((await readHook(page)).hash, `turn ${t}: the browser's war is Node's`).toBe(hashes[t - 1]);
      }
      await nationalTab(page);
      let risks: string[] = [];
      const queued = await queueOrder(page, [/^Propose a ceasefire/], {
        beforeAdd: async (p) => {
          risks = (await p.locator('.risks li').allTextContents()).map((t) => t.trim());
          await screenshot(page, 'forecast-preview');
        },
      });
      expect(queued).not.toBeNull();
      for (const line of lines) expect(risks).toContain(line);
      const said: string[] = [];
      await endTurn(page, 'button', {
        firstTimeoutMs: 20_000,
        onCard: async (card) => {
          if (card.kind !== 'report') return;
          said.push(...(await dialog(page).first().locator('li').allTextContents()));
        },
      });
      expect((await readHook(page)).hash, "the browser's war is Node's").toBe(hashes[turn - 1]);
      for (const answer of expected) expect(said.some((t) => t.includes(answer)), answer).toBe(true);
      expect(problems.all()).toEqual([]);
    } finally {
      await close();
    }
  });
});
