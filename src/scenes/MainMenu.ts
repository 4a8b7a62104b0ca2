import Phaser from 'phaser';
import { app } from '../game/app.ts';
import { GameSession } from '../game/session.ts';
import { music } from '../game/settings.ts';
import { layer } from '../ui/dom.ts';
import { mountMenu } from '../ui/menu.ts';
import { mapBackdrop } from './backdrop.ts';
import { entered, go } from './go.ts';

export class MainMenu extends Phaser.Scene {
  constructor() {
    super('MainMenu');
  }

  create(data: { notice?: string }): void {
    entered('MainMenu');
    const root = layer('menu');
    this.events.once('shutdown', () => root.remove());
    let notice = data?.notice;
    const { panel } = mountMenu(
      root,
      {
        newGame: (setup) => {
          try {
            app.session = GameSession.start(setup);
            go(this, 'Briefing');
          } catch (error) {
            notice = (error as Error).message;
            this.scene.restart({ notice });
          }
        },
        continueGame: (save) => {
          try {
            app.session = GameSession.restore(save);
            go(this, app.session.state.ending ? 'Ending' : 'Game');
          } catch (error) {
            this.scene.restart({ notice: `The saved game could not be restored: ${(error as Error).message}` });
          }
        },
      },
      notice,
    );
    mapBackdrop(this, () => panel.getBoundingClientRect().right + 16);
    music('menu');
  }
}
