// What a seat is shown before it decides: each order's preview (cost, odds, risks) and the
// warnings the rules would give it beside the orders already queued. The core computes them on
// the true state (the numbers that decide); what leaves the server is the preview itself, with
// the one exact figure of another side a preview names (an attack's "their N" of defence)
// taken out: the odds stay, as in the single-player game, and they are the rules' own.
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
import { messageText } from '../src/ui/report-text.ts';

/** An attack's summary names the defenders' exact combat power: the seat is told it is not known. */
const ATTACK_SUMMARY = /: your ([\d.]+) against their [\d.]+\.$/;

export function redactPreview(order: Order, p: OrderPreview): OrderPreview {
  if (order.kind !== 'attack') return p;
  const summary = p.summary.replace(ATTACK_SUMMARY, ': your combat power $1 against defenders your intelligence can only estimate.');
  if (!p.summaryMsg) return { ...p, summary };
  // Its code too: the defenders' figure leaves the values, and the sentence says it is not known.
  const { defence: _defence, ...values } = p.summaryMsg.values;
  return { ...p, summary, summaryMsg: { key: p.summaryMsg.key === 'orders.summary.attack' ? ATTACK_SUMMARY_HIDDEN : p.summaryMsg.key, values } };
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
    // (risks: the preview's English beside its codes; the forecast has codes only, told in English here.)
    value = { ...value, risks: [...value.risks, ...forecast.map((x) => messageText(x, scenario))], riskMsgs: [...(value.riskMsgs ?? []), ...forecast] };
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
