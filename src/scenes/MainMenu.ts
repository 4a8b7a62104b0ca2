import Phaser from 'phaser';
import { app } from '../game/app.ts';
import { music } from '../game/settings.ts';
import { layer } from '../ui/dom.ts';
import { mountMenu } from '../ui/menu.ts';
import { mapBackdrop } from './backdrop.ts';
import { entered, go } from './go.ts';
import { hasAutosave, loadPlay, play } from './lazy.ts';

export class MainMenu extends Phaser.Scene {
  constructor() {
    super('MainMenu');
  }

  create(data: { notice?: string }): void {
    // The menu reads a saved game through the play chunk: with one waiting, it opens once
    // that has loaded; without, at once (the chunk follows in the background).
    if (!play() && hasAutosave()) {
      let left = false;
      this.events.once('shutdown', () => {
        left = true;
      });
      void loadPlay(this.game).then(() => {
        if (!left) this.open(data);
      });
      return;
    }
    this.open(data);
  }

  private open(data: { notice?: string }): void {
    entered('MainMenu');
    const root = layer('menu');
    this.events.once('shutdown', () => root.remove());
    let notice = data?.notice;
    const { panel } = mountMenu(
      root,
      {
        newGame: (setup) => {
          void loadPlay(this.game).then(({ GameSession }) => {
            try {
              app.session = GameSession.start(setup);
              go(this, 'Briefing');
            } catch (error) {
              notice = (error as Error).message;
              this.scene.restart({ notice });
            }
          });
        },
        continueGame: (save, key) => {
          void loadPlay(this.game).then(({ restoreOrSetAside }) => {
            // A save that cannot be rebuilt is set aside (never overwritten) and reported.
            const restored = restoreOrSetAside(save, key);
            if (!restored.ok) {
              this.scene.restart({ notice: restored.problem });
              return;
            }
            app.session = restored.session;
            go(this, app.session.state.ending ? 'Ending' : 'Game');
          });
        },
        openReplay: (file) => {
          // The size is checked before reading: a huge file is never loaded.
          const fail = (problem: string) => this.scene.restart({ notice: problem });
          void loadPlay(this.game)
            .then(async (chunk) => {
              const limit = chunk.REPLAY_LIMITS.bytes;
              if (file.size > limit) return fail(`This replay cannot be opened. The file is too large (${file.size} bytes; a replay may be at most ${limit}).`);
              const buffer = await file.arrayBuffer();
              const opened = chunk.openReplay(new Uint8Array(buffer));
              if (!opened.ok) return fail(opened.problem);
              app.session = opened.session;
              go(this, 'Game');
            })
            .catch(() => fail('This replay cannot be opened: the file could not be read.'));
        },
        data: play,
        loadData: () => loadPlay(this.game),
        explore: () => this.explore(root, data),
      },
      notice,
    );
    mapBackdrop(this, () => panel.getBoundingClientRect().right + 16);
    music('menu');
  }

  /** The outcome explorer (src/ui/explorer.ts, loaded with uPlot only when asked for) over the menu. */
  private explore(menu: HTMLElement, data: { notice?: string }): void {
    void Promise.all([loadPlay(this.game), import('../ui/explorer.ts')]).then(([chunk, explorer]) => {
      if (!menu.isConnected) return;
      menu.hidden = true;
      const screen = explorer.mountExplorer({
        scenarios: chunk.content().scenarios,
        back: () => {
          menu.hidden = false;
          menu.querySelector<HTMLElement>('#menu-explore')?.focus({ preventScroll: true });
        },
        openGame: (setup) => {
          screen.close();
          try {
            app.session = chunk.GameSession.start(setup);
            go(this, 'Briefing');
          } catch (error) {
            this.scene.restart({ ...data, notice: (error as Error).message });
          }
        },
      });
      this.events.once('shutdown', () => screen.close());
    });
  }
}
