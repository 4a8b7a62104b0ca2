// The ceasefire forecast a proposer is shown: for each side the computer plays, the answer it will
// give, from the very reckoning that decides (talks.ts, ceasefireAnswer) on the state as the turn
// begins and on what its commanders and its patrons have ordered for this fortnight. The orders of
// the computer's actors are a function of the state (ai.ts), so they are known here exactly as the
// turn will have them. A side a person plays answers next fortnight, and is not forecast.
import { otherActorsOrders } from './ai.ts';
import { CALCULUS_REASONS, type CeasefireCalculus, ceasefireAnswer, plannedBy } from './rules/talks.ts';
import { type Said, said } from './said.ts';
import type { CeasefireTerms, PlayerRole, Scenario, SideId, State } from './types.ts';
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

/** The forecast in words, as the order's preview shows it. */
export function forecastLines(scenario: Scenario, forecast: readonly CeasefireForecast[]): string[] {
  return forecastSaid(scenario, forecast).map((x) => x.text);
}

/** The forecast in words and as message codes (locales/<lang>/orders.json): the preview's last risks. */
export function forecastSaid(scenario: Scenario, forecast: readonly CeasefireForecast[]): Said[] {
  const lines: Said[] = [];
  const period = periodOf(scenario);
  for (const f of forecast) {
    const name = scenario.sides[f.side].shortName;
    if (f.person || !f.calc) {
      lines.push(said(`${name} is played by a person: it answers next ${period}.`, 'orders.forecast.person', { actor: f.side, period }));
      continue;
    }
    const c = f.calc;
    const why = c.reasons.length ? ` (${c.reasons.join(', ')})` : '';
    const values = { actor: f.side, deal: c.deal, fight: c.fight, whyMsg: c.reasons.length ? 'orders.forecast.why' : '', reasonItems: c.reasons.map((r) => CALCULUS_REASONS[r] ?? r).join('|') };
    if (c.accept) lines.push(said(`${name} will accept: it expects ${c.deal} from the deal against ${c.fight} from fighting on${why}.`, 'orders.forecast.accept', values));
    else if (c.deal < c.fight) lines.push(said(`${name} will refuse: it expects ${c.fight} from fighting on against ${c.deal} from the deal${why}.`, 'orders.forecast.refuse', values));
    else {
      const n = f.attacks === 1 ? 'an attack' : `${f.attacks} attacks`;
      lines.push(
        said(`${name} will refuse: the deal (${c.deal}) beats fighting on (${c.fight}), but its commanders have ordered ${n} this ${period}, and a side on the offensive answers with its guns.`, 'orders.forecast.offensive', {
          actor: f.side,
          deal: c.deal,
          fight: c.fight,
          attacks: f.attacks,
          period,
        }),
      );
    }
  }
  if (forecast.length > 0 && forecast.every((f) => f.calc?.accept)) {
    lines.push(said(`If both sides agree, the computer’s commanders call off the attacks they planned for this ${period}; yours go ahead, and would start the truce in bad faith.`, 'orders.forecast.calledOff', { period }));
  }
  return lines;
}
