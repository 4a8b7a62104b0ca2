// A seat at a classroom table, played on the same game screen as a single game. The server
// holds the state and runs the core; this session holds only what the server sends the seat
// (src/net/protocol.ts SeatUpdate): its fog-of-war view, its report, its queue, its legal orders
// with their previews worked out by the core on the true state. Orders go to the server, which
// checks them again with the core's own checks; the report comes when the server resolves.
import { shownScenario } from '../i18n/content.ts';
import type { TableClient } from '../net/client.ts';
import type { PreviewAnswer, Rejection, SeatReport, SeatUpdate } from '../net/protocol.ts';
import type { PlaySession, ShownReport, ShownState } from './play-session.ts';
import { ProblemError } from './problem.ts';
import { type GameSession, openReplay, orderKey } from './session.ts';
import { budgetOf } from './sim.ts';
import type { CheckResult, Order, OrderWarning, PlayerRole, PlayerView, Scenario } from './sim-types.ts';

type Listener = () => void;

const ASKING: CheckResult = { ok: false, error: { code: 'not-now', msg: { key: 'orders.problem.asking', values: {} } } };

function shownReport(r: SeatReport): ShownReport {
  const { ledger: _ledger, ...shown } = r;
  return shown;
}

export class NetSession implements PlaySession {
  readonly model: Scenario;
  get scenario(): Scenario {
    return shownScenario(this.model);
  }
  readonly role: PlayerRole;
  readonly humans: readonly PlayerRole[];
  readonly reports: ShownReport[] = [];
  readonly opening: ShownReport;
  readonly readOnly = false;
  readonly hash = '';
  /** A seat plays; it never watches a replay nor passes the screen on. */
  readonly replay = null;
  readonly nextSeat = null;
  private seat: SeatUpdate;
  private shown: ShownState;
  /** Events seen fired at this screen, by id, with the turn. */
  private readonly fired: Record<string, number> = {};
  private readonly listeners = new Set<Listener>();
  private readonly turnListeners = new Set<(report: ShownReport) => void>();
  /** Previews asked for orders that are not among the legal ones sent (a ceasefire's other terms), by order key. */
  private readonly asked = new Map<string, PreviewAnswer | null>();
  private rejectionsSeen: number;
  /** The last refusal from the server not yet read by the screen (an order refused, a message too fast). */
  rejection: Rejection | null = null;
  /** The person lost the seat (the host moved them): the screen goes back to the lobby. */
  unseated = false;
  private readonly detach: () => void;

  constructor(
    readonly table: TableClient,
    scenario: Scenario,
  ) {
    const seat = table.seat;
    const welcome = table.welcome;
    if (!seat || !welcome) throw new Error('The table has not sent this seat its view yet.');
    this.model = scenario;
    this.seat = seat;
    this.role = seat.role;
    this.humans = welcome.seats;
    this.rejectionsSeen = table.rejections;
    // Turn 1's report is the opening; coming back later, the last turn's report is what was seen.
    const report = shownReport(seat.report);
    if (seat.turn <= 1 && !seat.ending) this.opening = report;
    else {
      this.opening = { turn: 1, date: scenario.startDate, events: [], rejected: [], reasonMsgs: {} };
      this.reports.push(report);
    }
    this.noteFired(report);
    this.shown = this.stateOf(seat);
    const offChange = table.onChange(() => this.update());
    // An answer is kept for the turn and queue it was worked out on (see update).
    const offPreview = table.onPreview((a) => {
      if (a.turn === this.seat.turn) this.asked.set(orderKey(a.order), a);
    });
    this.detach = () => {
      offChange();
      offPreview();
    };
  }

  private stateOf(seat: SeatUpdate): ShownState {
    const v = seat.view;
    return {
      turn: v.turn,
      date: v.date,
      places: v.places,
      country: v.country,
      talks: v.talks,
      backers: v.backers,
      formations: v.formations,
      pending: seat.pending,
      concepts: seat.concepts,
      fired: { ...this.fired },
      ending: seat.ending,
    };
  }

  private noteFired(report: ShownReport): void {
    for (const e of report.events) if (e.detail?.type === 'event' && !(e.detail.event in this.fired)) this.fired[e.detail.event] = report.turn;
  }

  private update(): void {
    const t = this.table;
    if (t.rejections !== this.rejectionsSeen) {
      this.rejectionsSeen = t.rejections;
      this.rejection = t.lastRejection;
    }
    const seat = t.seat;
    if (!seat || t.welcome?.role !== this.role) {
      this.unseated = true;
      this.changed();
      return;
    }
    if (seat !== this.seat) {
      const before = this.seat;
      const resolved = seat.turn > before.turn || (seat.ending !== null && before.ending === null);
      if (seat.turn !== before.turn || orderKeys(seat.queued) !== orderKeys(before.queued)) this.asked.clear();
      this.seat = seat;
      let report: ShownReport | null = null;
      if (resolved) {
        report = shownReport(seat.report);
        this.reports.push(report);
        this.noteFired(report);
      }
      this.shown = this.stateOf(seat);
      // The screen hears of the new turn first (it holds its panels until the map has played it).
      if (report) for (const fn of this.turnListeners) fn(report);
    }
    this.changed();
  }

  get state(): ShownState {
    return this.shown;
  }

  get queued(): readonly Order[] {
    return this.seat.queued;
  }

  /** This seat has ended the turn and waits for the others. */
  get waiting(): boolean {
    return this.seat.ended;
  }

  /** The seats the table waits for (people present who have not ended the turn). */
  get waitingFor(): string[] {
    return this.table.table?.waitingFor ?? [];
  }

  /** When the turn in play ends (epoch ms), or 0 without a timer. */
  get deadline(): number {
    return this.table.table?.deadline ?? 0;
  }

  get connected(): boolean {
    return this.table.connected;
  }

  get budget(): number {
    return budgetOf(this.model, this.role);
  }

  get budgetUsed(): number {
    return this.seat.budgetUsed;
  }

  get warnings(): OrderWarning[] {
    return this.seat.warnings;
  }

  view(): PlayerView {
    return this.seat.view;
  }

  legalOrders(): Order[] {
    if (this.seat.ended || this.seat.ending) return [];
    return this.seat.legal;
  }

  /** The server's preview of an order: sent with the legal orders, or asked for (a ceasefire's forecast, other terms). */
  private previewOf(order: Order): { check: CheckResult; warnings: OrderWarning[] } | null {
    const key = orderKey(order);
    // A ceasefire proposal's forecast (the answers the computer's sides will give) is worked out on request.
    if (order.kind !== 'propose-ceasefire') {
      const at = this.seat.legal.findIndex((o) => orderKey(o) === key);
      const p = at >= 0 ? this.seat.previews[at] : undefined;
      if (p) return p;
    }
    const answer = this.asked.get(key);
    if (answer) return answer;
    // The turn's previews are on their way with its legal orders (the first update of a turn has neither).
    if (this.seat.ordersComing) return null;
    if (answer === undefined && !this.seat.ended && !this.seat.ending) {
      this.asked.set(key, null);
      this.table.askPreview(order);
    }
    return null;
  }

  check(order: Order): CheckResult {
    if (this.seat.ending) return { ok: false, error: { code: 'game-over', msg: { key: 'orders.problem.gameOverPlain', values: {} } } };
    if (this.seat.ended) return { ok: false, error: { code: 'not-now', msg: { key: 'orders.problem.turnEnded', values: {} } } };
    return this.previewOf(order)?.check ?? ASKING;
  }

  warningsIf(order: Order): OrderWarning[] {
    return this.previewOf(order)?.warnings ?? [];
  }

  isQueued(order: Order): boolean {
    const key = orderKey(order);
    return this.seat.queued.some((q) => orderKey(q) === key);
  }

  /** Sends the order to the table; the server checks it again and answers with the queue, or why not. */
  queue(order: Order): CheckResult {
    const check = this.check(order);
    if (check.ok) this.table.queue(order);
    return check;
  }

  cancel(index: number): void {
    this.table.cancel(index);
  }

  /** Ends this seat's turn; the report comes when every person has ended it (or the timer runs out). */
  endTurn(): void {
    this.table.endTurn();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called with the seat's report each time the table resolves a turn. */
  onTurn(listener: (report: ShownReport) => void): () => void {
    this.turnListeners.add(listener);
    return () => this.turnListeners.delete(listener);
  }

  private changed(): void {
    for (const fn of this.listeners) fn();
  }

  /**
   * The table has ended: the whole game, as the server's replay file holds it (the fog lifts at
   * the end, as in a debrief), verified here by the core and opened at its last turn for the
   * ending screen, from this seat's side.
   */
  async finish(): Promise<GameSession> {
    this.table.askReplay();
    const text = await new Promise<string>((resolve, reject) => {
      const started = Date.now();
      const wait = () => {
        if (this.table.replay) resolve(this.table.replay);
        else if (Date.now() - started > 30_000) reject(new Error('The table server did not send the replay.'));
        else setTimeout(wait, 50);
      };
      wait();
    });
    this.table.replay = null;
    const opened = await openReplay(new TextEncoder().encode(text));
    if (!opened.ok) throw new ProblemError(`The table's replay cannot be opened (${opened.problemMsg.key}).`, opened.problemMsg);
    const full = opened.session;
    const last = full.replay ? full.replay.frames.length - 1 : 0;
    full.role = this.role;
    full.showFrame(last);
    return full;
  }

  /** Leaves the table (the seat stays the person's: they come back with the code). */
  leave(): void {
    this.detach();
    this.table.leave();
  }
}

function orderKeys(orders: readonly Order[]): string {
  return orders.map(orderKey).join('|');
}
