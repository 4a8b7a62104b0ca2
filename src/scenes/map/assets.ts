// What the map needs before it can draw: the baked outline (a small JSON asset) and the web
// fonts of its labels (Phaser draws text on canvases, so a font must have loaded before the
// first label is made). Both start loading with the page (index.html preloads them; main.ts
// calls loadMapAssets), and nothing waits for them that does not have to: the menu is usable
// at once and draws its map behind it when they are in, usually in the same frame.
import type Phaser from 'phaser';
import outlineUrl from '../../../assets/map/libya-outline.json?url';
import { lang, onLangChange } from '../../i18n/index.ts';
import { isOutline, type Outline } from './outline.ts';

/** Phaser.Scenes.Events.SHUTDOWN (a type-only import of Phaser keeps this module light). */
const SHUTDOWN = 'shutdown';

/** Arabic letters come from IBM Plex Sans Arabic (loaded only when Arabic is chosen: src/i18n/arabic-font.ts). */
export const FONT = '"IBM Plex Sans", "IBM Plex Sans Arabic", "Segoe UI", system-ui, sans-serif';

/**
 * Arabic map labels need the Arabic font in before the first label is drawn (Phaser draws text
 * once, on a canvas): while it loads, the map counts as not ready.
 */
let arabic: Promise<void> | null = null;
let arabicReady = false;
function loadArabicFont(): Promise<void> {
  arabic ??= import('../../i18n/arabic-font.ts')
    .then(() => Promise.all(['400', '600'].map((w) => document.fonts.load(`${w} 16px "IBM Plex Sans Arabic"`, 'ليبيا'))))
    .catch(() => null)
    .then(() => {
      arabicReady = true;
    });
  return arabic;
}
onLangChange((l) => {
  if (l === 'ar') void loadArabicFont();
});
const fontPending = (): boolean => lang() === 'ar' && !arabicReady;

/** undefined while loading; null if the outline could not be had (the map is then left out). */
let outline: Outline | null | undefined;
let loading: Promise<Outline | null> | null = null;

/** Starts loading (once); resolves with the outline (or null) when it and the fonts are in. */
export function loadMapAssets(): Promise<Outline | null> {
  loading ??= Promise.all([
    getJson(outlineUrl).then((data) => (isOutline(data) ? data : null)),
    // The fallback font is acceptable if a web font fails; carry on either way.
    Promise.all([document.fonts.load(`400 16px ${FONT}`), document.fonts.load(`600 16px ${FONT}`)]).catch(() => null),
  ]).then(([data]) => {
    outline = data;
    if (!data) console.warn('The map outline could not be loaded: the map is left out.');
    return data;
  });
  return loading;
}

/** The outline if the map can draw now; null if it never will; undefined while it is loading. */
export function mapOutline(): Outline | null | undefined {
  return outline && fontPending() ? undefined : outline;
}

/**
 * Runs draw(outline) now if the map's assets are in, or once they are if the scene has not
 * been left (or restarted) meanwhile. With `nextFrame`, not before the next frame: the screen
 * shows (and can be used) first, its map a frame later.
 */
export function whenMapReady(scene: Phaser.Scene, draw: (outline: Outline) => void, nextFrame = false): void {
  if (outline && !nextFrame && !fontPending()) {
    draw(outline);
    return;
  }
  if (outline === null) return;
  let left = false;
  scene.events.once(SHUTDOWN, () => {
    left = true;
  });
  const later = nextFrame ? new Promise((r) => requestAnimationFrame(r)) : Promise.resolve();
  void Promise.all([loadMapAssets(), later, lang() === 'ar' ? loadArabicFont() : null]).then(([data]) => {
    if (data && !left) draw(data);
  });
}

/**
 * A JSON file, or null. XMLHttpRequest rather than fetch(): the page's first fetch() call
 * costs tens of milliseconds of start-up in Chromium (measured), an XHR well under one.
 */
function getJson(url: string): Promise<unknown> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('GET', url);
    xhr.responseType = 'json';
    xhr.onload = () => resolve(xhr.status >= 200 && xhr.status < 300 ? xhr.response : null);
    xhr.onerror = () => resolve(null);
    xhr.send();
  });
}
