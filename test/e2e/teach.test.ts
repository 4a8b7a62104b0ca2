// Teaching a class in Chromium (issue 16): the teacher creates a class of two tables from the
// main menu (Teach a class); two student contexts join with the class code and are seated, one
// at each table; the teacher starts the tables and sends news to table 1 only; the students play
// a turn; the console shows both tables at turn 2 with their figures; the news reached table 1
// and not table 2; the debrief sets both tables beside history and its CSV has a row per table
// per turn. No console error throughout.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Running, startServer } from '../../server/app.ts';
import { resetClassLimits } from '../../server/class-room.ts';
import { resetLimits } from '../../server/room.ts';
import { loadScenarioFile } from '../../src/cli/files.ts';
import { distributionConfig } from '../../src/net/distribution.ts';
import { explore } from '../../src/sim/explore.ts';
import { axeViolations, describeViolations } from './axe.ts';
import { buildOnce, DIST, type OpenedPage, openPage, screenshot, whyNot } from './harness.ts';
import { drainCards, nationalTab, queueOrder, readHook, waitForScene } from './play-helpers.ts';

const PORT = 20_000 + ((process.pid * 17 + 7) % 20_000);
let running: Running | null = null;

describe.skipIf(whyNot)('teaching a class in the browser', () => {
  beforeAll(async () => {
    buildOnce();
    resetLimits();
    resetClassLimits();
    running = await startServer({ port: PORT, host: '127.0.0.1', dist: DIST, dataDir: null, graceSeconds: 5 });
  });
  afterAll(async () => {
    await running?.stop();
  });

  it('a class of two tables: seated students, a turn, an inject to one table, the debrief and its CSV', { timeout: 240_000 }, async () => {
    const url = `http://127.0.0.1:${PORT}/`;
    const pages: OpenedPage[] = [];
    try {
      const teacher = await openPage(url, { viewport: { width: 1400, height: 900 } });
      pages.push(teacher);
      const students: OpenedPage[] = [];
      for (let i = 0; i < 2; i++) {
        const s = await openPage(url);
        pages.push(s);
        students.push(s);
      }
      for (const p of pages) await p.page.waitForSelector('#menu-classroom', { timeout: 60_000 });

      // The teacher creates the class: sirte-2020, two tables, the GNA and the LNA for people.
      const t = teacher.page;
      await t.click('#menu-teach');
      await t.fill('#console-name', 'Ms Haddad');
      await t.selectOption('#console-scenario', 'sirte-2020');
      await t.uncheck('input[data-seat="mediator"]');
      await t.fill('#console-tables', '2');
      await t.fill('#console-seed', 'teach-1');
      await t.click('#console-create');
      await t.waitForSelector('#console-code');
      const code = (await t.textContent('#console-code'))!.trim();
      expect(code).toMatch(/^[A-Z]{6}$/);
      // The key is kept in the teacher's browser, never in the address.
      expect(t.url()).not.toMatch(/key/i);
      const stored = await t.evaluate(() => localStorage.getItem('ceasefire-line:class:teacher'));
      expect(JSON.parse(stored!).code).toBe(code);

      // Two students join with the class code: balanced, one at each table, in the GNA seat.
      const names = ['Amal', 'Badr'];
      for (const [i, s] of students.entries()) {
        await s.page.click('#menu-classroom');
        await s.page.fill('#class-name', names[i]!);
        await s.page.fill('#class-class-code', code.toLowerCase());
        await s.page.click('#class-join-class');
        await s.page.waitForSelector('#class-place');
        expect(await s.page.textContent('#class-place')).toContain(`table ${i + 1}, in the Government of National Accord`);
      }
      await t.waitForFunction(() => document.querySelectorAll('#console-student-list li').length === 2);
      await screenshot(t, 'teach-gathering');

      // Seating by hand: Badr's name dragged onto table 1's LNA seat, then back onto table 2's
      // GNA seat; the list beside each name does the same by keyboard.
      const badrSeat = () => t.$eval('select[data-student="Badr"]', (x) => (x as HTMLSelectElement).value);
      await t.dragAndDrop('[data-chip="Badr"]', '[data-seat="1|lna"]');
      await t.waitForFunction(() => (document.querySelector('select[data-student="Badr"]') as HTMLSelectElement | null)?.value === '1|lna');
      await students[1]!.page.waitForFunction(() => document.querySelector('#class-place')?.textContent?.includes('table 1, in the Libyan National Army'));
      expect(await t.textContent('[data-seat="1|lna"]')).toContain('Badr');
      expect(describeViolations('seating plan', await axeViolations(t))).toEqual([]);
      await screenshot(t, 'teach-seating-plan');
      await t.dragAndDrop('[data-chip="Badr"]', '[data-seat="2|gna"]');
      await t.waitForFunction(() => (document.querySelector('select[data-student="Badr"]') as HTMLSelectElement | null)?.value === '2|gna');
      expect(await badrSeat()).toBe('2|gna');
      // A table opened in full before the start: its opening, nothing played yet.
      await t.click('[data-open-table="2"]');
      await t.waitForSelector('#full-places tr[data-place="sirte"]', { timeout: 30_000 });
      expect(await t.textContent('#full-status')).toMatch(/^Turn 1: 0 turns played/);
      expect(await t.evaluate(() => document.activeElement?.id)).toBe('full-back');
      await t.keyboard.press('Enter');
      await t.waitForSelector('#console-student-list');
      expect(await t.evaluate(() => document.activeElement?.getAttribute('data-open-table'))).toBe('2');

      await t.click('#console-start');
      // Each student plays on the game screen of a single game, with the table's waiting line.
      for (const s of students) {
        await waitForScene(s.page, 'Game');
        await s.page.waitForSelector('#table-waiting', { timeout: 30_000 });
        await drainCards(s.page, { firstTimeoutMs: 5_000 });
        expect((await readHook(s.page)).turn).toBe(1);
        expect(await s.page.textContent('#table-waiting')).toMatch(/^Waiting for: /);
      }
      await t.waitForFunction(() => document.querySelectorAll('.console-table').length === 2 && document.querySelector('#console-table-2')?.textContent?.includes('waiting for'));

      // News for table 1 only, fired at the next turn.
      await t.selectOption('#inject-target', '1');
      await t.fill('#inject-text', 'Reports of a ceasefire proposal reach Sirte.');
      await t.click('#inject-send');
      await t.waitForFunction(() => document.querySelector('#console-table-1 .console-injects')?.textContent?.includes('ceasefire proposal'));
      expect(await t.$('#console-table-2 .console-injects')).toBeNull();

      // Both students end turn 1.
      // Amal (table 1, GNA) writes to the LNA seat and gives one order: words and deeds.
      const amal = students[0]!.page;
      await amal.selectOption('#table-to', 'lna');
      await amal.fill('#table-text', 'We will hold our positions this fortnight.');
      await amal.click('#table-send');
      await amal.waitForFunction(() => document.querySelector('#table-messages')?.textContent?.includes('hold our positions'));
      await nationalTab(amal);
      const queued = await queueOrder(amal, [/^Public messaging/, /^Pay salaries/, /./]);
      expect(queued).not.toBeNull();
      const amalOrder = queued!.text;
      for (const s of students) await s.page.click('button.end-turn');
      for (const s of students) {
        await drainCards(s.page, { firstTimeoutMs: 30_000 });
        expect((await readHook(s.page)).turn).toBe(2);
      }
      await students[0]!.page.waitForFunction(() => document.querySelector('#table-messages')?.textContent?.includes('ceasefire proposal'));
      expect(await students[1]!.page.textContent('#table-messages')).not.toContain('ceasefire proposal');

      // The console: both tables at turn 2, with their figures.
      await t.waitForFunction(() => [1, 2].every((n) => document.querySelector(`#console-table-${n} .console-turn`)?.textContent?.startsWith('turn 2')));
      for (const n of [1, 2]) {
        expect(await t.textContent(`#console-table-${n} [data-place="tripoli"]`)).toBe('GNA');
        expect(await t.textContent(`#console-table-${n} [data-figure="escalation"]`)).toMatch(/\/100$/);
      }
      expect(await t.textContent('#console-table-1')).toContain('ceasefire proposal');
      await screenshot(t, 'teach-console');

      // Table 1 in full: the whole state with no fog, rebuilt from its orders and checked.
      await t.click('[data-open-table="1"]');
      await t.waitForSelector('#full-places tr[data-place="tripoli"]', { timeout: 30_000 });
      expect(await t.textContent('#full-status')).toMatch(/1 turn played, every one checked/);
      expect(await t.textContent('#full-places tr[data-place="tripoli"] td.held')).toBe('GNA');
      // Both sides' money and fighters: what no single seat sees of the other.
      const sides = await t.$$eval('#full-sides tbody tr', (rows) => rows.map((r) => [...r.children].map((c) => c.textContent)));
      expect(sides[0]![0]).toBe('Money');
      expect(sides[0]!.slice(1).every((x) => /^\$\d[\d,]*M$/.test(x ?? ''))).toBe(true);
      expect(await t.$$eval('#full-reports details', (d) => d.map((x) => x.getAttribute('data-turn')))).toEqual(['1', 'opening']);
      expect(await t.textContent('#full-reports details[data-turn="1"]')).toContain('What the seats ordered');
      await t.waitForSelector('#aar-charts .aar-chart, #aar-charts figure', { timeout: 30_000 });
      expect(describeViolations('table in full', await axeViolations(t))).toEqual([]);
      await screenshot(t, 'teach-table-in-full');
      await t.$eval('#full-places', (e) => e.scrollIntoView());
      await screenshot(t, 'teach-table-in-full-places');
      await t.$eval('#full-reports', (e) => e.scrollIntoView());
      await screenshot(t, 'teach-table-in-full-reports');
      // A student's browser received none of it.
      for (const s of students) expect(await s.page.$('#full-table')).toBeNull();
      await t.click('#full-back');
      await t.waitForSelector('#console-table-2');

      // Five minutes a turn at every table, from the turn in play: the students see the countdown.
      await t.selectOption('#console-timer-change', '300');
      await t.click('#console-timer-send');
      await t.waitForFunction(() => document.querySelector('#console-timer-now')?.textContent?.includes('5 minutes a turn'));
      for (const s of students) await s.page.waitForFunction(() => /^\d+:\d\d left$/.test(document.querySelector('#table-clock')?.textContent ?? ''));

      // The debrief: both tables beside history; the CSV has a row per table per turn.
      await t.click('#console-debrief');
      await t.waitForSelector('#debrief-table');
      const headers = await t.$$eval('#debrief-table thead th', (th) => th.map((x) => x.textContent));
      expect(headers).toEqual(['Figure', 'History', 'Table 1', 'Table 2']);
      expect(await t.textContent('#debrief-table')).toContain('Tripoli held by');
      // Words and deeds: Amal's message beside the GNA's orders of that turn and the next.
      await t.waitForSelector('#debrief-words [data-table="1"] li[data-message]');
      expect(await t.textContent('#debrief-words [data-table="1"] .debrief-said')).toContain('We will hold our positions this fortnight.');
      expect(await t.textContent('#debrief-words [data-table="1"] [data-deeds="same"]')).toContain(amalOrder);
      expect(await t.textContent('#debrief-words [data-table="1"] [data-deeds="next"]')).toBe('not played yet');
      expect(await t.textContent('#debrief-words [data-table="2"]')).toContain('No seat sent a message.');
      await screenshot(t, 'teach-debrief');

      // The students are done: their browsers (each drawing the map) leave the two cores to the games.
      for (const s of students) {
        expect(s.problems.all()).toEqual([]);
        await s.close();
      }
      // The debrief against the computer games: 100 here (1,000 by default), played in the
      // teacher's browser by the explorer's workers; they go on while the console is open.
      expect(await t.inputValue('#debrief-games-count')).toBe('1000');
      await t.selectOption('#debrief-games-count', '100');
      await t.click('#debrief-games-run');
      await t.waitForSelector('#debrief-games-progress');
      await screenshot(t, 'teach-debrief-games-running');
      await t.click('#debrief-back');
      await t.waitForFunction(() => /computer games/i.test(document.querySelector('[data-games-note]')?.textContent ?? ''));
      await t.click('#console-debrief');
      await t.waitForSelector('#debrief-games[data-runs="100"]', { timeout: 180_000 }).catch(async (e) => {
        throw new Error(`${(e as Error).message}: ${await t.textContent('#debrief-games')}`);
      });
      // The same endings, game for game, as the explorer's runner for the same seeds.
      const loaded = loadScenarioFile('sirte-2020');
      if (!loaded.ok) throw new Error('sirte-2020 does not load');
      const runner = explore(loaded.value, distributionConfig({ code, seed: 'teach-1', difficulty: 'normal', whatIfs: [] }, 100));
      const shown = JSON.parse((await t.getAttribute('#debrief-games', 'data-endings'))!);
      expect(shown).toEqual(runner.endings.map((e) => ({ ending: e.ending, games: e.games, share: e.share })));
      expect(await t.textContent('#debrief-games')).toContain('seeds computer-teach-1-1 … computer-teach-1-100');
      const civilians = await t.$$eval('#debrief-table tbody tr', (rows) => rows.find((r) => r.querySelector('th')?.textContent === 'Civilian deaths against the computer games')?.textContent ?? '');
      expect(civilians).toMatch(/(\d+)(st|nd|rd|th) percentile on the same date \(the computer games’ median: [\d,]+\)/);
      expect(describeViolations('debrief', await axeViolations(t))).toEqual([]);
      await t.$eval('#debrief-games', (e) => e.scrollIntoView());
      await screenshot(t, 'teach-debrief-games');
      await t.$eval('#debrief-words', (e) => e.scrollIntoView());
      await screenshot(t, 'teach-debrief-words');
      const [download] = await Promise.all([t.waitForEvent('download'), t.click('#debrief-csv')]);
      const csv = readFileSync((await download.path())!, 'utf8').trim().split(/\r\n/);
      expect(csv[0]).toMatch(/^table,table_code,seed,turn,date,/);
      const rows = csv.slice(1).map((line) => line.split(','));
      expect(rows.map((r) => `${r[0]}:${r[3]}`)).toEqual(['1:1', '1:2', '2:1', '2:2']);
      const injects = csv[0]!.split(',').indexOf('injects');
      expect(rows.map((r) => r[injects])).toEqual(['0', '1', '0', '0']);
      // The computer games played above are in it: how many, and each turn's percentiles.
      const games = csv[0]!.split(',').indexOf('computer_games');
      const deaths = csv[0]!.split(',').indexOf('civilian_deaths_percentile');
      expect(rows.map((r) => r[games])).toEqual(['100', '100', '100', '100']);
      expect(rows.every((r) => /^\d+$/.test(r[deaths] ?? ''))).toBe(true);

      for (const p of pages) expect(p.problems.all()).toEqual([]);
    } finally {
      for (const p of pages) await p.close();
    }
  });
});
