// Entry point: fonts and styles (bundled by Vite, nothing fetched from elsewhere), the
// palette, settings, the test hook, then the Phaser game.
import '@fontsource/ibm-plex-sans/latin-400.css';
import '@fontsource/ibm-plex-sans/latin-600.css';
import './ui/style.css';
import { installHook } from './game/app.ts';
import { applySettings, startAudio } from './game/settings.ts';
import { startGame } from './scenes/index.ts';
import { applyPalette } from './ui/palette.ts';

performance.mark('main');
// Start fetching the fonts now, in parallel with Phaser's start-up; the preloader waits for them.
for (const weight of [400, 600]) document.fonts.load(`${weight} 16px "IBM Plex Sans"`).catch(() => {});
applyPalette();
applySettings();
installHook();
startAudio();
startGame(document.getElementById('game') as HTMLElement);
