// Warnings before the turn ends: what the rules will do to a queued order that its preview alone
// does not show. An attack whose starting place may fall first (the enemy's forces stand next to
// it and may strike before it goes in), an attack or siege that breaks a truce in force or one the
// player is accepting this very turn (and what that costs), and an attack on a place a backer of
// the defender has declared a red line (and where its fall would leave the region's escalation).
// Read from the same rules and constants that decide.
import { talksIndex } from './query.ts';
import { escalationIfTaken } from './rules/backers.ts';
import { BAD_FAITH_TRUST } from './rules/talks.ts';
import type { Order, PlayerRole, ReportMessage, Scenario, SideId, State } from './types.ts';
import { other, periodOf, worldOf } from './world.ts';

export type WarningKind = 'may-fall-first' | 'breaks-truce' | 'bad-faith' | 'red-line';

export interface OrderWarning {
  /** Index of the order in the queue. */
  order: number;
  kind: WarningKind;
  /** What the rules will do, as a message code (locales/<lang>/orders.json): the screen tells it in the player's language. */
  msg: ReportMessage;
}

/** Trust lost for each attack or siege kept during a truce in force (talks.ts), and legitimacy. */
export const VIOLATION_TRUST = 10;
export const VIOLATION_LEGITIMACY = 4;
/** Violations after which a truce collapses (talks.ts). */
export const TRUCE_MAX_VIOLATIONS = 5;

/**
 * How the queue accepts a truce this turn, if it does: a decision whose truce starts as the
 * fortnight begins (choices are resolved first), or a ceasefire proposal answered yes (agreed
 * when the talks are weighed, after the fighting).
 */
function acceptsTruceNow(scenario: Scenario, state: State, side: SideId, queued: readonly Order[]): 'at-start' | 'after-fighting' | null {
  let how: 'at-start' | 'after-fighting' | null = null;
  for (const o of queued) {
    if (o.kind === 'event-choice') {
      const option = scenario.events.find((e) => e.id === o.event)?.choice?.options.find((x) => x.id === o.option);
      if (option?.effects.some((e) => e.kind === 'talks' && talksIndex(e.stage) >= 2)) return 'at-start';
    }
    if (o.kind === 'answer-ceasefire' && o.accept && state.talks.proposal && state.talks.proposal.by !== side) how = 'after-fighting';
  }
  return how;
}

export function orderWarnings(scenario: Scenario, state: State, role: PlayerRole, queued: readonly Order[]): OrderWarning[] {
  if (role !== 'gna' && role !== 'lna') return [];
  const side: SideId = role;
  const enemy = other(side);
  const world = worldOf(scenario);
  const out: OrderWarning[] = [];
  // Choice effects apply when the turn begins: a truce accepted now is in force when the guns speak.
  const inForce = talksIndex(state.talks.stage) >= 2;
  const accepting = !inForce && acceptsTruceNow(scenario, state, side, queued);
  // Who strikes first alternates by turn (combatPhase): odd turns the GNA, even turns the LNA.
  const enemyFirst = (state.turn % 2 === 1 ? 'gna' : 'lna') === enemy;
  const enemyNear = (place: string) =>
    (world.adjacent.get(place) ?? []).filter((n) => state.places[n]?.controller === enemy && state.formations.some((f) => f.side === enemy && f.location === n && f.strength > 0));

  let myAttacks = 0;
  queued.forEach((o, i) => {
    // 1. The starting place may be lost before the attack goes in. Moves come before the fighting
    // (movementPhase), so only attacks can lose their start: the k-th attack of a side goes in in
    // round k, after the enemy's first k attacks, or k + 1 when the enemy strikes first.
    if (o.kind === 'attack') {
      const round = myAttacks++;
      const before = round + (enemyFirst ? 1 : 0);
      const near = before > 0 ? enemyNear(o.from) : [];
      if (near.length > 0) {
        out.push({
          order: i,
          kind: 'may-fall-first',
          msg: {
            key: 'orders.warning.mayFallFirst',
            values: {
              actor: enemy,
              placeShort: o.from,
              placeShortSeries: near.join('|'),
              whenMsg: enemyFirst ? (round > 0 ? 'orders.warning.when.enemyFirstNth' : 'orders.warning.when.enemyFirst') : 'orders.warning.when.nth',
              period: periodOf(scenario),
              nth: round + 1,
              before: round,
            },
          },
        });
      }
    }
    // Attacks and sieges are what a truce counts (air strikes are not among its violations).
    const hostile = o.kind === 'attack' || o.kind === 'siege';
    // 2. A truce in force, or one that starts as the fortnight begins: attacks and sieges are violations.
    if (hostile && (inForce || accepting === 'at-start')) {
      out.push({
        order: i,
        kind: 'breaks-truce',
        msg: {
          key: inForce ? 'orders.warning.breaksTruce' : 'orders.warning.breaksTruceAccepting',
          values: { stage: state.talks.stage, period: periodOf(scenario), trust: VIOLATION_TRUST, legitimacy: VIOLATION_LEGITIMACY, max: TRUCE_MAX_VIOLATIONS, count: inForce ? state.talks.violations : 0 },
        },
      });
    } else if (hostile && o.kind === 'attack' && accepting === 'after-fighting') {
      out.push({
        order: i,
        kind: 'bad-faith',
        msg: { key: 'orders.warning.badFaith', values: { trust: BAD_FAITH_TRUST } },
      });
    }
    // 3. A red line: a place a backer of the defender has sworn to defend.
    if (o.kind === 'attack' || o.kind === 'siege') {
      const holder = state.places[o.target]?.controller;
      if (holder === enemy) {
        for (const b of scenario.backers) {
          if (b.client !== enemy) continue;
          const rule = (b.redLines ?? []).includes(o.target);
          const said = rule || (b.personality?.redLines ?? []).includes(o.target);
          if (!said) continue;
          out.push({
            order: i,
            kind: 'red-line',
            msg: { key: rule ? 'orders.warning.redLine' : 'orders.warning.redLineSaid', values: { placeShort: o.target, backer: b.id, actor: enemy } },
          });
        }
        // Where its fall would leave the region: the number the computer's commanders decide by (src/sim/ai.ts).
        const line = o.kind === 'attack' ? escalationIfTaken(scenario, state, side, o.target) : null;
        if (line) {
          out.push({
            order: i,
            kind: 'red-line',
            msg: { key: 'orders.warning.lineTaken', values: { placeShort: o.target, backerList: line.backers.join('|'), n: line.after } },
          });
        }
      }
    }
  });
  return out;
}
