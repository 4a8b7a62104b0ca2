// The working context of one turn's resolution: a private copy of the state that the phases
// change in order, the RNG, the report being written, and facts gathered along the way.
import type { Rng } from '../rng.ts';
import type {
  Actor,
  Ledger,
  Order,
  Phase,
  PlaceState,
  ReportEvent,
  Scenario,
  SideId,
  State,
  TurnReport,
} from '../types.ts';
import type { World } from '../world.ts';
import type { CeasefireCalculus } from './talks.ts';

export interface TurnFacts {
  /** Civilians killed this turn, by who caused it ('none' for spoilers and crossfire). */
  civilians: Record<SideId | 'none', number>;
  displaced: number;
  /** Places each side gained and lost this turn. */
  gained: Record<SideId, string[]>;
  lost: Record<SideId, string[]>;
  /** Attacks launched by each side (a truce violation when talks are at truce or better). */
  attacks: Record<SideId | 'none', number>;
  /** Fighters each side lost this turn (hundreds). */
  losses: Record<SideId | 'none', number>;
  /** Support requests from a side to a backer this turn. */
  requests: { side: SideId; backer: string }[];
  /** Sides that called a humanitarian pause this turn. */
  pauses: SideId[];
  /** Places with a humanitarian corridor this turn. */
  corridors: string[];
  /** Answers to a ceasefire proposal this turn. */
  answers: Partial<Record<SideId, boolean>>;
  /**
   * The reckoning behind a computer side's answer to a proposal made this turn, made when the
   * proposal was put, on the state as the turn began: the figures the proposer was shown.
   */
  reckoned: Partial<Record<SideId, CeasefireCalculus>>;
  /** Backers told by the mediator to hold back, and clients restrained by their backers. */
  restrained: SideId[];
}

export interface Ctx {
  scenario: Scenario;
  world: World;
  s: State;
  /**
   * s's places by their index in world.placeIds, the very objects of s.places (no rule replaces a
   * place during a turn; it changes one): the phases that walk every place read them here, not by
   * changing ids (V8's generic keyed load).
   */
  places: (PlaceState | undefined)[];
  /** The state as the turn began (what the players saw when they gave their orders); never changed. */
  start: State;
  rng: Rng;
  report: TurnReport;
  orders: Order[];
  facts: TurnFacts;
  /** Roles played by humans this turn are not known to the core: every role's orders come in `orders`. */
  phase: Phase;
  /** The round of the turn being resolved: 0, or 1 in the second fortnight of a lesson form's month. */
  round: number;
  /**
   * Whether s.fired is still the very object of the state the turn began with (resolveTurn's copy
   * shares it: most turns fire no event). Whatever writes to it copies it first (fireEvents).
   */
  sharedFired?: boolean;
}

export function emptyFacts(): TurnFacts {
  return {
    civilians: { gna: 0, lna: 0, none: 0 },
    displaced: 0,
    gained: { gna: [], lna: [] },
    lost: { gna: [], lna: [] },
    attacks: { gna: 0, lna: 0, none: 0 },
    losses: { gna: 0, lna: 0, none: 0 },
    requests: [],
    pauses: [],
    corridors: [],
    answers: {},
    reckoned: {},
    restrained: [],
  };
}

export function emptyLedger(): Ledger {
  const strength = () => ({ start: 0, recruited: 0, deployed: 0, lost: 0, defectedIn: 0, defectedOut: 0, end: 0 });
  const money = () => ({ start: 0, oil: 0, backers: 0, upkeep: 0, orders: 0, events: 0, end: 0 });
  return { strength: { gna: strength(), lna: strength(), none: strength() }, money: { gna: money(), lna: money() } };
}

export function say(ctx: Ctx, event: Omit<ReportEvent, 'phase'>): void {
  // The event is copied field by field, not spread: a spread of objects of many shapes takes V8's slow path.
  // Each field read once: the events come in many shapes, and every read of one is a slow, generic one.
  const { actors, places, visibleTo, detail, concept, nextTurn, round } = event;
  const e: ReportEvent = { phase: ctx.phase, mechanic: event.mechanic, msg: event.msg };
  if (actors !== undefined) e.actors = actors;
  if (places !== undefined) e.places = places;
  if (visibleTo !== undefined) e.visibleTo = visibleTo;
  if (detail !== undefined) e.detail = detail;
  if (concept !== undefined) e.concept = concept;
  if (nextTurn !== undefined) e.nextTurn = nextTurn;
  if (ctx.round > 0 && !nextTurn) e.round = ctx.round;
  else if (round !== undefined) e.round = round;
  ctx.report.events.push(e);
  if (concept && !ctx.s.concepts.includes(concept)) ctx.s.concepts.push(concept);
  if (places) {
    for (let i = 0; i < places.length; i++) {
      const place = ctx.s.places[places[i]!];
      if (place) place.lastTurnTouched = ctx.s.turn;
    }
  }
}

/**
 * say(), when `when` holds: for a rare event in a hot phase. The call is made every time, so V8 has
 * feedback for it (a call site first reached hundreds of games in throws the caller's optimised code away).
 */
export function sayIf(ctx: Ctx, when: boolean, event: Omit<ReportEvent, 'phase'>): void {
  if (when) say(ctx, event);
}

export function ordersOf<K extends Order['kind']>(ctx: Ctx, kind: K): Extract<Order, { kind: K }>[] {
  return ctx.orders.filter((o): o is Extract<Order, { kind: K }> => o.kind === kind);
}

export function sideOfActor(actor: Actor): SideId | null {
  return actor === 'gna' || actor === 'lna' ? actor : null;
}


export function spend(ctx: Ctx, side: SideId, amount: number, what: 'orders' | 'events' | 'upkeep'): number {
  const paid = Math.min(amount, ctx.s.sides[side].money);
  ctx.s.sides[side].money -= paid;
  ctx.report.ledger.money[side][what] += paid;
  return paid;
}
