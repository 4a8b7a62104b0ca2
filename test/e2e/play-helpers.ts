// Helpers for the play-through tests (play-*.test.ts): drive the game as a person does, with
// real clicks and keys on the DOM overlay and the map canvas. Nothing here calls into the
// game; state is only *read* (window.ceasefireLine, localStorage, the DOM) to wait and assert.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { screenshot } from './harness.ts';

export { whyNot } from './harness.ts';

export const AUTOSAVE_KEY = 'ceasefire-line:autosave';
export const HD = { width: 1280, height: 720 };
export const FULL_HD = { width: 1920, height: 1080 };

/** What the test hook (src/game/app.ts) tells. */
export interface HookState {
  scene: string;
  turn: number;
  hash: string;
  ending: { kind: string; winner?: string | null; turn: number; scores: Record<string, { total: number }> } | null;
  readyAt?: number;
  /** Hot-seat: the role the screen is being passed to, while the hand-over is up. */
  handOver?: string | null;
  /** The force labels the map canvas draws now. */
  mapForces?: string[];
}

/** An element's text (its DOM text, not as CSS renders it), trimmed. */
export async function text(l: Locator): Promise<string> {
  return ((await l.textContent()) ?? '').trim();
}

export function readHook(page: Page): Promise<HookState> {
  return page.evaluate(() => {
    const h = (window as unknown as { ceasefireLine: HookState }).ceasefireLine;
    return { scene: h.scene, turn: h.turn, hash: h.hash, ending: h.ending ? JSON.parse(JSON.stringify(h.ending)) : null, readyAt: h.readyAt };
  });
}

export async function waitForScene(page: Page, scene: string, timeout = 30_000): Promise<void> {
  await page.waitForFunction((s) => (window as unknown as { ceasefireLine?: HookState }).ceasefireLine?.scene === s, scene, { timeout });
}

/** Waits for the first usable screen (the hook's readyAt) and the given scene. */
export async function waitReady(page: Page, scene: string): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { ceasefireLine?: HookState }).ceasefireLine?.readyAt !== undefined, null, {
    timeout: 30_000,
  });
  await waitForScene(page, scene);
}

export function readAutosave(page: Page): Promise<{ seed: string; role: string; difficulty: string; scenarioId: string; orders: { actor: string; kind: string }[][] } | null> {
  return page.evaluate((key) => {
    const text = localStorage.getItem(key);
    return text ? JSON.parse(text) : null;
  }, AUTOSAVE_KEY);
}

// ---------------------------------------------------------------------------------------------
// Menu and briefing

export type Role = 'gna' | 'lna' | 'mediator';
const ROLE_BUTTON: Record<Role, RegExp> = { gna: /^GNA/, lna: /^LNA/, mediator: /^Mediator/ };

/** The main menu's "New game" page: scenario, role, difficulty and a typed seed. */
export async function fillNewGame(page: Page, opts: { role: Role; seed: string; difficulty?: string }): Promise<void> {
  await page.getByRole('button', { name: 'New game' }).click();
  const scenario = page.getByRole('group', { name: 'Scenario' }).getByRole('button', { name: /Sirte Falls/ });
  await scenario.click();
  await expect.poll(() => scenario.getAttribute('aria-pressed')).toBe('true');
  const role = page.getByRole('group', { name: 'Role' }).getByRole('button', { name: ROLE_BUTTON[opts.role] });
  await role.click();
  await expect.poll(() => role.getAttribute('aria-pressed')).toBe('true');
  const diffName = (opts.difficulty ?? 'normal').replace(/^./, (c) => c.toUpperCase());
  const diff = page.getByRole('group', { name: 'Difficulty' }).getByRole('button', { name: new RegExp(`^${diffName}`) });
  await diff.click();
  await expect.poll(() => diff.getAttribute('aria-pressed')).toBe('true');
  const seed = page.getByRole('textbox', { name: 'Seed' });
  await seed.click();
  await seed.press('Control+a');
  await seed.pressSequentially(opts.seed);
  expect(await seed.inputValue()).toBe(opts.seed);
}

/** From the briefing page of the menu to the briefing scene. */
export async function readBriefing(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Read the briefing/ }).click();
  await waitForScene(page, 'Briefing');
  await page.getByRole('heading', { name: 'The situation' }).waitFor();
}

/** "Take command" on the briefing: the game screen opens. */
export async function takeCommand(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Take command/ }).click();
  await waitForScene(page, 'Game');
  await page.locator('button.end-turn').waitFor();
}

// ---------------------------------------------------------------------------------------------
// Modal cards

export type CardKind = 'choice' | 'news' | 'concept' | 'report' | 'glossary' | 'other';

export interface CardSeen {
  kind: CardKind;
  title: string;
  /** For a choice: the option chosen. */
  answer?: string;
  /** For a concept card: how many concepts it explains. */
  concepts?: number;
}

export const dialog = (page: Page): Locator => page.locator('.modal-backdrop [role=dialog]');

async function cardKind(box: Locator): Promise<CardKind> {
  const cls = (await box.getAttribute('class')) ?? '';
  if (cls.includes('event-card')) return (await box.locator('.btn.option').count()) > 0 ? 'choice' : 'news';
  if (cls.includes('concept-card')) return 'concept';
  const eyebrowBox = box.locator('.modal-head .eyebrow');
  const eyebrow = (await eyebrowBox.count()) ? (await text(eyebrowBox)).toLowerCase() : '';
  if (eyebrow.startsWith('turn ')) return 'report';
  if (eyebrow.startsWith('glossary')) return 'glossary';
  return 'other';
}

export interface DrainOptions {
  /** How long to wait for the first card (after End turn the map animations play first). */
  firstTimeoutMs?: number;
  /** Which option of a choice card to click (default: the first). */
  pick?: (title: string, options: string[]) => number;
  /** Called with each card before it is closed (e.g. to take a screenshot). */
  onCard?: (card: CardSeen) => Promise<void>;
  /** Stop once the scene is this one (the Ending replaces the map). */
  stopAtScene?: string;
}

/**
 * Answers and closes every card that shows, with their own buttons: choice cards by one of
 * their options, news, reports and concepts by their primary button. Returns what it saw.
 */
export async function drainCards(page: Page, opts: DrainOptions = {}): Promise<CardSeen[]> {
  const seen: CardSeen[] = [];
  let wait = opts.firstTimeoutMs ?? 0;
  for (let guard = 0; guard < 40; guard++) {
    const box = dialog(page).first();
    try {
      await box.waitFor({ state: 'visible', timeout: Math.max(wait, 400) });
    } catch {
      if (opts.stopAtScene && (await readHook(page)).scene === opts.stopAtScene) return seen;
      return seen;
    }
    wait = 600;
    // This very card (the next one may open as soon as it closes, in the same place).
    const handle = await box.elementHandle();
    const kind = await cardKind(box);
    const title = await text(box.locator('.modal-head h2'));
    const card: CardSeen = { kind, title };
    if (kind === 'concept') card.concepts = await box.locator('.concept-block').count();
    if (kind === 'choice') {
      const options = box.locator('.btn.option');
      const labels = (await options.locator('span:first-child').allInnerTexts()).map((t) => t.trim());
      const index = Math.min(labels.length - 1, Math.max(0, opts.pick?.(title, labels) ?? 0));
      card.answer = labels[index];
      await opts.onCard?.(card);
      await options.nth(index).click();
    } else {
      await opts.onCard?.(card);
      await box.locator('.modal-foot .btn.primary').click();
    }
    seen.push(card);
    await handle?.waitForElementState('hidden', { timeout: 10_000 });
    await handle?.dispose();
  }
  throw new Error(`drainCards: more than 40 cards in a row (${seen.map((c) => c.title).join(', ')})`);
}

// ---------------------------------------------------------------------------------------------
// Orders

const right = (page: Page): Locator => page.locator('.sidebar.right');
export const queueItems = (page: Page): Locator => right(page).locator('.queue-item');

export async function queueTexts(page: Page): Promise<string[]> {
  return (await queueItems(page).locator('.queue-order').allInnerTexts()).map((t) => t.trim());
}

/** Opens the National tab of the right panel. */
export async function nationalTab(page: Page): Promise<void> {
  const tab = right(page).getByRole('tab', { name: 'National' });
  await tab.click();
  await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
}

/** Picks a place in the "Go to a place…" list (the keyboard path to every place). */
export async function pickPlace(page: Page, name: string): Promise<void> {
  await right(page).locator('select.place-picker').selectOption({ label: name });
  await right(page).locator('.place-head h3', { hasText: name }).waitFor();
}

/**
 * Clicks a place on the map canvas. The map has no DOM, so the pointer hovers around where
 * the place should be until the map's tooltip names it, then clicks there. Returns false
 * when the place was not found near `guess`.
 */
export async function clickPlaceOnMap(page: Page, name: string, guess: { x: number; y: number }): Promise<boolean> {
  const tip = page.locator('.map-tip');
  const offsets: [number, number][] = [[0, 0]];
  for (const r of [6, 12, 18]) for (const [dx, dy] of [[r, 0], [-r, 0], [0, r], [0, -r], [r, r], [-r, -r], [r, -r], [-r, r]] as const) offsets.push([dx, dy]);
  for (const [dx, dy] of offsets) {
    const x = guess.x + dx;
    const y = guess.y + dy;
    await page.mouse.move(x, y);
    const shown = await tip.isVisible();
    if (!shown) continue;
    const tipName = await text(tip.locator('.tip-name'));
    if (tipName !== name) continue;
    await page.mouse.click(x, y);
    await right(page).locator('.place-head h3', { hasText: name }).waitFor({ timeout: 10_000 });
    return true;
  }
  return false;
}

export interface Queued {
  text: string;
  /** The preview's summary line. */
  summary: string;
}

/**
 * Opens the first enabled order in the right panel matching one of the patterns (in order of
 * preference), reads its preview and adds it to the turn's orders. Null when none could be.
 */
export async function queueOrder(page: Page, patterns: RegExp[], opts: { beforeAdd?: (preview: Locator) => Promise<void> } = {}): Promise<Queued | null> {
  const panel = right(page);
  for (const re of patterns) {
    const items = panel.locator('.order-list button.order-item:not([disabled])');
    const texts = (await items.locator('span:first-child').allInnerTexts()).map((t) => t.trim());
    for (const label of texts) {
      if (!re.test(label)) continue;
      const item = panel.locator('.order-list button.order-item', { has: page.locator('span:first-child', { hasText: label }) }).first();
      if ((await text(item.locator('.cost'))) === 'not now') continue;
      const before = await queueItems(page).count();
      await item.click();
      const preview = panel.locator('.preview');
      await preview.waitFor();
      const add = preview.getByRole('button', { name: 'Add to orders' });
      if ((await add.count()) === 0) {
        // Not possible now (the preview says why): close it and try the next.
        await panel.locator('.order-list button.order-item[aria-expanded="true"]').click();
        await preview.waitFor({ state: 'detached' });
        continue;
      }
      const summary = await text(preview.locator('.summary'));
      await opts.beforeAdd?.(preview);
      await preview.getByRole('button', { name: 'Add to orders' }).click();
      await expect.poll(() => queueItems(page).count()).toBe(before + 1);
      return { text: label, summary };
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Turns

/** An empty patch of map (the sea north of the Gulf of Sirte at 1280×720): clicking it selects nothing. */
export const EMPTY_MAP = { x: 700, y: 95 };

export interface TurnResult {
  before: HookState;
  after: HookState;
  cards: CardSeen[];
}

/**
 * Ends the turn, by the End turn button or by the Enter key (after a click on an empty patch
 * of map, so that no button or field has the focus), waits for the turn to resolve and
 * answers and closes every card that follows.
 */
export async function endTurn(page: Page, how: 'button' | 'key', drain: DrainOptions = {}): Promise<TurnResult> {
  const before = await readHook(page);
  const button = page.locator('button.end-turn');
  await expect.poll(() => button.isEnabled(), { timeout: 10_000 }).toBe(true);
  if (how === 'button') {
    await button.click();
  } else {
    await page.mouse.click(EMPTY_MAP.x, EMPTY_MAP.y);
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName ?? '')).not.toBe('BUTTON');
    await page.keyboard.press('Enter');
  }
  try {
    // The last turn ends the game without moving the counter on: the ending is set instead.
    await page.waitForFunction(
      (b) => {
        const h = (window as unknown as { ceasefireLine: HookState }).ceasefireLine;
        return h.turn > b.turn || (h.ending !== null && h.hash !== b.hash);
      },
      before,
      { timeout: 30_000 },
    );
  } catch (error) {
    await screenshot(page, `failed-end-turn-${before.turn}-${how}`);
    const focus = await page.evaluate(() => `${document.activeElement?.tagName}.${document.activeElement?.className}`);
    throw new Error(`turn ${before.turn} did not end (${how}; focus on ${focus}; dialogs ${await dialog(page).count()}): ${(error as Error).message}`);
  }
  const cards = await drainCards(page, { firstTimeoutMs: 60_000, ...drain });
  const after = await readHook(page);
  return { before, after, cards };
}

/**
 * After a turn: the counter moved on by one (or, on the turn that ends the game, the ending is
 * set), the state changed, and a turn report was shown.
 */
export function expectTurnAdvanced(r: TurnResult): void {
  if (r.after.ending) expect([r.before.turn, r.before.turn + 1]).toContain(r.after.turn);
  else expect(r.after.turn, 'the turn counter advances by one').toBe(r.before.turn + 1);
  expect(r.after.hash, 'the state hash changes').not.toBe(r.before.hash);
  expect(r.after.hash).toMatch(/^[0-9a-f]{16}$/);
  expect(
    r.cards.some((c) => c.kind === 'report' && c.title === 'Turn report'),
    `a turn report was shown (cards: ${r.cards.map((c) => `${c.kind}:${c.title}`).join(', ')})`,
  ).toBe(true);
}

// ---------------------------------------------------------------------------------------------
// A scripted turn

export interface TurnPlan {
  /** A place to select (on the map when `map` gives where to look, else with the place picker) and orders to try there. */
  place?: { name: string; map?: { x: number; y: number }; orders: RegExp[] };
  /** National orders: one order queued from each list of preferences (when possible). */
  national: RegExp[][];
  /** National orders that must be queued (indexes into `national`). */
  required?: number[];
  end: 'button' | 'key';
  /** Called after the orders are queued, before the turn ends. */
  beforeEnd?: () => Promise<void>;
  /** Called with the preview before the first order of the turn is added. */
  onPreview?: (preview: Locator) => Promise<void>;
}

export interface PlayedTurn extends TurnResult {
  queued: string[];
  viaMap: boolean;
}

export async function playTurn(page: Page, plan: TurnPlan, drain: DrainOptions = {}): Promise<PlayedTurn> {
  const queued: string[] = [];
  let viaMap = false;
  let previewHook = plan.onPreview;
  const beforeAdd = async (preview: Locator) => {
    const hook = previewHook;
    previewHook = undefined;
    await hook?.(preview);
  };
  if (plan.place) {
    if (plan.place.map) viaMap = await clickPlaceOnMap(page, plan.place.name, plan.place.map);
    if (!viaMap) await pickPlace(page, plan.place.name);
    const q = await queueOrder(page, plan.place.orders, { beforeAdd });
    expect(q, `an order at ${plan.place.name} matching ${plan.place.orders.join(' | ')}`).not.toBeNull();
    if (q) queued.push(q.text);
  }
  await nationalTab(page);
  for (const [i, prefs] of plan.national.entries()) {
    const q = await queueOrder(page, prefs, { beforeAdd });
    if (plan.required?.includes(i)) expect(q, `a national order matching ${prefs.join(' | ')}`).not.toBeNull();
    if (q) queued.push(q.text);
  }
  const inQueue = await queueTexts(page);
  for (const text of queued) expect(inQueue).toContain(text);
  await plan.beforeEnd?.();
  const result = await endTurn(page, plan.end, drain);
  expectTurnAdvanced(result);
  if (result.after.scene === 'Game') {
    // The new turn starts with an empty list, but for the decisions just answered.
    const answered = result.cards.filter((c) => c.kind === 'choice').map((c) => `${c.title}: ${c.answer}`);
    expect((await queueTexts(page)).sort()).toEqual(answered.sort());
  }
  return { ...result, queued, viaMap };
}

/** Main menu → Settings → "Reduce motion" (turns resolve without map animations) → Back. */
export async function enableReducedMotion(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click();
  const box = page.getByRole('checkbox', { name: /Reduce motion/ });
  if (!(await box.isChecked())) await box.click();
  await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('reduced-motion'))).toBe(true);
  await page.getByRole('button', { name: '← Back' }).click();
  await page.getByRole('button', { name: 'New game' }).waitFor();
}

/** Visible English in an Arabic page: elements marked lang=en, and text nodes with two English words in a row. */
export function latinLeft(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const out: string[] = [];
    const root = document.querySelector(selector);
    if (!root) return ['no root'];
    for (const el of root.querySelectorAll<HTMLElement>('[lang="en"]')) if (el.checkVisibility() && el.textContent?.trim()) out.push(`[lang=en] ${el.textContent.trim().slice(0, 60)}`);
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.nodeValue ?? '';
      const el = n.parentElement;
      if (!el || el.closest('option, select') || !el.checkVisibility()) continue;
      if (/[A-Za-z]{3,}[\s,]+[A-Za-z]{3,}/.test(text)) out.push(text.trim().slice(0, 80));
    }
    return out;
  }, selector);
}
