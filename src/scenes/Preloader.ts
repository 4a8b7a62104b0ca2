import Phaser from 'phaser';
import { app } from '../game/app.ts';
import { prefetchScenario } from '../game/content.ts';
import { problem, problemOf } from '../game/problem.ts';
import { showNotice } from '../ui/announce.ts';
import { errorText } from '../ui/error-text.ts';
import { css, palette } from '../ui/palette.ts';
import { entered, go } from './go.ts';
import { loadPlay } from './lazy.ts';
import { FONT, loadMapAssets } from './map/assets.ts';

/**
 * The first scene for a game link (?scenario=...): a title and a progress bar while the map,
 * the play chunk and the linked scenario load (side by side), then the briefing or the map (or
 * the menu, with what was wrong).
 */
export class Preloader extends Phaser.Scene {
  constructor() {
    super('Preloader');
  }

  async create(): Promise<void> {
    entered('Preloader');
    const bar = this.showProgress();
    let done = 0;
    const step = <T>(value: T): T => {
      bar(++done / 3);
      return value;
    };
    // The scenario's chunk comes at the same time as the play chunk; readLink validates it.
    const [play] = await Promise.all([
      loadPlay(this.game).then(step),
      loadMapAssets().then(step),
      prefetchScenario(new URLSearchParams(window.location.search).get('scenario') ?? '').then(step),
    ]);
    const link = await play.readLink();
    if (link.kind !== 'start') {
      go(this, 'MainMenu', link.kind === 'error' ? { notice: link.msg } : {});
      return;
    }
    try {
      const { setup, orders, noteMsgs } = link.start;
      app.session = await (orders ? play.GameSession.fromPlayerOrders(setup, orders) : play.GameSession.start(setup));
      // A link with orders opens the game at the turn reached (or its ending).
      const midGame = (orders?.length ?? 0) > 0;
      // What the game changed in the link to open it, told at once over the first screen.
      for (const note of noteMsgs ?? []) showNotice(errorText(note));
      go(this, app.session.state.ending ? 'Ending' : link.start.skipBriefing || midGame ? 'Game' : 'Briefing');
    } catch (error) {
      go(this, 'MainMenu', { notice: problem('errors.link.cannotStart', { reason: problemOf(error) }) });
    }
  }

  /** Draws the title and an empty bar; returns a function that fills it. */
  private showProgress(): (progress: number) => void {
    const { width, height } = this.scale;
    this.add
      .text(width / 2, height / 2 - 36, 'CEASEFIRE LINE', { fontFamily: FONT, fontSize: '22px', color: css(palette.text), fontStyle: '600' })
      .setOrigin(0.5);
    const g = this.add.graphics();
    const draw = (progress: number) => {
      const w = Math.min(360, width * 0.6);
      const x = (width - w) / 2;
      const y = height / 2;
      g.clear();
      g.lineStyle(1, palette.line, 1);
      g.strokeRect(x, y, w, 8);
      g.fillStyle(palette.accent, 1);
      g.fillRect(x + 2, y + 2, Math.max(0, (w - 4) * progress), 4);
    };
    draw(0);
    return draw;
  }
}
