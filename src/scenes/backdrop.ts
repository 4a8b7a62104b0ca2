// The map behind the menus and the briefing: the same map as the game, still, framed so
// that Libya sits in the part of the screen the panel leaves free.
import type Phaser from 'phaser';
import type { Scenario } from '../game/sim-types.ts';
import { MapCamera } from './map/camera.ts';
import { MapView } from './map/MapView.ts';
import { isOutline, OUTLINE_KEY, worldRect } from './map/outline.ts';

export interface Backdrop {
  view: MapView;
  camera: MapCamera;
}

/** leftCover: how much of the window's width the panel covers on the left, in pixels. */
export function mapBackdrop(scene: Phaser.Scene, leftCover: () => number, scenario: Scenario | null = null): Backdrop | null {
  const outline = scene.cache.json.get(OUTLINE_KEY);
  if (!isOutline(outline)) return null;
  const view = new MapView(scene, outline, { scenario, showPlaces: scenario !== null });
  const camera = new MapCamera(scene.cameras.main, worldRect(outline), (z) => view.setZoom(z));
  const frame = () => {
    const { width } = scene.scale;
    // On narrow windows the panel covers everything: centre the map behind it instead.
    const cover = width >= 1100 ? leftCover() : 0;
    camera.setInsets({ top: 16, right: 16, bottom: 16, left: cover });
    // Libya with a band of sea above it.
    const b = view.libyaBounds();
    camera.fit({ x: b.x, y: b.y - 150, width: b.width, height: b.height + 150 }, 24);
  };
  frame();
  scene.scale.on('resize', frame);
  scene.events.once('shutdown', () => scene.scale.off('resize', frame));
  return { view, camera };
}
