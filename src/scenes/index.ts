// The one place that owns the Phaser config and the scene list.
import Phaser from 'phaser';
import { palette } from '../ui/palette.ts';
import { Boot } from './Boot.ts';
import { Briefing } from './Briefing.ts';
import { Ending } from './Ending.ts';
import { GameMap } from './GameMap.ts';
import { installIdleLoop } from './loop.ts';
import { MainMenu } from './MainMenu.ts';
import { Preloader } from './Preloader.ts';

export function startGame(parent: HTMLElement): Phaser.Game {
  const game = new Phaser.Game({
    type: Phaser.AUTO,
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
    scene: [Boot, Preloader, MainMenu, Briefing, GameMap, Ending],
  });
  installIdleLoop(game);
  return game;
}
