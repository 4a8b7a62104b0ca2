// "Left history here" in Chromium: a war as the mediator in "Sirte Falls" (no orders but the
// first option of each decision), played in Node first to find a seed whose war parts from the
// record early; in the browser the turn report of that turn opens with the same line, and the
// "Report" button shows it again.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEVELS, loadScenarioFile } from '../../src/cli/files.ts';
import { type HistoryRecord, HistoryTrack, loadRecord, newGame, stateHash } from '../../src/sim/index.ts';
import { messageText } from '../../src/ui/report-text.ts';
import { openPage, screenshot, usePreview } from './harness.ts';
import { quietTurn } from './node-war.ts';
import { dialog, drainCards, enableReducedMotion, endTurn, fillNewGame, HD, readBriefing, readHook, takeCommand, waitReady, whyNot } from './play-helpers.ts';

const loaded = loadScenarioFile('sirte-2020');
if (!loaded.ok) throw new Error('sirte-2020 does not load');
const scenario = loaded.value;
const recordResult = loadRecord({ file: 'levels/record.json', data: JSON.parse(readFileSync(join(LEVELS, 'record.json'), 'utf8')) }, scenario.map.places.map((p) => p.id));
if (!recordResult.ok) throw new Error('the record does not load');
const record: HistoryRecord = recordResult.value;

/** The mediator's war with no orders but the first option of each decision: the turn it first leaves history, its line, and each turn's hash. */
function firstDeparture(seed: string, maxTurns: number): { turn: number; text: string; hashes: string[] } | null {
  let state = newGame(scenario, seed, ['mediator'], 'normal');
  const track = new HistoryTrack(record, scenario, state);
  const hashes: string[] = [];
  for (let t = 0; t < maxTurns && !state.ending; t++) {
    state = quietTurn(scenario, state).state;
    hashes.push(stateHash(state));
    const left = track.next(state);
    if (left[0]) return { turn: state.turn - 1, text: messageText(left[0].msg, scenario), hashes };
  }
  return null;
}

describe('left history here', () => {
  const preview = usePreview();

  it('the turn report names where the war parted from the record, as the record says', { timeout: 240_000 }, async (ctx) => {
    const server = preview();
    if (whyNot || !server) return ctx.skip(whyNot ?? 'no server');
    let seed = '';
    let found: ReturnType<typeof firstDeparture> = null;
    for (let i = 0; i < 200 && !found; i++) {
      seed = `left-history-${i}`;
      found = firstDeparture(seed, 6);
    }
    expect(found, 'some seeded war parts from the record in its first six turns').not.toBeNull();
    const { page, problems, close } = await openPage(server.url, { viewport: HD });
    try {
      await waitReady(page, 'MainMenu');
      await enableReducedMotion(page);
      await fillNewGame(page, { role: 'mediator', seed });
      await readBriefing(page);
      await takeCommand(page);
      await drainCards(page, { firstTimeoutMs: 15_000 });
      const lines: string[] = [];
      let standing: [string, string][] = [];
      for (let turn = 1; turn <= found!.turn; turn++) {
        await endTurn(page, 'button', {
          firstTimeoutMs: 20_000,
          onCard: async (card) => {
            if (card.kind !== 'report') return;
            const box = dialog(page).first();
            const left = box.locator('.left-history-line');
            if (await left.count()) {
              lines.push(`${turn}: ${(await left.textContent())?.trim()}`);
              await screenshot(page, 'left-history');
            }
            // "Where things stand": what moved, before → after.
            const list = box.locator('.standing-list');
            await list.scrollIntoViewIfNeeded();
            if (turn === 1) await screenshot(page, 'report-standing');
            const labels = await list.locator('dt').allTextContents();
            const values = await list.locator('dd').allTextContents();
            standing = labels.map((l, i) => [l, (values[i] ?? '').replace(/\s*[▲▼]$/, '').split(' → ')[1] ?? '']);
          },
        });
        expect((await readHook(page)).hash, `turn ${turn}: the browser's war is Node's`).toBe(found!.hashes[turn - 1]);
        // One truth: each country and talks figure the report gave is the one the left column shows now.
        const panel = await page.evaluate(() => {
          const out: Record<string, string> = {};
          for (const grid of document.querySelectorAll('.sidebar .indicators')) {
            const cells = [...grid.children].filter((c) => c.tagName === 'SPAN');
            for (let i = 0; i + 1 < cells.length; i += 2) out[cells[i]!.textContent ?? ''] = cells[i + 1]!.textContent ?? '';
          }
          return out;
        });
        const shared = standing.filter(([label]) => label in panel);
        expect(shared.length, `turn ${turn}: the report names figures the panel shows`).toBeGreaterThan(0);
        for (const [label, value] of shared) expect(panel[label]?.replace(' · blockade', ''), `turn ${turn}: ${label}`).toBe(value);
      }
      expect(lines).toEqual([`${found!.turn}: Left history here: ${found!.text}`]);
      // The Report button shows the last report again, line included.
      await page.getByRole('button', { name: 'Report' }).click();
      await expect.poll(() => dialog(page).first().locator('.left-history-line').textContent()).toBe(`Left history here: ${found!.text}`);
      await dialog(page).first().locator('.modal-foot .btn.primary').click();
      expect(problems.all()).toEqual([]);
    } finally {
      await close();
    }
  });
});
