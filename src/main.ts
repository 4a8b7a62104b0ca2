// Entry point: fonts and styles (bundled by Vite, nothing fetched from elsewhere), the
// palette, settings, the test hook, then the Phaser game; sound on the first gesture.
import '@fontsource/ibm-plex-sans/latin-400.css';
import '@fontsource/ibm-plex-sans/latin-600.css';
import './ui/style.css';
import { installHook } from './game/app.ts';
import { applySettings, startAudio } from './game/settings.ts';
import { initLang } from './i18n/index.ts';
import { startGame } from './scenes/index.ts';
import { loadMapAssets } from './scenes/map/assets.ts';
import { installAnnouncer } from './ui/announce.ts';
import { applyPalette } from './ui/palette.ts';

performance.mark('main');
// The map's outline and fonts (already on their way: index.html preloads them) load in
// parallel with Phaser's start; only the screens that show the map wait for them.
void loadMapAssets();
applyPalette();
applySettings();
installHook();
installAnnouncer();
// The language (?lang=, the saved choice, the browser's) loads before the first screen: at
// once for English (bundled), one small chunk for the others (with the scenarios' titles, roles
// and what-ifs as the menu shows them: src/i18n/content.ts).
void initLang().then(() => startGame(document.getElementById('game') as HTMLElement));

// Sound starts on the page's first real gesture (a trusted event: scripts driving the page
// do not count), as the audio module intends: nothing is created or fetched before, so the
// first screen never waits for an AudioContext. Music asked for before then is remembered.
const GESTURES = ['pointerdown', 'keydown', 'touchend', 'click'] as const;
function onFirstGesture(e: Event): void {
  if (!e.isTrusted) return;
  for (const type of GESTURES) window.removeEventListener(type, onFirstGesture, true);
  startAudio();
}
for (const type of GESTURES) window.addEventListener(type, onFirstGesture, { capture: true, passive: true });
