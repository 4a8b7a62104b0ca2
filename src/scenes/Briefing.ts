import Phaser from 'phaser';
import { app } from '../game/app.ts';
import { GameSession } from '../game/session.ts';
import { music } from '../game/settings.ts';
import { mountBriefing } from '../ui/briefing.ts';
import { layer } from '../ui/dom.ts';
import { mapBackdrop, panelCover } from './backdrop.ts';
import { entered, go } from './go.ts';

export class Briefing extends Phaser.Scene {
  constructor() {
    super('Briefing');
  }

  create(): void {
    entered('Briefing');
    // A briefing opens a game played here (a classroom table has its lobby instead).
    const session = app.session;
    if (!(session instanceof GameSession)) {
      go(this, 'MainMenu');
      return;
    }
    const root = layer('briefing');
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') go(this, 'MainMenu');
    };
    window.addEventListener('keydown', onKey);
    this.events.once('shutdown', () => {
      root.remove();
      window.removeEventListener('keydown', onKey);
    });
    const panel = mountBriefing(root, session, {
      start: () => go(this, 'Game'),
      back: () => go(this, 'MainMenu'),
    });
    mapBackdrop(this, () => panelCover(panel), session.scenario);
    music('briefing');
  }
}
