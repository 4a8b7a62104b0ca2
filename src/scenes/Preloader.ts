import Phaser from 'phaser';
import outlineUrl from '../../assets/map/libya-outline.json?url';
import { app } from '../game/app.ts';
import { readLink } from '../game/link.ts';
import { GameSession } from '../game/session.ts';
import { css, palette } from '../ui/palette.ts';
import { entered, go } from './go.ts';
import { FONT } from './map/MapView.ts';
import { OUTLINE_KEY } from './map/outline.ts';

/** Loads the map and the font, with a progress bar; then opens the menu or a linked game. */
export class Preloader extends Phaser.Scene {
  private bar!: Phaser.GameObjects.Graphics;
  private progress = 0;

  constructor() {
    super('Preloader');
  }

  init(): void {
    entered('Preloader');
    const { width, height } = this.scale;
    this.add
      .text(width / 2, height / 2 - 36, 'CEASEFIRE LINE', { fontFamily: FONT, fontSize: '22px', color: css(palette.text), fontStyle: '600' })
      .setOrigin(0.5);
    this.bar = this.add.graphics();
    this.drawBar();
    this.load.on('progress', (p: number) => {
      this.progress = p * 0.8;
      this.drawBar();
    });
  }

  private drawBar(): void {
    const { width, height } = this.scale;
    const w = Math.min(360, width * 0.6);
    const x = (width - w) / 2;
    const y = height / 2;
    this.bar.clear();
    this.bar.lineStyle(1, palette.line, 1);
    this.bar.strokeRect(x, y, w, 8);
    this.bar.fillStyle(palette.accent, 1);
    this.bar.fillRect(x + 2, y + 2, Math.max(0, (w - 4) * this.progress), 4);
  }

  preload(): void {
    this.load.json(OUTLINE_KEY, outlineUrl);
  }

  async create(): Promise<void> {
    // Phaser draws text on canvases: the font must be ready before the first label.
    try {
      await Promise.all([document.fonts.load(`400 16px ${FONT}`), document.fonts.load(`600 16px ${FONT}`)]);
    } catch {
      // The fallback font is acceptable; carry on.
    }
    this.progress = 1;
    this.drawBar();

    const link = readLink();
    if (link.kind === 'start') {
      try {
        app.session = GameSession.start(link.start.setup);
        go(this, link.start.skipBriefing ? 'Game' : 'Briefing');
        return;
      } catch (error) {
        go(this, 'MainMenu', { notice: `This link could not start a game: ${(error as Error).message}` });
        return;
      }
    }
    go(this, 'MainMenu', link.kind === 'error' ? { notice: link.message } : {});
  }
}
