// The ceasefire forecast a proposer is shown: for each side the computer plays, the answer it will
// give, from the very reckoning that decides (talks.ts, ceasefireAnswer) on the state as the turn
// begins and on what its commanders and its patrons have ordered for this fortnight. The orders of
// the computer's actors are a function of the state (ai.ts), so they are known here exactly as the
// turn will have them. A side a person plays answers next fortnight, and is not forecast.
import { otherActorsOrders } from './ai.ts';
import { type CeasefireCalculus, ceasefireAnswer, plannedBy } from './rules/talks.ts';
import { m } from './said.ts';
import type { CeasefireTerms, PlayerRole, ReportMessage, Scenario, SideId, State } from './types.ts';
import { SIDES } from './types.ts';
import { periodOf } from './world.ts';

export interface CeasefireForecast {
  side: SideId;
  /** Played by a person: answers next fortnight. */
  person: boolean;
  /** The reckoning that will decide (absent for a person's side). */
  calc?: CeasefireCalculus;
  /** Attacks its commanders have ordered this fortnight. */
  attacks: number;
}

/** The answers to a ceasefire the player proposes now, side by side (the proposer's own side left out). */
export function ceasefireForecast(scenario: Scenario, state: State, player: PlayerRole, terms: CeasefireTerms): CeasefireForecast[] {
  const planned = otherActorsOrders(scenario, state, player).orders;
  const out: CeasefireForecast[] = [];
  for (const side of SIDES) {
    if (side === player) continue;
    if (state.humans.includes(side)) {
      out.push({ side, person: true, attacks: 0 });
      continue;
    }
    const p = plannedBy(planned, side, scenario);
    out.push({ side, person: false, calc: ceasefireAnswer(scenario, state, side, terms, p), attacks: p.attacks });
  }
  return out;
}

/**
 * The forecast as message codes (locales/<lang>/orders.json), one line for each side and a last
 * line when both will accept: the preview's last risks, told in the player's language.
 */
export function forecastMsgs(scenario: Scenario, forecast: readonly CeasefireForecast[]): ReportMessage[] {
  const lines: ReportMessage[] = [];
  const period = periodOf(scenario);
  for (const f of forecast) {
    if (f.person || !f.calc) {
      lines.push(m('orders.forecast.person', { actor: f.side, period }));
      continue;
    }
    const c = f.calc;
    const values = { actor: f.side, deal: c.deal, fight: c.fight, whyMsg: c.reasons.length ? 'orders.forecast.why' : '', reasonItems: c.reasons.join('|') };
    if (c.accept) lines.push(m('orders.forecast.accept', values));
    else if (c.deal < c.fight) lines.push(m('orders.forecast.refuse', values));
    else lines.push(m('orders.forecast.offensive', { actor: f.side, deal: c.deal, fight: c.fight, attacks: f.attacks, period }));
  }
  if (forecast.length > 0 && forecast.every((f) => f.calc?.accept)) lines.push(m('orders.forecast.calledOff', { period }));
  return lines;
}
