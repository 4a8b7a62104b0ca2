import Phaser from 'phaser';
import { app } from '../game/app.ts';
import { content, prefetchScenario } from '../game/content.ts';
import { problemOf } from '../game/problem.ts';
import type { GameSession, GameSetup } from '../game/session.ts';
import { music } from '../game/settings.ts';
import { isRtl, onLangChange, t } from '../i18n/index.ts';
import { layer } from '../ui/dom.ts';
import type { Notice } from '../ui/error-text.ts';
import { mountMenu } from '../ui/menu.ts';
import { mapBackdrop } from './backdrop.ts';
import { entered, go } from './go.ts';
import { hasAutosave, loadPlay, play } from './lazy.ts';
import { keepAwake } from './loop.ts';

export class MainMenu extends Phaser.Scene {
  /** The menu has been left (another scene, or a restart): late answers are dropped. */
  private left = false;

  constructor() {
    super('MainMenu');
  }

  create(data: { notice?: Notice }): void {
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

  private open(data: { notice?: Notice }): void {
    entered('MainMenu');
    const root = layer('menu');
    this.left = false;
    this.events.once('shutdown', () => {
      this.left = true;
      root.remove();
    });
    const { panel } = mountMenu(
      root,
      {
        // The scenario's own chunk is fetched alongside the play chunk (not after it).
        newGame: (setup) => {
          void prefetchScenario(setup.scenarioId);
          this.startGame(loadPlay(this.game).then(({ GameSession }) => GameSession.start(setup)));
        },
        continueGame: (save, key) => {
          void prefetchScenario(save.scenarioId);
          void loadPlay(this.game)
            // A save that cannot be rebuilt is set aside (never overwritten) and reported.
            .then(({ restoreOrSetAside }) => restoreOrSetAside(save, key))
            .then((restored) => {
              if (this.left) return;
              if (!restored.ok) return this.fail(restored.problemMsg);
              app.session = restored.session;
              go(this, app.session.state.ending ? 'Ending' : 'Game');
            })
            .catch((error: Error) => this.fail(t('menu.error.saveOpen', { reason: error.message })));
        },
        openReplay: (file) => {
          // The size is checked before reading: a huge file is never loaded.
          const fail = (problem: Notice) => this.fail(problem);
          void loadPlay(this.game)
            .then(async (chunk) => {
              const limit = chunk.REPLAY_LIMITS.bytes;
              if (file.size > limit) return fail(t('menu.error.replayTooLarge', { size: file.size, limit }));
              const buffer = await file.arrayBuffer();
              const opened = await chunk.openReplay(new Uint8Array(buffer));
              if (this.left) return;
              if (!opened.ok) return fail(opened.problemMsg);
              app.session = opened.session;
              go(this, 'Game');
            })
            .catch(() => fail(t('menu.error.replayUnreadable')));
        },
        content,
        data: play,
        loadData: () => loadPlay(this.game),
        explore: () => this.explore(root),
        guide: () => this.guide(root),
        classroom: () => this.classroom(root),
        teach: () => this.teach(root),
      },
      data?.notice,
    );
    // The panel stands on the reading side: on the right in Arabic (the map itself is not mirrored).
    // Another language may move the panel to the other side: the map is framed again.
    let reframe = () => {};
    mapBackdrop(this, () => (isRtl() ? { right: window.innerWidth - panel.getBoundingClientRect().left + 16 } : panel.getBoundingClientRect().right + 16), null, (backdrop) => {
      reframe = backdrop.reframe;
    });
    const stop = onLangChange(() => reframe());
    this.events.once('shutdown', () => stop());
    music('menu');
  }

  /** A game being started: the briefing once it is ready, or the menu again with why not. */
  private startGame(session: Promise<GameSession>): void {
    session.then(
      (started) => {
        if (this.left) return;
        app.session = started;
        go(this, 'Briefing');
      },
      (error: Error) => this.fail(problemOf(error)),
    );
  }

  /** The menu again, with a notice saying what went wrong (a scenario that could not be loaded, a bad file…): told text, or a problem's code (told by the menu, in the language of the moment). */
  private fail(notice: Notice): void {
    if (this.left) return;
    // The restart waits for the next frame, and the loop sleeps when idle (loop.ts): wake it,
    // or the notice would wait for the pointer to move.
    keepAwake(1000);
    this.scene.restart({ notice });
  }

  /** Classroom play (src/ui/classroom.ts with colyseus.js, loaded when asked for) over the menu. */
  private classroom(menu: HTMLElement): void {
    void import('../ui/classroom.ts').then(({ mountClassroom }) => {
      if (!menu.isConnected) return;
      menu.hidden = true;
      const screen = mountClassroom({
        scenarios: content().scenarios,
        back: () => {
          menu.hidden = false;
          menu.querySelector<HTMLElement>('#menu-classroom')?.focus({ preventScroll: true });
        },
        // The game started at the person's seat: the same map, panels and reports as a single game.
        play: (table, scenario) => {
          void loadPlay(this.game).then(
            ({ NetSession }) => {
              if (this.left) {
                table.leave();
                return;
              }
              app.session = new NetSession(table, scenario);
              go(this, 'Game');
            },
            (error: Error) => {
              table.leave();
              this.fail(problemOf(error));
            },
          );
        },
      });
      this.events.once('shutdown', () => screen.close());
    });
  }

  /** The teacher's console (src/ui/console.ts with colyseus.js, loaded when asked for) over the menu. */
  private teach(menu: HTMLElement): void {
    void import('../ui/console.ts').then(({ mountConsole }) => {
      if (!menu.isConnected) return;
      menu.hidden = true;
      const screen = mountConsole({
        scenarios: content().scenarios,
        back: () => {
          menu.hidden = false;
          menu.querySelector<HTMLElement>('#menu-teach')?.focus({ preventScroll: true });
        },
      });
      this.events.once('shutdown', () => screen.close());
    });
  }

  /** The teacher's guides (src/ui/guide.ts, loaded when asked for) over the menu. */
  private guide(menu: HTMLElement): void {
    void import('../ui/guide.ts').then(({ mountGuides }) => {
      if (!menu.isConnected) return;
      menu.hidden = true;
      const back = () => {
        menu.hidden = false;
        menu.querySelector<HTMLElement>('#menu-guide')?.focus({ preventScroll: true });
      };
      const screen = mountGuides({ scenarios: content().scenarios.filter((s) => s.form !== 'lesson'), back });
      this.events.once('shutdown', () => screen.close());
    });
  }

  /**
   * The outcome explorer (src/ui/explorer.ts, loaded with uPlot only when asked for) over the
   * menu. It lists the scenarios from the catalog; its workers load the one they run.
   */
  private explore(menu: HTMLElement): void {
    void import('../ui/explorer.ts').then((explorer) => {
      if (!menu.isConnected) return;
      menu.hidden = true;
      const screen = explorer.mountExplorer({
        scenarios: content().scenarios,
        back: () => {
          menu.hidden = false;
          menu.querySelector<HTMLElement>('#menu-explore')?.focus({ preventScroll: true });
        },
        openGame: (setup: GameSetup) => {
          screen.close();
          void prefetchScenario(setup.scenarioId);
          this.startGame(loadPlay(this.game).then(({ GameSession }) => GameSession.start(setup)));
        },
      });
      this.events.once('shutdown', () => screen.close());
    });
  }
}
