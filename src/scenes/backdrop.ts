// The map behind the menus and the briefing: the same map as the game, still, framed so
// that Libya sits in the part of the screen the panel leaves free.
import type Phaser from 'phaser';
import { app } from '../game/app.ts';
import type { Scenario } from '../game/sim-types.ts';
import { whenMapReady } from './map/assets.ts';
import { MapCamera } from './map/camera.ts';
import { MapView } from './map/MapView.ts';
import { type Outline, worldRect } from './map/outline.ts';

export interface Backdrop {
  view: MapView;
  camera: MapCamera;
  /** Frames the map again (the panel moved: another language, another side). */
  reframe(): void;
}

/** How much of the window's width a panel covers on each side, in pixels. */
export interface Cover {
  left: number;
  right: number;
}

/**
 * The cover of a panel that stands against one edge of the window: on the left in a
 * left-to-right page, on the right in Arabic (the page mirrors; the map does not).
 */
export function panelCover(panel: HTMLElement): Cover {
  const r = panel.getBoundingClientRect();
  const width = window.innerWidth;
  // The panel's middle says which edge it stands against.
  return r.left + r.width / 2 <= width / 2 ? { left: r.right + 16, right: 16 } : { left: 16, right: Math.max(16, width - r.left + 16) };
}

/**
 * leftCover: how much of the window's width the panel covers on the left, in pixels (or,
 * as a Cover, on each side).
 * The map is drawn now if its assets are in, else as soon as they are (the panel is usable
 * meanwhile); then onReady, if given, gets it. Behind the first screen of all, it comes a
 * frame after the panel: the page is usable first.
 */
export function mapBackdrop(scene: Phaser.Scene, leftCover: () => number | { right: number } | Cover, scenario: Scenario | null = null, onReady?: (backdrop: Backdrop) => void): void {
  const firstScreen = app.readyAt === undefined;
  whenMapReady(
    scene,
    (outline) => {
      const backdrop = drawBackdrop(scene, outline, leftCover, scenario);
      onReady?.(backdrop);
    },
    firstScreen,
  );
}

function drawBackdrop(scene: Phaser.Scene, outline: Outline, leftCover: () => number | { right: number } | Cover, scenario: Scenario | null): Backdrop {
  const view = new MapView(scene, outline, { scenario, showPlaces: scenario !== null });
  const camera = new MapCamera(scene.cameras.main, worldRect(outline), (z) => view.setZoom(z));
  const frame = () => {
    const { width } = scene.scale;
    // On narrow windows the panel covers everything: centre the map behind it instead.
    const raw = width >= 1100 ? leftCover() : 0;
    const cover: Cover = typeof raw === 'number' ? { left: raw, right: 16 } : { left: (raw as Partial<Cover>).left ?? 16, right: raw.right };
    camera.setInsets({ top: 16, right: cover.right, bottom: 16, left: cover.left });
    // Where the map is framed, for tests that check it stays beside the panel in either direction.
    scene.game.canvas.dataset.mapInsets = `${Math.round(cover.left)},${Math.round(cover.right)}`;
    // Libya with a band of sea above it.
    const b = view.libyaBounds();
    camera.fit({ x: b.x, y: b.y - 150, width: b.width, height: b.height + 150 }, 24);
  };
  frame();
  scene.scale.on('resize', frame);
  scene.events.once('shutdown', () => scene.scale.off('resize', frame));
  return { view, camera, reframe: frame };
}
