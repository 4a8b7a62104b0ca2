// What the whole shell shares: the game in play, the scene on screen, and the read-only
// test hook window.ceasefireLine.
import type { PlaySession } from './play-session.ts';
import type { Ending } from './sim-types.ts';

export type SceneKey = 'Boot' | 'Preloader' | 'MainMenu' | 'Briefing' | 'Game' | 'Ending';

export const app = {
  scene: 'Boot' as SceneKey,
  /** The game on screen: played here (GameSession) or at a classroom table (NetSession). */
  session: null as PlaySession | null,
  readyAt: undefined as number | undefined,
  /** Hot-seat: the role the screen is being passed to while the hand-over screen is up, else null. */
  handOver: null as string | null,
  /** The force labels the map draws now (what the canvas shows of anyone's forces). */
  mapForces: [] as string[],
  /** The map on screen: who holds each area as drawn, and how many pieces of front line. */
  mapAreas: null as null | (() => MapAreas),
};

export interface MapAreas {
  holders: Record<string, string>;
  front: number;
}

export interface CeasefireLineHook {
  readonly scene: string;
  readonly turn: number;
  readonly hash: string;
  readonly ending: Ending | null;
  readonly readyAt?: number;
  /** Hot-seat: the role the screen is being passed to while the hand-over screen is up, else null. */
  readonly handOver: string | null;
  /** The force labels drawn on the map canvas now (empty while the screen is passed on). */
  readonly mapForces: readonly string[];
  readonly areas: MapAreas | null;
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
    get handOver() {
      return app.handOver;
    },
    get mapForces() {
      return [...app.mapForces];
    },
    get areas() {
      return app.mapAreas?.() ?? null;
    },
  });
  Object.defineProperty(window, 'ceasefireLine', { value: hook, writable: false, configurable: false, enumerable: true });
}

declare global {
  interface Window {
    readonly ceasefireLine: CeasefireLineHook;
  }
}
