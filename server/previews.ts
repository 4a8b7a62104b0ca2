// What a seat is shown before it decides: each order's preview (cost, odds, risks) and the
// warnings the rules would give it beside the orders already queued. The core computes them on
// the true state (the numbers that decide); what leaves the server is the preview itself, with
// the one exact figure of another side a preview names (an attack's "their N" of defence)
// taken out: the odds stay, as in the single-player game, and they are the rules' own. A
// preview is message codes (the seat's screen tells them in its player's language).
import type { SeatPreview } from '../src/net/protocol.ts';
import {
  ceasefireForecast,
  checkOrder,
  forecastMsgs,
  type Order,
  type OrderPreview,
  orderWarnings,
  type PlayerRole,
  type Scenario,
  type State,
} from '../src/sim/index.ts';
import { ATTACK_SUMMARY_HIDDEN } from '../src/sim/said.ts';

/** An attack's summary names the defenders' exact combat power: the figure leaves its values, and the seat is told it is not known. */
export function redactPreview(order: Order, p: OrderPreview): OrderPreview {
  if (order.kind !== 'attack') return p;
  const { defence: _defence, ...values } = p.summaryMsg.values;
  return { ...p, summaryMsg: { key: p.summaryMsg.key === 'orders.summary.attack' ? ATTACK_SUMMARY_HIDDEN : p.summaryMsg.key, values } };
}

/**
 * The preview of one order for a seat, as the single-player session shows it: the core's
 * check against the seat's queue, a ceasefire proposal's forecast answers when `forecast`
 * (they are worked out by playing the computer's fortnight: asked for, not sent unasked),
 * and the warnings the order would carry if queued now.
 */
export function seatPreview(scenario: Scenario, state: State, role: PlayerRole, order: Order, queued: readonly Order[], forecast = false): SeatPreview {
  const check = checkOrder(scenario, state, order, queued);
  if (!check.ok) return { check, warnings: [] };
  let value = redactPreview(order, check.value);
  if (forecast && order.kind === 'propose-ceasefire') {
    const forecast = forecastMsgs(scenario, ceasefireForecast(scenario, state, role, order.terms));
    value = { ...value, riskMsgs: [...value.riskMsgs, ...forecast] };
  }
  const at = queued.length;
  const warnings = orderWarnings(scenario, state, role, [...queued, order]).filter((w) => w.order === at);
  return { check: { ok: true, value }, warnings };
}

/** The budget the queued orders use, as the core prices them (an order it refuses counts one). */
export function budgetUsed(scenario: Scenario, state: State, queued: readonly Order[]): number {
  let used = 0;
  const before: Order[] = [];
  for (const order of queued) {
    const check = checkOrder(scenario, state, order, before);
    used += check.ok ? check.value.budget : 1;
    before.push(order);
  }
  return used;
}
