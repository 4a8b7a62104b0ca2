// Loads the game's play chunk (play.ts) once, and registers its scenes with Phaser.
import type Phaser from 'phaser';
import type { SceneKey } from '../game/app.ts';

export type Play = typeof import('./play.ts');

/** The scenes that live in the play chunk. */
export const PLAY_SCENES: readonly SceneKey[] = ['Briefing', 'Game', 'Ending'];

let loading: Promise<Play> | null = null;
let loaded: Play | null = null;

/** The play chunk if it has loaded, else null. */
export function play(): Play | null {
  return loaded;
}

/** Loads the play chunk (once) and, given the game, registers its scenes. */
export function loadPlay(game?: Phaser.Game): Promise<Play> {
  loading ??= import('./play.ts').then((m) => (loaded = m));
  if (!game) return loading;
  return loading.then((m) => {
    register(game, m);
    return m;
  });
}

function register(game: Phaser.Game, m: Play): void {
  const scenes: [SceneKey, typeof Phaser.Scene][] = [
    ['Briefing', m.Briefing],
    ['Game', m.GameMap],
    ['Ending', m.Ending],
  ];
  for (const [key, scene] of scenes) if (!game.scene.keys[key]) game.scene.add(key, scene);
}

/** Whether a saved game waits in the browser (read without the play chunk). */
export function hasAutosave(): boolean {
  try {
    // AUTOSAVE_KEY of src/game/session.ts (importing it would pull the play chunk in).
    return localStorage.getItem('ceasefire-line:autosave') !== null;
  } catch {
    return false;
  }
}
