// The baseline for the browser benchmarks: a bare Phaser 4 page with the game's renderer
// settings (Canvas renderer, as src/scenes/index.ts; RESIZE scaling, no Phaser audio) and one scene of a few shapes that
// can be dragged and wheel-zoomed like the game's map. Built by bench/browser.ts into
// dist-bare/. It sets window.__ready = performance.now() when its scene's create() has run.
import Phaser from 'phaser';

class Bare extends Phaser.Scene {
  constructor() {
    super('Bare');
  }

  create(): void {
    const { width, height } = this.scale;
    this.add.rectangle(width / 2, height / 2, width * 0.6, height * 0.6, 0x2a3a44).setStrokeStyle(2, 0x8aa1ad);
    this.add.circle(width * 0.3, height * 0.4, 40, 0xc8553d);
    this.add.circle(width * 0.7, height * 0.6, 28, 0x5b8e7d);
    this.add.triangle(width * 0.5, height * 0.5, 0, 60, 30, 0, 60, 60, 0xe0c068);
    this.add.line(0, 0, width * 0.2, height * 0.8, width * 0.8, height * 0.2, 0xdddddd).setOrigin(0, 0);
    this.add.text(24, 24, 'bare Phaser 4', { fontFamily: 'sans-serif', fontSize: '18px', color: '#dddddd' });

    // Pan by dragging, zoom with the wheel (the same kind of work the game's map does).
    const cam = this.cameras.main;
    this.input.on('pointermove', (p: Phaser.Input.Pointer) => {
      if (!p.isDown) return;
      cam.scrollX -= (p.x - p.prevPosition.x) / cam.zoom;
      cam.scrollY -= (p.y - p.prevPosition.y) / cam.zoom;
    });
    this.input.on('wheel', (_p: Phaser.Input.Pointer, _over: unknown, _dx: number, dy: number) => {
      cam.setZoom(Phaser.Math.Clamp(cam.zoom * (dy > 0 ? 0.9 : 1.1), 0.5, 4));
    });

    (window as unknown as { __ready?: number }).__ready = performance.now();
  }
}

new Phaser.Game({
  type: Phaser.CANVAS,
  parent: 'game',
  backgroundColor: '#12161a',
  scale: { mode: Phaser.Scale.RESIZE, width: '100%', height: '100%' },
  audio: { noAudio: true },
  input: { keyboard: false, gamepad: false },
  banner: false,
  antialias: true,
  scene: [Bare],
});
