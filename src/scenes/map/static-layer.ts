// The map's still layers (sea, land, region names, routes, sea and country names) drawn into
// one texture at the current zoom and shown as one image, so that a frame draws one image and
// not thousands of path points. They are drawn again only when the zoom or their content
// changes, when the window is resized, or when a pan leaves what was drawn (once the view
// pans, a margin around the window is drawn too, to pan within).
//
// The texture is drawn through a camera with the main camera's zoom and sub-pixel phase, and
// shown at whole-pixel offsets from where it was drawn, so its pixels are the ones the layers
// would have drawn themselves. A pan by a fraction of a pixel (rare: drags move by whole
// pixels) draws it again rather than resample it.
import Phaser from 'phaser';
import { keepAwake } from '../loop.ts';

/**
 * Screen pixels drawn beyond each edge of the window once the view pans (a still view, or one
 * that zooms, draws just the window: a smaller texture draws faster).
 */
const MARGIN = 160;
const EPSILON = 1e-3;

let serial = 0;

interface Drawn {
  zoom: number;
  /** World point at the texture's top-left corner. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** The camera's size when drawn. */
  viewWidth: number;
  viewHeight: number;
}

export class StaticLayer {
  private readonly scene: Phaser.Scene;
  private readonly key: string;
  private readonly texture: Phaser.Textures.DynamicTexture;
  private readonly image: Phaser.GameObjects.Image;
  /** Drawn in this order; they are not on the display list. */
  private readonly objects: Phaser.GameObjects.GameObject[];
  private drawn: Drawn | null = null;
  private dirty = true;

  constructor(scene: Phaser.Scene, objects: Phaser.GameObjects.GameObject[], depth = 0) {
    this.scene = scene;
    this.objects = objects;
    this.key = `map-static-${++serial}`;
    const cam = scene.cameras.main;
    this.texture = scene.textures.addDynamicTexture(this.key, Math.ceil(cam.width), Math.ceil(cam.height), false) as Phaser.Textures.DynamicTexture;
    this.texture.camera.setOrigin(0, 0);
    // Shown at whole-pixel offsets and scale 1: copied, not resampled.
    this.texture.setFilter(Phaser.Textures.FilterMode.NEAREST);
    this.image = scene.add.image(0, 0, this.key).setOrigin(0, 0).setDepth(depth);
    scene.events.on(Phaser.Scenes.Events.PRE_RENDER, this.sync, this);
    scene.events.once(Phaser.Scenes.Events.SHUTDOWN, this.destroy, this);
  }

  /** The layers' content changed: draw them again before the next frame. */
  invalidate(): void {
    this.dirty = true;
    keepAwake();
  }

  private sync(): void {
    const cam = this.scene.cameras.main;
    const zoom = cam.zoomX;
    const d = this.drawn;
    if (!this.dirty && d && d.zoom === zoom && d.viewWidth === cam.width && d.viewHeight === cam.height) {
      // Where the texture's corner falls on the screen now (the main camera's matrix).
      const ox = cam.width * cam.originX;
      const oy = cam.height * cam.originY;
      const sx = ox + zoom * (d.x - cam.scrollX - ox);
      const sy = oy + zoom * (d.y - cam.scrollY - oy);
      const whole = Math.abs(sx - Math.round(sx)) < EPSILON && Math.abs(sy - Math.round(sy)) < EPSILON;
      const covers = sx <= EPSILON && sy <= EPSILON && sx + d.width >= cam.width - EPSILON && sy + d.height >= cam.height - EPSILON;
      if (whole && covers) return;
      // The view pans: draw a margin around the window, to move within.
      this.draw(cam, zoom, MARGIN);
      return;
    }
    this.draw(cam, zoom, 0);
  }

  private draw(cam: Phaser.Cameras.Scene2D.Camera, zoom: number, margin: number): void {
    const width = Math.ceil(cam.width) + margin * 2;
    const height = Math.ceil(cam.height) + margin * 2;
    const ox = cam.width * cam.originX;
    const oy = cam.height * cam.originY;
    // The world point that the main camera shows at screen (-margin, -margin).
    const x = cam.scrollX + ox - (margin + ox) / zoom;
    const y = cam.scrollY + oy - (margin + oy) / zoom;
    const t = this.texture;
    const resized = t.width !== width || t.height !== height;
    if (resized) t.setSize(width, height, false);
    t.camera.setZoom(zoom).setScroll(x, y);
    t.clear();
    t.draw(this.objects);
    t.render();
    if (resized) this.image.setTexture(this.key);
    this.image.setPosition(x, y).setScale(1 / zoom);
    this.drawn = { zoom, x, y, width, height, viewWidth: cam.width, viewHeight: cam.height };
    this.dirty = false;
  }

  private destroy(): void {
    this.scene.events.off(Phaser.Scenes.Events.PRE_RENDER, this.sync, this);
    for (const o of this.objects) o.destroy();
    this.image.destroy();
    this.scene.textures.remove(this.key);
  }
}
