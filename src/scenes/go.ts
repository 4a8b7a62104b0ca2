// Scene changes go through here: the shared state learns the scene, and the loop wakes.
import type Phaser from 'phaser';
import { app, type SceneKey } from '../game/app.ts';
import { loadPlay, PLAY_SCENES } from './lazy.ts';
import { keepAwake } from './loop.ts';

export function go(from: Phaser.Scene, key: SceneKey, data?: object): void {
  keepAwake(1000);
  if (PLAY_SCENES.includes(key) && !from.game.scene.keys[key]) {
    // A scene of the play chunk: load it first (it is usually in by now, see entered()).
    void loadPlay(from.game).then(() => {
      keepAwake(1000);
      from.scene.start(key, data);
    });
    return;
  }
  from.scene.start(key, data);
}

/** Every scene calls this in create(): the hook and the document title follow. */
export function entered(key: SceneKey): void {
  app.scene = key;
  // The first screen a player can use (the menu, or a linked game's briefing or map).
  if (app.readyAt === undefined && (key === 'MainMenu' || key === 'Briefing' || key === 'Game')) {
    requestAnimationFrame(() => {
      if (app.readyAt === undefined && app.scene === key) {
        app.readyAt = performance.now();
        performance.mark('ready');
        // The first screen is up: now fetch what playing needs, before the player asks.
        setTimeout(() => void loadPlay(), 0);
      }
    });
  }
  performance.mark(`scene:${key}`);
  document.body.dataset.scene = key;
  keepAwake(600);
}
