import Phaser from 'phaser';
import { entered } from './go.ts';

/** Nothing to load before the preloader can draw itself: straight on. */
export class Boot extends Phaser.Scene {
  constructor() {
    super('Boot');
  }

  create(): void {
    entered('Boot');
    this.scene.start('Preloader');
  }
}
