import Phaser from 'phaser';
import { app } from '../game/app.ts';
import { problemOf } from '../game/problem.ts';
import { GameSession } from '../game/session.ts';
import { music } from '../game/settings.ts';
import { layer } from '../ui/dom.ts';
import { mountEnding } from '../ui/ending.ts';
import { showReport } from '../ui/modals.ts';
import { mapBackdrop, panelCover } from './backdrop.ts';
import { entered, go } from './go.ts';

export class Ending extends Phaser.Scene {
  constructor() {
    super('Ending');
  }

  create(): void {
    entered('Ending');
    // The ending shows the whole game (a classroom table's is rebuilt from its replay: NetSession.finish).
    const session = app.session;
    if (!(session instanceof GameSession)) {
      go(this, 'MainMenu');
      return;
    }
    const root = layer('ending');
    this.events.once('shutdown', () => root.remove());
    const panel = mountEnding(root, session, {
      menu: () => go(this, 'MainMenu'),
      replay: () => {
        void GameSession.start({ ...session.setup, whatIfs: [] }).then(
          (again) => {
            app.session = again;
            go(this, 'Briefing');
          },
          (error: Error) => go(this, 'MainMenu', { notice: problemOf(error) }),
        );
      },
      report: () => {
        const report = session.reports.at(-1);
        if (report) void showReport(root, session, report, new Set());
      },
    });
    mapBackdrop(this, () => panelCover(panel), session.scenario, (backdrop) => {
      for (const id of backdrop.view.placeIds()) {
        backdrop.view.setStatus(id, { controller: session.state.places[id]?.controller ?? 'local', forces: [] });
      }
    });
    music(session.state.ending?.winner === session.role ? 'victory' : 'ending');
  }
}
