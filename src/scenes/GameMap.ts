// The game screen: the map (Phaser) under the DOM panels (src/ui/hud.ts). The scene draws
// the session's state, turns clicks and keys into selections, and plays each turn report
// back as map animations before the report and event cards. It holds no rules.
import Phaser from 'phaser';
import { app } from '../game/app.ts';
import { ConceptPacer } from '../game/concept-pacing.ts';
import { forcesAt, seenFormations, shortStrength } from '../game/fog.ts';
import { historyTrack } from '../game/left-history.ts';
import { NetSession } from '../game/net-session.ts';
import type { PlaySession, ShownReport } from '../game/play-session.ts';
import { GameSession } from '../game/session.ts';
import { music, settings, sfx } from '../game/settings.ts';
import type { Departure, ReportEvent } from '../game/sim-types.ts';
import { actorName, placeName, t } from '../i18n/index.ts';
import { announce } from '../ui/announce.ts';
import { layer } from '../ui/dom.ts';
import { showGameMenu } from '../ui/game-menu.ts';
import { showHandOver } from '../ui/handover.ts';
import { Hud } from '../ui/hud.ts';
import { confirm, firedEvents, modalOpen, showChoiceCard, showConcepts, showEvents, showGlossary, showReport, visibleTo } from '../ui/modals.ts';
import { palette, sideColor } from '../ui/palette.ts';
import { showPlaces, showShortcuts } from '../ui/places.ts';
import { mountReplayBar } from '../ui/replay-bar.ts';
import { sideOf } from '../ui/roles.ts';
import { mountTablePanel, type TablePanel } from '../ui/table-panel.ts';
import { TutorialOverlay, type TutorialProgress } from '../ui/tutorial.ts';
import { entered, go } from './go.ts';
import { keepAwake } from './loop.ts';
import { mapOutline, whenMapReady } from './map/assets.ts';
import { MapCamera } from './map/camera.ts';
import { MapView } from './map/MapView.ts';
import { worldRect } from './map/outline.ts';

const DRAG_THRESHOLD = 5;

export class GameMap extends Phaser.Scene {
  private session!: PlaySession;
  private tablePanel: TablePanel | null = null;
  /** The game when it is played at this screen (saves, hot-seat, replays), else null. */
  private local: GameSession | null = null;
  /** The seat when the game is played at a classroom table over the network, else null. */
  private net: NetSession | null = null;
  private view!: MapView;
  private cam!: MapCamera;
  private hud!: Hud;
  private root!: HTMLElement;
  private selected: string | null = null;
  /** Concept cards: one a turn at most, the others waiting; and events whose card has been shown. */
  private concepts = new ConceptPacer();
  /** Where this war left history, turn by turn ("Left history here" in the report); null where the record does not apply. */
  private track: ReturnType<typeof historyTrack> = null;
  private readonly leftHistory = new Map<number, Departure[]>();
  private eventsShown = new Set<string>();
  private resolving = false;
  /** Hot-seat: the screen is being passed on; neither the panels nor the map show any role's view. */
  private concealed = false;
  /** Hot-seat: the people who have had their first turn (they are shown their goals on it). */
  private seated = new Set<string>();
  /** The step-by-step guidance of a tutorial scenario (null in the other scenarios). */
  private tutorial: TutorialOverlay | null = null;

  constructor() {
    super('Game');
  }

  create(): void {
    entered('Game');
    const session = app.session;
    const outline = mapOutline();
    if (!session || outline === null) {
      go(this, 'MainMenu');
      return;
    }
    if (outline === undefined) {
      // Started before the map's assets were in (a quick start from the menu): once they are.
      whenMapReady(this, () => this.scene.restart());
      return;
    }
    this.session = session;
    this.local = session instanceof GameSession ? session : null;
    this.net = session instanceof NetSession ? session : null;
    this.selected = null;
    this.resolving = false;
    // A restored game (or a table come back to) has met its concepts and read its news already.
    const restored = session.reports.length > 0;
    this.concepts = new ConceptPacer(restored ? session.state.concepts : []);
    // Compared from here on: what the game had already left (a restored game) is not news.
    this.track = historyTrack(session.scenario, session.state);
    this.leftHistory.clear();
    this.eventsShown = new Set(restored ? Object.keys(session.state.fired) : []);

    this.view = new MapView(this, outline, { scenario: session.scenario, showPlaces: true });
    // Larger text, larger map labels and symbols: half as much again at 200%.
    this.view.setLabelScale(1 + (settings().textScale / 100 - 1) / 2);
    this.cam = new MapCamera(this.cameras.main, worldRect(outline), (z) => this.view.setZoom(z));
    app.mapAreas = () => ({ holders: this.view.areaHolders(), front: this.view.frontLength() });
    this.root = layer('game');
    this.hud = new Hud(this.root, session, {
      selectPlace: (id) => this.select(id),
      endTurn: () => void this.endTurn(),
      exit: () => void this.exit(),
      menuTitle: this.net ? t('game.net.menuTitle') : undefined,
      glossary: () => {
        this.tutorial?.notice('glossary');
        void showGlossary(this.root, this.session.state.concepts, this.session.scenario);
      },
      lastReport: () => {
        this.tutorial?.notice('report');
        const report = this.session.reports.at(-1) ?? this.session.opening;
        void showReport(this.root, this.session, report, new Set(), this.leftHistory.get(report.turn));
      },
      highlight: (ids) => {
        this.view.setHighlighted(ids);
        keepAwake();
      },
      zoom: (d) => this.cam.zoomBy(d > 0 ? 1.35 : 1 / 1.35),
      closeUp: this.closeUpPlaces().length >= 3 ? () => this.toggleCloseUp() : undefined,
      decide: () => void this.decide(),
      // A sheet opened or closed on a small screen: the map keeps to the area left free.
      layoutChanged: () => {
        if (this.hud) this.frame(false);
        keepAwake();
      },
      places: () => {
        if (modalOpen()) return;
        void showPlaces(this.root, this.session, this.selected).then((id) => {
          if (id) this.select(id);
          // The place's panel, for the keyboard: its tab.
          if (id) document.getElementById('tab-place')?.focus({ preventScroll: true });
        });
      },
      shortcuts: () => {
        if (!modalOpen()) void showShortcuts(this.root);
      },
    });
    const steps = session.scenario.tutorial;
    this.tutorial = steps
      ? new TutorialOverlay(
          this.root,
          steps,
          {
            highlightPlaces: (ids) => {
              this.view.setHighlighted(ids);
              keepAwake();
            },
            placeName: (id) => placeName(id, session.scenario.map.places.find((p) => p.id === id)?.name ?? id),
          },
          this.progress(),
        )
      : null;
    // At a classroom table: who the table waits for, the server's refusals, and the messages between seats.
    this.tablePanel = this.net ? mountTablePanel(this.root, this.net) : null;
    this.refreshMap();
    this.frame(true);

    const onResize = () => this.frame(false);
    this.scale.on('resize', onResize);
    const onKey = (e: KeyboardEvent) => this.onKey(e);
    window.addEventListener('keydown', onKey);
    const unsubscribe = session.subscribe(() => {
      if (this.net?.unseated) {
        this.leaveTable(t('game.net.unseated'));
        return;
      }
      this.tutorial?.update(this.progress());
      // While a turn resolves, the map keeps the old state until the animations have played;
      // while the screen is passed on (hot-seat), nothing is drawn.
      if (this.resolving || this.concealed) return;
      this.hud.render();
      this.refreshMap();
    });
    // A replay is watched with its bar; the map and panels show the frame it picks.
    const local = this.local;
    const bar = local?.replay
      ? mountReplayBar(this.root, local, {
          report: () => {
            const r = local.replay;
            const report = (r ? r.frames[r.at]?.report : undefined) ?? local.opening;
            void showReport(this.root, local, report, new Set());
          },
          exit: () => go(this, 'MainMenu'),
        })
      : null;
    const net = this.net;
    const table = this.tablePanel;
    const offTurn = net?.onTurn((report) => void this.turnArrived(report));
    this.events.once('shutdown', () => {
      app.mapAreas = null;
      bar?.destroy();
      table?.destroy();
      offTurn?.();
      this.scale.off('resize', onResize);
      window.removeEventListener('keydown', onKey);
      unsubscribe();
      this.tutorial?.destroy();
      this.tutorial = null;
      this.root.remove();
    });
    this.setupPointer();
    music('tension');

    // The opening: events of turn 1, choices waiting, concepts met (none of it in a replay).
    if (session.readOnly) return;
    if (local?.hotSeat) {
      // Hot-seat: the first person is named before anything of their view shows.
      void this.handOver(local.role, false).then(() => (local.history.length === 0 ? this.afterTurn(local.opening, false) : this.offerChoices()));
      return;
    }
    if (session.reports.length === 0) void this.afterTurn(session.opening, false);
    else void this.offerChoices();
  }

  /** What the tutorial overlay checks its steps against. */
  private progress(): TutorialProgress {
    return { selected: this.selected, queued: this.session.queued, turn: this.session.state.turn, done: new Set() };
  }

  /** Fits Libya (or a small map's places) into the part of the window the panels leave free. */
  private frame(fit: boolean): void {
    const insets = this.hud.insets();
    this.cam.setInsets({ ...insets, top: insets.top + (this.tutorial?.height() ?? 0) + (this.tablePanel?.height() ?? 0) });
    const places = this.session.scenario.map.places;
    if (fit && places.length <= 12) {
      // A slice of the map (the tutorial): frame its places, with room for their labels.
      const xs: number[] = [];
      const ys: number[] = [];
      for (const p of places) {
        const at = this.view.placePosition(p.id);
        if (at) {
          xs.push(at.x);
          ys.push(at.y);
        }
      }
      const x = Math.min(...xs);
      const y = Math.min(...ys);
      this.cam.fit({ x: x - 60, y: y - 50, width: Math.max(...xs) - x + 120, height: Math.max(...ys) - y + 90 }, 12);
    } else if (fit) {
      // Room above the coast for the labels of the coastal cities.
      const b = this.view.libyaBounds();
      this.cam.fit({ x: b.x, y: b.y - 70, width: b.width, height: b.height + 70 }, 12);
    }
  }

  /** The places of Greater Tripoli this map has: the capital, its airports and the towns of its front. */
  private closeUpPlaces(): string[] {
    if (this.session.scenario.map.places.length <= 12) return [];
    const cluster = ['tripoli', 'mitiga', 'tripoli-airport', 'tajoura', 'zawiya', 'gharyan', 'tarhuna'];
    return cluster.filter((id) => this.view.placePosition(id));
  }

  private closedUp = false;

  /** Frames Greater Tripoli (labels then have room), or the whole country again. Returns whether it is close. */
  private toggleCloseUp(): boolean {
    this.closedUp = !this.closedUp;
    if (!this.closedUp) {
      this.frame(true);
      return false;
    }
    const pts = this.closeUpPlaces().map((id) => this.view.placePosition(id) as { x: number; y: number });
    const x = Math.min(...pts.map((p) => p.x));
    const y = Math.min(...pts.map((p) => p.y));
    this.cam.fit({ x: x - 30, y: y - 30, width: Math.max(...pts.map((p) => p.x)) - x + 110, height: Math.max(...pts.map((p) => p.y)) - y + 60 }, 24);
    keepAwake();
    return true;
  }

  private select(id: string | null): void {
    this.selected = id;
    this.view.setSelected(id);
    this.hud.selectPlace(id);
    this.tutorial?.update(this.progress());
    if (id) {
      const p = this.view.placePosition(id);
      if (p) this.cam.reveal(p.x, p.y);
      sfx('select');
    }
    keepAwake();
  }

  private refreshMap(): void {
    const s = this.session;
    const seen = seenFormations(s);
    const labels: string[] = [];
    for (const id of this.view.placeIds()) {
      const ps = s.state.places[id];
      // Passing the screen on: who holds a place is public, the forces there are not.
      const forces = (this.concealed ? [] : forcesAt(id, seen)).map((f) => ({
        side: f.side === 'none' ? ('local' as const) : f.side,
        text: f.exact || f.low === f.high ? shortStrength(f.low) : `~${shortStrength(Math.round((f.low + f.high) / 2))}`,
      }));
      this.view.setStatus(id, { controller: ps?.controller ?? 'local', forces, sieged: !!ps?.siegedBy, shut: ps?.shut });
      for (const f of forces) labels.push(f.text);
    }
    app.mapForces = labels;
    this.view.setSelected(this.selected);
    keepAwake();
  }

  private setupPointer(): void {
    let down: { x: number; y: number } | null = null;
    let dragging = false;
    this.input.on('pointerdown', (p: Phaser.Input.Pointer) => {
      if (modalOpen()) return;
      down = { x: p.x, y: p.y };
      dragging = false;
    });
    // Two fingers: pinch to zoom about their midpoint (and drag with them).
    this.input.addPointer(1);
    let pinch: number | null = null;
    this.input.on('pointermove', (p: Phaser.Input.Pointer) => {
      const [a, b] = [this.input.pointer1, this.input.pointer2];
      if (a?.isDown && b?.isDown) {
        const d = Math.hypot(a.x - b.x, a.y - b.y);
        if (pinch && d > 0) this.cam.zoomBy(d / pinch, { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
        pinch = d;
        dragging = true;
        return;
      }
      pinch = null;
      if (down && p.isDown) {
        if (!dragging && Math.hypot(p.x - down.x, p.y - down.y) > DRAG_THRESHOLD) dragging = true;
        if (dragging) {
          this.hud.hover(null, 0, 0);
          this.cam.panByScreen(p.x - p.prevPosition.x, p.y - p.prevPosition.y);
          this.setCursor('grabbing');
        }
        return;
      }
      const w = this.cam.screenToWorld(p.x, p.y);
      const id = this.view.placeAt(w.x, w.y);
      this.view.setHovered(id);
      this.hud.hover(id, p.x, p.y);
      this.setCursor(id ? 'pointer' : 'grab');
    });
    this.input.on('pointerup', (p: Phaser.Input.Pointer) => {
      if (down && !dragging && !modalOpen()) {
        const w = this.cam.screenToWorld(p.x, p.y);
        this.select(this.view.placeAt(w.x, w.y));
      }
      down = null;
      dragging = false;
      this.setCursor('grab');
    });
    this.input.on('gameout', () => {
      this.view.setHovered(null);
      this.hud.hover(null, 0, 0);
    });
    this.input.on('wheel', (p: Phaser.Input.Pointer, _over: unknown, _dx: number, dy: number) => {
      if (modalOpen()) return;
      this.cam.zoomBy(Math.exp(-dy * 0.0015), { x: p.x, y: p.y });
    });
  }

  /** Only on a change: a style write on every pointer move makes the page restyle. */
  private setCursor(cursor: string): void {
    const style = this.game.canvas.style;
    if (style.cursor !== cursor) style.cursor = cursor;
  }

  private onKey(e: KeyboardEvent): void {
    const target = e.target as HTMLElement | null;
    if (target && (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA')) return;
    if (modalOpen() || this.resolving) return;
    if (this.hud.handleKey(e)) {
      e.preventDefault();
      return;
    }
    // Shift+arrow: from the selected place to the neighbour along a road in that direction.
    if (e.shiftKey && this.selected && e.key.startsWith('Arrow')) {
      const next = this.neighbourToward(this.selected, e.key);
      if (next) this.select(next);
      e.preventDefault();
      return;
    }
    // Arrow keys inside the panels move through lists; on the page they pan the map.
    const inPanel = target && target !== document.body && target.closest('.sidebar');
    const step = 90;
    const pan: Record<string, [number, number]> = {
      ArrowLeft: [step, 0],
      ArrowRight: [-step, 0],
      ArrowUp: [0, step],
      ArrowDown: [0, -step],
      a: [step, 0],
      d: [-step, 0],
      w: [0, step],
      s: [0, -step],
    };
    const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    const delta = pan[key];
    if (delta && !(inPanel && key.startsWith('Arrow'))) {
      this.cam.panByScreen(delta[0], delta[1]);
      e.preventDefault();
    } else if (key === 't' && this.hud.closeUpButton) {
      this.hud.closeUpButton.click();
      e.preventDefault();
    } else if (key === '+' || key === '=') {
      this.cam.zoomBy(1.25);
      e.preventDefault();
    } else if (key === '-' || key === '_') {
      this.cam.zoomBy(1 / 1.25);
      e.preventDefault();
    }
  }

  /** The place joined to `from` by a route whose direction on the map is nearest the arrow's (within 80°). */
  private neighbourToward(from: string, key: string): string | null {
    const dir: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    const want = dir[key];
    const at = this.view.placePosition(from);
    if (!want || !at) return null;
    let best: string | null = null;
    let bestCos = Math.cos((80 * Math.PI) / 180);
    for (const r of this.session.scenario.map.routes) {
      const other = r.from === from ? r.to : r.to === from ? r.from : null;
      const to = other ? this.view.placePosition(other) : null;
      if (!other || !to) continue;
      const dx = to.x - at.x;
      const dy = to.y - at.y;
      const len = Math.hypot(dx, dy) || 1;
      const cos = (dx * want[0] + dy * want[1]) / len;
      if (cos > bestCos) {
        bestCos = cos;
        best = other;
      }
    }
    return best;
  }

  /**
   * Hot-seat: empties the panels and the map's forces, shows the hand-over screen for `to`,
   * and draws their view once they say they are there.
   */
  private async handOver(to: string, afterTurn: boolean): Promise<void> {
    this.concealed = true;
    app.handOver = to;
    this.hud.conceal();
    this.selected = null;
    this.view.setSelected(null);
    this.view.setHighlighted([]);
    this.refreshMap();
    const firstTurn = !this.seated.has(to);
    this.seated.add(to);
    if (this.local) await showHandOver(this.root, this.local, this.local.role, { firstTurn, afterTurn });
    this.concealed = false;
    app.handOver = null;
    this.hud.reveal();
    this.refreshMap();
  }

  private async endTurn(): Promise<void> {
    if (this.resolving || this.session.state.ending || this.session.readOnly || this.concealed || this.session.waiting) return;
    // At a classroom table: the seat's turn ends; the report comes when the table resolves (turnArrived).
    if (this.net) {
      sfx('end-turn');
      this.net.endTurn();
      return;
    }
    const local = this.local;
    if (!local) return;
    // Hot-seat: the next person at the screen gives their orders before the turn resolves.
    if (local.nextSeat) {
      sfx('end-turn');
      const next = local.passToNext();
      if (next) {
        await this.handOver(next, false);
        // What the last fortnight brought, as this person saw it, then their decisions.
        const last = this.session.reports.at(-1) ?? this.session.opening;
        await showReport(this.root, this.session, last, new Set(), this.leftHistory.get(last.turn));
        await this.offerChoices();
      }
      return;
    }
    this.resolving = true;
    this.hud.setBusy(true);
    sfx('end-turn');
    // Let the button show "Resolving…" before the (synchronous) resolution runs.
    await new Promise((r) => setTimeout(r, 30));
    let report: ShownReport;
    try {
      report = local.endTurn();
    } catch (error) {
      console.error(error);
      this.resolving = false;
      this.hud.setBusy(false);
      return;
    }
    this.hud.setBusy(false);
    // Hot-seat: the screen goes to the first person of the next fortnight before anything of it shows.
    if (local.hotSeat && !local.state.ending) {
      this.resolving = false;
      await this.handOver(local.role, true);
      this.resolving = true;
    }
    await this.played(report);
  }

  /** A classroom table resolved the turn: the seat's report came from the server. */
  private async turnArrived(report: ShownReport): Promise<void> {
    this.resolving = true;
    this.hud.setBusy(false);
    await this.played(report);
  }

  /** The turn is played: the map plays it, then the news, the report and the decisions. */
  private async played(report: ShownReport): Promise<void> {
    await this.animate(report);
    this.resolving = false;
    this.refreshMap();
    this.hud.render();
    // Said to a screen reader before the cards: what changed on the map.
    announce(turnSummary(this.session, report));
    await this.afterTurn(report, true);
  }

  /** Plays the report's map details: control changes, battles, strikes, moves. */
  private async animate(report: ShownReport): Promise<void> {
    if (settings().reducedMotion) return;
    const items = report.events.filter((e) => e.detail && visibleTo(e, this.session.role));
    if (items.length === 0) return;
    const step = Math.max(160, Math.min(480, 3600 / items.length));
    for (const e of items) {
      if (this.playDetail(e, step)) {
        keepAwake(step * 3);
        await new Promise((r) => setTimeout(r, step));
      }
    }
    await new Promise((r) => setTimeout(r, step));
  }

  private playDetail(e: ReportEvent, ms: number): boolean {
    const d = e.detail;
    if (!d) return false;
    switch (d.type) {
      case 'control': {
        const ps = this.session.state.places[d.place];
        this.view.setStatus(d.place, { controller: d.to, forces: [], sieged: !!ps?.siegedBy });
        this.view.pulse(d.place, sideColor(d.to), ms * 2, 2);
        sfx('capture');
        return true;
      }
      case 'battle':
        this.view.arrow(d.from, d.target, sideColor(d.attacker), ms * 2);
        this.view.pulse(d.target, d.won ? sideColor(d.attacker) : palette.text, ms * 1.6, 1);
        sfx('battle');
        return true;
      case 'strike':
        this.view.pulse(d.target, palette.danger, ms * 1.8, 3);
        sfx('strike');
        return true;
      case 'move': {
        const f = this.session.state.formations.find((x) => x.id === d.formation);
        // A side sees its own moves; a backer its client's; the mediator, every one.
        const mine = sideOf(this.session.scenario, this.session.role);
        if (!f || (this.session.role !== 'mediator' && f.side !== mine)) return false;
        this.view.arrow(d.from, d.to, sideColor(f.side), ms * 1.6);
        return true;
      }
      case 'defection': {
        const f = this.session.state.formations.find((x) => x.id === d.formation);
        if (!f) return false;
        this.view.pulse(f.location, sideColor(d.to), ms * 1.6, 2);
        return true;
      }
      default:
        return false;
    }
  }

  /**
   * After a turn (or at the start): the news (event cards), the report, concept cards met
   * for the first time, the decisions waiting, and at the last the ending.
   */
  private async afterTurn(report: ShownReport, showTheReport: boolean): Promise<void> {
    const s = this.session;
    const news = firedEvents(s, report).filter((e) => !this.eventsShown.has(e.id));
    for (const event of news) this.eventsShown.add(event.id);
    // Events waiting for the player's decision are shown as decisions, below.
    if (news.length) sfx('event');
    await showEvents(
      this.root,
      news.filter((e) => !s.state.pending.some((p) => p.event === e.id && p.role === s.role)),
      { date: s.state.date, days: s.scenario.turnDays },
    );
    if (showTheReport) {
      const left = this.track?.next(s.state) ?? [];
      this.leftHistory.set(report.turn, left);
      await showReport(this.root, s, report, new Set(news.map((e) => e.id)), left);
    }
    await showConcepts(this.root, this.newConcepts(report));
    if (s.state.ending) {
      if (this.net) await this.tableEnded(this.net);
      else go(this, 'Ending');
      return;
    }
    await this.offerChoices();
  }

  /** The one concept card of this turn, if any: the one tied to what just happened, the player's own doings first. */
  private newConcepts(report: ShownReport) {
    const role = this.session.role;
    const met = [];
    for (const e of report.events) {
      if (e.concept && visibleTo(e, role)) met.push({ concept: e.concept, mine: e.actors?.includes(role) ?? false });
    }
    return this.concepts.next(met);
  }

  private async decide(): Promise<void> {
    if (!modalOpen() && !this.session.readOnly) await this.offerChoices();
  }

  /** Decisions waiting for the player and not yet answered: each answer is an event-choice order. */
  private async offerChoices(): Promise<void> {
    const s = this.session;
    for (const pending of s.state.pending) {
      if (pending.role !== s.role) continue;
      if (s.queued.some((o) => o.kind === 'event-choice' && o.event === pending.event)) continue;
      const event = s.scenario.events.find((e) => e.id === pending.event);
      if (!event) continue;
      sfx('alert');
      const option = await showChoiceCard(this.root, event, pending);
      if (option) s.queue({ actor: s.role, kind: 'event-choice', event: pending.event, option });
    }
    this.hud.render();
  }

  private async exit(): Promise<void> {
    if (this.net) {
      const sure = await confirm(
        this.root,
        t('game.net.leaveTitle'),
        t('game.net.leaveText'),
        t('game.net.leave'),
        t('game.net.stay'),
      );
      if (sure) this.leaveTable();
      return;
    }
    if (!this.local || this.local.readOnly || (await showGameMenu(this.root, this.local)) === 'leave') go(this, 'MainMenu');
  }

  /**
   * A classroom table ended: the ending screen shows the whole game, rebuilt from the table's
   * replay and verified by the core (the replay download is there too).
   */
  private async tableEnded(net: NetSession): Promise<void> {
    try {
      const full = await net.finish();
      net.leave();
      this.net = null;
      app.session = full;
      go(this, 'Ending');
    } catch (error) {
      this.leaveTable(t('game.net.endedBroken', { error: (error as Error).message }));
    }
  }

  /** Leaves the classroom table for the main menu (with a notice when the table sent the person away). */
  private leaveTable(notice?: string): void {
    this.net?.leave();
    this.net = null;
    go(this, 'MainMenu', notice ? { notice } : undefined);
  }
}

/** What a turn changed on the map, in a sentence or two, for the live region. */
export function turnSummary(session: PlaySession, report: ShownReport): string {
  const name = (id: string) => placeName(id, session.scenario.map.places.find((p) => p.id === id)?.name ?? id);
  const holder = (c: string) => (c === 'local' || c === 'none' ? t('game.sum.localForces') : t('game.sum.theSide', { side: actorName(c), id: c }));
  const seen = report.events.filter((e) => visibleTo(e, session.role));
  const changes: string[] = [];
  let battles = 0;
  let strikes = 0;
  for (const e of seen) {
    const d = e.detail;
    if (d?.type === 'control') changes.push(t('game.sum.change', { place: name(d.place), holder: holder(d.to) }));
    else if (d?.type === 'battle') battles++;
    else if (d?.type === 'strike') strikes++;
  }
  const parts = [t('game.sum.resolved', { turn: report.turn })];
  parts.push(changes.length ? t('game.sum.changed', { list: changes.join(t('game.listSep2')) }) : t('game.sum.noChange'));
  if (battles || strikes) parts.push(t('game.sum.fights', { battles, strikes }));
  parts.push(session.state.ending ? t('game.gameOver') : t('game.sum.next', { turn: session.state.turn }));
  return parts.join(' ');
}
