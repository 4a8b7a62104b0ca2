// Pan and zoom over the map, clamped to the map canvas. The panels of the game screen
// cover parts of the window: "insets" say how much, so that fitting and centring use the
// part of the map the player can actually see.
import type Phaser from 'phaser';
import { keepAwake } from '../loop.ts';

export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export class MapCamera {
  private readonly camera: Phaser.Cameras.Scene2D.Camera;
  private readonly world: Rect;
  private insets: Insets = { top: 0, right: 0, bottom: 0, left: 0 };
  /** World point shown at the centre of the visible area. */
  private cx: number;
  private cy: number;
  zoom = 1;
  minZoom = 0.2;
  maxZoom = 4;
  private readonly onZoom: (zoom: number) => void;

  constructor(camera: Phaser.Cameras.Scene2D.Camera, world: Rect, onZoom: (zoom: number) => void) {
    this.camera = camera;
    this.world = world;
    this.cx = world.x + world.width / 2;
    this.cy = world.y + world.height / 2;
    this.onZoom = onZoom;
  }

  /** The visible part of the screen (not under panels). */
  private view(): Rect {
    const w = this.camera.width;
    const h = this.camera.height;
    const { top, right, bottom, left } = this.insets;
    return { x: left, y: top, width: Math.max(80, w - left - right), height: Math.max(80, h - top - bottom) };
  }

  setInsets(insets: Insets): void {
    this.insets = insets;
    this.apply();
  }

  /** Fits a world rectangle into the visible area and sets the zoom limits from it. */
  fit(rect: Rect, padding = 24): void {
    const view = this.view();
    const z = Math.min((view.width - padding * 2) / rect.width, (view.height - padding * 2) / rect.height);
    this.minZoom = z * 0.85;
    this.maxZoom = Math.max(z * 7, 2.5);
    this.cx = rect.x + rect.width / 2;
    this.cy = rect.y + rect.height / 2;
    this.setZoom(z);
  }

  setZoom(z: number, anchorScreen?: { x: number; y: number }): void {
    const clamped = Math.min(this.maxZoom, Math.max(this.minZoom, z));
    if (anchorScreen) {
      // Keep the world point under the anchor where it is.
      const before = this.screenToWorld(anchorScreen.x, anchorScreen.y);
      this.zoom = clamped;
      const after = this.screenToWorld(anchorScreen.x, anchorScreen.y);
      this.cx += before.x - after.x;
      this.cy += before.y - after.y;
    } else {
      this.zoom = clamped;
    }
    this.apply();
    this.onZoom(this.zoom);
  }

  zoomBy(factor: number, anchorScreen?: { x: number; y: number }): void {
    this.setZoom(this.zoom * factor, anchorScreen);
  }

  panByScreen(dx: number, dy: number): void {
    this.cx -= dx / this.zoom;
    this.cy -= dy / this.zoom;
    this.apply();
  }

  centerOn(x: number, y: number): void {
    this.cx = x;
    this.cy = y;
    this.apply();
  }

  /** Makes sure a world point is inside the visible area, moving as little as possible. */
  reveal(x: number, y: number, marginPx = 60): void {
    const view = this.view();
    const p = this.worldToScreen(x, y);
    let dx = 0;
    let dy = 0;
    if (p.x < view.x + marginPx) dx = view.x + marginPx - p.x;
    if (p.x > view.x + view.width - marginPx) dx = view.x + view.width - marginPx - p.x;
    if (p.y < view.y + marginPx) dy = view.y + marginPx - p.y;
    if (p.y > view.y + view.height - marginPx) dy = view.y + view.height - marginPx - p.y;
    if (dx || dy) this.panByScreen(dx, dy);
  }

  screenToWorld(sx: number, sy: number): { x: number; y: number } {
    const view = this.view();
    return { x: this.cx + (sx - (view.x + view.width / 2)) / this.zoom, y: this.cy + (sy - (view.y + view.height / 2)) / this.zoom };
  }

  worldToScreen(wx: number, wy: number): { x: number; y: number } {
    const view = this.view();
    return { x: view.x + view.width / 2 + (wx - this.cx) * this.zoom, y: view.y + view.height / 2 + (wy - this.cy) * this.zoom };
  }

  /** Clamps to the world and moves the Phaser camera. */
  apply(): void {
    const view = this.view();
    const halfW = view.width / 2 / this.zoom;
    const halfH = view.height / 2 / this.zoom;
    const { x, y, width, height } = this.world;
    this.cx = halfW * 2 >= width ? x + width / 2 : Math.min(x + width - halfW, Math.max(x + halfW, this.cx));
    this.cy = halfH * 2 >= height ? y + height / 2 : Math.min(y + height - halfH, Math.max(y + halfH, this.cy));
    this.camera.setZoom(this.zoom);
    // The camera centres on the screen middle; shift so cx, cy sits in the visible middle.
    const offX = (view.x + view.width / 2 - this.camera.width / 2) / this.zoom;
    const offY = (view.y + view.height / 2 - this.camera.height / 2) / this.zoom;
    this.camera.centerOn(this.cx - offX, this.cy - offY);
    // The game loop sleeps while nothing moves: a moved camera needs a frame.
    keepAwake();
  }
}
