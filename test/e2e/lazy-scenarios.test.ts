// Scenarios load on demand (src/content/catalog.ts): in the built game, in Chromium, the menu
// lists every scenario before any scenario file is fetched; a game fetches its own scenario and
// map and no other; so does the explorer's worker; a scenario file that fails validation, or
// does not arrive, gives a sentence on the menu (from the new-game page and from a link), never
// a blank page, and a file that did not arrive can be tried again.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readCatalog } from '../../tools/scenario-catalog.ts';
import { DIST, openPage, type Problems, ROOT, screenshot, usePreview } from './harness.ts';
import { waitForScene, waitReady, whyNot } from './play-helpers.ts';

const catalog = readCatalog(ROOT);

/** The build's chunk of each scenario and map file, from Vite's manifest: { 'sirte-2020': 'assets/sirte-2020-….js', … }. */
function dataChunks(): Map<string, string> {
  const manifest = JSON.parse(readFileSync(join(DIST, '.vite/manifest.json'), 'utf8')) as Record<string, { file: string }>;
  const chunks = new Map<string, string>();
  for (const s of catalog.scenarios.filter((x) => x.form !== 'lesson')) chunks.set(s.id, manifest[s.file]?.file ?? `missing:${s.file}`);
  for (const m of catalog.maps) chunks.set(`map:${m.id}`, manifest[m.file]?.file ?? `missing:${m.file}`);
  return chunks;
}

/** Records which scenario and map chunks the page (and its workers) request, by name. */
function recordData(page: Page, chunks: Map<string, string>): string[] {
  const byFile = new Map([...chunks].map(([name, file]) => [file, name]));
  const seen: string[] = [];
  page.context().on('request', (r) => {
    const name = byFile.get(new URL(r.url()).pathname.replace(/^\//, ''));
    if (name && !seen.includes(name)) seen.push(name);
  });
  return seen;
}

const scenarioButtons = (page: Page) => page.getByRole('group', { name: 'Scenario' }).getByRole('button');

/** Everything wrong on the page except the named requests (which a test made fail on purpose). */
const problemsBut = (problems: Problems, file: string) => problems.all().filter((p) => !p.includes(file));

/**
 * Opens the menu with sirte-2020's file answered by `answer`, and starts that scenario from the
 * new-game page (its first in the list). Returns the page and the menu's notice.
 */
async function startSirteWith(url: string, answer: (route: Route) => Promise<void>) {
  const sirte = dataChunks().get('sirte-2020') as string;
  const opened = await openPage(url, { waitUntil: 'none' });
  const { page } = opened;
  await page.route(`**/${sirte}`, answer);
  await page.goto(url);
  await waitReady(page, 'MainMenu');
  await page.getByRole('button', { name: 'New game' }).click();
  await page.click('#menu-start');
  return { ...opened, notice: page.locator('.notice[role=alert]') };
}

describe('scenarios load on demand', () => {
  const preview = usePreview();

  it('the menu lists every scenario before any is fetched; a game and the explorer fetch only their own', { timeout: 120_000 }, async (ctx) => {
    const server = preview();
    if (whyNot || !server) return ctx.skip(whyNot ?? 'no server');
    const chunks = dataChunks();
    expect([...chunks.values()].filter((f) => f.startsWith('missing:'))).toEqual([]);
    const { page, problems, close } = await openPage(server.url, { waitUntil: 'none', viewport: { width: 1280, height: 800 } });
    const seen = recordData(page, chunks);
    try {
      await page.goto(server.url);
      await waitReady(page, 'MainMenu');
      await page.getByRole('button', { name: 'New game' }).click();
      // The whole list at once (no "Loading…"), the tutorial first, and no scenario fetched.
      const titles = await scenarioButtons(page).allTextContents();
      // A lesson form is offered as its full form's length, not listed on its own.
      const listed = catalog.scenarios.filter((s) => s.form !== 'lesson');
      expect(titles).toHaveLength(listed.length);
      expect(titles[0]).toMatch(/^Tutorial.*Start here/);
      for (const s of listed) expect(titles.some((t) => t.startsWith(s.title)), s.title).toBe(true);
      await page.waitForTimeout(500);
      expect(seen).toEqual([]);
      await screenshot(page, 'lazy-new-game');

      // The flagship (selected by default): its scenario and its map, nothing else.
      expect(await scenarioButtons(page).filter({ hasText: 'Sirte Falls' }).getAttribute('aria-pressed')).toBe('true');
      await page.click('#menu-start');
      await waitForScene(page, 'Briefing');
      expect(seen.sort()).toEqual(['map:libya', 'sirte-2020']);
      await screenshot(page, 'lazy-briefing');

      // The explorer, in a fresh page: its workers fetch the one scenario they run.
      seen.length = 0;
      await page.goto(server.url);
      await waitReady(page, 'MainMenu');
      await page.click('#menu-explore');
      await page.getByRole('group', { name: 'Scenario' }).getByRole('button', { name: /Red Line/ }).click();
      await page.waitForSelector('.explorer [data-whatif="turkey-out"]');
      await page.fill('#explore-runs', '100');
      await page.click('#explore-run');
      await page.waitForFunction(() => document.querySelector<HTMLElement>('.explorer')?.dataset.state === 'done', null, { timeout: 90_000 });
      // Warmed with the first choice (sirte-2020) before Red Line was picked; nothing else.
      expect(seen.filter((n) => n !== 'sirte-2020').sort()).toEqual(['map:libya', 'red-line-2020']);
      expect(problems.all()).toEqual([]);
    } finally {
      await close();
    }
  });

  it('a scenario file that fails validation gives a sentence on the menu, from the new-game page and from a link', { timeout: 120_000 }, async (ctx) => {
    const server = preview();
    if (whyNot || !server) return ctx.skip(whyNot ?? 'no server');
    // The file arrives, but it is not a valid scenario (as a bad edit to levels/ would be).
    const { page, problems, close, notice } = await startSirteWith(server.url, (route) =>
      route.fulfill({ contentType: 'text/javascript', body: 'export default { "id": "sirte-2020", "title": "Broken", "turns": -1 };' }),
    );
    try {
      await expect.poll(() => notice.textContent(), { timeout: 15_000 }).toMatch(/^The scenario “Sirte Falls” could not be loaded: its file is invalid \(levels\/scenarios\/sirte-2020\.json at .+; and \d+ more problems\)\.$/);
      expect(await page.evaluate(() => (window as unknown as { ceasefireLine: { scene: string } }).ceasefireLine.scene)).toBe('MainMenu');
      await expect.poll(() => page.getByRole('button', { name: 'New game' }).isVisible()).toBe(true);
      await screenshot(page, 'lazy-invalid-scenario');

      // Another scenario still plays.
      await page.getByRole('button', { name: 'New game' }).click();
      await scenarioButtons(page).filter({ hasText: 'Red Line' }).click();
      await page.click('#menu-start');
      await waitForScene(page, 'Briefing');

      // A link to the broken one: the menu, with the same sentence.
      await page.goto(`${server.url}?scenario=sirte-2020&role=gna&seed=lazy`);
      await waitForScene(page, 'MainMenu');
      await expect.poll(() => notice.textContent(), { timeout: 15_000 }).toMatch(/could not be loaded: its file is invalid/);
      expect(problems.all()).toEqual([]);
    } finally {
      await close();
    }
  });

  it('a scenario file that does not arrive is reported, and can be tried again', { timeout: 120_000 }, async (ctx) => {
    const server = preview();
    if (whyNot || !server) return ctx.skip(whyNot ?? 'no server');
    const sirte = dataChunks().get('sirte-2020') as string;
    const { page, problems, close, notice } = await startSirteWith(server.url, (route) => route.abort('connectionreset'));
    try {
      await expect.poll(() => notice.textContent(), { timeout: 15_000 }).toBe('The scenario “Sirte Falls” could not be loaded: its file (levels/scenarios/sirte-2020.json) did not arrive. Check the connection and try again.');
      await screenshot(page, 'lazy-scenario-did-not-arrive');

      // The connection is back: the same click now opens the briefing.
      await page.unroute(`**/${sirte}`);
      await page.getByRole('button', { name: 'New game' }).click();
      await page.click('#menu-start');
      await waitForScene(page, 'Briefing');
      expect(problemsBut(problems, sirte)).toEqual([]);
    } finally {
      await close();
    }
  });
});
