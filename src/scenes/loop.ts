// Redraw only when something can change. The map is static between inputs, so after a
// short quiet spell the game loop sleeps (no frames at all). What changes the picture wakes
// it: the map's camera and view (camera.ts, MapView.ts), scene changes (go.ts), running
// tweens, resizes, keys, and pointer input on the game's canvas. Pointer input over the DOM
// panels does not: Phaser handles input as it arrives, without frames, so a panel or a modal
// under the pointer never makes the whole map redraw.
import type Phaser from 'phaser';

const IDLE_MS = 400;
let game: Phaser.Game | null = null;
let awakeUntil = 0;

export function keepAwake(ms = IDLE_MS): void {
  awakeUntil = Math.max(awakeUntil, performance.now() + ms);
  if (game && !game.loop.running) game.loop.wake(true);
}

function busy(): boolean {
  if (!game) return false;
  for (const scene of game.scene.getScenes(true)) {
    if (scene.tweens.getTweens().length > 0) return true;
  }
  return false;
}

export function installIdleLoop(target: Phaser.Game): void {
  game = target;
  const wake = () => keepAwake();
  const wakeOnCanvas = (e: Event) => {
    if (e.target === target.canvas) keepAwake();
  };
  for (const type of ['pointerdown', 'pointermove', 'pointerup', 'wheel']) {
    window.addEventListener(type, wakeOnCanvas, { capture: true, passive: true });
  }
  for (const type of ['keydown', 'keyup', 'resize', 'focus', 'visibilitychange']) {
    window.addEventListener(type, wake, { capture: true, passive: true });
  }
  target.events.on('postrender', () => {
    const now = performance.now();
    if (busy()) awakeUntil = Math.max(awakeUntil, now + 100);
    if (now > awakeUntil && target.loop.running) target.loop.sleep();
  });
  keepAwake();
}
