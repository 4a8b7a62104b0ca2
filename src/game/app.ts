// What the whole shell shares: the game in play, the scene on screen, and the read-only
// test hook window.ceasefireLine.
import type { GameSession } from './session.ts';
import type { Ending } from './sim-types.ts';

export type SceneKey = 'Boot' | 'Preloader' | 'MainMenu' | 'Briefing' | 'Game' | 'Ending';

export const app = {
  scene: 'Boot' as SceneKey,
  session: null as GameSession | null,
  readyAt: undefined as number | undefined,
};

export interface CeasefireLineHook {
  readonly scene: string;
  readonly turn: number;
  readonly hash: string;
  readonly ending: Ending | null;
  readonly readyAt?: number;
}

export function installHook(): void {
  const hook: CeasefireLineHook = Object.freeze({
    get scene() {
      return app.scene;
    },
    get turn() {
      return app.session?.state.turn ?? 0;
    },
    get hash() {
      return app.session?.hash ?? '';
    },
    get ending() {
      return app.session?.state.ending ?? null;
    },
    get readyAt() {
      return app.readyAt;
    },
  });
  Object.defineProperty(window, 'ceasefireLine', { value: hook, writable: false, configurable: false, enumerable: true });
}

declare global {
  interface Window {
    readonly ceasefireLine: CeasefireLineHook;
  }
}
