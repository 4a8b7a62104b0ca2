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

/**
 * leftCover: how much of the window's width the panel covers on the left, in pixels (or, for
 * a panel on the right as in Arabic, `{ right }`).
 * The map is drawn now if its assets are in, else as soon as they are (the panel is usable
 * meanwhile); then onReady, if given, gets it. Behind the first screen of all, it comes a
 * frame after the panel: the page is usable first.
 */
export function mapBackdrop(scene: Phaser.Scene, leftCover: () => number | { right: number }, scenario: Scenario | null = null, onReady?: (backdrop: Backdrop) => void): void {
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

function drawBackdrop(scene: Phaser.Scene, outline: Outline, leftCover: () => number | { right: number }, scenario: Scenario | null): Backdrop {
  const view = new MapView(scene, outline, { scenario, showPlaces: scenario !== null });
  const camera = new MapCamera(scene.cameras.main, worldRect(outline), (z) => view.setZoom(z));
  const frame = () => {
    const { width } = scene.scale;
    // On narrow windows the panel covers everything: centre the map behind it instead.
    const cover = width >= 1100 ? leftCover() : 0;
    camera.setInsets(typeof cover === 'number' ? { top: 16, right: 16, bottom: 16, left: cover } : { top: 16, right: cover.right, bottom: 16, left: 16 });
    // Libya with a band of sea above it.
    const b = view.libyaBounds();
    camera.fit({ x: b.x, y: b.y - 150, width: b.width, height: b.height + 150 }, 24);
  };
  frame();
  scene.scale.on('resize', frame);
  scene.events.once('shutdown', () => scene.scale.off('resize', frame));
  return { view, camera, reframe: frame };
}
