// What the page says by itself: a live region for screen readers (turn results, a place
// selected, a notice), and notices that stay on screen until the player closes them. Both
// live outside the scenes' layers, so a scene change never cuts a message short.

import { t } from '../i18n/index.ts';
import { keepAwake } from '../scenes/loop.ts';
import { button, h } from './dom.ts';

let regions: { polite: HTMLElement; assertive: HTMLElement } | null = null;
let notices: HTMLElement | null = null;

function liveRegions(): { polite: HTMLElement; assertive: HTMLElement } {
  if (regions?.polite.isConnected) return regions;
  const polite = h('div', { id: 'announce-polite', class: 'sr-only', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
  const assertive = h('div', { id: 'announce-alert', class: 'sr-only', role: 'alert', 'aria-live': 'assertive', 'aria-atomic': 'true' });
  document.body.append(polite, assertive);
  regions = { polite, assertive };
  return regions;
}

/** Made at start: a live region must be in the page before its text changes for readers to hear it. */
export function installAnnouncer(): void {
  liveRegions();
}

/**
 * Says `text` through the live region (a screen reader reads it; nothing is shown). The same
 * text twice in a row is said twice: the region is emptied first.
 */
export function announce(text: string, urgent = false): void {
  const region = liveRegions()[urgent ? 'assertive' : 'polite'];
  region.textContent = '';
  // After the emptying has been seen by the accessibility tree.
  const timer = setTimeout(() => {
    pending.delete(timer);
    region.textContent = text;
  }, 60);
  pending.add(timer);
}

const pending = new Set<ReturnType<typeof setTimeout>>();

/**
 * Empties the live regions, and drops what was about to be said: at a hot-seat hand-over
 * nothing of the last player's view may stay in the page.
 */
export function clearAnnouncements(): void {
  for (const timer of pending) clearTimeout(timer);
  pending.clear();
  if (!regions) return;
  regions.polite.textContent = '';
  regions.assertive.textContent = '';
}

/** The last thing said politely (tests read it). */
export function lastAnnounced(): string {
  return liveRegions().polite.textContent ?? '';
}

/**
 * A notice shown at once over whatever screen is up, until the player closes it (Escape or
 * its button): what a link changed, a file refused… It is also said to screen readers.
 */
export function showNotice(text: string, kind: 'info' | 'problem' = 'info'): HTMLElement {
  if (!notices?.isConnected) {
    notices = h('div', { class: 'notices', role: 'region', 'aria-label': t('game.notices') });
    document.body.append(notices);
  }
  const box: HTMLElement = notices;
  const item = h('div', { class: `notice floating ${kind === 'info' ? 'info' : ''}`.trim(), role: kind === 'info' ? 'status' : 'alert' }, h('p', null, text));
  const close = button(t('game.close'), () => {
    item.remove();
    keepAwake();
  }, { class: 'ghost small', 'aria-label': t('game.closeNotice') });
  item.append(close);
  box.append(item);
  // Nothing waits for the pointer: the page redraws now.
  keepAwake(600);
  return item;
}
