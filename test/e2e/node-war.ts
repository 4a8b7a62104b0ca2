// The wars the end-to-end tests look for in Node before they play them in Chromium: a role that
// gives no orders but answers each decision with its first option (as drainCards does), every
// other actor the computer.
import { type Order, otherActorsOrders, type PlayerRole, resolveTurn, type Scenario, type State, type TurnReport } from '../../src/sim/index.ts';

/** The decisions waiting for `role`, answered with their first option. */
export function firstChoices(scenario: Scenario, state: State, role: PlayerRole = 'mediator'): Order[] {
  return state.pending
    .filter((p) => p.role === role)
    .map((p) => ({ actor: role, kind: 'event-choice', event: p.event, option: scenario.events.find((e) => e.id === p.event)!.choice!.options.find((o) => p.options.includes(o.id))!.id }) as Order);
}

/** One fortnight of that war: `role`'s first options, the computer for everyone else. */
export function quietTurn(scenario: Scenario, state: State, role: PlayerRole = 'mediator', extra: Order[] = []): { state: State; report: TurnReport } {
  const ai = otherActorsOrders(scenario, state, role);
  return resolveTurn(scenario, state, [...firstChoices(scenario, state, role), ...extra, ...ai.orders], ai.reasonMsgs);
}
