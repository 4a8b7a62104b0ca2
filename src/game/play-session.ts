// The seam between the game screen and the game being played. The map scene and its panels read
// a PlaySession and send orders to it; they do not know whether the war is played at this
// screen (GameSession: the whole state, the core run here) or at a classroom table over the
// network (NetSession: the seat's fog-of-war view, the core run by the server). What they may
// read of the state is only what a seat is shown (ShownState): the type keeps hidden numbers
// (another side's strength, money, inner figures) out of the panels' reach.
import type { SeatStanding } from '../net/protocol.ts';
import type { CheckResult, Concept, Ending, Order, OrderWarning, PendingChoice, PlayerRole, PlayerView, ReplayFrame, Scenario, SideId, State, TurnReport } from './sim-types.ts';

/** A formation as the map places it: whose it is and where (its numbers come from the view). */
export interface ShownFormation {
  readonly id: string;
  readonly side: SideId | 'none';
  readonly location: string;
}

/** The state as a seat sees it: public facts, its own choices waiting, the concepts met. */
export interface ShownState {
  readonly turn: number;
  readonly date: string;
  readonly places: State['places'];
  readonly country: State['country'];
  readonly talks: State['talks'];
  readonly backers: State['backers'];
  readonly formations: readonly ShownFormation[];
  /** Choices waiting for an answer (a network seat gets its own only). */
  readonly pending: readonly PendingChoice[];
  readonly concepts: readonly Concept[];
  /** Events seen fired so far, by id, with the turn. */
  readonly fired: Readonly<Record<string, number>>;
  readonly ending: Ending | null;
}

/** A turn report as a seat reads it (the ledger of forces and money is not shown on the game screen). */
export type ShownReport = Omit<TurnReport, 'ledger' | 'standing'> & { standing?: { before: SeatStanding; after: SeatStanding } };

export interface PlaySession {
  /** The scenario as the screens show it, its text in the player's language: for showing only. */
  readonly scenario: Scenario;
  /** The scenario the sim plays (English; its hash covers its text): for replaying, hashing, analysing. */
  readonly model: Scenario;
  /** The role whose view the screen shows. */
  readonly role: PlayerRole;
  /** Every role people play (at this screen, or at the table). */
  readonly humans: readonly PlayerRole[];
  readonly state: ShownState;
  /** The reports of the turns resolved (at a network seat: those seen at this screen). */
  readonly reports: readonly ShownReport[];
  /** What the opening events did. */
  readonly opening: ShownReport;
  /** The role's orders for the coming turn. */
  readonly queued: readonly Order[];
  readonly budget: number;
  readonly budgetUsed: number;
  /** What the rules will do to the queued orders that their previews alone do not show. */
  readonly warnings: OrderWarning[];
  /** A replay watched: no order can be given. */
  readonly readOnly: boolean;
  /** A replay watched: every frame and the one on screen (null in play). */
  readonly replay: { frames: ReplayFrame[]; orders: Order[][]; at: number; note: string | undefined } | null;
  /** Hot-seat: the next person to give orders at this screen, or null when the turn can be resolved. */
  readonly nextSeat: PlayerRole | null;
  /** The role has ended the turn and waits for the others (at a network table), so it gives no more orders. */
  readonly waiting: boolean;
  /** The state hash (empty at a network seat: only the server holds the state). */
  readonly hash: string;
  /** What the role sees of the forces and the sides (fog of war: the core's viewFor). */
  view(): PlayerView;
  legalOrders(): Order[];
  /** An order's preview (cost, odds, risks) or why it is not allowed: the numbers that decide. */
  check(order: Order): CheckResult;
  warningsIf(order: Order): OrderWarning[];
  isQueued(order: Order): boolean;
  queue(order: Order): CheckResult;
  cancel(index: number): void;
  subscribe(listener: () => void): () => void;
}
