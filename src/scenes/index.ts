// The one place that owns the Phaser config and the scene list. The scenes of play (Briefing,
// Game, Ending) come with the play chunk and are added when it loads (lazy.ts, go.ts).
import Phaser from 'phaser';
import { palette } from '../ui/palette.ts';
import { installIdleLoop } from './loop.ts';
import { MainMenu } from './MainMenu.ts';
import { Preloader } from './Preloader.ts';

export function startGame(parent: HTMLElement): Phaser.Game {
  const game = new Phaser.Game({
    // The Canvas renderer: the map is a handful of paths, texts and one cached image, which
    // canvas 2D draws quickly everywhere, while WebGL without a GPU (SwiftShader in headless
    // Chromium, blocklisted GPUs) is several times slower per frame and slower to start
    // (context, shaders). The game uses nothing WebGL-only (no filters, no lights).
    type: Phaser.CANVAS,
    parent,
    backgroundColor: palette.bg,
    scale: {
      mode: Phaser.Scale.RESIZE,
      width: '100%',
      height: '100%',
    },
    // Sound goes through howler (src/audio); Phaser must not open its own AudioContext.
    audio: { noAudio: true },
    // Keys are read by the DOM layer, so text fields and buttons keep their keys.
    input: { keyboard: false, gamepad: false },
    banner: false,
    antialias: true,
    // The first scene starts: the menu straight away, or the preloader for a game link.
    scene: new URLSearchParams(window.location.search).has('scenario') ? [Preloader, MainMenu] : [MainMenu, Preloader],
  });
  installIdleLoop(game);
  return game;
}
